"""`checkin`, `roster import`, `badges`, `signsheet` and `desk` as an office script or a kiosk would use them."""

from __future__ import annotations

import json
import sqlite3

import openpyxl
import pytest

from lampang_planner.cli import main
from lampang_planner.core.paths import DB_FILENAME
from lampang_planner.core.qr import make_code, payload
from lampang_planner.core.thai.keyboard import us_to_thai


def run(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, [line for line in out.out.splitlines() if line], out.err


def info(capsys, data_dir) -> dict:
    code, lines, _ = run(capsys, "info", "--json", "--data-dir", str(data_dir))
    assert code == 0
    return json.loads(lines[0])


@pytest.fixture
def visit(demo_dir):
    """A district visit of the demo data and three invited people not yet checked in."""
    db = sqlite3.connect(demo_dir / DB_FILENAME)
    try:
        wid = db.execute(
            "SELECT id FROM workshop WHERE start_date > '2016-08-25' ORDER BY start_date, id LIMIT 1"
        ).fetchone()[0]
        codes = [
            r[0]
            for r in db.execute(
                "SELECT p.code FROM invitation i JOIN person p ON p.id = i.person_id WHERE i.workshop_id = ? "
                "AND i.deleted = 0 AND p.deleted = 0 AND NOT EXISTS (SELECT 1 FROM attendance a "
                "WHERE a.workshop_id = i.workshop_id AND a.person_id = i.person_id) ORDER BY p.code LIMIT 3",
                (wid,),
            )
        ]
    finally:
        db.close()
    assert len(codes) == 3
    return demo_dir, wid, codes


def test_checkin_lines_and_exit_codes(visit, capsys):
    data, wid, (a, b, c) = visit
    before = info(capsys, data)["counts"]["attendance"]
    # A bare code, a lower-case payload, and a payload typed by a scanner under the Thai Kedmanee layout.
    code, lines, _ = run(
        capsys, "checkin", "--workshop", wid, a, payload(b).lower(), us_to_thai(payload(c)), "--data-dir", str(data)
    )
    assert code == 0
    assert [line.split()[:2] for line in lines] == [["checked-in", a], ["checked-in", b], ["checked-in", c]]
    assert info(capsys, data)["counts"]["attendance"] == before + 3

    code, lines, _ = run(capsys, "checkin", "--workshop", wid, a, "--desk", "2", "--data-dir", str(data))
    assert code == 0 and lines[0].split()[:2] == ["already", a] and "already checked in at desk 1, " in lines[0]


def test_unknown_and_malformed_codes_write_nothing_and_exit_1(visit, capsys):
    data, wid, (a, _, _) = visit
    before = info(capsys, data)
    nobody = make_code("nobody-has-this-code")
    typo = a[:-1] + ("2" if a[-1] != "2" else "3")  # the check character catches it
    code, lines, _ = run(capsys, "checkin", "--workshop", wid, nobody, typo, "HELLO", "--data-dir", str(data))
    assert code == 1
    assert [line.split()[0] for line in lines] == ["unknown", "unknown", "unknown"]
    assert lines[0].split()[1] == nobody and "no one has this code" in lines[0]
    assert "not a valid code" in lines[1] and "not a valid code" in lines[2]
    after = info(capsys, data)
    assert after["digest"] == before["digest"] and after["counts"]["changes"] == before["counts"]["changes"]

    code, lines, _ = run(capsys, "checkin", "--workshop", wid, a, "HELLO", "--data-dir", str(data))
    assert code == 1 and [line.split()[0] for line in lines] == ["checked-in", "unknown"]


def test_checkin_json_and_unknown_workshop(visit, capsys):
    data, wid, (a, _, _) = visit
    code, lines, _ = run(capsys, "checkin", "--json", "--workshop", wid, a, "--data-dir", str(data))
    assert code == 0 and json.loads(lines[0])["kind"] == "checked-in" and json.loads(lines[0])["code"] == a
    code, lines, err = run(capsys, "checkin", "--workshop", "no-such-workshop", a, "--data-dir", str(data))
    assert code == 2 and not lines and "ไม่พบการประชุมนี้" in err


def roster(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "รายชื่อผู้ได้รับเชิญ"
    ws.merge_cells("A1:E1")
    ws.append(["ที่", "ชื่อ-สกุล", "หน่วยงาน", "ตำบล", "โทรศัพท์"])
    ws.append([1, "นายทดสอบ นำเข้า", "สภาองค์กรชุมชนตำบลศาลา", "ต.ศาลา", "๐๘๙-๙๙๙-๐๐๐๑"])
    ws.append([2, "นางทดลอง นำเข้า", "สภาองค์กรชุมชนตำบลศาลา", "ต.ไม่มี", "0899990002"])
    wb.save(path)
    return path


def test_roster_import_dry_run_then_import_then_reimport(visit, capsys, tmp_path):
    data, wid, _ = visit
    path = roster(tmp_path / "r.xlsx")
    before = info(capsys, data)
    code, lines, _ = run(capsys, "roster", "import", str(path), "--workshop", wid, "--dry-run", "--data-dir", str(data))
    assert code == 1  # a row was rejected
    assert "dry run" in lines[0]
    assert "(added 1, updated 0, unchanged 0, duplicate 0, rejected 1, newly invited 1)" in lines[1]
    assert lines[2].startswith("แถว 4: ไม่รับ (rejected) นางทดลอง นำเข้า — ไม่พบตำบล")
    assert len(lines) == 3
    assert info(capsys, data)["digest"] == before["digest"]

    code, lines, _ = run(capsys, "roster", "import", str(path), "--workshop", wid, "--json", "--data-dir", str(data))
    report = json.loads(lines[0])
    assert code == 1 and report["applied"] and report["counts"]["add"] == 1 and report["backup"]
    assert [(r["row"], r["status"]) for r in report["rows"]] == [(3, "add"), (4, "rejected")]
    after = info(capsys, data)
    assert after["counts"]["people"] == before["counts"]["people"] + 1
    assert after["counts"]["invitations"] == before["counts"]["invitations"] + 1

    code, lines, _ = run(capsys, "roster", "import", str(path), "--workshop", wid, "--data-dir", str(data))
    assert "unchanged 1" in lines[0] and lines[-1] == "ไม่มีอะไรเปลี่ยนแปลง (nothing changed)"
    assert info(capsys, data)["digest"] == after["digest"]


def test_roster_import_refuses_a_text_file(visit, capsys, tmp_path):
    data, _, _ = visit
    fake = tmp_path / "names.xlsx"
    fake.write_text("ชื่อ,นามสกุล\n", encoding="utf-8")
    before = info(capsys, data)
    code, lines, err = run(capsys, "roster", "import", str(fake), "--data-dir", str(data))
    assert code == 2 and not lines and err.startswith("ผิดพลาด: ไฟล์นี้ไม่ใช่ไฟล์ Excel")
    assert info(capsys, data)["digest"] == before["digest"]


def test_badges_and_signsheet_files(visit, capsys, tmp_path):
    data, wid, _ = visit
    code, lines, _ = run(capsys, "badges", "--workshop", wid, "--out", str(tmp_path / "b.pdf"), "--data-dir", str(data))
    assert code == 0 and "badges written" in lines[0]
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    code, lines, _ = run(
        capsys, "signsheet", "--workshop", wid, "--out", str(tmp_path / "s.pdf"), "--blank-rows", "5",
        "--data-dir", str(data),
    )  # fmt: skip
    assert code == 0 and "sign-in sheet" in lines[0]
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    code, lines, err = run(
        capsys, "badges", "--workshop", wid, "--out", str(tmp_path / "no" / "b.pdf"), "--data-dir", str(data)
    )
    assert code == 2 and "ไม่พบโฟลเดอร์" in err and not (tmp_path / "no").exists()
    code, _, err = run(
        capsys, "signsheet", "--workshop", "nope", "--out", str(tmp_path / "x.pdf"), "--data-dir", str(data)
    )
    assert code == 2 and "ไม่พบการประชุมนี้" in err and not (tmp_path / "x.pdf").exists()


def test_desk_name(visit, capsys):
    data, wid, (a, _, _) = visit
    code, lines, _ = run(capsys, "desk", "set", " ประตู  2 ", "--data-dir", str(data))
    assert code == 0
    code, lines, _ = run(capsys, "desk", "show", "--data-dir", str(data))
    assert lines == ["ประตู 2"]
    code, lines, _ = run(capsys, "checkin", "--workshop", wid, a, "--data-dir", str(data))
    assert "(desk ประตู 2)" in lines[0]
    code, _, err = run(capsys, "desk", "set", "  ", "--data-dir", str(data))
    assert code == 2 and "desk name is required" in err


def test_each_checkin_line_says_it_in_thai_first(visit, capsys):
    """As every other sentence of the command line (and the README's "Thai, then English"): the reason an unknown
    code was refused and what happened to a person come in Thai, then in English (they came English first)."""
    data, wid, (a, _, _) = visit
    code, lines, _ = run(capsys, "checkin", "--workshop", wid, "HELLO", a, "--data-dir", str(data))
    assert code == 1
    unknown, checked = lines
    assert unknown.startswith("unknown HELLO  อ่านรหัสไม่ได้") and unknown.endswith("/ not a valid code")
    assert checked.split()[:2] == ["checked-in", a]
    thai, english = checked.index("ลงทะเบียนเรียบร้อย"), checked.index("checked in at")
    assert thai < english
