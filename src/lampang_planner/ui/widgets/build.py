"""Widgets made, set up, connected and laid out in one call each:

    page.export_button = button("exportButton", page.export)           # object name, clicked → slot
    self.add_button = button("addWorkshop", self.add, text=lambda: self.tr("Add workshop…"))
    page.status = label("exchangeStatus", wrap=True, selectable=True)
    page.search = line_edit("peopleSearch", clearable=True, min_width=220)
    page.workshop = combo("reportWorkshop", 40)                        # at least 40 characters wide
    group, (self.pdf, self.xlsx) = radios(self, "formatPdf", "formatExcel", checked=0)  # one exclusive group
    refill(page.status, [(self.tr("All statuses"), "")] + [(s.label(lang), s.value) for s in NeedStatus])
    row = hbox((page.progress, 1), page.cancel_button)                 # (item, stretch); an int is a spacing
    col = vbox(page.heading, row, STRETCH, parent=page)                # STRETCH: a stretch of 1; parent: its layout
    split = splitter((self.table, 3), (self.detail, 1), sizes=(900, 340))

A ``text``/``tip``/``placeholder`` is a function giving the text in the current language (``lambda: self.tr(…)``
inside the owner's class, so that lupdate files it under the owner's context): it is set now and again at every
language change (:func:`retranslated`). Texts that depend on the state stay in the owner's ``retranslate``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

STRETCH = object()
"""In :func:`hbox` / :func:`vbox`: an empty stretch of factor 1."""

Item = Any  # QWidget | QLayout | (QWidget | QLayout, stretch[, alignment]) | int spacing | STRETCH
Text = Callable[[], str] | None


class _Texts(QObject):
    """Sets a widget's text properties from their functions, now and on every LanguageChange the widget receives."""

    def __init__(self, widget: QWidget, texts: dict[str, Callable[[], str]]) -> None:
        super().__init__(widget)
        self.texts = texts
        widget.installEventFilter(self)
        self.apply(widget)

    def apply(self, widget: QObject) -> None:
        for prop, text in self.texts.items():
            widget.setProperty(prop, text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.apply(watched)
        return False


def retranslated(widget: Any, **texts: Text) -> Any:
    """Give ``widget``'s Qt text properties (``text``, ``toolTip``, ``placeholderText``, ``title``…) from these
    functions, now and at every language change; returns the widget."""
    given = {prop: text for prop, text in texts.items() if text is not None}
    if given:
        _Texts(widget, given)
    return widget


def label(name: str = "", *, text: Text = None, tip: Text = None, wrap: bool = False, selectable: bool = False,
          rich: bool = False, style: str = "", hidden: bool = False) -> QLabel:  # fmt: skip
    """A label: ``wrap`` its words, ``selectable`` by mouse (to copy), ``rich`` text, a style sheet, ``hidden``."""
    w = retranslated(QLabel(), text=text, toolTip=tip)
    _name(w, name)
    w.setWordWrap(wrap)
    if selectable:
        w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if rich:
        w.setTextFormat(Qt.TextFormat.RichText)
    return _finish(w, style, hidden)


def button(name: str = "", clicked: Callable[..., Any] | None = None, *, text: Text = None, tip: Text = None,
           style: str = "", checkable: bool = False, default: bool = False, auto_default: bool | None = None,
           enabled: bool = True, hidden: bool = False) -> QPushButton:  # fmt: skip
    """A push button whose ``clicked`` goes to ``clicked``."""
    w = retranslated(QPushButton(), text=text, toolTip=tip)
    _name(w, name)
    if clicked is not None:
        w.clicked.connect(clicked)
    w.setCheckable(checkable)
    if default:
        w.setDefault(True)
    if auto_default is not None:
        w.setAutoDefault(auto_default)
    w.setEnabled(enabled)
    return _finish(w, style, hidden)


def line_edit(name: str = "", *, text: str = "", placeholder: Text = None, tip: Text = None, password: bool = False,
              read_only: bool = False, clearable: bool = False, min_width: int = 0, max_width: int = 0,
              ) -> QLineEdit:  # fmt: skip
    """A one-line text field holding ``text``: ``password`` hides what is typed, ``clearable`` has the clear button."""
    w = retranslated(QLineEdit(text), placeholderText=placeholder, toolTip=tip)
    _name(w, name)
    if password:
        w.setEchoMode(QLineEdit.EchoMode.Password)
    w.setReadOnly(read_only)
    w.setClearButtonEnabled(clearable)
    if min_width:
        w.setMinimumWidth(min_width)
    if max_width:
        w.setMaximumWidth(max_width)
    return w


def combo(name: str = "", min_chars: int = 0, *, max_visible: int = 0) -> QComboBox:
    """A drop-down at least ``min_chars`` characters wide (0: as wide as its items), ``max_visible`` rows open."""
    w = QComboBox()
    _name(w, name)
    if min_chars:
        w.setMinimumContentsLength(min_chars)
        w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    if max_visible:
        w.setMaxVisibleItems(max_visible)
    return w


_CHOSEN = object()


def refill(combo: QComboBox, items: Iterable[tuple[str, Any]], *, keep: Any = _CHOSEN, quiet: bool = True) -> None:
    """Replace ``combo``'s items by ``(text, data)`` pairs and choose the item whose data is ``keep`` (by default
    the one chosen before), else the first; ``quiet``: no change signals meanwhile."""
    if keep is _CHOSEN:
        keep = combo.currentData()
    if quiet:
        combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(keep if keep is not None else "")))
    if quiet:
        combo.blockSignals(False)


