"""The people's own names on their badges: every tone mark where HarfBuzz puts it (glyph positions read back from
the PDF's content stream by an independent interpreter), and the text layer gives each name back as typed
(pdftotext and pypdf), so a clerk can search the badge file for a name."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pdf_glyphs import TONE_MARKS, check_against_harfbuzz, text_runs
from pypdf import PdfReader

from lampang_planner.core.ops.people import add_person
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.reports.badges import badges_pdf

NAMES = [("นาย", "ปั้น", "ฝั่งน้ำ"), ("นางสาว", "ปิ่นฟ้า", "ผู้ใหญ่"), ("นาย", "สมศักดิ์", "ฤทธิ์เดช"),
         ("นาง", "ยุทธนา", "ทาแก้ว"), ("นาย", "ญาณวุฒิ", "อินทร์ปัญญา")]
ORG = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดลำปาง ที่ทำการ"


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext (poppler-utils) is missing in CI")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    source = tmp_path / "text.pdf"
    source.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(source), "-"], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def marked_badges(empty_store):
    store = empty_store
    wid = add_workshop(store, {"title": "เวทีประชาคมท้องถิ่น ทบทวนแผนพัฒนาท้องถิ่น", "start_date": dt.date(2016, 8, 30),
                               "district_code": "5201"})
    for prefix, first, last in NAMES:
        add_person(store, {"prefix": prefix, "first_name": first, "last_name": last, "organisation": ORG,
                           "participant_type": "community_council", "subdistrict_code": "520305"}, workshop_id=wid)
    return badges_pdf(store, wid)


def test_tone_marks_on_badges_sit_where_harfbuzz_puts_them(marked_badges):
    runs = text_runs(marked_badges)
    problems, checked = check_against_harfbuzz(runs)
    assert problems == []
    expected_marked = sum(ch in TONE_MARKS for p, f, la in NAMES for ch in p + f + la)
    assert checked >= expected_marked  # every tone mark of every name (and the titles, places…) was checked
    drawn = {r.text for r in runs}
    for prefix, first, last in NAMES:  # each name is one drawn line (it fits) and was among the checked runs
        assert f"{prefix}{first} {last}" in drawn


def test_badge_text_layer_gives_back_each_name_as_typed(marked_badges, tmp_path):
    poppler = pdftotext(marked_badges, tmp_path)
    pypdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(marked_badges)).pages)
    for prefix, first, last in NAMES:
        name = f"{prefix}{first} {last}"
        assert name in poppler, poppler
        assert name in pypdf_text, pypdf_text
    assert "\u0e4d" not in poppler + pypdf_text  # ำ comes back as U+0E33, never as ํ + า
    for word in ("ที่ทำการ", "ท้องถิ่น", "ลำปาง", "30 สิงหาคม 2559"):
        assert word in poppler and word in pypdf_text
