"""What forms ผ.01 / ผ.02 / ผ.02/1 hold: the plan's proposals grouped ก./ข. strategy → ยุทธศาสตร์ → แผนงาน.

Plain data (no openpyxl here): :mod:`.workbook` lays it out. The grouping and numbering follow the regulation's
forms (see the package docstring for the source).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from lampang_planner.core.db import Store
from lampang_planner.core.plan.proposals import ProposalRow, list_proposals
from lampang_planner.core.plan.settings import PlanInfo
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.core.vocabulary import ProposalStatus

NOT_GIVEN = "ไม่ระบุ"
FORM_02 = "ผ.02"
FORM_02_1 = "ผ.02/1"
FORM_TITLES = {
    FORM_02: ("รายละเอียดโครงการพัฒนา", ""),
    FORM_02_1: ("รายละเอียดโครงการพัฒนา", "สำหรับโครงการพัฒนาที่นำมาจากแผนพัฒนาหมู่บ้านและแผนชุมชน"),
}
# Statuses that leave a project out of the plan's forms (still in the public follow-up, with their status).
LEFT_OUT = frozenset({ProposalStatus.DRAFT.value, ProposalStatus.CANCELLED.value})


@dataclass
class WorkPlan:
    name: str
    projects: list[ProposalRow] = field(default_factory=list)


@dataclass
class StrategyGroup:
    number: int
    province_strategy: str
    area_strategy: str
    strategy: str
    work_plans: list[WorkPlan] = field(default_factory=list)

    @property
    def project_count(self) -> int:
        return sum(len(w.projects) for w in self.work_plans)


@dataclass
class FormData:
    form: str  # FORM_02 | FORM_02_1
    plan: PlanInfo
    groups: list[StrategyGroup]

    @property
    def title(self) -> str:
        return FORM_TITLES[self.form][0]

    @property
    def subtitle(self) -> str:
        return FORM_TITLES[self.form][1]


def _key(text: str) -> tuple:
    return (text == "", thai_sort_key(text))


def group_proposals(proposals: list[ProposalRow]) -> list[StrategyGroup]:
    """Group by (ก., ข., ยุทธศาสตร์) then แผนงาน, in Thai order, projects by district then title."""
    tree: dict[tuple[str, str, str], dict[str, list[ProposalRow]]] = defaultdict(lambda: defaultdict(list))
    for p in proposals:
        tree[(p.province_strategy, p.area_strategy, p.strategy)][p.work_plan].append(p)
    groups = []
    ordered = sorted(tree, key=lambda k: (_key(k[2]), _key(k[0]), _key(k[1])))
    for n, key in enumerate(ordered, start=1):
        plans = [WorkPlan(name, sorted(items, key=lambda p: (p.district_code, thai_sort_key(p.title))))
                 for name, items in sorted(tree[key].items(), key=lambda kv: _key(kv[0]))]
        groups.append(StrategyGroup(n, *key, work_plans=plans))
    return groups


def in_plan(p: ProposalRow) -> bool:
    return p.status not in LEFT_OUT


def form_data(store: Store, plan: PlanInfo, form: str) -> FormData:
    """The proposals of one form: ผ.02 (the PAO's own projects) or ผ.02/1 (from village and community plans)."""
    community = form == FORM_02_1
    chosen = [p for p in list_proposals(store) if in_plan(p) and p.community_plan == community]
    return FormData(form, plan, group_proposals(chosen))


def strategy_line(g: StrategyGroup) -> list[str]:
    """The lines above a strategy's projects: ก. / ข. (when given) and the numbered ยุทธศาสตร์."""
    lines = []
    if g.province_strategy:
        lines.append(f"ก. ยุทธศาสตร์จังหวัดที่ {g.province_strategy}")
    if g.area_strategy:
        lines.append(f"ข. ยุทธศาสตร์การพัฒนาของ อปท. ในเขตจังหวัดที่ {g.area_strategy}")
    lines.append(f"{g.number}. {_named('ยุทธศาสตร์', g.strategy)}")
    return lines


def work_plan_line(g: StrategyGroup, k: int, w: WorkPlan) -> str:
    return f"{g.number}.{k} {_named('แผนงาน', w.name)}"


def _named(prefix: str, name: str) -> str:
    """"ยุทธศาสตร์การพัฒนาโครงสร้างพื้นฐาน" whether or not the office typed the word "ยุทธศาสตร์" itself."""
    if not name:
        return f"{prefix}{NOT_GIVEN}"
    return name if name.startswith(prefix) else f"{prefix}{name}"
