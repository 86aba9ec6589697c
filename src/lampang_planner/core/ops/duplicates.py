"""Duplicate people: the same walk-in registered on two laptops, found after a merge and offered for review.

Two live people are possible duplicates when they share a citizen ID, or the same name (first and last name, folded:
prefix, case and tone-mark typing slips ignored) with the same phone number or the same tambon. Candidates form
groups (if A~B and B~C, one group). Nothing is merged silently: :func:`merge_people` runs only when a person asks.

A merge is one transaction of ordinary synced writes, so it travels in bundles like any edit:

- the survivor is the group's smallest id (the earliest registered, ids are UUIDv7): two machines merging the same
  group pick the same survivor, so their merges converge and ``merged_into`` can never form a cycle;
- the survivor's empty fields are filled from the others (``prefer`` names a person whose details win instead);
- every invitation, attendance (desk scans combined, earliest kept) and named ballot of the others moves to the
  survivor: the fact's id is the natural key of the survivor (``natural_id``), and the old fact is tombstoned;
- the others stay, with ``merged_into`` set, so their badges still check in (as the survivor).

"Not the same person" decisions are remembered in this data folder (``setting`` row ``duplicates/dismissed``).
"""

from __future__ import annotations

import itertools
import json
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import PersonHead, normalise_phone

# Merging lives in core.ops.person_merge; importable from here as before.
from lampang_planner.core.ops.person_merge import merge_people, pending_moves, tidy_merged  # noqa: F401
from lampang_planner.core.privacy.pin import OfficePass, authorise_office
from lampang_planner.core.thai.collation import fold_for_search

DISMISSED_KEY = "duplicates/dismissed"
BIG_BUCKET = 25  # above this many people with one key, link them in a chain rather than pairwise

CITIZEN_ID, NAME_PHONE, NAME_TAMBON = "citizen_id", "name_phone", "name_tambon"
ORDER = (CITIZEN_ID, NAME_PHONE, NAME_TAMBON)  # as groups list their reasons, and sort
REASONS = {
    CITIZEN_ID: ("เลขประจำตัวประชาชนเดียวกัน", "Same citizen ID"),
    NAME_PHONE: ("ชื่อและเบอร์โทรศัพท์เดียวกัน", "Same name and phone"),
    NAME_TAMBON: ("ชื่อและตำบลเดียวกัน", "Same name and tambon"),
}


@dataclass(frozen=True)
class DuplicateGroup:
    person_ids: tuple[str, ...]  # sorted: the first is the survivor of a merge
    reasons: tuple[str, ...]  # keys of REASONS

    @property
    def key(self) -> str:
        return "+".join(self.person_ids)

    @property
    def survivor(self) -> str:
        return self.person_ids[0]

    def reason_text(self, lang: str = "th") -> str:
        return ", ".join(REASONS[r][1 if lang == "en" else 0] for r in self.reasons)

    def as_json(self) -> dict:
        return {"person_ids": list(self.person_ids), "reasons": list(self.reasons), "survivor": self.survivor}


def name_key(first: str | None, last: str | None) -> str:
    f, la = fold_for_search(first or "").replace(" ", ""), fold_for_search(last or "").replace(" ", "")
    return f"{f}|{la}" if f else ""


def _dismissed(store: Store) -> set[tuple[str, str]]:
    raw = store.get_setting(DISMISSED_KEY)
    try:
        pairs = json.loads(raw) if raw else []
    except ValueError:
        pairs = []
    return {(a, b) for a, b in pairs}


_LIVE = ("SELECT id, first_name, last_name, phone, subdistrict_code, citizen_id FROM person "
         "WHERE deleted=0 AND merged_into IS NULL")


def _keys(row: tuple, names: dict) -> set[tuple[str, str]]:
    """The bucket keys of one person row (as :func:`find_duplicates` files them)."""
    _pid, first, last, phone, tambon, cid = row
    out = {(CITIZEN_ID, cid)} if cid else set()
    nk = names.get((first, last))
    if nk is None:
        nk = names[(first, last)] = name_key(first, last)
    if nk:
        p = phone if phone is None or (phone.isascii() and phone.isdigit()) else normalise_phone(phone)
        if p:
            out.add((NAME_PHONE, f"{nk}|{p}"))
        if tambon:
            out.add((NAME_TAMBON, f"{nk}|{tambon}"))
    return out


