"""The plan's project proposals as an editable table: each edited cell is one core call (one transaction); a refused
value leaves the cell as it was and the reason (Thai / English) goes to ``refused``."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.plan.proposals import ProposalRow, list_proposals, update_proposal
from lampang_planner.core.plan.settings import PlanInfo, get_plan
from lampang_planner.core.plan.sources import need_sources
from lampang_planner.core.vocabulary import ProposalStatus
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.rows import ID_ROLE

CONTEXT = "ProposalsModel"
# (field, English header) before and after the budget years; "budget:YYYY" columns go in between. The order is the
# order of refining a project from left to right with Tab.
BEFORE = [
    ("title", QT_TRANSLATE_NOOP("ProposalsModel", "Project")),
    ("objective", QT_TRANSLATE_NOOP("ProposalsModel", "Objective")),
    ("output_qty", QT_TRANSLATE_NOOP("ProposalsModel", "Quantity")),
    ("output_unit", QT_TRANSLATE_NOOP("ProposalsModel", "Unit")),
    ("output_place", QT_TRANSLATE_NOOP("ProposalsModel", "Place")),
]
AFTER = [
    ("kpi", QT_TRANSLATE_NOOP("ProposalsModel", "KPI")),
    ("expected_result", QT_TRANSLATE_NOOP("ProposalsModel", "Expected result")),
    ("division", QT_TRANSLATE_NOOP("ProposalsModel", "Division")),
    ("status", QT_TRANSLATE_NOOP("ProposalsModel", "Status")),
    ("fund_source", QT_TRANSLATE_NOOP("ProposalsModel", "Source of funds")),
    ("strategy", QT_TRANSLATE_NOOP("ProposalsModel", "Strategy")),
    ("work_plan", QT_TRANSLATE_NOOP("ProposalsModel", "Work plan")),
    ("community_plan", QT_TRANSLATE_NOOP("ProposalsModel", "From a community plan (ผ.02/1)")),
    ("province_strategy", QT_TRANSLATE_NOOP("ProposalsModel", "Province strategy (ก.)")),
    ("area_strategy", QT_TRANSLATE_NOOP("ProposalsModel", "LAO strategy in the province (ข.)")),
    ("origin", QT_TRANSLATE_NOOP("ProposalsModel", "From the need (who raised it, workshop)")),
]
READ_ONLY = {"origin"}
VERTICAL_TITLE = 22  # characters of the project's name in the row header, so it stays in sight while scrolling


def status_label(value: str) -> str:
    s = ProposalStatus(value)
    return s.en if current_language() == "en" else s.th


class ProposalsModel(QAbstractTableModel):
    refused = Signal(str)  # the reason a value was not taken, in the current language

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.plan: PlanInfo = get_plan(store)
        self.rows: list[ProposalRow] = []
        self.origins: dict[str, str] = {}
        self.fields: list[str] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.plan = get_plan(self.store)
        self.rows = list_proposals(self.store)
        self.origins = need_sources(self.store, with_people=True)
        self.fields = [f for f, _ in BEFORE] + [f"budget:{y}" for y in self.plan.plan_years] + [f for f, _ in AFTER]
        self.endResetModel()

    # --- reading ---------------------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            title = self.rows[section].title if 0 <= section < len(self.rows) else ""
            short = title.removeprefix("โครงการ")
            return f"{section + 1}. {short[:VERTICAL_TITLE]}{'…' if len(short) > VERTICAL_TITLE else ''}"
        name = self.fields[section]
        if name.startswith("budget:"):
            return QCoreApplication.translate("ProposalsModel", "{year} (baht)").format(year=name.split(":")[1])
        return QCoreApplication.translate(CONTEXT, dict(BEFORE + AFTER)[name])

    def value(self, row: ProposalRow, name: str) -> object:
        if name == "origin":
            return self.origins.get(row.need_id, "")
        if name.startswith("budget:"):
            return row.budget(int(name.split(":")[1]))
        return getattr(row, name)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, name = self.rows[index.row()], self.fields[index.column()]
        v = self.value(row, name)
        if role == ID_ROLE:
            return row.id
        if name == "community_plan":
            return (Qt.CheckState.Checked if v else Qt.CheckState.Unchecked) if role == Qt.ItemDataRole.CheckStateRole \
                else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if name == "status":
                return status_label(v) if role == Qt.ItemDataRole.DisplayRole else v
            if isinstance(v, float):
                return f"{v:,.0f}" if role == Qt.ItemDataRole.DisplayRole or v == int(v) else str(v)
            return v if v not in (None, "") else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and (name.startswith("budget:") or name == "output_qty"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and name in ("objective", "kpi", "expected_result", "title", "origin"):
            return v or None
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.fields[index.column()] == "community_plan":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if self.fields[index.column()] in READ_ONLY:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    # --- writing ---------------------------------------------------------------------------------------------------

    def setData(self, index: QModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, name = self.rows[index.row()], self.fields[index.column()]
        if name == "community_plan":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            fields: dict = {name: Qt.CheckState(value) == Qt.CheckState.Checked}
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif name.startswith("budget:"):
            fields = {"budgets": {**{str(y): v for y, v in row.budgets.items()}, name.split(":")[1]: value}}
        else:
            fields = {name: value}
        try:
            update_proposal(self.store, row.id, fields)
        except UserError as exc:
            self.refused.emit(exc.message(current_language()))
            return False
        self.refresh_row(index.row())
        return True

    def refresh_row(self, r: int) -> None:
        from lampang_planner.core.plan.proposals import get_proposal

        fresh = get_proposal(self.store, self.rows[r].id)
        if fresh is None:
            self.reload()
            return
        self.rows[r] = fresh
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.fields) - 1))

    def row_of(self, proposal_id: str) -> int | None:
        return next((i for i, p in enumerate(self.rows) if p.id == proposal_id), None)
