"""The door shortcut: ``lampang-planner --checkin [WORKSHOP_ID] [--kiosk]`` (and the desktop entry's "Check-in desk"
action, the Windows Start-menu entry) opens the window straight on the check-in screen of that workshop, today's when
no id is given. A laptop that always stands at the door says so once (first-run question, or the check-in Options
menu): ``OPEN_AT_START``."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from lampang_planner.core.ops.workshops import get_workshop
from lampang_planner.ui.settings import Setting

OPEN_AT_START = Setting("checkin/open_at_start", bool, False, "open the window on the check-in screen (a door laptop)")


def open_door(window, workshop_id: str | None, *, kiosk: bool = False) -> None:
    """Show the check-in page of ``window`` on ``workshop_id`` (kiosk mode too if asked). An id this folder does not
    know is said on screen (Thai first), and the page opens on its usual workshop."""
    ctx = window.ctx
    if workshop_id:
        row = get_workshop(ctx.store, workshop_id)
        if row is None or row["deleted"]:
            th = f"ไม่พบเวทีรหัส {workshop_id} ในข้อมูลของเครื่องนี้ — นำเข้าชุดข้อมูล (kit) จากสำนักงานก่อน"
            en = f"No workshop {workshop_id} in this data folder: import the office kit first"
            print(f"ผิดพลาด: {th} ({en})", file=sys.stderr)
            box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("CheckinDoor", "Check-in"), f"{th}\n\n{en}", parent=window)
            box.setObjectName("doorError")
            box.open()
            workshop_id = None
    kwargs = {"workshop_id": workshop_id} if workshop_id else {}
    window.navigate("checkin", **kwargs)
    page = window.pages["checkin"]
    if kiosk and page.workshop_id():
        page.enter_kiosk()
