"""Finding the header row of an office roster and mapping its columns to person fields.

Office sheets put a title or two above the table (often one wide merged cell), name the columns in Thai or English,
in any order, and add columns of their own. A header cell is normalised (case, spaces, dashes, dots, slashes and
bracketed notes dropped) and looked up in the synonyms below: exactly, or by a distinctive beginning ("เบอร์โทรศัพท์
มือถือ" is a phone column). The header row is the row among the first ``SCAN_ROWS`` with the most recognised fields
that names a person; unrecognised columns are ignored and reported.

"ชื่อ" / "Name" is the first name when there is a surname column, otherwise the whole name. A run of adjacent
columns under one "ชื่อ-สกุล" heading (a merged cell over prefix, first and last name) is split: three columns are
prefix, first and last name, two are first and last name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

SCAN_ROWS = 30  # the header must be within the first rows of a sheet

# field key → Thai/English labels (compared after `normalise_label`)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("ที่", "ลำดับ", "ลำดับที่", "เลขที่", "no", "no.", "#", "number", "seq", "item"),
    "prefix": ("คำนำหน้า", "คำนำหน้าชื่อ", "คำนำหน้านาม", "คำนำ", "prefix", "title", "honorific"),
    "name": ("ชื่อ", "name"),
    "first_name": ("ชื่อจริง", "ชื่อตัว", "first name", "firstname", "given name", "forename"),
    "last_name": ("นามสกุล", "สกุล", "last name", "lastname", "surname", "family name"),
    "full_name": (
        "ชื่อ-สกุล",
        "ชื่อ-นามสกุล",
        "ชื่อและนามสกุล",
        "ชื่อ สกุล",
        "ชื่อผู้เข้าร่วม",
        "ชื่อผู้เข้าร่วมประชุม",
        "ชื่อผู้ได้รับเชิญ",
        "รายชื่อ",
        "full name",
        "fullname",
        "name-surname",
        "name and surname",
        "participant",
        "participant name",
    ),
    "organisation": (
        "หน่วยงาน",
        "องค์กร",
        "สังกัด",
        "ชื่อหน่วยงาน",
        "หน่วยงาน/องค์กร",
        "organisation",
        "organization",
        "agency",
        "affiliation",
        "org",
    ),
    "position": ("ตำแหน่ง", "position", "job title", "role"),
    "participant_type": (
        "ประเภท",
        "ประเภทผู้เข้าร่วม",
        "ภาคส่วน",
        "กลุ่ม",
        "กลุ่มเป้าหมาย",
        "type",
        "participant type",
        "category",
        "sector",
        "group",
    ),
    "district": ("อำเภอ", "อ.", "district", "amphoe", "amphur"),
    "subdistrict": ("ตำบล", "ต.", "tambon", "subdistrict", "sub-district", "sub district"),
    "phone": (
        "โทรศัพท์",
        "โทร",
        "เบอร์โทร",
        "เบอร์โทรศัพท์",
        "เบอร์",
        "มือถือ",
        "หมายเลขโทรศัพท์",
        "phone",
        "telephone",
        "tel",
        "tel.",
        "mobile",
        "phone number",
    ),
    "citizen_id": (
        "เลขประจำตัวประชาชน",
        "เลขบัตรประชาชน",
        "เลขบัตรประจำตัวประชาชน",
        "บัตรประชาชน",
        "เลขบัตร",
        "citizen id",
        "national id",
        "id card",
        "id card no",
        "id no",
        "citizen id no",
        "thai id",
    ),
    "consent": ("ยินยอม", "ความยินยอม", "ยินยอมให้ใช้ข้อมูล", "consent", "pdpa", "pdpa consent"),
    "note": ("หมายเหตุ", "note", "notes", "remark", "remarks"),
}

# Distinctive beginnings: a label starting with one of these (after normalising) names that field.
PREFIXES: dict[str, tuple[str, ...]] = {
    "prefix": ("คำนำหน้า",),
    "full_name": ("ชื่อสกุล", "ชื่อนามสกุล", "ชื่อและนามสกุล", "ชื่อผู้", "fullname"),
    "last_name": ("นามสกุล", "surname", "lastname"),
    "organisation": ("หน่วยงาน", "องค์กร", "สังกัด", "organis", "organiz"),
    "position": ("ตำแหน่ง", "position"),
    "participant_type": ("ประเภท", "ภาคส่วน", "participanttype"),
    "district": ("อำเภอ", "district", "amphoe"),
    "subdistrict": ("ตำบล", "subdistrict", "tambon"),
    "phone": ("เบอร์", "โทรศัพท์", "หมายเลขโทรศัพท์", "มือถือ", "phone", "telephone", "mobile"),
    "citizen_id": ("เลขประจำตัวประชาชน", "เลขบัตรประ", "บัตรประชาชน", "citizenid", "nationalid", "idcard"),
    "consent": ("ยินยอม", "ความยินยอม", "consent"),
    "note": ("หมายเหตุ", "remark"),
}

# Fields a person row is made of (besides "seq", which is only recognised so it is not reported as ignored).
PERSON_KEYS = (
    "prefix",
    "first_name",
    "last_name",
    "full_name",
    "organisation",
    "position",
    "participant_type",
    "district",
    "subdistrict",
    "phone",
    "citizen_id",
    "consent",
    "note",
)

LABELS: dict[str, tuple[str, str]] = {
    "seq": ("ลำดับ", "number"),
    "prefix": ("คำนำหน้าชื่อ", "prefix"),
    "first_name": ("ชื่อ", "first name"),
    "last_name": ("นามสกุล", "last name"),
    "full_name": ("ชื่อ-สกุล", "full name"),
    "organisation": ("หน่วยงาน", "organisation"),
    "position": ("ตำแหน่ง", "position"),
    "participant_type": ("ประเภทผู้เข้าร่วม", "participant type"),
    "district": ("อำเภอ", "district"),
    "subdistrict": ("ตำบล", "tambon"),
    "phone": ("โทรศัพท์", "phone"),
    "citizen_id": ("เลขประจำตัวประชาชน", "citizen ID"),
    "consent": ("ความยินยอม", "consent"),
    "note": ("หมายเหตุ", "note"),
}

_BRACKETS_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]|（[^）]*）")
_DROP_RE = re.compile(r"[\s\-\u2010-\u2015_./\\:*•·,]+")


def normalise_label(value: object) -> str:
    """A header cell as a lookup key: NFC, lower case, bracketed notes and separators dropped."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).lower().replace("\u200b", "")
    text = _BRACKETS_RE.sub("", text)
    return _DROP_RE.sub("", text)


