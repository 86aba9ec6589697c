"""The check-in desk's small tables: name-search results, the latest check-ins, and live counts.

Each holds a few dozen light rows from one core call (``search_people``, ``latest_checkins``, ``live_counts``) and is
replaced whole when they change.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from lampang_planner.core.ops.checkin import CountRow, PersonMatch, RecentCheckin, clock_time
from lampang_planner.core.ops.session_attendance import PAPER_DESK
from lampang_planner.core.refdata import divisions
from lampang_planner.core.vocabulary import ParticipantType
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.rows import ID_ROLE
from lampang_planner.ui.models.table import TableModel


def place_name(district_code: str, subdistrict_code: str, lang: str) -> str:
    """ "ศาลา, เกาะคา" (tambon, district) in the UI language; whichever part is known."""
    dv = divisions()
    tambon = dv.subdistricts.get(subdistrict_code or "")
    district = dv.districts.get(district_code or "") or (dv.districts.get(tambon.parent) if tambon else None)
    return ", ".join(x.name(lang) for x in (tambon, district) if x)


def type_label(value: str, lang: str) -> str:
    try:
        return ParticipantType(value).label(lang)
    except ValueError:
        return value


class _Table(TableModel):
    CONTEXT = "CheckinModels"
    ALIGN_CELLS = ALIGN_HEADERS = TEXT_TIPS = True


class SearchResultsModel(_Table):
    """People found by name; the status column says invited / checked in 08:42 (desk 2) / not invited."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("CheckinModels", "Name"),
        QT_TRANSLATE_NOOP("CheckinModels", "Organisation"),
        QT_TRANSLATE_NOOP("CheckinModels", "Tambon, district"),
        QT_TRANSLATE_NOOP("CheckinModels", "At this workshop"),
    )

    def display(self, row: PersonMatch, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return row.organisation
        if column == 2:
            return place_name(row.district_code, row.subdistrict_code, current_language())
        if column == 3:
            if row.checked_in_at:
                return QCoreApplication.translate("CheckinModels", "Checked in {time} (desk {desk})").format(
                    time=clock_time(row.checked_in_at), desk=row.desk or ""
                )
            if row.invited:
                return QCoreApplication.translate("CheckinModels", "Invited")
            if row.invited is False:
                return QCoreApplication.translate("CheckinModels", "Not invited (walk-in)")
        return ""

    def extra(self, row: PersonMatch, column: int, role: int) -> object:
        if role == ID_ROLE:
            return row.person_id
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            if row.checked_in_at:
                return QColor("#8a5a00")
            if row.invited is False:
                return QColor("#5f6b73")
        return None

    def person_id(self, n: int) -> str | None:
        r = self.row(n)
        return r.person_id if isinstance(r, PersonMatch) else None


class RecentModel(_Table):
    """The latest check-ins at the workshop (any desk), newest first."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("CheckinModels", "Time"),
        QT_TRANSLATE_NOOP("CheckinModels", "Name"),
        QT_TRANSLATE_NOOP("CheckinModels", "Organisation"),
        QT_TRANSLATE_NOOP("CheckinModels", "Desk"),
    )

    def display(self, row: RecentCheckin, column: int) -> str:
        desk = QCoreApplication.translate("CheckinModels", "paper") if row.desk == PAPER_DESK else row.desk
        return (clock_time(row.at), row.name, row.organisation, desk)[column]

    def extra(self, row: RecentCheckin, column: int, role: int) -> object:
        return row.person_id if role == ID_ROLE else None


class CountsModel(_Table):
    """Checked in / invited per participant type or per district, with the share checked in."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("CheckinModels", "Group"),
        QT_TRANSLATE_NOOP("CheckinModels", "Checked in"),
        QT_TRANSLATE_NOOP("CheckinModels", "Invited"),
        QT_TRANSLATE_NOOP("CheckinModels", "%"),
    )
    NUMERIC = frozenset({1, 2, 3})

    def display(self, row: CountRow, column: int) -> str:
        if column == 0:
            return row.label_en if current_language() == "en" else row.label_th
        if column == 1:
            return f"{row.checked_in:,}"
        if column == 2:
            return f"{row.invited:,}"
        if column == 3:
            return f"{100 * row.checked_in / row.invited:.0f}" if row.invited else ""
        return ""

    def extra(self, row: CountRow, column: int, role: int) -> object:
        return row.key if role == ID_ROLE else None
