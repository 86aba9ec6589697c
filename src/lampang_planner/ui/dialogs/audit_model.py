"""The audit log as a table model: one light tuple per change, labels in the current language, newest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from lampang_planner.core.audit import ACTION_LABELS, TABLE_LABELS, AuditEntry, label
from lampang_planner.core.ops.conflicts import field_label
from lampang_planner.core.thai.dates import format_date_th
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.rows import Column, RowsModel, folded, rank

# Row layout: (hlc, index into the entries, when, table, action, row id, fields, device, desk, operator, author)
HLC, INDEX, WHEN, TABLE, ACTION, ROW, FIELDS, DEVICE, DESK, OPERATOR, AUTHOR = range(11)


def when_text(when: dt.datetime) -> str:
    return f"{format_date_th(when.date(), 'short')} {when:%H:%M:%S}"


def entry_row(i: int, e: AuditEntry) -> tuple:
    return (e.hlc, i, e.when, e.table, e.action, e.row_id, tuple(e.fields), e.device_name, e.desk, e.operator,
            e.author)


def fields_text(fields: Sequence[str], lang: str) -> str:
    """The fields a change touched, each by its name in ``lang`` (the stored key when it has none)."""
    return ", ".join(field_label(f, lang) for f in fields)


class AuditModel(RowsModel):
    CONTEXT = "AuditModel"
    COLUMNS = (
        Column("time", QT_TRANSLATE_NOOP("AuditModel", "Time"), 160, text=lambda r: when_text(r[WHEN])),
        Column("table", QT_TRANSLATE_NOOP("AuditModel", "Data"), 130,
               text=lambda r: label(TABLE_LABELS, r[TABLE], current_language())),
        Column("action", QT_TRANSLATE_NOOP("AuditModel", "Action"), 120,
               text=lambda r: label(ACTION_LABELS, r[ACTION], current_language())),
        Column("device", QT_TRANSLATE_NOOP("AuditModel", "Device"), 170, text=lambda r: r[DEVICE]),
        Column("desk", QT_TRANSLATE_NOOP("AuditModel", "Desk"), 50, text=lambda r: r[DESK]),
        Column("operator", QT_TRANSLATE_NOOP("AuditModel", "Signed-in name"), 120, text=lambda r: r[OPERATOR]),
        Column("record", QT_TRANSLATE_NOOP("AuditModel", "Record id"), 150, text=lambda r: r[ROW]),
        Column("fields", QT_TRANSLATE_NOOP("AuditModel", "Fields changed"), 240,
               text=lambda r: fields_text(r[FIELDS], current_language())),
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

    def tooltip(self, row: tuple, column: int) -> str | None:
        if column in (3, 4, 5):
            return row[AUTHOR]
        return row[ROW] if column == 6 else None

    def haystacks(self, rows: Sequence[tuple]) -> list[str]:
        cache: dict[str, str] = {}
        out = []
        for r in rows:
            labels = " ".join(label(TABLE_LABELS, r[TABLE], lg) + " " + label(ACTION_LABELS, r[ACTION], lg) + " "
                              + fields_text(r[FIELDS], lg) for lg in ("th", "en"))
            keys = " ".join(r[FIELDS])
            out.append(folded(cache, f"{labels} {r[TABLE]} {r[ACTION]} {r[AUTHOR]} {keys}") + " " + r[ROW])
        return out

    def column_keys(self, column: int) -> list:
        if column == 0:
            return rank([r[HLC] for r in self._rows], key=str)
        return super().column_keys(column)
