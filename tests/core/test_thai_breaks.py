"""Line breaks a Thai typesetter would accept: at every width, a line never ends inside a person's name, after a
title or abbreviation, inside a date or between a number and its unit (the cases the issue found in the PDFs)."""

from __future__ import annotations

import pytest
from reportlab.lib.units import cm

from lampang_planner.core.fonts import REPORTLAB_NAMES
from lampang_planner.core.reports.shaping import text_width
from lampang_planner.core.thai.segment import wrap_to_width

TEXT = ("ที่ประชุมมอบหมายให้นางยุทธนา ทาแก้ว และนายญาณวุฒิ อินทร์ปัญญา ประสานงานกับ ต.บุญนาคพัฒนา อ.เมืองลำปาง "
        "จ.ลำปาง ตั้งแต่วันที่ 30 ส.ค. 2559 เวลา 08:42 น. มีผู้เข้าร่วม 1,250 คน งบประมาณ 12,000 บาท ตามข้อ 4 "
        "หน้า 1/3 คิดเป็นร้อยละ 91.8 ของผู้ได้รับเชิญ ประกาศ ณ วันที่ 25 สิงหาคม พ.ศ. 2559 โดย ผศ.ดร.สมศักดิ์ ฤทธิ์เดช")
WHOLE = ["นางยุทธนา ทาแก้ว", "นายญาณวุฒิ อินทร์ปัญญา", "ต.บุญนาคพัฒนา", "อ.เมืองลำปาง", "จ.ลำปาง",
         "วันที่ 30 ส.ค. 2559", "08:42 น.", "1,250 คน", "12,000 บาท", "ข้อ 4", "หน้า 1/3", "ร้อยละ 91.8",
         "25 สิงหาคม พ.ศ. 2559", "ผศ.ดร.สมศักดิ์ ฤทธิ์เดช", "ผู้ได้รับเชิญ", "ณ วันที่ 25 สิงหาคม พ.ศ. 2559"]


def measure(s: str) -> float:
    return text_width(s, REPORTLAB_NAMES["Regular"], 11)


def line_ends(lines: list[str], text: str) -> list[int]:
    """Positions in ``text`` where each line but the last ends."""
    ends, position = [], 0
    for line in lines[:-1]:
        position = text.index(line, position) + len(line)
        ends.append(position)
    return ends


@pytest.mark.parametrize("width_cm", [w / 4 for w in range(14, 64)])  # 3.5 … 15.75 cm, every quarter
def test_no_line_ends_inside_a_unit(width_cm):
    lines = wrap_to_width(TEXT, width_cm * cm, measure)
    assert "".join(lines).replace(" ", "") == TEXT.replace(" ", "")  # nothing lost, every line a slice
    # a unit wider than the line itself has to break (at its spaces first); every other stays whole
    spans = [(TEXT.index(w), TEXT.index(w) + len(w)) for w in WHOLE if measure(w) <= width_cm * cm]
    for end in line_ends(lines, TEXT):
        inside = [TEXT[a:b] for a, b in spans if a < end < b]
        assert inside == [], f"line ends inside {inside} at {width_cm} cm: {lines}"


def test_the_issue_s_bad_breaks_are_gone():
    width = measure("ที่ประชุมมอบหมายให้นาง") + 1  # where the old wrapping broke นาง|ยุทธนา
    lines = wrap_to_width("ที่ประชุมมอบหมายให้นางยุทธนา ทาแก้ว เป็นผู้ประสานงาน", width, measure)
    assert lines[0] == "ที่ประชุมมอบหมายให้" and lines[1].startswith("นางยุทธนา ทาแก้ว")


def test_a_name_too_long_for_the_line_breaks_at_its_space_only():
    name = "นางสาวสายสุนีย์ อินทร์ปัญญาศรีบุญเรืองวงศ์"
    width = max(measure("นางสาวสายสุนีย์"), measure("อินทร์ปัญญาศรีบุญเรืองวงศ์")) + 1
    assert wrap_to_width(name, width, measure) == ["นางสาวสายสุนีย์", "อินทร์ปัญญาศรีบุญเรืองวงศ์"]


def test_keep_protects_a_name_without_a_title():
    text = "ผู้เสนอ สมชาย ทาแก้ว ผู้รับรอง บุญมี อินทร์ปัญญา"
    widest_name = max(measure("สมชาย ทาแก้ว"), measure("บุญมี อินทร์ปัญญา"))
    for width in range(int(widest_name) + 1, 260, 5):
        lines = wrap_to_width(text, width, measure, keep=["สมชาย ทาแก้ว", "บุญมี อินทร์ปัญญา"])
        for end in line_ends(lines, text):
            assert not any(text.index(n) < end < text.index(n) + len(n)
                           for n in ("สมชาย ทาแก้ว", "บุญมี อินทร์ปัญญา")), lines


@pytest.mark.parametrize(("text", "word"), [
    ("ประกาศ ณ วันที่ 25 สิงหาคม พ.ศ. 2559", "ณ"), ("จัดประชุม ณ ที่ทำการองค์การบริหารส่วนจังหวัดลำปาง", "ณ"),
    ("ประชุมณห้องประชุมใหญ่", "ณ"), ("ข้อมูล ณ 30 ส.ค. 2559", "ณ"),
    ("ได้แก่ (5) เวทีประชาคมแผนพัฒนา อำเภอเสริมงาม (5 ก.ย. 2559) (6) เวทีประชาคมแผนพัฒนา อำเภองาว", "(6)"),
])  # fmt: skip
def test_words_that_belong_to_what_follows_never_end_a_line(text, word):
    """ณ ("at", "as of") stays with the date or place after it, an item's number with its item: at every width where
    they and the next word fit a line."""
    after = text[text.index(word) + len(word) :].lstrip().split(" ")[0]
    for width in range(int(measure(f"{word} {after}")) + 1, int(measure(text)) + 2):
        lines = wrap_to_width(text, width, measure)
        assert not any(line.rstrip().endswith(word) for line in lines[:-1]), (width, lines)
