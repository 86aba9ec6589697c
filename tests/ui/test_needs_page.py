"""The needs page: the list and its filters, the detail with the status history, the entry form (errors, similar
needs, kept values), status changes and corrections, the category list, the totals per district."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lampang_planner.core.ops import needs as N
from lampang_planner.core.ops.categories import list_categories
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.ui.dialogs.need_status import REVERT


def needs_page(window):
    window.navigate("needs")
    page = window.pages["needs"]
    page.workshop.setCurrentIndex(0)  # all workshops
    return page


def choose(combo, value) -> None:
    """Pick ``value`` in a combo box the way a keyboard user does: focus it, then arrow keys."""
    combo.setFocus()
    target = combo.findData(value)
    assert target >= 0, value
    for _ in range(combo.count()):
        if combo.currentIndex() == target:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    assert combo.currentIndex() == target


def test_the_list_shows_every_need_and_the_models_pass_the_model_tester(window, qtmodeltester):
    page = needs_page(window)
    store = window.ctx.store
    assert page.model.rowCount() == len(N.list_needs(store)) == counts(store.db)["needs"]
    assert "91" in page.count.text()
    qtmodeltester.check(page.model, force_py=True)
    qtmodeltester.check(page.detail.history, force_py=True)
    page.tabs.setCurrentWidget(page.summary)
    page.summary.set_grouping("category")
    qtmodeltester.check(page.summary.model, force_py=True)
    for by in ("district", "tambon", "status"):  # the tester keeps watching the resets
        page.summary.set_grouping(by)
        assert page.summary.model.rowCount() == 14


def test_filters_by_district_tambon_category_and_status_match_the_core(window, qtbot):
    page = needs_page(window)
    store = window.ctx.store
    choose(page.district, "5202")
    assert page.tambon.isEnabled()
    assert {page.model.record(r)[5] for r in range(page.model.rowCount())} == {"5202"}
    assert page.model.rowCount() == len(N.list_needs(store, district_code="5202"))
    tambon = N.list_needs(store, district_code="5202")[0].subdistrict_code
    choose(page.tambon, tambon)
    assert page.model.rowCount() == len(N.list_needs(store, subdistrict_code=tambon))
    page.clear_filters()
    choose(page.status, "budgeted")
    choose(page.category, "education")
    expected = N.list_needs(store, status="budgeted", category="education")
    assert {page.model.row_id(r) for r in range(page.model.rowCount())} == {n.id for n in expected}
    page.clear_filters()
    assert page.model.rowCount() == len(N.list_needs(store))


def test_the_detail_shows_the_status_history_and_a_change_through_the_dialog_is_kept(window, qtbot, type_text):
    page = needs_page(window)
    store = window.ctx.store
    budgeted = N.list_needs(store, status="budgeted")[0]
    page.select(budgeted.id)
    history = page.detail.history
    assert [history.change(r).status for r in range(history.rowCount())] == ["proposed", "accepted", "budgeted"]
    assert history.data(history.index(1, 1)) == "บรรจุในแผน"  # Thai status labels
    assert "กองแผนและงบประมาณ" in history.data(history.index(2, 2))

    qtbot.mouseClick(page.detail.status_button, Qt.MouseButton.LeftButton)
    dialog = page.status_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == [
        "in_progress", "not_done", "dropped", REVERT]
    choose(dialog.status, "in_progress")
    dialog.on.setText("1/3/2560")
    dialog.by.selectAll()
    type_text(dialog.by, "นายช่าง อบต.")
    dialog.note.setFocus()
    type_text(dialog.note, "เริ่มก่อสร้าง")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert N.get_need(store, budgeted.id).status == "in_progress"
    qtbot.waitUntil(lambda: history.rowCount() == 4)
    last = history.change(3)
    assert (last.status, last.changed_by, last.note) == ("in_progress", "นายช่าง อบต.", "เริ่มก่อสร้าง")
    assert last.changed_on.isoformat() == "2017-03-01"
    assert page.changed_by == "นายช่าง อบต."  # offered for the next change

    # correcting a mistake needs a reason; without one nothing is written
    dialog = page.change_status()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.by.text() == "นายช่าง อบต."
    choose(dialog.status, REVERT)
    before = digest(store.db)
    dialog._on_save()
    assert dialog.isVisible() and dialog.error_text("note")
    assert digest(store.db) == before
    type_text(dialog.note, "บันทึกผิดรายการ")
    dialog._on_save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: history.rowCount() == 5)
    assert N.get_need(store, budgeted.id).status == "budgeted"
    assert "(แก้ไข" in history.data(history.index(4, 1)) or "correction" in history.data(history.index(4, 1))


def test_the_entry_form_names_each_problem_and_writes_nothing(window, qtbot):
    page = needs_page(window)
    dialog = page.open_entry()
    qtbot.waitUntil(dialog.isVisible)
    before = digest(window.ctx.store.db)
    QTest.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_text("title") and dialog.error_text("category") and dialog.error_text("district_code")
    assert digest(window.ctx.store.db) == before
    assert dialog.general_error.isVisible()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_entry_form_points_out_a_need_already_raised_in_the_tambon(window, qtbot, type_text):
    store = window.ctx.store
    library = next(n for n in N.list_needs(store) if n.title.startswith("ห้องสมุด"))
    page = needs_page(window)
    dialog = page.open_entry()
    qtbot.waitUntil(dialog.isVisible)
    choose(dialog.places.district, library.district_code)
    choose(dialog.places.tambon, library.subdistrict_code)
    dialog.title.setFocus()
    type_text(dialog.title, "ห้องสมุดชุมชน")
    qtbot.waitUntil(dialog.similar_label.isVisible, timeout=2000)
    assert library.title in dialog.similar_label.text()
    assert library.id in {s.id for s in dialog.similar}
    dialog.title.selectAll()
    type_text(dialog.title, "สร้างลานกีฬา")
    qtbot.waitUntil(lambda: not dialog.similar_label.isVisible(), timeout=2000)
    dialog.reject()


def test_a_photo_of_the_flipchart_is_kept_for_the_next_needs(window, qtbot, tmp_path):
    from PIL import Image

    src = tmp_path / "flipchart.png"
    Image.new("RGB", (4, 3), "white").save(src)
    page = needs_page(window)
    dialog = page.open_entry()
    qtbot.waitUntil(dialog.isVisible)
    choose(dialog.places.district, "5201")
    dialog.set_photo(str(src))
    assert dialog.photo.text() == "flipchart.png"
    for title in ("ถนนสายหลัก", "ไฟส่องสว่าง"):
        dialog.title.setText(title)
        choose(dialog.category, "infrastructure")
        QTest.keyClick(dialog.title, Qt.Key.Key_Return)
        assert not dialog.general_error.isVisible()
    photos = {N.get_need(window.ctx.store, nid).photo for nid in dialog.saved_ids}
    assert len(photos) == 1 and photos.pop().endswith(".png")
    qtbot.waitUntil(lambda: page.detail.photo.pixmap() is not None and not page.detail.photo.pixmap().isNull())
    bad = tmp_path / "notes.png"
    bad.write_text("not an image", encoding="utf-8")
    dialog.set_photo(str(bad))
    assert dialog.photo_file == "" and dialog.error_text("photo")
    dialog.reject()


def test_editing_a_need_saves_and_closes(window, qtbot, type_text):
    page = needs_page(window)
    nid = page.current_id()
    dialog = page.edit_current()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.title.text() == N.get_need(window.ctx.store, nid).title
    dialog.dot_votes.setFocus()
    dialog.dot_votes.selectAll()
    type_text(dialog.dot_votes, "42")
    QTest.keyClick(dialog.dot_votes, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert N.get_need(window.ctx.store, nid).dot_votes == 42


def test_ranking_within_a_workshop(window, qtbot):
    page = needs_page(window)
    store = window.ctx.store
    wid = N.list_needs(store)[0].workshop_id
    choose(page.workshop, wid)
    first, second = (n.id for n in N.list_needs(store, workshop_id=wid)[:2])
    page.select(second)
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert [n.id for n in N.list_needs(store, workshop_id=wid)[:2]] == [second, first]
    qtbot.waitUntil(lambda: page.current_id() == second and page.model.record(0)[0] == second)
    qtbot.mouseClick(page.by_dots_button, Qt.MouseButton.LeftButton)
    dots = [n.dot_votes for n in N.list_needs(store, workshop_id=wid)]
    assert dots == sorted(dots, reverse=True)


def test_categories_are_edited_in_their_dialog_and_offered_in_the_form(window, qtbot, type_text):
    from lampang_planner.ui.dialogs.need_categories import CategoriesDialog, CategoryDialog

    store = window.ctx.store
    dialog = CategoriesDialog(store, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(list_categories(store))
    add = CategoryDialog(store, parent=dialog)
    type_text(add.name_th, "เด็กและเยาวชน")
    type_text(add.name_en, "Children and youth")
    type_text(add.key, "youth")
    add._on_save()
    assert add.result() == add.DialogCode.Accepted
    dialog.reload("youth")
    assert dialog.current_key() == "youth"
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.keys()[-2] == "youth"
    dialog.list.setCurrentRow(0)  # infrastructure: used by needs, so not removed
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isHidden() and "ลบหมวด" in dialog.error.text()
    page = needs_page(window)
    entry = page.open_entry()
    assert entry.category.findData("youth") > 0
    assert page.category.findData("youth") > 0
    entry.reject()


def test_totals_per_district(window, qtbot):
    page = needs_page(window)
    page.tabs.setCurrentWidget(page.summary)
    page.summary.set_grouping("district")
    model = page.summary.model
    assert model.rowCount() == 14  # 13 districts and the province
    total = model.data(model.index(13, 1))
    assert total == str(counts(window.ctx.store.db)["needs"])
    page.summary.set_grouping("category")
    district = model.index(0, 0)
    assert model.rowCount(district) > 0
    assert sum(int(model.data(model.index(r, 1, district))) for r in range(model.rowCount(district))) == int(
        model.data(model.index(0, 1)))


def test_the_page_follows_the_language(window, qtbot):
    page = needs_page(window)
    window.set_language("en")
    qtbot.waitUntil(lambda: page.heading.text() == "Community needs")
    statuses = {page.model.data(page.model.index(r, page.model.STATUS_COLUMN)) for r in range(page.model.rowCount())}
    assert statuses <= {"Proposed", "Accepted into a plan", "Budgeted"}
    window.set_language("th")
    qtbot.waitUntil(lambda: page.heading.text() == "ความต้องการของชุมชน")
    QApplication.processEvents()
