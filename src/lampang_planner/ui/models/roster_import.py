"""The roster import preview as a table model: one row per sheet row of the workbook, with what the import does with
it (``core.roster.importer``) and why, in the current language; filterable by status, rejected and duplicate rows
highlighted.

``preview_rows(plan)`` turns a plan into light tuples (both languages' texts made once, off the GUI thread);
``RosterImportModel.set_preview(rows)`` shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from lampang_planner.core.refdata import divisions
from lampang_planner.core.roster.headers import LABELS
from lampang_planner.core.roster.importer import ADD, DUPLICATE, REJECTED, STATUSES, UNCHANGED, UPDATE, RosterPlan
from lampang_planner.core.roster.values import CellProblem, cell_text, parse_place
from lampang_planner.core.thai.dates import format_date_th
from lampang_planner.core.vocabulary import ParticipantType
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.people import format_phone
from lampang_planner.ui.models.rows import Column, RowsModel, folded

# Row layout: (id "sheet!row", position in the plan, where shown, name, organisation, place th, place en, status,
#              details th, details en)
ID, POS, WHERE, NAME, ORG, PLACE_TH, PLACE_EN, STATUS, DETAILS_TH, DETAILS_EN = range(10)

STATUS_TITLES = {
    ADD: QT_TRANSLATE_NOOP("RosterImportModel", "New"),
    UPDATE: QT_TRANSLATE_NOOP("RosterImportModel", "Update"),
    UNCHANGED: QT_TRANSLATE_NOOP("RosterImportModel", "Unchanged"),
    DUPLICATE: QT_TRANSLATE_NOOP("RosterImportModel", "Duplicate"),
    REJECTED: QT_TRANSLATE_NOOP("RosterImportModel", "Rejected"),
}
"""The short status names (table column, filter buttons), English source in the model's translation context."""

BACKGROUNDS = {REJECTED: QColor("#fde4e1"), DUPLICATE: QColor("#fff1c9")}
FOREGROUNDS = {REJECTED: QColor("#a1261b"), DUPLICATE: QColor("#7a5200"), ADD: QColor("#1d6b2a"),
               UPDATE: QColor("#1f4f8f")}


def status_title(status: str) -> str:
    return QCoreApplication.translate("RosterImportModel", STATUS_TITLES[status])


# --- texts made once per preview ------------------------------------------------------------------------------------


def place_texts(district_value: object, tambon_value: object) -> tuple[str, str]:
    """(Thai, English) of the place a sheet row names: the tambon and district found ("ต.ศาลา อ.เกาะคา" /
    "Sala, Ko Kha"), or the cells as written when they name no known place."""
    try:
        district_code, tambon_code = parse_place(district_value, tambon_value)
    except CellProblem:
        raw = " ".join(t for t in (cell_text(tambon_value), cell_text(district_value)) if t)
        return raw, raw
    dv = divisions()
    district = dv.districts.get(district_code or "")
    tambon = dv.subdistricts.get(tambon_code or "")
    if tambon and district:
        return f"ต.{tambon.name_th} อ.{district.name_th}", f"{tambon.name_en}, {district.name_en}"
    if district:
        return f"อ.{district.name_th}", f"{district.name_en} district"
    return "", ""


def _mask_citizen_id(cid: str) -> str:
    return f"x-xxxx-xxxxx-{cid[10:12]}-{cid[12]}" if len(cid) == 13 else "x" * len(cid)


def _value_text(key: str, value: object, lang: str) -> str:
    if value is None or value == "":
        return "—"
    dv = divisions()
    if key == "participant_type":
        try:
            return ParticipantType(str(value)).label(lang)
        except ValueError:
            return str(value)
    if key == "district_code":
        d = dv.districts.get(str(value))
        return d.name(lang) if d else str(value)
    if key == "subdistrict_code":
        s = dv.subdistricts.get(str(value))
        return s.name(lang) if s else str(value)
    if key == "consent":
        return ("ยินยอม" if value else "ไม่ยินยอม") if lang == "th" else ("given" if value else "refused")
    if key == "phone":
        return format_phone(str(value))
    if key == "citizen_id":
        return _mask_citizen_id(str(value))
    if isinstance(value, dt.date):
        return format_date_th(value, "short") if lang == "th" else value.isoformat()
    return str(value)


_LABEL_KEY = {"district_code": "district", "subdistrict_code": "subdistrict"}


