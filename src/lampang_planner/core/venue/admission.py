"""Who may join this desk's venue network: devices of the same kit that this folder's office enrolled.

The trust store (``trusted_device``) holds exactly those (the office's enrolment, or the list the office's kit
carries); a device must come with the key pinned there for its id. A folder that belongs to no office admits nobody
and nobody admits it.
"""

from __future__ import annotations

from lampang_planner.core.db import Store
from lampang_planner.core.sync import keys, trust
from lampang_planner.core.venue.handshake import Refused


def refuse_other_kit() -> Refused:
    return Refused(
        "other-kit",
        "ปฏิเสธการเชื่อมต่อ: เครื่องนั้นไม่ได้อยู่ในชุดข้อมูลตั้งต้นของสำนักงานเดียวกับเครื่องนี้",
        "Connection refused: that device does not belong to the same office kit as this one",
    )


def check_peer(store: Store, hello: dict) -> None:
    """Raise :class:`Refused` unless the hello comes from a device this folder admits."""
    own_kit = trust.office_id(store)
    if not own_kit:
        raise Refused(
            "no-kit",
            "เครื่องนี้ยังไม่ได้รับชุดข้อมูลตั้งต้นจากสำนักงาน จึงเข้าร่วมเครือข่ายในสถานที่ไม่ได้",
            "This laptop has no kit from an office yet, so it cannot join a venue network",
        )
    if hello["kit"] != own_kit:
        raise refuse_other_kit()
    if hello["device"] == store.device_id:
        raise Refused("self", "เชื่อมต่อกับตัวเองไม่ได้ (โฟลเดอร์ข้อมูลเดียวกัน)",
                      "This is the same device (the same data folder); not connected to itself")
    pinned = keys.pinned_key(store.db, hello["device"])
    if pinned is None:
        raise Refused(
            "not-enrolled",
            f"ปฏิเสธการเชื่อมต่อ: เครื่อง {hello['name']} ({hello['device']}) ไม่ได้ลงทะเบียนกับสำนักงาน "
            f"(ลายนิ้วมือกุญแจ {keys.fingerprint(hello['key'])})",
            f"Connection refused: device {hello['name']} ({hello['device']}) is not enrolled by the office "
            f"(key fingerprint {keys.fingerprint(hello['key'])})",
        )
    if pinned != hello["key"]:
        raise Refused(
            "impostor",
            f"ปฏิเสธการเชื่อมต่อ: เครื่อง {hello['device']} ใช้กุญแจที่ไม่ตรงกับที่ลงทะเบียนไว้ (อาจเป็นเครื่องปลอม)",
            f"Connection refused: device {hello['device']} comes with another key than the one enrolled — an "
            "impostor",
        )
