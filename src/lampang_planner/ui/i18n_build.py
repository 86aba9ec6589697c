"""Build the translations: ``python -m lampang_planner.ui.i18n_build [--update]``.

Always compiles ``translations/*.ts`` into ``translations/*.qm`` with ``lrelease``. With ``--update`` it first runs
``lupdate`` over every module of ``lampang_planner.ui`` to add new source strings to the .ts files (and drop vanished
ones), and fills the English catalogue with identity translations. Both tools ship in PySide6-Essentials.
Qt-free at import time except for locating PySide6's package folder.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from lampang_planner.core.paths import translations_dir

BASENAME = "lampang_planner"
LANGS = ("th", "en")
UI_DIR = Path(__file__).resolve().parent


def ts_path(lang: str) -> Path:
    return translations_dir() / f"{BASENAME}_{lang}.ts"


def qm_path(lang: str) -> Path:
    return translations_dir() / f"{BASENAME}_{lang}.qm"


def find_tool(name: str) -> Path:
    """``lupdate`` or ``lrelease``: the binary inside PySide6's package folder, else the ``pyside6-*`` wrapper next
    to this Python, else one on PATH."""
    exe = ".exe" if os.name == "nt" else ""
    candidates: list[Path] = []
    try:
        import PySide6

        pkg = Path(PySide6.__file__).resolve().parent
        candidates += [pkg / f"{name}{exe}", pkg / "Qt" / "bin" / f"{name}{exe}"]
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    bindir = Path(sys.executable).parent
    candidates += [bindir / f"pyside6-{name}{exe}", bindir / f"pyside6-{name}"]
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found:
        return Path(found)
    raise FileNotFoundError(f"{name} not found (looked in {', '.join(str(c) for c in candidates)} and PATH)")


def ui_sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def compile_ts(lang: str) -> Path:
    """Compile one catalogue; returns the .qm path. Raises RuntimeError with lrelease's output on failure."""
    src, out = ts_path(lang), qm_path(lang)
    proc = subprocess.run(
        [str(find_tool("lrelease")), "-silent", str(src), "-qm", str(out)], capture_output=True, text=True
    )
    if proc.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lrelease failed for {src}: {proc.stdout}{proc.stderr}".strip())
    return out


def compile_all() -> list[Path]:
    return [compile_ts(lang) for lang in LANGS]


