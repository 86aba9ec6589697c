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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.people import PERSON_FIELDS, normalise_phone
from lampang_planner.core.privacy.pin import OfficePass, authorise_office
from lampang_planner.core.schema import attendance_id, natural_id
from lampang_planner.core.thai.collation import fold_for_search

DISMISSED_KEY = "duplicates/dismissed"
BIG_BUCKET = 25  # above this many people with one key, link them in a chain rather than pairwise

CITIZEN_ID, NAME_PHONE, NAME_TAMBON = "citizen_id", "name_phone", "name_tambon"
REASONS = {
    CITIZEN_ID: ("เลขประจำตัวประชาชนเดียวกัน", "Same citizen ID"),
    NAME_PHONE: ("ชื่อและเบอร์โทรศัพท์เดียวกัน", "Same name and phone"),
    NAME_TAMBON: ("ชื่อและตำบลเดียวกัน", "Same name and tambon"),
}
_MERGE_FILL = tuple(f for f in PERSON_FIELDS if f not in ("consent", "consent_date"))


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


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


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
    """The live people filed under any of ``n`` (tambon, first initial, last initial): one index seek each (joined
    from a list of values; with IN lists SQLite seeks on the first column only)."""
    keys = ",".join(["(?,?,?)"] * n)
    cols = _LIVE.split(" FROM ")[0].replace("SELECT ", "").split(", ")
    return (
        f"WITH k(t, a, b) AS (VALUES {keys}) SELECT {', '.join('person.' + c for c in cols)} FROM k CROSS JOIN person "
        f"ON person.subdistrict_code=k.t AND ({initial_sql('first_name')})=k.a AND ({initial_sql('last_name')})=k.b "
        "WHERE person.deleted=0 AND person.merged_into IS NULL"
    )


def _tambon_lookups(tambon: str, nk: str) -> set[tuple[str, str, str]]:
    """(tambon, first initial, last initial) under which a person whose folded name key is ``nk`` may be filed."""
    first, _, last = nk.partition("|")
    a = {first[:1], unicodedata.normalize("NFD", first[:1])[:1], ""}
    b = {last[:1], unicodedata.normalize("NFD", last[:1])[:1], ""}
    return {(tambon, x, y) for x in a for y in b}


def _component_rows(store: Store, among: set[str]) -> list[tuple]:
    """The live people linked, directly or through others, by a shared key to one of ``among`` (what their groups
    can hold), found without reading every person into Python: SQLite looks them up by citizen ID, phone, or tambon
    and initial (indexed), and the search widens until no new person shares a key. So an import's check follows
    what it touched, not the size of the office (issue #13)."""
    names: dict = {}
    found: dict[str, tuple] = {}
    ids = sorted(among)
    for i in range(0, len(ids), 900):
        part = ids[i : i + 900]
        found.update((r[0], r) for r in store.query(f"{_LIVE} AND id IN ({','.join('?' * len(part))})", part))
    keys = {k for r in found.values() for k in _keys(r, names)}
    frontier = list(found.values())
    asked: set = set()  # lookups made already: a person found brings the keys that found it
    while frontier:
        cids = sorted({r[5] for r in frontier if r[5]} - asked)
        phones = sorted({x for r in frontier if r[3] for x in (r[3], normalise_phone(r[3]) or r[3])} - asked)
        tambons = sorted({t for r in frontier if r[4] and (nk := names[(r[1], r[2])])
                          for t in _tambon_lookups(r[4], nk)} - asked)
        asked.update(cids, phones, tambons)
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
                if r[0] not in found and not keys.isdisjoint(_keys(r, names)):
                    found[r[0]] = r
                    frontier.append(r)
        keys |= {k for r in frontier for k in _keys(r, names)}
    return list(found.values())


