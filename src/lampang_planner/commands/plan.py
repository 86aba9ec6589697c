"""The development plan: ``plan settings``, ``plan propose``, ``plan list``, ``plan set``, ``plan export`` (forms ผ.01 /
ผ.02 / ผ.02/1), ``plan import`` (the edited workbook back, with a preview) and ``plan followup`` (the public pages)."""

from __future__ import annotations

import argparse

from lampang_planner.commands.base import actions, answers, open_store, print_json, print_listing
from lampang_planner.core.errors import UserError


def _plan(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    plan = actions(parser, common)
    st = plan.add("settings", "show or set the plan's period and edition")
    st.add_argument("--first-year", metavar="YEAR", help="Buddhist era, e.g. 2566")
    st.add_argument("--years", metavar="N", default="5", help="length of the plan (default 5)")
    st.add_argument("--edition", metavar="TEXT", help='e.g. "เพิ่มเติม ครั้งที่ 1/2567" ("" for the plan itself)')
    st.add_argument("--org", metavar="NAME", help="the organisation (default องค์การบริหารส่วนจังหวัดลำปาง)")
    answers(st, cmd_settings)
    pr = plan.add("propose", "turn a need into a project proposal")
    pr.add_argument("need_id", metavar="NEED_ID")
    answers(pr, cmd_propose)
    ls = plan.add("list", "the project proposals")
    ls.add_argument("--district", metavar="CODE")
    answers(ls, cmd_list)
    se = plan.add("set", "change fields of a proposal: FIELD=VALUE … (budget:2567=500000)", cmd_set)
    se.add_argument("proposal_id", metavar="ID")
    se.add_argument("assignments", metavar="FIELD=VALUE", nargs="+")
    plan.add("export", "the plan workbook: forms ผ.01, ผ.02, ผ.01/1, ผ.02/1", cmd_export).add_argument(
        "--out", metavar="FILE.xlsx", required=True
    )
    im = plan.add("import", "take the edited plan workbook back (preview, then apply)")
    im.add_argument("file", metavar="FILE.xlsx")
    im.add_argument("--dry-run", action="store_true", help="only show what would change")
    answers(im, cmd_import)
    fu = plan.add("followup", "public follow-up per district: PDF and static web pages", cmd_followup)
    fu.add_argument("--out", metavar="DIR", required=True)
    fu.add_argument("--district", metavar="CODE", action="append", help="only this district (repeatable)")


BUILDERS = {"plan": _plan}
"""This area's command word (``commands.WORDS``) → the function that builds its parser."""


def cmd_settings(args: argparse.Namespace) -> int:
    from lampang_planner.core.plan.proposals import budgets_outside, outside_note
    from lampang_planner.core.plan.settings import get_plan, set_plan

    changing = bool(args.first_year or args.edition is not None or args.org)
    with open_store(args) as store:
        if changing:
            plan = set_plan(store, first_year=args.first_year or get_plan(store).first_year, years=args.years,
                            edition=args.edition, org_name=args.org)
        else:
            plan = get_plan(store)
        amounts, projects = budgets_outside(store)
    if args.json:
        print_json({"first_year": plan.first_year, "years": plan.years, "edition": plan.edition, "org_name": plan.org_name,
                    "budgets_outside": amounts, "projects_with_budgets_outside": projects})
        return 0
    print(f"{plan.period_th} — {plan.org_name}")
    if changing or amounts:
        th, en = outside_note(amounts, projects)
        print(f"{th} ({en})")
    return 0


def cmd_propose(args: argparse.Namespace) -> int:
    from lampang_planner.core.plan.proposals import get_proposal, proposal_from_need

    with open_store(args) as store:
        pid = proposal_from_need(store, args.need_id)
        row = get_proposal(store, pid)
    print_json(row.as_json()) if args.json else print(f"{pid}  {row.title}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from lampang_planner.core.plan.proposals import list_proposals
    from lampang_planner.core.vocabulary import ProposalStatus

    return print_listing(args, lambda store: list_proposals(store, district_code=args.district),
                         lambda r: f"{r.id}  {ProposalStatus(r.status).th:<18} {sum(r.budgets.values()):>14,.0f}  {r.title}")


def parse_assignments(items: list[str]) -> dict:
    """FIELD=VALUE pairs; ``budget:2567=500000`` sets one year's budget (the others are kept)."""
    fields: dict = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise UserError(f"ต้องเขียนแบบ ช่อง=ค่า: {item}", f"Expected FIELD=VALUE: {item}", code="bad-argument")
        if key.startswith("budget:"):
            fields.setdefault("budgets", {})[key.split(":", 1)[1]] = value
        elif key in ("budget", "budgets"):
            raise UserError("งบประมาณต้องระบุทีละปี เช่น budget:2567=500000",
                            "Budgets are set one year at a time, e.g. budget:2567=500000", code="bad-argument")
        elif key == "community_plan":
            fields[key] = value.strip().lower() in ("1", "true", "yes", "ใช่")
        else:
            fields[key] = value
    return fields


def cmd_set(args: argparse.Namespace) -> int:
    from lampang_planner.core.plan.proposals import get_proposal, update_proposal

    fields = parse_assignments(args.assignments)
    with open_store(args) as store:
        current = get_proposal(store, args.proposal_id)
        if current is None:
            raise UserError("ไม่พบโครงการนี้", f"No project proposal with id {args.proposal_id}", code="unknown-proposal")
        if "budgets" in fields:
            fields["budgets"] = {**{str(y): v for y, v in current.budgets.items()}, **fields["budgets"]}
        changed = update_proposal(store, args.proposal_id, fields)
    print("แก้ไขแล้ว (changed)" if changed else "ไม่มีอะไรเปลี่ยน (nothing changed)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from lampang_planner.core.plan.workbook import export_plan_workbook

    with open_store(args) as store:
        path = export_plan_workbook(store, args.out)
    print(path)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from lampang_planner.core.plan.roundtrip import apply_plan_import, preview_plan_import

    with open_store(args) as store:
        preview = preview_plan_import(store, args.file)
        applied = 0 if args.dry_run else apply_plan_import(store, preview)
    if args.json:
        print_json({**preview.as_json(), "applied": applied, "dry_run": args.dry_run})
        return 0
    for r in preview.changes:
        for c in r.changes:
            print(f"แก้ไข (change)   {r.where}  {r.title}: {c.label} “{c.old or ''}” → “{c.new or ''}”")
    for r in preview.conflicts:
        for c in r.changes:
            print(f"ขัดแย้ง (conflict) {r.where}  {r.title}: {c.label} ในโปรแกรม “{c.old or ''}” ในไฟล์ “{c.new or ''}” "
                  "— แก้ในโปรแกรมหลังส่งออก ไม่นำเข้า (changed here since the export; not imported)")
    for p in preview.problems:
        print(f"ไม่นำเข้า (refused) {p.where}: {p.th} ({p.en})")
    verb = "จะแก้ไข (would change)" if args.dry_run else "แก้ไขแล้ว (changed)"
    print(f"{verb} {len(preview.changes) if args.dry_run else applied} โครงการ · ขัดแย้ง {len(preview.conflicts)} · "
          f"ไม่นำเข้า {len(preview.problems)} · ไม่เปลี่ยน {preview.unchanged}")
    return 0


def cmd_followup(args: argparse.Namespace) -> int:
    from lampang_planner.core.plan.followup import write_followup

    with open_store(args) as store:
        written = write_followup(store, args.out, districts=args.district)
    for path in written:
        print(path)
    return 0
