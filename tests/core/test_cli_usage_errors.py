"""A command line that does not make a command (a missing option, a word misspelt, a number that is not one) is
refused in Thai, then English — as every other refusal — with the usage above it and exit status 2 (argparse said it
in English only)."""

from __future__ import annotations

import pytest

from lampang_planner.cli import main


@pytest.mark.parametrize(
    ("words", "thai", "english"),
    [
        (["checkin", "ABC"], "ยังไม่ได้ระบุ --workshop", "the following arguments are required: --workshop"),
        (["checkni"], "ไม่มีตัวเลือก checkni", "invalid choice: 'checkni'"),
        (["checkin", "--workshop", "w", "--desk"], "--desk: ต้องใส่ค่าต่อท้าย", "expected one argument"),
        (["signsheet", "--workshop", "w", "--out", "s.pdf", "--blank-rows", "many"], "many ไม่ใช่ตัวเลข",
         "invalid int value: 'many'"),
        (["info", "--bogus"], "ไม่รู้จัก --bogus", "unrecognized arguments: --bogus"),
    ],
)
def test_a_command_line_that_is_not_a_command_is_refused_thai_first(capsys, words, thai, english):
    with pytest.raises(SystemExit) as stop:
        main(words)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: lampang-planner") and "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert "ผิดพลาด: " in last and thai in last and english in last
    assert last.index(thai) < last.index(english)
