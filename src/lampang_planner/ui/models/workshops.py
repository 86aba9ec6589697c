"""The Workshops table over ``core.ops.workshops.list_workshops`` (light rows with invited/attended counts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP

from lampang_planner.core.db import Store
from lampang_planner.core.ops.workshops import list_workshops
from lampang_planner.core.refdata import divisions
from lampang_planner.core.thai.collation import fold_for_search
from lampang_planner.core.thai.dates import format_date_range_th, format_date_th
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.rows import Column, RowsModel, rank

# Row layout (a tuple per workshop)
ID, TITLE, START, END, DISTRICT, SUBDISTRICT, VENUE, INVITED, ATTENDED = range(9)


def date_text(start, end) -> str:
    """The workshop's dates in the Buddhist era: "25 ส.ค. 2559", "30 ส.ค. – 1 ก.ย. 2559"."""
    if start and end and end >= start:
        return format_date_range_th(start, end, "short")
    if start:
        return format_date_th(start, "short")
    return ""


def district_text(code: str) -> str:
    d = divisions().districts.get(code)
    return d.name(current_language()) if d else code


class WorkshopsModel(RowsModel):
    CONTEXT = "WorkshopsModel"
    COLUMNS = (
        Column("date", QT_TRANSLATE_NOOP("WorkshopsModel", "Date"), 130, text=lambda r: date_text(r[START], r[END])),
        Column("title", QT_TRANSLATE_NOOP("WorkshopsModel", "Workshop"), 300, text=lambda r: r[TITLE]),
        Column("district", QT_TRANSLATE_NOOP("WorkshopsModel", "District"), 110,
               text=lambda r: district_text(r[DISTRICT])),
        Column("venue", QT_TRANSLATE_NOOP("WorkshopsModel", "Venue"), 180, text=lambda r: r[VENUE]),
        Column("invited", QT_TRANSLATE_NOOP("WorkshopsModel", "Invited"), 70, numeric=True,
               text=lambda r: f"{r[INVITED]:,}", sort=lambda r: r[INVITED]),
        Column("attended", QT_TRANSLATE_NOOP("WorkshopsModel", "Attended"), 80, numeric=True,
               text=lambda r: f"{r[ATTENDED]:,}", sort=lambda r: r[ATTENDED]),
    )
    DEFAULT_SORT = 0
    STRETCH = 1

    def tooltip(self, row: tuple, column: int) -> str | None:
        return self.display(row, column) if column in (1, 3) else None

    def haystacks(self, rows: Sequence[tuple]) -> list[str]:
        dv = divisions()
        out = []
        for r in rows:
            parts = [r[TITLE], r[VENUE], date_text(r[START], r[END])]
            for code, table in ((r[DISTRICT], dv.districts), (r[SUBDISTRICT], dv.subdistricts)):
                if code in table:
                    parts += [table[code].name_th, table[code].name_en]
            out.append(fold_for_search("\t".join(parts)))
        return out

    def column_keys(self, column: int) -> list:
        rows = self._rows
        if column == 0:
            return rank([(r[START] or dt.date.max, r[END] or dt.date.max, r[TITLE]) for r in rows], key=lambda v: v)
        return super().column_keys(column)

    def load(self, store: Store) -> None:
        self.set_rows([
            (w.id, w.title, w.start_date, w.end_date, w.district_code, w.subdistrict_code, w.venue, w.invited, w.attended)
            for w in list_workshops(store)
        ])

