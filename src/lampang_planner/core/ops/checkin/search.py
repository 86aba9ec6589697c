"""Name search at the desk: a folded text index of every live person, kept in step with the store."""

from __future__ import annotations

import heapq
import threading
import weakref
from bisect import bisect_right
from dataclasses import dataclass, field

from lampang_planner.core.db import Store
from lampang_planner.core.read import presence
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.thai.collation import fold_for_search, thai_sort_key
from lampang_planner.core.thai.keyboard import us_to_thai
from lampang_planner.core.thai.names import full_name


@dataclass(frozen=True, slots=True)
class PersonMatch:
    person_id: str
    code: str
    name: str
    organisation: str
    participant_type: str
    district_code: str
    subdistrict_code: str
    invited: bool | None = None  # None when no workshop was given
    checked_in_at: str | None = None
    desk: str | None = None


_SEARCH_COLS = ("id", "code", "prefix", "first_name", "last_name", "organisation", "participant_type",
                "district_code", "subdistrict_code", "phone", "citizen_id")  # fmt: skip
_SEP = "\n"


@dataclass
class _PeopleIndex:
    """Folded search text of every live person, kept in step with the store (listeners and PRAGMA data_version)."""

    rows: dict[str, tuple] = field(default_factory=dict)  # id → row of _SEARCH_COLS
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (folded name, folded other)
    dirty: set[str] = field(default_factory=set)
    reload_all: bool = True
    data_version: int | None = None
    blob: str = ""
    starts: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    blob_ok: bool = False
    sort_keys: dict[str, tuple] = field(default_factory=dict)  # id → thai_sort_key of the folded name, made lazily
    lock: threading.Lock = field(default_factory=threading.Lock)

    def on_apply(self, result: ApplyResult) -> None:
        """A store listener: may run on a task thread (an import), so it takes the lock the search holds."""
        changed = result.changed.get("person")
        if changed:
            with self.lock:
                self.dirty |= changed

    def _load(self, store: Store, ids: list[str] | None) -> None:
        cols = ",".join(_SEARCH_COLS)
        live = "deleted=0 AND merged_into IS NULL"
        if ids is None:
            self.rows.clear()
            self.texts.clear()
            self.sort_keys.clear()
            cursor = store.db.execute(f"SELECT {cols} FROM person WHERE {live}")
            fetched = cursor.fetchall()
        else:
            fetched = []
            for i in range(0, len(ids), 900):
                part = ids[i : i + 900]
                for pid in part:
                    self.rows.pop(pid, None)
                    self.texts.pop(pid, None)
                    self.sort_keys.pop(pid, None)
                marks = ",".join("?" * len(part))
                fetched += store.db.execute(
                    f"SELECT {cols} FROM person WHERE {live} AND id IN ({marks})", part
                ).fetchall()
        for r in fetched:
            pid, code, prefix, first, last, org, _, _, _, phone, cid = r
            self.rows[pid] = r
            name = fold_for_search(f"{first or ''} {last or ''}")
            other = fold_for_search(f"{prefix or ''} {org or ''} {(code or '').lower()} {phone or ''} {cid or ''}")
            self.texts[pid] = (name, other)
        self.blob_ok = False

    def sort_key(self, pid: str) -> tuple:
        key = self.sort_keys.get(pid)
        if key is None:
            key = self.sort_keys[pid] = thai_sort_key(self.texts[pid][0])
        return key

    def refresh(self, store: Store) -> None:
        version = store.db.execute("PRAGMA data_version").fetchone()[0]
        if self.reload_all or version != self.data_version:
            self._load(store, None)
            self.reload_all = False
            self.dirty.clear()
        elif self.dirty:
            dirty, self.dirty = sorted(self.dirty), set()
            self._load(store, dirty)
        self.data_version = version
        if not self.blob_ok:
            parts, starts, ids, pos = [], [], [], 0
            for pid, (name, other) in self.texts.items():
                text = f"{name}\t{other}{_SEP}"
                parts.append(text)
                starts.append(pos)
                ids.append(pid)
                pos += len(text)
            self.blob, self.starts, self.ids, self.blob_ok = "".join(parts), starts, ids, True

    def find(self, term: str) -> set[str]:
        """Ids whose text contains ``term`` (folded)."""
        out: set[str] = set()
        blob, starts, ids = self.blob, self.starts, self.ids
        i = blob.find(term)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            out.add(ids[k])
            nxt = starts[k + 1] if k + 1 < len(starts) else len(blob)
            i = blob.find(term, nxt)
        return out


