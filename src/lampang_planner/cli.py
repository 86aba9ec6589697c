"""The command line. With no subcommand it opens the window; every subcommand shares the core with the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from lampang_planner import __version__


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line, or (given the arguments) only what they name: see ``commands.areas``."""
    data_dir_help = "data folder (default: $LAMPANG_PLANNER_HOME or per-user)"
    # Subcommands accept --data-dir too (before or after the command word). SUPPRESS keeps a subcommand that was not
    # given it from resetting the value given before the command word.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=data_dir_help)
    p = argparse.ArgumentParser(
        prog="lampang-planner",
        description="Lampang Planner — workshops, needs and resolutions for the Lampang PAO (อบจ.ลำปาง)",
    )
    p.add_argument("--data-dir", metavar="DIR", default=None, help=data_dir_help)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--lang", choices=("th", "en"), help="window language (default: Thai)")
    p.add_argument("--demo", action="store_true", help="open the window on the demo data (made if the folder is empty)")
    p.add_argument("--selftest", action="store_true", help="check the installation and exit")
    p.add_argument(
        "--checkin",
        metavar="WORKSHOP_ID",
        nargs="?",
        const="",
        default=None,
        help="open the window straight on the check-in screen of that workshop (without an id: today's workshop)",
    )
    p.add_argument("--kiosk", action="store_true", help="with --checkin: start in kiosk mode (a PIN is needed to leave)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    from lampang_planner.commands import areas

    for area in areas(argv):
        area.register(sub, common)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from lampang_planner.core.errors import UserError

    words = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(words).parse_args(words)
    try:
        if args.selftest:
            from lampang_planner.ui.selftest import run_selftest

            return run_selftest(args)
        if args.command is None:
            from lampang_planner.ui.app import run_window

            return run_window(args)
        return args.func(args)
    except UserError as exc:
        print(f"ผิดพลาด: {exc.one_line()}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
