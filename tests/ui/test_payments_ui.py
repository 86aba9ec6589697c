"""The payment list from the Reports screen: rates typed in the dialog (a bad one is refused in place), the list of
one session or of the whole workshop written as PDF and Excel on a task thread, read back."""

from __future__ import annotations

import subprocess

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from lampang_planner.core.ops.payments import get_rates, payment_list
from lampang_planner.core.ops.sessions import list_sessions
from lampang_planner.core.thai.baht import baht_figures, baht_text
from lampang_planner.ui.views.reports import ReportsPage
from lampang_planner.ui.views.reports_paperwork import EXCEL, PDF, PaymentsDialog


@pytest.fixture
def page(window) -> ReportsPage:
    window.navigate("reports")
    page = window.pages["reports"]
    wid = window.ctx.store.db.execute(
        "SELECT workshop_id FROM attendance WHERE deleted=0 GROUP BY workshop_id ORDER BY COUNT(*) LIMIT 1"
    ).fetchone()[0]
    page.workshop.setCurrentIndex(page.workshop.findData(wid))
    return page


def _type(type_text, edit, text: str) -> None:
    edit.clear()
    type_text(edit, text)


def test_rates_are_checked_by_the_core_and_saved(page, qtbot, type_text):
    store = page.ctx.store
    assert page.payments_button.isEnabled()
    dialog = PaymentsDialog(store, page.workshop_id(), parent=page)
    qtbot.addWidget(dialog)
    assert dialog.session.count() == 1 + len(list_sessions(store, page.workshop_id()))
    allowance, travel = dialog.rate_edits["community_council"]
    _type(type_text, allowance, "120")
    _type(type_text, travel, "สิบบาท")
    _type(type_text, dialog.rate_edits["other"][0], "50")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dialog.result() and not dialog.problem.isHidden()
    assert "อัตรา" in dialog.rate_errors["community_council"].text()
    assert dialog.rate_errors["other"].isHidden()
    assert get_rates(store) == {}  # all or nothing: the good "other" rate waits for the bad one
    _type(type_text, travel, "1,080.50")
    dialog.save()
    assert dialog.result() and dialog.problem.isHidden()
    rate = get_rates(store)["community_council"]
    assert (str(rate.allowance), str(rate.travel)) == ("120.00", "1080.50")
    assert dialog.session_id() is None and dialog.fmt() == PDF


@pytest.mark.parametrize("fmt", [PDF, EXCEL])
def test_the_payment_list_is_written_off_the_gui_thread(page, qtbot, tmp_path, fmt):
    from lampang_planner.core.ops.payments import set_rate

    store, wid = page.ctx.store, page.workshop_id()
    for ptype in ("community_council", "network_member", "other"):
        set_rate(store, ptype, allowance=240, travel="100.25")
    plist = payment_list(store, wid)
    assert plist.paid_rows
    target = tmp_path / f"payments.{fmt}"
    task = page.export_payments(target, None, fmt)
    assert task is not None and not page.payments_button.isEnabled()
    qtbot.waitUntil(lambda: not task.running, timeout=60_000)
    qtbot.waitUntil(lambda: page.open_button.isVisible())
    assert target.name in page.status.text() and page.payments_button.isEnabled()
    if fmt == PDF:
        text = " ".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert f"รวมจ่ายเงินทั้งสิ้น {baht_figures(plist.total)} บาท ({baht_text(plist.total)})" in text
        assert plist.paid_rows[0].name in text
    else:
        ws = load_workbook(target).active
        formulas = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)
                    and c.value.startswith("=SUM")]
        assert formulas


def test_a_payment_list_nobody_attended_says_so(page, qtbot, tmp_path):
    store = page.ctx.store
    from lampang_planner.core.ops.workshops import add_workshop

    wid = add_workshop(store, {"title": "เวทีว่าง", "start_date": "2026-12-08", "district_code": "5203"})
    qtbot.waitUntil(lambda: page.workshop.findData(wid) >= 0)
    page.workshop.setCurrentIndex(page.workshop.findData(wid))
    task = page.export_payments(tmp_path / "none.pdf", None, PDF)
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    assert "ยังไม่มีผู้ลงทะเบียน" in page.status.text() and not (tmp_path / "none.pdf").exists()


def test_the_sign_in_sheet_of_a_session_from_the_reports_screen(page, qtbot, tmp_path):
    from lampang_planner.core.ops.sessions import add_session, current_session
    from lampang_planner.ui.views.reports_paperwork import SignSheetDialog

    store, wid = page.ctx.store, page.workshop_id()
    assert page.signsheet_button.isEnabled() and page.signsheet_button.text() == "ใบลงทะเบียน…"
    assert page.payments_box.title() == "ใบลงทะเบียนและบัญชีรายชื่อผู้รับเงิน"
    afternoon = add_session(store, wid, {"name": "ภาคบ่าย", "starts": "13:00", "ends": "16:00"})
    dialog = SignSheetDialog(store, wid, parent=page)
    qtbot.addWidget(dialog)
    assert dialog.session.count() == 2 and dialog.session_id() == current_session(store, wid).id
    assert dialog.windowTitle() == "ใบลงทะเบียน"
    dialog.session.setCurrentIndex(dialog.session.findData(afternoon))
    target = tmp_path / "sheet.pdf"
    task = page.export_signsheet(target, dialog.session_id(), False, dialog.blank.value())
    assert page.status.text() == "กำลังเขียนใบลงทะเบียน…"
    qtbot.waitUntil(lambda: not task.running, timeout=60_000)
    qtbot.waitUntil(lambda: page.open_button.isVisible())
    text = " ".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "ภาคบ่าย" in text and "13:00–16:00 น." in text and "ผู้รับรอง" in text
