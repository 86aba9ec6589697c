"""Where a proposal came from, in words: the need's title, its workshop and place (no names of people)."""

from __future__ import annotations

from lampang_planner.core.db import Store
from lampang_planner.core.refdata import divisions


def need_sources(store: Store, *, with_people: bool = False) -> dict[str, str]:
    """need id → "ความต้องการ “…” · เวที … · ตำบล… อำเภอ…", for every need that has a live proposal. ``with_people``
    adds who raised it (the office's own screen; never the workbook's ที่มา column or the public pages)."""
    rows = store.query(
        "SELECT n.id, n.title, w.title, n.subdistrict_code, n.district_code, n.raised_by, n.group_name FROM need n "
        "LEFT JOIN workshop w ON w.id = n.workshop_id "
        "WHERE n.id IN (SELECT need_id FROM proposal WHERE deleted=0 AND need_id IS NOT NULL)"
    )
    dv = divisions()
    out = {}
    for need_id, title, workshop, tambon, district, raised_by, group in rows:
        place = " ".join(x for x in (
            f"ตำบล{dv.subdistricts[tambon].name_th}" if tambon in dv.subdistricts else "",
            f"อำเภอ{dv.districts[district].name_th}" if district in dv.districts else "",
        ) if x)
        people = " ".join(x for x in (group or "", f"เสนอโดย {raised_by}" if raised_by else "") if x) if with_people else ""
        out[need_id] = " · ".join(x for x in (f"ความต้องการ “{title}”" if title else "", people, workshop or "", place)
                                  if x)
    return out
