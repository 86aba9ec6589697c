"""Finding the person a scan or a pick names: by code or id, merges followed to the live person they became."""

from __future__ import annotations

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.schema import PERSON_HEADLINE_COLUMNS

_MERGE_HOPS = 8  # follow merged_into at most this far (a chain longer than this is a data error)

_PERSON_COLS = (*PERSON_HEADLINE_COLUMNS, "deleted", "merged_into")


def _require_workshop(store: Store, workshop_id: str) -> None:
    row = store.db.execute("SELECT deleted FROM workshop WHERE id=?", (workshop_id,)).fetchone()
    if row is None or row[0]:
        raise UserError("ไม่พบการประชุมนี้", f"No workshop with id {workshop_id}", code="unknown-workshop")


def _person(store: Store, person_id: str) -> dict | None:
    q = f"SELECT {','.join(_PERSON_COLS)} FROM person WHERE id=?"
    r = store.db.execute(q, (person_id,)).fetchone()
    return dict(zip(_PERSON_COLS, r, strict=True)) if r else None


def _follow_merges(store: Store, person: dict) -> dict | None:
    """The live person a (possibly merged-away) person now is; None if the chain ends in a deleted row."""
    for _ in range(_MERGE_HOPS):
        if not person["merged_into"]:
            return None if person["deleted"] else person
        nxt = _person(store, person["merged_into"])
        if nxt is None:
            return None
        person = nxt
    return None


def _person_by_code(store: Store, code: str) -> tuple[dict | None, bool]:
    """(live person with this code, whether any row — live or removed — carries it)."""
    q = f"SELECT {','.join(_PERSON_COLS)} FROM person WHERE code=?"
    return _live_person(store.db.execute(q, (code,)).fetchall(), store)


def _live_first(row: tuple) -> tuple:
    return row[-2], row[-1] is not None, row[0]  # deleted, merged_into, id (_PERSON_COLS)


def _live_person(rows: list[tuple], store: Store) -> tuple[dict | None, bool]:
    """(the first live person the rows of people with one code lead to, whether there are any): ``rows`` are
    ``_PERSON_COLS``, tried live ones first, then merged-away ones, each in id order (sorted here: nearly always
    there is one row, and no sort in SQLite)."""
    if len(rows) > 1:
        rows = sorted(rows, key=_live_first)
    for r in rows:
        live = _follow_merges(store, dict(zip(_PERSON_COLS, r, strict=True)))
        if live is not None:
            return live, True
    return None, bool(rows)
