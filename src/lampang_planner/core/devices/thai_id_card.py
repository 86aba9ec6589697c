"""The Thai national ID card (บัตรประจำตัวประชาชน): its applet's APDUs and what the fields mean. No PC/SC here.

:func:`read_card` talks to the card through a ``transmit(apdu) -> (data, sw1, sw2)`` function (``devices.pcsc`` gives
one over pyscard) and returns a :class:`ThaiIdCard`. The photo is never read.

The applet (AID ``A0 00 00 00 54 48 00 01``) answers READ BINARY ``80 B0 P1 P2 02 00 Le`` (P1 P2 = the field's
offset) with ``61 Le``: the data waits for a GET RESPONSE. Two GET RESPONSE forms are in use, told apart by the ATR,
as the open-source readers do (chakphanu/ThaiNationalIDCard's ``APDU_THAILAND_IDCARD_TYPE_01/02``, and the Python
readers after it): cards whose ATR starts ``3B 67`` want ``00 C0 00 01 Le``, all others (``3B 68``, ``3B 78``,
``3B 79``…) ``00 C0 00 00 Le``. A card that refuses the form its ATR suggests (wrong P1-P2, ``6A 86``/``6B 00``, or
wrong class ``6E 00``) is asked the other way once. A reader that completes the exchange itself (T=1) hands the data
back with ``90 00`` directly; that is accepted too.

Fields are TIS-620 text padded with spaces; names and the address put ``#`` between their parts; dates are
Buddhist-era ``YYYYMMDD`` (month or day ``00`` when unknown on an old birth registration; expiry ``99999999`` for a
card that never expires).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lampang_planner.core.errors import UserError
from lampang_planner.core.refdata import PROVINCE_CODE, divisions, find_district, find_subdistrict
from lampang_planner.core.thai.citizen_id import is_valid_citizen_id
from lampang_planner.core.thai.dates import BE_OFFSET, format_date_th, today_lampang

Transmit = Callable[[list[int]], tuple[list[int], int, int]]

THAI_ID_AID = (0xA0, 0x00, 0x00, 0x00, 0x54, 0x48, 0x00, 0x01)
SELECT_APPLET = [0x00, 0xA4, 0x04, 0x00, len(THAI_ID_AID), *THAI_ID_AID]


@dataclass(frozen=True)
class CardField:
    name: str
    offset: int
    length: int


# Offsets and lengths in the applet's data file (the photo, 0x017B–0x1578 in 20 parts, is deliberately absent).
CID = CardField("citizen_id", 0x0004, 13)
NAME_TH = CardField("name_th", 0x0011, 100)
NAME_EN = CardField("name_en", 0x0075, 100)
BIRTH = CardField("birth_date", 0x00D9, 8)
SEX = CardField("sex", 0x00E1, 1)
ISSUER = CardField("issuer", 0x00F6, 100)
ISSUE = CardField("issue_date", 0x0167, 8)
EXPIRY = CardField("expiry_date", 0x016F, 8)
ADDRESS = CardField("address", 0x1579, 100)
FIELDS = (CID, NAME_TH, NAME_EN, BIRTH, SEX, ISSUER, ISSUE, EXPIRY, ADDRESS)

SW_OK = (0x90, 0x00)
_WRONG_P1P2 = {(0x6A, 0x86), (0x6B, 0x00), (0x6E, 0x00)}


def read_binary_apdu(f: CardField) -> list[int]:
    return [0x80, 0xB0, (f.offset >> 8) & 0xFF, f.offset & 0xFF, 0x02, 0x00, f.length]


def get_response_p2(atr: list[int] | bytes) -> int:
    """The GET RESPONSE P2 a card with this ATR expects: 0x01 for ``3B 67 …``, else 0x00."""
    return 0x01 if len(atr) >= 2 and atr[0] == 0x3B and atr[1] == 0x67 else 0x00


class CardError(UserError):
    """A card or reader problem, told to the person at the desk (Thai first). Nothing was written."""


def not_thai_id(detail: str = "") -> CardError:
    return CardError(
        "บัตรนี้ไม่ใช่บัตรประจำตัวประชาชน กรุณาเสียบบัตรประชาชน",
        "This card is not a Thai national ID card: please insert the ID card" + (f" ({detail})" if detail else ""),
        code="not-thai-id",
    )


# --- the exchange ----------------------------------------------------------------------------------------------------


@dataclass
class _Session:
    transmit: Transmit
    p2: int
    tried_other: bool = False

    def read(self, f: CardField) -> bytes:
        data, sw1, sw2 = self.transmit(read_binary_apdu(f))
        if (sw1, sw2) == SW_OK and data:
            return bytes(data)
        if sw1 == 0x6C:  # wrong Le: the card says how many bytes it has
            data, sw1, sw2 = self.transmit([*read_binary_apdu(f)[:-1], sw2])
            if (sw1, sw2) == SW_OK:
                return bytes(data)
        if sw1 != 0x61:
            raise not_thai_id(f"READ BINARY {f.name}: SW {sw1:02X}{sw2:02X}")
        return self._get_response(f, sw2 or f.length)

    def _get_response(self, f: CardField, le: int) -> bytes:
        data, sw1, sw2 = self.transmit([0x00, 0xC0, 0x00, self.p2, le])
        if (sw1, sw2) in _WRONG_P1P2 and not self.tried_other:
            self.tried_other = True  # the ATR misled us: this card wants the other form, for every field
            self.p2 ^= 0x01
            data, sw1, sw2 = self.transmit([0x00, 0xC0, 0x00, self.p2, le])
        if (sw1, sw2) != SW_OK:
            raise not_thai_id(f"GET RESPONSE {f.name}: SW {sw1:02X}{sw2:02X}")
        return bytes(data)


def read_card(transmit: Transmit, atr: list[int] | bytes, *, today: dt.date | None = None) -> ThaiIdCard:
    """Select the Thai ID applet and read every field but the photo. Raises :class:`CardError` for a card that is
    not a Thai ID card (no such applet, a field refused, a citizen ID that fails its check digit); transport errors
    (card pulled, reader gone) come from ``transmit`` as they are."""
    _, sw1, sw2 = transmit(list(SELECT_APPLET))
    if sw1 not in (0x61, 0x90):
        raise not_thai_id(f"SELECT: SW {sw1:02X}{sw2:02X}")
    session = _Session(transmit, get_response_p2(atr))
    raw = {f.name: session.read(f) for f in FIELDS}
    return parse_fields(raw, today=today)


# --- the fields ------------------------------------------------------------------------------------------------------


def decode_text(raw: bytes) -> str:
    """TIS-620 text of a field: padding (spaces, NULs, 0xFF of an unwritten area) removed."""
    raw = raw.split(b"\x00", 1)[0].replace(b"\xff", b"")
    return raw.decode("tis-620", errors="replace").strip()


@dataclass(frozen=True)
class CardName:
    prefix: str = ""
    first: str = ""
    middle: str = ""
    last: str = ""

    @property
    def given(self) -> str:
        """First and middle name, as a Thai form's "ชื่อ" holds them."""
        return " ".join(p for p in (self.first, self.middle) if p)

    def full(self) -> str:
        """"นายสมชาย ใจดี" (a Thai prefix joins the name), "Mr. Somchai Jaidee"."""
        rest = " ".join(p for p in (self.first, self.middle, self.last) if p)
        if not self.prefix:
            return rest
        joiner = " " if self.prefix.isascii() else ""
        return f"{self.prefix}{joiner}{rest}"


