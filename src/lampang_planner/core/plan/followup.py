"""The public follow-up: per district, every need raised at its workshops, the plan project it became, its budget and
its status — a printable PDF and a set of static web pages for tambon notice boards and the PAO's website.

    write_followup(store, "out/")   # out/index.html, out/district-5201.html …, out/followup-5201.pdf …, out/fonts/

No personal data: no names (who raised a need, facilitators), no phone numbers, no photos — only the need's title,
place (tambon, village), workshop and date, the project's title, form, budget per year, responsible division and
status. A need without a project still appears, with its own status.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.fonts import font_path
from lampang_planner.core.ops.needs import list_needs, status_labels
from lampang_planner.core.plan.forms import in_plan
from lampang_planner.core.plan.proposals import ProposalRow, list_proposals
from lampang_planner.core.plan.settings import PlanInfo, get_plan
from lampang_planner.core.refdata import divisions
from lampang_planner.core.reports.export_io import read_snapshot
from lampang_planner.core.reports.safe_write import write_atomically
from lampang_planner.core.thai.dates import BANGKOK, as_date, format_date_th
from lampang_planner.core.vocabulary import ProposalStatus


@dataclass(frozen=True)
class FollowupRow:
    need_title: str
    place: str  # ตำบล… หมู่ที่ …
    workshop: str  # title and date
    project: str  # the plan row it became, "" if none
    form: str  # "ผ.02" / "ผ.02/1" / ""
    budget: str  # "2567: 500,000 บาท" lines
    budget_total: float
    division: str
    status: str  # Thai label


@dataclass(frozen=True)
class DistrictFollowup:
    code: str
    name_th: str
    rows: list[FollowupRow]

    @property
    def projects(self) -> int:
        return sum(1 for r in self.rows if r.project)

    @property
    def budget_total(self) -> float:
        return sum(r.budget_total for r in self.rows)


def _budget_text(p: ProposalRow) -> str:
    return "\n".join(f"{y}: {p.budgets[y]:,.0f}" for y in sorted(p.budgets) if p.budgets[y])


def district_followup(store: Store, district_code: str, plan: PlanInfo | None = None) -> DistrictFollowup:
    """The follow-up rows of one district, in the order of the needs (workshop, rank, title)."""
    dv = divisions()
    if district_code not in dv.districts:
        raise UserError(f"ไม่พบอำเภอรหัส {district_code}", f"Unknown district code {district_code}", code="unknown-district")
    plan = plan or get_plan(store)
    by_need = {p.need_id: p for p in list_proposals(store) if p.need_id}
    workshops = {w: (t or "", as_date(d)) for w, t, d in store.query("SELECT id, title, start_date FROM workshop")}
    rows = []
    for n in list_needs(store, district_code=district_code):
        p = by_need.get(n.id)
        title, day = workshops.get(n.workshop_id, ("", None))
        tambon = dv.subdistricts.get(n.subdistrict_code)
        place = " ".join(x for x in (f"ตำบล{tambon.name_th}" if tambon else "",
                                     f"หมู่ที่ {n.village_no}" if n.village_no else "") if x)
        status = ProposalStatus(p.status).th if p else status_labels(n.status)[0]
        listed = p is not None and in_plan(p)
        rows.append(FollowupRow(
            n.title, place, " ".join(x for x in (title, format_date_th(day, "short") if day else "") if x),
            p.title if p else "", ("ผ.02/1" if p.community_plan else "ผ.02") if listed else "",
            _budget_text(p) if p else "", sum(p.budgets.values()) if p else 0.0, p.division if p else "",
            status))
    return DistrictFollowup(district_code, dv.districts[district_code].name_th, rows)


# --- static web pages ------------------------------------------------------------------------------------------

_CSS = """@font-face{font-family:Sarabun;src:url(fonts/Sarabun-Regular.ttf)}
@font-face{font-family:Sarabun;font-weight:bold;src:url(fonts/Sarabun-Bold.ttf)}
body{font-family:Sarabun,sans-serif;margin:1.5rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.4rem;margin:.2rem 0}p.sub{color:#5a6270;margin:.2rem 0 1rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #9ba6b5;padding:.3rem .5rem;vertical-align:top}
th{background:#dce6f1}td.num{text-align:right;white-space:nowrap}tr:nth-child(even) td{background:#f5f7fa}
td.budget{white-space:pre-line}@media print{body{margin:0}a{color:inherit;text-decoration:none}}"""
HEADERS = ["ที่", "ความต้องการของชุมชน", "พื้นที่", "เวทีประชาคม", "โครงการในแผนพัฒนา", "แบบ", "งบประมาณ (บาท)",
           "หน่วยงานรับผิดชอบ", "สถานะ"]


def _page(title: str, sub: str, body: str) -> str:
    e = html.escape
    return (f'<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{e(title)}</title>'
            f"<style>{_CSS}</style></head><body><h1>{e(title)}</h1><p class=\"sub\">{e(sub)}</p>{body}</body></html>\n")


def district_html(d: DistrictFollowup, plan: PlanInfo, today: dt.date) -> str:
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in HEADERS)
    body = []
    for i, r in enumerate(d.rows, start=1):
        cells = [str(i), r.need_title, r.place, r.workshop, r.project or "–", r.form or "–", r.budget or "–",
                 r.division or "–", r.status]
        klass = ["num", "", "", "", "", "", "budget", "", ""]
        body.append("<tr>" + "".join(f'<td class="{k}">{e(c)}</td>' if k else f"<td>{e(c)}</td>"
                                     for c, k in zip(cells, klass, strict=True)) + "</tr>")
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    sub = (f"{plan.org_name} · {plan.period_th} · ความต้องการ {len(d.rows)} เรื่อง เป็นโครงการ {d.projects} "
           f"โครงการ งบประมาณรวม {d.budget_total:,.0f} บาท · ข้อมูล ณ {format_date_th(today, 'long')}")
    nav = '<p><a href="index.html">← ทุกอำเภอ</a></p>'
    return _page(f"ติดตามความต้องการของชุมชน อำเภอ{d.name_th}", sub, nav + table)


def index_html(items: list[DistrictFollowup], plan: PlanInfo) -> str:
    e = html.escape
    rows = "".join(
        f'<tr><td><a href="district-{d.code}.html">อำเภอ{e(d.name_th)}</a></td><td class="num">{len(d.rows)}</td>'
        f'<td class="num">{d.projects}</td><td class="num">{d.budget_total:,.0f}</td>'
        f'<td><a href="followup-{d.code}.pdf">PDF</a></td></tr>' for d in items)
    table = ("<table><thead><tr><th>อำเภอ</th><th>ความต้องการ (เรื่อง)</th><th>เป็นโครงการ</th><th>งบประมาณ (บาท)</th>"
             f"<th>พิมพ์</th></tr></thead><tbody>{rows}</tbody></table>")
    return _page("ติดตามความต้องการของชุมชนสู่แผนพัฒนา", f"{plan.org_name} · {plan.period_th}", table)


# --- writing it all ----------------------------------------------------------------------------------------------


def write_followup(store: Store, out: str | os.PathLike[str], *, districts: list[str] | None = None,
                   today: dt.date | None = None) -> list[Path]:
    """Write the pages and PDFs of every district with needs (or only ``districts``) into the folder ``out``."""
    from lampang_planner.core.plan.followup_pdf import followup_pdf

    target = Path(out)
    try:
        (target / "fonts").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"สร้างโฟลเดอร์ {target} ไม่ได้", f"Cannot create the folder {target}: {exc}",
                        code="bad-path") from exc
    day = today or dt.datetime.now(BANGKOK).date()  # Lampang's date, as every document's (not the machine's)
    with read_snapshot(store) as snap:
        plan = get_plan(snap)
        codes = districts or sorted({c for (c,) in snap.query(
            "SELECT DISTINCT district_code FROM need WHERE deleted=0 AND district_code IS NOT NULL")})
        items = [district_followup(snap, c, plan) for c in codes]
    written = []
    for d in items:
        written.append(write_atomically(target / f"district-{d.code}.html", district_html(d, plan, day).encode()))
        written.append(write_atomically(target / f"followup-{d.code}.pdf", followup_pdf(d, plan, day)))
    written.append(write_atomically(target / "index.html", index_html(items, plan).encode()))
    fonts = font_path("Regular").parent  # Sarabun travels with the pages (SIL OFL: its licence goes along)
    for name in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "OFL.txt"):
        shutil.copyfile(fonts / name, target / "fonts" / name)
    return written