def find_duplicates(store: Store, among: Iterable[str] | None = None) -> list[DuplicateGroup]:
    """Groups of live people that may be one person; with ``among``, only groups that include one of those ids.
    Pairs dismissed as "not the same person" do not link."""
    wanted_ids = None if among is None else set(among)
    if wanted_ids is None or len(wanted_ids) * 20 >= int(store.scalar("SELECT COUNT(*) FROM person") or 0):
        rows = store.db.execute(_LIVE)  # everyone, or a large share: one pass, streamed (not a list of every row)
    else:
        rows = _component_rows(store, wanted_ids)
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    names: dict[tuple, str] = {}  # names repeat a lot: fold each once
    for pid, first, last, phone, tambon, cid in rows:
        if cid:
            buckets[(CITIZEN_ID, cid)].append(pid)
        nk = names.get((first, last))
        if nk is None:
            nk = names[(first, last)] = name_key(first, last)
        if nk:
            p = phone if phone is None or (phone.isascii() and phone.isdigit()) else normalise_phone(phone)
            if p:
                buckets[(NAME_PHONE, f"{nk}|{p}")].append(pid)
            if tambon:
                buckets[(NAME_TAMBON, f"{nk}|{tambon}")].append(pid)
    dismissed = _dismissed(store)
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    reasons: dict[str, set[str]] = defaultdict(set)  # per linked person: why
    for (reason, _k), ids in buckets.items():
        if len(ids) < 2:
            continue
        ids = sorted(ids)
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
            reasons[a].add(reason)
            reasons[b].add(reason)
    groups: dict[str, list[str]] = defaultdict(list)
    for pid in reasons:
        groups[root(pid)].append(pid)
    wanted = set(among) if among is not None else None
    order = {CITIZEN_ID: 0, NAME_PHONE: 1, NAME_TAMBON: 2}
    out = []
    for members in groups.values():
        if wanted is not None and not wanted.intersection(members):
            continue
        why = sorted({r for m in members for r in reasons[m]}, key=order.__getitem__)
        out.append(DuplicateGroup(tuple(sorted(members)), tuple(why)))
    out.sort(key=lambda g: (order[g.reasons[0]], g.person_ids))
    return out


def dismiss(store: Store, person_ids: Iterable[str], *, office: OfficePass | str | None = None) -> None:
    """Remember that these people are not one person (in this data folder). Office-only (``office``: see
    ``core.privacy.pin``)."""
    authorise_office(store, office)
    ids = sorted(set(person_ids))
    pairs = _dismissed(store) | {(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]}
    store.set_setting(DISMISSED_KEY, json.dumps(sorted(pairs)))


# --- merging -------------------------------------------------------------------------------------------------------


def _live_person(tx: Tx, pid: str) -> dict:
    row = tx.read("person", pid)
    if row is None or row["deleted"]:
        raise UserError("ไม่พบบุคคลนี้", f"No person with id {pid}", code="unknown-person")
    if row["merged_into"]:
        raise UserError(
            "บุคคลนี้ถูกรวมกับคนอื่นไปแล้ว", f"Person {pid} has already been merged into another", code="already-merged"
        )
    return row


def _move_facts(tx: Tx, survivor: str, other: str) -> dict[str, int]:
    moved = {"invitation": 0, "attendance": 0, "ballot": 0}
    db = tx.db
    tx.flush()
    for (wid,) in db.execute(
        "SELECT workshop_id FROM invitation WHERE person_id=? AND deleted=0", (other,)
    ).fetchall():
        tx.record("invitation", natural_id("invitation", wid, survivor), {"workshop_id": wid, "person_id": survivor})
        tx.delete("invitation", natural_id("invitation", wid, other))
        moved["invitation"] += 1
    for aid, wid, sid, scans, kinds, keyed in db.execute(
        "SELECT id, workshop_id, session_id, scans, kinds, keyed_by FROM attendance WHERE person_id=? AND deleted=0",
        (other,),
    ).fetchall():
        fields = {"workshop_id": wid, "person_id": survivor, "session_id": sid, "scans": json.loads(scans or "{}"),
                  "kinds": json.loads(kinds or "{}"), "keyed_by": json.loads(keyed or "{}")}  # fmt: skip
        tx.record("attendance", attendance_id(wid, survivor, sid), fields)
        tx.delete("attendance", aid)
        moved["attendance"] += 1
    for bid, vid, choice in db.execute(
        "SELECT id, vote_id, choice FROM ballot WHERE person_id=? AND deleted=0", (other,)
    ).fetchall():
        target = natural_id("ballot", vid, survivor)
        current = tx.read("ballot", target)
        if current is None or current["deleted"]:  # the survivor's own ballot, if any, stands
            tx.record("ballot", target, {"vote_id": vid, "person_id": survivor, "choice": choice})
        tx.delete("ballot", bid)
        moved["ballot"] += 1
    return moved