# The initials of the first and last name as SQLite computes them, indexed with the tambon (migration 0008, same
# text): a Thai consonant or leading vowel, an ASCII letter in lower case, else ''. The folded name keeps that
# initial (or, for a Latin letter with a combining mark, composes it: :func:`_initials` asks for the base letter
# too); a name starting with anything else (a zero-width space, a tone mark typed first…) files under '', which
# every lookup reads.
def initial_sql(col: str) -> str:
    return (
        f"CASE WHEN unicode({col}) BETWEEN 3585 AND 3630 OR unicode({col}) BETWEEN 3648 AND 3652 "
        f"THEN substr({col}, 1, 1) "
        f"WHEN lower(substr({col}, 1, 1)) BETWEEN 'a' AND 'z' THEN lower(substr({col}, 1, 1)) ELSE '' END"
    )


TAMBON_LOOKUPS = 50  # per statement: with a few hundred, SQLite builds a Bloom filter over every person first


def _by_tambon(n: int) -> str:
    """The live people filed under any of ``n`` (tambon, first initial, last initial) whose first and last name
    match the lookup's patterns (:func:`consonant_pattern`): one index seek each (joined from a list of values; with
    IN lists SQLite seeks on the first column only). A tambon of a large office holds many people with the same
    initials: the patterns leave to Python only those who may have the same name, so what is read into Python
    follows the names looked for, not the size of the office (issue #13)."""
    keys = ",".join(["(?,?,?,?,?)"] * n)
    cols = _LIVE.split(" FROM ")[0].replace("SELECT ", "").split(", ")
    return (
        f"WITH k(t, a, b, f, l) AS (VALUES {keys}) SELECT {', '.join('person.' + c for c in cols)} FROM k "
        f"CROSS JOIN person ON person.subdistrict_code=k.t AND ({initial_sql('first_name')})=k.a "
        f"AND ({initial_sql('last_name')})=k.b "
        "WHERE person.deleted=0 AND person.merged_into IS NULL "
        "AND IFNULL(person.first_name, '') GLOB k.f AND IFNULL(person.last_name, '') GLOB k.l"
    )


def consonant_pattern(folded: str) -> str:
    """A GLOB pattern that every name whose :func:`fold_for_search` is ``folded`` (spaces taken out) matches: its Thai
    consonants in order, anything between. Folding never makes, drops or reorders a Thai consonant (NFC composes
    none, lower case and the mark table leave them, ํา becomes ำ around them), so the pattern is a necessary
    condition and the exact key is still compared in Python (:func:`_keys`)."""
    return "*" + "".join(c + "*" for c in folded if "\u0e01" <= c <= "\u0e2e")


def _tambon_lookups(tambon: str, nk: str) -> set[tuple[str, str, str, str, str]]:
    """(tambon, first initial, last initial, first name pattern, last name pattern) under which a person whose
    folded name key is ``nk`` may be filed."""
    first, _, last = nk.partition("|")
    a = {first[:1], unicodedata.normalize("NFD", first[:1])[:1], ""}
    b = {last[:1], unicodedata.normalize("NFD", last[:1])[:1], ""}
    f, la = consonant_pattern(first), consonant_pattern(last)
    return {(tambon, x, y, f, la) for x in a for y in b}


def _component_keys(store: Store, among: set[str]) -> dict[str, set[tuple[str, str]]]:
    """The keys of the live people linked, directly or through others, by a shared key to one of ``among`` (what
    their groups can hold), by person, found without reading every person into Python: SQLite looks them up by
    citizen ID, phone, or tambon, initials and name pattern (indexed), and the search widens until no new person
    shares a key. So an import's check follows what it touched and what it finds, not the size of the office (issue
    #13). Each person's keys are made once (they are what the groups are built from)."""
    names: dict = {}
    found: dict[str, set[tuple[str, str]]] = {}
    ids = sorted(among)
    frontier: list[tuple] = []
    for i in range(0, len(ids), 900):
        part = ids[i : i + 900]
        frontier += store.query(f"{_LIVE} AND id IN ({','.join('?' * len(part))})", part)
    for r in frontier:
        found[r[0]] = _keys(r, names)
    keys = {k for ks in found.values() for k in ks}
    asked: set = set()  # lookups made already: a person found brings the keys that found it
    while frontier:
        cids = sorted({r[5] for r in frontier if r[5]} - asked)
        phones = sorted({x for r in frontier if r[3] for x in (r[3], normalise_phone(r[3]) or r[3])} - asked)
        named = {(r[4], nk) for r in frontier if r[4] and (nk := names[(r[1], r[2])])} - asked
        asked.update(cids, phones, named)
        tambons = sorted({t for tambon, nk in named for t in _tambon_lookups(tambon, nk)})
        lookups: list[tuple[str, Sequence]] = []
        for i in range(0, len(tambons), TAMBON_LOOKUPS):
            part = tambons[i : i + TAMBON_LOOKUPS]
            lookups.append((_by_tambon(len(part)), [x for t in part for x in t]))
        for col, values in (("citizen_id", cids), ("phone", phones)):
            for i in range(0, len(values), 900):
                part = values[i : i + 900]
                lookups.append((f"{_LIVE} AND {col} IN ({','.join('?' * len(part))})", part))
        frontier = []
        for sql, params in lookups:
            for r in store.query(sql, params):
                if r[0] not in found and not keys.isdisjoint(ks := _keys(r, names)):
                    found[r[0]] = ks
                    frontier.append(r)
        keys.update(k for r in frontier for k in found[r[0]])
    return found


