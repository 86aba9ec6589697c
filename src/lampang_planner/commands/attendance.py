"""Attendance commands: roster import, badges, sign-in sheet, check-in by code, and this laptop's desk name."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from lampang_planner.commands.base import answers, open_store, print_json


def register(sub, common: argparse.ArgumentParser) -> None:
    ro = sub.add_parser("roster", parents=[common], help="people from the office's Excel roster")
    ro_sub = ro.add_subparsers(dest="action", metavar="ACTION", required=True)
    ri = ro_sub.add_parser(
        "import",
        parents=[common],
        help="import people from an .xlsx roster (and invite them to a workshop)",
        description="Import people from an .xlsx roster. Prints counts and one line per updated, duplicate or "
        "rejected row. Exit status 0 when every row was usable, 1 when some rows were rejected (the others are "
        "imported), 2 when the file is refused (nothing written).",
    )
    ri.add_argument("file", type=Path, metavar="FILE.xlsx")
    ri.add_argument("--workshop", metavar="ID", help="also invite the imported people to this workshop")
    ri.add_argument("--dry-run", action="store_true", help="only show what would be done; write nothing")
    ri.add_argument("--all", action="store_true", help="list every row, not only updated/duplicate/rejected ones")
    answers(ri, cmd_roster_import)

    b = sub.add_parser("badges", parents=[common], help="A4 sheets of QR badges for a workshop's people")
    b.add_argument("--workshop", metavar="ID", required=True)
    b.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    b.set_defaults(func=cmd_badges)

    s = sub.add_parser("signsheet", parents=[common], help="the sign-in sheet of a workshop's session (PDF)")
    s.add_argument("--workshop", metavar="ID", required=True)
    s.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    s.add_argument("--blank-rows", type=int, default=0, metavar="N", help="empty rows at the end for walk-ins")
    s.add_argument("--contact", help="who to contact about personal data (PDPA line)")
    s.add_argument("--thai-digits", action="store_true", help="numbers, dates and times in Thai digits")
    s.add_argument("--session", metavar="SESSION_ID", help="the session (default: the current one by the clock)")
    s.add_argument("--times", action="store_true", help="pre-print each person's check-in time (เวลามา)")
    s.set_defaults(func=cmd_signsheet)

    c = sub.add_parser(
        "checkin",
        parents=[common],
        help="check in scanned codes exactly as the scan screen does",
        description="One line per code: 'checked-in', 'already', 'not-invited' or 'unknown' first. Exit status 0 "
        "when every code was checked in (now or before), 1 otherwise; an unknown or malformed code, or a person not on "
        "the workshop's invitation list (without --invite), writes nothing.",
    )
    c.add_argument("--workshop", metavar="ID", required=True)
    c.add_argument("--desk", help="desk name to record (default: this data folder's desk)")
    c.add_argument("--session", metavar="SESSION_ID", help="the session (default: the current one by the clock)")
    c.add_argument("--json", action="store_true", help="one JSON object per line")
    c.add_argument("--invite", action="store_true",
                   help="check in people who are not on the invitation list too, adding them to it")
    c.add_argument("codes", nargs="+", metavar="CODE")
    c.set_defaults(func=cmd_checkin)

    d = sub.add_parser("desk", parents=[common], help="this laptop's check-in desk name")
    d_sub = d.add_subparsers(dest="action", metavar="ACTION", required=True)
    ds = d_sub.add_parser("set", parents=[common], help="name this data folder's check-in desk")
    ds.add_argument("name")
    ds.set_defaults(func=cmd_desk_set)
    dw = d_sub.add_parser("show", parents=[common], help="show the desk name")
    dw.set_defaults(func=cmd_desk_show)


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

    all_known = True
    with open_store(args) as store:
        for code in args.codes:
            result = check_in(store, args.workshop, code, desk=args.desk, invite=args.invite, session_id=args.session)
            all_known = all_known and result.ok
            print(json.dumps(result.as_json(), ensure_ascii=False) if args.json else result.line(), flush=True)
    return 0 if all_known else 1


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
