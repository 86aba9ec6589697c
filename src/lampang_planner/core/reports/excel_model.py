"""What a sheet of the office workbook is, before it becomes cells (:mod:`.excel`): columns, rows (plain values,
marks, formulas, sections) and the sheet's layout wishes; the sheets' names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

ORG_TH = "องค์การบริหารส่วนจังหวัดลำปาง"
NOT_GIVEN = "ไม่ระบุ"

SHEET_ATTENDANCE = "ลงทะเบียน"
SHEET_DISTRICTS = "สรุปรายอำเภอ"
SHEET_NEEDS = "ความต้องการ"
SHEET_RESOLUTIONS = "มติและการลงคะแนน"
SHEET_ABOUT = "เกี่ยวกับรายงาน"


@dataclass(frozen=True)
class Col:
    header: str
    kind: str = "text"  # text | wrap | int | seq (centred) | count | money | pct | date | datetime
    width: float | None = None  # fixed width; None: fitted to the content
    min_width: float = 6.0
    max_width: float = 40.0
    ratio: tuple[int, int] | None = None  # on a totals row: a formula, this column = column a / column b (0-based)


@dataclass(frozen=True)
class Mark:
    """A highlighted cell (on ผ.02: the fiscal year the need was proposed for)."""

    value: object = None


@dataclass(frozen=True)
class Formula:
    """A cell written as a formula: ``text`` with ``{r}`` for its own row and ``{above}`` for the first of the
    ``rows`` rows right above it (``{col}`` is its column's letter); ``value`` is what it comes to (widths, readers)."""

    text: str
    value: object = None
    rows: int = 0

    @classmethod
    def sum_above(cls, rows: int, value: object) -> Formula:
        return cls("=SUM({col}{above}:{col}{last})", value, rows)

    def render(self, col: str, r: int) -> str:
        return self.text.format(col=col, r=r, above=r - self.rows, last=r - 1)


@dataclass(frozen=True)
class Row:
    """A body row with a role: "section" (a heading inside the table, merged across) or "total" (bold)."""

    values: tuple
    role: str


@dataclass
class Sheet:
    title: str
    columns: list[Col]
    rows: Iterable
    count: int
    streaming: bool = False  # rows are a generator over the database; widths come from ``samples``
    samples: dict[int, list[str]] = field(default_factory=dict)
    title_rows: list[tuple[str, str]] = field(default_factory=list)  # (text, "title" | "subtitle" | "title-right")
    group_headers: list[tuple[str, int, int]] = field(default_factory=list)  # (text, first column, last column)
    totals: list[tuple] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    filter: bool = True
    grid: bool = False  # thin borders round every body cell (a printed form)
    landscape: bool = False
    print_cols: int | None = None
    merge_sections: int | None = None  # section rows are merged across this many columns
    key_cols: int = 0  # columns repeated at the left of every printed column set when the sheet is too wide
    doc_title: str = ""
