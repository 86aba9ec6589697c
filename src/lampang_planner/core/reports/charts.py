"""Charts where people would rather look than read: attendance by district and needs by category.

The numbers (:class:`ChartData`) are computed here once, for the PDF summary and for the window's chart widget
(``ui/widgets/chart.py`` draws the same data with QPainter). :func:`bar_chart` draws them as a reportlab
:class:`~reportlab.graphics.shapes.Drawing` of horizontal bars whose Thai labels are shaped (reportlab's graphics
renderer does not shape text, so :class:`ThaiDrawing` renders its strings through the canvas with shaping on) and
wrapped only between words.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.renderbase import renderScaledDrawing
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from lampang_planner.core.db import Store
from lampang_planner.core.fonts import REPORTLAB_NAMES, register_reportlab_fonts
from lampang_planner.core.ops.checkin import live_counts
from lampang_planner.core.ops.needs import needs_summary
from lampang_planner.core.ops.workshops import list_workshops
from lampang_planner.core.refdata import divisions
from lampang_planner.core.reports.shaping import draw_thai, text_width
from lampang_planner.core.thai.segment import wrap_to_width

# Colours shared with the window's chart widget: invited (light), attended / counted (dark), grid, text.
SERIES_COLOURS = ("#B9CDE6", "#1F5FA8")
GRID_COLOUR = "#D5D9E0"
TEXT_COLOUR = "#1A1A1A"
MUTED_COLOUR = "#5A6270"


@dataclass(frozen=True, slots=True)
class ChartItem:
    key: str
    label_th: str
    label_en: str
    values: tuple[int, ...]

    def label(self, lang: str = "th") -> str:
        return self.label_en if lang == "en" else self.label_th


@dataclass(frozen=True)
class ChartData:
    """Bars of one or two series. With two series (invited, attended) the second is drawn inside the first."""

    title_th: str
    title_en: str
    series_th: tuple[str, ...]
    series_en: tuple[str, ...]
    items: tuple[ChartItem, ...]
    unit_th: str = ""  # what the numbers count: "คน", "เรื่อง"
    unit_en: str = ""

    def title(self, lang: str = "th") -> str:
        return self.title_en if lang == "en" else self.title_th

    def unit(self, lang: str = "th") -> str:
        return self.unit_en if lang == "en" else self.unit_th

    def series(self, lang: str = "th") -> tuple[str, ...]:
        return self.series_en if lang == "en" else self.series_th

    @property
    def max_value(self) -> int:
        return max((max(i.values, default=0) for i in self.items), default=0)

    def total(self, series: int = 0) -> int:
        return sum(i.values[series] for i in self.items)

    def as_json(self) -> dict:
        return {"title": self.title_th, "unit": self.unit_th, "series": list(self.series_th),
                "items": [{"key": i.key, "label": i.label_th, "values": list(i.values)} for i in self.items]}


def attendance_by_district(store: Store, workshop_id: str | None = None) -> ChartData:
    """Invited and attended per district (where participants live), for one workshop or summed over all — the same
    counts as the check-in screen (``checkin.live_counts``). Districts with nobody invited or attending are left out
    for one workshop, kept (at zero) for the whole province."""
    dv = divisions()
    sums: dict[str, list[int]] = {}
    labels: dict[str, tuple[str, str]] = {}
    ids = [workshop_id] if workshop_id else [w.id for w in list_workshops(store)]
    for wid in ids:
        for row in live_counts(store, wid).by_district:
            acc = sums.setdefault(row.key, [0, 0])
            acc[0] += row.invited
            acc[1] += row.checked_in
            labels[row.key] = (row.label_th, row.label_en)
    if not workshop_id:
        for code, d in dv.districts.items():
            sums.setdefault(code, [0, 0])
            labels.setdefault(code, (d.name_th, d.name_en))
    keys = sorted((k for k, v in sums.items() if any(v)) if workshop_id else sums, key=lambda k: (k == "", k))
    items = tuple(ChartItem(k, *labels[k], (sums[k][0], sums[k][1])) for k in keys)
    return ChartData("ผู้เข้าร่วมจำแนกตามอำเภอ", "Participants by district", ("ได้รับเชิญ", "เข้าร่วม"),
                     ("Invited", "Attended"), items, "คน", "people")


def needs_by_category(store: Store, workshop_id: str | None = None) -> ChartData:
    """Needs raised per category (categories with none are left out), in the category list's order."""
    summary = needs_summary(store, "category", workshop_id=workshop_id)
    items = tuple(ChartItem(g.key, g.label_th, g.label_en, (g.count,)) for g in summary.groups if g.count)
    return ChartData("ความต้องการจำแนกตามหมวด", "Needs by category", ("ความต้องการ",), ("Needs",), items, "เรื่อง",
                     "needs")


