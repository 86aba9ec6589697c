"""The audit log as a table model: one light tuple per change, labels in the current language, newest first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from lampang_planner.core.audit import ACTION_LABELS, TABLE_LABELS, AuditEntry, label
from lampang_planner.core.thai.dates import format_date_th
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.rows import Column, RowsModel, folded, rank

# Row layout: (hlc, index into the entries, when, table, action, row id, fields, device, desk, operator, author)
HLC, INDEX, WHEN, TABLE, ACTION, ROW, FIELDS, DEVICE, DESK, OPERATOR, AUTHOR = range(11)


def entry_row(i: int, e: AuditEntry) -> tuple:
    return (e.hlc, i, e.when, e.table, e.action, e.row_id, ", ".join(e.fields), e.device_name, e.desk, e.operator,
            e.author)


class AuditModel(RowsModel):
    CONTEXT = "AuditModel"
    COLUMNS = (
        Column("time", QT_TRANSLATE_NOOP("AuditModel", "Time"), 160),
        Column("table", QT_TRANSLATE_NOOP("AuditModel", "Data"), 130),
        Column("action", QT_TRANSLATE_NOOP("AuditModel", "Action"), 120),
        Column("device", QT_TRANSLATE_NOOP("AuditModel", "Device"), 170),
        Column("desk", QT_TRANSLATE_NOOP("AuditModel", "Desk"), 50),
        Column("operator", QT_TRANSLATE_NOOP("AuditModel", "Signed-in name"), 120),
        Column("record", QT_TRANSLATE_NOOP("AuditModel", "Record id"), 150),
        Column("fields", QT_TRANSLATE_NOOP("AuditModel", "Fields changed"), 240),
    )
    DEFAULT_SORT = 0
    STRETCH = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[AuditEntry] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.entries = entries
        self.set_rows([entry_row(i, e) for i, e in enumerate(entries)])

    def shown_entries(self) -> list[AuditEntry]:
        """The entries shown now (filtered by the search), in the order shown."""
        return [self.entries[self.record(r)[INDEX]] for r in range(self.rowCount())]

    def display(self, row: tuple, column: int) -> str:
        lang = current_language()
        if column == 0:
            when = row[WHEN]
            return f"{format_date_th(when.date(), 'short')} {when:%H:%M:%S}"
        if column == 1:
            return label(TABLE_LABELS, row[TABLE], lang)
        if column == 2:
            return label(ACTION_LABELS, row[ACTION], lang)
        return {3: row[DEVICE], 4: row[DESK], 5: row[OPERATOR], 6: row[ROW], 7: row[FIELDS]}[column]

    def tooltip(self, row: tuple, column: int) -> str | None:
        if column in (3, 4, 5):
            return row[AUTHOR]
        return row[ROW] if column == 6 else None

    def haystacks(self, rows: Sequence[tuple]) -> list[str]:
        cache: dict[str, str] = {}
        out = []
        for r in rows:
            labels = " ".join(label(TABLE_LABELS, r[TABLE], lg) + " " + label(ACTION_LABELS, r[ACTION], lg)
                              for lg in ("th", "en"))
            out.append(folded(cache, f"{labels} {r[TABLE]} {r[ACTION]} {r[AUTHOR]} {r[FIELDS]}") + " " + r[ROW])
        return out

    def column_keys(self, column: int) -> list:
        if column == 0:
            return rank([r[HLC] for r in self._rows], key=str)
        return super().column_keys(column)
