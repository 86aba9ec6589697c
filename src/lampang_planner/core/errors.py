"""Errors a user sees: Thai first, English available."""

from __future__ import annotations

from collections.abc import Callable


class UserError(Exception):
    """A problem with the user's input or data, explained in Thai and English.

    Nothing has been written when one of these is raised from a core operation.
    """

    def __init__(self, th: str, en: str, *, code: str = "error") -> None:
        super().__init__(f"{th} ({en})")
        self.th = th
        self.en = en
        self.code = code

    def message(self, lang: str = "th") -> str:
        return self.en if lang == "en" else self.th

    def one_line(self) -> str:
        return f"{self.th} ({self.en})"


def parse_given(fields: dict, keys: tuple[str, ...], parse: Callable[[object], object], out: dict,
                problems: dict[str, tuple[str, str]], problem: tuple[str, str]) -> None:
    """For each of ``keys`` present in ``fields``: ``out[key] = parse(value)``, or, when ``parse`` raises ValueError,
    ``problems[key] = problem`` (its English with ``{!r}`` filled in with the value)."""
    for k in keys:
        if k in fields:
            try:
                out[k] = parse(fields[k])
            except ValueError:
                problems[k] = (problem[0], problem[1].format(fields[k]))


class ValidationError(UserError):
    """Field-level validation failures, keyed by field name."""

    def __init__(self, problems: dict[str, tuple[str, str]]) -> None:
        self.problems = problems
        th = "; ".join(p[0] for p in problems.values())
        en = "; ".join(p[1] for p in problems.values())
        super().__init__(th, en, code="invalid")
