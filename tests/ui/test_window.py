"""The window as a user meets it: Thai by default, English on demand, the Workshops and People tables, the dialogs."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from lampang_planner.core.sync.digest import counts
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.ui.settings import LANGUAGE


def sidebar_texts(window) -> list[str]:
    return [window.sidebar.item(i).text() for i in range(window.sidebar.count())]


def test_window_opens_in_thai_and_switches_to_english_and_back(window, qtbot):
    assert sidebar_texts(window)[:2] == ["การประชุม", "ผู้เข้าร่วม"]
    window.navigate("people")
    table = window.pages["people"].table
    header = table.model().headerData(0, Qt.Orientation.Horizontal)
    assert header == "ชื่อ–สกุล" or "ชื่อ" in header

    window.set_language("en")
    qtbot.waitUntil(lambda: sidebar_texts(window)[:2] == ["Workshops", "People"])
    assert table.model().headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert window.file_menu.title().replace("&", "") == "File"
    # domain labels follow too: a participant type cell is now English
    model = table.model()
    types = {model.data(model.index(r, 2)) for r in range(50)}
    assert types & {"Network member", "Tambon community council", "Local government organisation", "Private sector",
                    "State agency", "Network committee", "Other"}

    window.set_language("th")
    qtbot.waitUntil(lambda: sidebar_texts(window)[0] == "การประชุม")
    assert window.ctx.settings.get(LANGUAGE) == "th"  # remembered for the next start


def test_workshop_and_people_models_pass_the_model_tester(window, qtmodeltester):
    window.navigate("workshops")
    window.navigate("people")
    qtmodeltester.check(window.pages["workshops"].table.model(), force_py=True)
    qtmodeltester.check(window.pages["people"].table.model(), force_py=True)


def test_workshops_table_lists_the_demo_with_invited_and_attended(window):
    window.navigate("workshops")
    model = window.pages["workshops"].table.model()
    assert model.rowCount() == 14
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first[0] == "25 ส.ค. 2559"  # Buddhist-era date, the main workshop first
    assert "600" in first


def test_people_are_sorted_in_thai_order_and_found_by_partial_name_without_tone_marks(window, qtbot, type_text):
    window.navigate("people")
    page = window.pages["people"]
    model = page.table.model()
    assert model.rowCount() == 1113
    # Thai dictionary order of first names (leading vowels skipped), not code-point order
    firsts = [model.record(r)[model_first_index(model)] for r in range(model.rowCount())]
    assert firsts == sorted(firsts, key=thai_sort_key)

    target = model.record(0)
    first_name = target[model_first_index(model)]
    # type part of the first name with its tone marks removed: the person is still found
    stripped = "".join(ch for ch in first_name if ch not in "\u0e48\u0e49\u0e4a\u0e4b\u0e4c")[:4]
    type_text(page.search, stripped)
    qtbot.waitUntil(lambda: 0 < model.rowCount() < 1113)
    shown = {model.record(r)[model_first_index(model)] for r in range(model.rowCount())}
    assert first_name in shown
    assert page.count.text() and str(model.rowCount()) in page.count.text().replace(",", "")

    page.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 1113)


def model_first_index(model) -> int:
    from lampang_planner.ui.models import people

    return people.FIRST


def test_person_dialog_shows_a_bad_citizen_id_and_writes_nothing(demo_ctx, qtbot):
    from lampang_planner.ui.dialogs.person import PersonDialog

    before = counts(demo_ctx.store.db)
    dlg = PersonDialog(demo_ctx.store)
    qtbot.addWidget(dlg)
    dlg.first_name.setText("สมศรี")
    dlg.last_name.setText("ใจงาม")
    dlg.citizen_id.setText("1234567890123")  # wrong check digit
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dlg.result() == 0 and dlg.saved_id is None
    error = dlg.findChild(QLabel, "error_citizen_id")
    assert error is not None and not error.isHidden() and "เลขประจำตัวประชาชน" in error.text()
    assert counts(demo_ctx.store.db) == before

    dlg.citizen_id.setText("1101700230708")  # valid check digit
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dlg.saved_id is not None
    after = counts(demo_ctx.store.db)
    assert after["people"] == before["people"] + 1


def test_added_person_appears_in_the_people_table(window, qtbot):
    from lampang_planner.core.ops.people import add_person

    window.navigate("people")
    model = window.pages["people"].table.model()
    n = model.rowCount()
    add_person(window.ctx.store, {"first_name": "ก้องภพ", "last_name": "ทดสอบหน้าจอ", "participant_type": "other"})
    qtbot.waitUntil(lambda: model.rowCount() == n + 1)


def test_workshop_dialog_refuses_an_end_before_the_start(empty_ctx, qtbot):
    from lampang_planner.ui.dialogs.workshop import WorkshopDialog

    dlg = WorkshopDialog(empty_ctx.store)
    qtbot.addWidget(dlg)
    dlg.title.setText("เวทีทดสอบ")
    dlg.start_date.setText("25/8/2559")
    dlg.end_date.setText("24/8/2559")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dlg.saved_id is None
    assert counts(empty_ctx.store.db)["workshops"] == 0
    shown = [lbl.text() for lbl in dlg.findChildren(QLabel) if lbl.objectName().startswith("error_") and
             not lbl.isHidden()]
    assert shown, "the problem is shown next to a field"


def test_the_installed_program_opens_its_window_offscreen_and_exits_0(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "lampang_planner", "--selftest", "--data-dir", str(tmp_path / "d")],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "window" in proc.stdout and "self-test passed" in proc.stdout


def test_the_window_stays_up_until_closed_and_then_exits_0(tmp_path):
    import signal
    import time

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-m", "lampang_planner", "--demo", "--data-dir", str(tmp_path / "d")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    try:
        deadline = time.monotonic() + 60
        # the demo data is written, then the window opens and remembers the page it shows
        while not (tmp_path / "d" / "ui-settings.ini").exists() and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.2)
        time.sleep(1.5)
        assert proc.poll() is None, "the window closed by itself"
        proc.send_signal(signal.SIGTERM)  # what the desktop sends when the session ends: close the window
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_editing_a_roster_person_never_asked_for_consent_keeps_their_phone(demo_ctx, qtbot):
    """An office roster carries no consent answer; fixing a typo in the name must not drop the phone (PDPA rules
    apply to a refusal, not to a question never asked) — while unticking a given consent withdraws it."""
    from lampang_planner.core.ops.people import add_person, get_person
    from lampang_planner.ui.dialogs.person import PersonDialog

    store = demo_ctx.store
    pid = add_person(store, {"first_name": "บุญมี", "last_name": "ทดสอบ", "phone": "0812345678",
                             "participant_type": "other"})
    assert get_person(store, pid)["consent"] is None

    dlg = PersonDialog(store, person_id=pid)
    qtbot.addWidget(dlg)
    assert dlg.phone.isEnabled()
    dlg.first_name.setText("บุญมา")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    p = get_person(store, pid)
    assert (p["first_name"], p["phone"], p["consent"]) == ("บุญมา", "0812345678", None)

    dlg = PersonDialog(store, person_id=pid)
    qtbot.addWidget(dlg)
    dlg.consent.setChecked(True)
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert get_person(store, pid)["consent"]

    dlg = PersonDialog(store, person_id=pid)
    qtbot.addWidget(dlg)
    dlg.consent.setChecked(False)  # withdrawn
    assert not dlg.phone.isEnabled()
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    p = get_person(store, pid)
    assert not p["consent"] and p["phone"] is None


def test_adding_a_person_without_consent_keeps_no_phone_or_citizen_id(demo_ctx, qtbot):
    """The People page's add dialog asks for consent: unticked is a refusal, so the core stores neither the phone nor
    the citizen ID (issue #14; they were kept as if the question had never been asked)."""
    from lampang_planner.core.ops.people import get_person
    from lampang_planner.ui.dialogs.person import PersonDialog

    store = demo_ctx.store
    dlg = PersonDialog(store)
    qtbot.addWidget(dlg)
    assert not dlg.consent.isChecked() and not any(w.isEnabled() for w in (dlg.phone, dlg.citizen_id, dlg.note))
    dlg.first_name.setText("สมหมาย")
    dlg.last_name.setText("ไม่ยินยอม")
    dlg.phone.setText("0812345678")  # typed before the question was answered, or pasted
    dlg.citizen_id.setText("1101700230708")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    p = get_person(store, dlg.saved_id)
    assert (p["first_name"], p["phone"], p["citizen_id"], p["consent"]) == ("สมหมาย", None, None, False)

    dlg = PersonDialog(store)
    qtbot.addWidget(dlg)
    dlg.first_name.setText("สมใจ")
    dlg.consent.setChecked(True)
    assert dlg.phone.isEnabled()
    dlg.phone.setText("0812345679")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    p = get_person(store, dlg.saved_id)
    assert (p["phone"], p["consent"]) == ("0812345679", True) and p["consent_date"]