def nice_ticks(maximum: float, target: int = 5) -> list[float]:
    """Round axis ticks from 0 to at least ``maximum`` (steps of 1, 2 or 5 × 10ⁿ)."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(step, 1)
    top = math.ceil(maximum / step) * step
    return [i * step for i in range(round(top / step) + 1)]


# --- drawing -----------------------------------------------------------------------------------------------------


class _ShapedPDFRenderer(renderPDF._PDFRenderer):
    """renderPDF's renderer, but strings are drawn by the one Thai text drawer (``typeset.draw_thai``: HarfBuzz glyphs
    and mark positions, a text layer that reads back)."""

    def drawString(self, stringObj: String) -> None:  # reportlab API name
        if not self._fill:
            return
        state = self._tracker.getState()
        align = {"end": "right", "middle": "center"}.get(state["textAnchor"], "left")
        draw_thai(self._canvas, stringObj.x, stringObj.y, stringObj.text, state["fontName"], state["fontSize"],
                  align=align)


class ThaiDrawing(Drawing):
    """A Drawing whose strings are shaped when placed in a PDF story."""

    def draw(self, showBoundary: object = None) -> None:
        _ShapedPDFRenderer().draw(renderScaledDrawing(self), self.canv, 0, 0, showBoundary=bool(showBoundary))


def bar_chart(data: ChartData, width: float, *, lang: str = "th", fmt: Callable[[str], str] = str,
              font_size: float = 10.5) -> ThaiDrawing:
    """A horizontal bar chart of ``data`` ``width`` points wide (the height follows from the number of bars).

    ``fmt`` rewrites every printed string (e.g. into Thai digits). Labels longer than the label column wrap between
    words onto at most two lines. The unit of the numbers (``data.unit``) follows the title and names the axis.
    Callers leave out charts of fewer than two bars (a table says that better).
    """
    register_reportlab_fonts()
    regular, bold = REPORTLAB_NAMES["Regular"], REPORTLAB_NAMES["Bold"]
    measure = lambda s: text_width(s, regular, font_size)  # noqa: E731
    line = font_size * 1.25
    two = len(data.series_th) > 1
    label_col, wrapped, row_h = _label_layout([fmt(i.label(lang)) for i in data.items], width, font_size, measure)
    title_h = font_size * 2.2
    legend_h = font_size * 1.8 if two else 0.0
    axis_h = font_size * 3.0  # tick labels, then the axis caption with the unit
    plot_h = row_h * max(len(data.items), 1)
    height = title_h + legend_h + plot_h + axis_h
    d = ThaiDrawing(width, height)
    text = colors.HexColor(TEXT_COLOUR)
    muted = colors.HexColor(MUTED_COLOUR)
    unit = data.unit(lang)
    title = data.title(lang) + (f" ({'หน่วย: ' if lang != 'en' else 'unit: '}{unit})" if unit else "")
    d.add(String(0, height - font_size * 1.3, fmt(title), fontName=bold, fontSize=font_size + 1.5, fillColor=text))
    if two:
        _legend(d, data.series(lang), height - title_h - font_size * 0.9, font_size, fmt, measure)
    value_col = measure(fmt(f"{data.max_value:,} / {data.max_value:,}" if two else f"{data.max_value:,}")) + 8
    plot_x = label_col + 4
    plot_w = max(width - plot_x - value_col, 20)
    ticks = nice_ticks(data.max_value)
    scale = plot_w / ticks[-1]
    top = height - title_h - legend_h
    bottom = top - plot_h
    _grid_and_axis(d, ticks, plot_x, plot_w, scale, bottom, top, font_size, fmt, unit, lang)
    if not data.items:
        d.add(String(plot_x + plot_w / 2, bottom + plot_h / 2 - font_size / 3, fmt("ไม่มีข้อมูล" if lang == "th"
                     else "No data"), fontName=regular, fontSize=font_size, fillColor=muted, textAnchor="middle"))
    dark, light = colors.HexColor(SERIES_COLOURS[1]), colors.HexColor(SERIES_COLOURS[0])
    for k, (item, lines) in enumerate(zip(data.items, wrapped, strict=True)):
        row_top = top - k * row_h
        mid = row_top - row_h / 2
        first = mid + (len(lines) - 1) * line / 2 - font_size / 3
        for j, s in enumerate(lines):
            d.add(String(label_col, first - j * line, s, fontName=regular, fontSize=font_size, fillColor=text,
                         textAnchor="end"))
        bar_h = row_h * 0.62
        if two:
            invited, attended = item.values
            d.add(Rect(plot_x, mid - bar_h / 2, invited * scale, bar_h, fillColor=light, strokeColor=None))
            d.add(Rect(plot_x, mid - bar_h * 0.3, attended * scale, bar_h * 0.6, fillColor=dark, strokeColor=None))
            label, end = f"{attended:,} / {invited:,}", max(invited, attended)
        else:
            (value,) = item.values
            d.add(Rect(plot_x, mid - bar_h / 2, value * scale, bar_h, fillColor=dark, strokeColor=None))
            label, end = f"{value:,}", value
        d.add(String(plot_x + end * scale + 4, mid - font_size / 3, fmt(label), fontName=regular,
                     fontSize=font_size - 0.5, fillColor=text))
    d.add(Line(plot_x, bottom, plot_x, top, strokeColor=muted, strokeWidth=0.8))
    return d


def _legend(d: ThaiDrawing, names: Sequence[str], y: float, font_size: float, fmt, measure) -> None:
    """A swatch and the name of each series, in a row."""
    regular, text = REPORTLAB_NAMES["Regular"], colors.HexColor(TEXT_COLOUR)
    x = 0.0
    for name, colour in zip(names, SERIES_COLOURS, strict=False):
        d.add(Rect(x, y - 1, font_size * 0.9, font_size * 0.9, fillColor=colors.HexColor(colour), strokeColor=None))
        d.add(String(x + font_size * 1.3, y, fmt(name), fontName=regular, fontSize=font_size, fillColor=text))
        x += font_size * 1.3 + measure(fmt(name)) + font_size * 1.5


def _grid_and_axis(d: ThaiDrawing, ticks, plot_x: float, plot_w: float, scale: float, bottom: float, top: float,
                   font_size: float, fmt, unit: str, lang: str) -> None:
    """The vertical grid lines with their tick labels, and the axis caption naming the unit."""
    regular, muted, grid = REPORTLAB_NAMES["Regular"], colors.HexColor(MUTED_COLOUR), colors.HexColor(GRID_COLOUR)
    for t in ticks:
        x = plot_x + t * scale
        d.add(Line(x, bottom, x, top, strokeColor=grid, strokeWidth=0.5))
        d.add(String(x, bottom - font_size * 1.2, fmt(f"{int(t):,}"), fontName=regular, fontSize=font_size - 1.5,
                     fillColor=muted, textAnchor="middle"))
    if unit:
        caption = f"จำนวน ({unit})" if lang != "en" else f"number of {unit}"
        d.add(String(plot_x + plot_w, bottom - font_size * 2.5, fmt(caption), fontName=regular,
                     fontSize=font_size - 1.5, fillColor=muted, textAnchor="end"))


def _label_layout(labels: list[str], width: float, font_size: float, measure) -> tuple[float, list[list[str]], float]:
    """The label column's width (at most a third of the chart), each label wrapped onto at most two lines, and the
    height of a row."""
    line = font_size * 1.25
    label_col = min(max((measure(s) for s in labels), default=0) + 6, width * 0.32)
    wrapped = [wrap_to_width(s, label_col - 6, measure)[:2] for s in labels]
    row_h = max(line * max((len(w) for w in wrapped), default=1) + 4, font_size * 1.9)
    return label_col, wrapped, row_h
