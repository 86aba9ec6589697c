"""Undoing the last check-in at the desk."""

from __future__ import annotations

from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.ops.checkin.results import CheckinResult, Kind
from lampang_planner.core.ops.checkin.scan import _attendance_state
from lampang_planner.core.schema import attendance_id, natural_id


@dataclass(frozen=True)
class UndoResult:
    """What undoing a check-in did, and the sentence the desk shows."""

    done: bool
    message_th: str
    message_en: str

    def message(self, lang: str = "th") -> str:
        return self.message_en if lang == "en" else self.message_th


def undo_checkin(store: Store, result: CheckinResult) -> UndoResult:
    """Undo the last check-in, in one transaction.

    - ``checked-in``: tombstone the attendance (and the invitation, and for a walk-in registration the person) this
      call created — unless another desk has scanned the person since, in which case they really are here and
      nothing is undone.
    - ``already``: the person was checked in before this scan, so the attendance stands. A desk added to its scans
      map stays there: the map is a union that merges by keeping every desk's earliest scan and cannot forget one,
      and it only says this desk saw the person too. Nothing to undo.
    - ``unknown``: nothing was written.

    A later re-scan revives the attendance; its time is then the earliest scan ever recorded at that desk.
    """
    if result.kind is Kind.UNKNOWN:
        return UndoResult(False, "ไม่มีอะไรให้ยกเลิก", "Nothing to undo: the scan was not recognised")
    if result.kind is Kind.NOT_INVITED:
        return UndoResult(False, "ไม่มีอะไรให้ยกเลิก: ยังไม่ได้ลงทะเบียน", "Nothing to undo: not checked in")
    if result.kind is Kind.ALREADY or not result.attendance_created:
        return UndoResult(
            False,
            "ไม่มีอะไรให้ยกเลิก: ผู้นี้ลงทะเบียนไว้ก่อนแล้ว",
            "Nothing to undo: this person had already checked in before",
        )
    aid = attendance_id(result.workshop_id, result.person_id, result.session_id)
    iid = natural_id("invitation", result.workshop_id, result.person_id)
    with store.transaction() as tx:
        live, scans, _, _ = _attendance_state(tx.db, aid)
        if not live:
            return UndoResult(False, "การลงทะเบียนนี้ถูกยกเลิกไปแล้ว", "This check-in was already undone")
        others = sorted(d for d in scans if d != result.this_desk)
        if others:
            return UndoResult(
                False,
                f"ยกเลิกไม่ได้: ผู้นี้ถูกสแกนที่โต๊ะ {', '.join(others)} ด้วย",
                f"Not undone: the person was also scanned at desk {', '.join(others)}",
            )
        tx.delete("attendance", aid)
        if result.invitation_created:
            tx.delete("invitation", iid)
        if result.person_created:
            tx.delete("person", result.person_id)
    return UndoResult(True, f"ยกเลิกการลงทะเบียนของ {result.name} แล้ว", f"Check-in of {result.name} undone")
