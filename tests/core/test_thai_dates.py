from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lampang_planner.core.thai.dates import (
    EXCEL_BE_DATE_FORMAT,
    EXCEL_BE_DATETIME_FORMAT,
    be_year,
    format_date_range_th,
    format_date_th,
    format_datetime_th,
    parse_date_th,
)
from lampang_planner.core.thai.digits import to_arabic_digits, to_thai_digits

D = date(2016, 8, 25)


def test_be_year_adds_543():
    assert be_year(D) == 2559
    assert be_year(date(2024, 1, 1)) == 2567


@pytest.mark.parametrize(
    ("style", "expected"),
    [("long", "25 สิงหาคม 2559"), ("short", "25 ส.ค. 2559"), ("numeric", "25/08/2559")],
)
def test_format_date_styles(style, expected):
    assert format_date_th(D, style) == expected


def test_format_date_with_thai_digits():
    assert format_date_th(D, "long", thai_digits=True) == "๒๕ สิงหาคม ๒๕๕๙"
    assert format_date_th(date(2017, 1, 5), "numeric", thai_digits=True) == "๐๕/๐๑/๒๕๖๐"


def test_every_month_has_its_thai_name():
    longs = [format_date_th(date(2020, m, 1), "long").split()[1] for m in range(1, 13)]
    shorts = [format_date_th(date(2020, m, 1), "short").split()[1] for m in range(1, 13)]
    assert longs[0] == "มกราคม" and longs[11] == "ธันวาคม" and longs[4] == "พฤษภาคม"
    assert shorts == ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]


def test_unknown_style_is_an_error():
    with pytest.raises(ValueError):
        format_date_th(D, "fancy")  # type: ignore[arg-type]


def test_format_datetime():
    assert format_datetime_th(datetime(2016, 8, 25, 8, 42)) == "25 ส.ค. 2559 08:42"
    assert format_datetime_th(datetime(2016, 8, 25, 18, 5), thai_digits=True) == "๒๕ ส.ค. ๒๕๕๙ ๑๘:๐๕"


def test_date_ranges():
    assert format_date_range_th(date(2016, 8, 30), date(2016, 9, 21)) == "30 ส.ค. – 21 ก.ย. 2559"
    assert format_date_range_th(date(2016, 8, 25), date(2016, 8, 26)) == "25–26 ส.ค. 2559"
    assert format_date_range_th(D, D) == "25 ส.ค. 2559"
    assert format_date_range_th(date(2016, 12, 30), date(2017, 1, 2)) == "30 ธ.ค. 2559 – 2 ม.ค. 2560"
    assert format_date_range_th(date(2016, 8, 25), date(2016, 8, 26), "long") == "25–26 สิงหาคม 2559"
    assert format_date_range_th(date(2016, 8, 30), date(2016, 9, 21), thai_digits=True) == "๓๐ ส.ค. – ๒๑ ก.ย. ๒๕๕๙"


def test_reversed_range_is_an_error():
    with pytest.raises(ValueError):
        format_date_range_th(date(2016, 9, 1), date(2016, 8, 1))


@pytest.mark.parametrize(
    "text",
    [
        "25/8/2559",
        "25/08/2559",
        "25-8-2559",
        "25.08.2559",
        "25/8/2016",
        "25 ส.ค. 2559",
        "25 ส.ค.2559",
        "25 สค 2559",
        "25 สิงหาคม 2559",
        "25สิงหาคม2559",
        "25 สิงหาคม พ.ศ. 2559",
        "วันที่ 25 สิงหาคม 2559",
        "2016-08-25",
        "๒๕/๘/๒๕๕๙",
        "๒๕ สิงหาคม ๒๕๕๙",
        "  25 ส.ค. 2559  ",
    ],
)
def test_parse_accepts_common_forms(text):
    assert parse_date_th(text) == D


def test_parse_be_threshold():
    assert parse_date_th("1/1/2401") == date(1858, 1, 1)  # 2401 BE
    assert parse_date_th("1/1/2400") == date(2400, 1, 1)  # CE
    assert parse_date_th("1 ม.ค. 2024") == date(2024, 1, 1)


@pytest.mark.parametrize("text", ["", "hello", "31/2/2559", "25 ฟูบาร์ 2559", "25/8/59", "2559", "32 ส.ค. 2559"])
def test_parse_rejects_non_dates(text):
    with pytest.raises(ValueError):
        parse_date_th(text)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.sampled_from(["long", "short", "numeric"]),
    st.booleans(),
)
def test_format_then_parse_round_trips(d, style, thai_digits):
    assert parse_date_th(format_date_th(d, style, thai_digits)) == d


def test_excel_formats_are_buddhist_calendar_thai_locale():
    # Thai locale 041E with the Buddhist calendar (07) and western digits (01), as Excel writes it
    assert EXCEL_BE_DATE_FORMAT == "[$-107041E]d mmmm yyyy"
    assert EXCEL_BE_DATETIME_FORMAT == EXCEL_BE_DATE_FORMAT + " hh:mm"


def test_digit_conversion_round_trip():
    assert to_thai_digits("โทร 054-237600") == "โทร ๐๕๔-๒๓๗๖๐๐"
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert to_arabic_digits(to_thai_digits("abc 2559")) == "abc 2559"


def test_as_date_reads_what_the_database_forms_and_sheets_hold():
    import datetime as dt

    from lampang_planner.core.thai.dates import as_date

    day = dt.date(2016, 8, 25)
    assert as_date(None) is None and as_date("") is None
    assert as_date(day) == day and as_date(dt.datetime(2016, 8, 25, 8, 42)) == day
    assert as_date("2016-08-25") == day and as_date("2016-08-25T08:42:00+07:00") == day
    assert as_date("25 ส.ค. 2559") == day and as_date("25/8/2559") == day
    assert as_date("not a date", strict=False) is None
    with pytest.raises(ValueError):
        as_date("not a date")
