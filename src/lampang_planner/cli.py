"""The command line. With no subcommand it opens the window; every subcommand shares the core with the window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from lampang_planner import __version__


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own, told the terminal's width: argparse makes one for every argument it adds (to check it), and
    finding the width itself imports shutil, and zlib, bz2 and lzma with it, which a command never needs."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _terminal_columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser with :class:`_HelpFormatter`; its sub-parsers are of this class too."""

    def __init__(self, *args, formatter_class: type = _HelpFormatter, **kwargs) -> None:
        super().__init__(*args, formatter_class=formatter_class, **kwargs)

    def error(self, message: str):  # never returns (exits 2); not -> NoReturn: typing costs the start its import
        """A command line that does not make a command: the usage, then the reason in Thai and English."""
        from lampang_planner.cli_usage import thai_first

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {thai_first(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; a command word's parser is built when the arguments name it (``commands.WORDS``)."""
    data_dir_help = "data folder (default: $LAMPANG_PLANNER_HOME or per-user)"
    # Subcommands accept --data-dir too (before or after the command word). SUPPRESS keeps a subcommand that was not
    # given it from resetting the value given before the command word.
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=data_dir_help)
    p = _Parser(
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
    from lampang_planner.commands import CommandWords

    p.add_subparsers(dest="command", metavar="COMMAND", action=CommandWords, common=common)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from lampang_planner.core.errors import UserError

    words = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(words)
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
