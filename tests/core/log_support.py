"""The change log read back as writes, and two folders exchanging it directly through the write path (no bundle
file): what the write-path, needs, resolutions and privacy tests share."""

from __future__ import annotations

from lampang_planner.core.db import Store
from lampang_planner.core.sync.apply import Write


def writes_of(store: Store, since_rowid: int = 0) -> list[Write]:
    q = "SELECT hlc, tbl, row_id, device, author, data, parents FROM change WHERE rowid > ? ORDER BY hlc"
    return [Write.from_log(r) for r in store.db.execute(q, (since_rowid,))]


def exchange(src: Store, dst: Store) -> None:
    with dst.transaction() as tx:
        tx.apply_remote(writes_of(src))