def _grouped(keyed: dict[str, set[tuple[str, str]]]) -> Iterator[tuple[tuple[str, str], list[str]]]:
    """The keys two or more of the people ``keyed`` share, each with its people (they are few: grouped here)."""
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for pid, ks in keyed.items():
        for k in ks:
            by_key[k].append(pid)
    return ((k, ids) for k, ids in by_key.items() if len(ids) > 1)


def find_duplicates(
    store: Store, among: Iterable[str] | None = None, *, before_full_pass: Callable[[], object] | None = None
) -> list[DuplicateGroup]:
    """Groups of live people that may be one person; with ``among``, only groups that include one of those ids.
    Pairs dismissed as "not the same person" do not link.

    Memory follows the duplicates found, not the people read: ``among`` is filed in a temporary table; a pass over
    everyone files every person's keys in another and SQLite groups them, so only the keys two people share come
    back (an import of 300,000 people into a new office held every key in a dict before: 0.8 KB a person, issue
    #13); a check among a few groups in Python the keys of the people it looked up (those linked to them).
    ``before_full_pass`` is called before a pass over everyone (an import waits there for its checkpoint, so the
    two do not add up in memory)."""
    return _checked(store, lambda: _groups(*_linked(store, among, before_full_pass)))


def count_duplicates(
    store: Store, among: Iterable[str] | None = None, *, before_full_pass: Callable[[], object] | None = None
) -> int:
    """``len(find_duplicates(...))`` without making the groups: what an import reports. Counts the groups' roots,
    so memory holds the people linked, not a list and a tuple of ids per group as well (a 300,000-change import
    into a new office finds 26,908 groups: the list of them was 11 MiB of the check's peak, issue #13)."""

    def count() -> int:
        root, reasons, hits = _linked(store, among, before_full_pass)
        return len({root(p) for p in (reasons if hits is None else hits)})

    return _checked(store, count)


def _checked(store: Store, run: Callable[[], object]):
    db = store.db
    began = not db.in_transaction
    if began:
        db.execute("BEGIN")  # one read snapshot; the temporary tables' writes in one go (the folder is not written)
    try:
        return run()
    finally:
        for t in ("duplicate_keys", "duplicate_among"):
            db.execute(f"DROP TABLE IF EXISTS temp.{t}")
        if began:
            db.execute("COMMIT")


def _linked(store: Store, among: Iterable[str] | None, before_full_pass: Callable[[], object] | None = None):
    """(root of a person's group, reasons per linked person, the linked people among ``among`` — streamed, read
    before the temporary tables go — or None without it)."""
    db = store.db
    wanted = None
    if among is not None:
        db.execute("CREATE TEMP TABLE duplicate_among (id TEXT PRIMARY KEY) WITHOUT ROWID")
        db.executemany("INSERT OR IGNORE INTO temp.duplicate_among VALUES (?)", ((i,) for i in among))
        wanted = int(db.execute("SELECT COUNT(*) FROM temp.duplicate_among").fetchone()[0])
        if not wanted:
            return str, {}, iter(())
    # People are never deleted from the table (tombstones): its largest rowid is its size, read in one probe where
    # COUNT(*) reads a whole index (500,000 entries in a large office).
    if wanted is None or wanted * 20 >= int(store.scalar("SELECT IFNULL(MAX(rowid), 0) FROM person") or 0):
        # everyone, or a large share: one pass, streamed (not a list of every row), keys grouped by SQLite
        if before_full_pass is not None:
            before_full_pass()
        shared = _shared_keys(db, db.execute(_LIVE))
    else:
        shared = _grouped(_component_keys(store, {r[0] for r in db.execute("SELECT id FROM temp.duplicate_among")}))
    root, reasons = _link(shared, _dismissed(store))

    def hits() -> Iterator[str]:  # streamed, 900 at a time (an import into a new office: every linked person)
        linked = iter(reasons)
        while part := list(itertools.islice(linked, 900)):
            yield from (r[0] for r in db.execute(
                f"SELECT id FROM temp.duplicate_among WHERE id IN ({','.join('?' * len(part))})", part))

    return root, reasons, None if wanted is None else hits()