def merge_people(
    store: Store, person_ids: Iterable[str], prefer: str | None = None, *, office: OfficePass | str | None = None
) -> str:
    """Merge people into one (see the module docstring). One transaction; returns the survivor's id. Office-only
    (``office``: the office PIN or a pass for it, ``core.privacy.pin``)."""
    authorise_office(store, office)
    ids = sorted(set(person_ids))
    if len(ids) < 2:
        raise UserError("เลือกอย่างน้อยสองคนเพื่อรวมกัน", "Choose at least two people to merge", code="invalid")
    if prefer is not None and prefer not in ids:
        raise ValueError("prefer must be one of the people merged")
    survivor = ids[0]
    with store.transaction() as tx:
        people = {pid: _live_person(tx, pid) for pid in ids}
        order = [prefer] + [p for p in ids if p != prefer] if prefer else ids
        fill: dict = {}
        for f in _MERGE_FILL:
            for pid in order:
                v = people[pid][f]
                if v not in (None, ""):
                    if v != people[survivor][f]:
                        fill[f] = v
                    break
        if any(people[p]["consent"] for p in ids) and not people[survivor]["consent"]:
            src = next(p for p in order if people[p]["consent"])
            fill["consent"], fill["consent_date"] = True, people[src]["consent_date"]
        if fill:
            tx.update("person", survivor, fill)
        for other in ids[1:]:
            _move_facts(tx, survivor, other)
            tx.update("person", other, {"merged_into": survivor})
    return survivor


def tidy_merged(store: Store, *, office: OfficePass | str | None = None) -> int:
    """Move facts that still point at merged-away people (check-ins a laptop made before it heard of the merge)
    to the person they were merged into. One transaction; returns how many facts moved. Office-only (``office``)."""
    authorise_office(store, office)
    rows = store.query(
        "SELECT DISTINCT p.id, p.merged_into FROM person p WHERE p.merged_into IS NOT NULL AND p.deleted=0 AND ("
        " EXISTS (SELECT 1 FROM invitation i WHERE i.person_id=p.id AND i.deleted=0) OR"
        " EXISTS (SELECT 1 FROM attendance a WHERE a.person_id=p.id AND a.deleted=0) OR"
        " EXISTS (SELECT 1 FROM ballot b WHERE b.person_id=p.id AND b.deleted=0))"
    )
    if not rows:
        return 0
    target = dict(store.query("SELECT id, merged_into FROM person WHERE merged_into IS NOT NULL"))

    def final(pid: str) -> str:
        for _ in range(16):
            nxt = target.get(pid)
            if not nxt:
                break
            pid = nxt
        return pid

    n = 0
    with store.transaction() as tx:
        for pid, _into in rows:
            n += sum(_move_facts(tx, final(pid), pid).values())
    return n


def pending_moves(store: Store) -> int:
    """How many live facts point at merged-away people (see :func:`tidy_merged`)."""
    return int(
        store.scalar(
            "SELECT (SELECT COUNT(*) FROM invitation i JOIN person p ON p.id=i.person_id"
            "        WHERE i.deleted=0 AND p.merged_into IS NOT NULL)"
            " + (SELECT COUNT(*) FROM attendance a JOIN person p ON p.id=a.person_id"
            "        WHERE a.deleted=0 AND p.merged_into IS NOT NULL)"
            " + (SELECT COUNT(*) FROM ballot b JOIN person p ON p.id=b.person_id"
            "        WHERE b.deleted=0 AND p.merged_into IS NOT NULL)"
        )
        or 0
    )


@dataclass(frozen=True)
class PersonCard:
    """What the review screen shows of one person."""

    id: str
    code: str
    prefix: str
    first_name: str
    last_name: str
    organisation: str
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
