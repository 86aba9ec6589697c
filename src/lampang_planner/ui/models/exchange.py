"""The Exchange screen's tables: files of an import report, conflicts, groups of possible duplicate people, the people
of one group, and the bundle history. Light rows (``(id, record)``) over what the core returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lampang_planner.core.ops.conflicts import ConflictRow, display_value, field_label, table_label
from lampang_planner.core.ops.duplicates import DuplicateGroup, PersonCard
from lampang_planner.core.refdata import divisions
from lampang_planner.core.sync.exchange import ALREADY, IMPORTED, FileReport
from lampang_planner.core.thai.dates import BANGKOK, format_date_th
from lampang_planner.core.thai.names import full_name
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.people import format_phone
from lampang_planner.ui.models.rows import Column, RowsModel, folded

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
    """"24 พ.ย. 2569 19:06" (Lampang time) from an ISO time; the text itself if it is not one."""
    try:
        t = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    if t.tzinfo is not None:
        t = t.astimezone(BANGKOK)
    return f"{format_date_th(t.date(), 'short')} {t:%H:%M}"


def kind_text(kind: str) -> str:
    return _t(KIND_TEXTS[kind]) if kind in KIND_TEXTS else kind


def mask_citizen_id(cid: str) -> str:
    """Only the last four digits show: x-xxxx-xxxxx-12-3."""
    if len(cid) != 13:
        return "x" * len(cid)
    return f"x-xxxx-xxxxx-{cid[10:12]}-{cid[12]}"


class _ObjectRows(RowsModel):
    """Rows are ``(id, record)``; each column says how a record shows in it (``Column.text`` of the row) and, when
    numeric, how it sorts (``Column.sort``)."""

    CONTEXT = CONTEXT

    def set_records(self, records: Sequence[tuple[str, object]]) -> None:
        self.set_rows(list(records))

    def haystacks(self, rows: Sequence[tuple]) -> list[str]:
        cache: dict[str, str] = {}
        return [folded(cache, " ".join(self.display(r, c) for c in range(len(self.COLUMNS)))) for r in rows]


def _file_result(f: FileReport) -> str:
    if f.status == IMPORTED:
        return _t(IMPORTED_TEXT).format(
            added=f"{f.added:,}", updated=f"{f.updated:,}", merged=f"{f.merged:,}", unchanged=f"{f.unchanged:,}")
    if f.status == ALREADY:
        return _t(ALREADY_TEXT)
    if f.error is not None:
        return _t(REFUSED_TEXT).format(reason=_reason(f))
    return ""


class ReportFilesModel(_ObjectRows):
    COLUMNS = (
        Column("file", QT_TRANSLATE_NOOP("ExchangeModels", "File"), 300, text=lambda r: r[1].path.name),
        Column("device", QT_TRANSLATE_NOOP("ExchangeModels", "From"), 200,
               text=lambda r: r[1].device_name or r[1].device_id),
        Column("kind", QT_TRANSLATE_NOOP("ExchangeModels", "Kind"), 90, text=lambda r: kind_text(r[1].kind)),
        Column("changes", QT_TRANSLATE_NOOP("ExchangeModels", "Changes"), 80, numeric=True,
               text=lambda r: f"{r[1].changes:,}" if r[1].bundle_id else "", sort=lambda r: r[1].changes),
        Column("result", QT_TRANSLATE_NOOP("ExchangeModels", "Result"), 420, text=lambda r: _file_result(r[1])),
    )
    STRETCH = 4

    def tooltip(self, row: tuple, column: int) -> str | None:
        return str(row[1].path) if column == 0 else (self.display(row, column) if column == 4 else None)


def _reason(f: FileReport) -> str:
    """The refusal without the file name the core puts in front (the table shows the name already)."""
    text = f.error.message(current_language()) if f.error else ""
    prefix = f"{f.path.name}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


def _shown_value(c: ConflictRow) -> str:
    if c.kind == "edit_vs_delete":
        return _t(DELETED_TEXT)
    return display_value(c.tbl, c.field, c.winner_value, current_language())


class ConflictsModel(_ObjectRows):
    COLUMNS = (
        Column("record", QT_TRANSLATE_NOOP("ExchangeModels", "Record"), 240,
               text=lambda r: f"{table_label(r[1].tbl, current_language())}: {r[1].record}"),
        Column("field", QT_TRANSLATE_NOOP("ExchangeModels", "Field"), 130,
               text=lambda r: field_label(r[1].field, current_language())),
        Column("shown", QT_TRANSLATE_NOOP("ExchangeModels", "Value shown"), 200, text=lambda r: _shown_value(r[1])),
        Column("other", QT_TRANSLATE_NOOP("ExchangeModels", "Other value"), 200,
               text=lambda r: display_value(r[1].tbl, r[1].field, r[1].loser_value, current_language())),
        Column("device", QT_TRANSLATE_NOOP("ExchangeModels", "Other value from"), 170,
               text=lambda r: r[1].loser_device_name),
        Column("kind", QT_TRANSLATE_NOOP("ExchangeModels", "Kind"), 220,
               text=lambda r: _t(RACE_TEXT) if r[1].kind == "edit_vs_delete" else _t(CONCURRENT_TEXT)),
    )
    STRETCH = 5


class DuplicateGroupsModel(_ObjectRows):
    COLUMNS = (
        Column("names", QT_TRANSLATE_NOOP("ExchangeModels", "People"), 320),
        Column("reason", QT_TRANSLATE_NOOP("ExchangeModels", "Why they may be one person"), 260),
        Column("count", QT_TRANSLATE_NOOP("ExchangeModels", "Records"), 70, numeric=True,
               sort=lambda r: len(r[1].person_ids)),
    )
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


def _tambon(p: PersonCard) -> str:
    tambon = divisions().subdistricts.get(p.subdistrict_code)
    return tambon.name(current_language()) if tambon else ""


class GroupPeopleModel(_ObjectRows):
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("ExchangeModels", "Name"), 200,
               text=lambda r: full_name(r[1].prefix, r[1].first_name, r[1].last_name)),
        Column("organisation", QT_TRANSLATE_NOOP("ExchangeModels", "Organisation"), 240,
               text=lambda r: r[1].organisation),
        Column("phone", QT_TRANSLATE_NOOP("ExchangeModels", "Phone"), 110, text=lambda r: format_phone(r[1].phone)),
        Column("tambon", QT_TRANSLATE_NOOP("ExchangeModels", "Tambon"), 140, text=lambda r: _tambon(r[1])),
        Column("citizen", QT_TRANSLATE_NOOP("ExchangeModels", "Citizen ID"), 140,
               text=lambda r: mask_citizen_id(r[1].citizen_id) if r[1].citizen_id else ""),
        Column("origin", QT_TRANSLATE_NOOP("ExchangeModels", "Registered on"), 140, text=lambda r: r[1].origin_device),
        Column("invited", QT_TRANSLATE_NOOP("ExchangeModels", "Invited"), 60, numeric=True,
               text=lambda r: str(r[1].invitations), sort=lambda r: r[1].invitations),
        Column("attended", QT_TRANSLATE_NOOP("ExchangeModels", "Checked in"), 70, numeric=True,
               text=lambda r: str(r[1].attendance), sort=lambda r: r[1].attendance),
    )
    STRETCH = 1


class HistoryModel(_ObjectRows):
    COLUMNS = (
        Column("when", QT_TRANSLATE_NOOP("ExchangeModels", "When"), 150,
               text=lambda r: when_text(r[1].done_at), sort=lambda r: r[1].done_at),
        Column("direction", QT_TRANSLATE_NOOP("ExchangeModels", "Exported / imported"), 130,
               text=lambda r: _t(EXPORTED_TEXT) if r[1].direction == "out" else _t(IMPORTED_DIR_TEXT)),
        Column("kind", QT_TRANSLATE_NOOP("ExchangeModels", "Kind"), 90, text=lambda r: kind_text(r[1].kind)),
        Column("device", QT_TRANSLATE_NOOP("ExchangeModels", "Device"), 200,
               text=lambda r: r[1].device_name or r[1].device_id),
        Column("changes", QT_TRANSLATE_NOOP("ExchangeModels", "Changes"), 80, numeric=True,
               text=lambda r: f"{r[1].changes:,}", sort=lambda r: r[1].changes),
        Column("file", QT_TRANSLATE_NOOP("ExchangeModels", "File"), 320, text=lambda r: r[1].file_name),
    )
    STRETCH = 5
