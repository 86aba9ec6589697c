"""The consolidated resolution document (PDF): the resolution as adopted (or as it would be adopted now), clause by
clause, then the record of its deliberation — every workshop's votes on each clause and on each amendment, with
totals.

    write_resolution_document(store, resolution_id, "resolution.pdf", thai_digits=True)
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.resolutions import (
    AmendmentStatus,
    Tally,
    VoteRow,
    WorkshopRef,
    consolidated_text,
    get_resolution,
    votes_side_by_side,
)
from lampang_planner.core.refdata import divisions
from lampang_planner.core.reports.export_io import check_output_path, read_snapshot
from lampang_planner.core.reports.layout import DocOptions, Typesetter, column_widths, write_pdf
from lampang_planner.core.vocabulary import ResolutionStatus, carried_th, th_label

SHORT_TITLE = "มติสมัชชา"
NETWORK_TH = "สภาเครือข่ายพลเมืองจังหวัดลำปาง"


def resolution_story(store: Store, resolution_id: str, ts: Typesetter) -> tuple[str, list[Flowable]]:
    """The document's title and its flowables: the text as it stands, then the record of deliberation."""
    res = get_resolution(store, resolution_id)
    if res is None:
        raise UserError("ไม่พบร่างมตินี้", f"No resolution with id {resolution_id}", code="unknown-resolution")
    vs = votes_side_by_side(store, resolution_id)
    refs: dict[str, WorkshopRef] = {w.id: w for w in vs.workshops}

    def workshop_name(wid: str) -> str:
        w = refs.get(wid)
        return w.title if w and w.title else "การประชุม"

    story = _text_part(res, vs, consolidated_text(store, resolution_id), ts, workshop_name)
    story += _deliberation_intro(vs, ts)
    story += _vote_tables(vs, refs, ts, workshop_name)
    return res.title or "มติ", story


def _text_part(res, vs, text, ts: Typesetter, workshop_name) -> list[Flowable]:
    """Title, status, preamble and the clauses as they stand (with where an adopted amendment came from)."""
    adopted = res.status == ResolutionStatus.ADOPTED.value
    story: list[Flowable] = [ts.para(res.title or "มติ", "title")]
    if adopted:
        story.append(ts.para(f"รับรองเมื่อวันที่ {ts.date(res.adopted_on)}" if res.adopted_on else "รับรองแล้ว",
                             "subtitle"))
    else:
        story.append(ts.para(f"(ร่าง) ฉบับรวมผลการพิจารณาของเวทีประชาคม ณ วันที่ {ts.date(ts.options.printed_on)}",
                             "subtitle"))
    none_adopted = not any(c.clause.adopted_text for c in vs.clauses)
    if not adopted and none_adopted and text:
        story.append(ts.para("ข้อความทุกข้อเป็นข้อความตามร่าง ยังไม่มีการรับรอง", "subtitle"))
    story.append(Spacer(1, 0.3 * cm))
    if res.preamble:
        story.append(ts.para(res.preamble, "body_indent"))

    by_clause = {c.clause.id: c for c in vs.clauses}
    for item in text:
        c = by_clause.get(item.clause_id)
        story.append(ts.para(f"ข้อ {item.number if item.number is not None else ''} {item.text}", "body_indent"))
        if c is None:
            continue
        taken = [a for a in c.amendments if a.amendment.status == AmendmentStatus.ADOPTED.value]
        if taken:
            where = ", ".join(workshop_name(a.amendment.workshop_id) for a in taken)
            story.append(ts.para(f"(ปรับตามคำแปรญัตติจาก{where})", "muted"))
        elif not adopted and not none_adopted and not c.clause.adopted_text:
            story.append(ts.para("(ข้อความตามร่าง ยังไม่รับรอง)", "muted"))

    if adopted:
        story += [Spacer(1, 0.6 * cm), ts.para(NETWORK_TH, "subtitle")]

    return story


