"""The database side of a venue session: what a peer lacks, and taking in what a peer sends.

Each desk pulls from each peer **by the peer's change-log position**: "your rows after rowid N" (with the stamp at
N, so a log renumbered by VACUUM is noticed and read again from the start). Every row a peer logged — its own and
those it relayed — comes once per peer, in log order; the write path ignores a stamp it already holds, so what
arrives twice, by two peers or after a restart, changes nothing. (Per-device high-water marks were the other choice;
a workshop-limited kit or a re-stamped import leaves gaps below a device's highest stamp, which would be skipped.)

What arrives is checked like a bundle's lines (tables, fields, stamp syntax, only devices the sender may forward,
no line in this folder's own name that it never wrote, no stamp a day ahead) and applied through
``Tx.apply_remote`` — the apply path of bundles — in one transaction together with the position reached, so a kill
at any instant leaves both as before or both as after.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from lampang_planner.core.db import Store, read_setting, write_setting
from lampang_planner.core.privacy.forget import forget_after_import
from lampang_planner.core.sync import trust
from lampang_planner.core.sync.apply import ApplyResult, RowFlood, StampClash, Write, logged_writes
from lampang_planner.core.sync.bundle import STAMP_PREFIX, is_stamp
from lampang_planner.core.sync.clock import MAX_AHEAD_MS
from lampang_planner.core.sync.tables import TABLES

BATCH = 2000  # rows per reply
MAX_PARENTS = 256
_PLAIN = (str, int, float, bool, type(None))
_SETTING = "venue/from/"


class FeedRefused(Exception):
    """A batch from a peer that this folder does not take (nothing of it written)."""

    def __init__(self, code: str, th: str, en: str) -> None:
        super().__init__(en)
        self.code, self.th, self.en = code, th, en


@dataclass(frozen=True)
class Position:
    rowid: int = 0
    hlc: str = ""

    def text(self) -> str:
        return f"{self.rowid} {self.hlc}"

    @classmethod
    def parse(cls, text: str | None) -> Position:
        try:
            rowid, _, hlc = (text or "").partition(" ")
            return cls(int(rowid), hlc)
        except ValueError:
            return cls()


def top(store: Store) -> Position:
    row = store.db.execute("SELECT rowid, hlc FROM change ORDER BY rowid DESC LIMIT 1").fetchone()
    return Position(*row) if row else Position()


def pulled_from(store: Store, peer_id: str) -> Position:
    """How far this folder has taken in ``peer_id``'s log."""
    return Position.parse(read_setting(store.db, _SETTING + peer_id))


def rows_after(store: Store, after: Position, requester: str, limit: int = BATCH) -> tuple[list[list], Position]:
    """Up to ``limit`` log rows after ``after`` (the requester's own writes left out: it has them), and the position
    of the last row read."""
    db = store.db
    start = after.rowid
    if start and db.execute("SELECT hlc FROM change WHERE rowid=?", (start,)).fetchone() != (after.hlc,):
        start = 0  # renumbered (VACUUM) or another folder's position: read again from the start, nothing is lost
    q = ("SELECT rowid, hlc, tbl, row_id, device, author, data, parents FROM change WHERE rowid>? "
         "ORDER BY rowid LIMIT ?")
    rows = db.execute(q, (start, limit)).fetchall()
    if not rows:
        return [], Position(start, after.hlc if start else "")
    last = Position(rows[-1][0], rows[-1][1])
    return [list(r[1:]) for r in rows if r[4] != requester], last


def _damaged(detail: str) -> FeedRefused:
    return FeedRefused("damaged", f"ข้อมูลที่ได้รับเสียหาย ไม่มีการบันทึกข้อมูลใด ({detail})",
                       f"What the peer sent is damaged ({detail}); nothing was written")


def _write_of(row: object, forwardable: frozenset[str] | None) -> Write:
    if type(row) is not list or len(row) != 7 or not all(type(x) is str for x in row):
        raise _damaged("row")
    hlc, tbl, row_id, device, author, data_json, parents_json = row
    spec = TABLES.get(tbl)
    if spec is None or not is_stamp(hlc) or hlc[STAMP_PREFIX:] != device or not 0 < len(row_id) <= 64:
        raise _damaged(f"row {hlc}")
    if forwardable is not None and device not in forwardable:
        raise FeedRefused("forged-line", f"มีรายการที่อ้างว่ามาจากเครื่อง {device} ซึ่งไม่ได้ลงทะเบียนไว้ ไม่มีการบันทึกข้อมูลใด",
                          f"A line claims to come from device {device}, which is not enrolled; nothing was written")
    try:
        data, parents = json.loads(data_json), json.loads(parents_json)
    except ValueError:
        raise _damaged(f"row {hlc}") from None
    if type(data) is not dict or not data or not data.keys() <= set(spec.fields):
        raise _damaged(f"row {hlc}")
    if type(parents) is not list or len(parents) > MAX_PARENTS or not all(type(p) is str and is_stamp(p)
                                                                          for p in parents):
        raise _damaged(f"row {hlc}")
    for f, v in data.items():
        if spec.merge.get(f) == "map_min":
            if v is not None and (type(v) is not dict or not all(type(a) is str and type(b) is str
                                                                 for a, b in v.items())):
                raise _damaged(f"row {hlc}")
        elif type(v) not in _PLAIN:
            raise _damaged(f"row {hlc}")
    return Write(hlc, tbl, row_id, device, data, tuple(parents), author, data_json)


def writes_of(store: Store, peer_id: str, rows: Sequence[object]) -> list[Write]:
    """The rows a peer sent, checked (raises :class:`FeedRefused`)."""
    forwardable = trust.forwardable(store, peer_id)
    writes = [_write_of(r, forwardable) for r in rows]
    for w in writes:
        if store.clock.ahead_ms(w.hlc) > MAX_AHEAD_MS:
            raise FeedRefused("clock-ahead", f"นาฬิกาของเครื่อง {w.device} เร็วเกินหนึ่งวัน ไม่ได้รับข้อมูลนี้",
                              f"The clock of device {w.device} runs more than a day ahead; not taken in")
    return writes


def _check_own_lines(tx, writes: Sequence[Write]) -> None:
    own = tx.store.device_id
    mine = [w.hlc for w in writes if w.device == own]
    if mine and len(logged_writes(tx.db, mine)) != len(set(mine)):
        raise FeedRefused("forged-line", "มีรายการที่อ้างว่ามาจากเครื่องนี้เองแต่เครื่องนี้ไม่เคยบันทึก ไม่มีการบันทึกข้อมูลใด",
                          "A line claims to come from this device, which never wrote it; nothing was written")


def take_in(store: Store, peer_id: str, writes: list[Write], reached: Position) -> ApplyResult:
    """Apply a peer's batch and record the position reached, in one transaction (the local writer waits its turn
    on the store's lock and the folder's write lock)."""
    with store.transaction() as tx:
        if writes:
            _check_own_lines(tx, writes)
            try:
                result = tx.apply_remote(writes)
            except (StampClash, RowFlood) as exc:
                th, en = exc.sentences()
                raise FeedRefused("stamp-clash", th, en) from None
            forget_after_import(tx, writes)
        else:
            result = ApplyResult()
        write_setting(tx.db, _SETTING + peer_id, reached.text())
    return result
