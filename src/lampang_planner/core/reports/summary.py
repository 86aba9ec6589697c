"""The workshop summary (PDF): who came (by participant type and by district, with a chart), the needs raised (with a
chart by category), and the votes on draft resolutions, with the quorum.

    write_workshop_summary(store, workshop_id, "summary.pdf", thai_digits=True)
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from lampang_planner.core.db import Store
from lampang_planner.core.ops.categories import category_labels
from lampang_planner.core.ops.checkin import live_counts
from lampang_planner.core.ops.needs import list_needs, status_labels
from lampang_planner.core.ops.resolutions import list_resolutions, quorum, votes_side_by_side
from lampang_planner.core.ops.workshops import get_workshop
from lampang_planner.core.read.lookups import unknown_workshop
from lampang_planner.core.refdata import divisions
from lampang_planner.core.reports.charts import ChartData, attendance_by_district, bar_chart, needs_by_category
from lampang_planner.core.reports.export_io import check_output_path, read_snapshot
from lampang_planner.core.reports.layout import DocOptions, Typesetter, column_widths, frame_width, write_pdf
from lampang_planner.core.thai.dates import as_date
from lampang_planner.core.vocabulary import NeedRoute, carried_th, th_label

SHORT_TITLE = "สรุปผลการประชุม"




def _heading(ts: Typesetter, text: str) -> list[Flowable]:
    """A numbered section heading; it stays on the page of what follows (``typeset.keep_headings``)."""
    return [ts.para(text, "heading")]


def _chart(data: ChartData, ts: Typesetter) -> list[Flowable]:
    """The chart of ``data``, or nothing when it would have fewer than two bars (the table says it all)."""
    if len(data.items) < 2:
        return []
    return [KeepTogether([bar_chart(data, frame_width(), fmt=ts.t)])]


def workshop_summary_story(store: Store, workshop_id: str, ts: Typesetter) -> tuple[str, list[Flowable]]:
    """The document's title and its flowables: the workshop, then 1. attendance, 2. needs, 3. votes."""
    w = get_workshop(store, workshop_id)
    if w is None or w["deleted"]:
        raise unknown_workshop(workshop_id)
    title = w["title"] or "การประชุม"
    story = _heading_part(w, title, ts)
    story += _attendance_part(store, workshop_id, ts)
    story += _needs_part(store, workshop_id, ts)
    story += _votes_part(store, workshop_id, ts)
    return title, story


def _heading_part(w: dict, title: str, ts: Typesetter) -> list[Flowable]:
    """Title, date and place, topics and facilitators."""
    dv = divisions()
    story: list[Flowable] = []
    start, end = as_date(w["start_date"]), as_date(w["end_date"])
    district = dv.districts.get(w["district_code"] or "")
    tambon = dv.subdistricts.get(w["subdistrict_code"] or "")
    where = " ".join(x for x in (
        f"ณ {w['venue']}" if w["venue"] else "",
        f"ตำบล{tambon.name_th}" if tambon else "",
        f"อำเภอ{district.name_th}" if district else "",
        "จังหวัดลำปาง" if district else "",
    ) if x)
    story += [ts.para(SHORT_TITLE, "title"), ts.para(title, "title_small")]
    when = ts.date_range(start, end)
    story.append(ts.para(" ".join(x for x in (f"วันที่ {when}" if when else "", where) if x), "subtitle"))
    topics = [t.strip() for t in (w["topics"] or "").splitlines() if t.strip()]
    if topics:
        story.append(ts.para("ประเด็นการประชุม", "subheading"))
        story += [ts.para(f"{i}. {t}", "body") for i, t in enumerate(topics, start=1)]
    facilitators = [t.strip() for t in (w["facilitators"] or "").splitlines() if t.strip()]
    if facilitators:
        story.append(ts.para("ผู้ดำเนินการ: " + ", ".join(facilitators), "body"))
    return story


def _attendance_part(store: Store, workshop_id: str, ts: Typesetter) -> list[Flowable]:
    story: list[Flowable] = []
    counts = live_counts(store, workshop_id)
    story += _heading(ts, "1. ผู้เข้าร่วมประชุม")
    story.append(ts.para(
        f"ผู้ได้รับเชิญ {ts.num(counts.invited)} คน มาลงทะเบียนเข้าร่วมประชุม {ts.num(counts.checked_in)} คน"
        + (f" คิดเป็นร้อยละ {ts.pct(counts.checked_in, counts.invited)} ของผู้ได้รับเชิญ" if counts.invited else ""),
        "body_indent"))
    header = ["", "ได้รับเชิญ", "เข้าร่วม", "ร้อยละ"]
    widths = column_widths(8.5, 2.6, 2.6, 2.3)

    def count_rows(rows) -> list[list[object]]:
        return [[r.label_th, r.invited, r.checked_in, ts.pct(r.checked_in, r.invited)] for r in rows]

    totals = [["รวม", counts.invited, counts.checked_in, ts.pct(counts.checked_in, counts.invited)]]
    story.append(ts.para("จำแนกตามประเภทผู้เข้าร่วม", "subheading"))
    story.append(ts.table(["ประเภทผู้เข้าร่วม", *header[1:]], count_rows(counts.by_type), widths, align="LRRR",
                          totals=totals))
    story.append(Spacer(1, 0.4 * cm))
    story += _chart(attendance_by_district(store, workshop_id), ts)
    story.append(Spacer(1, 0.2 * cm))
    story.append(ts.table(["อำเภอที่อยู่ของผู้เข้าร่วม", *header[1:]], count_rows(counts.by_district), widths, align="LRRR",
                          totals=totals))
    return story