def parse_name(text: str) -> CardName:
    parts = [re.sub(r"\s+", " ", p).strip() for p in text.split("#")]
    parts += [""] * (4 - len(parts))
    if len(parts) > 4:  # a stray '#' in a name: keep everything, the last part is the surname
        parts = [parts[0], parts[1], " ".join(p for p in parts[2:-1] if p), parts[-1]]
    return CardName(*parts[:4])


@dataclass(frozen=True)
class CardDate:
    """A Buddhist-era date from the card; ``date`` is None when the month or day is unknown (``00``)."""

    raw: str
    year_be: int | None
    date: dt.date | None
    lifetime: bool = False  # expiry "99999999": the card never expires (holders aged 70 and over)


def parse_be_date(text: str) -> CardDate:
    raw = text.strip()
    if raw == "99999999":
        return CardDate(raw, None, None, lifetime=True)
    if not re.fullmatch(r"\d{8}", raw):
        return CardDate(raw, None, None)
    year, month, day = int(raw[:4]), int(raw[4:6]), int(raw[6:])
    try:
        when = dt.date(year - BE_OFFSET, month, day) if month and day else None
    except ValueError:
        when = None
    return CardDate(raw, year if year > BE_OFFSET else None, when)


@dataclass(frozen=True)
class CardAddress:
    """The registered address: the line before the tambon, the tambon/district/province as printed, and the codes
    of the reference data when the address is in Lampang."""

    text: str  # everything, one line, the way it is written on an envelope
    street: str  # house number, หมู่ที่, ตรอก, ซอย, ถนน
    tambon: str
    amphoe: str
    province: str
    district_code: str = ""
    subdistrict_code: str = ""

    @property
    def in_lampang(self) -> bool:
        return bool(self.district_code)


