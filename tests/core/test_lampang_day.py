"""Dates and times a user sees are Lampang's, whatever time zone the machine keeps (a laptop or server set to UTC,
or to New York): the exchange history, the default bundle name, and the dates a need or a consent gets by default.

The machine keeps a time zone exactly one day behind Lampang (``machine_a_day_behind`` in tests/conftest.py)."""

from __future__ import annotations

import datetime as dt

from lampang_planner.core.ops import needs as N
from lampang_planner.core.ops.people import clean_person
from lampang_planner.core.sync.exchange import export_bundle
from lampang_planner.core.sync.exchange_history import history


def test_bundle_name_and_history_say_lampangs_date(empty_store, tmp_path, machine_a_day_behind):
    today = machine_a_day_behind
    out = export_bundle(empty_store, tmp_path, clear=True)
    assert f"-{today:%Y%m%d}-" in out.path.name, out.path.name
    row = history(empty_store)[0]
    done = dt.datetime.fromisoformat(row.done_at)
    assert done.utcoffset() == dt.timedelta(hours=7) and done.date() == today, row.done_at


def test_default_dates_of_a_need_and_a_consent_are_lampangs(empty_store, machine_a_day_behind):
    today = machine_a_day_behind
    nid = N.add_need(empty_store, {"title": "ซ่อมถนน", "category": "ถนนและโครงสร้างพื้นฐาน", "subdistrict_code": "520101"})
    assert N.get_need(empty_store, nid).status_date == today
    N.change_status(empty_store, nid, "accepted")  # no date given: today, and today is not "in the future"
    assert N.get_need(empty_store, nid).status_date == today
    assert clean_person({"consent": True}, partial=True)["consent_date"] == today