@contextlib.contextmanager
def _locked():
    """Several people (or tools) may refresh the catalogues at once: one at a time (POSIX advisory lock)."""
    lock = translations_dir() / ".lock"
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: builds there do not run in parallel
        yield
        return
    with open(lock, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _xml(text: str) -> str:
    """A source or translation as lupdate writes it inside <source>/<translation>."""
    return html.escape(text, quote=False).replace('"', "&quot;").replace("'", "&apos;")


def _message_re(source: str) -> re.Pattern[str]:
    variants = "|".join(re.escape(v) for v in {_xml(source), html.escape(source, quote=False)})
    return re.compile(
        r"(<source>(?:" + variants + r")</source>\s*(?:<comment>.*?</comment>\s*)?)<translation[^>]*>.*?</translation>",
        re.S,
    )


def apply_translations(rows: list[tuple[str, str, str]], path: Path | None = None) -> list[tuple[str, str]]:
    """Write Thai ``translation`` for each (context, source, translation) into the Thai .ts (locked). Returns the
    (context, source) pairs that were not found (run ``--update`` first so lupdate adds them)."""
    path = path or ts_path("th")
    missing: list[tuple[str, str]] = []
    with _locked():
        text = path.read_text(encoding="utf-8")
        for context, source, translation in rows:
            name = re.escape(html.escape(context, quote=False))
            m = re.search(r"(<context>\s*<name>" + name + r"</name>)(.*?)(</context>)", text, re.S)
            msg = _message_re(source)
            if not m or not msg.search(m.group(2)):
                missing.append((context, source))
                continue
            translated = html.escape(translation, quote=False)
            body = msg.sub(lambda mm, t=translated: f"{mm.group(1)}<translation>{t}</translation>", m.group(2), count=1)
            text = text[: m.start(2)] + body + text[m.end(2) :]
        path.write_text(text, encoding="utf-8")
    return missing


def update_ts(extra_sources: list[Path] | None = None, targets: dict[str, Path] | None = None) -> None:
    """Run lupdate over the UI sources into the .ts files (``targets`` lang → path overrides, for checks)."""
    targets = targets or {lang: ts_path(lang) for lang in LANGS}
    sources = [str(p) for p in ui_sources() + list(extra_sources or [])]
    with _locked():
        _run_lupdate(sources, targets)


def _run_lupdate(sources: list[str], targets: dict[str, Path]) -> None:
    for lang, target in targets.items():
        cmd = [str(find_tool("lupdate")), "-silent", "-no-obsolete", "-locations", "none"]
        cmd += ["-source-language", "en", "-target-language", "th_TH" if lang == "th" else "en"]
        cmd += [*sources, "-ts", str(target)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"lupdate failed: {proc.stdout}{proc.stderr}".strip())
        if lang == "en":
            fill_identity(target)


_MESSAGE_RE = re.compile(
    # [^<]* (XML escapes "<" inside text), not .*?: a lazy .*? would run on from a finished message to the next
    # unfinished one and copy everything in between into its translation
    r"(<source>(?P<src>[^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?)"
    r'<translation type="unfinished">(?P<tr>[^<]*)</translation>',
    re.S,
)


def fill_identity(path: Path) -> int:
    """English is the source language: every unfinished English translation becomes its source text."""
    text = path.read_text(encoding="utf-8")
    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"{m.group(1)}<translation>{m.group('src')}</translation>"

    path.write_text(_MESSAGE_RE.sub(repl, text), encoding="utf-8")
    return count


def unfinished(path: Path) -> list[str]:
    """Source texts in a .ts whose translation is missing or marked unfinished."""
    text = path.read_text(encoding="utf-8")
    out = [m.group("src") for m in _MESSAGE_RE.finditer(text)]
    out += re.findall(r"<source>([^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?<translation></translation>", text, re.S)
    return out


def unfinished_by_context(path: Path) -> list[tuple[str, str]]:
    """(context, source) of every Thai message still missing its translation."""
    out = []
    for m in re.finditer(r"<context>\s*<name>(.*?)</name>(.*?)</context>", path.read_text(encoding="utf-8"), re.S):
        for src in unfinished_in(m.group(2)):
            out.append((html.unescape(m.group(1)), html.unescape(src)))
    return out


def unfinished_in(text: str) -> list[str]:
    out = [m.group("src") for m in _MESSAGE_RE.finditer(text)]
    out += re.findall(r"<source>([^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?<translation></translation>", text, re.S)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m lampang_planner.ui.i18n_build", description=__doc__.splitlines()[0])
    p.add_argument("--update", action="store_true", help="run lupdate over ui/ first (refreshes the .ts files)")
    p.add_argument("--translate", metavar="TSV", help="write Thai translations from a UTF-8 file of lines "
                   "'context<TAB>English source<TAB>Thai' into the Thai catalogue (after --update)")
    p.add_argument("--todo", action="store_true", help="list the Thai translations still missing, as context<TAB>source")
    args = p.parse_args(argv)
    try:
        if args.update:
            update_ts()
        if args.translate:
            rows = []
            for line in Path(args.translate).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    parts = line.split("\t")
                    if len(parts) != 3:
                        raise RuntimeError(f"not context<TAB>source<TAB>Thai: {line!r}")
                    rows.append((parts[0], parts[1].replace("\\n", "\n"), parts[2].replace("\\n", "\n")))
            for context, source in apply_translations(rows):
                print(f"not in the catalogue (run --update?): {context}: {source}", file=sys.stderr)
        if args.todo:
            for context, source in unfinished_by_context(ts_path("th")):
                print(f"{context}\t{source}")
        if args.update:
            update_ts()
            todo = unfinished(ts_path("th"))
            if todo:
                print(f"{len(todo)} Thai translation(s) to write in {ts_path('th')}:", *todo, sep="\n  ")
        for qm in compile_all():
            print(f"compiled {qm}")
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"translations: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
