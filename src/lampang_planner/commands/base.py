"""What every command shares: the parsers of a word's actions, opening the data folder named by --data-dir or
LAMPANG_PLANNER_HOME, and printing a --json answer."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable

from lampang_planner.core.db import Store
from lampang_planner.core.paths import resolve_data_dir

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: every command starts here
if TYPE_CHECKING:
    from typing import Any


class Commands:
    """Where a command word adds its actions (``desk set``, ``desk show``): every parser it makes takes the common
    options (``--data-dir``…)."""

    def __init__(self, sub, common: argparse.ArgumentParser) -> None:
        self.sub, self.common = sub, common

    def add(self, name: str, helptext: str, func: Callable | None = None, **kwargs) -> argparse.ArgumentParser:
        """The action ``name``, answered by ``func`` (a listing leaves it to :func:`answers`)."""
        parser = self.sub.add_parser(name, parents=[self.common], help=helptext, **kwargs)
        if func is not None:
            parser.set_defaults(func=func)
        return parser


def actions(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> Commands:
    """The actions of a command word (``desk ACTION …``), added to what this returns: what the builder of such a word
    (``build(parser, common)``, see ``commands.WORDS``) starts with."""
    return Commands(parser.add_subparsers(dest="action", metavar="ACTION", required=True), common)


def open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    """Open the data folder; commands other than ``demo`` refuse a folder that holds no data yet. A laptop clock that
    cannot be right (core.wall_clock) is said on stderr, Thai then English, before the command writes anything."""
    store = Store.open(resolve_data_dir(getattr(args, "data_dir", None)), create=create)
    problem = store.clock_problem()
    if problem is not None:
        err = problem.error()
        print(f"คำเตือน: {err.th} (warning: {err.en})", file=sys.stderr)
    return store


def print_rows(rows: Iterable, as_json: bool, line: Callable[[Any], str]) -> None:
    """A list command's answer: the rows' ``as_json()`` as one JSON list, or one ``line(row)`` per row."""
    if as_json:
        print_json([r.as_json() for r in rows])
        return
    for r in rows:
        print(line(r))


def print_listing(args: argparse.Namespace, read: Callable[[Store], Iterable], line: Callable[[Any], str]) -> int:
    """A list command: the rows ``read`` returns from the data folder, printed by :func:`print_rows`."""
    with open_store(args) as store:
        rows = read(store)
    print_rows(rows, args.json, line)
    return 0


def for_each_code(args: argparse.Namespace, handle: Callable[[Store, str], bool]) -> int:
    """``handle(store, code)`` for each CODE in the order given (it prints the code's line); exit status 0 when it
    succeeded for every code, 1 otherwise."""
    all_done = True
    with open_store(args) as store:
        for code in args.codes:
            all_done = handle(store, code) and all_done
    return 0 if all_done else 1


def print_json(data: object, *, flush: bool = False) -> None:
    """A ``--json`` answer on stdout: one line of JSON, Thai text as it is (not ``\\u`` escapes)."""
    print(json.dumps(data, ensure_ascii=False), flush=flush)


def answers(parser: argparse.ArgumentParser, func: Callable[[argparse.Namespace], int]) -> None:
    """The last of a listing subcommand: its ``--json`` option (answer as JSON) and the function that answers it."""
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=func)