_INDEXES: weakref.WeakKeyDictionary[Store, _PeopleIndex] = weakref.WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def _index_for(store: Store) -> _PeopleIndex:
    with _INDEXES_LOCK:
        index = _INDEXES.get(store)
        if index is None:
            index = _PeopleIndex()
            _INDEXES[store] = index
            store.listeners.append(index.on_apply)
        return index


def warm_search(store: Store) -> None:
    """Build the name-search index now (a second or so at 100,000 people), e.g. on a task thread when the check-in
    screen opens, so the first search at the desk does not wait for it."""
    index = _index_for(store)
    with index.lock:
        index.refresh(store)


def _terms(text: str) -> list[str]:
    return [t for t in fold_for_search(text).split(" ") if t and t != _SEP]


def _hits(index: _PeopleIndex, text: str, terms: list[str]) -> dict[str, list[str]]:
    """Id → the words it matched, for the words as typed and (ASCII only) as typed on the US layout meaning Thai."""
    variants = [terms]
    if all(t.isascii() for t in terms):
        thai = _terms(us_to_thai(text))  # from the raw text: shifted keys type other Thai letters
        if thai and thai != terms:
            variants.append(thai)
    hits: dict[str, list[str]] = {}
    for words in variants:
        found = index.find(max(words, key=len))
        if len(words) == 1:  # find() already checked the one word
            for pid in found:
                hits.setdefault(pid, words)
            continue
        for pid in found:
            name, other = index.texts[pid]
            if all(w in name or w in other for w in words):
                hits.setdefault(pid, words)
    return hits


def _best(index: _PeopleIndex, hits: dict[str, list[str]], groups: list, limit: int) -> list[str]:
    """The first ``limit`` ids: group by group (invited people first); within a group cheap score buckets, and Thai
    collation keys only for the buckets that can still reach the first ``limit`` (a short word like "นาง" matches
    half the province)."""

    def score(pid: str) -> int:
        name = index.texts[pid][0]
        first = hits[pid][0]
        if name.startswith(first):
            return 0
        if any(part.startswith(first) for part in name.split(" ")):
            return 1
        return 2 if first in name else 3

    best: list[str] = []
    for group in groups:
        if len(best) >= limit:
            break
        buckets: dict[int, list[str]] = {}
        for pid in group:
            buckets.setdefault(score(pid), []).append(pid)
        for key in sorted(buckets):
            room = limit - len(best)
            if room <= 0:
                break
            best += heapq.nsmallest(room, buckets[key], key=lambda pid: (index.sort_key(pid), pid))
    return best


def _match(row: tuple, invited: bool | None, attending: dict[str, tuple[str, str]]) -> PersonMatch:
    pid, code, prefix, first, last, org, ptype, dcode, scode = row[:9]
    at, desk = attending.get(pid, (None, None))
    name = full_name(prefix or "", first or "", last or "")
    return PersonMatch(pid, code or "", name, org or "", ptype or "", dcode or "", scode or "", invited, at, desk)


def search_people(
    store: Store,
    text: str,
    workshop_id: str | None = None,
    limit: int = 50,
    *,
    only_invited: bool = False,
    session_id: str | None = None,
) -> list[PersonMatch]:
    """People whose name, organisation, code, phone or citizen ID contains every word of ``text``.

    Thai or English, partial, ignoring tone marks and ็ ์ (``fold_for_search``), case and Thai digits. Text typed on
    the US layout while Thai was meant ("l;ylfu" for "สมชาย") is tried too. With ``workshop_id`` the matches say
    whether the person is invited and checked in, and invited people come first (``only_invited`` drops the rest).
    Best matches first: name starting with the text, a name word starting with it, elsewhere in the name, other
    fields; then Thai dictionary order.
    """
    terms = _terms(text)
    if not terms:
        return []
    index = _index_for(store)
    with index.lock:
        index.refresh(store)
        hits = _hits(index, text, terms)
        invited: set[str] = set()
        attending: dict[str, tuple[str, str]] = {}
        groups: list[set[str] | dict[str, list[str]]] = [hits]
        if workshop_id:
            on_roster = presence.roster(store.db, workshop_id, session_id)
            invited = {pid for pid, p in on_roster.items() if p.invited}
            attending = {pid: (p.checked_in_at, p.desk) for pid, p in on_roster.items() if p.present}
            groups = [hits.keys() & invited] if only_invited else [hits.keys() & invited, hits.keys() - invited]
        rows = [index.rows[pid] for pid in _best(index, hits, groups, limit)]
    return [_match(r, (r[0] in invited) if workshop_id else None, attending) for r in rows]
