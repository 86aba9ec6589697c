"""The session commands as an office clerk types them: sessions, check-in per session, paper key-in, the day's
summary, the attendance export with chosen columns, rates and the payment list, the sign-in sheet of a session."""

from __future__ import annotations

import json

from openpyxl import load_workbook
from session_support import DAY, two_sessions

from folder_support import new_store
from lampang_planner.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_sessions_from_the_command_line(tmp_path, capsys):
    data = tmp_path / "data"
    with new_store(data) as store:
        ws = two_sessions(store)
        codes = {k: store.scalar("SELECT code FROM person WHERE id=?", (pid,)) for k, pid in ws.ids.items()}
    d = ("--data-dir", str(data))
    code, out, _ = run(capsys, "session", "add", *d, "--workshop", ws.wid, "--name", "วันที่สอง", "--day", DAY,
                       "--starts", "18:00")  # fmt: skip
    assert code == 0
    evening = out.strip()
    code, out, _ = run(capsys, "session", "list", *d, "--workshop", ws.wid, "--json")
    assert [s["name"] for s in json.loads(out)] == ["ภาคเช้า", "ภาคบ่าย", "วันที่สอง"]
    code, _, err = run(capsys, "session", "edit", *d, "--workshop", ws.wid, evening, "--starts", "7pm")
    assert code != 0 and "เวลาไม่ถูกต้อง" in err
    assert run(capsys, "session", "remove", *d, "--workshop", ws.wid, evening)[0] == 0

    code, out, _ = run(capsys, "checkin", *d, "--workshop", ws.wid, "--session", ws.afternoon, codes["somchai"])
    assert code == 0 and out.startswith("checked-in")
    code, out, _ = run(capsys, "paper", *d, "--workshop", ws.wid, "--session", ws.afternoon, "--keyed-by",
                       "นางสมศรี", codes["kaew"], "NOSUCH99")  # fmt: skip
    assert code == 1 and "checked-in" in out and "unknown NOSUCH99" in out
    code, out, _ = run(capsys, "attendance", "summary", *d, "--workshop", ws.wid, "--json")
    [day] = json.loads(out)
    assert [s["checked_in"] for s in day["sessions"]] == [0, 2] and day["any_session"] == 2

    xlsx = tmp_path / "att.xlsx"
    code, _, err = run(capsys, "attendance", "export", *d, "--workshop", ws.wid, "--columns", "name,shoe", "--out", str(xlsx))
    assert code != 0 and "shoe" in err and not xlsx.exists()
    code, out, _ = run(capsys, "attendance", "export", *d, "--workshop", ws.wid, "--columns", "name,kind,keyed_by,desk",
                       "--out", str(xlsx))  # fmt: skip
    assert code == 0
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["ภาคเช้า", "ภาคบ่าย"]
    rows = list(wb["ภาคบ่าย"].iter_rows(values_only=True))
    assert rows[0] == ("ชื่อ – สกุล", "วิธีลงทะเบียน", "ผู้บันทึกจากใบลงทะเบียน", "โต๊ะ")
    assert rows[1:] == [("นางสาวแก้วตา ปิ่นเงิน", "จากใบลงทะเบียน", "นางสมศรี", None),
                        ("นายสมชาย ใจดี", "สแกนบัตร", None, "1")]  # fmt: skip

    assert run(capsys, "payments", "rate", *d, "community_council", "--allowance", "240", "--travel", "100")[0] == 0
    code, _, err = run(capsys, "payments", "rate", *d, "community_council", "--travel", "-3")
    assert code != 0 and "อัตรา" in err
    code, out, _ = run(capsys, "payments", "pdf", *d, "--workshop", ws.wid, "--session", ws.afternoon,
                       "--out", str(tmp_path / "pay.pdf"))  # fmt: skip
    assert code == 0 and "680.00" in out and "หกร้อยแปดสิบบาทถ้วน" in out
    assert run(capsys, "payments", "xlsx", *d, "--workshop", ws.wid, "--out", str(tmp_path / "pay.xlsx"))[0] == 0
    code, out, _ = run(capsys, "signsheet", *d, "--workshop", ws.wid, "--session", ws.morning, "--times",
                       "--out", str(tmp_path / "sheet.pdf"))  # fmt: skip
    assert code == 0 and (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
