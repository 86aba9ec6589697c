"""The command words: every word of ``commands.WORDS`` is listed in the help and reachable, built by its area's
``BUILDERS``; a command line builds the parser of the word it runs and of no other word (the door's one-code
``checkin`` starts without the parsers and imports of the other areas), the window's and ``--help`` build none."""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
from importlib import import_module

import pytest

from lampang_planner import cli
from lampang_planner.cli import build_parser, main
from lampang_planner.commands import WORDS, CommandWords
from lampang_planner.core.paths import DB_FILENAME

AREAS = sorted({area for area, _ in WORDS.values()})


def _area(name: str):
    return import_module(f"lampang_planner.commands.{name}")


def _words(parser: argparse.ArgumentParser) -> CommandWords:
    return next(a for a in parser._actions if isinstance(a, CommandWords))


def _actions(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """A word's actions (``desk set``, ``desk show``) → their parsers; {} for a word without actions."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(subs[0].choices) if subs else {}


@pytest.fixture
def built(monkeypatch) -> tuple[list[str], list[str]]:
    """(words whose builder ran, prog of every parser made) while the test runs: every area's builders counted, every
    parser of the command line recorded, however it came to be made."""
    words: list[str] = []
    progs: list[str] = []
    for name in AREAS:
        for word, build in _area(name).BUILDERS.items():
            def counted(parser, common, word=word, build=build):
                words.append(word)
                build(parser, common)

            monkeypatch.setitem(_area(name).BUILDERS, word, counted)
    init = cli._Parser.__init__

    def recorded(self, *args, **kwargs):
        init(self, *args, **kwargs)
        progs.append(self.prog)

    monkeypatch.setattr(cli._Parser, "__init__", recorded)
    return words, progs


def test_every_word_is_built_by_its_area_and_every_builder_has_its_word():
    for name in AREAS:
        assert set(_area(name).BUILDERS) == {word for word, (area, _) in WORDS.items() if area == name}, name


def test_every_word_shows_in_the_help_with_its_line_in_order(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["--help"])
    assert stop.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    listed = [line.split(None, 1) for line in lines if line.startswith("    ") and line[4] != " "]  # "    demo  fill…"
    assert listed == [[word, helptext] for word, (_, helptext) in WORDS.items()]


@pytest.mark.parametrize("word", WORDS)
def test_every_word_and_each_of_its_actions_is_reachable_and_answered(word, capsys):
    """``WORD -h`` (and ``WORD ACTION -h``) print that parser's help; every command the user can run has the function
    that answers it."""
    words = _words(build_parser())
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args([word, "-h"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: lampang-planner {word} [-h] [--data-dir DIR]")
    parser = words.parser_of(word)
    actions = _actions(parser)
    for action, action_parser in actions.items():
        with pytest.raises(SystemExit) as stop:
            build_parser().parse_args([word, action, "-h"])
        assert stop.value.code == 0
        assert capsys.readouterr().out.startswith(f"usage: lampang-planner {word} {action} [-h] [--data-dir DIR]")
        assert callable(action_parser.get_default("func")), f"{word} {action}"
    if not actions:
        assert callable(parser.get_default("func")), word


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["checkin", "--workshop", "W", "X"], "checkin"),
        (["--data-dir", "D", "checkin", "--workshop", "W", "X"], "checkin"),
        (["--data-dir=D", "people", "list"], "people"),
        (["--data-dir", "checkin", "info"], "info"),  # a folder named like a command
        (["--data", "demo", "info"], "info"),  # an abbreviated option, its value named like a command
        (["desk", "set", "2"], "desk"),
        (["checkin", "-h"], "checkin"),
        (["venue", "--port", "x"], "venue"),  # a wrong value: the word's own error
        (["--checkin", "W", "--kiosk"], None),  # the window
        (["--lang", "th"], None),  # the window
        ([], None),  # the window
        (["--help"], None),
        (["-h", "checkin"], None),
        (["nonsense"], None),
    ],
)
def test_a_command_line_builds_the_parser_of_its_word_and_of_no_other(built, argv, word, capsys):
    words, progs = built
    try:
        args = build_parser().parse_args(argv)
    except SystemExit:
        args = None
    capsys.readouterr()
    assert words == ([word] if word else [])
    words_made = {p.split()[1] for p in progs if p.startswith("lampang-planner ")}  # "lampang-planner desk set"
    assert words_made == ({word} if word else set())
    if args is not None:
        assert args.command == word


def test_a_checkin_at_the_door_builds_only_its_parser_and_answers(built, demo_dir, capsys):
    words, _ = built
    db = sqlite3.connect(demo_dir / DB_FILENAME)
    try:
        wid, code = db.execute(
            "SELECT i.workshop_id, p.code FROM invitation i JOIN person p ON p.id = i.person_id WHERE i.deleted = 0 "
            "AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.workshop_id = i.workshop_id "
            "AND a.person_id = i.person_id) ORDER BY p.code LIMIT 1"
        ).fetchone()
    finally:
        db.close()
    assert main(["--data-dir", str(demo_dir), "checkin", "--workshop", wid, "--json", code]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "checked-in"
    assert main(["--data-dir", str(demo_dir), "desk", "show"]) == 0
    assert capsys.readouterr().out.strip()
    assert words == ["checkin", "desk"]  # one word per run


def test_a_checkin_command_line_imports_only_the_attendance_area():
    code = (
        "import json, sys\n"
        "from lampang_planner.cli import build_parser\n"
        "args = vars(build_parser().parse_args(['checkin', '--workshop', 'W', '--desk', '2', 'X', 'Y']))\n"
        "mods = sorted(m for m in sys.modules if m.startswith('lampang_planner.commands.'))\n"
        "print(json.dumps([mods, args['workshop'], args['desk'], args['codes'], 'shutil' in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    modules, workshop, desk, codes, shutil_loaded = json.loads(out.stdout)
    assert modules == ["lampang_planner.commands.attendance", "lampang_planner.commands.base"]
    assert (workshop, desk, codes) == ("W", "2", ["X", "Y"])
    assert not shutil_loaded  # argparse's width lookup (and zlib, bz2, lzma) is not paid


@pytest.mark.parametrize("columns", ["50", "132", None])
def test_help_is_laid_out_as_argparse_lays_it_out(monkeypatch, columns):
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    ours, theirs = build_parser(), build_parser()
    for parser in (theirs, _words(theirs).parser_of("checkin")):
        parser.formatter_class = argparse.HelpFormatter  # finds the width through shutil
    assert ours.format_help() == theirs.format_help()
    assert _words(ours).parser_of("checkin").format_help() == _words(theirs).parser_of("checkin").format_help()


def test_a_wrong_word_is_refused_listing_every_word(capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["nonsense"])
    assert stop.value.code == 2
    listed = ", ".join(repr(word) for word in WORDS)
    assert f"argument COMMAND: invalid choice: 'nonsense' (choose from {listed})" in capsys.readouterr().err
