"""The Exchange screen's tables: files of an import report, conflicts, groups of possible duplicate people, the people
of one group, and the bundle history. Light rows (``(id, record)``) over what the core returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lampang_planner.core.ops.conflicts import ConflictRow, display_value, field_label, table_label
from lampang_planner.core.ops.duplicates import DuplicateGroup, PersonCard
from lampang_planner.core.refdata import divisions
from lampang_planner.core.sync.exchange import ALREADY, IMPORTED, FileReport, LogRow
from lampang_planner.core.thai.dates import format_date_th
from lampang_planner.core.thai.names import full_name
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.people import format_phone
from lampang_planner.ui.models.rows import Column, RowsModel, folded, rank

CONTEXT = "ExchangeModels"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# Texts built at run time, marked here so lupdate finds them.
KIND_TEXTS = {
    "delta": QT_TRANSLATE_NOOP("ExchangeModels", "Changes only"),
    "full": QT_TRANSLATE_NOOP("ExchangeModels", "Everything"),
    "kit": QT_TRANSLATE_NOOP("ExchangeModels", "Kit"),
}
IMPORTED_TEXT = QT_TRANSLATE_NOOP(
    "ExchangeModels", "Imported: {added} added, {updated} updated, {merged} merged, {unchanged} unchanged")
ALREADY_TEXT = QT_TRANSLATE_NOOP("ExchangeModels", "Already imported before: nothing to do")
REFUSED_TEXT = QT_TRANSLATE_NOOP("ExchangeModels", "Refused: {reason}")
DELETED_TEXT = QT_TRANSLATE_NOOP("ExchangeModels", "(deleted)")
RACE_TEXT = QT_TRANSLATE_NOOP("ExchangeModels", "Edited while deleted elsewhere")
CONCURRENT_TEXT = QT_TRANSLATE_NOOP("ExchangeModels", "Edited on two devices")
EXPORTED_TEXT = QT_TRANSLATE_NOOP("ExchangeModels", "Exported")
IMPORTED_DIR_TEXT = QT_TRANSLATE_NOOP("ExchangeModels", "Imported")


def when_text(iso: str) -> str:
    """"24 พ.ย. 2569 19:06" (local time) from an ISO time; the text itself if it is not one."""
    try:
        t = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    if t.tzinfo is not None:
        t = t.astimezone()
    return f"{format_date_th(t.date(), 'short')} {t:%H:%M}"


def kind_text(kind: str) -> str:
    return _t(KIND_TEXTS[kind]) if kind in KIND_TEXTS else kind


def mask_citizen_id(cid: str) -> str:
    """Only the last four digits show: x-xxxx-xxxxx-12-3."""
    if len(cid) != 13:
        return "x" * len(cid)
    return f"x-xxxx-xxxxx-{cid[10:12]}-{cid[12]}"


class _ObjectRows(RowsModel):
    """Rows are ``(id, record)``; subclasses say how a record shows in each column."""

    CONTEXT = CONTEXT
    NUMERIC: frozenset[int] = frozenset()

    def set_records(self, records: Sequence[tuple[str, object]]) -> None:
        self.set_rows(list(records))

    def haystacks(self, rows: Sequence[tuple]) -> list[str]:
        cache: dict[str, str] = {}
        return [folded(cache, " ".join(self.display(r, c) for c in range(len(self.COLUMNS)))) for r in rows]

    def column_keys(self, column: int) -> list:
        if column in self.NUMERIC:
            return [self.number(r, column) for r in self._rows]
        return rank([self.display(r, column) for r in self._rows])

    def number(self, row: tuple, column: int) -> int:
        return 0


class ReportFilesModel(_ObjectRows):
    COLUMNS = (
        Column("file", QT_TRANSLATE_NOOP("ExchangeModels", "File"), 300),
        Column("device", QT_TRANSLATE_NOOP("ExchangeModels", "From"), 200),
        Column("kind", QT_TRANSLATE_NOOP("ExchangeModels", "Kind"), 90),
        Column("changes", QT_TRANSLATE_NOOP("ExchangeModels", "Changes"), 80, numeric=True),
        Column("result", QT_TRANSLATE_NOOP("ExchangeModels", "Result"), 420),
    )
    NUMERIC = frozenset({3})
    STRETCH = 4

    def display(self, row: tuple, column: int) -> str:
        f: FileReport = row[1]
        if column == 0:
            return f.path.name
        if column == 1:
            return f.device_name or f.device_id
        if column == 2:
            return kind_text(f.kind)
        if column == 3:
            return f"{f.changes:,}" if f.bundle_id else ""
        if f.status == IMPORTED:
            return _t(IMPORTED_TEXT).format(
                added=f"{f.added:,}", updated=f"{f.updated:,}", merged=f"{f.merged:,}", unchanged=f"{f.unchanged:,}")
        if f.status == ALREADY:
            return _t(ALREADY_TEXT)
        if f.error is not None:
            return _t(REFUSED_TEXT).format(reason=_reason(f))
        return ""

    def number(self, row: tuple, column: int) -> int:
        return row[1].changes

    def tooltip(self, row: tuple, column: int) -> str | None:
        return str(row[1].path) if column == 0 else (self.display(row, column) if column == 4 else None)


def _reason(f: FileReport) -> str:
    """The refusal without the file name the core puts in front (the table shows the name already)."""
    text = f.error.message(current_language()) if f.error else ""
    prefix = f"{f.path.name}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


class ConflictsModel(_ObjectRows):
    COLUMNS = (
        Column("record", QT_TRANSLATE_NOOP("ExchangeModels", "Record"), 240),
        Column("field", QT_TRANSLATE_NOOP("ExchangeModels", "Field"), 130),
        Column("shown", QT_TRANSLATE_NOOP("ExchangeModels", "Value shown"), 200),
        Column("other", QT_TRANSLATE_NOOP("ExchangeModels", "Other value"), 200),
        Column("device", QT_TRANSLATE_NOOP("ExchangeModels", "Other value from"), 170),
        Column("kind", QT_TRANSLATE_NOOP("ExchangeModels", "Kind"), 220),
    )
    STRETCH = 5

    def display(self, row: tuple, column: int) -> str:
        c: ConflictRow = row[1]
        lang = current_language()
        if column == 0:
            return f"{table_label(c.tbl, lang)}: {c.record}"
        if column == 1:
            return field_label(c.field, lang)
        if column == 2:
            if c.kind == "edit_vs_delete":
                return _t(DELETED_TEXT)
            return display_value(c.tbl, c.field, c.winner_value, lang)
        if column == 3:
            return display_value(c.tbl, c.field, c.loser_value, lang)
        if column == 4:
            return c.loser_device_name
        return _t(RACE_TEXT) if c.kind == "edit_vs_delete" else _t(CONCURRENT_TEXT)


class DuplicateGroupsModel(_ObjectRows):
    COLUMNS = (
        Column("names", QT_TRANSLATE_NOOP("ExchangeModels", "People"), 320),
        Column("reason", QT_TRANSLATE_NOOP("ExchangeModels", "Why they may be one person"), 260),
        Column("count", QT_TRANSLATE_NOOP("ExchangeModels", "Records"), 70, numeric=True),
    )
    NUMERIC = frozenset({2})
    STRETCH = 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}  # person id → full name

    def display(self, row: tuple, column: int) -> str:
        g: DuplicateGroup = row[1]
        if column == 0:
            return " / ".join(dict.fromkeys(self.names.get(p, p) for p in g.person_ids))
        if column == 1:
            return g.reason_text(current_language())
        return str(len(g.person_ids))

    def number(self, row: tuple, column: int) -> int:
        return len(row[1].person_ids)


class GroupPeopleModel(_ObjectRows):
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("ExchangeModels", "Name"), 200),
        Column("organisation", QT_TRANSLATE_NOOP("ExchangeModels", "Organisation"), 240),
        Column("phone", QT_TRANSLATE_NOOP("ExchangeModels", "Phone"), 110),
        Column("tambon", QT_TRANSLATE_NOOP("ExchangeModels", "Tambon"), 140),
        Column("citizen", QT_TRANSLATE_NOOP("ExchangeModels", "Citizen ID"), 140),
        Column("origin", QT_TRANSLATE_NOOP("ExchangeModels", "Registered on"), 140),
        Column("invited", QT_TRANSLATE_NOOP("ExchangeModels", "Invited"), 60, numeric=True),
        Column("attended", QT_TRANSLATE_NOOP("ExchangeModels", "Checked in"), 70, numeric=True),
    )
    NUMERIC = frozenset({6, 7})
    STRETCH = 1

    def display(self, row: tuple, column: int) -> str:
        p: PersonCard = row[1]
        if column == 0:
            return full_name(p.prefix, p.first_name, p.last_name)
        if column == 1:
            return p.organisation
        if column == 2:
            return format_phone(p.phone)
        if column == 3:
            tambon = divisions().subdistricts.get(p.subdistrict_code)
            return tambon.name(current_language()) if tambon else ""
        if column == 4:
            return mask_citizen_id(p.citizen_id) if p.citizen_id else ""
        if column == 5:
            return p.origin_device
        return str(p.invitations if column == 6 else p.attendance)

    def number(self, row: tuple, column: int) -> int:
        p: PersonCard = row[1]
        return p.invitations if column == 6 else p.attendance


class HistoryModel(_ObjectRows):
    COLUMNS = (
        Column("when", QT_TRANSLATE_NOOP("ExchangeModels", "When"), 150),
        Column("direction", QT_TRANSLATE_NOOP("ExchangeModels", "Exported / imported"), 130),
        Column("kind", QT_TRANSLATE_NOOP("ExchangeModels", "Kind"), 90),
        Column("device", QT_TRANSLATE_NOOP("ExchangeModels", "Device"), 200),
        Column("changes", QT_TRANSLATE_NOOP("ExchangeModels", "Changes"), 80, numeric=True),
        Column("file", QT_TRANSLATE_NOOP("ExchangeModels", "File"), 320),
    )
    NUMERIC = frozenset({4})
    STRETCH = 5

    def display(self, row: tuple, column: int) -> str:
        r: LogRow = row[1]
        if column == 0:
            return when_text(r.done_at)
        if column == 1:
            return _t(EXPORTED_TEXT) if r.direction == "out" else _t(IMPORTED_DIR_TEXT)
        if column == 2:
            return kind_text(r.kind)
        if column == 3:
            return r.device_name or r.device_id
        if column == 4:
            return f"{r.changes:,}"
        return r.file_name

    def column_keys(self, column: int) -> list:
        if column == 0:
            return [r[1].done_at for r in self._rows]
        return super().column_keys(column)

    def number(self, row: tuple, column: int) -> int:
        return row[1].changes
