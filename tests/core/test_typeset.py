import io
import unicodedata
from pathlib import Path

import pytest
from pdf_glyphs import TONE_MARKS, check_against_harfbuzz, text_runs
from pypdf import PdfReader
from reportlab.lib.fonts import tt2ps
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames, stringWidth
from reportlab.platypus import PageBreak, SimpleDocTemplate, Table

from lampang_planner.core.fonts import REPORTLAB_NAMES, font_path, register_reportlab_fonts
from lampang_planner.core.reports.shaping import hb_font as shaping_font
from lampang_planner.core.reports.shaping import shape
from lampang_planner.core.reports.typeset import ThaiParagraph, thai_paragraph, thai_styles
from lampang_planner.core.thai.segment import broken_words, words

SEED = Path("/work/shared/seed/lp-pao-press-release-2559-08-25.txt")
FALLBACK = (
    "วันที่ ๒๕ สิงหาคม ๒๕๕๙ อบจ.ลำปาง ได้จัดโครงการประชุมเชิงปฏิบัติการด้านการจัดทำแผนพัฒนาให้กับประชาชน"
    "ผู้เป็นสมาชิกสภาเครือข่ายพลเมืองจังหวัดลำปางและสภาองค์กรชุมชนตำบล เพื่อส่งเสริม พัฒนา ให้ความรู้ด้านการจัดทำ"
    "แผนชุมชน แผนพัฒนา การนำแผนไปสู่การปฏิบัติ ตลอดจนการตรวจสอบการทำงานขององค์กรภาครัฐ ที่ น้ำ ผู้ ปี่ ญู ฐุ"
)
COLUMN = 7 * cm


def seed_paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else FALLBACK
    paragraphs = [p.strip() for p in text.splitlines() if len(p.strip()) > 80]
    return paragraphs or [FALLBACK]


def skeleton(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not c.isspace())


def build(story, width=COLUMN, height=150 * cm) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=(width + 2 * cm, height), leftMargin=cm, rightMargin=cm,
                            topMargin=cm, bottomMargin=cm)  # fmt: skip
    doc.build(story)
    return buffer.getvalue()


