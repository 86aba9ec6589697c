"""The People page's detail pane follows the selected person, and only the person: typing a search that keeps the
same person selected reads nothing from the database for the pane; moving to another person, or an edit of the
person shown, reads it again (issue #19: a keystroke's cost must not include a detail rebuild it does not need)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent

from lampang_planner.core.ops.people import update_person
from lampang_planner.core.thai.names import full_name
from lampang_planner.ui.models.people import FIRST, LAST, PREFIX

# the statements the pane runs: the person's row, and the workshops of their merge group
DETAIL_QUERIES = ("FROM person WHERE id=", "FROM invitation")


def key(widget, ch: str) -> None:
    """One real key press and release carrying ``ch``, then everything it set off."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    QCoreApplication.processEvents()


def detail_reads(statements: list[str]) -> list[str]:
    return [s for s in statements if any(q in s for q in DETAIL_QUERIES)]


def test_typing_that_keeps_the_person_selected_does_not_read_the_detail_again(window, qtbot):
    window.navigate("people")
    page = window.pages["people"]
    model = page.model
    first = model.record(0)
    pid = page.current_id()
    assert pid == first[0]
    assert page.detail.heading.text() == full_name(first[PREFIX], first[FIRST], first[LAST])
    seen: list[str] = []
    page.ctx.store.db.set_trace_callback(seen.append)
    try:
        for ch in first[FIRST]:
            key(page.search, ch)
            assert page.current_id() == pid  # the person stays selected as their name is typed
        assert 0 < model.shown < model.total
        assert detail_reads(seen) == []

        # another person: the pane reads and shows them
        other = next(model.record(r) for r in range(model.total) if model.record(r)[LAST] != first[LAST])
        page.search.clear()
        seen.clear()
        for ch in other[LAST]:
            key(page.search, ch)
        now = model.record(page.table.currentIndex().row())
        assert now[LAST] == other[LAST]
        assert page.detail.heading.text() == full_name(now[PREFIX], now[FIRST], now[LAST])
        assert detail_reads(seen)

        # an edit of the person shown: read again, the new value shows
        seen.clear()
        update_person(page.ctx.store, now[0], {"position": "ประธานสภาองค์กรชุมชนทดสอบ"})
        qtbot.waitUntil(lambda: "ประธานสภาองค์กรชุมชนทดสอบ" in _values(page))
        assert detail_reads(seen)
    finally:
        page.ctx.store.db.set_trace_callback(None)


def _values(page) -> list[str]:
    return [v.text() for _, v in page.detail._shown_rows()]
