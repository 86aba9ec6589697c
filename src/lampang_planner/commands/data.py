"""Commands over the data folder as a whole: demo, info, workshop list, people list."""

from __future__ import annotations

import argparse

from lampang_planner.commands.base import actions, answers, open_store, print_json, print_listing


def _demo(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    parser.set_defaults(func=cmd_demo)


def _info(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    answers(parser, cmd_info)


def _workshop(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    answers(actions(parser, common).add("list", "workshops with invited and attended counts"), cmd_workshop_list)


def _people(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    pl = actions(parser, common).add("list", "people with their ids and QR codes")
    pl.add_argument("--workshop", metavar="ID")
    answers(pl, cmd_people_list)


BUILDERS = {"demo": _demo, "info": _info, "workshop": _workshop, "people": _people}
"""This area's command words (``commands.WORDS``) → the function that builds each one's parser."""


def cmd_demo(args: argparse.Namespace) -> int:
    from lampang_planner.core.demo import load_demo
    from lampang_planner.core.sync.digest import counts

    with open_store(args, create=True) as store:
        load_demo(store)
        store.set_device(role="office", name="อบจ.ลำปาง (ข้อมูลตัวอย่าง)")
        c = counts(store.db)
    print(
        f"สร้างข้อมูลตัวอย่างแล้ว: {c['workshops']} การประชุม, {c['people']} คน, {c['attendance']} การลงทะเบียน "
        f"(demo data created in {store.data_dir})"
    )
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from lampang_planner.core.sync.digest import counts, digest

    with open_store(args) as store:
        c, d = counts(store.db), digest(store.db)
        dev = {"id": store.device_id, "name": store.device_name, "role": store.role, "desk": store.desk}
    if args.json:
        print_json({"counts": c, "digest": d, "device": dev})
    else:
        width = max(map(len, c))
        for k, v in c.items():
            print(f"{k:<{width}}  {v}")
        print(f"{'digest':<{width}}  {d}")
        print(f"{'device':<{width}}  {dev['name']} ({dev['role']}, {dev['id']})")
    return 0


def cmd_workshop_list(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.workshops import list_workshops
    from lampang_planner.core.thai.dates import format_date_th

    def line(r) -> str:
        when = format_date_th(r.start_date, "short") if r.start_date else "-"
        return f"{r.id}  {when:<14} {r.invited:>4} เชิญ {r.attended:>4} มา  {r.title}"

    return print_listing(args, list_workshops, line)


def cmd_people_list(args: argparse.Namespace) -> int:
    from lampang_planner.core.ops.people import list_people
    from lampang_planner.core.ops.workshops import get_workshop
    from lampang_planner.core.thai.collation import thai_sort_key

    def read(store):
        if args.workshop and get_workshop(store, args.workshop) is None:
            from lampang_planner.core.read.lookups import unknown_workshop

            raise unknown_workshop(args.workshop)
        rows = list_people(store, args.workshop)
        return sorted(rows, key=lambda r: (thai_sort_key(r.first_name), thai_sort_key(r.last_name), r.id))

    return print_listing(
        args, read, lambda r: f"{r.id}  {r.code}  {r.prefix}{r.first_name} {r.last_name}  {r.organisation}"
    )
