"""The signed-in name: who is working at this machine. It is written, with the machine's name and desk, as the
author of every change (``Store.author``: "device/desk (name)"), and shown by the audit log."""

from __future__ import annotations

import re

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.local import OPERATOR, set_setting

MAX_LENGTH = 60


def clean_operator(name: str | None) -> str:
    text = re.sub(r"\s+", " ", name or "").strip()
    if len(text) > MAX_LENGTH:
        raise UserError(f"ชื่อผู้ใช้งานยาวเกิน {MAX_LENGTH} ตัวอักษร", f"The name is longer than {MAX_LENGTH} characters",
                        code="operator-name")
    if any(c in text for c in "()/"):
        raise UserError("ชื่อผู้ใช้งานต้องไม่มีเครื่องหมาย ( ) หรือ /", "The name may not contain ( ) or /",
                        code="operator-name")
    return text


def set_operator(store: Store, name: str | None) -> str:
    """Sign a name in (empty: sign out). Stored for this data folder and used for every change from now on."""
    text = clean_operator(name)
    set_setting(store, OPERATOR, text or None)
    store.operator = text
    return text