_TAMBON_RE = re.compile(r"^(ตำบล|แขวง|ต\.)\s*")
_AMPHOE_RE = re.compile(r"^(อำเภอ|เขต|อ\.)\s*")
_PROVINCE_RE = re.compile(r"^(จังหวัด|จ\.)\s*")


def parse_address(text: str) -> CardAddress:
    parts = [re.sub(r"\s+", " ", p).strip() for p in text.split("#")]
    parts = [p for p in parts if p]
    tambon = amphoe = province = ""
    street: list[str] = []
    for p in parts:
        if not tambon and _TAMBON_RE.match(p):
            tambon = _TAMBON_RE.sub("", p)
        elif not amphoe and _AMPHOE_RE.match(p):
            amphoe = _AMPHOE_RE.sub("", p)
        elif not province and (_PROVINCE_RE.match(p) or p == "กรุงเทพมหานคร"):
            province = _PROVINCE_RE.sub("", p)
        else:
            street.append(p)
    district_code = subdistrict_code = ""
    if province == divisions().province_th:
        d = find_district(amphoe)
        if d is not None and d.parent == PROVINCE_CODE:
            district_code = d.code
            s = find_subdistrict(tambon, d.code)
            subdistrict_code = s.code if s is not None else ""
    return CardAddress(" ".join(parts), " ".join(street), tambon, amphoe, province, district_code, subdistrict_code)


@dataclass(frozen=True)
class ThaiIdCard:
    citizen_id: str
    name_th: CardName
    name_en: CardName
    birth: CardDate
    sex: str  # "1" male, "2" female, as the card says
    issuer: str
    issued: CardDate
    expiry: CardDate
    address: CardAddress
    read_on: dt.date = field(default_factory=dt.date.today)

    @property
    def expired(self) -> bool:
        """True when the card's expiry date is before the day it was read (a lifetime card never expires)."""
        return self.expiry.date is not None and self.expiry.date < self.read_on

    def expiry_note(self) -> tuple[str, str]:
        """(Thai, English) sentence for an expired card, else ("", "")."""
        if not self.expired or self.expiry.date is None:
            return "", ""
        d = self.expiry.date
        return (
            f"บัตรหมดอายุแล้วเมื่อ {format_date_th(d, 'short')} — รับลงทะเบียนได้ ควรแนะนำให้ต่ออายุบัตร",
            f"The card expired on {d.isoformat()}: accepted; the holder should renew it",
        )


def parse_fields(raw: dict[str, bytes], *, today: dt.date | None = None) -> ThaiIdCard:
    """A :class:`ThaiIdCard` from the raw bytes of each field (keyed by :data:`FIELDS` names)."""
    text = {k: decode_text(v) for k, v in raw.items()}
    cid = text["citizen_id"]
    if not is_valid_citizen_id(cid):
        raise not_thai_id("citizen ID fails its check digit")
    return ThaiIdCard(
        citizen_id=cid,
        name_th=parse_name(text["name_th"]),
        name_en=parse_name(text["name_en"]),
        birth=parse_be_date(text["birth_date"]),
        sex=text["sex"],
        issuer=text["issuer"],
        issued=parse_be_date(text["issue_date"]),
        expiry=parse_be_date(text["expiry_date"]),
        address=parse_address(text["address"]),
        read_on=today or today_lampang(),
    )
