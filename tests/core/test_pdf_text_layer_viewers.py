"""Copy and search in the browsers' PDF viewers, for real: pdf.js (Firefox's viewer, and many other browsers' and
apps') read by pdfjs-dist under node (tests/pdfjs/extract_text.mjs, installed by scripts/setup.sh) through its
``getTextContent`` API, the text its text layer (copy) and its find bar (search) are built from; and PDFium (the
engine of Chrome's and Edge's viewer) through pypdfium2's text page. (poppler's pdftotext and pypdf are in
test_pdf_text_layer.py.)

Every name comes back exactly as typed (NFC, ำ as U+0E33, no stray or invisible characters), in every style of the
bundled font and in every PDF the program makes (``test_pdf_text_layer.PDFS``; a new PDF output added there is
checked here too). Before the fix pdf.js gave ``ที่ท\\x04ำการ``: the ํ glyph HarfBuzz splits off ำ had no text of
its own, and pdf.js shows the glyph's code instead.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import test_pdf_text_layer as every_pdf
from reportlab.pdfgen.canvas import Canvas

from lampang_planner.core.fonts import REPORTLAB_NAMES
from lampang_planner.core.reports.shaping import draw_thai

HARNESS = Path(__file__).resolve().parents[1] / "pdfjs"
# names and words of the issue (ำ split into ํ + า by HarfBuzz in ทำ ลำ กำ; tone marks over upper vowels; ์)
WORDS = [
    "ปั้น",
    "ฝั่งน้ำ",
    "ที่ทำการ",
    "ลำปาง",
    "นายปั้น ฝั่งน้ำ",
    "นางสาวปิ่นฟ้า ผู้ใหญ่",
    "สมศักดิ์ ฤทธิ์เดช",
    "ท้องถิ่น",
    "สุทธภักดิ์",
    "กำนันตำบลบ้านค่า",
    "น้ำตกแจ้ซ้อน",
    "ผู้ใหญ่บ้าน ทำการ",
    "พิมพ์เมื่อ",
    "สิ่งแวดล้อม",
]


def pdfjs_pages(pdfs: list[Path]) -> list[list[str]]:
    """pdf.js's text of each page of each file, as its find bar reads it: the items' strings joined, a line end
    after each item that ends a line. One list of pages per file."""
    node = shutil.which("node")
    if node is None or not (HARNESS / "node_modules" / "pdfjs-dist").is_dir():
        pytest.fail("pdf.js is not installed: run scripts/setup.sh with LAMPANG_SETUP_FOR_TESTS=1 (node, npm ci)")
    out = subprocess.run(
        [node, str(HARNESS / "extract_text.mjs"), *map(str, pdfs)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout
    files = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert [f["file"] for f in files] == [str(p) for p in pdfs]
    return [["".join(i["str"] + ("\n" if i["hasEOL"] else "") for i in page) for page in f["pages"]] for f in files]


def pdfium_pages(pdfs: list[Path]) -> list[list[str]]:
    """PDFium's text of each page of each file (what Chrome copies and searches), lines ending in "\\n"."""
    import pypdfium2

    out = []
    for path in pdfs:
        doc = pypdfium2.PdfDocument(str(path))
        try:
            out.append([page.get_textpage().get_text_range().replace("\r\n", "\n") for page in doc])
        finally:
            doc.close()
    return out


READERS = {"pdf.js": pdfjs_pages, "PDFium": pdfium_pages}


def _invisible(text: str) -> list[str]:
    return sorted({c for c in text if unicodedata.category(c) in ("Cc", "Cf") and c not in "\n"})


@pytest.mark.parametrize("reader", sorted(READERS))
def test_viewer_reads_every_word_as_typed_in_every_style(reader, tmp_path):
    path = tmp_path / "words.pdf"
    canvas = Canvas(str(path))
    styles = sorted(set(REPORTLAB_NAMES.values()))
    for font in styles:  # a page per style, a word per line
        for k, word in enumerate(WORDS):
            draw_thai(canvas, 40, 800 - 24 * k, word, font, 14)
        canvas.showPage()
    canvas.save()
    pages = READERS[reader]([path])[0]
    assert len(pages) == len(styles)
    for font, page in zip(styles, pages, strict=True):
        assert [line for line in page.split("\n") if line.strip()] == WORDS, font
        assert _invisible(page) == [], font
        assert "\u0e4d\u0e32" not in page, font  # ำ is never read as ํ + า
        for word in WORDS:  # what a clerk types into the find bar is found
            assert word in page, (font, word)


@pytest.mark.parametrize("kind", sorted(every_pdf.PDFS))
def test_viewers_find_every_name_in_every_pdf(kind, demo_store, tmp_path):
    pdf, names = every_pdf.make_pdf(kind, demo_store)
    assert names, f"the demo's {kind} has no names to look for"
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(pdf)
    if kind in every_pdf.WRAPPED_TEXTS:  # long texts wrap between words: compare without the spaces a wrap leaves
        names = [n.replace(" ", "") for n in names]
    for reader, read in sorted(READERS.items()):
        text = "\n".join(read([path])[0])
        assert _invisible(text) == [], reader
        assert "\u0e4d\u0e32" not in text, reader
        flat = " ".join(text.split())  # a name wrapped in its cell reads with a line end, found with a space
        if kind in every_pdf.WRAPPED_TEXTS:
            flat = flat.replace(" ", "")
        missing = [n for n in names if unicodedata.normalize("NFC", n) not in flat]
        assert missing == [], (reader, missing[:5])
