"""The roster import screen: a messy workbook previewed off the GUI thread (nothing written), filtered, imported (people
added and invited, a backup made), re-imported (nothing to change); refused files; cancel; the People page's button."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from lampang_planner.core.ops.people import add_person
from lampang_planner.core.ops.workshops import workshop_choices
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.core.thai.citizen_id import check_digit
from lampang_planner.core.thai.digits import to_thai_digits
from lampang_planner.ui.dialogs.roster_import import RosterImportDialog
from lampang_planner.ui.models.roster_import import DETAILS_EN, STATUS, RosterImportModel, preview_rows
from roster_support import office_workbook

GOOD_CID = "352010077771" + str(check_digit("352010077771"))
BAD_CID = GOOD_CID[:12] + str((int(GOOD_CID[12]) + 1) % 10)


def messy_roster(path: Path) -> Path:
    """A merged title row, a date row, a blank row, Thai headers in an odd order with an extra column, Thai digits,
    prefixes inside the name, อ./ต. and English place names; a bad citizen ID, a duplicate, an unknown tambon, an
    update of someone on file."""
    headers = ["ลำดับ", "ชื่อ - นามสกุล", "เบอร์โทรศัพท์", "ตำบล", "อำเภอ", "หน่วยงาน", "ขนาดเสื้อ", "เลขบัตรประชาชน"]
    rows = [
        ["๑", " นายทดสอบ  นำเข้าหนึ่ง ", "๐๘๑-๙๙๙-๐๐๐๑", "ต.ศาลา", "อ.เกาะคา", "กลุ่มทดสอบ", "L", to_thai_digits(GOOD_CID)],
        [2, "นางสาวทดสอบ นำเข้าสอง", 819990002, "Sala", "Ko Kha", "สภาเครือข่ายพลเมือง", "M", None],  # 6 add
        [3, "นายทดสอบ นำเข้าสาม", "0819990003", "ต.ศาลา", "อ.เกาะคา", "อบต.ศาลา", "S", BAD_CID],  # 7 rejected
        [4, "นายทดสอบ นำเข้าหนึ่ง", "081 999 0001", "ต.ศาลา", "อ.เกาะคา", "กลุ่มทดสอบ", "L", None],  # 8 duplicate
        [5, "นางทดสอบ นำเข้าห้า", "0819990005", "ต.ไม่มีจริง", "อ.เกาะคา", "กลุ่มแม่บ้าน", "S", None],  # 9 rejected
        [6, "นางทดสอบ มีอยู่แล้ว", "0819990006", "ต.ศาลา", "อ.เกาะคา", "เทศบาลตำบลศาลา", None, None],  # 10 update
    ]
    title = "รายชื่อผู้เข้าร่วมประชุม องค์การบริหารส่วนจังหวัดลำปาง"
    return office_workbook(path, title, "A1:H1", "วันที่ ๑ กันยายน ๒๕๕๙", headers, rows)


def state(store) -> tuple:
    backups = store.data_dir / "backups"
    return digest(store.db), counts(store.db), sorted(backups.iterdir()) if backups.exists() else []


@pytest.fixture
def setup(demo_ctx, tmp_path):
    """The demo data with someone the sheet updates, the first workshop, and the messy workbook."""
    store = demo_ctx.store
    on_file = add_person(store, {"prefix": "นาง", "first_name": "ทดสอบ", "last_name": "มีอยู่แล้ว", "phone": "0819990006",
                                 "organisation": "กลุ่มแม่บ้าน", "subdistrict_code": "520305"})
    wid = workshop_choices(store)[0][0]
    return demo_ctx, wid, on_file, messy_roster(tmp_path / "roster.xlsx")


def open_dialog(qtbot, ctx, wid=None) -> RosterImportDialog:
    dialog = RosterImportDialog(ctx, workshop_id=wid)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def preview(qtbot, dialog, path) -> None:
    dialog.set_path(path)
    qtbot.waitUntil(lambda: not dialog.busy and (dialog.plan is not None or dialog.error is not None), timeout=10_000)


def model_rows(model) -> dict[str, tuple]:
    """Row number → (status, details shown, background)."""
    out = {}
    for r in range(model.rowCount()):
        out[model.data(model.index(r, 0))] = (
            model.status_of(r),
            model.data(model.index(r, 5)),
            model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole),
        )
    return out


def test_preview_writes_nothing_then_import_adds_and_invites(qtbot, setup):
    ctx, wid, on_file, path = setup
    store = ctx.store
    dialog = open_dialog(qtbot, ctx, wid)
    assert dialog.workshop_id() == wid
    assert not dialog.apply_button.isEnabled()
    before = state(store)

    preview(qtbot, dialog, path)
    assert dialog.error is None
    plan = dialog.plan
    assert plan.counts() == {"add": 2, "update": 1, "unchanged": 0, "duplicate": 1, "rejected": 2, "invited": 3}
    assert state(store) == before  # the preview wrote nothing, made no backup
    assert dialog.filter_buttons["rejected"].text().endswith("(2)")
    assert dialog.filter_buttons["add"].text().endswith("(2)")
    assert "(6)" in dialog.filter_buttons[None].text()
    assert dialog.apply_button.isEnabled() and "3" in dialog.apply_button.text()
    header = dialog.header_info.text()
    assert "4" in header and "ขนาดเสื้อ" in header and "B → ชื่อ-สกุล" in header  # row 4; G ignored; B is the name

    rows = model_rows(dialog.model)
    assert [rows[str(n)][0] for n in range(5, 11)] == ["add", "add", "rejected", "duplicate", "rejected", "update"]
    assert "เลขตรวจสอบหลักสุดท้ายผิด" in rows["7"][1]  # the reason, in Thai
    assert "ไม่พบตำบล" in rows["9"][1]
    assert "ซ้ำกับแถว 5" in rows["8"][1]
    assert "กลุ่มแม่บ้าน → เทศบาลตำบลศาลา" in rows["10"][1]  # what the update changes
    assert rows["7"][2] is not None and rows["8"][2] is not None and rows["5"][2] is None  # highlighted
    place = dialog.model.data(dialog.model.index(1, 3))
    assert place == "ต.ศาลา อ.เกาะคา"  # "Sala" / "Ko Kha" in English, found

    dialog.table.setCurrentIndex(dialog.model.index(2, 0))  # row 7: its whole reason shows under the table
    assert dialog.row_detail.isVisibleTo(dialog) and dialog.row_detail.text().startswith("แถว 7")
    assert "เลขตรวจสอบหลักสุดท้ายผิด" in dialog.row_detail.text()

    qtbot.mouseClick(dialog.filter_buttons["rejected"], Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 2
    assert {dialog.model.status_of(r) for r in range(2)} == {"rejected"}
    assert "2" in dialog.count.text() and "6" in dialog.count.text()
    qtbot.mouseClick(dialog.filter_buttons[None], Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 6
    assert state(store) == before

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    result = dialog.result
    assert result.applied and result.backup is not None and result.backup.exists()
    assert result.backup.name in dialog.message.text()
    assert not dialog.apply_button.isEnabled()
    added = {r.row: r.person_id for r in result.rows if r.status == "add"}
    assert len(added) == 2
    names = {r[0] for r in store.query("SELECT first_name || ' ' || last_name FROM person WHERE id IN (?, ?)",
                                        tuple(added.values()))}
    assert names == {"ทดสอบ นำเข้าหนึ่ง", "ทดสอบ นำเข้าสอง"}
    assert store.scalar("SELECT citizen_id FROM person WHERE id=?", (added[5],)) == GOOD_CID
    assert store.scalar("SELECT organisation FROM person WHERE id=?", (on_file,)) == "เทศบาลตำบลศาลา"
    invited = {r[0] for r in store.query("SELECT person_id FROM invitation WHERE workshop_id=? AND deleted=0", (wid,))}
    assert {*added.values(), on_file} <= invited
    after = state(store)

    # The same sheet again: nothing to change, nothing to press, nothing written.
    preview(qtbot, dialog, path)
    assert dialog.plan.counts() == {"add": 0, "update": 0, "unchanged": 3, "duplicate": 1, "rejected": 2,
                                    "invited": 0}
    assert not dialog.apply_button.isEnabled()
    assert "ไม่มีอะไรต้องเปลี่ยน" in dialog.message.text()
    assert state(store) == after


def test_invites_only_when_everyone_is_on_file_and_english_texts(qtbot, setup):
    ctx, wid, _on_file, path = setup
    dialog = open_dialog(qtbot, ctx)  # no workshop: only people
    assert dialog.workshop_id() is None
    preview(qtbot, dialog, path)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert ctx.store.scalar("SELECT COUNT(*) FROM invitation WHERE workshop_id=? AND person_id IN "
                            "(SELECT id FROM person WHERE last_name LIKE 'นำเข้า%')", (wid,)) == 0

    ctx.i18n.set_language("en")
    dialog.set_workshop(wid)  # choosing a workshop makes the preview again: only invitations to write
    qtbot.waitUntil(lambda: not dialog.busy and dialog.plan is not None, timeout=10_000)
    assert dialog.plan.counts()["invited"] == 3 and dialog.plan.counts()["add"] == 0
    assert dialog.apply_button.isEnabled() and dialog.apply_button.text() == "Invite 3 people"
    rows = model_rows(dialog.model)
    assert "check digit" in rows["7"][1]  # reasons follow the language
    assert dialog.model.data(dialog.model.index(1, 3)) == "Sala, Ko Kha"
    assert "Columns not used" in dialog.header_info.text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert "3 newly invited" in dialog.message.text()


@pytest.mark.parametrize("kind", ["not-workbook", "encrypted", "no-header"])
def test_refused_file_shows_the_core_message_and_writes_nothing(qtbot, demo_ctx, tmp_path, kind):
    if kind == "not-workbook":
        path = tmp_path / "list.xlsx"
        path.write_text("ชื่อ,นามสกุล\nสมชาย,ใจดี\n", encoding="utf-8")
    elif kind == "encrypted":
        path = tmp_path / "locked.xlsx"
        path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + "EncryptedPackage".encode("utf-16-le"))
    else:
        path = tmp_path / "report.xlsx"
        wb = openpyxl.Workbook()
        wb.active.append(["รายงานสรุปผลการประชุม"])
        wb.active.append(["อำเภอ", "จำนวน"])
        wb.save(path)
    wid = workshop_choices(demo_ctx.store)[0][0]
    before = state(demo_ctx.store)
    dialog = open_dialog(qtbot, demo_ctx, wid)
    preview(qtbot, dialog, path)
    from lampang_planner.core.errors import UserError

    assert isinstance(dialog.error, UserError) and dialog.error.code == kind
    text = dialog.message.text()
    assert text.startswith(dialog.error.th) and "ไม่ได้บันทึก" in text
    if kind == "encrypted":
        assert "รหัสผ่าน" in text
    assert dialog.model.rowCount() == 0 and not dialog.apply_button.isEnabled()
    assert state(demo_ctx.store) == before

    demo_ctx.i18n.set_language("en")
    assert dialog.message.text().startswith(dialog.error.en) and "Nothing was written" in dialog.message.text()


def test_cancelling_the_preview_writes_nothing(qtbot, setup):
    ctx, wid, _on_file, path = setup
    dialog = open_dialog(qtbot, ctx, wid)
    before = state(ctx.store)
    dialog.set_path(path)
    assert dialog.busy and dialog.cancel_button.isVisibleTo(dialog)
    dialog.cancel()  # before the result is delivered: the task ends as cancelled whatever point it reached
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.plan is None and "ยกเลิก" in dialog.message.text()
    assert not dialog.apply_button.isEnabled()
    assert state(ctx.store) == before


def test_people_page_button_opens_the_dialog_on_its_workshop_and_the_table_follows(qtbot, window, tmp_path):
    ctx = window.ctx
    wid = workshop_choices(ctx.store)[0][0]
    window.navigate("people", workshop_id=wid)
    page = window.pages["people"]
    total = page.model.total
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RosterImportDialog)
    assert dialog is not None and dialog.isVisible() and dialog.workshop_id() == wid
    preview(qtbot, dialog, messy_roster(tmp_path / "roster.xlsx"))
    assert dialog.plan.counts()["add"] == 3  # "ทดสอบ มีอยู่แล้ว" is not on file here: a new person
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    qtbot.waitUntil(lambda: page.model.total == total + 3, timeout=10_000)  # invited: the page's list grows
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_model(qtmodeltester, setup):
    ctx, wid, _on_file, path = setup
    from lampang_planner.core.roster.importer import plan_import

    plan = plan_import(ctx.store, path, wid)
    rows = preview_rows(plan)
    assert [r[STATUS] for r in rows] == ["add", "add", "rejected", "duplicate", "rejected", "update"]
    assert "check digit" in rows[2][DETAILS_EN]
    model = RosterImportModel()
    model.set_preview(rows)
    qtmodeltester.check(model)
    model.sort(4, Qt.SortOrder.DescendingOrder)
    assert model.status_of(0) == "rejected"
    model.set_status("duplicate")
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    model.set_status(None)
    model.set_search("ไม่มีจริง")
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "9"
