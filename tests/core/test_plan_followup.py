"""The public follow-up per district: every need, the plan row it became, budget and status — and no personal data."""

from __future__ import annotations

import datetime as dt
import subprocess
from html.parser import HTMLParser

from plan_support import make_plan

from lampang_planner.core.ops.needs import list_needs
from lampang_planner.core.plan.followup import write_followup
from lampang_planner.core.plan.proposals import list_proposals
from lampang_planner.core.thai.segment import words


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def test_followup_pages_and_pdf_per_district_without_personal_data(demo_store, tmp_path):
    make_plan(demo_store)
    proposals = {p.need_id: p for p in list_proposals(demo_store)}
    district = next(iter(proposals.values())).district_code
    needs = list_needs(demo_store, district_code=district)
    written = write_followup(demo_store, tmp_path / "site", today=dt.date(2026, 12, 7))
    site = tmp_path / "site"
    assert (site / "index.html").is_file() and (site / "fonts" / "OFL.txt").is_file()
    assert site / f"district-{district}.html" in written and site / f"followup-{district}.pdf" in written

    page = _Cells()
    page.feed((site / f"district-{district}.html").read_text(encoding="utf-8"))
    head, *rows = page.rows
    assert head == ["ที่", "ความต้องการของชุมชน", "พื้นที่", "เวทีประชาคม", "โครงการในแผนพัฒนา", "แบบ",
                    "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ", "สถานะ"]
    assert [r[1] for r in rows] == [n.title for n in needs]  # every need raised, in order
    for n, r in zip(needs, rows, strict=True):
        p = proposals.get(n.id)
        if p:
            assert r[4] == p.title and r[5] == ("ผ.02/1" if p.community_plan else "ผ.02") and r[8] == "บรรจุในแผนพัฒนา"
            assert all(f"{y}: {v:,.0f}" in r[6] for y, v in p.budgets.items())
        else:
            assert r[4] == "–" and r[6] == "–"
    index = _Cells()
    index.feed((site / "index.html").read_text(encoding="utf-8"))
    assert f"district-{district}.html" in index.links and f"followup-{district}.pdf" in index.links

    # no personal data: nobody's name, phone or citizen id from this district's people or needs
    html = "".join(p.read_text(encoding="utf-8") for p in site.glob("*.html"))
    pdf_text = subprocess.run(["pdftotext", str(site / f"followup-{district}.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
    people = demo_store.query("SELECT first_name, last_name, phone, citizen_id FROM person WHERE district_code=?",
                              (district,))
    private = {f"{first} {last}" for first, last, _p, _c in people if first and last}
    private |= {v for row in people for v in row[2:] if v}
    private |= {n.raised_by for n in needs if n.raised_by}
    assert private and not [v for v in private if v in html or v in pdf_text]
    # the PDF holds the Thai with its tone marks, as text
    compact = pdf_text.replace("\n", "").replace(" ", "").replace("\u0e4d\u0e32", "\u0e33")  # ำ as drawn
    # word by word (the table's columns interleave in the extracted text); words with marks above the line are left
    # out: pdftotext takes a mark positioned by the shaper out of its word (the PNG shows them in place)
    marks = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d")
    for n in needs:
        plain = [w for w in words(n.title) if w.strip() and not marks & set(w)]
        assert all(w in compact for w in plain), n.title


def test_the_pages_are_dated_by_lampangs_calendar_whatever_the_machines_clock(demo_store, tmp_path, monkeypatch):
    """'ข้อมูล ณ …' is today in Lampang, as every other document's 'พิมพ์เมื่อ …': the pages may be made on a server
    keeping UTC, where at 00:30 in Lampang it is still yesterday (the walkthrough's summary said 8 ธันวาคม 2569 and
    the follow-up made the same minute 7 ธันวาคม 2569)."""
    from lampang_planner.core.plan import followup

    utc_now = dt.datetime(2026, 12, 7, 17, 30, tzinfo=dt.UTC)  # 8 December, 00:30 in Lampang

    class _UtcMachine:  # the module's clock as a machine keeping UTC sees it
        class date(dt.date):
            @classmethod
            def today(cls):
                return utc_now.date()

        class datetime(dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return utc_now.astimezone(tz) if tz else utc_now.replace(tzinfo=None)

    monkeypatch.setattr(followup, "dt", _UtcMachine)
    make_plan(demo_store)
    written = write_followup(demo_store, tmp_path / "site", districts=["5201"])
    page = next(p for p in written if p.name == "district-5201.html").read_text(encoding="utf-8")
    assert "ข้อมูล ณ 8 ธันวาคม 2569" in page and "7 ธันวาคม 2569" not in page
    pdf = next(p for p in written if p.suffix == ".pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "8 ธันวาคม 2569" in text and "7 ธันวาคม 2569" not in text
