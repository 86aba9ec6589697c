"""The office PIN dialog, the audit log viewer, and erasing / exporting a person from the People page."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from modal_support import ok, on_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from lampang_planner.core.audit import stamp_time
from lampang_planner.core.ops.people import get_person
from lampang_planner.core.privacy.fields import ERASED_NAME, PURGED_NAME
from lampang_planner.core.privacy.pin import has_pin, set_pin, verify_pin
from lampang_planner.core.sync.digest import counts
from lampang_planner.ui.dialogs import pin as pin_module
from lampang_planner.ui.dialogs.pin import MAX_ATTEMPTS, OfficePinDialog, forget_office_pin, require_office_pin
from lampang_planner.ui.models.rows import ID_ROLE

# --- PIN -------------------------------------------------------------------------------------------------------------


def test_the_first_pin_is_set_twice_alike_then_verified(qtbot, empty_ctx):
    store = empty_ctx.store
    dialog = OfficePinDialog(empty_ctx, "set")
    qtbot.addWidget(dialog)
    assert dialog.first_time and "current" not in dialog.labels  # no current PIN to ask for yet
    assert "ยังไม่ได้ตั้ง" in dialog.intro.text()  # Thai by default
    dialog.new.setText("2559")
    dialog.again.setText("2558")
    ok(dialog)
    assert not dialog.error.isHidden() and not has_pin(store) and dialog.result() != QDialog.DialogCode.Accepted
    dialog.again.setText("2559")
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and verify_pin(store, "2559")

    change = OfficePinDialog(empty_ctx, "set")
    qtbot.addWidget(change)
    change.current.setText("1111")
    change.new.setText("3333")
    change.again.setText("3333")
    ok(change)
    assert "เดิมไม่ถูกต้อง" in change.error.text() and verify_pin(store, "2559")
    change.current.setText("2559")
    ok(change)
    assert change.result() == QDialog.DialogCode.Accepted and verify_pin(store, "3333")


def test_a_wrong_pin_is_refused_and_too_many_close_the_dialog(qtbot, empty_ctx):
    set_pin(empty_ctx.store, "2559")
    dialog = OfficePinDialog(empty_ctx, "verify", "ลบข้อมูลบุคคล")
    qtbot.addWidget(dialog)
    assert "ลบข้อมูลบุคคล" in dialog.intro.text()
    dialog.pin.setText("1234")
    ok(dialog)
    assert not dialog.error.isHidden() and str(MAX_ATTEMPTS - 1) in dialog.error.text()
    assert dialog.pin.text() == "" and dialog.result() != QDialog.DialogCode.Accepted
    dialog.pin.setText("๒๕๕๙")  # Thai digits work
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted

    stubborn = OfficePinDialog(empty_ctx, "verify")
    qtbot.addWidget(stubborn)
    stubborn.show()
    for _ in range(MAX_ATTEMPTS):
        stubborn.pin.setText("0000")
        ok(stubborn)
    assert stubborn.result() == QDialog.DialogCode.Rejected and not stubborn.isVisible()


def test_require_office_pin_asks_once_then_trusts_for_a_while(qtbot, empty_ctx):
    set_pin(empty_ctx.store, "2559")

    def type_pin(d):
        d.pin.setText("2559")
        ok(d)

    reached = on_modal(OfficePinDialog, type_pin)
    assert require_office_pin(None, empty_ctx, "ทดสอบ") is True and reached
    assert require_office_pin(None, empty_ctx) is True  # within the grace period: not asked again
    forget_office_pin(empty_ctx)
    on_modal(OfficePinDialog, lambda d: d.reject())
    assert require_office_pin(None, empty_ctx) is False


def test_without_a_pin_the_first_office_action_sets_one(qtbot, empty_ctx, monkeypatch):
    monkeypatch.setattr(pin_module, "GRACE_SECONDS", 0)

    def set_it(d):
        assert d.mode == "set" and d.first_time
        d.new.setText("777777")
        d.again.setText("777777")
        ok(d)

    on_modal(OfficePinDialog, set_it)
    assert require_office_pin(None, empty_ctx) is True and verify_pin(empty_ctx.store, "777777")


# --- audit viewer ----------------------------------------------------------------------------------------------------


def test_the_audit_viewer_lists_filters_and_exports(window, qtbot, qtmodeltester, tmp_path):
    store = window.ctx.store
    assert window.privacy_menu.title() == "ข้อมูลส่วนบุคคล"
    window.privacy_menu.audit_action.trigger()  # Privacy ▸ Audit log…
    dialog = window.privacy_menu.audit_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    model = dialog.model
    assert model.rowCount() == store.scalar("SELECT COUNT(*) FROM change")
    qtmodeltester.check(model, force_py=True)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "วันเวลา"
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]  # the newest change first
    newest = store.scalar("SELECT MAX(hlc) FROM change")
    assert model.data(model.index(0, 0), ID_ROLE) == newest
    assert str(stamp_time(newest).year + 543) in first[0]  # a Buddhist-era date
    assert first[3] == "demo" and first[2] == "เพิ่ม"

    # filter by kind of record: reloads with only those rows
    dialog.table_filter.setCurrentIndex(dialog.table_filter.findData("workshop"))
    qtbot.waitUntil(lambda: model.rowCount() == 14, timeout=10_000)
    assert {model.data(model.index(r, 1)) for r in range(model.rowCount())} == {"การประชุม"}
    # (the model tester stays connected: every reload and search since its check was checked too)
    # the search narrows further
    dialog.search.setText("venue")
    assert model.rowCount() == 14
    dialog.search.setText("no-such-thing")
    assert model.rowCount() == 0
    dialog.search.clear()

    # a date filter with no changes that day
    dialog.since.setText("1/1/2600")
    dialog.since.editingFinished.emit()
    qtbot.waitUntil(lambda: model.total == 0, timeout=10_000)
    dialog.since.clear()
    dialog.since.editingFinished.emit()
    qtbot.waitUntil(lambda: model.total == 14, timeout=10_000)

    out = tmp_path / "audit.csv"
    dialog.ask_export_path = lambda: str(out)
    dialog.export()
    qtbot.waitUntil(lambda: dialog.last_export is not None, timeout=10_000)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 15 and "การประชุม" in lines[1]
    assert "14" in dialog.message.text()

    # a change made now shows up, by the signed-in name
    from lampang_planner.core.ops.people import update_person
    from lampang_planner.core.privacy.operator import set_operator

    set_operator(store, "สมศรี")
    dialog.table_filter.setCurrentIndex(dialog.table_filter.findData("person"))
    pid = store.scalar("SELECT id FROM person LIMIT 1")
    update_person(store, pid, {"note": "โทรแล้ว"})
    qtbot.waitUntil(lambda: any(model.data(model.index(r, 5)) == "สมศรี" for r in range(model.rowCount())),
                    timeout=10_000)
    assert dialog.author_filter.findData(store.author) > 0
    dialog.close()


def test_the_viewer_says_when_it_shows_only_the_newest_changes(demo_ctx, qtbot, monkeypatch):
    from lampang_planner.ui.dialogs import audit

    monkeypatch.setattr(audit, "VIEW_LIMIT", 10)
    dialog = audit.AuditDialog(demo_ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.model.rowCount() == 10 and dialog.truncated
    newest = demo_ctx.store.scalar("SELECT MAX(hlc) FROM change")
    assert newest in {dialog.model.record(r)[0] for r in range(10)}
    assert "ล่าสุด" in dialog.count.text()


# --- People page: erase and export -----------------------------------------------------------------------------------


@pytest.fixture
def people_page(window):
    window.navigate("people")
    set_pin(window.ctx.store, "2559")
    return window.pages["people"]


def test_erase_from_the_people_page_behind_the_pin(people_page, qtbot):
    from lampang_planner.ui.dialogs.person_rights import EraseDialog

    page = people_page
    store = page.ctx.store
    pid = page.current_id()
    assert pid and page.rights_button.isEnabled()
    before = counts(store.db)

    def type_pin(d):
        d.pin.setText("2559")
        ok(d)

    def confirm_and_erase(d):
        assert not d.erase_button.isEnabled()  # not before the box is ticked
        d.confirm.setChecked(True)
        d.erase_button.click()
        assert "ลบแล้ว" in d.heading.text()
        d.cancel_button.click()

    pin_seen = on_modal(OfficePinDialog, type_pin)
    erase_seen = on_modal(EraseDialog, confirm_and_erase)
    page.erase_action.trigger()
    assert pin_seen and erase_seen
    p = get_person(store, pid)
    assert p["deleted"] and p["first_name"] == ERASED_NAME and p["phone"] is None
    qtbot.waitUntil(lambda: page.model.row_of(pid) < 0)  # gone from the list
    after = counts(store.db)
    assert after["people"] == before["people"] - 1 and after["attendance"] == before["attendance"]


def test_cancelling_the_pin_erases_nothing(people_page):
    pid = people_page.current_id()
    on_modal(OfficePinDialog, lambda d: d.reject())
    people_page.erase_action.trigger()
    assert not get_person(people_page.ctx.store, pid)["deleted"]


def test_export_from_the_people_page(people_page, qtbot, tmp_path, monkeypatch):
    from lampang_planner.ui.dialogs import person_rights

    out = tmp_path / "person"
    monkeypatch.setattr(person_rights, "ask_save_path", lambda *a: str(out))
    pid = people_page.current_id()

    def type_pin(d):
        d.pin.setText("2559")
        ok(d)

    on_modal(OfficePinDialog, type_pin)
    people_page.export_action.trigger()
    target = tmp_path / "person.json"
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert json.loads(target.read_text(encoding="utf-8"))["person"]["id"] == pid
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=5000)
    box = QApplication.activeModalWidget()
    assert str(target) in box.text()
    box.close()


# --- operator and purge ----------------------------------------------------------------------------------------------


def test_the_signed_in_name_is_set_from_the_menu_and_shown(window):
    from lampang_planner.ui.dialogs.audit_menu import OperatorDialog

    menu = window.privacy_menu
    assert menu.operator_label.text() == "ยังไม่มีผู้ลงชื่อเข้าใช้"

    def bad_then_good(d):
        d.name.setText("ชื่อ/ผิด")
        ok(d)
        assert not d.error.isHidden()
        d.name.setText("สมศรี ใจดี")
        ok(d)

    on_modal(OperatorDialog, bad_then_good)
    assert menu.sign_in() is True
    assert window.ctx.store.author.endswith("(สมศรี ใจดี)")
    assert "สมศรี ใจดี" in menu.operator_label.text()


def test_purge_dialog_purges_and_keeps_the_counts(demo_ctx, qtbot):
    from lampang_planner.ui.dialogs.person_rights import PurgeDialog

    store = demo_ctx.store
    before = counts(store.db)
    dialog = PurgeDialog(demo_ctx, today=dt.date(2021, 8, 23))
    qtbot.addWidget(dialog)
    assert not dialog.purge_button.isEnabled()  # the day before the first expiry: nothing due
    dialog.day.set_date(dt.date(2030, 1, 1))
    dialog.day.editingFinished.emit()
    assert dialog.purge_button.isEnabled() and f"{before['people']:,}" in dialog.summary.text()
    dialog.purge_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    after = counts(store.db)
    for key in ("people", "attendance", "invitations", "needs", "votes"):
        assert after[key] == before[key]
    assert store.scalar("SELECT COUNT(*) FROM person WHERE first_name<>?", (PURGED_NAME,)) == 0


def test_the_pin_dialog_follows_the_language(qtbot, empty_ctx):
    dialog = OfficePinDialog(empty_ctx, "verify")
    qtbot.addWidget(dialog)
    empty_ctx.i18n.set_language("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Office PIN")
    assert "office-only" in dialog.intro.text()
    empty_ctx.i18n.set_language("th")
    qtbot.waitUntil(lambda: dialog.windowTitle() != "Office PIN")


def test_the_audit_viewer_names_the_fields_changed_in_the_windows_language(window, qtbot):
    """The 'fields changed' column says โทรศัพท์, เวลาลงทะเบียนแต่ละโต๊ะ, … on a Thai screen, not the stored keys (phone,
    kinds, scans, workshop_id were shown as such); the keys still find the rows."""
    import re

    window.privacy_menu.audit_action.trigger()
    dialog = window.privacy_menu.audit_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    model = dialog.model
    shown = {model.data(model.index(r, 7)) for r in range(model.rowCount())}
    assert len(shown) > 5
    assert [t for t in shown if re.search(r"[a-z_]", t)] == []
    assert any("เวลาลงทะเบียนแต่ละโต๊ะ" in t for t in shown) and any("การประชุม" in t for t in shown), shown
    dialog.search.setText("scans")  # the stored key still finds the check-ins
    assert 0 < model.rowCount() and all("เวลาลงทะเบียนแต่ละโต๊ะ" in model.data(model.index(r, 7))
                                        for r in range(model.rowCount()))
    dialog.search.clear()
    window.set_language("en")
    qtbot.waitUntil(lambda: any("first name" in (model.data(model.index(r, 7)) or "")
                                for r in range(model.rowCount())), timeout=5_000)
    dialog.close()
