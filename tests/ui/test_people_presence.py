"""The People page after a merge: a laptop's late check-in of the merged-away record shows on the survivor's row, as
the desk and the quorum count it (tests/core/test_presence.py checks the core's readers on the same case)."""

from __future__ import annotations

import pytest

from lampang_planner.core.ops.checkin import live_counts
from lampang_planner.core.ops.resolutions import quorum
from merged_case import close, merged_case


@pytest.fixture
def case(tmp_path):
    c = merged_case(tmp_path)
    yield c
    close(c)


def test_people_page_shows_the_merged_away_check_in_on_the_survivor(case, window_on):
    window = window_on(case.office, "en")
    window.navigate("people", workshop_id=case.workshop_id)
    page = window.pages["people"]
    model = page.table.model()
    shown = [(model.row_id(r), model.data(model.index(r, page.model.STATUS_COLUMN))) for r in range(model.rowCount())]
    assert shown == [(case.survivor, "Checked in 09:12")]
    counts = live_counts(case.office, case.workshop_id)
    assert counts.checked_in == quorum(case.office, case.workshop_id).present == len(shown) == 1
