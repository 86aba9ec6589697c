"""Cleaning free text typed by people: Unicode NFC (Thai typed on different keyboards/IMEs compares equal), spaces
collapsed, and empty meaning "not given"."""

from __future__ import annotations

import re
import unicodedata


def clean_text(v: object, *, multiline: bool = False) -> str | None:
    """``v`` as tidy text, or None when nothing is left. One line: every run of white space becomes one space.
    ``multiline``: line breaks are kept (Windows ones normalised), spaces and tabs inside each line collapsed."""
    if v is None:
        return None
    s = unicodedata.normalize("NFC", str(v))
    if multiline:
        s = "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in s.replace("\r\n", "\n").split("\n")).strip()
    else:
        s = re.sub(r"\s+", " ", s).strip()
    return s or None
