"""Buddhist-era (พ.ศ.) dates with Thai month names: formatting and parsing."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from lampang_planner.core.thai.digits import to_arabic_digits, to_thai_digits

BANGKOK = timezone(timedelta(hours=7), "Asia/Bangkok")
"""Thailand's time (UTC+7, no daylight saving): the one definition every module uses."""


def now_lampang() -> datetime:
    """Now in Lampang (aware, +07:00), whatever time zone the machine keeps."""
    return datetime.now(BANGKOK)


def today_lampang() -> date:
    """Today's date in Lampang: a server or laptop keeping UTC is still on yesterday until 07:00 there."""
    return datetime.now(BANGKOK).date()


BE_OFFSET = 543
"""พ.ศ. = ค.ศ. + 543."""

BE_THRESHOLD = 2400
"""A parsed year above this is Buddhist era, otherwise Common era."""

EXCEL_BE_DATE_FORMAT = "[$-107041E]d mmmm yyyy"
"""Excel number format: a real date cell shown as "25 สิงหาคม 2559". Thai locale (041E), Buddhist calendar (07),
western digits (01): the LCID form Excel itself writes, which LibreOffice also reads (LibreOffice 7.4 shows the
BCP-47 form "[$-th-TH,107]" as a bare serial number)."""
EXCEL_BE_DATETIME_FORMAT = "[$-107041E]d mmmm yyyy hh:mm"
"""Excel number format: a real date-time cell shown as "25 สิงหาคม 2559 08:42"."""
EXCEL_BE_DATE_FORMAT_THAI_DIGITS = "[$-D07041E]d mmmm yyyy"
"""As EXCEL_BE_DATE_FORMAT but with Thai digits ("๒๕ สิงหาคม ๒๕๕๙")."""

MONTHS_LONG = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip

DateStyle = str  # "long", "short" or "numeric" (not typing.Literal: importing typing costs every command)
EN_DASH = "\u2013"

# Month names with dots and spaces removed → month number, for lenient parsing ("ส.ค.", "สค", "สิงหาคม").
_MONTH_LOOKUP: dict[str, int] = {}
for _i, (_long, _short) in enumerate(zip(MONTHS_LONG, MONTHS_SHORT, strict=True), start=1):
    _MONTH_LOOKUP[_long] = _i
    _MONTH_LOOKUP[_short.replace(".", "")] = _i

# The date forms parse_date_th reads, compiled on first use (re's own cache): a start that parses no date, as a
# one-code check-in, does not compile them.
_ISO_RE = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_NUMERIC_RE = r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})"
_NAMED_RE = r"(\d{1,2})\s*([^\d\s][^\d]*?)\s*(?:(พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)\s*)?(\d{4})"


def be_year(d: date) -> int:
    """The Buddhist-era year of `d` (2016 → 2559)."""
    return d.year + BE_OFFSET


def _digits(s: str, thai_digits: bool) -> str:
    return to_thai_digits(s) if thai_digits else s


def format_date_th(d: date, style: DateStyle = "long", thai_digits: bool = False) -> str:
    """Format as "25 สิงหาคม 2559" (long), "25 ส.ค. 2559" (short) or "25/08/2559" (numeric)."""
    if style == "long":
        text = f"{d.day} {MONTHS_LONG[d.month - 1]} {be_year(d)}"
    elif style == "short":
        text = f"{d.day} {MONTHS_SHORT[d.month - 1]} {be_year(d)}"
    elif style == "numeric":
        text = f"{d.day:02d}/{d.month:02d}/{be_year(d)}"
    else:
        raise ValueError(f"unknown date style: {style!r}")
    return _digits(text, thai_digits)


def format_datetime_th(dt: datetime, style: DateStyle = "short", thai_digits: bool = False) -> str:
    """Format as "25 ส.ค. 2559 08:42" (24-hour clock)."""
    return format_date_th(dt.date(), style, thai_digits) + " " + _digits(f"{dt.hour:02d}:{dt.minute:02d}", thai_digits)


def format_date_range_th(a: date, b: date, style: DateStyle = "short", thai_digits: bool = False) -> str:
    """A compact range: "25–26 ส.ค. 2559", "30 ส.ค. – 21 ก.ย. 2559", "30 ธ.ค. 2559 – 2 ม.ค. 2560"."""
    if b < a:
        raise ValueError(f"range ends before it starts: {a} > {b}")
    if a == b:
        return format_date_th(a, style, thai_digits)
    if style == "numeric" or a.year != b.year:
        return f"{format_date_th(a, style, thai_digits)} {EN_DASH} {format_date_th(b, style, thai_digits)}"
    months = MONTHS_LONG if style == "long" else MONTHS_SHORT
    if a.month == b.month:
        text = f"{a.day}{EN_DASH}{b.day} {months[a.month - 1]} {be_year(a)}"
    else:
        text = f"{a.day} {months[a.month - 1]} {EN_DASH} {b.day} {months[b.month - 1]} {be_year(b)}"
    return _digits(text, thai_digits)


def _year(text: str, era: str | None = None) -> int:
    year = int(text)
    if era is not None:
        return year - BE_OFFSET if era.startswith("พ") else year
    return year - BE_OFFSET if year > BE_THRESHOLD else year


def parse_date_th(text: str) -> date:
    """Parse "25/8/2559", "25 ส.ค. 2559", "25 สิงหาคม พ.ศ. 2559", "2016-08-25" (Thai digits too).

    Four-digit years above 2400 are Buddhist era, others Common era; two-digit years are refused as ambiguous.
    Raises ValueError when the text is not a date.
    """
    s = to_arabic_digits(text).strip()
    s = re.sub(r"^วันที่\s*", "", s)
    try:
        if m := re.fullmatch(_ISO_RE, s):
            return date(_year(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := re.fullmatch(_NUMERIC_RE, s):
            return date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := re.fullmatch(_NAMED_RE, s):
            month = _MONTH_LOOKUP.get(re.sub(r"[.\s]", "", m.group(2)))
            if month is not None:
                return date(_year(m.group(4), m.group(3)), month, int(m.group(1)))
    except ValueError as exc:  # day or month out of range
        raise ValueError(f"not a valid date: {text!r} ({exc})") from None
    raise ValueError(f"not a recognised Thai date: {text!r}")


def as_date(v: object, *, strict: bool = True) -> date | None:
    """A date from what the database, a form or a spreadsheet holds: None or "" → None; a datetime → its date; an
    ISO text (a timestamp's first 10 characters will do); else a Thai date text (:func:`parse_date_th`, BE or CE).
    An unreadable value raises ValueError, or gives None when ``strict`` is False."""
    if v in (None, ""):
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    text = str(v).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ].*)?", text):
            return date.fromisoformat(text[:10])
        return parse_date_th(text)
    except ValueError:
        if strict:
            raise
        return None
