"""The suite's longest test files first (loaded by tests/conftest.py). pytest-xdist's worksteal hands each worker a
contiguous share of the collected tests and lets a worker that runs dry take tests from the end of another's: a long
test met last sets the run's wall time while the other core idles (a 20-90 s test among 1,000 of ~0.2 s). Run first,
the long ones overlap the other worker's short ones and the run ends on short tests. Whole files move, in their own
order, so a module's fixtures are still made once. The list is by measured time (``LAMPANG_TEST_TIMES``), longest
first; a file not named keeps its place after them."""

from __future__ import annotations

import pytest

LONGEST = (
    "core/test_merge_stateful.py",
    "core/test_office_print.py",
    "core/test_excel.py",
    "ui/test_window.py",
    "core/test_exchange_memory.py",
    "core/test_search_index.py",
    "ui/test_people_search.py",
    "core/test_plan_forms.py",
    "core/test_venue_desks.py",
    "core/test_folder_kills.py",
    "ui/test_scanner_x11.py",
    "ui/test_rows_model.py",
    "core/test_import_chunks.py",
    "core/test_bundle_crypto.py",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {f"tests/{name}": i for i, name in enumerate(LONGEST)}
    order = {id(item): (rank.get(item.nodeid.split("::", 1)[0], len(LONGEST)), i) for i, item in enumerate(items)}
    items.sort(key=lambda item: order[id(item)])
