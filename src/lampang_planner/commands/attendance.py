"""Attendance commands: roster import, badges, sign-in sheet, check-in by code, and this laptop's desk name."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from lampang_planner.commands.base import actions, answers, for_each_code, open_store, print_json


def _roster(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    ri = actions(parser, common).add(
        "import",
        "import people from an .xlsx roster (and invite them to a workshop)",
        description="Import people from an .xlsx roster. Prints counts and one line per updated, duplicate or "
        "rejected row. Exit status 0 when every row was usable, 1 when some rows were rejected (the others are "
        "imported), 2 when the file is refused (nothing written).",
    )
    ri.add_argument("file", type=Path, metavar="FILE.xlsx")
    ri.add_argument("--workshop", metavar="ID", help="also invite the imported people to this workshop")
    ri.add_argument("--dry-run", action="store_true", help="only show what would be done; write nothing")
    ri.add_argument("--all", action="store_true", help="list every row, not only updated/duplicate/rejected ones")
    answers(ri, cmd_roster_import)


def _badges(b: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    b.add_argument("--workshop", metavar="ID", required=True)
    b.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    b.set_defaults(func=cmd_badges)


def _signsheet(s: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    s.add_argument("--workshop", metavar="ID", required=True)
    s.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    s.add_argument("--blank-rows", type=int, default=0, metavar="N", help="empty rows at the end for walk-ins")
    s.add_argument("--contact", help="who to contact about personal data (PDPA line)")
    s.add_argument("--thai-digits", action="store_true", help="numbers, dates and times in Thai digits")
    s.add_argument("--session", metavar="SESSION_ID", help="the session (default: the current one by the clock)")
    s.add_argument("--times", action="store_true", help="pre-print each person's check-in time (เวลามา)")
    s.set_defaults(func=cmd_signsheet)


def _checkin(c: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    c.description = (
        "One line per code: 'checked-in', 'already', 'not-invited' or 'unknown' first. Exit status 0 when every code "
        "was checked in (now or before), 1 otherwise; an unknown or malformed code, or a person not on the workshop's "
        "invitation list (without --invite), writes nothing."
    )
    c.add_argument("--workshop", metavar="ID", required=True)
    c.add_argument("--desk", help="desk name to record (default: this data folder's desk)")
    c.add_argument("--session", metavar="SESSION_ID", help="the session (default: the current one by the clock)")
    c.add_argument("--json", action="store_true", help="one JSON object per line")
    c.add_argument("--invite", action="store_true",
                   help="check in people who are not on the invitation list too, adding them to it")
    c.add_argument("codes", nargs="+", metavar="CODE")
    c.set_defaults(func=cmd_checkin)


def _desk(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    desk = actions(parser, common)
    desk.add("set", "name this data folder's check-in desk", cmd_desk_set).add_argument("name")
    desk.add("show", "show the desk name", cmd_desk_show)


BUILDERS = {"roster": _roster, "badges": _badges, "signsheet": _signsheet, "checkin": _checkin, "desk": _desk}
"""This area's command words (``commands.WORDS``) → the function that builds each one's parser."""


def cmd_roster_import(args: argparse.Namespace) -> int:
    from lampang_planner.core.roster.importer import DUPLICATE, REJECTED, STATUSES, UPDATE, import_roster

    with open_store(args) as store:
        result = import_roster(store, args.file, args.workshop, dry_run=args.dry_run)
    if args.json:
        print_json(result.as_json())
    else:
        if args.dry_run:
            print("ทดลองนำเข้า ยังไม่ได้บันทึกข้อมูล (dry run: nothing written)")
        print(result.summary())
        statuses = STATUSES if args.all else (UPDATE, DUPLICATE, REJECTED)
        for line in result.report_lines(statuses):
            print(line)
        if result.applied and result.backup:
            print(f"สำรองข้อมูลก่อนนำเข้าไว้ที่ {result.backup} (backup)")
        if result.applied and not result.has_writes:
            print("ไม่มีอะไรเปลี่ยนแปลง (nothing changed)")
    return 1 if any(r.status == REJECTED for r in result.rows) else 0


def cmd_badges(args: argparse.Namespace) -> int:
    from lampang_planner.core.reports.badges import write_badges

    with open_store(args) as store:
        path, n = write_badges(store, args.workshop, args.out)
    print(f"พิมพ์บัตร {n} ใบ ลงไฟล์ {path} ({n} badges written)")
    return 0


def cmd_signsheet(args: argparse.Namespace) -> int:
    from lampang_planner.core.reports.signsheet import DEFAULT_CONTACT, write_signsheet

    with open_store(args) as store:
        path, n = write_signsheet(
            store,
            args.workshop,
            args.out,
            blank_rows=args.blank_rows,
            contact=args.contact or DEFAULT_CONTACT,
            thai_digits=args.thai_digits,
            session_id=args.session,
            show_times=args.times,
        )
    print(f"ใบลงทะเบียน {n} รายชื่อ ลงไฟล์ {path} (sign-in sheet with {n} names written)")
    return 0


def cmd_checkin(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.checkin import check_in

    def one(store, code: str) -> bool:
        result = check_in(store, args.workshop, code, desk=args.desk, invite=args.invite, session_id=args.session)
        print(json.dumps(result.as_json(), ensure_ascii=False) if args.json else result.line(), flush=True)
        return result.ok

    return for_each_code(args, one)


def cmd_desk_set(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.checkin import set_desk

    with open_store(args) as store:
        name = set_desk(store, args.name)
    print(f"โต๊ะลงทะเบียน: {name} (desk name set)")
    return 0


def cmd_desk_show(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.checkin import desk_of

    with open_store(args) as store:
        print(desk_of(store))
    return 0
