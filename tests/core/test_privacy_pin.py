"""The office PIN: hashed with scrypt and a salt, checked in constant time, needed by office-only commands."""

from __future__ import annotations

import json

import pytest

from lampang_planner.cli import main
from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.local import OFFICE_PIN, get_setting
from lampang_planner.core.privacy.pin import clear_pin, has_pin, require_pin, set_pin, verify_pin


@pytest.mark.production_scrypt
def test_set_verify_change_and_clear(empty_store):
    s = empty_store
    assert not has_pin(s) and not verify_pin(s, "1234")
    require_pin(s, None)  # nothing set yet: nothing to ask
    set_pin(s, "๒๕๕๙")  # Thai digits read as 2559
    assert has_pin(s) and verify_pin(s, "2559") and verify_pin(s, " 25 59 ")
    assert not verify_pin(s, "2558") and not verify_pin(s, "")
    stored = get_setting(s, OFFICE_PIN)
    assert "2559" not in stored and '"alg": "scrypt"' in stored and '"salt"' in stored
    rec = json.loads(stored)  # the program's cost: 16 MiB and ~50 ms a try
    assert (rec["n"], rec["r"], rec["p"], len(bytes.fromhex(rec["salt"]))) == (2**14, 8, 1, 16)

    with pytest.raises(UserError, match="เดิมไม่ถูกต้อง"):
        set_pin(s, "9999", current_pin="0000")
    set_pin(s, "9999", current_pin="2559")
    assert verify_pin(s, "9999") and not verify_pin(s, "2559")
    first = get_setting(s, OFFICE_PIN)
    set_pin(s, "9999", current_pin="9999")
    assert get_setting(s, OFFICE_PIN) != first  # a fresh salt every time

    for bad in ("12", "12a4", "1234567890123"):
        with pytest.raises(UserError, match="ตัวเลข"):
            set_pin(s, bad, current_pin="9999")
    with pytest.raises(UserError, match="ต้องใส่รหัส PIN"):
        require_pin(s, None)
    with pytest.raises(UserError, match="ไม่ถูกต้อง"):
        require_pin(s, "1111")
    require_pin(s, "9999")
    with pytest.raises(UserError):
        clear_pin(s, "1111")
    clear_pin(s, "9999")
    assert not has_pin(s)


def test_set_pin_on_the_command_line_and_purge_behind_it(demo_dir, capsys, tmp_path):
    d = str(demo_dir)
    new = tmp_path / "new.txt"
    new.write_text("246810\n", encoding="utf-8")
    assert main(["privacy", "set-pin", "--new-pin-file", str(new), "--data-dir", d]) == 0
    capsys.readouterr()
    # changing it needs the current PIN
    other = tmp_path / "other.txt"
    other.write_text("13579\n", encoding="utf-8")
    assert main(["privacy", "set-pin", "--new-pin-file", str(other), "--data-dir", d]) == 2
    assert main(["privacy", "set-pin", "--new-pin-file", str(other), "--pin-file", str(new), "--data-dir", d]) == 0
    capsys.readouterr()
    # a dry run needs no PIN; the purge itself does
    assert main(["privacy", "purge", "--dry-run", "--today", "2030-01-01", "--data-dir", d]) == 0
    assert main(["privacy", "purge", "--today", "2030-01-01", "--data-dir", d]) == 2
    assert "PIN" in capsys.readouterr().err
    assert main(["privacy", "purge", "--today", "2030-01-01", "--pin-file", str(new), "--data-dir", d]) == 2
    assert main(["privacy", "purge", "--today", "2030-01-01", "--pin-file", str(other), "--data-dir", d]) == 0


def test_operator_and_contact_on_the_command_line(demo_dir, capsys):
    d = str(demo_dir)
    assert main(["privacy", "operator", "สมศรี ใจดี", "--data-dir", d]) == 0
    assert "(สมศรี ใจดี)" in capsys.readouterr().out
    assert main(["privacy", "operator", "--data-dir", d]) == 0
    assert "สมศรี ใจดี" in capsys.readouterr().out
    assert main(["privacy", "operator", "--clear", "--data-dir", d]) == 0
    assert "ผู้ใช้งาน (signed-in name): -" in capsys.readouterr().out
    assert main(["privacy", "contact", "งานนิติการ อบจ.ลำปาง โทร 054-000-000", "--data-dir", d]) == 0
    capsys.readouterr()
    assert main(["privacy", "notice", "--data-dir", d]) == 0
    assert "งานนิติการ อบจ.ลำปาง โทร 054-000-000" in capsys.readouterr().out
    assert main(["privacy", "notice", "--workshop", "nope", "--data-dir", d]) == 2
