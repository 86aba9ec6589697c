"""Session commands: a workshop's sessions, attendance per session and the day's roll-up, keying in from paper."""

from __future__ import annotations

import argparse
import json

from lampang_planner.commands.base import actions, answers, for_each_code, open_store, print_json


def _session(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    session = actions(parser, common)
    ls = session.add("list", "the sessions, with the one current by the clock marked")
    ls.add_argument("--workshop", metavar="ID", required=True)
    answers(ls, cmd_list)
    for name, func, helptext in (
        ("add", cmd_add, "add a session after the others"),
        ("edit", cmd_edit, "change a session (the first one too)"),
    ):
        p = session.add(name, helptext, func)
        p.add_argument("--workshop", metavar="ID", required=True)
        if name == "edit":
            p.add_argument("session", metavar="SESSION_ID")
        p.add_argument("--name", help='e.g. "ภาคเช้า"')
        p.add_argument("--day", metavar="YYYY-MM-DD", help="the session's day (default: every day of the workshop)")
        p.add_argument("--starts", metavar="HH:MM")
        p.add_argument("--ends", metavar="HH:MM")
    rm = session.add("remove", "remove a session nobody checked in at", cmd_remove)
    rm.add_argument("--workshop", metavar="ID", required=True)
    rm.add_argument("session", metavar="SESSION_ID")


def _attendance(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    attendance = actions(parser, common)
    su = attendance.add("summary", "per day: each session's count, any and every session")
    su.add_argument("--workshop", metavar="ID", required=True)
    answers(su, cmd_summary)
    ex = attendance.add(
        "export", "an Excel sheet per session: every check-in time, desk and kind, with the columns chosen", cmd_export
    )
    ex.add_argument("--workshop", metavar="ID", required=True)
    ex.add_argument("--session", metavar="SESSION_ID", action="append", help="only this session (repeatable)")
    ex.add_argument("--columns", metavar="A,B,...", help="columns in order; 'list' shows the choices")
    ex.add_argument("--out", metavar="FILE.xlsx", required=False)


def _paper(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.description = (
        "Each CODE (badge code or person id) is checked in at the session as a 'paper' check-in with who keyed it. "
        "One line per code; exit status 1 when a code is unknown (nothing written for it)."
    )
    p.add_argument("--workshop", metavar="ID", required=True)
    p.add_argument("--session", metavar="SESSION_ID", required=True)
    p.add_argument("--keyed-by", required=True, metavar="NAME", help="who is keying in (recorded with each entry)")
    p.add_argument("codes", nargs="+", metavar="CODE")
    p.set_defaults(func=cmd_paper)


def _payments(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    payments = actions(parser, common)
    answers(payments.add("rates", "show the office's rates per participant type"), cmd_rates)
    rt = payments.add("rate", "set one participant type's rates (baht per day)", cmd_rate)
    rt.add_argument("participant_type", metavar="TYPE", help="e.g. community_council, network_member, other")
    rt.add_argument("--allowance", metavar="BAHT")
    rt.add_argument("--travel", metavar="BAHT")
    for fmt in ("pdf", "xlsx"):
        pp = payments.add(fmt, f"the payment list as {fmt.upper()}", cmd_payments)
        pp.add_argument("--workshop", metavar="ID", required=True)
        pp.add_argument("--session", metavar="SESSION_ID", help="one session (default: the whole workshop, per day)")
        pp.add_argument("--out", metavar=f"FILE.{fmt}", required=True)
        pp.set_defaults(fmt=fmt)


BUILDERS = {"session": _session, "attendance": _attendance, "paper": _paper, "payments": _payments}
"""This area's command words (``commands.WORDS``) → the function that builds each one's parser."""


def _fields(args: argparse.Namespace) -> dict:
    from lampang_planner.core.ops.sessions import SESSION_FIELDS

    return {k: getattr(args, k) for k in SESSION_FIELDS if getattr(args, k) is not None}


def cmd_list(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.sessions import current_session, list_sessions

    with open_store(args) as store:
        sessions = list_sessions(store, args.workshop)
        now = current_session(store, args.workshop).id
    if args.json:
        print_json([{**s.as_json(), "current": s.id == now} for s in sessions])
    else:
        for s in sessions:
            print(f"{'*' if s.id == now else ' '} {s.id}  {s.describe('th')}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.sessions import add_session

    with open_store(args) as store:
        sid = add_session(store, args.workshop, _fields(args))
    print(sid)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.sessions import update_session

    with open_store(args) as store:
        changed = update_session(store, args.workshop, args.session, _fields(args))
    print("บันทึกแล้ว (saved)" if changed else "ไม่มีอะไรเปลี่ยนแปลง (nothing changed)")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.sessions import delete_session

    with open_store(args) as store:
        delete_session(store, args.workshop, args.session)
    print("ลบช่วงแล้ว (session removed)")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.session_attendance import day_summary

    with open_store(args) as store:
        days = day_summary(store, args.workshop)
    if args.json:
        print_json([d.as_json() for d in days])
        return 0
    for d in days:
        print(f"{d.day.isoformat() if d.day else '-'}: มาอย่างน้อยหนึ่งช่วง {d.any_session} คน, ครบทุกช่วง "
              f"{d.every_session} คน (any session {d.any_session}, every session {d.every_session})")  # fmt: skip
        for c in d.sessions:
            print(f"  {c.session.describe('th')}: {c.checked_in}/{c.registered}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from lampang_planner.core.errors import UserError
    from lampang_planner.core.reports.attendance_export import COLUMNS, write_attendance

    if args.columns == "list":
        for key, (th, en) in COLUMNS.items():
            print(f"{key}\t{th}\t{en}")
        return 0
    if not args.out:
        raise UserError("ต้องระบุ --out FILE.xlsx", "--out FILE.xlsx is required", code="bad-option")
    columns = [c.strip() for c in args.columns.split(",") if c.strip()] if args.columns else None
    with open_store(args) as store:
        path, n = write_attendance(store, args.workshop, args.out, sessions=args.session, columns=columns)
    print(f"ส่งออกการลงทะเบียน {n} แถว ลงไฟล์ {path} ({n} attendance rows written)")
    return 0


def cmd_paper(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.paper import resolve_person, tick

    def one(store, code: str) -> bool:
        pid = resolve_person(store, code)
        if pid is None:
            print(f"unknown {code}  ไม่พบรายชื่อนี้ (no one has this code)")
            return False
        print(tick(store, args.workshop, args.session, pid, args.keyed_by).line(), flush=True)
        return True

    return for_each_code(args, one)


def cmd_rates(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.payments import get_rates
    from lampang_planner.core.vocabulary import ParticipantType

    with open_store(args) as store:
        rates = get_rates(store)
    if args.json:
        print(json.dumps({k: {"allowance": str(v.allowance), "travel": str(v.travel)} for k, v in rates.items()}))
        return 0
    for p in ParticipantType:
        r = rates.get(p.value)
        shown = f"เบี้ยเลี้ยง {r.allowance} ค่าพาหนะ {r.travel}" if r else "ไม่เบิก (not paid)"
        print(f"{p.value}\t{p.th}\t{shown}")
    return 0


def cmd_rate(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.payments import set_rate

    with open_store(args) as store:
        r = set_rate(store, args.participant_type, allowance=args.allowance, travel=args.travel)
    print(f"{args.participant_type}: เบี้ยเลี้ยง {r.allowance} ค่าพาหนะ {r.travel} บาท/วัน (rates set)")
    return 0


def cmd_payments(args: argparse.Namespace) -> int:
    from lampang_planner.core.reports.payments import write_payments_pdf, write_payments_xlsx
    from lampang_planner.core.thai.baht import baht_figures, baht_text

    write = write_payments_pdf if args.fmt == "pdf" else write_payments_xlsx
    with open_store(args) as store:
        path, plist = write(store, args.workshop, args.out, args.session)
    print(f"บัญชีผู้รับเงิน {len(plist.paid_rows)} คน รวม {baht_figures(plist.total)} บาท ({baht_text(plist.total)}) "
          f"ลงไฟล์ {path} ({len(plist.paid_rows)} paid, total {baht_figures(plist.total)})")  # fmt: skip
    if plist.missing_ids:
        print(f"ยังไม่มีเลขประจำตัวประชาชน {plist.missing_ids} คน (citizen ID missing for {plist.missing_ids})")
    return 0
