"""Opening an office workbook safely: refuse what is not a readable .xlsx before anything else happens, and give back
each worksheet as plain rows of cell values (merged ranges filled in)."""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lampang_planner.core.errors import UserError

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # Compound File: legacy .xls, or an encrypted .xlsx
ENCRYPTED_MARKERS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
FULL_LOAD_LIMIT = 8 * 1024 * 1024  # smaller files are loaded fully (merged ranges known); larger ones streamed


@dataclass
class Sheet:
    name: str
    rows: list[list]  # cell values, row 1 first; rows[i] is Excel row i + 1
    banners: frozenset[int] = frozenset()  # rows holding only one wide merged cell (titles, section headings)


def _refuse(th: str, en: str, code: str) -> UserError:
    return UserError(th, en, code=code)


def check_workbook_file(path: Path) -> None:
    """Raise a Thai+English UserError unless ``path`` looks like an unencrypted .xlsx (a zip with the OOXML parts)."""
    if not path.exists():
        raise _refuse(f"ไม่พบไฟล์ {path}", f"File not found: {path}", "no-file")
    if not path.is_file():
        raise _refuse(f"{path} ไม่ใช่ไฟล์", f"{path} is not a file", "not-workbook")
    with path.open("rb") as f:
        head = f.read(8)
        if head.startswith(OLE2_MAGIC):
            body = head + f.read(4 * 1024 * 1024)
            if any(m in body for m in ENCRYPTED_MARKERS):
                raise _refuse(
                    "ไฟล์ Excel นี้ตั้งรหัสผ่านไว้ กรุณาเปิดใน Excel แล้วเอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) แล้วบันทึกใหม่",
                    "The workbook is password-protected (encrypted). Remove the password in Excel and save it again.",
                    "encrypted",
                )
            raise _refuse(
                "ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) หรือไฟล์ที่ตั้งรหัสผ่านไว้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx แบบไม่มีรหัสผ่าน",
                "This is an old-style .xls workbook or a password-protected (encrypted) file; "
                "save it from Excel as an .xlsx without a password.",
                "old-xls",
            )
    if not head.startswith(ZIP_MAGIC):
        raise _refuse(
            "ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx)",
            f"{path.name} is not an Excel workbook (.xlsx)",
            "not-workbook",
        )
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            bad = z.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _refuse(
            "ไฟล์ Excel เสียหายหรือไม่สมบูรณ์ (อาจคัดลอกไม่ครบ)",
            f"The workbook is damaged or truncated ({exc})",
            "corrupt",
        ) from exc
    except Exception as exc:  # zlib.error and friends from a damaged member
        raise _refuse("ไฟล์ Excel เสียหาย", f"The workbook is damaged ({exc})", "corrupt") from exc
    if bad is not None:
        raise _refuse("ไฟล์ Excel เสียหาย", f"The workbook is damaged (bad member {bad})", "corrupt")
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise _refuse(
            "ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx)",
            f"{path.name} is a zip file but not an Excel workbook",
            "not-workbook",
        )


def read_sheets(path: Path) -> Iterator[Sheet]:
    """The visible worksheets of the workbook at ``path`` as rows of values. Call ``check_workbook_file`` first.

    Small files are loaded fully so merged ranges can be filled (a vertically merged "organisation" cell gives its
    value to every row it spans); large ones are streamed in read-only mode without that.
    """
    import openpyxl

    read_only = path.stat().st_size > FULL_LOAD_LIMIT
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, read_only=read_only, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise _refuse(
            "เปิดไฟล์ Excel ไม่ได้ ไฟล์อาจเสียหาย",
            f"Cannot read the workbook; it may be damaged ({type(exc).__name__}: {exc})",
            "corrupt",
        ) from exc
    try:
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                continue
            try:
                rows, banners = _rows(ws, read_only)
                yield Sheet(ws.title, rows, banners)
            except UserError:
                raise
            except Exception as exc:
                raise _refuse(
                    f"อ่านแผ่นงาน {ws.title} ไม่ได้ ไฟล์อาจเสียหาย",
                    f"Cannot read sheet {ws.title!r}; the workbook may be damaged ({type(exc).__name__}: {exc})",
                    "corrupt",
                ) from exc
    finally:
        if read_only:
            wb.close()


def _rows(ws, read_only: bool) -> tuple[list[list], frozenset[int]]:
    if read_only:
        ws.reset_dimensions()  # some writers declare a wrong sheet size
        rows: list[list] = []
        for cells in ws.iter_rows():
            cells = [c for c in cells if getattr(c, "row", None) is not None]
            if not cells:
                continue
            r = cells[0].row
            while len(rows) < r - 1:
                rows.append([])
            values = [None] * (max(c.column for c in cells))
            for c in cells:
                values[c.column - 1] = c.value
            rows.append(values)
        return rows, frozenset()
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    banners: set[int] = set()
    for rng in ws.merged_cells.ranges:
        if rng.max_col - rng.min_col >= 2 and rng.min_row - 1 < len(rows):
            others = [v for c, v in enumerate(rows[rng.min_row - 1], 1) if not rng.min_col <= c <= rng.max_col]
            if all(v is None or str(v).strip() == "" for v in others):
                banners.update(range(rng.min_row, rng.max_row + 1))
        top, left = rng.min_row, rng.min_col
        if top - 1 >= len(rows):
            continue
        anchor = rows[top - 1][left - 1] if left - 1 < len(rows[top - 1]) else None
        for r in range(top, min(rng.max_row, len(rows)) + 1):
            row = rows[r - 1]
            for c in range(left, rng.max_col + 1):
                while len(row) < c:
                    row.append(None)
                row[c - 1] = anchor
    return rows, frozenset(banners)