def _groups(root: Callable[[str], str], reasons: dict[str, int], hits: Iterable[str] | None) -> list[DuplicateGroup]:
    groups: dict[str, list[str]] = defaultdict(list)
    for pid in reasons:
        groups[root(pid)].append(pid)
    if hits is not None:
        groups = {k: groups[k] for k in {root(p) for p in hits}}
    order = {r: i for i, r in enumerate(ORDER)}
    out = []
    for members in groups.values():
        why = 0
        for m in members:
            why |= reasons[m]
        out.append(DuplicateGroup(tuple(sorted(members)), tuple(r for r in ORDER if why & 1 << order[r])))
    out.sort(key=lambda g: (order[g.reasons[0]], g.person_ids))
    return out


NAMES_KEPT = 50_000  # folded names remembered while reading (names repeat a lot); forgotten past this many


def _shared_keys(db, rows: Iterable[tuple]) -> Iterator[tuple[tuple[str, str], list[str]]]:
    """The keys that two or more of ``rows`` share, each with its people, one at a time: every key filed in a
    temporary table, grouped by SQLite (which sorts on disk past its cache), so Python never holds the keys."""
    names: dict[tuple, str] = {}

    def filed() -> Iterable[tuple[str, str, str]]:
        for row in rows:
            if len(names) > NAMES_KEPT:
                names.clear()
            for reason, key in _keys(row, names):
                yield reason, key, row[0]

    db.execute("CREATE TEMP TABLE duplicate_keys (reason TEXT, k TEXT, id TEXT)")
    db.executemany("INSERT INTO temp.duplicate_keys VALUES (?,?,?)", filed())
    shared = db.execute("SELECT reason, k, json_group_array(id) FROM temp.duplicate_keys GROUP BY reason, k "
                        "HAVING COUNT(*) > 1")  # fmt: skip
    return (((reason, key), json.loads(ids)) for reason, key, ids in shared)


def _link(buckets: Iterable[tuple[tuple[str, str], list[str]]], dismissed: set[tuple[str, str]]):
    """Union the people who share a key (but no dismissed pair): the root of each person's group, and per linked
    person the reasons that linked them."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    reasons: dict[str, int] = defaultdict(int)  # per linked person: why (a bit per reason, in ORDER)
    for (reason, _k), ids in buckets:
        if len(ids) < 2:
            continue
        ids, bit = sorted(ids), 1 << ORDER.index(reason)
        if len(ids) > BIG_BUCKET:
            edges = list(itertools.pairwise(ids))
        else:
            edges = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
        for a, b in edges:
            if (a, b) in dismissed:
                continue
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
            reasons[a] |= bit
            reasons[b] |= bit
    return root, reasons


def dismiss(store: Store, person_ids: Iterable[str], *, office: OfficePass | str | None = None) -> None:
    """Remember that these people are not one person (in this data folder). Office-only (``office``: see
    ``core.privacy.pin``)."""
    authorise_office(store, office)
    ids = sorted(set(person_ids))
    pairs = _dismissed(store) | {(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]}
    store.set_setting(DISMISSED_KEY, json.dumps(sorted(pairs)))


@dataclass(frozen=True)
class PersonCard(PersonHead):
    """What the review screen shows of one person."""

    position: str
    phone: str
    district_code: str
    subdistrict_code: str
    citizen_id: str
    origin_device: str
    invitations: int
    attendance: int


def person_cards(store: Store, ids: Iterable[str]) -> list[PersonCard]:
    ids = list(ids)
    q = (
        "SELECT p.id, p.code, p.prefix, p.first_name, p.last_name, p.organisation, p.position, p.phone,"
        " p.district_code, p.subdistrict_code, p.citizen_id, COALESCE(t.name, p.origin_device),"
        " (SELECT COUNT(*) FROM invitation i WHERE i.person_id=p.id AND i.deleted=0),"
        " (SELECT COUNT(*) FROM attendance a WHERE a.person_id=p.id AND a.deleted=0)"
        f" FROM person p LEFT JOIN trusted_device t ON t.id=p.origin_device WHERE p.id IN ({','.join('?' * len(ids))})"
    )
    own = store.device_id
    by_id = {}
    for r in store.query(q, ids):
        r = [v if v is not None else "" for v in r]
        if r[11] == own:
            r[11] = store.device_name
        by_id[r[0]] = PersonCard(*r)
    return [by_id[i] for i in ids if i in by_id]
