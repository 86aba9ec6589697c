"""Where the glyphs of a PDF really are: a small interpreter of PDF text operators (independent of the code that
wrote the PDF), and the check that every drawn Thai line has HarfBuzz's glyphs at HarfBuzz's positions.

The interpreter follows the PDF rules (ISO 32000-1, 9.4: Tm, Td, TD, T*, TL, Tc, Tw, Tz, Ts, Tf, Tj, TJ, ', ";
q, Q, cm; form XObjects) for simple TrueType fonts (one byte a code, /Widths) and Type0 fonts (two bytes a code,
/W, /CIDToGIDMap); a glyph's text is what the font's /ToUnicode map gives for its code.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ContentStream, IndirectObject

from lampang_planner.core.fonts import REPORTLAB_NAMES
from lampang_planner.core.reports.shaping import shape

TONE_MARKS = frozenset("\u0e48\u0e49\u0e4a\u0e4b\u0e4c")  # ่ ้ ๊ ๋ ์


@dataclass
class Glyph:
    text: str
    x: float
    y: float
    gid: int | None


@dataclass
class Run:
    """Glyphs drawn from one text position (BT, Tm, Td, T* … start a new run; Ts does not)."""

    font: str  # base font name without the subset tag, e.g. "Sarabun-Bold"
    size: float  # in user space
    page: int
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _raw(item) -> bytes:
    """The bytes of a PDF string operand as written (pypdf may have decoded it to text)."""
    if hasattr(item, "original_bytes"):
        return item.original_bytes
    return bytes(item) if isinstance(item, bytes) else str(item).encode("latin-1")


def _hex_text(h: bytes) -> str:
    return bytes.fromhex(h.decode()).decode("utf-16-be") if h else ""


def _to_unicode(font) -> dict[int, str]:
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    data = _resolve(stream).get_data()
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(code, 16)] = _hex_text(text)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, start in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            base = _hex_text(start)
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = base[:-1] + chr(ord(base[-1]) + k)
    return out


class _Font:
    def __init__(self, font) -> None:
        font = _resolve(font)
        self.name = re.sub(r"^[A-Z]{6}\+", "", str(font.get("/BaseFont", "/?"))[1:])
        self.unicode = _to_unicode(font)
        self.two_byte = font.get("/Subtype") == "/Type0"
        self.widths: dict[int, float] = {}
        self.cid_to_gid: bytes | None = None
        if self.two_byte:
            cid = _resolve(font["/DescendantFonts"][0])
            self.default_width = float(cid.get("/DW", 1000))
            w = [_resolve(v) for v in cid.get("/W", [])]
            i = 0
            while i < len(w):
                if isinstance(w[i + 1], list):
                    for k, v in enumerate(w[i + 1]):
                        self.widths[int(w[i]) + k] = float(v)
                    i += 2
                else:
                    for c in range(int(w[i]), int(w[i + 1]) + 1):
                        self.widths[c] = float(w[i + 2])
                    i += 3
            mapping = _resolve(cid.get("/CIDToGIDMap"))
            self.cid_to_gid = mapping.get_data() if mapping is not None and not isinstance(mapping, str) else None
        else:
            self.default_width = 0.0
            first = int(font.get("/FirstChar", 0))
            for k, v in enumerate(font.get("/Widths", [])):
                self.widths[first + k] = float(_resolve(v))

    def codes(self, data: bytes) -> list[int]:
        if self.two_byte:
            return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data) - 1, 2)]
        return list(data)

    def gid(self, code: int) -> int | None:
        if not self.two_byte:
            return None
        if self.cid_to_gid is None:
            return code
        return int.from_bytes(self.cid_to_gid[2 * code : 2 * code + 2], "big")


def _mul(a: list[float], b: list[float]) -> list[float]:
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


class _Interpreter:
    def __init__(self, page_number: int) -> None:
        self.page = page_number
        self.runs: list[Run] = []

    def run(self, content, resources, ctm: list[float]) -> None:
        fonts = {k: v for k, v in (_resolve(resources.get("/Font")) or {}).items()}
        xobjects = _resolve(resources.get("/XObject")) or {}
        cache: dict[str, _Font] = {}
        stack: list[list[float]] = []
        tm = tlm = [1.0, 0, 0, 1, 0, 0]
        font: _Font | None = None
        size = tc = tw = rise = leading = 0.0
        th = 1.0
        current: Run | None = None

        def new_run() -> None:
            nonlocal current
            current = None

        def show(data: bytes) -> None:
            nonlocal tm, current
            assert font is not None
            for code in font.codes(bytes(data)):
                m = _mul(tm, ctm)
                x, y = rise * m[2] + m[4], rise * m[3] + m[5]
                if current is None:
                    current = Run(font.name, size * (m[0] ** 2 + m[1] ** 2) ** 0.5 / th, self.page)
                    self.runs.append(current)
                current.glyphs.append(Glyph(font.unicode.get(code, ""), x, y, font.gid(code)))
                w = font.widths.get(code, font.default_width)
                tx = (w / 1000 * size + tc + (tw if not font.two_byte and code == 32 else 0)) * th
                tm = _mul([1, 0, 0, 1, tx, 0], tm)

        for operands, op in ContentStream(content, None).operations:
            o = op.decode("latin-1") if isinstance(op, bytes) else op
            if o == "q":
                stack.append(ctm)
            elif o == "Q":
                ctm = stack.pop()
            elif o == "cm":
                ctm = _mul([float(v) for v in operands], ctm)
            elif o == "BT":
                tm = tlm = [1.0, 0, 0, 1, 0, 0]
                new_run()
            elif o == "Tm":
                tm = tlm = [float(v) for v in operands]
                new_run()
            elif o in ("Td", "TD"):
                if o == "TD":
                    leading = -float(operands[1])
                tm = tlm = _mul([1, 0, 0, 1, float(operands[0]), float(operands[1])], tlm)
                new_run()
            elif o == "T*":
                tm = tlm = _mul([1, 0, 0, 1, 0, -leading], tlm)
                new_run()
            elif o == "TL":
                leading = float(operands[0])
            elif o == "Tc":
                tc = float(operands[0])
            elif o == "Tw":
                tw = float(operands[0])
            elif o == "Tz":
                th = float(operands[0]) / 100
            elif o == "Ts":
                rise = float(operands[0])
            elif o == "Tf":
                key = operands[0]
                if key not in cache:
                    cache[key] = _Font(fonts[key])
                font, size = cache[key], float(operands[1])
                new_run()
            elif o == "Tj":
                show(_raw(operands[0]))
            elif o in ("'", '"'):
                if o == '"':
                    tw, tc = float(operands[0]), float(operands[1])
                tm = tlm = _mul([1, 0, 0, 1, 0, -leading], tlm)
                new_run()
                show(_raw(operands[-1]))
            elif o == "TJ":
                for item in operands[0]:
                    if isinstance(item, bytes | str):
                        show(_raw(item))
                    else:
                        tm = _mul([1, 0, 0, 1, -float(item) / 1000 * size * th, 0], tm)
            elif o == "Do":
                x = _resolve(xobjects.get(operands[0]))
                if x is not None and x.get("/Subtype") == "/Form":
                    matrix = [float(v) for v in x.get("/Matrix", [1, 0, 0, 1, 0, 0])]
                    self.run(x, _resolve(x.get("/Resources")) or resources, _mul(matrix, ctm))


def text_runs(pdf: bytes) -> list[Run]:
    """Every run of glyphs drawn on every page, in drawing order."""
    reader = PdfReader(io.BytesIO(pdf))
    runs: list[Run] = []
    for n, page in enumerate(reader.pages, start=1):
        interpreter = _Interpreter(n)
        interpreter.run(page.get_contents(), _resolve(page["/Resources"]), [1.0, 0, 0, 1, 0, 0])
        runs += [r for r in interpreter.runs if r.glyphs]
    return runs


_FONT_NAMES = {f"Sarabun-{style}": name for style, name in REPORTLAB_NAMES.items()}


@dataclass
class Mismatch:
    page: int
    text: str
    reason: str


def check_against_harfbuzz(runs: list[Run], tolerance: float = 0.02) -> tuple[list[Mismatch], int]:
    """Compare every run holding a tone mark with HarfBuzz's shaping of the run's own text: the same glyphs, each
    within ``tolerance`` points of where HarfBuzz puts it. Returns the mismatches and the number of tone-marked
    clusters checked."""
    problems: list[Mismatch] = []
    checked = 0
    for run in runs:
        text = run.text
        if not TONE_MARKS & set(text):
            continue
        font = _FONT_NAMES.get(run.font)
        if font is None:
            problems.append(Mismatch(run.page, text, f"drawn in an unknown font {run.font}"))
            continue
        shaped = shape(text, font)
        if len(shaped.glyphs) != len(run.glyphs):
            problems.append(Mismatch(run.page, text, f"{len(run.glyphs)} glyphs drawn, HarfBuzz has "
                                                     f"{len(shaped.glyphs)}"))
            continue
        x0 = run.glyphs[0].x - shaped.x_offsets[0] * run.size / 1000
        y0 = run.glyphs[0].y - shaped.y_offsets[0] * run.size / 1000
        pen = 0
        worst: tuple[float, str] = (0.0, "")
        for k, glyph in enumerate(run.glyphs):
            want_x = x0 + (pen + shaped.x_offsets[k]) * run.size / 1000
            want_y = y0 + shaped.y_offsets[k] * run.size / 1000
            pen += shaped.advances[k]
            if glyph.gid is not None and glyph.gid != shaped.glyphs[k]:
                worst = (float("inf"), f"glyph {k} is {glyph.gid}, HarfBuzz has {shaped.glyphs[k]}")
                break
            off = max(abs(glyph.x - want_x), abs(glyph.y - want_y))
            if off > worst[0]:
                worst = (off, f"glyph {k} ({glyph.text or shaped.texts[k]!r}) at ({glyph.x:.2f}, {glyph.y:.2f}), "
                              f"HarfBuzz puts it at ({want_x:.2f}, {want_y:.2f})")
        if worst[0] > tolerance:
            problems.append(Mismatch(run.page, text, worst[1]))
        else:
            checked += sum(1 for t in shaped.texts if TONE_MARKS & set(t))
    return problems, checked
