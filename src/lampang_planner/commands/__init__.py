"""Command-line subcommands, one module per area. Each module has ``register(subparsers, common)`` and sets
``func`` on its parsers. Qt-free: they call the core, as the window does.

A command line that names its command word builds (and imports) only that word's area, and of the area only that
word's parser (:func:`only_word`): a one-code ``checkin`` at the door does not pay for the parsers and imports of
bundles, reports or privacy, nor for the roster import's, the badges' or the sign-in sheet's parsers. A command line of options only (the
window: ``--data-dir D``, ``--checkin W``, nothing at all) builds none. ``--help``, or a word that is no command (an
unknown one, or one that cannot be told apart from an option's value) builds them all."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from types import ModuleType

AREA_NAMES = ("data", "attendance", "sessions", "bundles", "needs", "plan", "privacy", "reports", "venue")
"""Areas in the order `lampang-planner --help` lists them. Add a module here, and its words to ``COMMANDS``."""
COMMANDS = {
    **dict.fromkeys(("demo", "info", "workshop", "people"), "data"),
    **dict.fromkeys(("roster", "badges", "signsheet", "checkin", "desk"), "attendance"),
    **dict.fromkeys(("session", "attendance", "paper", "payments"), "sessions"),
    **dict.fromkeys(("bundle", "conflicts", "duplicates"), "bundles"),
    **dict.fromkeys(("need", "resolution"), "needs"),
    "plan": "plan",
    **dict.fromkeys(("person", "privacy", "audit"), "privacy"),
    "report": "reports",
    "venue": "venue",
}
"""Command word → the area registering it (tests/test_cli_areas.py checks it against what the areas register)."""
VALUE_OPTIONS = ("--data-dir", "--lang", "--checkin")
"""Options before the command word that take the next word as their value."""


def _first_word(argv: Sequence[str]) -> str | None:
    """The first word of ``argv`` that is neither an option nor an option's value, or "-h" when help comes first."""
    previous = ""
    for word in argv:
        if word in ("-h", "--help"):
            return "-h"
        if not word.startswith("-") and previous not in VALUE_OPTIONS:
            return word
        previous = "" if previous in VALUE_OPTIONS else word
    return None


def command_word(argv: Sequence[str]) -> str | None:
    """The command word of ``argv`` (``checkin`` in ``--data-dir D checkin --workshop W X``), or None."""
    word = _first_word(argv)
    return word if word in COMMANDS else None


def areas(argv: Sequence[str] | None = None) -> list[ModuleType]:
    """The area modules to register for ``argv``: the command word's own, none for options only (the window), or all
    of them."""
    word = _first_word(argv) if argv is not None else "-h"
    if word is None:
        return []
    names = (COMMANDS[word],) if word in COMMANDS else AREA_NAMES
    return [import_module(f"lampang_planner.commands.{name}") for name in names]


class _Unbuilt:
    """The parser of a command word the command line does not name: whatever an area adds to it is not made."""

    def __getattr__(self, name: str):
        return self._skip

    def _skip(self, *args, **kwargs) -> _Unbuilt:
        return self


class _OnlyWord:
    """An area's sub-parsers when the command line names ``word``: only that word's parser is made (with all of
    its actions), the area's other words get :class:`_Unbuilt`."""

    def __init__(self, sub, word: str) -> None:
        self.sub, self.word = sub, word

    def add_parser(self, name: str, **kwargs):
        return self.sub.add_parser(name, **kwargs) if name == self.word else _Unbuilt()


def only_word(sub, argv: Sequence[str] | None):
    """What the areas register their words on (``register(sub, common)``): ``sub`` itself when ``argv`` names no
    command word (help, the window, an unknown word: every parser is made), else :class:`_OnlyWord`."""
    word = command_word(argv) if argv is not None else None
    return sub if word is None else _OnlyWord(sub, word)
