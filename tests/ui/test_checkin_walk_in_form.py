"""The check-in screen through the window: walk-in registration, the badge printed for a walk-in, and someone
who is not invited (amber; F2 invites and checks them in)."""

from __future__ import annotations

import checkin_page_support
import pytest
from checkin_page_support import attended, pending, send_keys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from lampang_planner.core.model import natural_id
from lampang_planner.core.ops.checkin import live_counts
from lampang_planner.core.qr import payload
from lampang_planner.core.sync.digest import counts, digest

shared_window = checkin_page_support.shared_window  # one window per module (the fixtures: checkin_page_support.py)
window = checkin_page_support.window
desk = checkin_page_support.desk


def test_walk_in_registration_invites_and_checks_in_in_one_step(desk, qtbot):
    page, store, wid = desk
    before = live_counts(store, wid)
    people_before = counts(store.db)["people"]
    dialog = page.open_walkin()
    qtbot.waitExposed(dialog)
    assert dialog.places.district_code() == "5203"  # the workshop's district is offered first
    qtbot.mouseClick(dialog.quick[2], Qt.MouseButton.LeftButton)
    assert dialog.prefix.currentText() == "นางสาว"
    dialog.first_name.setText("ปราณี")
    dialog.last_name.setText("ทดสอบเดินเข้า")
    dialog.organisation.setText("กลุ่มแม่บ้านบ้านนาแก้ว")
    dialog.places.tambon.setCurrentIndex(dialog.places.tambon.findData("520303"))
    dialog.phone.setText("089-123-4567")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # consent not asked yet
    assert dialog.isVisible() and dialog.error_text("consent")
    assert counts(store.db)["people"] == people_before
    dialog.consent.setChecked(True)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.panel.state == "green" and "นางสาวปราณี ทดสอบเดินเข้า" in page.panel.title.text()
    result = page.last_result
    assert result.person_created and result.this_desk == page.desk()
    after = live_counts(store, wid)
    assert (after.checked_in, after.invited) == (before.checked_in + 1, before.invited + 1)
    assert store.scalar("SELECT phone FROM person WHERE id=?", (result.person_id,)) == "0891234567"
    assert page.badge_person == (result.person_id, result.name)
    # Undo takes the whole registration back
    page.undo_last()
    assert counts(store.db)["people"] == people_before