def _needs_part(store: Store, workshop_id: str, ts: Typesetter) -> list[Flowable]:
    story: list[Flowable] = []
    needs = list_needs(store, workshop_id=workshop_id)
    story += _heading(ts, "2. ความต้องการของชุมชน")
    if not needs:
        story.append(ts.para("ไม่มีการบันทึกความต้องการในการประชุมนี้", "body_indent"))
    else:
        cats = category_labels(store)
        to_pao = sum(n.route == NeedRoute.PAO_PLAN.value for n in needs)
        n_cats = len({n.category for n in needs})
        story.append(ts.para(
            f"ที่ประชุมเสนอความต้องการ {ts.num(len(needs))} เรื่อง ใน {ts.num(n_cats)} หมวด"
            + (f" เสนอเข้าแผนพัฒนา อบจ. {ts.num(to_pao)} เรื่อง" if to_pao else ""), "body_indent"))
        story += _chart(needs_by_category(store, workshop_id), ts)
        story.append(Spacer(1, 0.3 * cm))
        rows = []
        for n in needs:
            what: list[Flowable] = [ts.para(n.title, "cell_bold")]
            if n.description:
                what.append(ts.para(n.description, "cell_small"))
            place = "\n".join(x for x in (
                " ".join(x for x in (f"หมู่ที่ {n.village_no}" if n.village_no else "", n.village_name) if x),
                f"ต.{n.tambon_th}" if n.tambon_th else "",
            ) if x)
            status = status_labels(n.status)[0] if n.status else ""
            if n.status_date:
                status += "\n" + ts.date(n.status_date, "short")
            rows.append([n.rank if n.rank is not None else "", what, place, cats.get(n.category, (n.category,))[0],
                         n.dot_votes, th_label(NeedRoute, n.route), status])
        story.append(ts.table(["ที่", "ความต้องการ", "พื้นที่", "หมวด", "คะแนน", "ช่องทาง", "สถานะ"], rows,
                              column_widths(0.8, 4.6, 2.5, 2.6, 1.4, 2.6, 2.4), align="CLLLRLL"))
    return story


def _votes_part(store: Store, workshop_id: str, ts: Typesetter) -> list[Flowable]:
    story: list[Flowable] = []
    story += _heading(ts, "3. การพิจารณาร่างมติ")
    q = quorum(store, workshop_id)
    story.append(ts.para(
        f"องค์ประชุม: {q.rule.describe('th')} ผู้มีรายชื่อเข้าประชุม (ผู้ได้รับเชิญและผู้ลงทะเบียนหน้างาน) "
        f"{ts.num(q.registered)} คน ต้องมีผู้เข้าประชุมอย่างน้อย {ts.num(q.required)} คน "
        f"มีผู้มาลงทะเบียนเข้าประชุม {ts.num(q.present)} คน "
        + ("(ครบองค์ประชุม)" if q.met else "(ไม่ครบองค์ประชุม)"), "body_indent"))
    any_votes = False
    for res in list_resolutions(store):
        vs = votes_side_by_side(store, res.id)
        rows = []
        for c in vs.clauses:
            v = c.votes.get(workshop_id)
            if v is not None:
                rows.append([c.clause.number, f"ร่างเดิม: {c.clause.text}", v.for_count, v.against_count,
                             v.abstain_count, v.present, carried_th(v.for_count, v.against_count)])
            for a in c.amendments:
                av = a.votes.get(workshop_id)
                if av is None and a.amendment.workshop_id != workshop_id:
                    continue
                who = f"ผู้เสนอ {a.amendment.mover} ผู้รับรอง {a.amendment.seconder}"
                item = [ts.para(f"คำแปรญัตติ: {a.amendment.text}", "cell"), ts.para(who, "cell_small")]
                if av is None:
                    rows.append([c.clause.number, item, "", "", "", "", "ยังไม่ลงมติ"])
                else:
                    rows.append([c.clause.number, item, av.for_count, av.against_count, av.abstain_count, av.present,
                                 carried_th(av.for_count, av.against_count)])
        if rows:
            any_votes = True
            story.append(ts.para(res.title, "subheading"))
            story.append(ts.table(["ข้อ", "รายการ", "เห็นด้วย", "ไม่เห็นด้วย", "งดออกเสียง", "อยู่ในที่ประชุม", "ผล"],
                                  rows, column_widths(1.0, 7.4, 1.6, 1.7, 1.7, 1.8, 1.3), align="CLRRRRC"))
    if not any_votes:
        story.append(ts.para("ไม่มีการลงมติในการประชุมนี้", "body_indent"))
    return story


def write_workshop_summary(store: Store, workshop_id: str, out: str | os.PathLike[str], *, thai_digits: bool = False,
                           today: dt.date | None = None) -> Path:
    """Write the summary of one workshop to ``out`` (.pdf), atomically. UserError for a bad path or workshop."""
    target = check_output_path(out, ".pdf")
    ts = Typesetter(DocOptions(thai_digits=thai_digits, today=today))
    with read_snapshot(store) as snap:
        title, story = workshop_summary_story(snap, workshop_id, ts)
    return write_pdf(target, story, title=f"{SHORT_TITLE} {title}", short_title=SHORT_TITLE, ts=ts,
                     subject="สรุปผลการประชุม: ผู้เข้าร่วม ความต้องการของชุมชน และการลงมติ")
