"""QR badges: every QR on the rendered A4 sheets decodes back to the right person, names fit at word boundaries,
Thai order, the single walk-in badge, and atomic, refusing output."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from lampang_planner.core import atomic
from lampang_planner.core.errors import UserError
from lampang_planner.core.fonts import REPORTLAB_NAMES
from lampang_planner.core.ops.people import add_person, get_person
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.qr import payload
from lampang_planner.core.reports.badges import badge_pdf, badges_for, badges_pdf, fit_text, write_badges
from lampang_planner.core.reports.shaping import text_width
from lampang_planner.core.thai.segment import broken_words

FIRST = ["ไพโรจน์", "กาญจนา", "เกศินี", "สมชาย", "อำไพ", "ใบเฟิร์น", "ถนอม", "บุษบา", "จันทร์เพ็ญ", "ศักดิ์ชัย"]
LONG = ("นางสาว", "สายสุนีย์", "อินทร์ปัญญาศรีบุญเรืองวงศ์")


@pytest.fixture
def workshop(empty_store):
    store = empty_store
    wid = add_workshop(
        store,
        {"title": "ประชุมเชิงปฏิบัติการด้านการจัดทำแผนพัฒนา สภาเครือข่ายพลเมืองจังหวัดลำปาง",
         "start_date": dt.date(2016, 8, 25), "district_code": "5203", "venue": "ห้องประชุม อบจ.ลำปาง"},
    )  # fmt: skip
    ids = []
    for k, first in enumerate(FIRST):
        ids.append(
            add_person(
                store,
                {"prefix": "นาง" if k % 2 else "นาย", "first_name": first, "last_name": "ใจดี",
                 "organisation": "สภาองค์กรชุมชนตำบลศาลา", "participant_type": "community_council",
                 "subdistrict_code": "520305"},
                workshop_id=wid,
            )
        )  # fmt: skip
    prefix, first, last = LONG
    ids.append(
        add_person(
            store,
            {"prefix": prefix, "first_name": first, "last_name": last,
             "organisation": "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดลำปาง กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น",
             "participant_type": "state_agency", "district_code": "5201"},
            workshop_id=wid,
        )
    )  # fmt: skip
    add_person(store, {"first_name": "ไม่ได้รับเชิญ", "last_name": "ใคร", "phone": "0811111111"})
    return store, wid, ids


def nfkd(text: str) -> str:
    return unicodedata.normalize("NFKD", text)


def render_pages(pdf: bytes, tmp_path: Path, dpi: int = 150) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    source = tmp_path / "render.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(tmp_path / "page")], check=True)
    return sorted(tmp_path.glob("page-*.png"))


def decoded(pages: list[Path]) -> list[list[str]]:
    zxingcpp = pytest.importorskip("zxingcpp")
    return [sorted(r.text for r in zxingcpp.read_barcodes(Image.open(p))) for p in pages]


def test_every_badge_qr_decodes_at_150_dpi(workshop, tmp_path):
    store, wid, ids = workshop
    pdf = badges_pdf(store, wid)
    pages = render_pages(pdf, tmp_path)
    assert len(pages) == 2  # 11 badges, 8 per A4 sheet
    found = decoded(pages)
    assert [len(f) for f in found] == [8, 3]
    codes = {get_person(store, pid)["code"] for pid in ids}
    assert sorted(t for page in found for t in page) == sorted(payload(c) for c in codes)


def test_badges_are_in_thai_order_and_only_for_the_workshop(workshop):
    store, wid, ids = workshop
    badges = badges_for(store, wid)
    assert len(badges) == len(ids)
    firsts = [b.name.removeprefix("นางสาว").removeprefix("นาง").removeprefix("นาย").split()[0] for b in badges]
    # Leading vowels sort by the consonant after them: เกศินี after กาญจนา, ใบเฟิร์น among the บ, ไพโรจน์ among the พ.
    assert firsts == ["กาญจนา", "เกศินี", "จันทร์เพ็ญ", "ถนอม", "บุษบา", "ใบเฟิร์น", "ไพโรจน์", "ศักดิ์ชัย",
                      "สมชาย", "สายสุนีย์", "อำไพ"]  # fmt: skip
    long = next(b for b in badges if "สายสุนีย์" in b.name)
    assert long.name == "นางสาวสายสุนีย์ อินทร์ปัญญาศรีบุญเรืองวงศ์"
    assert long.place == "อ.เมืองลำปาง" and long.participant_type == "หน่วยงานภาครัฐ"
    assert badges[0].place == "ต.ศาลา อ.เกาะคา" and badges[0].workshop_date == "25 สิงหาคม 2559"


def test_names_shrink_to_fit_and_break_only_between_words():
    bold = REPORTLAB_NAMES["Bold"]
    width, height = 80 * 72 / 25.4, 12 * 72 / 25.4
    size, lines = fit_text("นายสมชาย ใจดี", width, height, bold, 22, 10, max_lines=2)
    assert size == 22 and lines == ["นายสมชาย ใจดี"]
    name = "นางสาวสายสุนีย์ อินทร์ปัญญาศรีบุญเรืองวงศ์ ณ ลำปาง"
    size, lines = fit_text(name, width, height, bold, 22, 10, max_lines=2)
    assert 10 <= size < 22 and 1 <= len(lines) <= 2
    assert all(stringWidth(line, bold, size) <= width for line in lines)
    assert broken_words(lines, name) == []
    assert "".join(lines).replace(" ", "") == name.replace(" ", "")
    # Names prefer breaking at their spaces: never inside a first name or surname when that fits at some size.
    size, lines = fit_text(name, width, height, bold, 22, 10, max_lines=2, prefer_spaces=True)
    assert lines == ["นางสาวสายสุนีย์", "อินทร์ปัญญาศรีบุญเรืองวงศ์ ณ ลำปาง"] and 10 <= size < 22


def test_text_that_cannot_fit_is_cut_at_a_word_with_an_ellipsis():
    regular = REPORTLAB_NAMES["Regular"]
    text = "สภาองค์กรชุมชนตำบลศาลา " * 12
    size, lines = fit_text(text.strip(), 100, 2 * 8 * 1.28, regular, 11, 8, max_lines=2)
    assert size == 8 and len(lines) == 2 and lines[-1].endswith("…")
    assert all(stringWidth(line, regular, size) <= 100 for line in lines)


def test_single_badge_for_a_walk_in(workshop, tmp_path):
    store, wid, ids = workshop
    pdf = badge_pdf(store, wid, ids[-1])
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert decoded(render_pages(pdf, tmp_path)) == [[payload(get_person(store, ids[-1])["code"])]]
    with pytest.raises(UserError):
        badge_pdf(store, wid, "no-such-person")


def test_badge_text_is_real_thai_in_the_pdf(workshop):
    store, wid, _ = workshop
    text = nfkd(PdfReader(io.BytesIO(badges_pdf(store, wid))).pages[0].extract_text())
    assert "นางกาญจนา ใจดี" in text
    assert "25 สิงหาคม 2559" in text
    assert nfkd("สภาองค์กรชุมชนตำบลศาลา") in text  # ำ is extracted as its parts ํ + า
    assert nfkd("จังหวัดลำปาง") in text


def test_write_refuses_bad_targets_and_unknown_or_empty_workshops(workshop, tmp_path):
    store, wid, _ = workshop
    with pytest.raises(UserError) as info:
        write_badges(store, wid, tmp_path / "missing" / "b.pdf")
    assert info.value.code == "bad-output"
    with pytest.raises(UserError):
        write_badges(store, wid, tmp_path)
    with pytest.raises(UserError) as info:
        write_badges(store, "nope", tmp_path / "b.pdf")
    assert info.value.code == "unknown-workshop"
    empty = add_workshop(store, {"title": "ว่าง", "start_date": dt.date(2016, 9, 2), "district_code": "5201"})
    with pytest.raises(UserError) as info:
        write_badges(store, empty, tmp_path / "b.pdf")
    assert info.value.code == "empty"
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_full_disk_leaves_the_old_file_and_no_part_file(workshop, tmp_path, monkeypatch):
    store, wid, _ = workshop
    out = tmp_path / "badges.pdf"
    out.write_bytes(b"old badges")

    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    with pytest.raises(UserError) as info:
        write_badges(store, wid, out)
    assert info.value.code == "disk-full" and "ดิสก์เต็ม" in info.value.th
    assert out.read_bytes() == b"old badges"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["badges.pdf", "data"]
    monkeypatch.undo()
    path, n = write_badges(store, wid, out)
    assert n == 11 and path.read_bytes().startswith(b"%PDF")


def test_a_name_shrinks_to_stay_on_one_line_before_it_takes_two():
    bold = REPORTLAB_NAMES["Bold"]
    width, height = 82 * 72 / 25.4, 12 * 72 / 25.4  # the badge's name box
    name = "นางสาวปิ่นฟ้า ผู้ใหญ่บ้านสันติสุข"
    assert text_width(name, bold, 22) > width  # too wide at the largest size …
    size, lines = fit_text(name, width, height, bold, 22, 10, max_lines=2, prefer_spaces=True)
    assert lines == [name] and 22 * 0.75 <= size < 22  # … so it shrinks, whole, rather than break
