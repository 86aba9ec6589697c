"""Reading a roster workbook: every sheet with a recognisable header, row by row, as the cells' text."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lampang_planner.core.errors import UserError
from lampang_planner.core.roster.headers import PERSON_KEYS, HeaderMap, find_header, map_header_row
from lampang_planner.core.roster.values import (
    cell_text,
)
from lampang_planner.core.roster.workbook import check_workbook_file, read_sheets


@dataclass(frozen=True)
class SheetRow:
    sheet: str
    row: int  # Excel row number
    values: dict[str, object]  # field key (PERSON_KEYS) → raw cell value
    columns: dict[str, int] = field(default_factory=dict)  # field key → 0-based column index


@dataclass(frozen=True)
class ParsedRoster:
    path: Path
    headers: tuple[HeaderMap, ...]
    rows: tuple[SheetRow, ...]

    @property
    def multi_sheet(self) -> bool:
        return len(self.headers) > 1


def read_roster(path: Path | str) -> ParsedRoster:
    """Every visible sheet with a recognisable header, as rows of raw values under that header. Writes nothing."""
    path = Path(path)
    check_workbook_file(path)
    headers: list[HeaderMap] = []
    rows: list[SheetRow] = []
    for sheet in read_sheets(path):
        header = find_header(sheet.name, sheet.rows, sheet.banners)
        if header is None:
            continue
        headers.append(header)
        for index in range(header.row, len(sheet.rows)):
            number = index + 1
            cells = sheet.rows[index]
            if number in sheet.banners or map_header_row(sheet.name, number, cells) is not None:
                continue  # a section heading, or the header again (second header row, or repeated per page)
            values = {k: (cells[c] if c < len(cells) else None) for k, c in header.columns.items() if k in PERSON_KEYS}
            if all(cell_text(v) == "" for v in values.values()):
                continue  # empty, or only a running number
            rows.append(SheetRow(sheet.name, number, values, header.columns))
    if not headers:
        raise UserError(
            "ไม่พบแถวหัวตารางในไฟล์นี้ (ต้องมีคอลัมน์ชื่อ และอย่างน้อยหนึ่งคอลัมน์ เช่น นามสกุล หน่วยงาน ตำบล หรือโทรศัพท์)",
            f"No recognisable header row in {path.name}: a name column and at least one other column "
            "(surname, organisation, tambon, phone...) are needed",
            code="no-header",
        )
    return ParsedRoster(path, tuple(headers), tuple(rows))
