"""A heading ("ข้อ 4") is never the last thing on a page: wherever the text before it ends, the heading shares its
page with the first row of the table under it."""

from __future__ import annotations

import pytest
from pdf_glyphs import text_runs

from lampang_planner.core.reports.layout import BOTTOM, DocOptions, Typesetter, frame_width, render_pdf


@pytest.mark.parametrize("filler_lines", range(38, 47))  # without keep_headings 41–44 leave it alone
def test_a_heading_stays_with_the_first_rows_of_its_table(filler_lines):
    ts = Typesetter(DocOptions())
    filler = "\n".join(f"บรรทัดที่ {i} ของบันทึกการประชุม" for i in range(filler_lines))
    rows = [[f"เวทีประชาคมแผนพัฒนา อำเภอที่ {i}", "ร่างเดิม", 40 + i, 2, 1, 43 + i] for i in range(6)]
    w = frame_width()
    story = [ts.para(filler, "body"), ts.para("ข้อ 4", "subheading"),
             ts.table(["การประชุม", "รายการ", "เห็นด้วย", "ไม่เห็นด้วย", "งดออกเสียง", "อยู่ในที่ประชุม"], rows,
                      [w * 0.34, w * 0.2, w * 0.11, w * 0.12, w * 0.11, w * 0.12], align="LLRRRR")]
    runs = text_runs(render_pdf(story, title="ทดสอบ", short_title="ทดสอบ", ts=ts))
    heading = next(r for r in runs if r.text == "ข้อ 4")
    below = [r.text for r in runs if r.page == heading.page and BOTTOM < r.glyphs[0].y < heading.glyphs[0].y - 1]
    assert "การประชุม" in below and "เวทีประชาคมแผนพัฒนา อำเภอที่ 0" in below, (heading.page, below)
