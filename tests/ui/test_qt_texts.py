"""Qt's own texts on a Thai screen: the standard buttons Qt names itself (a message box's Yes/No, a button box's
OK/Cancel/Close, the file dialog's Open) come in Thai from the program's catalogue, as Qt ships no Thai one. In the
walkthrough the need picker's Cancel, every question's Yes/No and the import file dialog were English on a Thai
screen."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton

SB = QDialogButtonBox.StandardButton


def _texts(box: QDialogButtonBox) -> dict:
    return {which: box.button(which).text().replace("&", "") for which in (SB.Ok, SB.Cancel, SB.Close, SB.Save)}


def test_every_text_of_qt_the_program_lists_has_its_thai(demo_ctx):
    from PySide6.QtCore import QCoreApplication

    from lampang_planner.ui.qt_texts import QT_TEXTS

    contexts = ("QPlatformTheme", "QFileDialog", "QFileSystemModel", "QAbstractFileIconProvider")
    untranslated = [t for t in QT_TEXTS if all(QCoreApplication.translate(c, t) == t for c in contexts)]
    assert not untranslated


def test_standard_buttons_follow_the_language(demo_ctx, qtbot):
    box = QDialogButtonBox(SB.Ok | SB.Cancel | SB.Close | SB.Save)
    qtbot.addWidget(box)
    assert _texts(box) == {SB.Ok: "ตกลง", SB.Cancel: "ยกเลิก", SB.Close: "ปิด", SB.Save: "บันทึก"}
    demo_ctx.i18n.set_language("en")
    qtbot.waitUntil(lambda: _texts(box)[SB.Cancel] == "Cancel")  # the box re-reads them at the language change
    assert _texts(box) == {SB.Ok: "OK", SB.Cancel: "Cancel", SB.Close: "Close", SB.Save: "Save"}


def test_a_question_asks_yes_or_no_in_thai(demo_ctx, qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "ลบ", "ลบความต้องการนี้หรือไม่",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"ใช่", "ไม่ใช่"}


def test_the_need_picker_and_the_file_dialog_speak_thai(demo_ctx, qtbot):
    from lampang_planner.ui.dialogs.plan import NeedPickerDialog

    picker = NeedPickerDialog(demo_ctx.store)
    qtbot.addWidget(picker)
    assert picker.buttons.button(SB.Cancel).text() == "ยกเลิก"

    files = QFileDialog(None, "นำเข้า")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(files)
    shown = {w.text().replace("&", "") for kind in (QLabel, QPushButton) for w in files.findChildren(kind) if w.text()}
    assert {"มองหาใน:", "ชื่อไฟล์:", "ชนิดไฟล์:", "เปิด", "ยกเลิก"} <= shown, shown
