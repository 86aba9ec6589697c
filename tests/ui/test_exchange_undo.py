"""The Exchange screen's "Undo this import": the report of an import offers it; confirmed, the import is taken out
on a task with progress and the folder is as before; changes written after the import are kept only when the user
says so; cancelled, nothing changes."""

from __future__ import annotations

import os
from pathlib import Path

from modal_support import on_modal
from test_exchange import enrol_laptops, laptop_bundles, page, run  # noqa: F401  (fixtures)

from lampang_planner.core.sync import journal
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.ui.views.exchange_undo import UndoBox

SCREENSHOTS = os.environ.get("LAMPANG_SCREENSHOTS")  # a folder: the first test also saves its screenshots there


def _shot(widget, name: str) -> None:
    if SCREENSHOTS:
        widget.grab().save(str(Path(SCREENSHOTS) / name))


def _imported(qtbot, page, laptop_bundles) -> Path:  # noqa: F811
    enrol_laptops(page.ctx.store, laptop_bundles)
    run(qtbot, page, lambda: page.import_files(laptop_bundles["paths"]))
    assert [f.status for f in page.report.files] == ["imported", "imported"]
    _searched(qtbot, page)
    return Path(str(page.report.backup))


def _searched(qtbot, page) -> None:  # noqa: F811
    """The duplicate search an import (or a change) starts has ended: the page starts a task after it."""
    qtbot.waitUntil(lambda: not page.duplicates.searching(), timeout=10_000)


def _wait_idle(qtbot, page) -> None:  # noqa: F811
    qtbot.waitUntil(lambda: page.task is not None and not page.task.running, timeout=30_000)


def test_undo_from_the_report_puts_the_folder_back_as_before_the_import(page, qtbot, laptop_bundles):  # noqa: F811
    store = page.ctx.store
    before = digest(store.db)
    backup = _imported(qtbot, page, laptop_bundles)
    assert digest(store.db) != before
    assert page.undo_button.isVisible() and page.undo_button.isEnabled()
    assert page.undo_button.text() == "ย้อนการนำเข้านี้…"  # Thai first
    page.resize(1366, 768)
    _shot(page, "exchange-undo-button-th.png")

    def confirm(box) -> None:
        _shot(box, "exchange-undo-confirm-th.png")
        box.undo.click()

    seen = on_modal(UndoBox, confirm)
    page.undo_button.click()
    assert seen, "the page did not ask before undoing"
    assert all(p.name in seen[0].text() for p in laptop_bundles["paths"])
    _wait_idle(qtbot, page)
    assert digest(store.db) == before
    assert page.status.text().startswith("ย้อนการนำเข้า")
    assert not page.undo_button.isVisible()
    _shot(page, "exchange-undo-done-th.png")
    assert not backup.exists()
    assert backup.with_name(backup.name.removesuffix(journal.SUFFIX) + journal.RESTORED_SUFFIX).exists()
    assert page.history_model.total == 0  # the bundles' log entries went with the import: importable again
    _searched(qtbot, page)
    run(qtbot, page, lambda: page.import_files(laptop_bundles["paths"]))
    assert [f.status for f in page.report.files] == ["imported", "imported"]


def test_cancelling_the_question_changes_nothing(page, qtbot, laptop_bundles):  # noqa: F811
    store = page.ctx.store
    backup = _imported(qtbot, page, laptop_bundles)
    after = digest(store.db)
    seen = on_modal(UndoBox, lambda box: box.keep.click())
    page.undo_button.click()
    assert seen
    assert digest(store.db) == after and backup.exists()
    assert page.undo_button.isVisible()


def test_changes_written_after_the_import_are_kept_only_when_the_user_says_so(page, qtbot, laptop_bundles):  # noqa: F811
    store = page.ctx.store
    people_before = counts(store.db)["people"]
    backup = _imported(qtbot, page, laptop_bundles)
    person = laptop_bundles["people"][2]
    with store.transaction() as tx:  # a desk corrects a phone number after the import
        tx.update("person", person, {"phone": "0899998888"})
    # first refused (changes written after it): the page asks again, saying why; the user says no. (While the
    # duplicate search this change started runs, the page starts the undo after it.)
    refused = on_modal(UndoBox, lambda box: box.keep.click(), timeout_ms=30_000)
    page.undo_import(backup)
    qtbot.waitUntil(lambda: bool(refused), timeout=30_000)
    _wait_idle(qtbot, page)
    assert "หลังการนำเข้านี้" in refused[0].text()  # the core's sentence: changes written after this import
    assert backup.exists() and counts(store.db)["people"] == people_before + 2
    _searched(qtbot, page)
    # asked again, the user keeps them: the import goes (on a task, with progress), the correction stays
    kept = on_modal(UndoBox, lambda box: box.undo.click(), timeout_ms=30_000)
    first = page.undo_import(backup)
    qtbot.waitUntil(lambda: bool(kept), timeout=30_000)
    qtbot.waitUntil(lambda: page.task is not first and not page.task.running and not backup.exists(), timeout=30_000)
    assert counts(store.db)["people"] == people_before  # the walk-ins the import brought are gone
    assert store.scalar("SELECT phone FROM person WHERE id=?", (person,)) == "0899998888"
    assert not backup.exists()
    assert (page.progress.maximum(), page.progress.value()) == (1, 1)  # the task's progress reached its end
    assert page.status.text().startswith("ย้อนการนำเข้า")