def _deliberation_intro(vs, ts: Typesetter) -> list[Flowable]:
    """The record of deliberation: which workshops considered the draft."""
    dv = divisions()
    story: list[Flowable] = [ts.para("บันทึกการพิจารณาของเวทีประชาคม", "heading")]
    if not vs.workshops:
        story.append(ts.para("ยังไม่มีการพิจารณาร่างมตินี้ในเวทีใด", "body_indent"))
    else:
        names = []
        for w in vs.workshops:
            district = dv.districts.get(w.district_code)
            names.append(w.title + (f" ({ts.date(w.start_date, 'short')})" if w.start_date else "")
                         if w.title else (district.name_th if district else "การประชุม"))
        story.append(ts.para(f"ร่างมตินี้ได้รับการพิจารณาใน {ts.num(len(vs.workshops))} เวที ได้แก่ "
                             + " ".join(f"({i}) {n}" for i, n in enumerate(names, start=1)), "body_indent"))
    return story


def _vote_tables(vs, refs: dict[str, WorkshopRef], ts: Typesetter, workshop_name) -> list[Flowable]:
    """Per clause, every workshop's vote on the draft and on each amendment, with totals."""
    story: list[Flowable] = []
    header = ["การประชุม", "รายการ", "เห็นด้วย", "ไม่เห็นด้วย", "งดออกเสียง", "อยู่ในที่ประชุม", "ผล"]
    widths = column_widths(3.9, 6.0, 1.4, 1.4, 1.4, 1.5, 1.1)
    for c in vs.clauses:
        rows: list[list[object]] = []
        totals: list[list[object]] = []

        def line(v: VoteRow, what: object) -> list[object]:
            w = refs.get(v.workshop_id)
            where: list[Flowable] = [ts.para(workshop_name(v.workshop_id), "cell")]
            if w and w.start_date:
                where.append(ts.para(ts.date(w.start_date, "short"), "cell_small"))
            return [where, what, v.for_count, v.against_count, v.abstain_count, v.present,
                    carried_th(v.for_count, v.against_count)]

        def total(t: Tally, label: str) -> list[object]:
            return [label, "", t.for_count, t.against_count, t.abstain_count, t.present,
                    carried_th(t.for_count, t.against_count)]

        for v in c.votes.values():
            rows.append(line(v, "ร่างเดิม"))
        if len(c.votes) > 1:
            totals.append(total(c.totals, f"รวมร่างเดิม {ts.num(c.totals.workshops)} เวที"))
        for a in c.amendments:
            what = [ts.para(f"คำแปรญัตติ: {a.amendment.text}", "cell"),
                    ts.para(f"ผู้เสนอ {a.amendment.mover} ผู้รับรอง {a.amendment.seconder} "
                            f"({th_label(AmendmentStatus, a.amendment.status)})", "cell_small",
                            keep=[a.amendment.mover or "", a.amendment.seconder or ""])]
            if not a.votes:
                rows.append([workshop_name(a.amendment.workshop_id), what, "", "", "", "", "ยังไม่ลงมติ"])
            for v in a.votes.values():
                rows.append(line(v, what))
            if len(a.votes) > 1:
                totals.append(total(a.totals, f"รวมคำแปรญัตติ {ts.num(a.totals.workshops)} เวที"))
        head = ts.para(f"ข้อ {c.clause.number if c.clause.number is not None else ''}", "subheading")
        if not rows:  # the heading keeps with what follows (typeset.keep_headings)
            story += [head, ts.para("ยังไม่มีการลงมติในข้อนี้", "body_indent")]
            continue
        story += [head, ts.table(header, rows, widths, align="LLRRRRC", totals=totals)]
    return story


def write_resolution_document(store: Store, resolution_id: str, out: str | os.PathLike[str], *,
                              thai_digits: bool = False, today: dt.date | None = None) -> Path:
    """Write the consolidated resolution document to ``out`` (.pdf), atomically. UserError for a bad path or id."""
    target = check_output_path(out, ".pdf")
    ts = Typesetter(DocOptions(thai_digits=thai_digits, today=today))
    with read_snapshot(store) as snap:
        title, story = resolution_story(snap, resolution_id, ts)
    return write_pdf(target, story, title=title, short_title=SHORT_TITLE, ts=ts,
                     subject="มติฉบับรวมและบันทึกการลงมติของแต่ละเวที")
