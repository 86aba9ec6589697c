"""The catalogues stay in step with the code: refreshing them with lupdate (``i18n_build --update``, what whoever adds
a string runs) neither drops a Thai translation the window uses nor finds a string the window shows untranslated.

lupdate reads only literal contexts and texts: a ``translate(CONTEXT, "...")`` or ``translate("X", variable)`` works at
run time but is invisible to it, so the next refresh silently deletes those Thai translations (31 of them once: the
roster import dialog's messages and every form's Save/Cancel), and a string it finds with no Thai translation shows in
English on a Thai screen (the failure box's title once did)."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from lampang_planner.ui import i18n_build


def _messages(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation ('' when unfinished) of every message in a .ts file."""
    out = {}
    text = path.read_text(encoding="utf-8")
    for ctx in re.finditer(r"<context>\s*<name>(.*?)</name>(.*?)</context>", text, re.S):
        for msg in re.finditer(
            r"<source>([^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?<translation( type=\"unfinished\")?>([^<]*)<",
            ctx.group(2),
        ):
            done = "" if msg.group(2) else html.unescape(msg.group(3))
            out[(html.unescape(ctx.group(1)), html.unescape(msg.group(1)))] = done
    return out


def test_refreshing_the_catalogues_drops_no_translation_and_finds_nothing_untranslated(tmp_path):
    targets = {}
    for lang in i18n_build.LANGS:
        targets[lang] = tmp_path / i18n_build.ts_path(lang).name
        shutil.copy(i18n_build.ts_path(lang), targets[lang])
    i18n_build.update_ts(targets=targets)

    committed, refreshed = _messages(i18n_build.ts_path("th")), _messages(targets["th"])
    dropped = sorted(set(committed) - set(refreshed))
    assert not dropped, f"lupdate cannot see these strings in the code (a context or text not written literally?): {dropped}"
    untranslated = sorted(key for key, thai in refreshed.items() if not thai)
    assert not untranslated, f"shown in English on a Thai screen: {untranslated}"
    assert len(refreshed) > 900  # the whole window's catalogue was read, not an empty file
