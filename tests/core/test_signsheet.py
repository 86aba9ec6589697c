"""The sign-in sheet: names in Thai order, check-in times, the PAO heading and table header on every page, page
numbers, the PDPA line with the workshop's retention, and blank rows for walk-ins."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin import check_in
from lampang_planner.core.ops.people import add_person, get_person
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.reports.signsheet import pdpa_notice, sign_rows, signsheet_pdf, write_signsheet
from lampang_planner.core.thai.segment import broken_words

FIRST = ["สมชาย", "กาญจนา", "เกศินี", "ไพโรจน์", "อำไพ", "บุษบา", "ถนอม", "วีระ", "ดารุณี", "นิพนธ์", "ปรีชา", "มานพ"]
SURNAMES = ["ใจดี", "แก้วมา", "ศรีวิชัย", "อินต๊ะ", "คำมูล", "ปัญญาดี", "บุญยืน", "จันทร์แก้ว"]
TAMBONS = ["520305", "520302", "520101", "520201"]


def nfkd(text: str) -> str:
    return unicodedata.normalize("NFKD", text)


@pytest.fixture
def sheet(empty_store):
    store = empty_store
    wid = add_workshop(
        store,
        {"title": "เวทีประชาคมแผนพัฒนา อำเภอเกาะคา", "start_date": dt.date(2016, 9, 1), "district_code": "5203",
         "venue": "หอประชุมอำเภอเกาะคา", "retention_days": 365},
    )  # fmt: skip
    ids = []
    for k in range(36):
        ids.append(
            add_person(
                store,
                {"prefix": "นาย" if k % 2 else "นาง", "first_name": FIRST[k % len(FIRST)],
                 "last_name": SURNAMES[k % len(SURNAMES)] + ("" if k < 12 else "วงศ์"),
                 "organisation": "สภาองค์กรชุมชนตำบล" + ("ศาลา" if k % 3 else "นาแก้ว"),
                 "subdistrict_code": TAMBONS[k % len(TAMBONS)]},
                workshop_id=wid,
            )
        )  # fmt: skip
    at = dt.datetime(2016, 9, 1, 8, 42)
    result = check_in(store, wid, get_person(store, ids[0])["code"], at=at)
    assert result.kind == "checked-in"
    return store, wid, ids


def squash(text: str) -> str:
    return "".join(text.split())


def pages_text(pdf: bytes) -> list[str]:
    return [nfkd(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_rows_are_in_thai_order_with_check_in_times(sheet):
    store, wid, ids = sheet
    rows = sign_rows(store, wid)
    assert [r.number for r in rows] == list(range(1, 37))
    firsts = [get_person(store, r.person_id)["first_name"] for r in rows]
    # Thai dictionary order: leading vowels sort by the consonant after them (เกศินี among the ก, ไพโรจน์ among the พ).
    assert list(dict.fromkeys(firsts)) == ["กาญจนา", "เกศินี", "ดารุณี", "ถนอม", "นิพนธ์", "บุษบา", "ปรีชา", "ไพโรจน์",
                                          "มานพ", "วีระ", "สมชาย", "อำไพ"]  # fmt: skip
    timed = [r for r in rows if r.time]
    assert len(timed) == 1 and timed[0].person_id == ids[0] and timed[0].time == "08:42 น."
    assert {r.tambon for r in rows} == {"ศาลา", "นาแก้ว", "เวียงเหนือ", "บ้านดง"}


def test_pdf_has_heading_table_header_page_numbers_and_pdpa_on_every_page(sheet):
    store, wid, ids = sheet
    texts = pages_text(signsheet_pdf(store, wid, show_times=True))
    assert len(texts) >= 2
    total = len(texts)
    notice = pdpa_notice({"start_date": dt.date(2016, 9, 1), "end_date": dt.date(2016, 9, 1), "retention_days": 365})
    assert "1 กันยายน 2560" in notice  # 365 days after the workshop
    for n, text in enumerate(texts, start=1):
        assert nfkd("องค์การบริหารส่วนจังหวัดลำปาง") in text
        assert nfkd("เวทีประชาคมแผนพัฒนา อำเภอเกาะคา") in text
        assert nfkd("หอประชุมอำเภอเกาะคา") in text and "1 กันยายน 2559" in text
        assert "ลายมือชื่อ" in text and nfkd("หน่วยงาน") in text  # the table header repeats
        assert f"หน้า {n}/{total}" in text
        flat = squash(text)  # the notice may wrap anywhere between words
        assert "(PDPA)" in flat and squash(nfkd("คุ้มครองข้อมูลส่วนบุคคล")) in flat
        assert "1ปีหลังวันประชุม" in flat and "1กันยายน2560" in flat
    everything = "\n".join(texts)
    for pid in ids:
        p = get_person(store, pid)
        assert squash(nfkd(f"{p['prefix']}{p['first_name']}{p['last_name']}")) in squash(everything)
    assert "08:42 น." in everything


def test_cells_break_only_between_words(empty_store):
    store = empty_store
    wid = add_workshop(store, {"title": "ทดสอบ", "start_date": dt.date(2016, 9, 1), "district_code": "5203"})
    org = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดลำปาง กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น"
    add_person(store, {"first_name": "สมชาย", "last_name": "ใจดี", "organisation": org, "phone": "0811111111"},
               workshop_id=wid)  # fmt: skip
    text = pages_text(signsheet_pdf(store, wid))[0]
    lines = [line.strip() for line in text.split("\n")]
    start = next(i for i, line in enumerate(lines) if line.startswith(nfkd("สำนักงาน")))
    cell_lines, rest = [], nfkd(org)
    while rest:  # the organisation cell's lines follow each other in the extracted text
        line = lines[start + len(cell_lines)]
        assert rest.startswith(line), (rest, line)
        cell_lines.append(line)
        rest = rest[len(line) :].strip()
    assert len(cell_lines) >= 3, cell_lines
    assert broken_words(cell_lines, nfkd(org)) == []


def test_blank_rows_and_thai_digits(sheet):
    store, wid, _ = sheet
    texts = pages_text(signsheet_pdf(store, wid, blank_rows=4, thai_digits=True, show_times=True))
    last = texts[-1]
    assert "๔๐" in last  # 36 names + 4 blank rows, numbered on
    assert f"หน้า ๑/{len(texts)}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) in texts[0]
    assert "๐๘:๔๒ น." in "\n".join(texts)


def test_empty_workshop_needs_blank_rows(empty_store, tmp_path):
    wid = add_workshop(empty_store, {"title": "ว่าง", "start_date": dt.date(2016, 9, 2), "district_code": "5201"})
    with pytest.raises(UserError) as info:
        write_signsheet(empty_store, wid, tmp_path / "s.pdf")
    assert info.value.code == "empty" and not (tmp_path / "s.pdf").exists()
    path, n = write_signsheet(empty_store, wid, tmp_path / "s.pdf", blank_rows=20)
    assert n == 0 and path.read_bytes().startswith(b"%PDF")
    assert "20" in "\n".join(pages_text(path.read_bytes()))  # numbered to the last blank row


def test_places_inside_an_organisation_stay_whole_on_their_line():
    from lampang_planner.core.reports.signsheet import CELL_PAD, COLUMNS_MM, _styles, organisation_cell

    width = COLUMNS_MM[3] * mm - 2 * CELL_PAD
    for text, place in (("สภาเครือข่ายพลเมืองจังหวัดลำปาง (อำเภอแม่ทะ)", "(อำเภอแม่ทะ)"),
                        ("สภาเครือข่ายพลเมืองจังหวัดลำปาง (อำเภอแม่ทะ)", "จังหวัดลำปาง"),
                        ("องค์การบริหารส่วนตำบลน้ำโจ้", "ตำบลน้ำโจ้")):
        cell = organisation_cell(text, _styles()["cell"], COLUMNS_MM[3])
        cell.wrap(width, 1000)
        assert len(cell.lines) > 1 and "".join(cell.lines).replace(" ", "") == text.replace(" ", "")
        assert any(place in line for line in cell.lines), cell.lines


@pytest.mark.parametrize("timed", [False, True])
def test_every_tambon_of_lampang_fits_its_column_whole(timed):
    from lampang_planner.core.refdata import divisions
    from lampang_planner.core.reports.signsheet import COLUMNS_MM, COLUMNS_TIMED_MM, _styles, spaced_cell

    width_mm = (COLUMNS_TIMED_MM if timed else COLUMNS_MM)[4]
    for sub in divisions().subdistricts.values():
        cell = spaced_cell(sub.name_th, _styles()["cell"], width_mm)
        cell.wrap(width_mm * mm, 1000)
        assert cell.lines == [sub.name_th]
