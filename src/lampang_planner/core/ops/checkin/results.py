"""What a check-in did: its kind, how it was made, and the result the screen, the command line and the undo read
(what an undo did is :class:`~lampang_planner.core.ops.checkin.undo.UndoResult`, made only where undo is)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from lampang_planner.core.ops.checkin.desk import clock_time
from lampang_planner.core.thai.dates import BANGKOK, format_date_th


class Kind(StrEnum):
    CHECKED_IN = "checked-in"
    ALREADY = "already"
    UNKNOWN = "unknown"
    NOT_INVITED = "not-invited"  # a known person not on this workshop's list: nothing written until confirmed


class Via(StrEnum):
    """How a check-in was made: recorded per desk in the attendance's ``kinds`` map (the attendance export shows it)."""

    SCAN = "scan"  # a badge's code, from a scanner, webcam or typed
    SEARCH = "search"  # picked by name search at the desk
    WALK_IN = "walk-in"  # registered at the desk
    PAPER = "paper"  # keyed in afterwards from the paper sign-in sheet (core.ops.paper)


# What a check-in result says, per language: not invited, already (desk, when), the walk-in mark, checked in.
_MESSAGES = {
    "en": (
        "not on this workshop's invitation list — not checked in",
        "already checked in at desk {desk}, {when}",
        " — walk-in",
        "checked in at {when} (desk {desk}){walk_in}",
    ),
    "th": (
        "ไม่อยู่ในรายชื่อเชิญของเวทีนี้ — ยังไม่ได้ลงทะเบียน",
        "ลงทะเบียนแล้วที่โต๊ะ {desk} เมื่อ {when} น.",
        " — ไม่ได้อยู่ในรายชื่อเชิญ",
        "ลงทะเบียนเรียบร้อย {when} น. (โต๊ะ {desk}){walk_in}",
    ),
}


@dataclass(frozen=True)
class CheckinResult:
    """What one scan, name-search pick or walk-in registration did. The UI shows it; ``undo_checkin`` reverses it."""

    kind: Kind
    workshop_id: str
    scanned: str = ""  # what the scanner or keyboard delivered
    code: str | None = None  # the person's code (normalised), if the scan held a valid one
    person_id: str | None = None
    name: str = ""  # prefix + first + last, the Thai way
    organisation: str = ""
    participant_type: str = ""
    district_code: str = ""
    subdistrict_code: str = ""
    at: str | None = None  # checked-in: this scan's time; already: the earliest check-in time
    desk: str | None = None  # checked-in: this desk; already: the desk of the earliest check-in
    this_desk: str = ""  # the desk that scanned now
    scanned_at: str = ""  # the time of this scan
    was_invited: bool = False  # invited before this scan (False for a known person walking in)
    attendance_created: bool = False  # this call created (or revived) the attendance
    invitation_created: bool = False  # this call created (or revived) the invitation
    person_created: bool = False  # walk-in registration: this call created the person
    desk_added: bool = False  # "already", and this desk's scan was added to the attendance
    reason_th: str = ""  # why a scan is unknown
    reason_en: str = ""
    session_id: str | None = None  # the session the check-in was recorded at

    @property
    def ok(self) -> bool:
        """The person is checked in (now or before)."""
        return self.kind in (Kind.CHECKED_IN, Kind.ALREADY)

    @property
    def time(self) -> str:
        """The reported time as "08:42"."""
        return clock_time(self.at)

    def _when(self, lang: str) -> str:
        """ "08:42", or "24 ส.ค. 2559 08:42" when the reported check-in was on another day than this scan."""
        if not self.at:
            return ""
        at = dt.datetime.fromisoformat(self.at).astimezone(BANGKOK)
        same_day = not self.scanned_at or at.date() == dt.datetime.fromisoformat(self.scanned_at).date()
        if same_day:
            return at.strftime("%H:%M")
        day = format_date_th(at.date(), "short") if lang == "th" else at.date().isoformat()
        return f"{day} {at.strftime('%H:%M')}"

    @property
    def message_en(self) -> str:
        return self.message("en")

    @property
    def message_th(self) -> str:
        return self.message("th")

    def message(self, lang: str = "th") -> str:
        lang = "en" if lang == "en" else "th"
        if self.kind is Kind.UNKNOWN:
            return self.reason_en if lang == "en" else self.reason_th
        not_invited, already, walk_in, checked_in = _MESSAGES[lang]
        if self.kind is Kind.NOT_INVITED:
            return not_invited
        if self.kind is Kind.ALREADY:
            return already.format(desk=self.desk, when=self._when(lang))
        return checked_in.format(when=self._when(lang), desk=self.desk, walk_in=walk_in if not self.was_invited else "")

    def line(self) -> str:
        """One line for the command line: kind, code, then the name and message (or the reason), Thai then English."""
        if self.kind is Kind.UNKNOWN:
            shown = self.code or " ".join(self.scanned.split()) or "(empty)"
            return f"{self.kind} {shown}  {self.reason_th} / {self.reason_en}"
        org = f" ({self.organisation})" if self.organisation else ""
        return f"{self.kind} {self.code}  {self.name}{org}  {self.message_th} / {self.message_en}"

    def as_json(self) -> dict:
        return {
            "kind": str(self.kind),
            "scanned": self.scanned,
            "code": self.code,
            "person_id": self.person_id,
            "name": self.name,
            "organisation": self.organisation,
            "at": self.at,
            "desk": self.desk,
            "this_desk": self.this_desk,
            "session_id": self.session_id,
            "was_invited": self.was_invited,
            "message_th": self.message_th,
            "message_en": self.message_en,
        }
