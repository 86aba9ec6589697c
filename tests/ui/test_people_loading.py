"""The People page on a large folder (issue #14: first paint at 100,000 people): the first screenful in name order at
once, everyone after the first paint in steps between events. Whatever happens before the last step - a search typed,
a sort, a change to the data - sees every person, in the order and with the selection a full load gives.

The demo folder (1,113 people) stands in for a large one: the page's limits are lowered so it loads in steps.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lampang_planner.core.ops.people import update_person
from lampang_planner.ui.models.people import FIRST, PeopleModel
from lampang_planner.ui.views.people import PeoplePage
from lampang_planner.ui.widgets.table import select_row


@pytest.fixture
def in_steps(monkeypatch):
    monkeypatch.setattr(PeoplePage, "AT_ONCE", 100)  # more people than this: the first rows, then steps
    monkeypatch.setattr(PeoplePage, "FIRST_ROWS", 5)


def ids(model) -> list[str]:
    return [model.row_id(r) for r in range(model.rowCount())]


def full(store, search: str = "", column: int = 0, order=Qt.SortOrder.AscendingOrder) -> list[str]:
    """What a model that read everyone at once shows."""
    model = PeopleModel()
    model.load(store.db)
    model.sort(column, order)
    model.set_search(search)
    return ids(model)


def test_the_first_rows_show_at_once_and_everyone_follows_with_the_selection_kept(in_steps, window, qtbot,
                                                                                 qtmodeltester):  # fmt: skip
    window.navigate("people")
    page = window.pages["people"]
    model = page.model
    assert model.loading
    first = ids(model)
    everyone = full(page.ctx.store)
    assert 5 <= len(first) < len(everyone) == model.total == 1113
    assert first == everyone[: len(first)]  # the head of the full list, in name order
    assert page.current_id() == first[0]
    assert page.count.text() == f"แสดง {len(first):,} จาก 1,113 คน"
    qtmodeltester.check(model, force_py=True)
    select_row(page.table, 2)

    qtbot.waitUntil(lambda: not model.loading)  # the steps run after the table's first paint
    assert ids(model) == everyone
    assert page.current_id() == first[2]  # the row and the selection kept
    assert page.table.selectionModel().isRowSelected(2)
    assert page.count.text() == "ทั้งหมด 1,113 คน"
    qtmodeltester.check(model, force_py=True)


def test_a_search_typed_before_the_last_step_gives_the_full_answer(in_steps, window, type_text):
    window.navigate("people")
    page = window.pages["people"]
    model = page.model
    assert model.loading
    person = model.record(0)
    text = person[FIRST][:2]
    type_text(page.search, text)
    assert not model.loading
    assert ids(model) == full(page.ctx.store, text) and model.shown < model.total
    assert page.current_id() == person[0]  # still matches: still selected


def test_a_sort_before_the_last_step_sorts_everyone(in_steps, window):
    window.navigate("people")
    page = window.pages["people"]
    assert page.model.loading
    page.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # phone
    assert not page.model.loading
    assert ids(page.model) == full(page.ctx.store, column=5, order=Qt.SortOrder.DescendingOrder)


def test_a_change_before_the_last_step_is_shown_in_its_place(in_steps, window, qtbot):
    window.navigate("people")
    page = window.pages["people"]
    model = page.model
    assert model.loading
    shown_first = page.current_id()
    last = full(page.ctx.store)[-1]
    update_person(page.ctx.store, last, {"first_name": "กกกก"})  # now first in name order
    qtbot.waitUntil(lambda: not model.loading)
    assert ids(model) == full(page.ctx.store)
    assert model.row_id(0) == last
    assert page.current_id() == shown_first  # the selection follows the person, now one row down
    assert page.table.currentIndex().row() == 1


def test_the_models_name_keys_sort_as_the_cores_name_order():
    import random

    from lampang_planner.core.read.people import name_order_key
    from lampang_planner.ui.models.people import name_keys

    rng = random.Random(4)
    parts = (["นาย", "นาง", ""], ["ก้อง", "กอง", "ไก่", "เอก", "john", "John", ""], ["ใจดี", "แสนคำ", "smith", ""])
    rows = [("id", "c", rng.choice(parts[0]), rng.choice(parts[1]), rng.choice(parts[2]), "", "", "", "", "")
            for _ in range(500)]  # fmt: skip
    keys = name_keys(rows)
    by_keys = sorted(range(len(rows)), key=keys.__getitem__)
    assert by_keys == sorted(range(len(rows)), key=lambda i: name_order_key(rows[i]))
    assert len(set(keys)) == len({(r[2], r[3], r[4]) for r in rows})  # equal keys exactly for equal names
