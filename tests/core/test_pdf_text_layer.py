"""Every PDF the program makes, as a clerk reads and searches it: each line with a tone mark has HarfBuzz's glyphs at
HarfBuzz's positions (read back from the content stream, ``pdf_glyphs``), every text is drawn by the one Thai text
drawer (our Type0 font, whose codes carry glyph ids), and pdftotext gives back every person's name as typed.

A new PDF output belongs in ``PDFS`` below (name → function(store, workshop_id, resolution_id) → (pdf, names)).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pdf_glyphs import check_against_harfbuzz, text_runs
from pypdf import PdfReader

from lampang_planner.core.ops.resolutions import list_resolutions
from lampang_planner.core.reports.badges import badges_for, badges_pdf
from lampang_planner.core.reports.layout import DocOptions, Typesetter, render_pdf
from lampang_planner.core.reports.resolution_doc import SHORT_TITLE as RESOLUTION_SHORT
from lampang_planner.core.reports.resolution_doc import resolution_story
from lampang_planner.core.reports.signsheet import sign_rows, signsheet_pdf
from lampang_planner.core.reports.summary import SHORT_TITLE as SUMMARY_SHORT
from lampang_planner.core.reports.summary import workshop_summary_story

Maker = Callable[[object, str, str], tuple[bytes, list[str]]]


def _badges(store, wid, _rid):
    return badges_pdf(store, wid), [b.name for b in badges_for(store, wid)]


def _signsheet(store, wid, _rid):
    return signsheet_pdf(store, wid), [r.name for r in sign_rows(store, wid)]


def _summary(store, wid, _rid):
    ts = Typesetter(DocOptions())
    title, story = workshop_summary_story(store, wid, ts)
    facilitators = store.db.execute("SELECT facilitators FROM workshop WHERE id=?", (wid,)).fetchone()[0] or ""
    names = [re.sub(r"\s*\(.*", "", f).strip() for f in facilitators.splitlines() if f.startswith(("นาย", "นาง"))]
    return render_pdf(story, title=title, short_title=SUMMARY_SHORT, ts=ts), names


def _summary_with_needs(store, _wid, _rid):
    """The summary of the workshop with the most needs: its chart of needs by category (สิ่งแวดล้อม …)."""
    from lampang_planner.core.reports.charts import needs_by_category

    wid = store.db.execute("SELECT workshop_id FROM need WHERE deleted=0 GROUP BY workshop_id "
                           "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    ts = Typesetter(DocOptions())
    title, story = workshop_summary_story(store, wid, ts)
    labels = [item.label_th for item in needs_by_category(store, wid).items]
    return render_pdf(story, title=title, short_title=SUMMARY_SHORT, ts=ts), labels


def _resolution(store, _wid, rid):
    ts = Typesetter(DocOptions())
    title, story = resolution_story(store, rid, ts)
    rows = store.db.execute("SELECT a.mover, a.seconder FROM amendment a JOIN clause c ON c.id=a.clause_id "
                            "WHERE c.resolution_id=? AND a.deleted=0", (rid,)).fetchall()
    return render_pdf(story, title=title, short_title=RESOLUTION_SHORT, ts=ts), [n for r in rows for n in r if n]


def _followup(store, _wid, _rid):
    """The public follow-up of a district (#16): no personal names by design, so its need titles are searched."""
    import datetime as dt

    from plan_support import make_plan

    from lampang_planner.core.plan.followup import district_followup
    from lampang_planner.core.plan.followup_pdf import followup_pdf
    from lampang_planner.core.plan.proposals import list_proposals
    from lampang_planner.core.plan.settings import get_plan

    make_plan(store)
    district = next(iter(list_proposals(store))).district_code
    d = district_followup(store, district)
    return followup_pdf(d, get_plan(store), dt.date(2026, 12, 7)), [r.need_title for r in d.rows]


def _payments(store, wid, _rid):
    """The payment list of a whole workshop (#15): everyone checked in, the community's people paid."""
    from lampang_planner.core.ops.payments import payment_list, set_rate
    from lampang_planner.core.reports.payments import payments_pdf

    set_rate(store, "community_council", allowance=120, travel="80.50")
    set_rate(store, "network_member", allowance=120)
    plist = payment_list(store, wid)
    assert plist.paid_rows, "no one is paid: the check would not see the amounts' rows"
    return payments_pdf(store, wid), [r.name for r in plist.rows]


WRAPPED_TEXTS = {"followup"}  # what is searched there is longer text (need titles), not names
PDFS: dict[str, Maker] = {"badges": _badges, "signsheet": _signsheet, "summary": _summary, "resolution": _resolution,
                          "followup": _followup, "payments": _payments, "summary-needs": _summary_with_needs}


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:  # scripts/setup.sh installs poppler-utils
        pytest.fail("pdftotext (poppler-utils) is missing")
    source = tmp_path / "out.pdf"
    source.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(source), "-"], check=True, capture_output=True, text=True).stdout


def make_pdf(kind: str, store) -> tuple[bytes, list[str]]:
    """The PDF of ``kind`` made from the demo data, and the names (or texts) a clerk would search it for."""
    # the main assembly (600 people, the facilitators' names) for the documents; a district's workshop of about a
    # hundred people for the badges and the sign-in sheet (the 600 take a minute to read back)
    offset = 2 if kind in ("badges", "signsheet", "payments") else 0
    wid = store.db.execute("SELECT workshop_id FROM invitation WHERE deleted=0 GROUP BY workshop_id "
                           "ORDER BY COUNT(*) DESC LIMIT 1 OFFSET ?", (offset,)).fetchone()[0]
    rid = list_resolutions(store)[0].id
    return PDFS[kind](store, wid, rid)


@pytest.mark.parametrize("kind", sorted(PDFS))
def test_every_pdf_has_harfbuzz_marks_and_searchable_names(kind, demo_store, tmp_path):
    pdf, names = make_pdf(kind, demo_store)
    runs = text_runs(pdf)
    assert runs
    strays = {r.font for r in runs if r.glyphs[0].gid is None}
    assert not strays, f"text drawn outside draw_thai in {kind}: {strays}"
    problems, checked = check_against_harfbuzz(runs)
    assert problems == [], problems[:5]
    assert checked > 10
    assert names, f"the demo's {kind} has no names to look for"
    text = _pdftotext(pdf, tmp_path)
    flat = " ".join(text.split())  # a name wrapped in its cell reads with a space, as a viewer searches it
    if kind in WRAPPED_TEXTS:  # long texts wrap between words: compare without the spaces a line break leaves
        flat, names = flat.replace(" ", ""), [n.replace(" ", "") for n in names]
    missing = [n for n in names if n not in flat]
    assert missing == [], missing[:5]
    assert "\u0e4d\u0e32" not in text  # ำ never comes back as ํ + า
    pypdf_text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf_path(pdf, tmp_path)).pages).split())
    if kind in WRAPPED_TEXTS:
        pypdf_text = pypdf_text.replace(" ", "")
    assert [n for n in names if n not in pypdf_text] == []


def pdf_path(pdf: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "again.pdf"
    path.write_bytes(pdf)
    return path
