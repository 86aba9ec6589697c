"""Turning roster cell values into person field values: text, names, phones, citizen IDs, places, types, consent.

Every parser returns the clean value or raises ``CellProblem`` with a Thai and an English reason.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from lampang_planner.core.ops.people import normalise_phone
from lampang_planner.core.refdata import Division, divisions, find_district, find_subdistrict
from lampang_planner.core.thai.citizen_id import check_digit, normalise_citizen_id
from lampang_planner.core.thai.digits import to_arabic_digits
from lampang_planner.core.thai.names import split_prefix
from lampang_planner.core.vocabulary import ParticipantType


class CellProblem(ValueError):
    def __init__(self, th: str, en: str) -> None:
        super().__init__(en)
        self.th = th
        self.en = en


# The longest text each roster column may hold (characters): longer is a pasted paragraph or a broken file, which
# would be stored and then never fit a badge or a sign-in sheet. The row is refused, naming the row and the column.
FIELD_LIMITS: dict[str, int] = {
    "prefix": 40, "first_name": 100, "last_name": 100, "full_name": 200, "organisation": 200, "position": 150,
    "participant_type": 100, "district": 100, "subdistrict": 100, "phone": 60, "citizen_id": 40, "consent": 60,
    "note": 1000,
}  # fmt: skip


def column_letter(index: int) -> str:
    """A 0-based column index as Excel names it (0 → A, 26 → AA)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES_RE = re.compile(r"\s+")


_BLANKS = frozenset({"-", "–", "—", "--", "ไม่มี", "n/a", "none", "null"})


def cell_text(value: object) -> str:
    """A cell as trimmed text with single spaces; numbers without a spurious ".0"; dates as ISO; "", "-" and "ไม่มี"
    (written for "nothing") as ""."""
    text = _cell_text(value)
    return "" if text.casefold() in _BLANKS else text


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = unicodedata.normalize("NFC", _INVISIBLE_RE.sub("", str(value)))
    return _SPACES_RE.sub(" ", text.replace("\u00a0", " ")).strip()


# --- names ---------------------------------------------------------------------------------------------------------


def split_full_name(text: str) -> tuple[str, str, str]:
    """ "นายสมชาย ใจดี" → ("นาย", "สมชาย", "ใจดี"); the surname keeps its inner spaces ("ณ ลำปาง")."""
    prefix, rest = split_prefix(text)
    first, _, last = rest.partition(" ")
    return prefix, first.strip(), last.strip()


def name_parts(prefix: str, first: str, last: str, full: str) -> tuple[str, str, str]:
    """Prefix, first and last name from whichever columns the sheet has; a prefix written into the name is split off."""
    if full and not first:
        p, first, full_last = split_full_name(full)
        prefix = prefix or p
        last = last or full_last
    elif first and not prefix:
        prefix, first = split_prefix(first)
    if first and not last and " " in first:
        first, _, last = first.partition(" ")
    return prefix.strip(), first.strip(), last.strip()


# --- phone and citizen ID ------------------------------------------------------------------------------------------

_PHONE_SPLIT_RE = re.compile(r"\s*(?:,|;|/|\bหรือ\b|\bor\b)\s*")


def parse_phone(value: object) -> str:
    """The first phone number in a cell, digits only ("๐๘๑-๒๓๔-๕๖๗๘" → "0812345678").

    A number stored as a number has lost its leading zero (812345678 → "0812345678")."""
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise CellProblem("เบอร์โทรศัพท์ไม่ถูกต้อง", f"phone {value!r} is not a number")
        digits = str(int(value))
        if len(digits) in (8, 9) and not digits.startswith("0"):
            digits = "0" + digits
    else:
        text = to_arabic_digits(cell_text(value))
        first = _PHONE_SPLIT_RE.split(text)[0] if len(re.sub(r"\D", "", text)) > 10 else text
        digits = normalise_phone(first)
    if digits and not re.fullmatch(r"0\d{8,9}", digits):
        raise CellProblem(
            f"เบอร์โทรศัพท์ “{cell_text(value)}” ไม่ถูกต้อง (9–10 หลัก ขึ้นต้นด้วย 0)",
            f"phone {cell_text(value)!r} is not valid (9–10 digits starting with 0)",
        )
    return digits


