"""Exchange on the command line: ``bundle export|import|verify|device|trust|history``, ``conflicts list|resolve``,
``duplicates list|merge|dismiss``. The same core functions as the Exchange screen."""

from __future__ import annotations

import argparse
import sys

from lampang_planner.commands.base import Commands, actions, answers, open_store, print_json, print_listing, print_rows
from lampang_planner.commands.privacy import add_pin_argument, given_pin, office_pin
from lampang_planner.core.errors import UserError


def _bundle(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    bundle = actions(parser, common)
    _register_export(bundle)
    _register_import(bundle)
    _register_bundle_checks(bundle)


def _file_options(parser: argparse.ArgumentParser, func, passphrase_help: str) -> None:
    """What export and import both end with: the passphrase file, --json and the office PIN."""
    parser.add_argument("--passphrase-file", metavar="FILE", help=passphrase_help)
    answers(parser, func)
    add_pin_argument(parser)


def _register_export(bundle: Commands) -> None:
    ex = bundle.add("export", "write this folder's changes to one bundle file")
    ex.add_argument("--out", required=True, metavar="FILE", help="the bundle file (or a folder to put it in)")
    ex.add_argument("--full", action="store_true", help="everything, not only the changes since the last export; "
                                                        "from an office this is a kit for field laptops")
    ex.add_argument("--workshop", action="append", default=[], metavar="ID",
                    help="(office kit) only this workshop's data; repeat for more")
    ex.add_argument("--clear", action="store_true",
                    help="WARNING: write people's names, phone numbers and citizen IDs unencrypted (a laptop normally "
                         "encrypts them to its office's key, and without that key refuses to export them)")
    # an office's full export is a kit: office-only
    _file_options(ex, cmd_export, "protect the whole bundle (meant for an office's kit) with the passphrase in FILE "
                                  "(its first line; send the passphrase separately, not on the same stick)")


def _register_import(bundle: Commands) -> None:
    im = bundle.add("import", "verify, back up, merge bundle files (chunk by chunk; undoable from its backup)")
    im.add_argument("files", nargs="+", metavar="FILE")
    im.add_argument("--skip-refused", action="store_true",
                    help="import the good files even if some are refused (default: refuse them all)")
    im.add_argument("--accept-signer", action="store_true",
                    help="(office PIN) enrol the devices that signed these files although this folder does not know "
                         "them yet; compare their key fingerprints first")
    im.add_argument("--as-of-import", action="store_true",
                    help="(office PIN) take in files whose device clock ran more than a day ahead: their writes are "
                         "stamped as of this import instead of refused")
    _file_options(im, cmd_import, "the passphrase (first line of FILE) of protected bundles, such as a protected kit")


def _register_bundle_checks(bundle: Commands) -> None:
    """undo, verify, device, trust, history."""
    un = bundle.add("undo", "take an import out again, from its before-import backup")
    un.add_argument("backup", metavar="FILE", help="the import's backup (backups/…-before-import.undo.sqlite3)")
    un.add_argument("--keep-later", action="store_true",
                    help="undo it although changes were written after it (they are kept)")
    answers(un, cmd_undo)

    ve = bundle.add("verify", "check a bundle file without importing it")
    ve.add_argument("file", metavar="FILE")
    ve.add_argument("--passphrase-file", metavar="FILE", help="the passphrase of a protected bundle")
    answers(ve, cmd_verify)

    de = bundle.add("device", "this folder's identity, key fingerprint and role")
    de.add_argument("--role", choices=("office", "laptop"), help="set the role (only while the folder is empty)")
    answers(de, cmd_device)

    tr = bundle.add("trust", "devices whose keys this folder has pinned")
    tr.add_argument("--forget", metavar="DEVICE_ID", help="drop a device's pinned key (it was reinstalled)")
    answers(tr, cmd_trust)

    answers(bundle.add("history", "bundles exported and imported here"), cmd_history)


def _conflicts(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    conflicts = actions(parser, common)
    answers(conflicts.add("list", "open conflicts"), cmd_conflicts_list)
    cr = conflicts.add("resolve", "settle a conflict", cmd_conflicts_resolve)
    cr.add_argument("conflict_id", metavar="ID")
    cr.add_argument("choice", choices=("keep", "take", "restore"),
                    help="keep the value shown / take the other value / restore a deleted record")
    add_pin_argument(cr)


def _duplicates(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    duplicates = actions(parser, common)
    answers(duplicates.add("list", "groups of people who may be one person"), cmd_duplicates_list)
    for name, helptext, func in (
        ("merge", "merge people into one (a synced change)", cmd_duplicates_merge),
        ("dismiss", "these people are not one person", cmd_duplicates_dismiss),
    ):
        p = duplicates.add(name, helptext, func)
        p.add_argument("person_ids", nargs="+", metavar="PERSON_ID")
        if name == "merge":
            p.add_argument("--prefer", metavar="PERSON_ID", help="whose details to keep where they differ")
        add_pin_argument(p)


BUILDERS = {"bundle": _bundle, "conflicts": _conflicts, "duplicates": _duplicates}
"""This area's command words (``commands.WORDS``) → the function that builds each one's parser."""

KIND_TH = {"delta": "เฉพาะที่เปลี่ยน", "full": "ทั้งหมด", "kit": "ชุดข้อมูลตั้งต้น"}


def read_passphrase(path: str | None) -> str | None:
    """The passphrase in a file: its first line, without the line ending (spaces inside are kept)."""
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.readline()
    except OSError as exc:
        raise UserError(f"อ่านไฟล์รหัสผ่านไม่ได้: {path}", f"Cannot read the passphrase file {path}: "
                        f"{exc.strerror or exc}", code="bad-option") from exc
    except UnicodeDecodeError as exc:
        raise UserError(f"ไฟล์รหัสผ่านต้องเป็นข้อความ UTF-8: {path}", f"The passphrase file is not UTF-8 text: {path}",
                        code="bad-option") from exc
    text = text.rstrip("\r\n")
    if not text:
        raise UserError(f"ไฟล์รหัสผ่านว่างเปล่า: {path}", f"The passphrase file is empty: {path}", code="bad-option")
    return text


def cmd_export(args: argparse.Namespace) -> int:
    from lampang_planner.core.sync.exchange import export_bundle

    passphrase = read_passphrase(args.passphrase_file)
    with open_store(args) as store:
        office = office_pin(args, store) if args.full and store.role == "office" else None  # a kit: office-only
        r = export_bundle(store, args.out, full=args.full, workshops=args.workshop, clear=args.clear,
                          passphrase=passphrase, office=office)
    if args.json:
        print_json(r.as_json())
    else:
        print(f"ส่งออกแล้ว {r.changes} รายการ ({KIND_TH[r.kind]}) → {r.path} "
              f"(exported {r.changes} changes, {r.kind}, bundle {r.bundle_id})")
        if r.sealed:
            print("ข้อมูลส่วนบุคคลเข้ารหัสให้สำนักงานเปิดได้ผู้เดียว (personal data encrypted for the office)")
        if r.protected:
            print("ไฟล์ป้องกันด้วยรหัสผ่าน แจ้งรหัสผ่านแก่ผู้รับทางช่องทางอื่น ไม่ใช่ในแฟลชไดรฟ์เดียวกัน "
                  "(protected with the passphrase: send it separately, not on the same stick)")
    if args.clear and not r.protected:
        print("คำเตือน: ข้อมูลส่วนบุคคลในไฟล์นี้ไม่ได้เข้ารหัส เก็บรักษาแฟลชไดรฟ์ให้ดีและลบไฟล์เมื่อนำเข้าแล้ว "
              "(warning: personal data in this file is NOT encrypted; keep the stick safe, delete the file "
              "once imported)", file=sys.stderr)
    return 0


def _file_line(f) -> str:
    from lampang_planner.core.sync.exchange import ALREADY, IMPORTED

    if f.status == IMPORTED:
        return (f"นำเข้า {f.path.name}: เพิ่ม {f.added} ปรับปรุง {f.updated} รวม {f.merged} ไม่เปลี่ยน {f.unchanged} "
                f"(imported from {f.device_name or f.device_id}: added {f.added}, updated {f.updated}, "
                f"merged {f.merged}, unchanged {f.unchanged})")
    if f.status == ALREADY:
        return f"ข้าม {f.path.name}: นำเข้าแล้วก่อนหน้านี้ (already imported: {f.changes} changes, nothing to do)"
    return f"ปฏิเสธ {f.error.one_line()}"


def cmd_import(args: argparse.Namespace) -> int:
    from lampang_planner.core.sync.exchange import import_bundles

    passphrase = read_passphrase(args.passphrase_file)
    pin = given_pin(args) if (args.accept_signer or args.as_of_import) else None
    with open_store(args, create=True) as store:  # a fresh laptop starts by importing its kit
        report = import_bundles(store, args.files, skip_refused=args.skip_refused, passphrase=passphrase,
                                accept_signers=args.accept_signer, take_in_ahead=args.as_of_import, pin=pin)
    if args.json:
        print_json(report.as_json())
    else:
        for f in report.files:
            print(_file_line(f))
        print(f"รวม: เพิ่ม {report.added} ปรับปรุง {report.updated} รวม {report.merged} ไม่เปลี่ยน {report.unchanged} "
              f"(total: added {report.added}, updated {report.updated}, merged {report.merged}, "
              f"unchanged {report.unchanged})")
        print(f"ข้อขัดแย้งใหม่ {report.conflicts_new} รอตรวจสอบทั้งหมด {report.conflicts_open} "
              f"(conflicts: {report.conflicts_new} new, {report.conflicts_open} open to review)")
        if report.duplicates:
            print(f"อาจมีบุคคลซ้ำ {report.duplicates} กลุ่ม (possible duplicate people: {report.duplicates} groups)")
        if report.office_adopted:
            print(f"เครื่องนี้เป็นเครื่องภาคสนามของ {report.office_adopted} แล้ว "
                  f"(this folder is now a field laptop of {report.office_adopted})")
        for w in report.skew:
            print(f"คำเตือน: {w.message('th')} (warning: {w.message('en')})")
        for f in report.imported:
            if f.accepted:
                print(f"ลงทะเบียนเครื่อง {f.device_name or f.device_id} แล้ว (enrolled device {f.device_id})")
            if f.restamped:
                print(f"รับ {f.restamped} รายการของ {f.path.name} เข้าเป็นเวลาที่นำเข้า "
                      f"({f.restamped} writes taken in as of this import: that laptop's clock ran ahead)")
        if report.backup:
            print(f"สำรองข้อมูลก่อนนำเข้าไว้ที่ {report.backup} (backup)")
    return 2 if report.refused else 0


def cmd_undo(args: argparse.Namespace) -> int:
    from lampang_planner.core.sync.journal import restore

    with open_store(args) as store:
        r = restore(store, args.backup, keep_later=args.keep_later)
    if args.json:
        print_json({"import_id": r.import_id, "files": list(r.files), "writes_removed": r.writes_removed})
    else:
        print(f"ย้อนการนำเข้า {', '.join(r.files)} แล้ว: นำออก {r.writes_removed} รายการ "
              f"(import of {', '.join(r.files)} undone: {r.writes_removed} changes taken out)")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from lampang_planner.core.db import Store
    from lampang_planner.core.paths import DB_FILENAME, resolve_data_dir
    from lampang_planner.core.sync.exchange import verify_bundle

    passphrase = read_passphrase(args.passphrase_file)
    folder = resolve_data_dir(getattr(args, "data_dir", None))
    store = Store.open(folder, create=False) if (folder / DB_FILENAME).exists() else None
    try:
        b = verify_bundle(store, args.file, passphrase=passphrase)
    finally:
        if store is not None:
            store.close()
    s = b.summary()
    s["trust_checked"] = store is not None
    if args.json:
        print_json(s)
    else:
        dev = s["device"]
        print(f"ไฟล์ถูกต้อง: {s['changes']} รายการ ({KIND_TH[s['kind']]}) จาก {dev['name']} "
              f"กุญแจ {dev['fingerprint']} (valid bundle: {s['changes']} changes, {s['kind']}, from {dev['name']} "
              f"{dev['id']}, key {dev['fingerprint']}, made {s['created_at']})")
        if store is None:
            print("ไม่ได้ตรวจความน่าเชื่อถือของผู้ส่ง (no data folder: the sender's key was not checked)",
                  file=sys.stderr)
        if b.sealed and b.box_key is None:
            print("ข้อมูลส่วนบุคคลเข้ารหัสไว้ให้สำนักงาน ตรวจได้เฉพาะรูปแบบ เปิดอ่านได้ที่สำนักงานเท่านั้น "
                  "(personal data is encrypted for the office: its shape was checked, only the office opens it)",
                  file=sys.stderr)
    return 0


def cmd_device(args: argparse.Namespace) -> int:
    from lampang_planner.core.sync import keys, kits
    from lampang_planner.core.sync.exchange import identity

    with open_store(args, create=args.role is not None) as store:
        if args.role:
            kits.set_role(store, args.role)
        me = identity(store)
    if args.json:
        print_json(me.as_json())
    else:
        office = f", สำนักงาน {me.office_name}" if me.office_id and me.role != "office" else ""
        print(f"{me.name} ({me.role}{office}) id {me.id} กุญแจ {me.fingerprint}")
        if me.encryption_key:
            whose = "ของสำนักงานนี้ (this office's)" if me.role == "office" else "ของสำนักงาน (the office's)"
            print(f"กุญแจเข้ารหัส{whose} {keys.fingerprint(me.encryption_key)}")
        elif me.role != "office":
            print("ยังไม่มีกุญแจเข้ารหัสของสำนักงาน: นำเข้าชุดข้อมูลตั้งต้นจากสำนักงานก่อนส่งออกข้อมูลบุคคล "
                  "(no office encryption key yet: import the office's kit before exporting people)")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from lampang_planner.core.sync import keys
    from lampang_planner.core.sync.exchange import forget_device

    with open_store(args) as store:
        if args.forget:
            if not forget_device(store, args.forget):
                raise UserError("ไม่พบเครื่องนี้ในรายการที่เชื่อถือ", f"No trusted device {args.forget}", code="unknown")
        devices = keys.trusted_devices(store.db)
    print_rows(devices, args.json,
               lambda d: f"{d.id}  {keys.fingerprint(d.public_key)}  {d.role or '-':<7} {d.name}  (last {d.last_seen})")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from lampang_planner.core.sync.exchange import history

    def line(r) -> str:
        arrow = "ส่งออก" if r.direction == "out" else "นำเข้า"
        return f"{r.done_at}  {arrow} {r.kind:<5} {r.changes:>7}  {r.device_name}  {r.file_name}"

    return print_listing(args, history, line)


def cmd_conflicts_list(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.conflicts import display_value, field_label, list_conflicts, table_label

    return print_listing(args, list_conflicts, lambda r: (
        f"{r.id}  {table_label(r.tbl)} {r.record} · {field_label(r.field)}: "
        f"ใช้ {display_value(r.tbl, r.field, r.winner_value)} ({r.winner_device_name}) / "
        f"อีกค่า {display_value(r.tbl, r.field, r.loser_value)} ({r.loser_device_name}) [{r.kind}]"))


def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.conflicts import resolve
    from lampang_planner.core.read.lookups import open_conflicts

    with open_store(args) as store:
        office = office_pin(args, store)
        try:
            resolve(store, args.conflict_id, args.choice, office=office)
        except ValueError as exc:
            raise UserError("ตัวเลือกนี้ใช้กับข้อขัดแย้งชนิดนี้ไม่ได้", str(exc), code="bad-option") from exc
        left = open_conflicts(store)
    print(f"แก้ไขข้อขัดแย้งแล้ว เหลือ {left} (settled; {left} open)")
    return 0


def cmd_duplicates_list(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.duplicates import find_duplicates, person_cards

    with open_store(args) as store:
        groups = find_duplicates(store)
        cards = {g.key: person_cards(store, g.person_ids) for g in groups}
    if args.json:
        print_json([{**g.as_json(), "people": [c.__dict__ for c in cards[g.key]]} for g in groups])
    else:
        for g in groups:
            names = " / ".join(f"{c.first_name} {c.last_name} [{c.id}]" for c in cards[g.key])
            print(f"{g.reason_text('th')}: {names}")
    return 0


def cmd_duplicates_merge(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.duplicates import merge_people

    with open_store(args) as store:
        office = office_pin(args, store)
        try:
            survivor = merge_people(store, args.person_ids, prefer=args.prefer, office=office)
        except ValueError as exc:
            raise UserError("--prefer ต้องเป็นหนึ่งในบุคคลที่รวม", str(exc), code="bad-option") from exc
    print(f"รวมเป็นบุคคลเดียวแล้ว: {survivor} (merged into {survivor})")
    return 0


def cmd_duplicates_dismiss(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.duplicates import dismiss

    with open_store(args) as store:
        dismiss(store, args.person_ids, office=office_pin(args, store))
    print("บันทึกแล้วว่าไม่ใช่บุคคลเดียวกัน (noted: not the same person)")
    return 0