def test_walk_in_form_offers_the_person_already_on_file(desk, qtbot):
    page, store, wid = desk
    pid, _code, first = pending(store, wid)[6]
    people_before = counts(store.db)["people"]
    dialog = page.open_walkin()
    dialog.first_name.setText(first)
    dialog.find_matches()
    assert dialog.matches.isVisible() and dialog.matches.count() >= 1
    ids = [dialog.matches.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.matches.count())]
    dialog.matches.setCurrentRow(ids.index(pid))
    assert dialog.use_match.isEnabled()
    qtbot.mouseClick(dialog.use_match, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.panel.state == "green" and attended(store, wid, pid)
    assert counts(store.db)["people"] == people_before  # no duplicate made


def test_walk_in_problems_are_shown_per_field_and_nothing_is_written(desk, qtbot):
    page, store, _wid = desk
    before = digest(store.db)
    dialog = page.open_walkin()
    dialog.phone.setText("123")
    dialog.consent.setChecked(True)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_text("first_name") == "ต้องระบุชื่อ"
    assert dialog.error_text("phone")
    assert digest(store.db) == before
    dialog.reject()


def _walk_in(page, store, wid, first: str):
    from lampang_planner.core.ops.checkin import register_walk_in

    result = register_walk_in(store, wid, {"first_name": first, "last_name": "ทดสอบพิมพ์", "consent": True}, desk="1")
    page.show_result(result)
    return result


def test_without_a_printer_the_badge_opens_in_the_viewer_or_the_screen_says_where_it_is(desk, qtbot, monkeypatch):
    from lampang_planner.ui.views import checkin_badge

    page, store, wid = desk
    if checkin_badge.badge_renderer() is None:
        pytest.skip("this version has no badge renderer (core.reports.badges.badge_pdf)")
    monkeypatch.setattr(checkin_badge, "printer_names", lambda: [])
    opened: list[str] = []
    monkeypatch.setattr(checkin_badge.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    _walk_in(page, store, wid, "พิมพ์หนึ่ง")
    assert page.badge_button.isEnabled() and "พิมพ์หนึ่ง" in page.badge_button.toolTip()
    qtbot.mouseClick(page.badge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened[0].endswith(".pdf") and open(opened[0], "rb").read(5) == b"%PDF-"
    assert "PDF" in page.badge_note.text() and page.badge_note.isVisible()
    qtbot.waitUntil(page.badge_button.isEnabled)
    monkeypatch.setattr(checkin_badge.QDesktopServices, "openUrl", lambda url: False)  # no viewer either
    qtbot.mouseClick(page.badge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "บันทึกไว้ที่" in page.badge_note.text(), timeout=20_000)  # said on screen, with the file
    assert str(page.badges.last_pdf) in page.badge_note.text()


def test_the_first_badge_asks_for_the_printer_and_paper_and_remembers_them(desk, qtbot, monkeypatch):
    from lampang_planner.ui.views import checkin_badge
    from lampang_planner.ui.widgets.badge_printer import BADGE_PAPER, BADGE_PRINTER, PrintOutcome

    page, store, wid = desk
    if checkin_badge.badge_renderer() is None:
        pytest.skip("this version has no badge renderer (core.reports.badges.badge_pdf)")
    sent: list[tuple] = []
    monkeypatch.setattr(checkin_badge, "printer_names", lambda: ["Brother-QL", "Office"])
    def fake_print(_pdf, printer, paper, _title):
        sent.append((printer, paper))
        return PrintOutcome(True, f"sent to {printer}")

    monkeypatch.setattr(checkin_badge, "print_badge_pdf", fake_print)
    page.ctx.settings.reset(BADGE_PRINTER)
    _walk_in(page, store, wid, "พิมพ์สอง")
    qtbot.mouseClick(page.badge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.badges.dialog is not None and page.badges.dialog.isVisible(), timeout=20_000)
    dialog = page.badges.dialog
    dialog.printer.setCurrentIndex(dialog.printer.findText("Office"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.accept()
    assert sent == [("Office", "a4")] and "Office" in page.badge_note.text()
    assert (page.ctx.settings.get(BADGE_PRINTER), page.ctx.settings.get(BADGE_PAPER)) == ("Office", "a4")
    qtbot.waitUntil(page.badge_button.isEnabled)
    qtbot.mouseClick(page.badge_button, Qt.MouseButton.LeftButton)  # the second time: no question
    qtbot.waitUntil(lambda: len(sent) == 2, timeout=20_000)
    assert page.badges.dialog is None and sent[1] == ("Office", "a4")
    page.ctx.settings.reset(BADGE_PRINTER)
    page.ctx.settings.reset(BADGE_PAPER)


def _not_invited(store, wid) -> tuple[str, str, str]:
    """(id, code, first name) of someone on file who is not on ``wid``'s invitation list and not checked in to it."""
    return store.query(
        "SELECT p.id, p.code, p.first_name FROM person p WHERE p.deleted = 0 AND p.merged_into IS NULL AND p.id NOT IN "
        "(SELECT person_id FROM invitation WHERE workshop_id = ? AND deleted = 0) AND p.id NOT IN "
        "(SELECT person_id FROM attendance WHERE workshop_id = ?) ORDER BY p.code",
        (wid, wid),
    )


def test_someone_not_invited_is_amber_and_f2_checks_them_in_with_the_invitation(desk, qtbot):
    from lampang_planner.core.model import Invitation

    page, store, wid = desk
    pid, code, first = _not_invited(store, wid)[0]
    before = (digest(store.db), counts(store.db))
    send_keys(page.search, payload(code))
    assert page.panel.state == "amber" and first in page.panel.title.text()
    assert "ไม่อยู่ในรายชื่อเชิญ" in page.panel.message.text() and page.panel.action.isVisible()
    assert "F2" in page.panel.action.text() and page.sound.played[-1] == "amber"
    assert (digest(store.db), counts(store.db)) == before and not attended(store, wid, pid)  # nothing written yet
    QTest.keyClick(page.search, Qt.Key.Key_F2)
    assert page.panel.state == "green" and attended(store, wid, pid)
    assert not page.panel.action.isVisible()
    invitation = store.db.execute("SELECT deleted FROM invitation WHERE id=?",
                                  (natural_id(Invitation, wid, pid),)).fetchone()
    assert invitation == (0,)
    QTest.keyClick(page.search, Qt.Key.Key_F2)  # again: nothing more
    assert page.panel.state == "green"


def test_a_red_scan_replaces_the_amber_at_once_and_f2_then_does_nothing(desk, qtbot):
    page, store, wid = desk
    pid, code, _first = _not_invited(store, wid)[1]
    send_keys(page.search, payload(code))
    assert page.panel.state == "amber"
    send_keys(page.search, "ศญญๅซกกกกกกกก")  # a garbled scan
    assert page.panel.state == "red" and page.sound.played[-1] == "red" and not page.panel.action.isVisible()
    QTest.keyClick(page.search, Qt.Key.Key_F2)
    assert page.panel.state == "red" and not attended(store, wid, pid)