def parse_citizen_id(value: object) -> str:
    """13 digits with a correct check digit (Thai digits, dashes and spaces allowed), or ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        if not value.is_integer():
            raise CellProblem("เลขประจำตัวประชาชนไม่ถูกต้อง", f"citizen ID {value!r} is not a whole number")
        value = int(value)
    shown = cell_text(value)
    cid = normalise_citizen_id(shown)
    if not re.fullmatch(r"\d{13}", cid):
        raise CellProblem(
            f"เลขประจำตัวประชาชน “{shown}” ต้องมี 13 หลัก",
            f"citizen ID {shown!r} must have 13 digits",
        )
    if check_digit(cid[:12]) != int(cid[12]):
        raise CellProblem(
            f"เลขประจำตัวประชาชน “{shown}” ไม่ถูกต้อง (เลขตรวจสอบหลักสุดท้ายผิด)",
            f"citizen ID {shown!r} is not valid (wrong check digit)",
        )
    return cid


# --- places --------------------------------------------------------------------------------------------------------

_PROVINCE_SUFFIX_RE = re.compile(r"\s*(?:จ\.|จังหวัด|changwat|province)?\s*(?:ลำปาง|lampang)\s*(?:province)?\s*$", re.I)
_DISTRICT_IN_TAMBON_RE = re.compile(r"^(.+?)\s*(?:อำเภอ|อ\.|amphoe|district)\s*(.+)$", re.I)
_DISTRICT_ALIASES = {"เมือง": "5201", "อเมือง": "5201", "mueang": "5201", "muang": "5201", "muanglampang": "5201"}


def _strip_province(text: str) -> str:
    stripped = _PROVINCE_SUFFIX_RE.sub("", text).strip()
    return stripped or text


def _district(text: str) -> Division | None:
    text = _strip_province(text)
    found = find_district(text)
    if found is None:
        key = re.sub(r"^(อำเภอ|อ\.|amphoe|amphur|district)", "", re.sub(r"[\s\-]+", "", text.lower()))
        key = key.replace("muang", "mueang")
        code = _DISTRICT_ALIASES.get(key)
        if code is None:
            found = find_district(key)
        else:
            found = divisions().districts[code]
    return found


def parse_place(district_value: object, tambon_value: object) -> tuple[str | None, str | None]:
    """(district code, tambon code) from names in Thai or English, with or without อำเภอ/อ./ตำบล/ต."""
    district_text, tambon_text = cell_text(district_value), cell_text(tambon_value)
    if tambon_text and not district_text and (m := _DISTRICT_IN_TAMBON_RE.match(_strip_province(tambon_text))):
        tambon_text, district_text = m.group(1), m.group(2)  # "ต.ศาลา อ.เกาะคา" in the tambon column
    district = _district(district_text) if district_text else None
    if district_text and district is None:
        raise CellProblem(
            f"ไม่พบอำเภอ “{district_text}” ในจังหวัดลำปาง", f"no district {district_text!r} in Lampang province"
        )
    if not tambon_text:
        return (district.code if district else None), None
    tambon_text = _strip_province(tambon_text)
    tambon = find_subdistrict(tambon_text, district.code if district else None)
    if tambon is None:
        elsewhere = find_subdistrict(tambon_text)
        if elsewhere is not None and district is not None:
            raise CellProblem(
                f"ตำบล “{tambon_text}” ไม่อยู่ในอำเภอ{district.name_th}",
                f"tambon {tambon_text!r} is not in {district.name_en} district",
            )
        raise CellProblem(f"ไม่พบตำบล “{tambon_text}” ในจังหวัดลำปาง", f"no tambon {tambon_text!r} in Lampang province")
    return tambon.parent, tambon.code


# --- participant type ----------------------------------------------------------------------------------------------

_TYPE_SYNONYMS: dict[ParticipantType, tuple[str, ...]] = {
    ParticipantType.NETWORK_COMMITTEE: (
        "คณะกรรมการประสานงาน",
        "กรรมการประสานงาน",
        "กรรมการเครือข่าย",
        "คณะกรรมการเครือข่าย",
        "committee",
        "network committee",
        "coordinating committee",
    ),
    ParticipantType.NETWORK_MEMBER: (
        "สมาชิกสภาเครือข่าย",
        "สมาชิกเครือข่าย",
        "สภาเครือข่ายพลเมือง",
        "สมาชิก",
        "เครือข่าย",
        "member",
        "network",
    ),
    ParticipantType.STATE_AGENCY: (
        "หน่วยงานรัฐ",
        "หน่วยงานภาครัฐ",
        "ภาครัฐ",
        "ราชการ",
        "หน่วยงานราชการ",
        "รัฐ",
        "state",
        "government agency",
        "government",
    ),
    ParticipantType.PRIVATE_SECTOR: ("เอกชน", "ภาคเอกชน", "ธุรกิจ", "private", "business"),
    ParticipantType.LOCAL_GOVERNMENT: (
        "อปท",
        "อ.ป.ท.",
        "ท้องถิ่น",
        "องค์กรปกครองท้องถิ่น",
        "อบต",
        "เทศบาล",
        "local government",
        "local government organization",
        "lao",
    ),
    ParticipantType.COMMUNITY_COUNCIL: (
        "สภาองค์กรชุมชน",
        "สอช",
        "community council",
        "community organisation council",
        "community organization council",
    ),
    ParticipantType.OTHER: ("อื่น", "อื่นๆ", "others", "other"),
}


def _type_key(text: str) -> str:
    return re.sub(r"[\s.\-_/()]+", "", unicodedata.normalize("NFC", text).casefold())


_TYPE_EXACT: dict[str, ParticipantType] = {}
for _t in ParticipantType:
    for _label in (_t.value, _t.th, _t.en, *_TYPE_SYNONYMS[_t]):
        _TYPE_EXACT.setdefault(_type_key(_label), _t)


def parse_participant_type(value: object) -> ParticipantType | None:
    """A participant type from its Thai or English label (or a common short form); None for an empty cell.

    A longer text is matched by the longest known label it contains ("สมาชิกสภาเครือข่ายพลเมืองจังหวัดลำปาง")."""
    text = cell_text(value)
    if not text:
        return None
    key = _type_key(text)
    if key in _TYPE_EXACT:
        return _TYPE_EXACT[key]
    best_len, best = 0, set()
    for label, ptype in _TYPE_EXACT.items():
        if len(label) >= 3 and label in key:
            if len(label) > best_len:
                best_len, best = len(label), {ptype}
            elif len(label) == best_len:
                best.add(ptype)
    if len(best) == 1:
        return best.pop()
    raise CellProblem(f"ไม่รู้จักประเภทผู้เข้าร่วม “{text}”", f"unknown participant type {text!r}")


# --- consent -------------------------------------------------------------------------------------------------------

_YES = {"ยินยอม", "ใช่", "ให้", "y", "yes", "true", "1", "✓", "✔", "x", "/", "ok"}
_NO = {"ไม่ยินยอม", "ไม่", "ไม่ให้", "n", "no", "false", "0"}


def parse_consent(value: object) -> bool | None:
    text = cell_text(value).casefold()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellProblem(
        f"ช่องความยินยอม “{cell_text(value)}” ต้องเป็น ยินยอม หรือ ไม่ยินยอม",
        f"consent {cell_text(value)!r} must be yes or no",
    )