def extracted_pages(pdf: bytes) -> list[list[str]]:
    return [
        [line for line in page.extract_text().split("\n") if line.strip()] for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def words_wider_than(paragraph: str, width: float, style) -> set[str]:
    return {w for w in words(paragraph) if stringWidth(w, style.fontName, style.fontSize) > width}


def test_bundled_fonts_exist_and_register_once():
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert font_path(style).stat().st_size > 50_000
    assert (font_path().parent / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") >= 1
    register_reportlab_fonts()
    register_reportlab_fonts()  # idempotent
    assert set(REPORTLAB_NAMES.values()) <= set(getRegisteredFontNames())
    assert tt2ps("Sarabun", 1, 0) == "Sarabun-Bold" and tt2ps("Sarabun", 1, 1) == "Sarabun-BoldItalic"
    with pytest.raises(ValueError):
        font_path("Heavy")  # type: ignore[arg-type]


def test_styles_use_sarabun_with_the_look_of_th_sarabun_16():
    styles = thai_styles()
    assert styles["body"].fontName == "Sarabun" and styles["title"].fontName == "Sarabun-Bold"
    # TH Sarabun PSK 16 pt (official documents) sets a Thai sentence 1.53 times narrower per point than Sarabun:
    # the body is as wide as TH Sarabun 16 within 5 %
    assert 16 / 1.53 * 0.95 <= styles["body"].fontSize <= 16 / 1.53 * 1.05
    assert styles["heading"].keepWithNext and styles["title"].keepWithNext


def test_pdf_lines_end_between_words_and_are_not_rewrapped():
    style = thai_styles()["body"]
    paragraphs = seed_paragraphs()
    flowables = [thai_paragraph(p, style) for p in paragraphs]
    story = []
    for flowable in flowables:
        story += [flowable, PageBreak()]
    pages = extracted_pages(build(story[:-1]))
    assert len(pages) == len(paragraphs)
    for paragraph, flowable, lines in zip(paragraphs, flowables, pages, strict=True):
        # what the PDF shows is exactly the lines we made: reportlab did not wrap them again
        assert [skeleton(line) for line in lines] == [skeleton(line) for line in flowable.lines]
        assert all(stringWidth(line, style.fontName, style.fontSize) <= COLUMN for line in flowable.lines)
        broken = broken_words(lines, source=paragraph)
        allowed = words_wider_than(paragraph, COLUMN, style)
        assert all(any(skeleton(lines[i])[-2:] in skeleton(w) for w in allowed) for i in broken), [
            (lines[i], lines[i + 1]) for i in broken
        ]
    assert sum(len(lines) for lines in pages) > 3 * len(paragraphs)  # the column really was narrow


def test_first_line_indent_is_honoured():
    style = thai_styles()["body_indent"]
    paragraph = seed_paragraphs()[0]
    flowable = thai_paragraph(paragraph, style)
    build([flowable])
    first, second = flowable.lines[:2]
    measure = lambda s: stringWidth(s, style.fontName, style.fontSize)  # noqa: E731
    assert measure(first) <= COLUMN - style.firstLineIndent
    assert measure(first) < measure(second) + style.firstLineIndent


def test_text_layer_has_real_thai_not_private_use_glyphs():
    style = thai_styles()["body"]
    sample = "ที่ น้ำ ผู้ ปี่ ปั่น ญู ฐุ ฎุ ฟื้น"
    pdf = build([thai_paragraph(sample, style)])
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert not any("\ue000" <= c <= "\uf8ff" for c in text), ascii(text)
    assert text.strip() == sample  # as typed: ำ is U+0E33, no spaces inside words
    # shaping really happened: HarfBuzz's glyph variants (raised/narrow marks, ญ and ฐ without their tails) at
    # HarfBuzz's positions, read back from the content stream
    runs = text_runs(pdf)
    assert [r.text for r in runs] == [sample]
    assert check_against_harfbuzz(runs) == ([], sum(c in TONE_MARKS for c in sample))
    names = {shaping_font(style.fontName).glyph_to_string(g) for g in shape(sample, style.fontName).glyphs}
    assert {"uni0E48.small", "yoYingthai.less"} <= names


def test_long_paragraph_splits_across_pages_without_losing_text():
    style = thai_styles()["body"]
    paragraph = max(seed_paragraphs(), key=len)
    pdf = build([thai_paragraph(paragraph, style)], height=2 * cm + 3.2 * style.leading)  # room for 3 lines a page
    pages = extracted_pages(pdf)
    assert len(pages) > 2
    lines = [line for page in pages for line in page]
    assert skeleton("".join(lines)) == skeleton(paragraph)
    broken = broken_words(lines, source=paragraph)
    allowed = words_wider_than(paragraph, COLUMN, style)
    assert all(any(skeleton(lines[i])[-2:] in skeleton(w) for w in allowed) for i in broken)


def test_works_inside_table_cells():
    cell = thai_styles()["cell"]
    rows = [[thai_paragraph("ชื่อ", cell), thai_paragraph("ข้อเสนอ", cell)],
            [thai_paragraph("นายสมชาย ใจดี", cell), thai_paragraph(seed_paragraphs()[0], cell)]]  # fmt: skip
    pdf = build([Table(rows, colWidths=[3 * cm, 4 * cm])])
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "นายสมชาย" in text.replace(" ", "")
    assert rows[1][1].width == pytest.approx(4 * cm - 12)  # Table pads cells by 6 pt each side
    assert len(rows[1][1].lines) > 3


def test_plain_text_is_escaped_and_newlines_break_lines():
    style = thai_styles()["body"]
    flowable = ThaiParagraph("ก < ข & ค\nบรรทัดใหม่", style)
    pdf = build([flowable])
    lines = extracted_pages(pdf)[0]
    assert lines == ["ก < ข & ค", "บรรทัดใหม่"]
