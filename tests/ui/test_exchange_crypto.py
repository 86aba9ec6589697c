"""The Exchange screen and personal data (issue #8): a kit exported under a passphrase typed twice; a protected kit
asks for its passphrase on import (and again when it was wrong); a laptop without the office's key warns, and
exports people unencrypted only once the user confirms."""

from __future__ import annotations

import shutil
import zipfile
import zlib

import pytest
from exchange_support import exchange_page
from modal_support import on_modal, type_office_pin

from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import add_person
from lampang_planner.core.sync.bundle import read_bundle
from lampang_planner.core.sync.exchange import export_bundle
from lampang_planner.ui.dialogs.pin import OfficePinDialog

PASSPHRASE = "ลำปาง เกาะคา 2559"


def wait(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.task is not None and not page.task.running, timeout=30_000)


@pytest.fixture
def protected_kit(demo_folder, tmp_path):
    """A one-workshop kit of the demo office, under PASSPHRASE."""
    shutil.copytree(demo_folder, tmp_path / "office")
    with Store.open(tmp_path / "office") as office:
        wid = office.scalar("SELECT id FROM workshop WHERE district_code='5203' AND start_date > '2016-08-25'")
        return export_bundle(office, tmp_path, full=True, workshops=[wid], passphrase=PASSPHRASE).path


def test_an_office_protects_a_kit_with_a_passphrase_typed_twice(qtbot, demo_ctx, tmp_path):
    page = exchange_page(qtbot, demo_ctx)
    assert not page.passphrase_edit.isVisible()  # only for a kit
    page.set_destination(tmp_path)
    page.full_radio.setChecked(True)
    assert page.passphrase_edit.isVisible() and page.passphrase_repeat.isVisible()
    assert "ลายนิ้วมือ" in page.privacy_note.text() or "fingerprint" in page.privacy_note.text()
    page.passphrase_edit.setText(PASSPHRASE)
    page.passphrase_repeat.setText(PASSPHRASE + "x")
    page.export_button.click()
    assert page.task is None and list(tmp_path.glob("*.lpbundle")) == []
    assert "ไม่ตรงกัน" in page.status.text()
    page.passphrase_repeat.setText(PASSPHRASE)
    on_modal(OfficePinDialog, type_office_pin("2559"))  # a kit is office-only: no PIN here yet, so one is set first
    page.export_button.click()
    wait(qtbot, page)
    [path] = tmp_path.glob("*.lpbundle")
    b = read_bundle(path)
    assert b.kind == "kit" and b.protected and b.protected["kdf"] == "scrypt"
    assert "รหัสผ่าน" in page.export_result.text()
    assert page.passphrase_edit.text() == "" and page.passphrase_repeat.text() == ""  # not left on screen


def test_importing_a_protected_kit_asks_for_the_passphrase_and_again_when_wrong(qtbot, empty_ctx, protected_kit,
                                                                              monkeypatch):
    page = exchange_page(qtbot, empty_ctx)
    store = empty_ctx.store
    asked: list[tuple[list[str], bool]] = []
    answers = iter([None, "รหัสผิด 12345", PASSPHRASE])

    def ask(names, *, again=False):
        asked.append((names, again))
        return next(answers)

    reports = []
    shown = page._imported

    def imported(report):
        reports.append([(f.status, f.error.code if f.error else "", store.is_empty()) for f in report.files])
        shown(report)

    monkeypatch.setattr(page, "ask_passphrase", ask)
    monkeypatch.setattr(page, "_imported", imported)
    assert page.import_files([protected_kit]) is None  # cancelled at the prompt: nothing starts
    assert store.is_empty() and "ยกเลิก" in page.status.text() and page.task is None
    page.import_files([protected_kit])
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=30_000)  # refused, asked again for that file, imported
    wait(qtbot, page)
    assert reports == [[("refused", "bad-passphrase", True)], [("imported", "", False)]]
    assert asked == [([protected_kit.name], False), ([protected_kit.name], False), ([protected_kit.name], True)]
    assert store.office_device_id is not None and not store.is_empty()
    assert "เข้ารหัส" in page.privacy_note.text()  # now this laptop's bundles are encrypted for the office


def test_a_laptop_without_the_office_key_warns_and_asks_before_exporting_people_unencrypted(qtbot, empty_ctx,
                                                                                         tmp_path, monkeypatch):
    store = empty_ctx.store
    add_person(store, {"first_name": "บัวผัน", "last_name": "ปินตาแก้ว", "phone": "0891234567", "consent": True,
                       "consent_date": "2016-09-02", "participant_type": "other"})
    page = exchange_page(qtbot, empty_ctx)
    assert page.privacy_note.isVisible() and "กุญแจ" in page.privacy_note.text()
    answers = iter([False, True])
    asked = []

    def confirm():
        asked.append(True)
        return next(answers)

    monkeypatch.setattr(page, "confirm_clear_export", confirm)
    out = tmp_path / "usb"
    out.mkdir()
    page.export_to(out)
    wait(qtbot, page)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5_000)
    assert list(out.iterdir()) == [] and "ส่งออกไม่ได้" in page.status.text()  # declined: nothing written
    page.export_to(out)
    wait(qtbot, page)
    qtbot.waitUntil(lambda: len(asked) == 2 and any(out.glob("*.lpbundle")), timeout=10_000)
    wait(qtbot, page)
    [path] = out.glob("*.lpbundle")
    assert read_bundle(path).sealed is None
    assert b"0891234567" in zlib.decompress(zipfile.ZipFile(path).read("changes.jsonl.z"))  # as confirmed
