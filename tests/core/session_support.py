"""A two-session workshop (morning and afternoon of 8 Dec 2026 at อำเภอเกาะคา) with people of several types."""

from __future__ import annotations

from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import add_person
from lampang_planner.core.ops.sessions import add_session, list_sessions, update_session
from lampang_planner.core.ops.workshops import add_workshop

DAY = "2026-12-08"
PEOPLE = {
    "somchai": {"prefix": "นาย", "first_name": "สมชาย", "last_name": "ใจดี", "organisation": "สภาองค์กรชุมชนตำบลศาลา",
                "position": "ประธานสภาองค์กรชุมชน", "participant_type": "community_council",
                "subdistrict_code": "520305", "citizen_id": "1529900123453", "consent": True},
    "chanphen": {"prefix": "นาง", "first_name": "จันทร์เพ็ญ", "last_name": "อินต๊ะ", "organisation": "อบต.ไหล่หิน",
                 "position": "ปลัด อบต.", "participant_type": "local_government", "subdistrict_code": "520306",
                 "citizen_id": "3100900123455",
                 "consent": True},
    "kaew": {"prefix": "นางสาว", "first_name": "แก้วตา", "last_name": "ปิ่นเงิน", "organisation": "บ้านน้ำล้อม",
             "position": "ผู้ใหญ่บ้าน", "participant_type": "community_council", "subdistrict_code": "520306",
             "citizen_id": "3520100456782", "consent": True},
    "thong": {"prefix": "นาย", "first_name": "ทองสุข", "last_name": "วงศ์ษา", "organisation": "อสม.ตำบลวังพร้าว",
              "position": "อาสาสมัครสาธารณสุข", "participant_type": "other", "subdistrict_code": "520309",
              "consent": True},
}  # fmt: skip


@dataclass
class TwoSessions:
    store: Store
    wid: str
    morning: str
    afternoon: str
    ids: dict[str, str]


def two_sessions(store: Store) -> TwoSessions:
    wid = add_workshop(
        store,
        {"title": "เวทีประชาคมแผนพัฒนาท้องถิ่น อำเภอเกาะคา", "start_date": DAY, "district_code": "5203",
         "venue": "หอประชุมที่ว่าการอำเภอเกาะคา", "retention_days": 365},
    )  # fmt: skip
    morning = list_sessions(store, wid)[0].id
    update_session(store, wid, morning, {"name": "ภาคเช้า", "day": DAY, "starts": "09:00", "ends": "12:00"})
    afternoon = add_session(store, wid, {"name": "ภาคบ่าย", "day": DAY, "starts": "13:00", "ends": "16:00"})
    ids = {key: add_person(store, fields, workshop_id=wid) for key, fields in PEOPLE.items()}
    return TwoSessions(store, wid, morning, afternoon, ids)
