"""Office outputs: ``report excel``, ``report pdf`` (workshop summary) and ``report resolution`` (consolidated
resolution document)."""

from __future__ import annotations

import argparse
import sys

from lampang_planner.commands.base import actions, open_store


def _report(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    report = actions(parser, common)
    ex = report.add("excel", "the office workbook (attendance, district summary, needs, resolutions and votes; the "
                             "plan's forms: plan export)", cmd_excel)
    ex.add_argument("--out", metavar="FILE.xlsx", required=True)
    ex.add_argument("--workshop", metavar="ID", help="only this workshop (default: every workshop)")
    for name, helptext, func, what in (
        ("pdf", "the summary of one workshop (PDF)", cmd_pdf, "--workshop"),
        ("resolution", "the consolidated resolution document (PDF)", cmd_resolution, "--resolution"),
    ):
        pdf = report.add(name, helptext, func)
        pdf.add_argument(what, metavar="ID", required=True)
        pdf.add_argument("--out", metavar="FILE.pdf", required=True)
        pdf.add_argument("--thai-digits", action="store_true", help="write numbers and dates with Thai digits (๐–๙)")


BUILDERS = {"report": _report}
"""This area's command word (``commands.WORDS``) → the function that builds its parser."""


def _progress_printer():
    """Progress on stderr when it is a terminal (a percentage rewritten in place), else nothing."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        print(f"\r{percent:3d}% ({done:,}/{total:,})", end="", file=sys.stderr, flush=True)

    return show


def cmd_excel(args: argparse.Namespace) -> int:
    from lampang_planner.core.reports.excel import export_workbook

    progress = _progress_printer()
    with open_store(args) as store:
        result = export_workbook(store, args.out, workshop_id=args.workshop, progress=progress)
    if progress:
        print(file=sys.stderr)
    sheets = ", ".join(f"{s.title} {s.rows:,}" for s in result.sheets)
    print(f"เขียนไฟล์ Excel แล้ว: {result.path} ({sheets} แถว) (wrote {len(result.sheets)} sheets)")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from lampang_planner.core.reports.summary import write_workshop_summary

    with open_store(args) as store:
        path = write_workshop_summary(store, args.workshop, args.out, thai_digits=args.thai_digits)
    print(f"เขียนสรุปผลการประชุมแล้ว: {path} (wrote the workshop summary)")
    return 0


def cmd_resolution(args: argparse.Namespace) -> int:
    from lampang_planner.core.reports.resolution_doc import write_resolution_document

    with open_store(args) as store:
        path = write_resolution_document(store, args.resolution, args.out, thai_digits=args.thai_digits)
    print(f"เขียนเอกสารมติแล้ว: {path} (wrote the consolidated resolution document)")
    return 0
