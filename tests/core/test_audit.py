"""The audit log: who (device, desk, signed-in name) changed what (table, row, fields) and when."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from lampang_planner.cli import main
from lampang_planner.core.audit import audit_entries, authors, export_audit, parse_author, stamp_time
from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.people import add_person, delete_person, update_person
from lampang_planner.core.privacy.operator import set_operator
from lampang_planner.core.privacy.retention import purge_expired
from lampang_planner.core.privacy.rights import erase_person
from lampang_planner.core.thai.dates import EXCEL_BE_DATE_FORMAT


def test_author_names_device_desk_and_the_signed_in_name():
    assert parse_author("โน้ตบุ๊ก 3/2 (สมศรี ใจดี)") == ("โน้ตบุ๊ก 3", "2", "สมศรี ใจดี")
    assert parse_author("อบจ.ลำปาง (สำนักงาน)/1") == ("อบจ.ลำปาง (สำนักงาน)", "1", "")
    assert parse_author("demo") == ("demo", "", "")


def test_each_change_lists_who_what_and_when(empty_store):
    store = empty_store
    store.set_device(name="โน้ตบุ๊ก 3", desk="2")
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=2)
    pid = add_person(store, {"first_name": "สมชาย", "phone": "0811111111", "consent": True})
    set_operator(store, "สมศรี")
    update_person(store, pid, {"phone": "0822222222"})
    delete_person(store, pid)

    entries = audit_entries(store)
    assert [e.action for e in entries] == ["add", "edit", "delete"]
    add, edit, delete = entries
    assert (add.device_name, add.desk, add.operator) == ("โน้ตบุ๊ก 3", "2", "")
    assert (edit.device_name, edit.desk, edit.operator) == ("โน้ตบุ๊ก 3", "2", "สมศรี")
    assert edit.author == "โน้ตบุ๊ก 3/2 (สมศรี)" and edit.device_id == store.device_id
    assert edit.table == "person" and edit.row_id == pid and edit.fields == ("phone",)
    assert "phone" in add.fields and "first_name" in add.fields
    assert before <= add.when <= dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)
    assert add.when.utcoffset() == dt.timedelta(hours=7)  # Bangkok time
    assert add.when <= edit.when <= delete.when
    # values are not in the audit log: it must not become a second copy of people's data
    assert "0822222222" not in json.dumps([e.as_json() for e in entries], ensure_ascii=False)

    # the signed-in name stays with the data folder
    with Store.open(store.data_dir) as again:
        assert again.operator == "สมศรี" and again.author == "โน้ตบุ๊ก 3/2 (สมศรี)"
    set_operator(store, "")
    assert store.author == "โน้ตบุ๊ก 3/2"
    with pytest.raises(UserError):
        set_operator(store, "ชื่อ (ผิด)")


def test_filters_by_date_table_and_author_and_the_newest_first(demo_store):
    today = stamp_time(demo_store.scalar("SELECT MAX(hlc) FROM change")).date()
    everything = audit_entries(demo_store)
    assert len(everything) == demo_store.scalar("SELECT COUNT(*) FROM change")
    assert audit_entries(demo_store, since=today + dt.timedelta(days=1)) == []
    assert len(audit_entries(demo_store, since=today, until=today)) == len(everything)
    assert audit_entries(demo_store, until=today - dt.timedelta(days=1)) == []
    people = audit_entries(demo_store, table="person")
    assert people and {e.table for e in people} == {"person"}
    assert authors(demo_store) == ["demo"]
    assert len(audit_entries(demo_store, author="demo")) == len(everything)
    assert audit_entries(demo_store, author="nobody") == []
    newest = audit_entries(demo_store, limit=3)
    assert [e.hlc for e in newest] == [e.hlc for e in everything[-3:]]


def test_purges_and_erasures_are_named_as_such(demo_store):
    pid = demo_store.scalar("SELECT id FROM person ORDER BY id LIMIT 1")
    erase_person(demo_store, pid)
    purge_expired(demo_store, dt.date(2030, 1, 1))
    actions = [e.action for e in audit_entries(demo_store, table="person")[-3:]]
    assert "purge" in actions
    assert [e.action for e in audit_entries(demo_store) if e.row_id == pid][-1] == "erase"


def test_export_to_csv_and_excel(demo_store, tmp_path):
    entries = audit_entries(demo_store, table="workshop")
    out = export_audit(entries, tmp_path / "audit.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads the Thai right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["วันเวลา", "ข้อมูล", "การกระทำ"] and len(rows) == len(entries) + 1
    assert rows[1][1] == "การประชุม" and rows[1][2] == "เพิ่ม" and rows[1][0].endswith("+07:00")

    out = export_audit(entries, tmp_path / "audit.xlsx", lang="en")
    ws = load_workbook(out).active
    assert ws["A1"].value == "Time" and ws["B2"].value == "Workshop" and ws["C2"].value == "Add"
    assert isinstance(ws["A2"].value, dt.datetime) and ws["A2"].value == entries[0].when.replace(tzinfo=None)
    assert ws["A2"].number_format.startswith(EXCEL_BE_DATE_FORMAT)  # shown in the Buddhist era
    assert ws.max_row == len(entries) + 1

    with pytest.raises(UserError):
        export_audit(entries, tmp_path / "audit.pdf")
    with pytest.raises(UserError):
        export_audit(entries, tmp_path / "no" / "audit.csv")
    assert not list(tmp_path.glob(".audit-*"))  # no half files left


def test_audit_on_the_command_line(demo_dir, capsys, tmp_path):
    d = str(demo_dir)
    assert main(["audit", "list", "--table", "workshop", "--json", "--data-dir", d]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 14 and {r["action"] for r in rows} == {"add"} and rows[0]["author"] == "demo"
    assert {"time", "device_id", "desk", "operator", "fields"} <= set(rows[0])
    assert main(["audit", "list", "--limit", "2", "--data-dir", d]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["audit", "list", "--since", "1/1/2600", "--data-dir", d]) == 0  # Buddhist-era 2600 = 2057
    assert capsys.readouterr().out == ""
    assert main(["audit", "list", "--table", "nothing", "--data-dir", d]) == 2
    assert main(["audit", "export", "--out", str(tmp_path / "a.xlsx"), "--data-dir", d]) == 0
    assert (tmp_path / "a.xlsx").stat().st_size > 0
