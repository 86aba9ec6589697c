"""Texts a form shows are whole, not cut (seen in the walkthrough at 1366×768): the person form's prefix hint
("เช่น นาย นาง นางสาว ดร. หรือยศ" was cut to its first words) and the sessions editor's day column ("ทุกวันของการประชุม"
was cut to its first half)."""

from __future__ import annotations

from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.ui.dialogs.person import PersonDialog
from lampang_planner.ui.dialogs.sessions import SessionsDialog


def test_the_prefix_hint_is_shown_whole(qtbot, empty_ctx):
    dialog = PersonDialog(empty_ctx.store)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.prefix.lineEdit()
    assert edit.placeholderText() == "เช่น นาย นาง นางสาว ดร. หรือยศ"
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 4


def test_the_sessions_day_column_shows_every_day_whole(qtbot, empty_ctx):
    store = empty_ctx.store
    wid = add_workshop(store, {"title": "เวทีประชาคม อำเภอเกาะคา", "start_date": "2026-12-08", "end_date": "2026-12-09",
                               "district_code": "5203"})
    editor = SessionsDialog(store, wid)
    qtbot.addWidget(editor)
    editor.show()
    day = editor.table.item(0, 1)
    assert day.text() == "ทุกวันของการประชุม"
    assert editor.table.columnWidth(1) >= editor.table.fontMetrics().horizontalAdvance(day.text()) + 6
