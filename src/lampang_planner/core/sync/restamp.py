"""Writes stamped too far ahead of this computer's clock, taken in as of the import (issue #13).

A laptop whose clock ran ahead (two years, say) stamps its writes in the future. Merged as they are, they would win
every later edit until that date, and whoever imported them would run its own clock into the future too. So a stamp
more than :data:`.clock.MAX_AHEAD_MS` ahead of the importer's wall clock never moves a clock: the import refuses such
a bundle (naming the device and how far its clock is off), unless the office chooses to **take it in as of the
import**. Then each such write gets a new stamp from the importer's clock — now, in the original order, still
credited to the device that made it (the stamp's device part is kept) — and its ``parents`` that named re-stamped
writes name their new stamps. Nothing of that laptop's work is lost; it counts as written at the moment of import.

The new stamp of every re-stamped write is remembered in this folder's local settings (``restamp/<original>``), so
importing the same writes again (the same file, or a later full export of that laptop) finds them and changes
nothing: idempotence holds for this folder. Kits carry the new stamps; the original ones live on only in the laptop.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from lampang_planner.core.db import Tx, read_setting, write_setting
from lampang_planner.core.errors import UserError
from lampang_planner.core.sync.apply import Write
from lampang_planner.core.sync.clock import MAX_AHEAD_MS, WALL_DIGITS, HybridClock, Stamp

PREFIX = "restamp/"


def limit_prefix(clock: HybridClock) -> str:
    """The wall part of the latest stamp that may still move this clock: a stamp whose first 14 characters sort
    after it is too far ahead."""
    return f"{clock.wall_ms() + MAX_AHEAD_MS:0{WALL_DIGITS}d}"


def too_far_ahead(clock: HybridClock, stamp: str) -> bool:
    return clock.ahead_ms(stamp) > MAX_AHEAD_MS


def take_in(tx: Tx, writes: Sequence[Write]) -> Sequence[Write]:
    """``writes`` with every stamp (own or parent) too far ahead replaced by its stamp as of now (made here, or
    found from an earlier import). Returns ``writes`` itself when none is too far ahead (the common case)."""
    clock = tx.store.clock
    limit = limit_prefix(clock)
    w_len = WALL_DIGITS
    ahead = [w for w in writes if w.hlc[:w_len] > limit]
    if not ahead and not any(p[:w_len] > limit for w in writes for p in w.parents):
        return writes
    mapping: dict[str, str] = {}
    for w in sorted(ahead, key=lambda x: x.hlc):
        mapping[w.hlc] = _new_stamp(tx, clock, w.hlc)
    out = []
    for w in writes:
        parents = tuple(_mapped(tx, mapping, p, limit) for p in w.parents)
        hlc = mapping.get(w.hlc, w.hlc)
        out.append(w if hlc == w.hlc and parents == w.parents else dataclasses.replace(w, hlc=hlc, parents=parents))
    return out


def _new_stamp(tx: Tx, clock: HybridClock, original: str) -> str:
    known = read_setting(tx.db, PREFIX + original)
    if known:
        return known
    now = Stamp.decode(clock.now())
    new = Stamp(now.wall, now.counter, Stamp.decode(original).device).encode()
    write_setting(tx.db, PREFIX + original, new)
    return new


def _mapped(tx: Tx, mapping: dict[str, str], parent: str, limit: str) -> str:
    if parent[:WALL_DIGITS] <= limit:
        return parent
    if parent not in mapping:
        mapping[parent] = read_setting(tx.db, PREFIX + parent) or parent
    return mapping[parent]


def restamped_count(db) -> int:
    """How many writes this folder has taken in as of their import."""
    return int(db.execute("SELECT COUNT(*) FROM setting WHERE key LIKE 'restamp/%'").fetchone()[0])


def _span(ms: int) -> tuple[str, str]:
    """How far, in words (Thai, English): days from two days on, else hours."""
    days = ms / 86_400_000
    if days >= 2:
        return f"{days:,.0f} วัน", f"{days:,.0f} days"
    return f"{ms / 3_600_000:,.0f} ชั่วโมง", f"{ms / 3_600_000:,.0f} hours"


def clock_ahead_error(path_name: str, device_id: str, device_name: str, ahead_ms: int) -> UserError:
    """The refusal of a bundle whose newest stamp is too far ahead: which device, how far, and how to take it in."""
    th_span, en_span = _span(ahead_ms)
    who_th = f"{device_name} ({device_id})" if device_name else device_id
    return UserError(
        f"{path_name}: ปฏิเสธไฟล์: นาฬิกาของเครื่อง {who_th} เร็วกว่านาฬิกาของเครื่องนี้ประมาณ {th_span} "
        "ถ้านำเข้าตามเวลาในไฟล์ ข้อมูลของเครื่องนั้นจะชนะการแก้ไขที่ทำภายหลังทั้งหมด ไม่มีการบันทึกข้อมูลใด "
        "ข้อมูลยังอยู่ครบในเครื่องนั้นและในไฟล์นี้ — ให้แก้วันเวลาของเครื่องนั้น แล้วสำนักงานนำเข้าไฟล์นี้โดยเลือก "
        "\"รับเข้า\" ในหน้าแลกเปลี่ยนข้อมูล (หรือคำสั่ง bundle import --as-of-import) พร้อมรหัส PIN ของสำนักงาน",
        f"{path_name}: Refused: the clock of device {who_th} runs about {en_span} ahead of this computer's. "
        "Imported as stamped, its writes would beat every later edit. Nothing was written; everything stays on that "
        "laptop and in this file — correct that laptop's date and time, and the office can take this file in as of "
        "the import with the office PIN (\"Take them in\" on the Exchange page, or bundle import --as-of-import)",
        code="clock-ahead",
    )

