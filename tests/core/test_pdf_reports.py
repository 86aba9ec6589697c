"""The workshop summary and the consolidated resolution document: the text extracted from the PDFs never has a line
ending inside a Thai word (checked with the word segmenter against the text that was typeset), every page carries
the PAO header and "หน้า x/y", Thai digits are an option, charts carry the right numbers, and bad input writes
nothing."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate

from demo_support import first_workshop
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin import live_counts
from lampang_planner.core.ops.needs import list_needs
from lampang_planner.core.ops.resolutions import list_resolutions, quorum
from lampang_planner.core.reports import typeset
from lampang_planner.core.reports.charts import attendance_by_district, bar_chart, needs_by_category, nice_ticks
from lampang_planner.core.reports.layout import ORG_TH, DocOptions, Typesetter
from lampang_planner.core.reports.resolution_doc import write_resolution_document
from lampang_planner.core.reports.summary import write_workshop_summary
from lampang_planner.core.thai.segment import broken_words

SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")


def skeleton(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not c.isspace())


class Typeset:
    """Records the text of every ThaiParagraph made while it is active: the sources the PDF lines come from."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sources: list[str] = []
        original = typeset.ThaiParagraph.__init__
        sources = self.sources

        def recording(para, text, style, *, lines=None, keep=()):
            original(para, text, style, lines=lines, keep=keep)
            sources.append(para.text)

        monkeypatch.setattr(typeset.ThaiParagraph, "__init__", recording)

    def split(self, group: list[str]) -> list[list[str]]:
        """Lines that sit one under another split into runs that each continue one typeset text (a heading and the
        paragraph under it are two runs)."""
        runs: list[list[str]] = []
        for line in group:
            if runs and self.source_of([*runs[-1], line]) is not None:
                runs[-1].append(line)
            else:
                runs.append([line])
        return runs

    def source_of(self, lines: list[str]) -> str | None:
        """The typeset text these lines come from, from the point where the first line starts."""
        joined = skeleton("".join(lines))
        found = [s for s in self.sources if joined in skeleton(s)]
        if not found:
            return None
        source = min(found, key=len)
        start = skeleton(source).find(joined)
        for i in range(len(source) + 1):  # the character where the skeleton reaches ``start``
            if len(skeleton(source[:i])) >= start:
                return source[i:]
        return None


