"""QR name badges: A4 sheets of 2 × 4 badges (90 × 65 mm) with cut marks, and a single badge for a walk-in.

Each badge carries the workshop title and its Buddhist-era date, the person's name the Thai way (prefix + first +
last, in the largest size that fits, broken only between words), organisation, participant type, tambon and
district, and the QR code of ``LPP1:<code>`` (``core.qr``, sharp square modules), with the code printed under it
for typing by hand. Every text is drawn by ``core.reports.shaping.draw_thai`` (HarfBuzz glyphs and mark positions,
a text layer that copies and searches as typed) and wrapped only between words.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.fonts import REPORTLAB_NAMES, register_reportlab_fonts
from lampang_planner.core.ops.people import LIST_COLUMNS, PersonRow, get_person, list_people
from lampang_planner.core.ops.workshops import get_workshop
from lampang_planner.core.qr import qr_image
from lampang_planner.core.read.lookups import unknown_workshop
from lampang_planner.core.refdata import divisions
from lampang_planner.core.reports.safe_write import check_output_path, write_atomically
from lampang_planner.core.reports.shaping import draw_thai, text_width
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.core.thai.dates import format_date_range_th
from lampang_planner.core.thai.names import full_name
from lampang_planner.core.thai.segment import clusters, words, wrap_to_width
from lampang_planner.core.vocabulary import ParticipantType, th_label

BADGE_W, BADGE_H = 90 * mm, 65 * mm
COLUMNS, ROWS = 2, 4
PER_PAGE = COLUMNS * ROWS
PAD = 4 * mm
QR_SIZE = 29 * mm  # with a quiet zone of 2 modules inside it
QR_BORDER = 2  # modules
GREY = Color(0.55, 0.55, 0.55)
LIGHT = Color(0.8, 0.8, 0.8)
LINE_FACTOR = 1.28  # leading: Sarabun's ascent + descent is 1.30 em; marks stay inside it
NAME_SHRINK = 0.75  # a name shrinks to 3/4 of its size to stay on one line before it takes two
BASELINE = 1.05  # the first baseline this many font sizes below a box's top: stacked marks (ปั้ น้ำ) stay in the box


@dataclass(frozen=True, slots=True)
class Badge:
    """What one badge shows."""

    person_id: str
    code: str
    name: str
    organisation: str
    participant_type: str  # Thai label
    place: str  # "ต.ศาลา อ.เกาะคา"
    workshop_title: str
    workshop_date: str  # Buddhist era


def _place(district_code: str, subdistrict_code: str) -> str:
    dv = divisions()
    parts = []
    if subdistrict_code in dv.subdistricts:
        parts.append("ต." + dv.subdistricts[subdistrict_code].name_th)
        district_code = district_code or dv.subdistricts[subdistrict_code].parent
    if district_code in dv.districts:
        parts.append("อ." + dv.districts[district_code].name_th)
    return " ".join(parts)


def workshop_heading(workshop: dict) -> tuple[str, str]:
    """(title, Buddhist-era date text) of a workshop row from ``get_workshop``."""
    start, end = workshop.get("start_date"), workshop.get("end_date")
    if isinstance(start, str):
        start = dt.date.fromisoformat(start)
    if isinstance(end, str):
        end = dt.date.fromisoformat(end)
    when = format_date_range_th(start, end or start, "long") if start else ""
    return workshop.get("title") or "", when


def require_workshop(store: Store, workshop_id: str) -> dict:
    """The live workshop row (``get_workshop``), or a Thai-first UserError."""
    w = get_workshop(store, workshop_id)
    if w is None or w["deleted"]:
        raise unknown_workshop(workshop_id)
    return w


def badges_for(store: Store, workshop_id: str, person_ids: Sequence[str] | None = None) -> list[Badge]:
    """Badges of the people invited to (or attending) a workshop, in Thai order of first then last name.

    ``person_ids`` limits them to those people (who must be live; they need not be invited, e.g. a walk-in being
    registered)."""
    workshop = require_workshop(store, workshop_id)
    title, when = workshop_heading(workshop)
    if person_ids is None:
        people = list_people(store, workshop_id)
    else:
        people = []
        for pid in dict.fromkeys(person_ids):
            row = get_person(store, pid)
            if row is None or row["deleted"] or row["merged_into"]:
                raise UserError("ไม่พบรายชื่อนี้", f"No person with id {pid}", code="unknown-person")
            people.append(PersonRow(*(row[c] if row[c] is not None else "" for c in LIST_COLUMNS)))
    people.sort(key=lambda p: (thai_sort_key(p.first_name), thai_sort_key(p.last_name), p.id))
    return [
        Badge(
            p.id,
            p.code,
            full_name(p.prefix, p.first_name, p.last_name),
            p.organisation,
            th_label(ParticipantType, p.participant_type),
            _place(p.district_code, p.subdistrict_code),
            title,
            when,
        )
        for p in people
    ]


# --- fitting text --------------------------------------------------------------------------------------------------


def space_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str] | None:
    """For names: lines filled greedily with whole space-separated parts, or None if one part alone is wider than the line."""
    lines: list[str] = []
    for part in text.split():
        if measure(part) > width:
            return None
        if lines and measure(f"{lines[-1]} {part}") <= width:
            lines[-1] = f"{lines[-1]} {part}"
        else:
            lines.append(part)
    return lines


def _shorten(line: str, width: float, measure: Callable[[str], float]) -> str:
    """``line`` cut at a word boundary (or, for a single long word, between character clusters) so that it fits
    with "…" after it."""
    while line and measure(line + "…") > width:
        parts = words(line.rstrip())
        if len(parts) > 1:
            line = "".join(parts[:-1])
        else:
            line = "".join(clusters(line)[:-1])
    return line.rstrip() + "…"


def fit_text(
    text: str,
    width: float,
    height: float,
    font: str,
    max_size: float,
    min_size: float,
    *,
    max_lines: int | None = None,
    prefer_spaces: bool = False,
    step: float = 0.5,
) -> tuple[float, list[str]]:
    """The largest font size (from ``max_size`` down to ``min_size``) at which ``text``, broken only between words,
    fits ``width`` × ``height``, and its lines. At ``min_size`` what does not fit is cut at a word with "…".

    With ``prefer_spaces`` (names) the whole name stays on one line while that takes at most a shrink to
    NAME_SHRINK of ``max_size``; then lines break only at spaces — never inside a first name or a surname — at any
    size where that fits; only if it fits at no size are Thai word boundaries inside the parts used."""
    if not text:
        return max_size, []

    def fits(lines: list[str] | None, size: float) -> bool:
        return (
            lines is not None
            and (max_lines is None or len(lines) <= max_lines)
            and len(lines) * size * LINE_FACTOR <= height + 0.01
        )

    one_line = max(min_size, max_size * NAME_SHRINK)
    wrappers: list[tuple[Callable, float]] = []
    if prefer_spaces:
        wrappers += [(lambda m: [text] if m(text) <= width else None, one_line),
                     (lambda m: space_lines(text, width, m), min_size)]
    wrappers.append((lambda m: wrap_to_width(text, width, m), min_size))
    for wrap, smallest in wrappers:
        size = max_size
        while size >= smallest - 1e-9:
            lines = wrap(lambda s, z=size: text_width(s, font, z))
            if fits(lines, size):
                return size, lines
            size -= step
    size = min_size

    def measure(s: str) -> float:
        return text_width(s, font, size)

    lines = wrap_to_width(text, width, measure)
    room = max(1, int((height + 0.01) // (size * LINE_FACTOR)))
    if max_lines is not None:
        room = min(room, max_lines)
    if len(lines) > room:
        lines = [*lines[: room - 1], _shorten(lines[room - 1], width, measure)]
    return size, lines


def _style(name: str, font: str, size: float, align: int = TA_LEFT) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * LINE_FACTOR, alignment=align, shaping=1, splitLongWords=0
    )


def _draw_lines(
    canvas: Canvas, lines: list[str], x: float, top: float, width: float, font: str, size: float, align: int = TA_LEFT
) -> float:
    """Draw ready-made lines (already wrapped at word boundaries by :func:`fit_text`) with their top at ``top``;
    returns the height used. Each line is one text run drawn by :func:`~.typeset.draw_thai` (HarfBuzz glyphs and
    positions, a text layer that reads back): the first baseline BASELINE font sizes below the top (room for
    stacked marks), then one leading per line."""
    if not lines:
        return 0.0
    leading = size * LINE_FACTOR
    for i, line in enumerate(lines):
        y = top - size * BASELINE - i * leading
        if align == TA_CENTER:
            draw_thai(canvas, x + width / 2, y, line, font, size, align="center")
        elif align == TA_RIGHT:
            draw_thai(canvas, x + width, y, line, font, size, align="right")
        else:
            draw_thai(canvas, x, y, line, font, size)
    return len(lines) * leading


# --- drawing -------------------------------------------------------------------------------------------------------


def draw_qr(canvas: Canvas, code: str, x: float, y: float, size: float) -> None:
    """The QR code of ``code`` in a ``size`` square (quiet zone included) at (x, y) bottom-left.

    Drawn as a one-pixel-per-module black-and-white image scaled up: PDF images are not smoothed unless they ask to
    be (/Interpolate is off), so every module prints as a sharp square at any resolution, and the file stays small
    and quick to write (600 badges are 600 tiny images rather than hundreds of thousands of vector squares)."""
    image = qr_image(code, box_size=1, border=QR_BORDER).convert("1")
    canvas.drawImage(ImageReader(image), x, y, size, size)


def draw_badge(canvas: Canvas, badge: Badge, x: float, y: float) -> None:
    """One badge with its bottom-left corner at (x, y).

    From the top: the workshop title (up to two lines) and date, a rule, the name (one or two lines, as large as
    fits), then organisation, participant type and place on the left and the QR with its code on the right."""
    register_reportlab_fonts()
    regular, bold = REPORTLAB_NAMES["Regular"], REPORTLAB_NAMES["Bold"]
    inner_w = BADGE_W - 2 * PAD
    left, top = x + PAD, y + BADGE_H - 3.5 * mm

    title_h = 2 * 9 * LINE_FACTOR
    size, lines = fit_text(badge.workshop_title, inner_w, title_h, bold, 9, 7, max_lines=2)
    used = _draw_lines(canvas, lines, left, top, inner_w, bold, size, TA_CENTER)
    _draw_lines(canvas, [badge.workshop_date], left, top - max(used, title_h / 2), inner_w, regular, 8, TA_CENTER)
    rule_y = top - title_h - 8 * LINE_FACTOR - 0.8 * mm
    canvas.saveState()
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.6)
    canvas.line(left, rule_y, left + inner_w, rule_y)
    canvas.restoreState()

    name_top, name_h = rule_y - 0.8 * mm, 12 * mm
    size, lines = fit_text(badge.name, inner_w, name_h, bold, 22, 10, max_lines=2, prefer_spaces=True)
    h = len(lines) * size * LINE_FACTOR
    _draw_lines(canvas, lines, left, name_top - (name_h - h) / 2, inner_w, bold, size, TA_CENTER)
    name_bottom = name_top - name_h

    # The QR's own quiet zone (2 modules) may reach into the padding and the name box's bottom edge.
    qr_x = x + BADGE_W - PAD - QR_SIZE + 1.2 * mm
    qr_y = name_bottom + 0.5 * mm - QR_SIZE
    draw_qr(canvas, badge.code, qr_x, qr_y, QR_SIZE)
    _draw_lines(canvas, [badge.code], qr_x, qr_y + 1.8 * mm, QR_SIZE, bold, 10, TA_CENTER)

    details_top = name_bottom - 1 * mm
    details_w = qr_x - left - 1 * mm
    org_size, org_lines = fit_text(badge.organisation, details_w, 3 * 11 * LINE_FACTOR, regular, 11, 8, max_lines=3)
    used = _draw_lines(canvas, org_lines, left, details_top, details_w, regular, org_size)
    used += 0.8 * mm if org_lines else 0
    for text, font in ((badge.participant_type, bold), (badge.place, regular)):
        if text:
            size, lines = fit_text(text, details_w, 9 * LINE_FACTOR, font, 9, 7, max_lines=1)
            used += _draw_lines(canvas, lines, left, details_top - used, details_w, font, size)


def _cut_marks(canvas: Canvas, x0: float, y0: float, columns: int, rows: int) -> None:
    """Crop marks in the margins along every cut line, small crosses where cut lines meet inside the sheet, and a
    faint dashed outline of each badge (for scissors)."""
    xs = [x0 + i * BADGE_W for i in range(columns + 1)]
    ys = [y0 + j * BADGE_H for j in range(rows + 1)]
    gap, mark, arm = 2 * mm, 8 * mm, 2.5 * mm
    canvas.saveState()
    canvas.setLineWidth(0.3)
    canvas.setStrokeColor(LIGHT)
    canvas.setDash(1.5, 2)
    for i in range(columns):
        for j in range(rows):
            canvas.rect(xs[i], ys[j], BADGE_W, BADGE_H, stroke=1, fill=0)
    canvas.setDash()
    canvas.setStrokeColor(black)
    for x in xs:
        canvas.line(x, ys[-1] + gap, x, ys[-1] + gap + mark)
        canvas.line(x, ys[0] - gap, x, ys[0] - gap - mark)
    for y in ys:
        canvas.line(xs[0] - gap, y, xs[0] - gap - mark, y)
        canvas.line(xs[-1] + gap, y, xs[-1] + gap + mark, y)
    for x in xs[1:-1]:
        for y in ys[1:-1]:
            canvas.line(x, y - arm, x, y + arm)
            canvas.line(x - arm, y, x + arm, y)
    canvas.restoreState()


def _new_canvas(buffer: io.BytesIO, title: str) -> Canvas:
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("องค์การบริหารส่วนจังหวัดลำปาง")
    canvas.setCreator("Lampang Planner")
    return canvas


def render_badges(
    badges: Sequence[Badge],
    *,
    title: str = "บัตรประจำตัวผู้เข้าร่วม",
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """A4 sheets of ``badges`` (2 × 4 per page, filled row by row from the top left) as PDF bytes."""
    register_reportlab_fonts()
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, title)
    page_w, page_h = A4
    x0 = (page_w - COLUMNS * BADGE_W) / 2
    y0 = (page_h - ROWS * BADGE_H) / 2
    for start in range(0, max(len(badges), 1), PER_PAGE):
        chunk = badges[start : start + PER_PAGE]
        _cut_marks(canvas, x0, y0, COLUMNS, ROWS)
        for k, badge in enumerate(chunk):
            row, col = divmod(k, COLUMNS)
            draw_badge(canvas, badge, x0 + col * BADGE_W, y0 + (ROWS - 1 - row) * BADGE_H)
        canvas.showPage()
        if progress is not None:
            progress(min(start + PER_PAGE, len(badges)), len(badges))
    canvas.save()
    return buffer.getvalue()


def badges_pdf(store: Store, workshop_id: str, person_ids: Sequence[str] | None = None, *, progress=None) -> bytes:
    """The badge sheets of a workshop's people (or of ``person_ids``) as PDF bytes. Refuses an empty list."""
    badges = badges_for(store, workshop_id, person_ids)
    if not badges:
        raise UserError("ยังไม่มีรายชื่อผู้ได้รับเชิญในการประชุมนี้", "No one is invited to this workshop yet", code="empty")
    return render_badges(badges, title=f"บัตรผู้เข้าร่วม — {badges[0].workshop_title}", progress=progress)


def badge_pdf(store: Store, workshop_id: str, person_id: str) -> bytes:
    """ONE person's badge (e.g. a walk-in just registered), top left on an A4 page with its cut marks."""
    return badges_pdf(store, workshop_id, [person_id])


def write_badges(store: Store, workshop_id: str, out: Path | str, *, progress=None) -> tuple[Path, int]:
    """``badges --workshop ID --out F.pdf``: write the sheets atomically; returns (path, number of badges)."""
    target = check_output_path(out)
    badges = badges_for(store, workshop_id)
    if not badges:
        raise UserError("ยังไม่มีรายชื่อผู้ได้รับเชิญในการประชุมนี้", "No one is invited to this workshop yet", code="empty")
    data = render_badges(badges, title=f"บัตรผู้เข้าร่วม — {badges[0].workshop_title}", progress=progress)
    return write_atomically(target, data), len(badges)
