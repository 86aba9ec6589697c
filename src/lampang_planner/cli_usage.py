"""What argparse says about a command line it cannot read, in Thai first (argparse speaks English only): used by
``cli._Parser.error`` when the words typed do not make a command, so only then imported."""

from __future__ import annotations

import re

# argparse's own sentences (Python 3.11-3.13), each with its Thai; {0}, {1}: the parts the pattern takes out
_THAI = (
    (r"the following arguments are required: (.+)", "ยังไม่ได้ระบุ {0}"),
    (r"argument (\S+): invalid choice: '?(.*?)'? \(choose from .*\)", "{0}: ไม่มีตัวเลือก {1}"),
    (r"argument (\S+): invalid (?:int|float) value: '?(.*?)'?", "{0}: {1} ไม่ใช่ตัวเลข"),
    (r"argument (\S+): expected one argument", "{0}: ต้องใส่ค่าต่อท้าย"),
    (r"argument (\S+): expected at least one argument", "{0}: ต้องใส่ค่าต่อท้ายอย่างน้อยหนึ่งค่า"),
    (r"argument (\S+): not allowed with argument (\S+)", "{0} ใช้ร่วมกับ {1} ไม่ได้"),
    (r"one of the arguments (.+) is required", "ต้องระบุอย่างใดอย่างหนึ่ง: {0}"),
    (r"unrecognized arguments: (.+)", "ไม่รู้จัก {0}"),
)


def thai_first(message: str) -> str:
    """``message`` (argparse's) as "ผิดพลาด: <Thai> (<English>)", the way every other refusal is said."""
    for pattern, thai in _THAI:
        m = re.fullmatch(pattern, message, re.S)
        if m:
            return f"ผิดพลาด: {thai.format(*m.groups())} ({message})"
    return f"ผิดพลาด: คำสั่งไม่ถูกต้อง ({message})"
