"""Table and tree models of the resolutions page, over ``core.ops.resolutions`` (light rows, never live ORM sessions):
the clauses with one workshop's votes, the amendments moved there, the office's side-by-side tree of every workshop's
votes, a clause's versions, and the people voting by name."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from lampang_planner.core.ops.resolutions import (
    AmendmentRow,
    AmendmentStatus,
    AmendmentVotes,
    ClauseVersionRow,
    ClauseVotes,
    ResolutionVotes,
    Voter,
    VoteRow,
)
from lampang_planner.core.thai.dates import format_date_th
from lampang_planner.core.thai.segment import words
from lampang_planner.core.vocabulary import VoteChoice
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.table import TableModel

CARRIED = "#e3f3e6"
LOST = "#fbe4e2"
_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
_CENTER = int(Qt.AlignmentFlag.AlignCenter.value)


def tr(text: str) -> str:
    return QCoreApplication.translate("ResolutionModels", text)


def one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def changed_part(original: str, amended: str) -> str:
    """What an amendment changes, for a narrow cell: the amended text without the words it shares with the clause
    at its start and end ("… และให้รายงานผลต่อที่ประชุมทุกปี"). Cuts fall between words (Thai has no spaces)."""
    a, b = " ".join(original.split()), " ".join(amended.split())
    if a == b:
        return b
    cuts = [0]
    for w in words(b):
        cuts.append(cuts[-1] + len(w))
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    q = 0
    while q < min(len(a), len(b)) - p and a[-1 - q] == b[-1 - q]:
        q += 1
    start = max(c for c in cuts if c <= p)
    end = min(c for c in cuts if c >= len(b) - q)
    middle = b[start:end].strip()
    if not middle:  # words were taken out
        return QCoreApplication.translate("ResolutionModels", "removes: {text}").format(text=a[p:len(a) - q].strip())
    return ("… " if start > 0 else "") + middle + (" …" if end < len(b) else "")


def vote_text(v: VoteRow | None) -> str:
    """"420 / 30 / 150": for / against / abstain."""
    return f"{v.for_count:,} / {v.against_count:,} / {v.abstain_count:,}" if v else ""


def vote_tooltip(v: VoteRow | None) -> str:
    if v is None:
        return QCoreApplication.translate("ResolutionModels", "No vote recorded")
    if v.method == "named":
        method = QCoreApplication.translate("ResolutionModels", "by name")
    else:
        method = QCoreApplication.translate("ResolutionModels", "show of hands")
    if v.carried:
        result = QCoreApplication.translate("ResolutionModels", "carried")
    else:
        result = QCoreApplication.translate("ResolutionModels", "not carried")
    text = QCoreApplication.translate("ResolutionModels",
                                      "For {f}, against {a}, abstain {ab}; {present} present ({method}); {result}")
    return text.format(
        f=v.for_count, a=v.against_count, ab=v.abstain_count, present=v.present, method=method, result=result)


def amendment_status_label(value: str) -> str:
    try:
        s = AmendmentStatus(value)
    except ValueError:
        return value
    return s.en if current_language() == "en" else s.th


def source_label(source: str) -> str:
    if source == "draft":
        return QCoreApplication.translate("ResolutionModels", "Draft")
    if source == "office":
        return QCoreApplication.translate("ResolutionModels", "Office")
    if source.startswith("amendment:"):
        return QCoreApplication.translate("ResolutionModels", "Amendment")
    return source


class _Table(TableModel):
    CONTEXT = "ResolutionModels"


class ClausesModel(_Table):
    """The clauses of one resolution with the vote of one workshop on each (as drafted) and its amendments there."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ResolutionModels", "No."),
        QT_TRANSLATE_NOOP("ResolutionModels", "Clause"),
        QT_TRANSLATE_NOOP("ResolutionModels", "For"),
        QT_TRANSLATE_NOOP("ResolutionModels", "Against"),
        QT_TRANSLATE_NOOP("ResolutionModels", "Abstain"),
        QT_TRANSLATE_NOOP("ResolutionModels", "Amendments here"),
    )
    NUMERIC = frozenset({0, 2, 3, 4, 5})
    ALIGN_CELLS = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workshop_id: str | None = None

    def load(self, side: ResolutionVotes | None, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        self.set_rows(side.clauses if side else [])

    def vote(self, c: ClauseVotes) -> VoteRow | None:
        return c.votes.get(self.workshop_id) if self.workshop_id else None

    def amendments_here(self, c: ClauseVotes) -> list:
        return [a for a in c.amendments if a.amendment.workshop_id == self.workshop_id]

    def display(self, c: ClauseVotes, col: int) -> str:
        if col == 0:
            return str(c.clause.number or "")
        if col == 1:
            return one_line(c.clause.text)
        if col == 5:
            n = len(self.amendments_here(c))
            return str(n) if n else ""
        v = self.vote(c)
        if v is None:
            return "–" if col == 2 else ""
        return f"{(v.for_count, v.against_count, v.abstain_count)[col - 2]:,}"

    def extra(self, c: ClauseVotes, col: int, role: int) -> object:
        v = self.vote(c)
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.clause.text if col == 1 else vote_tooltip(v) if col in (2, 3, 4) else None
        if role == Qt.ItemDataRole.BackgroundRole and v is not None and col in (2, 3, 4):
            return QBrush(QColor(CARRIED if v.carried else LOST))
        return None


class AmendmentsModel(_Table):
    """Amendments to one clause moved at one workshop, with the workshop's vote on each."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ResolutionModels", "Moved by"),
        QT_TRANSLATE_NOOP("ResolutionModels", "Seconded by"),
        QT_TRANSLATE_NOOP("ResolutionModels", "Proposed text"),
        QT_TRANSLATE_NOOP("ResolutionModels", "Status"),
        QT_TRANSLATE_NOOP("ResolutionModels", "For / against / abstain"),
    )
    NUMERIC = frozenset({4})
    ALIGN_CELLS = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workshop_id: str | None = None
        self.clause_text = ""

    def load(self, clause: ClauseVotes | None, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        self.clause_text = clause.clause.text if clause else ""
        rows = [a for a in clause.amendments if a.amendment.workshop_id == workshop_id] if clause else []
        self.set_rows(rows)

    def amendment(self, r: int) -> AmendmentRow | None:
        a = self.row(r)
        return a.amendment if a else None

    def vote(self, a: AmendmentVotes) -> VoteRow | None:
        return a.votes.get(self.workshop_id) if self.workshop_id else None

    def display(self, a: AmendmentVotes, col: int) -> str:
        am = a.amendment
        change = one_line(changed_part(self.clause_text, am.text)) if self.clause_text else one_line(am.text)
        return (am.mover, am.seconder, change, amendment_status_label(am.status), vote_text(self.vote(a)) or "–")[col]

    def extra(self, a: AmendmentVotes, col: int, role: int) -> object:
        am, v = a.amendment, self.vote(a)
        if role == Qt.ItemDataRole.ToolTipRole:
            return am.text if col == 2 else vote_tooltip(v) if col == 4 else None
        if role == Qt.ItemDataRole.BackgroundRole and col == 4 and v is not None:
            return QBrush(QColor(CARRIED if v.carried else LOST))
        if role == Qt.ItemDataRole.ForegroundRole and am.status == AmendmentStatus.WITHDRAWN.value:
            return QBrush(QColor("#8a8a8a"))
        return None


class VersionsModel(_Table):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ResolutionModels", "Date"),
        QT_TRANSLATE_NOOP("ResolutionModels", "From"),
        QT_TRANSLATE_NOOP("ResolutionModels", "Text"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.adopted = ""

    def load(self, versions: list[ClauseVersionRow], adopted: str = "") -> None:
        self.adopted = adopted
        self.set_rows(versions)

    def display(self, v: ClauseVersionRow, col: int) -> str:
        if col == 0:
            return format_date_th(v.created_on, "short") if v.created_on else ""
        if col == 1:
            return source_label(v.source) + (" ✔" if self.adopted and v.text == self.adopted else "")
        return v.text

    def extra(self, v: ClauseVersionRow, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return v.text
        if role == Qt.ItemDataRole.FontRole and self.adopted and v.text == self.adopted:
            font = QFont()
            font.setBold(True)
            return font
        return None


class VotersModel(_Table):
    """The people checked in at a workshop, with their ballot in one vote by name."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ResolutionModels", "Name"),
        QT_TRANSLATE_NOOP("ResolutionModels", "Organisation"),
        QT_TRANSLATE_NOOP("ResolutionModels", "Vote"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices: dict[str, str] = {}

    def load(self, voters: list[Voter], choices: dict[str, str]) -> None:
        self.choices = dict(choices)
        self.set_rows(voters)

    def set_choice(self, person_id: str, choice: str | None) -> None:
        if choice:
            self.choices[person_id] = choice
        else:
            self.choices.pop(person_id, None)
        for r, v in enumerate(self._rows):
            if v.person_id == person_id:
                self.dataChanged.emit(self.index(r, 2), self.index(r, 2))

    def display(self, v: Voter, col: int) -> str:
        if col == 0:
            return v.name
        if col == 1:
            return v.organisation
        choice = self.choices.get(v.person_id)
        return VoteChoice(choice).label(current_language()) if choice else ""

    def extra(self, v: Voter, col: int, role: int) -> object:
        choice = self.choices.get(v.person_id)
        if role == Qt.ItemDataRole.BackgroundRole and col == 2 and choice:
            return QBrush(QColor({"for": CARRIED, "against": LOST}.get(choice, "#eef0f3")))
        if role == Qt.ItemDataRole.UserRole:
            return v.person_id
        return None


# the office's tree lives in its own module; its name stays importable from here (it reads the helpers above)
from lampang_planner.ui.models.resolutions_side import SideBySideModel  # noqa: E402, F401
