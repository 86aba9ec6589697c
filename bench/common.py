"""What every benchmark shares: the scales it runs at, figures as the median of several samples with their spread,
and a child process's own peak memory.

Scales: ``bench/run.py --people 10000,100000,300000`` (or ``LAMPANG_BENCH_PEOPLE``); default 100,000.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = int(os.environ.get("LAMPANG_BENCH_SAMPLES") or 5)  # every figure is the median of at least this many


def scales(default: Sequence[int] = (100_000,)) -> list[int]:
    raw = os.environ.get("LAMPANG_BENCH_PEOPLE", "")
    return [int(x) for x in raw.replace("_", "").split(",") if x.strip()] or list(default)


def kilo(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    s = sorted(values)
    return s[max(0, min(len(s) - 1, round(p / 100 * len(s) + 0.5) - 1))]


def figure(name: str, samples: Sequence[float], unit: str, *, baseline: Sequence[float] | float | None = None,
           goal: str = "", ok: bool | None = None, **extra: object) -> dict:
    """One reported figure: the median of ``samples`` with its spread (min–max), the baseline's median (measured in the
    same run) and the ratio of the two medians."""
    value = statistics.median(samples)
    row: dict = {"name": name, "value": value, "unit": unit, "min": min(samples), "max": max(samples),
                 "samples": len(samples)}
    if baseline is not None:
        base = statistics.median(baseline) if isinstance(baseline, Sequence) else float(baseline)
        row["baseline"] = base
        row["ratio"] = value / base if base else None
    row["goal"] = goal
    row["ok"] = ok
    row.update(extra)
    return row


def timed(action: Callable[[], object], n: int = SAMPLES, setup: Callable[[], object] | None = None) -> list[float]:
    """Wall times (s) of ``n`` runs of ``action`` (``setup`` before each, not timed)."""
    out = []
    for _ in range(n):
        if setup is not None:
            setup()
        t = time.perf_counter()
        action()
        out.append(time.perf_counter() - t)
    return out


_COMPILED = False


def ensure_bytecode() -> None:
    """Compile the program and its libraries to bytecode once, as an installed program has them (pip and PyInstaller
    compile at install time; with PYTHONDONTWRITEBYTECODE set, an editable install would compile on every start)."""
    global _COMPILED
    if not _COMPILED:
        import compileall
        import sysconfig

        for folder in (ROOT / "src", ROOT / "bench", Path(sysconfig.get_paths()["purelib"])):
            compileall.compile_dir(folder, quiet=2, workers=1)
        _COMPILED = True


def child_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # the program of this tree (also when the tree is a copy: the editable install points at the worktree)
    env.update(PYTHONPATH=os.pathsep.join((str(ROOT / "src"), str(ROOT))), BENCH_T0=repr(time.time()), **extra)
    return env


def run_child(args: Sequence[str], *, env: dict | None = None, timeout: float = 600) -> dict:
    """Run ``python ARGS`` in a fresh process (bytecode compiled, as installed); its last JSON line."""
    ensure_bytecode()
    full_env = child_env(**(env or {}))
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=full_env, timeout=timeout)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"{args[0]} failed ({out.returncode}): {out.stderr[-2000:]}")
    return json.loads(lines[-1])
