"""The plan the office is drawing up: its first year, length and edition (one synced row, the same on every machine).

Lampang PAO's plans: 2561–2564 (the four-year plan of the 2559 amendment), then five-year plans 2566–2570, …
An edition is the plan itself ("") or an addition/change: "เพิ่มเติม ครั้งที่ 1/2567", "เปลี่ยนแปลง ครั้งที่ 2/2568".
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass

from lampang_planner.core.db import Store
from lampang_planner.core.errors import ValidationError
from lampang_planner.core.schema import natural_id
from lampang_planner.core.text import clean_text
from lampang_planner.core.thai.dates import today_lampang
from lampang_planner.core.thai.digits import to_arabic_digits

ORG_TH = "องค์การบริหารส่วนจังหวัดลำปาง"
PLAN_ID = natural_id("dev_plan", "current")
DEFAULT_YEARS = 5
_EDITION = re.compile(r"^(เพิ่มเติม|เปลี่ยนแปลง|เพิ่มเติม/เปลี่ยนแปลง|เพิ่มเติมและเปลี่ยนแปลง) ครั้งที่ \d+/25\d\d$")


@dataclass(frozen=True)
class PlanInfo:
    first_year: int
    years: int
    edition: str
    org_name: str

    @property
    def plan_years(self) -> list[int]:
        return list(range(self.first_year, self.first_year + self.years))

    @property
    def period_th(self) -> str:
        """"แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)" plus the edition when it is an addition or change."""
        text = f"แผนพัฒนาท้องถิ่น (พ.ศ. {self.first_year} – {self.plan_years[-1]})"
        return f"{text} {self.edition}" if self.edition else text


def default_first_year(today: dt.date) -> int:
    """The five-year period (2566–2570, 2571–2575, …) holding next fiscal year."""
    fiscal = today.year + 543 + (1 if today.month >= 10 else 0)
    return 2566 + (fiscal + 1 - 2566) // 5 * 5


_PLAN_SQL = "SELECT first_year, years, edition, org_name FROM dev_plan WHERE id=? AND deleted=0"


def _plan_of(row: tuple | None, today: dt.date | None) -> PlanInfo:
    first, years, edition, org = row or (None, None, None, None)
    return PlanInfo(first or default_first_year(today or today_lampang()), years or DEFAULT_YEARS, edition or "",
                    org or ORG_TH)


def get_plan(store: Store, today: dt.date | None = None) -> PlanInfo:
    r = store.query(_PLAN_SQL, (PLAN_ID,))
    return _plan_of(r[0] if r else None, today)


def read_plan(db: sqlite3.Connection) -> PlanInfo:
    """:func:`get_plan` inside a caller's transaction."""
    return _plan_of(db.execute(_PLAN_SQL, (PLAN_ID,)).fetchone(), None)


def _whole_in(v: int | str, lo: int, hi: int) -> int | None:
    """A whole number from ``lo`` to ``hi`` as typed (Thai digits too), or None when ``v`` is not one."""
    try:
        n = int(to_arabic_digits(str(v)).strip())
    except ValueError:
        return None
    return n if lo <= n <= hi else None


def set_plan(store: Store, *, first_year: int | str, years: int | str = DEFAULT_YEARS, edition: str | None = None,
             org_name: str | None = None) -> PlanInfo:
    """Set the plan's period and edition (one transaction). ``edition``: "" for the plan itself."""
    problems: dict[str, tuple[str, str]] = {}
    first, n = _whole_in(first_year, 2500, 2700), _whole_in(years, 3, 5)
    if first is None:
        problems["first_year"] = ("ปีเริ่มแผนต้องเป็น พ.ศ. 2500–2700", "The plan's first year must be Buddhist era, 2500–2700")
    if n is None:
        problems["years"] = ("ระยะเวลาแผนต้องเป็น 3–5 ปี", "A plan runs 3 to 5 years")
    ed = clean_text(edition) or ""
    if ed and not _EDITION.match(to_arabic_digits(ed)):
        problems["edition"] = ("ฉบับต้องเขียนแบบ “เพิ่มเติม ครั้งที่ 1/2567” หรือ “เปลี่ยนแปลง ครั้งที่ 2/2568”",
                               "The edition reads like “เพิ่มเติม ครั้งที่ 1/2567” (addition 1 of 2567) or "
                               "“เปลี่ยนแปลง ครั้งที่ 2/2568”")
    if problems:
        raise ValidationError(problems)
    fields = {"key": "current", "first_year": first, "years": n, "edition": to_arabic_digits(ed),
              "org_name": clean_text(org_name) or ORG_TH}
    with store.transaction() as tx:
        tx.record("dev_plan", PLAN_ID, fields)
    return get_plan(store)
