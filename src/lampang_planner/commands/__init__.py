"""Command-line subcommands, one module per area. Qt-free: they call the core, as the window does.

Every command word is named in :data:`WORDS` with its area and its one-line help, and built by its area's
``BUILDERS[word]`` (``build(parser, common)``: the word's arguments, its actions, the ``func`` that answers it). The
top parser lists every word from :data:`WORDS` alone (``--help``, the error for a wrong word); a word's parser is built,
and its area imported, only when argparse comes to that word on the command line (:class:`CommandWords`). So a
one-code ``checkin`` at the door builds the ``checkin`` parser and imports the attendance area, nothing else; the
window (options only: ``--data-dir D``, ``--checkin W``, nothing at all) and ``--help`` build no word's parser."""

from __future__ import annotations

import argparse
from importlib import import_module

WORDS = {
    "demo": ("data", "fill an empty data folder with the demo data"),
    "info": ("data", "counts per kind of record and the content digest"),
    "workshop": ("data", "workshops"),
    "people": ("data", "people"),
    "roster": ("attendance", "people from the office's Excel roster"),
    "badges": ("attendance", "A4 sheets of QR badges for a workshop's people"),
    "signsheet": ("attendance", "the sign-in sheet of a workshop's session (PDF)"),
    "checkin": ("attendance", "check in scanned codes exactly as the scan screen does"),
    "desk": ("attendance", "this laptop's check-in desk name"),
    "session": ("sessions", "a workshop's sessions (morning, afternoon, a second day)"),
    "attendance": ("sessions", "attendance per session"),
    "paper": ("sessions", "key in a session's attendance from the paper sign-in sheet"),
    "payments": ("sessions", "allowance rates and the payment list (PDF, Excel)"),
    "bundle": ("bundles", "exchange data as signed bundle files"),
    "conflicts": ("bundles", "conflicts to review after merging"),
    "duplicates": ("bundles", "possible duplicate people"),
    "need": ("needs", "community needs"),
    "resolution": ("needs", "draft resolutions"),
    "plan": ("plan", "the development plan: projects from needs, forms ผ.01/ผ.02"),
    "person": ("privacy", "one person's data: export everything, or erase (PDPA)"),
    "privacy": ("privacy", "privacy notice, retention purge, office PIN, signed-in name"),
    "audit": ("privacy", "who changed what and when"),
    "report": ("reports", "office outputs: Excel workbook and PDF documents"),
    "venue": ("venue", "join the venue network: desks of one kit exchange their check-ins live (no internet needed)"),
}
"""Command word → (area module under ``lampang_planner.commands``, one-line help), in the order ``--help`` lists them.
A new word: a line here and a builder in its area's ``BUILDERS`` (tests/test_cli_areas.py checks the two agree)."""


class CommandWords(argparse._SubParsersAction):
    """The command words (``add_subparsers(action=CommandWords, common=…)``): all of :data:`WORDS` are choices and
    listed in the help, each word's parser made (with the ``common`` options) the first time it is asked for. Built on
    argparse's own sub-parsers action: a word's parser is made by its ``add_parser``, laid out and run as before."""

    def __init__(self, *args, common: argparse.ArgumentParser, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.common = common
        self.choices = WORDS.keys()  # what a word is checked against and what the error for a wrong one lists

    def _get_subactions(self) -> list[argparse.Action]:
        """The help's line for each word (argparse asks for them only when it lays out the help)."""
        if not self._choices_actions:
            self._choices_actions.extend(self._ChoicesPseudoAction(word, (), h) for word, (_, h) in WORDS.items())
        return self._choices_actions

    def parser_of(self, word: str) -> argparse.ArgumentParser:
        """The parser of ``word``, built by its area's builder on first use (KeyError for a word not in WORDS)."""
        if word not in self._name_parser_map:
            build = import_module(f"{__name__}.{WORDS[word][0]}").BUILDERS[word]
            build(self.add_parser(word, parents=[self.common]), self.common)  # no help=: listed from WORDS already
        return self._name_parser_map[word]

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        self.parser_of(values[0])  # argparse has checked it is one of the choices
        super().__call__(parser, namespace, values, option_string)