def text_lines(pdf: Path | bytes) -> list[list[tuple[float, float, str]]]:
    """Per page, each line of text drawn, with its position (from pypdf's text visitor)."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    pages = []
    for page in reader.pages:
        found: list[tuple[float, float, str]] = []

        def visit(text, cm_, tm, _font, _size, found=found):
            if text.strip():
                found.append((round(tm[4] * cm_[0] + cm_[4], 1), round(tm[5] * cm_[3] + cm_[5], 1), text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def paragraphs(pdf: Path | bytes) -> list[list[str]]:
    """Lines grouped into paragraphs: consecutive lines starting at the same x, one line-height apart."""
    out: list[list[str]] = []
    for page in text_lines(pdf):
        group: list[str] = []
        last: tuple[float, float] | None = None
        for x, y, text in page:
            under = last is not None and 0 < last[1] - y < 25
            if under and (abs(x - last[0]) < 0.6 or (len(group) == 1 and x < last[0])):  # (a first-line indent)
                group.append(text)
            else:
                if group:
                    out.append(group)
                group = [text]
            last = (x, y)
        if group:
            out.append(group)
    return out


def assert_no_line_ends_inside_a_word(pdf: Path | bytes, typeset_: Typeset, at_least: int) -> None:
    checked = 0
    problems = []
    for group in paragraphs(pdf):
        group = [SARA_AM.sub("\\1\u0e33", line) for line in group]  # the text layer writes ำ as ํ + า
        for lines in typeset_.split(group):
            if len(lines) < 2:
                continue
            source = typeset_.source_of(lines)
            assert source is not None, f"no typeset text holds these lines: {lines}"
            checked += 1
            for i in broken_words(lines, source=source):
                problems.append((lines[i], lines[i + 1]))
    assert problems == []
    assert checked >= at_least  # the documents really did wrap text


def _visit_with_needs(store) -> str:
    return store.db.execute(
        "SELECT workshop_id FROM need WHERE deleted=0 GROUP BY workshop_id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]


def test_summary_lines_end_between_words(demo_store, tmp_path, monkeypatch):
    rec = Typeset(monkeypatch)
    wid = _visit_with_needs(demo_store)
    out = write_workshop_summary(demo_store, wid, tmp_path / "summary.pdf")
    assert_no_line_ends_inside_a_word(out, rec, at_least=15)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    for need in list_needs(demo_store, workshop_id=wid):  # every need is in the table, whole
        assert skeleton(need.title) in skeleton(SARA_AM.sub("\\1\u0e33", text))
    counts = live_counts(demo_store, wid)
    flat = " ".join(text.split())
    assert f"ผู้ได้รับเชิญ {counts.invited} คน มาลงทะเบียนเข้าร่วมประชุม {counts.checked_in} คน" in flat
    q = quorum(demo_store, wid)  # the invited (and walk-ins) are not called "ผู้ลงทะเบียน" (those who signed in)
    assert f"ผู้ลงทะเบียน {q.registered}" not in flat
    assert skeleton(f"ผู้มีรายชื่อเข้าประชุม (ผู้ได้รับเชิญและผู้ลงทะเบียนหน้างาน) {q.registered} คน") in skeleton(flat)


def test_resolution_document_lines_end_between_words(demo_store, tmp_path, monkeypatch):
    rec = Typeset(monkeypatch)
    rid = list_resolutions(demo_store)[0].id
    out = write_resolution_document(demo_store, rid, tmp_path / "resolution.pdf")
    assert_no_line_ends_inside_a_word(out, rec, at_least=15)
    text = skeleton(SARA_AM.sub("\\1\u0e33", "".join(p.extract_text() for p in PdfReader(out).pages)))
    assert skeleton("บันทึกการพิจารณาของเวทีประชาคม") in text
    assert skeleton("ข้อ 1 ให้ทุกตำบลจัดทำและทบทวนแผนแม่บทชุมชนทุกปี") in text


def test_the_check_catches_a_line_broken_inside_a_word(tmp_path, monkeypatch):
    """The same check fails on a paragraph whose lines were cut inside words (so the tests above can fail)."""
    rec = Typeset(monkeypatch)
    text = "การประชุมเชิงปฏิบัติการด้านการจัดทำแผนพัฒนาให้กับประชาชนผู้เป็นสมาชิกสภาเครือข่ายพลเมือง"
    cut = [text[:11], text[11:30], text[30:]]  # "การประชุมเ|ชิงปฏิบัติ…": inside words
    style = typeset.thai_styles()["body"]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([typeset.ThaiParagraph(text, style, lines=cut)])
    with pytest.raises(AssertionError):
        assert_no_line_ends_inside_a_word(buffer.getvalue(), rec, at_least=1)


def test_every_page_has_header_and_page_number(demo_store, tmp_path):
    out = write_workshop_summary(demo_store, first_workshop(demo_store), tmp_path / "main.pdf")
    pages = PdfReader(out).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert ORG_TH in text.replace("ํา", "ำ")
        assert f"หน้า {number}/{len(pages)}" in text
        assert "พิมพ์เมื่อ" in text and "25" in text  # Arabic digits by default


def test_thai_digits_option(demo_store, tmp_path):
    wid = _visit_with_needs(demo_store)
    out = write_workshop_summary(demo_store, wid, tmp_path / "thai.pdf", thai_digits=True)
    pages = PdfReader(out).pages
    text = "\n".join(p.extract_text() for p in pages)
    assert re.search("[0-9]", text) is None, re.findall(".{8}[0-9].{8}", text)[:5]
    assert "หน้า ๑/" in text and "๒๕๕๙" in text
    rid = list_resolutions(demo_store)[0].id
    out = write_resolution_document(demo_store, rid, tmp_path / "thai-res.pdf", thai_digits=True)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert re.search("[0-9]", text) is None and "ข้อ ๑" in text


def test_charts_hold_the_screen_counts(demo_store):
    wid = first_workshop(demo_store)
    chart = attendance_by_district(demo_store, wid)
    counts = live_counts(demo_store, wid)
    assert [(i.key, i.values) for i in chart.items] == [(r.key, (r.invited, r.checked_in)) for r in counts.by_district]
    province = attendance_by_district(demo_store)
    assert len(province.items) == 13 and province.total(1) >= chart.total(1)
    needs = needs_by_category(demo_store)
    assert needs.total() == len(list_needs(demo_store)) and all(i.values[0] > 0 for i in needs.items)
    assert nice_ticks(113) == [0, 50, 100, 150] and nice_ticks(600) == [0, 200, 400, 600] and nice_ticks(2) == [0, 1, 2] and nice_ticks(0) == [0, 1]


def test_chart_labels_are_shaped_thai_in_the_pdf(demo_store):
    ts = Typesetter(DocOptions())
    drawing = bar_chart(needs_by_category(demo_store), 16 * cm, fmt=ts.t)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([drawing])
    text = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    assert not any("\ue000" <= c <= "\uf8ff" for c in text)  # shaped glyphs map back to real Thai
    assert "ความต้องการจำแนกตามหมวด (หน่วย: เรื่อง)" in text  # the title says what the bars count
    assert "จำนวน (เรื่อง)" in text  # and so does the axis
    assert "ถนนและโครงสร้างพื้นฐาน" in text.replace("\n", "") or "สาธารณสุข" in text


def test_no_chart_of_a_single_bar(demo_store, tmp_path):
    """A workshop whose people all live in one district gets the table, not a chart of one bar."""
    from lampang_planner.core.ops.people import add_person
    from lampang_planner.core.ops.workshops import add_workshop

    wid = add_workshop(demo_store, {"title": "เวทีย่อย", "start_date": dt.date(2016, 9, 9), "district_code": "5203"})
    for first in ("ปั้น", "ปิ่นฟ้า"):
        add_person(demo_store, {"prefix": "นาย", "first_name": first, "last_name": "ฝั่งน้ำ",
                                "subdistrict_code": "520305"}, workshop_id=wid)
    assert len(attendance_by_district(demo_store, wid).items) == 1
    text = " ".join(PdfReader(write_workshop_summary(demo_store, wid, tmp_path / "one.pdf")).pages[0]
                    .extract_text().split())
    assert "ผู้เข้าร่วมจำแนกตามอำเภอ" not in text and "อำเภอที่อยู่ของผู้เข้าร่วม" in text


def test_bad_input_writes_nothing(demo_store, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(UserError):
        write_workshop_summary(demo_store, "no-such-workshop", out_dir / "a.pdf")
    with pytest.raises(UserError):
        write_resolution_document(demo_store, "no-such-resolution", out_dir / "b.pdf")
    with pytest.raises(UserError):
        write_workshop_summary(demo_store, first_workshop(demo_store), out_dir / "a.txt")
    assert list(out_dir.iterdir()) == []


def test_report_commands(demo_dir, tmp_path, capsys):
    from lampang_planner.cli import main
    from lampang_planner.core.db import Store

    with Store.open(demo_dir) as store:
        wid, rid = first_workshop(store), list_resolutions(store)[0].id
    base = ["--data-dir", str(demo_dir), "report"]
    assert main([*base, "pdf", "--workshop", wid, "--out", str(tmp_path / "s.pdf"), "--thai-digits"]) == 0
    assert main([*base, "resolution", "--resolution", rid, "--out", str(tmp_path / "r.pdf")]) == 0
    assert main([*base, "excel", "--workshop", wid, "--out", str(tmp_path / "w.xlsx")]) == 0
    out = capsys.readouterr().out
    assert out.count("แล้ว") == 3 and "s.pdf" in out and "w.xlsx" in out
    assert PdfReader(tmp_path / "s.pdf").pages and PdfReader(tmp_path / "r.pdf").pages
    assert main([*base, "pdf", "--workshop", "nope", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "ไม่พบการประชุมนี้" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