_EXACT: dict[str, str] = {}
for _key, _labels in SYNONYMS.items():
    for _label in _labels:
        _EXACT.setdefault(normalise_label(_label), _key)
_BY_PREFIX: list[tuple[str, str]] = sorted(
    ((normalise_label(p), key) for key, ps in PREFIXES.items() for p in ps), key=lambda kv: -len(kv[0])
)


def field_for_label(value: object) -> str | None:
    """The field a header cell names ("seq", "name", a PERSON_KEYS entry), or None."""
    key = normalise_label(value)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    for prefix, field_key in _BY_PREFIX:
        if key.startswith(prefix):
            return field_key
    return None


@dataclass
class HeaderMap:
    """Where the header is and which column (0-based) holds each field."""

    sheet: str
    row: int  # 1-based Excel row of the header
    columns: dict[str, int]  # field → column index
    ignored: list[tuple[int, str]] = field(default_factory=list)  # (column index, header text) of unused columns

    @property
    def fields(self) -> list[str]:
        return [k for k in PERSON_KEYS if k in self.columns]

    def as_json(self) -> dict:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "columns": {k: _column_letter(i) for k, i in sorted(self.columns.items(), key=lambda kv: kv[1])},
            "ignored": [{"column": _column_letter(i), "header": text} for i, text in self.ignored],
        }


def _column_letter(index: int) -> str:
    n, out = index + 1, ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def map_header_row(sheet: str, row_number: int, cells: list) -> HeaderMap | None:
    """Map one candidate header row; None unless it names a person and at least one other field."""
    found: list[tuple[int, str, str]] = []  # (column, field, header text)
    for col, value in enumerate(cells):
        key = field_for_label(value)
        if key is not None:
            found.append((col, key, " ".join(str(value).split())))
    if not found:
        return None
    # A run of adjacent cells under the same full-name heading (a merged cell): split into name parts.
    parts: list[tuple[int, str, str]] = []
    i = 0
    while i < len(found):
        col, key, text = found[i]
        j = i
        while (
            j + 1 < len(found)
            and found[j + 1][0] == found[j][0] + 1
            and found[j + 1][1] == key
            and found[j + 1][2] == text
        ):
            j += 1
        run = j - i + 1
        if key in ("full_name", "name") and run in (2, 3):
            names = ("prefix", "first_name", "last_name") if run == 3 else ("first_name", "last_name")
            parts += [(found[i + k][0], names[k], text) for k in range(run)]
        else:
            parts += found[i : j + 1]
        i = j + 1
    keys = {k for _, k, _ in parts}
    columns: dict[str, int] = {}
    ignored: list[tuple[int, str]] = []
    for col, key, text in parts:
        if key == "name":
            key = "first_name" if "last_name" in keys else "full_name"
        if key == "seq" or key in columns:
            if key != "seq":
                ignored.append((col, text))
            continue
        columns[key] = col
    if "first_name" not in columns and "full_name" not in columns:
        return None
    if "full_name" in columns and "first_name" in columns:  # both: the separate parts win
        ignored.append((columns.pop("full_name"), "full name"))
    if len([k for k in columns if k in PERSON_KEYS]) < 2:
        return None
    used = set(columns.values())
    for col, value in enumerate(cells):
        text = " ".join(str(value).split()) if value is not None else ""
        if text and col not in used and field_for_label(value) is None:
            ignored.append((col, text))
    ignored.sort()
    return HeaderMap(sheet, row_number, columns, ignored)


def find_header(sheet: str, rows: list[list], banners: frozenset[int] = frozenset()) -> HeaderMap | None:
    """The best header among the first SCAN_ROWS rows (most recognised fields, then the earliest), or None."""
    best: HeaderMap | None = None
    for index, cells in enumerate(rows[:SCAN_ROWS]):
        number = index + 1
        if number in banners:
            continue
        candidate = map_header_row(sheet, number, cells)
        if candidate is not None and (best is None or len(candidate.columns) > len(best.columns)):
            best = candidate
    return best
