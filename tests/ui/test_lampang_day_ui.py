"""The window shows Lampang's dates and times whatever time zone the machine keeps: the exchange history (times
stored with another offset, e.g. by a laptop that kept UTC) and the date a need's status change defaults to."""

from __future__ import annotations

from lampang_planner.core.ops import needs as N
from lampang_planner.ui.dialogs.need_status import NeedStatusDialog
from lampang_planner.ui.models.exchange import when_text


def test_exchange_times_are_shown_in_lampang_time(app, machine_a_day_behind):
    assert when_text("2026-12-07T18:05:00+00:00") == "8 ธ.ค. 2569 01:05"  # 01:05 on the 8th in Lampang
    assert when_text("2026-12-08T01:05:00+07:00") == "8 ธ.ค. 2569 01:05"


def test_a_status_change_defaults_to_lampangs_today(empty_ctx, qtbot, machine_a_day_behind):
    store = empty_ctx.store
    nid = N.add_need(store, {"title": "ซ่อมถนน", "category": "ถนนและโครงสร้างพื้นฐาน", "subdistrict_code": "520101"})
    dialog = NeedStatusDialog(store, nid)
    qtbot.addWidget(dialog)
    assert dialog.on.date() == machine_a_day_behind
