"""A command line naming its command word builds only that word's area (the door's one-code ``checkin`` starts without
the parsers and imports of the other areas); ``commands.COMMANDS`` says which area each word belongs to."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from lampang_planner.cli import build_parser
from lampang_planner.commands import AREA_NAMES, COMMANDS, areas, command_word


def _words(module) -> list[str]:
    sub = argparse.ArgumentParser().add_subparsers()
    module.register(sub, argparse.ArgumentParser(add_help=False))
    return list(sub.choices)


def test_every_area_registers_exactly_the_words_commands_gives_it():
    found = {word: name for name, module in zip(AREA_NAMES, areas(), strict=True) for word in _words(module)}
    assert found == COMMANDS


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["checkin", "--workshop", "W", "X"], "checkin"),
        (["--data-dir", "D", "checkin", "--workshop", "W", "X"], "checkin"),
        (["--data-dir=D", "people", "list"], "people"),
        (["--data-dir", "checkin", "info"], "info"),  # a folder named like a command
        (["--checkin", "W", "--kiosk"], None),  # the window
        (["--lang", "th"], None),  # the window
        (["--help"], None),
        (["-h", "checkin"], None),
        (["nonsense"], None),
        ([], None),
    ],
)
def test_the_command_word_is_found_or_everything_is_built(argv, word):
    assert command_word(argv) == word


def test_a_checkin_command_line_builds_only_its_parser_and_imports_only_attendance():
    code = (
        "import json, sys\n"
        "from lampang_planner.cli import build_parser\n"
        "p = build_parser(['checkin', '--workshop', 'W', 'X'])\n"
        "words = list(p._subparsers._group_actions[0].choices)\n"
        "args = vars(p.parse_args(['checkin', '--workshop', 'W', '--desk', '2', 'X', 'Y']))\n"
        "mods = sorted(m for m in sys.modules if m.startswith('lampang_planner.commands.'))\n"
        "print(json.dumps([words, mods, args['workshop'], args['desk'], args['codes'], 'shutil' in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    words, modules, workshop, desk, codes, shutil_loaded = json.loads(out.stdout)
    assert words == ["checkin"]
    assert modules == ["lampang_planner.commands.attendance", "lampang_planner.commands.base"]
    assert (workshop, desk, codes) == ("W", "2", ["X", "Y"])
    assert not shutil_loaded  # argparse's width lookup (and zlib, bz2, lzma) is not paid


def test_a_group_word_builds_all_its_actions():
    parser = build_parser(["desk", "set", "2"])
    assert list(parser._subparsers._group_actions[0].choices) == ["desk"]
    assert parser.parse_args(["desk", "set", "2"]).name == "2"
    assert parser.parse_args(["desk", "show"]).action == "show"


@pytest.mark.parametrize("columns", ["50", "132", None])
def test_help_is_laid_out_as_argparse_lays_it_out(capsys, monkeypatch, columns):
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    ours = build_parser(["checkin", "-h"])
    theirs = build_parser(["checkin", "-h"])
    for parser in (theirs, *theirs._subparsers._group_actions[0].choices.values()):
        parser.formatter_class = argparse.HelpFormatter  # finds the width through shutil
    assert ours.format_help() == theirs.format_help()
    assert ours._subparsers._group_actions[0].choices["checkin"].format_help() == (
        theirs._subparsers._group_actions[0].choices["checkin"].format_help()
    )


def test_help_and_a_wrong_word_still_list_every_command(capsys):
    parser = build_parser(["nonsense"])
    assert set(parser._subparsers._group_actions[0].choices) == set(COMMANDS)
    with pytest.raises(SystemExit):
        parser.parse_args(["nonsense"])
    assert "invalid choice: 'nonsense'" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["--data-dir", "D"], ["--checkin", "W", "--kiosk"], ["--lang", "en", "--demo"]])
def test_a_window_command_line_builds_no_command_and_still_parses(argv):
    assert areas(argv) == []
    args = build_parser(argv).parse_args(argv)
    assert args.command is None
