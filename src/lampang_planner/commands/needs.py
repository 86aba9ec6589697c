"""Commands over community needs and draft resolutions: lists, summaries, a need's status history and the office's
side-by-side view of every workshop's votes. Read-only; they print what ``core.ops.needs`` and
``core.ops.resolutions`` return, as the window and the reports read it."""

from __future__ import annotations

import argparse

from lampang_planner.commands.base import actions, answers, open_store, print_json, print_listing
from lampang_planner.core.errors import UserError


def _need(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    need = actions(parser, common)
    nl = need.add("list", "needs, filtered by workshop, place, category or status")
    nl.add_argument("--workshop", metavar="ID")
    nl.add_argument("--district", metavar="CODE", help="district code, e.g. 5201")
    nl.add_argument("--tambon", metavar="CODE", help="tambon code, e.g. 520101")
    nl.add_argument("--category", metavar="KEY")
    nl.add_argument("--status", metavar="STATUS", help="proposed, accepted, budgeted, in_progress, done, …")
    answers(nl, cmd_need_list)
    ns = need.add("summary", "counts per district and group, with totals")
    ns.add_argument("--by", choices=("district", "tambon", "category", "status"), default="district")
    ns.add_argument("--workshop", metavar="ID")
    answers(ns, cmd_need_summary)
    nh = need.add("history", "a need's status changes: date, status, who, note")
    nh.add_argument("need_id", metavar="ID")
    answers(nh, cmd_need_history)


def _resolution(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    resolution = actions(parser, common)
    answers(resolution.add("list", "resolutions with their clause, amendment and vote counts"), cmd_resolution_list)
    rv = resolution.add("votes", "every workshop's amendments and votes, clause by clause")
    rv.add_argument("resolution_id", metavar="ID")
    answers(rv, cmd_resolution_votes)


BUILDERS = {"need": _need, "resolution": _resolution}
"""This area's command words (``commands.WORDS``) → the function that builds each one's parser."""


def cmd_need_list(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.needs import list_needs, parse_status, status_labels
    from lampang_planner.core.ops.workshops import get_workshop
    from lampang_planner.core.read.lookups import unknown_workshop

    status = parse_status(args.status).value if args.status else None
    def read(store):
        if args.workshop and get_workshop(store, args.workshop) is None:
            raise unknown_workshop(args.workshop)
        return list_needs(store, workshop_id=args.workshop, district_code=args.district,
                          subdistrict_code=args.tambon, category=args.category, status=status)

    def line(r) -> str:
        place = f"{r.tambon_th or r.district_th}" + (f" ม.{r.village_no}" if r.village_no else "")
        return f"{r.id}  {status_labels(r.status)[0]:<16} {place:<22} {r.title}"

    return print_listing(args, read, line)


def cmd_need_summary(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.needs import needs_summary

    with open_store(args) as store:
        summary = needs_summary(store, args.by, workshop_id=args.workshop)
    if args.json:
        print_json(summary.as_json())
        return 0
    for d in summary.districts:
        if not d.count:
            continue
        print(f"{d.label_th}  {d.count}")
        if args.by != "district":
            for r in summary.rows:
                if r.district_code == d.district_code:
                    print(f"    {r.label_th}  {r.count}")
    print(f"รวม (total)  {summary.total}")
    return 0


def cmd_need_history(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.needs import get_need, status_history, status_labels

    def read(store):
        if get_need(store, args.need_id) is None:
            raise UserError("ไม่พบความต้องการนี้", f"No need with id {args.need_id}", code="unknown-need")
        return status_history(store, args.need_id)

    def line(r) -> str:
        when = r.changed_on.isoformat() if r.changed_on else "-"
        return f"{when}  {status_labels(r.status)[0]:<16} {r.changed_by}  {r.note}"

    return print_listing(args, read, line)


def cmd_resolution_list(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.resolutions import list_resolutions

    return print_listing(args, list_resolutions,
                         lambda r: f"{r.id}  {r.status:<8} {r.clauses:>3} ข้อ {r.amendments:>3} แปรญัตติ {r.votes:>3} มติ  {r.title}")


def cmd_resolution_votes(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.resolutions import get_resolution, votes_side_by_side

    with open_store(args) as store:
        if get_resolution(store, args.resolution_id) is None:
            raise UserError("ไม่พบร่างมตินี้", f"No resolution with id {args.resolution_id}",
                            code="unknown-resolution")
        side = votes_side_by_side(store, args.resolution_id)
    if args.json:
        print_json(side.as_json())
        return 0
    names = {w.id: w.title for w in side.workshops}
    for c in side.clauses:
        t = c.totals
        print(f"ข้อ {c.clause.number}: {c.clause.text}")
        print(f"    รวม เห็นด้วย {t.for_count} ไม่เห็นด้วย {t.against_count} งดออกเสียง {t.abstain_count}")
        for wid, v in c.votes.items():
            print(f"    {names.get(wid, wid)}: {v.for_count}/{v.against_count}/{v.abstain_count} (มา {v.present})")
        for a in c.amendments:
            print(f"  แปรญัตติ ({names.get(a.amendment.workshop_id, '')}): {a.amendment.text}")
            for wid, v in a.votes.items():
                print(f"    {names.get(wid, wid)}: {v.for_count}/{v.against_count}/{v.abstain_count} (มา {v.present})")
    return 0