def radios(owner: QObject, *names: str, checked: int | None = None) -> tuple[QButtonGroup, list[QRadioButton]]:
    """Radio buttons named ``names`` in one exclusive group that ``owner`` keeps; the ``checked``-th one ticked."""
    group = QButtonGroup(owner)
    buttons = []
    for name in names:
        b = QRadioButton()
        _name(b, name)
        group.addButton(b)
        buttons.append(b)
    if checked is not None:
        buttons[checked].setChecked(True)
    return group, buttons


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that resizes it."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


def panel(*items: Item, margins: int | None = 0) -> QWidget:
    """A plain widget holding ``items`` in a column (see :func:`fill`), without margins unless given."""
    w = QWidget()
    vbox(*items, parent=w, margins=margins)
    return w


def splitter(*items: QWidget | tuple[QWidget, int], sizes: tuple[int, ...] = (),
             orientation: Qt.Orientation = Qt.Orientation.Horizontal) -> QSplitter:  # fmt: skip
    """Widgets side by side (or above each other), each ``(widget, stretch)`` or a widget; ``sizes`` to start with."""
    split = QSplitter(orientation)
    for i, item in enumerate(items):
        widget, stretch = item if isinstance(item, tuple) else (item, None)
        split.addWidget(widget)
        if stretch is not None:
            split.setStretchFactor(i, stretch)
    if sizes:
        split.setSizes(list(sizes))
    return split


def hbox(*items: Item, parent: QWidget | None = None, margins: int | None = None) -> QHBoxLayout:
    """A row of ``items`` (see :func:`fill`); on ``parent`` when given; ``margins`` all round when given."""
    return fill(QHBoxLayout(parent) if parent is not None else QHBoxLayout(), items, margins)


def vbox(*items: Item, parent: QWidget | None = None, margins: int | None = None) -> QVBoxLayout:
    """A column of ``items`` (see :func:`fill`); on ``parent`` when given; ``margins`` all round when given."""
    return fill(QVBoxLayout(parent) if parent is not None else QVBoxLayout(), items, margins)


def fill(layout: QBoxLayout, items: tuple[Item, ...], margins: int | None = None) -> QBoxLayout:
    """Add to ``layout`` in order: a widget or layout; ``(item, stretch)`` or ``(item, stretch, alignment)``; an int,
    a fixed spacing of that many pixels; :data:`STRETCH`, a stretch of 1."""
    if margins is not None:
        layout.setContentsMargins(margins, margins, margins, margins)
    for item in items:
        if item is STRETCH:
            layout.addStretch(1)
        elif isinstance(item, int):
            layout.addSpacing(item)
        elif isinstance(item, tuple):
            _add(layout, *item)
        else:
            _add(layout, item)
    return layout


def _add(layout: QBoxLayout, item: QWidget | QLayout, stretch: int = 0, alignment: Qt.AlignmentFlag | None = None,
         ) -> None:  # fmt: skip
    if isinstance(item, QLayout):
        layout.addLayout(item, stretch)
    elif alignment is not None:
        layout.addWidget(item, stretch, alignment)
    else:
        layout.addWidget(item, stretch)


def _name(w: QWidget, name: str) -> None:
    if name:
        w.setObjectName(name)


def _finish(w: Any, style: str, hidden: bool) -> Any:
    if style:
        w.setStyleSheet(style)
    if hidden:
        w.hide()
    return w