def change_texts(changes: dict[str, tuple[object, object]]) -> tuple[str, str]:
    """(Thai, English) of what an update changes: "หน่วยงาน: กลุ่มแม่บ้าน → เทศบาลตำบลศาลา; ..."."""
    out = []
    for lang, index in (("th", 0), ("en", 1)):
        parts = []
        for key, (old, new) in changes.items():
            if key == "consent_date":
                continue  # goes with the consent
            label = LABELS.get(_LABEL_KEY.get(key, key), (key, key))[index]
            parts.append(f"{label}: {_value_text(key, old, lang)} → {_value_text(key, new, lang)}")
        out.append("; ".join(parts))
    return out[0], out[1]


def preview_rows(plan: RosterPlan) -> list[tuple]:
    """One tuple per plan row (see the row layout above). Pure Python: safe on a task thread."""
    values = {(r.sheet, r.row): r.values for r in plan.source.rows}
    multi = plan.source.multi_sheet
    places: dict[tuple[str, str], tuple[str, str]] = {}  # a roster names few places, many times
    rows = []
    for pos, r in enumerate(plan.rows):
        v = values.get((r.sheet, r.row), {})
        key = (cell_text(v.get("district")), cell_text(v.get("subdistrict")))
        if key not in places:
            places[key] = place_texts(*key)
        place_th, place_en = places[key]
        if r.status == UPDATE and r.changes:
            details_th, details_en = change_texts(r.changes)
        else:
            details_th, details_en = r.reason_th, r.reason_en
        where = f"{r.sheet} · {r.row}" if multi else str(r.row)
        rows.append((f"{r.sheet}!{r.row}", pos, where, r.name, cell_text(v.get("organisation")), place_th, place_en,
                     r.status, details_th, details_en))
    return rows


# --- the model ------------------------------------------------------------------------------------------------------


class RosterImportModel(RowsModel):
    CONTEXT = "RosterImportModel"
    COLUMNS = (
        Column("row", QT_TRANSLATE_NOOP("RosterImportModel", "Row"), 56, numeric=True, text=lambda r: r[WHERE],
               sort=lambda r: r[POS]),
        Column("name", QT_TRANSLATE_NOOP("RosterImportModel", "Name"), 190, text=lambda r: r[NAME]),
        Column("organisation", QT_TRANSLATE_NOOP("RosterImportModel", "Organisation"), 200, text=lambda r: r[ORG]),
        Column("place", QT_TRANSLATE_NOOP("RosterImportModel", "Tambon"), 165,
               text=lambda r: r[PLACE_EN] if current_language() == "en" else r[PLACE_TH]),
        Column("status", QT_TRANSLATE_NOOP("RosterImportModel", "Status"), 105, text=lambda r: status_title(r[STATUS]),
               sort=lambda r: STATUSES.index(r[STATUS])),
        Column("details", QT_TRANSLATE_NOOP("RosterImportModel", "Reason or change"), 300,
               text=lambda r: r[DETAILS_EN] if current_language() == "en" else r[DETAILS_TH]),
    )
    DEFAULT_SORT = 0
    STRETCH = 5
    ROW, NAME_COLUMN, ORG_COLUMN, PLACE_COLUMN, STATUS_COLUMN, DETAILS_COLUMN = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.all_rows: list[tuple] = []
        self.status: str | None = None

    def set_preview(self, rows: list[tuple]) -> None:
        """Show a new preview (or result); the status filter stays."""
        self.all_rows = list(rows)
        self._apply_status()

    def set_status(self, status: str | None) -> None:
        """Show only the rows with this status (None: every row)."""
        if status is not None and status not in STATUSES:
            raise ValueError(status)
        if status != self.status:
            self.status = status
            self._apply_status()

    def _apply_status(self) -> None:
        rows = self.all_rows if self.status is None else [r for r in self.all_rows if r[STATUS] == self.status]
        self.set_rows(rows)

    def status_of(self, row: int) -> str | None:
        rec = self.record(row)
        return rec[STATUS] if rec else None

    # --- RowsModel ---------------------------------------------------------------------------------------------------

    def haystacks(self, rows: Sequence[tuple]) -> list[str]:
        cache: dict[str, str] = {}
        return [
            " ".join(folded(cache, t) for t in (r[WHERE], r[NAME], r[ORG], r[PLACE_TH], r[PLACE_EN], r[DETAILS_TH],
                                                 r[DETAILS_EN]) if t)
            for r in rows
        ]

    def tooltip(self, row: tuple, column: int) -> str | None:
        if column in (2, 3, 5):
            text = self.display(row, column)
            return text or None
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            rec = self.record(index.row()) if index.isValid() else None
            if rec is None:
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                return BACKGROUNDS.get(rec[STATUS])
            if index.column() == 4:
                return FOREGROUNDS.get(rec[STATUS])
            return None
        return super().data(index, role)
