"""The public follow-up of one district as a PDF (A4, on the office documents' page template: the PAO's name on
every page, "หน้า x/y" at the foot)."""

from __future__ import annotations

import datetime as dt

from lampang_planner.core.plan.followup import DistrictFollowup
from lampang_planner.core.plan.settings import PlanInfo
from lampang_planner.core.reports.layout import DocOptions, Typesetter, frame_width, render_pdf

HEADERS = ["ที่", "ความต้องการของชุมชน", "เวทีประชาคม", "โครงการในแผนพัฒนา", "งบประมาณ (บาท)", "สถานะ"]
_SHARES = (0.05, 0.28, 0.16, 0.27, 0.13, 0.11)  # of the text width


def followup_pdf(d: DistrictFollowup, plan: PlanInfo, today: dt.date) -> bytes:
    ts = Typesetter(DocOptions(today=today))
    width = frame_width()
    rows = []
    for i, r in enumerate(d.rows, start=1):
        project = "–"
        if r.project:
            project = r.project + (f"\n(แบบ {r.form})" if r.form else "") + (f"\n{r.division}" if r.division else "")
        rows.append([i, f"{r.need_title}\n{r.place}" if r.place else r.need_title, r.workshop, project,
                     r.budget or "–", r.status])
    story = [
        ts.para(f"ติดตามความต้องการของชุมชน อำเภอ{d.name_th}", "title"),
        ts.para(f"{plan.org_name} · {plan.period_th}", "subtitle"),
        ts.para(f"ความต้องการ {len(d.rows):,} เรื่อง · เป็นโครงการในแผนพัฒนา {d.projects:,} โครงการ · "
                f"งบประมาณรวม {d.budget_total:,.0f} บาท · ข้อมูล ณ {ts.date(today)}", "subtitle"),
        ts.table(HEADERS, rows, [width * s for s in _SHARES], align="RLLLLL"),
    ]
    return render_pdf(story, title=f"ติดตามความต้องการของชุมชน อำเภอ{d.name_th}", short_title="ติดตามความต้องการ",
                      ts=ts, subject="ความต้องการจากเวทีประชาคม โครงการในแผนพัฒนา งบประมาณ และสถานะ")
