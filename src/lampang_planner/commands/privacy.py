"""Personal data (PDPA): ``person export|erase``, ``privacy notice|purge|set-pin|operator|contact``,
``audit list|export``. The same core functions as the window.

Office-only commands (erase, purge) need the office PIN when one is set on this machine: ``--pin-file F`` (the PIN on
the file's first line), else ``$LAMPANG_PLANNER_PIN``, else a prompt on a terminal. Other areas' office-only commands
can use :func:`add_pin_argument` and :func:`office_pin` too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path

from lampang_planner.commands.base import actions, answers, open_store, print_json
from lampang_planner.core.errors import UserError

PIN_ENV = "LAMPANG_PLANNER_PIN"


def add_pin_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pin-file", metavar="FILE",
                        help=f"file holding the office PIN (else ${PIN_ENV}, else asked on a terminal)")


def _read_pin_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"อ่านไฟล์รหัส PIN ไม่ได้: {path}", f"Cannot read the PIN file {path}: {exc}") from exc
    return text.strip().splitlines()[0].strip() if text.strip() else ""


def office_pin(args: argparse.Namespace, store):
    """The core's pass for office-only actions (``core.privacy.pin.OfficePass``): asked for only when an office PIN
    is set here; a wrong or missing PIN is a UserError (the command exits 2)."""
    from lampang_planner.core.privacy.pin import has_pin, office_pass

    return office_pass(store, given_pin(args) if has_pin(store) else None)


def given_pin(args: argparse.Namespace) -> str | None:
    """The office PIN the user gave: ``--pin-file``, else ``$LAMPANG_PLANNER_PIN``, else asked on a terminal."""
    if getattr(args, "pin_file", None):
        return _read_pin_file(args.pin_file)
    if os.environ.get(PIN_ENV):
        return os.environ[PIN_ENV]
    if sys.stdin.isatty():
        return getpass.getpass("รหัส PIN ของสำนักงาน (office PIN): ")
    return None


def parse_day(text: str | None) -> dt.date | None:
    """2016-08-25, 25/8/2559 or 25 ส.ค. 2559."""
    if not text:
        return None
    from lampang_planner.core.thai.dates import parse_date_th

    try:
        return dt.date.fromisoformat(text) if len(text) == 10 and text[4] == "-" else parse_date_th(text)
    except ValueError:
        raise UserError(f"วันที่ไม่ถูกต้อง: {text}", f"Not a date: {text} (e.g. 2016-08-25 or 25/8/2559)",
                        code="bad-date") from None


def _person(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    person = actions(parser, common)
    ex = person.add("export", "everything held on one person, as UTF-8 JSON", cmd_person_export)
    ex.add_argument("person_id", metavar="ID")
    ex.add_argument("--out", required=True, metavar="FILE")
    er = person.add("erase", "erase a person at their request (office PIN)")
    er.add_argument("person_id", metavar="ID")
    er.add_argument("--dry-run", action="store_true", help="only say what would be erased")
    er.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    answers(er, cmd_person_erase)
    add_pin_argument(er)


def _privacy(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    privacy = actions(parser, common)
    no = privacy.add("notice", "print the privacy notice (for a workshop's period)", cmd_notice)
    no.add_argument("--workshop", metavar="ID")
    no.add_argument("--lang", choices=("th", "en"), default="th")
    pu = privacy.add("purge", "purge personal data whose retention period has passed (office PIN)")
    pu.add_argument("--dry-run", action="store_true", help="only say who would be purged")
    pu.add_argument("--today", metavar="YYYY-MM-DD", help="judge expiry as on this day (default: today)")
    answers(pu, cmd_purge)
    add_pin_argument(pu)
    sp = privacy.add("set-pin", "set or change this machine's office PIN", cmd_set_pin)
    sp.add_argument("--new-pin-file", metavar="FILE", help="file holding the new PIN (else asked twice)")
    add_pin_argument(sp)
    op = privacy.add("operator", "show or set the signed-in name written on changes", cmd_operator)
    op.add_argument("name", nargs="?", help="the name (omit to show it)")
    op.add_argument("--clear", action="store_true", help="sign out")
    co = privacy.add("contact", "show or set the contact line printed in the notice", cmd_contact)
    co.add_argument("text", nargs="?")
    co.add_argument("--reset", action="store_true", help="back to the PAO's address")


def _audit(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    audit = actions(parser, common)
    for name, helptext in (("list", "list changes"), ("export", "write changes to .csv or .xlsx")):
        a = audit.add(name, helptext)
        a.add_argument("--since", metavar="DATE", help="from this day (2016-08-25 or 25/8/2559)")
        a.add_argument("--until", metavar="DATE", help="up to and including this day")
        a.add_argument("--table", metavar="TABLE", help="only this kind of record (person, attendance, ...)")
        a.add_argument("--author", metavar="AUTHOR", help='only this author, as listed ("device/desk (name)")')
        if name == "list":
            a.add_argument("--limit", type=int, metavar="N", help="only the newest N")
            answers(a, cmd_audit_list)
        else:
            a.add_argument("--out", required=True, metavar="FILE")
            a.add_argument("--lang", choices=("th", "en"), default="th", help="language of the headers and labels")
            a.set_defaults(func=cmd_audit_export)


BUILDERS = {"person": _person, "privacy": _privacy, "audit": _audit}
"""This area's command words (``commands.WORDS``) → the function that builds each one's parser."""


# --- person ----------------------------------------------------------------------------------------------------------


def cmd_person_export(args: argparse.Namespace) -> int:
    from lampang_planner.core.privacy.rights import export_person

    with open_store(args) as store:
        rec = export_person(store, args.person_id, args.out)
    n = {k: len(rec[k]) for k in ("invitations", "attendance", "ballots", "history")}
    print(f"ส่งออกข้อมูลบุคคลแล้ว: {args.out} (การเชิญ {n['invitations']}, การลงทะเบียน {n['attendance']}, "
          f"บัตรลงคะแนน {n['ballots']}, ประวัติการแก้ไข {n['history']}) "
          f"(exported everything held on {args.person_id})")
    return 0


def _erase_summary(rep) -> str:
    return (f"{rep.name}: การลงทะเบียน {rep.attendance}, การเชิญ {rep.invitations}, บัตรลงคะแนน {rep.ballots} "
            f"ยังคงไว้โดยไม่มีข้อมูลส่วนบุคคล (kept without personal data); "
            f"ข้อความที่ระบุชื่อ {rep.mentions} รายการ (free-text mentions to review)")


def cmd_person_erase(args: argparse.Namespace) -> int:
    from lampang_planner.core.privacy.rights import erase_person, erasure_preview

    with open_store(args) as store:
        office = office_pin(args, store)
        preview = erasure_preview(store, args.person_id)
        if preview.already_erased:
            print(f"ลบข้อมูลบุคคลนี้ไปแล้ว (already erased): {args.person_id}")
            return 0
        if args.dry_run:
            print(json.dumps(preview.as_json(), ensure_ascii=False) if args.json else "จะลบ (would erase) " +
                  _erase_summary(preview))
            return 0
        if not args.yes:
            if not sys.stdin.isatty():
                raise UserError("การลบข้อมูลย้อนกลับไม่ได้ ใส่ --yes เพื่อยืนยัน",
                                "Erasure cannot be undone: add --yes to confirm", code="not-confirmed")
            print("จะลบ (will erase) " + _erase_summary(preview))
            if input("ยืนยันพิมพ์ yes (type yes to confirm): ").strip().lower() != "yes":
                print("ยกเลิก (cancelled)")
                return 1
        rep = erase_person(store, args.person_id, office=office)
    if args.json:
        print_json(rep.as_json())
    else:
        print("ลบข้อมูลบุคคลแล้ว (erased) " + _erase_summary(rep))
        if rep.backups:
            print(f"หมายเหตุ: สำเนาสำรอง {len(rep.backups)} ไฟล์ในโฟลเดอร์ backups ยังมีข้อมูลเดิม "
                  f"(note: {len(rep.backups)} earlier backup copies still hold the old data)")
    return 0


# --- privacy -------------------------------------------------------------------------------------------------------


def cmd_notice(args: argparse.Namespace) -> int:
    from lampang_planner.core.privacy.notice import consent_question, notice_for_workshop
    from lampang_planner.core.read.lookups import unknown_workshop, workshop_exists

    with open_store(args) as store:
        if args.workshop and not workshop_exists(store, args.workshop):
            raise unknown_workshop(args.workshop)
        print(notice_for_workshop(store, args.workshop, args.lang))
        print(consent_question(args.lang))
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from lampang_planner.core.privacy.retention import purge_expired
    from lampang_planner.core.thai.dates import format_date_th

    today = parse_day(args.today)
    with open_store(args) as store:
        office = None if args.dry_run else office_pin(args, store)
        rep = purge_expired(store, today, dry_run=args.dry_run, office=office)
    if args.json:
        print_json(rep.as_json())
        return 0
    verb = "จะลบ (would purge)" if args.dry_run else "ลบแล้ว (purged)"
    print(f"{verb}: ข้อมูลส่วนบุคคลของ {len(rep.people)} คน (people) ณ วันที่ {format_date_th(rep.today, 'short')}; "
          f"ยังอยู่ในระยะเวลาเก็บรักษาหรือไม่มีกำหนด {rep.kept} คน (kept); ลบไปก่อนแล้ว {rep.already} คน (already)")
    for w in rep.workshops:
        print(f"  {w.id}  ครบกำหนด {format_date_th(w.expired_on, 'short')} ({w.retention_days} วัน)  {w.title}")
    return 0


def _ask_new_pin() -> str:
    if not sys.stdin.isatty():
        raise UserError("ใส่รหัส PIN ใหม่ด้วย --new-pin-file", "Give the new PIN with --new-pin-file", code="pin-needed")
    a = getpass.getpass("รหัส PIN ใหม่ (new PIN): ")
    if getpass.getpass("อีกครั้ง (again): ") != a:
        raise UserError("รหัส PIN ทั้งสองครั้งไม่ตรงกัน", "The two PINs differ", code="pin-mismatch")
    return a


def cmd_set_pin(args: argparse.Namespace) -> int:
    from lampang_planner.core.privacy.pin import has_pin, set_pin

    with open_store(args) as store:
        current = None
        if has_pin(store):
            if args.pin_file:
                current = _read_pin_file(args.pin_file)
            elif os.environ.get(PIN_ENV):
                current = os.environ[PIN_ENV]
            elif sys.stdin.isatty():
                current = getpass.getpass("รหัส PIN เดิม (current PIN): ")
        new = _read_pin_file(args.new_pin_file) if args.new_pin_file else _ask_new_pin()
        set_pin(store, new, current_pin=current)
    print("ตั้งรหัส PIN ของสำนักงานแล้ว (office PIN set)")
    return 0


def cmd_operator(args: argparse.Namespace) -> int:
    from lampang_planner.core.privacy.operator import set_operator

    with open_store(args) as store:
        if args.clear or args.name is not None:
            name = set_operator(store, None if args.clear else args.name)
        else:
            name = store.operator
        author = store.author
    print(f"ผู้ใช้งาน (signed-in name): {name or '-'}; ผู้บันทึก (author): {author}")
    return 0


def cmd_contact(args: argparse.Namespace) -> int:
    from lampang_planner.core.privacy.notice import DEFAULT_CONTACT_TH, contact_line, set_contact

    with open_store(args) as store:
        if args.reset or args.text is not None:
            set_contact(store, None if args.reset else args.text)
        text = contact_line(store)
    print(text or DEFAULT_CONTACT_TH)
    return 0


# --- audit ---------------------------------------------------------------------------------------------------------


def _entries(args: argparse.Namespace, store, limit: int | None = None):
    from lampang_planner.core.audit import audit_entries
    from lampang_planner.core.sync.tables import TABLES

    if args.table and args.table not in TABLES:
        raise UserError(f"ไม่มีข้อมูลชนิด {args.table}", f"No such table {args.table!r}; one of {', '.join(TABLES)}",
                        code="bad-table")
    return audit_entries(store, since=parse_day(args.since), until=parse_day(args.until), table=args.table,
                         author=args.author, limit=limit)


def cmd_audit_list(args: argparse.Namespace) -> int:
    from lampang_planner.core.audit import ACTION_LABELS, TABLE_LABELS, label
    from lampang_planner.core.thai.dates import format_date_th

    with open_store(args) as store:
        entries = _entries(args, store, args.limit)
    if args.json:
        print_json([e.as_json() for e in entries])
        return 0
    for e in entries:
        when = f"{format_date_th(e.when.date(), 'short')} {e.when:%H:%M:%S}"
        print(f"{when}  {label(TABLE_LABELS, e.table):<14} {label(ACTION_LABELS, e.action):<8} {e.row_id}  {e.author}  "
              f"{','.join(e.fields)}")
    return 0


def cmd_audit_export(args: argparse.Namespace) -> int:
    from lampang_planner.core.audit import export_audit

    with open_store(args) as store:
        entries = _entries(args, store)
        out = export_audit(entries, args.out, args.lang)
    print(f"ส่งออกบันทึกการแก้ไข {len(entries):,} รายการแล้ว: {out} (audit log exported)")
    return 0
