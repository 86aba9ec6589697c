"""The core never imports Qt: importing every module under the core (and the command line) leaves PySide6 out."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "lampang_planner"


def _modules(folder: Path, package: str) -> list[str]:
    mods = []
    for p in sorted(folder.rglob("*.py")):
        rel = p.relative_to(folder).with_suffix("")
        parts = [x for x in rel.parts if x != "__init__"]
        if "migrations" in parts:
            continue  # Alembic's env.py runs only inside Alembic
        mods.append(".".join([package, *parts]))
    return mods


def test_core_and_commands_never_import_qt():
    mods = _modules(SRC / "core", "lampang_planner.core") + _modules(SRC / "commands", "lampang_planner.commands")
    mods.append("lampang_planner.cli")
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(len(sys.modules)); assert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert len(mods) > 15


def test_no_module_under_core_mentions_pyside():
    offenders = [str(p) for p in (SRC / "core").rglob("*.py") if "PySide6" in p.read_text(encoding="utf-8")]
    assert offenders == []


_RECEIVERS = ("core/sync/", "core/venue/")  # where writes made elsewhere arrive: bundles, the venue network's feed


def test_only_the_write_path_stamps_writes():
    """Writes are made by ``core/db.py``'s ``Tx`` (``insert``/``update``/``record``/``delete``/``write``); writes
    made on other machines are folded in by the receivers (bundles, the venue feed) through ``Tx.apply_remote``: no
    other module builds a ``Write``, applies remote writes, or calls the private ``Tx._stamp``."""
    offenders = []
    for p in SRC.rglob("*.py"):
        rel = p.relative_to(SRC).as_posix()
        text = p.read_text(encoding="utf-8")
        receiver = rel == "core/db.py" or rel.startswith(_RECEIVERS)
        if "._stamp(" in text and rel != "core/db.py":
            offenders.append(f"{rel}: Tx._stamp")
        if re.search(r"\bWrite\(", text) and not receiver:
            offenders.append(f"{rel}: builds a Write")
        if "apply_remote(" in text.replace("``tx.apply_remote(", "") and not receiver:
            offenders.append(f"{rel}: apply_remote")
    assert offenders == []


_SQL = re.compile(
    r"\bSELECT\b[^\n]*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\bPRAGMA\s+\w+"
    r"|\.(execute|executemany|executescript|scalar|query)\("
)


def test_no_sql_in_the_window_or_the_command_line():
    """``ui/`` and ``commands/`` only call the core: rules and reads live there (``core/read/``), so two screens
    cannot count differently. SQL text or a database call in a front end fails here."""
    offenders = []
    for folder in ("ui", "commands"):
        for p in sorted((SRC / folder).rglob("*.py")):
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
                if _SQL.search(line):
                    offenders.append(f"{p.relative_to(SRC).as_posix()}:{n}: {line.strip()}")
    cli = (SRC / "cli.py").read_text(encoding="utf-8")
    offenders += [f"cli.py: {m.group(0)}" for m in _SQL.finditer(cli)]
    assert offenders == []
