"""The check-in tests' shared data (tests/core/test_checkin*.py): a workshop with four invited people and one who
was not, the times of the scans, a walk-in's form, and helpers that read what was written."""

from __future__ import annotations

import json

import pytest

from lampang_planner.core.model import Attendance, natural_id
from lampang_planner.core.ops.people import add_person
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.qr import ALPHABET
from lampang_planner.core.sync.digest import counts, digest

AT = "2016-08-30T08:42:00+07:00"
LATER = "2016-08-30T09:15:30+07:00"


def snapshot(store) -> tuple[str, dict]:
    return digest(store.db), counts(store.db)


@pytest.fixture
def venue(empty_store):
    """A workshop in อำเภอเกาะคา with four invited people and one person who was not invited."""
    store = empty_store
    wid = add_workshop(
        store, {"title": "เวทีประชาคม อำเภอเกาะคา", "start_date": "2016-09-03", "district_code": "5203"}
    )
    people = {
        "somchai": {"prefix": "นาย", "first_name": "สมชาย", "last_name": "ใจดี", "organisation": "สภาองค์กรชุมชนตำบลศาลา",
                    "participant_type": "community_council", "subdistrict_code": "520305", "phone": "0811111111"},
        "chanphen": {"prefix": "นาง", "first_name": "จันทร์เพ็ญ", "last_name": "อินต๊ะ", "organisation": "อบต.ไหล่หิน",
                     "participant_type": "local_government", "subdistrict_code": "520306"},
        "somsri": {"prefix": "นางสาว", "first_name": "สมศรี", "last_name": "แก้วมา", "organisation": "ที่ว่าการอำเภอ",
                   "participant_type": "state_agency", "district_code": "5201"},
        "john": {"prefix": "Mr.", "first_name": "John", "last_name": "Smith", "organisation": "Lampang Rotary",
                 "participant_type": "private_sector"},
    }  # fmt: skip
    ids = {key: add_person(store, fields, workshop_id=wid) for key, fields in people.items()}
    ids["stranger"] = add_person(
        store, {"prefix": "นาย", "first_name": "เกรียงศักดิ์", "last_name": "ทองคำ", "participant_type": "other"}
    )
    codes = {key: store.scalar("SELECT code FROM person WHERE id=?", (pid,)) for key, pid in ids.items()}
    return store, wid, ids, codes


def attendance(store, wid, pid) -> dict | None:
    row = store.db.execute(
        "SELECT deleted, scans, checked_in_at, desk FROM attendance WHERE id=?", (natural_id(Attendance, wid, pid),)
    ).fetchone()
    if row is None:
        return None
    return {"deleted": bool(row[0]), "scans": json.loads(row[1]), "at": row[2], "desk": row[3]}


def malformed(code: str) -> str:
    """``code`` with its first symbol replaced: the check character catches every single substitution."""
    other = next(c for c in ALPHABET if c != code[0])
    return other + code[1:]


WALK_IN = {
    "prefix": "นาง",
    "first_name": "บุญศรี",
    "last_name": "คำแสน",
    "organisation": "กลุ่มแม่บ้านบ้านนาแก้ว",
    "participant_type": "network_member",
    "subdistrict_code": "520303",
    "phone": "๐๘๙-๑๒๓-๔๕๖๗",
    "consent": True,
}
