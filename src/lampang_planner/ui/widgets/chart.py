"""A small horizontal bar chart drawn with QPainter (QtCharts lives in the optional PySide6-Addons).

It draws a :class:`~lampang_planner.core.reports.charts.ChartData` — the same numbers the PDF summary charts — with
the same colours: one series as dark bars, or two (invited, attended) as a light bar with a dark bar inside it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from lampang_planner.core.reports.charts import (
    GRID_COLOUR,
    MUTED_COLOUR,
    SERIES_COLOURS,
    TEXT_COLOUR,
    ChartData,
    nice_ticks,
)
from lampang_planner.ui.i18n import current_language


class BarChart(QWidget):
    """Horizontal bars with labels on the left, values at the bar ends and a light grid."""

    ROW = 26  # pixels per bar at the default font size

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: ChartData | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(320)

    # --- data --------------------------------------------------------------------------------------------------------

    @property
    def data(self) -> ChartData | None:
        return self._data

    def set_data(self, data: ChartData | None) -> None:
        self._data = data
        self._describe()
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, tuple[int, ...]]]:
        """(label, values) of each bar as shown, in the current language."""
        if self._data is None:
            return []
        lang = current_language()
        return [(i.label(lang), i.values) for i in self._data.items]

    def _describe(self) -> None:
        """A text alternative for screen readers: the title and every bar's numbers."""
        if self._data is None:
            self.setAccessibleName("")
            self.setAccessibleDescription("")
            return
        lang = current_language()
        self.setAccessibleName(self._data.title(lang))
        names = self._data.series(lang)
        self.setAccessibleDescription("; ".join(
            f"{label}: " + ", ".join(f"{name} {v:,}" for name, v in zip(names, values, strict=False))
            for label, values in self.bars()))

    def refresh_labels(self) -> None:
        """The language changed: redraw with the other labels."""
        self._describe()
        self.update()

    # --- geometry ----------------------------------------------------------------------------------------------------

    def _row_height(self) -> float:
        return max(self.ROW, QFontMetricsF(self.font()).height() * 1.6)

    def sizeHint(self) -> QSize:
        n = len(self._data.items) if self._data else 0
        rows = max(n, 1) * self._row_height()
        return QSize(520, int(self._header_height() + rows + QFontMetricsF(self.font()).height() * 2))

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def _header_height(self) -> float:
        fm = QFontMetricsF(self.font())
        two = self._data is not None and len(self._data.series_th) > 1
        return fm.height() * (2.9 if two else 1.8)

    # --- drawing -----------------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, p: QPainter) -> None:
        lang = current_language()
        fm = QFontMetricsF(self.font())
        width, height = float(self.width()), float(self.height())
        data = self._data
        self._paint_header(p, fm, lang)
        top = self._header_height()
        bottom_axis = fm.height() * 1.5
        items = data.items if data else ()
        if not items:
            p.setPen(QColor(MUTED_COLOUR))
            p.drawText(QRectF(0, top, width, max(height - top, fm.height())), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No data yet"))
            return
        two = len(data.series_th) > 1
        labels = [i.label(lang) for i in items]
        label_w = min(max(fm.horizontalAdvance(s) for s in labels) + 10, width * 0.38)
        biggest = data.max_value
        value_w = fm.horizontalAdvance(f"{biggest:,} / {biggest:,}" if two else f"{biggest:,}") + 12
        plot_x = label_w + 6
        plot_w = max(width - plot_x - value_w - 8, 40.0)
        ticks = nice_ticks(biggest)
        scale = plot_w / ticks[-1]
        row_h = self._row_height()
        plot_h = row_h * len(items)
        muted = QColor(MUTED_COLOUR)
        grid = QColor(GRID_COLOUR)
        for t in ticks:
            x = plot_x + t * scale
            p.setPen(grid)
            p.drawLine(int(x), int(top), int(x), int(top + plot_h))
            p.setPen(muted)
            label = f"{int(t):,}"
            p.drawText(QRectF(x - 40, top + plot_h + 2, 80, bottom_axis), Qt.AlignmentFlag.AlignHCenter, label)
        self._paint_bars(p, fm, items, labels, top, (label_w, plot_x, value_w, row_h, scale), two)
        p.setPen(muted)
        p.drawLine(int(plot_x), int(top), int(plot_x), int(top + plot_h))

    def _paint_bars(self, p: QPainter, fm: QFontMetricsF, items: tuple, labels: list[str], top: float,
                    geometry: tuple[float, float, float, float, float], two: bool) -> None:  # fmt: skip
        """One row per item: its label, its bar (invited and attended, or one count) and its value."""
        label_w, plot_x, value_w, row_h, scale = geometry
        text = QColor(TEXT_COLOUR)
        light, dark = QColor(SERIES_COLOURS[0]), QColor(SERIES_COLOURS[1])
        for k, (item, label) in enumerate(zip(items, labels, strict=True)):
            y = top + k * row_h
            p.setPen(text)
            shown = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 6)
            p.drawText(QRectF(0, y, label_w, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       shown)
            bar_h = row_h * 0.62
            mid = y + row_h / 2
            if two:
                invited, attended = item.values
                p.fillRect(QRectF(plot_x, mid - bar_h / 2, invited * scale, bar_h), light)
                p.fillRect(QRectF(plot_x, mid - bar_h * 0.3, attended * scale, bar_h * 0.6), dark)
                value, end = f"{attended:,} / {invited:,}", max(invited, attended)
            else:
                (count,) = item.values
                p.fillRect(QRectF(plot_x, mid - bar_h / 2, count * scale, bar_h), dark)
                value, end = f"{count:,}", count
            p.setPen(text)
            p.drawText(QRectF(plot_x + end * scale + 5, y, value_w, row_h), Qt.AlignmentFlag.AlignVCenter, value)

    def _paint_header(self, p: QPainter, fm: QFontMetricsF, lang: str) -> None:
        """The title in bold and, with two series, their legend under it."""
        data, width, text = self._data, float(self.width()), QColor(TEXT_COLOUR)
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text)
        title = data.title(lang) if data else ""
        p.drawText(QRectF(0, 0, width, fm.height() * 1.4), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   title)
        p.setFont(self.font())
        top = fm.height() * 1.6
        if data is not None and len(data.series_th) > 1:
            x = 0.0
            for name, colour in zip(data.series(lang), SERIES_COLOURS, strict=False):
                box = fm.height() * 0.7
                p.fillRect(QRectF(x, top + (fm.height() - box) / 2, box, box), QColor(colour))
                p.setPen(text)
                p.drawText(QRectF(x + box + 6, top, fm.horizontalAdvance(name) + 4, fm.height()),
                           Qt.AlignmentFlag.AlignVCenter, name)
                x += box + 6 + fm.horizontalAdvance(name) + 18
