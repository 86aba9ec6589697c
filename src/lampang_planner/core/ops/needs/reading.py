"""Reading needs: one, a filtered list in the workshop's order, a need's status history."""

from __future__ import annotations

from collections.abc import Iterable

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.needs.rows import _ROW_COLUMNS, NeedRow, StatusChange
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.core.thai.dates import as_date
from lampang_planner.core.vocabulary import NeedStatus

# --- reading -----------------------------------------------------------------------------------------------------


def _need_sql(where: str = "") -> str:
    return f"SELECT id, {','.join(_ROW_COLUMNS)} FROM need WHERE deleted=0{where}"


def get_need(store: Store, need_id: str) -> NeedRow | None:
    r = store.db.execute(_need_sql(" AND id=?"), (need_id,)).fetchone()
    return NeedRow.from_db(r) if r else None


def _need_or_error(db, need_id: str) -> dict:
    r = db.execute(f"SELECT id, {','.join(_ROW_COLUMNS)} FROM need WHERE id=? AND deleted=0", (need_id,)).fetchone()
    if r is None:
        raise UserError("ไม่พบความต้องการนี้", f"No need with id {need_id}", code="unknown-need")
    return dict(zip(("id", *_ROW_COLUMNS), r, strict=True))


def _sort_key(n: NeedRow) -> tuple:
    return (n.district_code, n.workshop_id, n.rank if n.rank is not None else 1 << 30, thai_sort_key(n.title), n.id)


def list_needs(
    store: Store,
    *,
    workshop_id: str | None = None,
    district_code: str | None = None,
    subdistrict_code: str | None = None,
    category: str | None = None,
    status: str | NeedStatus | None = None,
    ids: Iterable[str] | None = None,
) -> list[NeedRow]:
    """Live needs matching every filter given (``ids``: only these needs), by district, workshop, rank, then title in
    Thai order."""
    where, params = [], []
    for col, val in (("workshop_id", workshop_id), ("district_code", district_code),
                     ("subdistrict_code", subdistrict_code), ("category", category),
                     ("status", getattr(status, "value", status))):
        if val:
            where.append(f" AND {col}=?")
            params.append(val)
    sql = _need_sql("".join(where))
    if ids is None:
        rows = [NeedRow.from_db(r) for r in store.db.execute(sql, params)]
    else:
        wanted, rows = list(dict.fromkeys(ids)), []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            q = f"{sql} AND id IN ({','.join('?' * len(chunk))})"
            rows += [NeedRow.from_db(r) for r in store.db.execute(q, [*params, *chunk])]
    rows.sort(key=_sort_key)
    return rows


def status_history(store: Store, need_id: str) -> list[StatusChange]:
    """Every status change of a need, oldest first (by date, then by when it was recorded)."""
    rows = store.db.execute(
        "SELECT id, need_id, status, changed_on, changed_by, note FROM need_status_change"
        " WHERE need_id=? AND deleted=0 ORDER BY changed_on, hlc, id",
        (need_id,),
    )
    return [StatusChange(r[0], r[1], r[2] or "", as_date(r[3]), r[4] or "", r[5] or "") for r in rows]
