"""Run every benchmark (bench/bench_*.py, each with ``run() -> list[dict]``) and print its figures: the median of
several samples with their spread, the baseline measured in the same run and the ratio of the two.

    python bench/run.py                                   # a table, at 100,000 people
    python bench/run.py --people 10000,100000,300000      # at each of these scales (where the benchmark scales)
    python bench/run.py --json --only privacy             # JSON lines; modules whose name contains "privacy"
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _cell(v: object, width: int) -> str:
    if v is None:
        return " " * width
    return f"{v:>{width}.3f}" if isinstance(v, float) else f"{v!s:>{width}}"


def table_line(row: dict) -> str:
    ratio = f"{row['ratio']:.2f}x" if row.get("ratio") is not None else ""
    spread = f"{row['min']:.3f}–{row['max']:.3f}" if "min" in row else ""
    ok = {True: "ok", False: "MISSED", None: ""}[row.get("ok")]
    return (f"{row['name']:<36} {_cell(row['value'], 10)} {row['unit']:<5} {spread:>19} {_cell(row.get('baseline'), 10)}"
            f" {ratio:>8}  {row.get('goal', ''):<18} {ok}")  # fmt: skip


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--json", action="store_true", help="JSON lines (default: a table)")
    p.add_argument("--only", help="run only modules whose name contains this")
    p.add_argument("--people", help="comma-separated scales, e.g. 10000,100000,300000 (default 100000)")
    p.add_argument("--samples", type=int, help="samples per figure (default 5)")
    a = p.parse_args()
    if a.people:
        os.environ["LAMPANG_BENCH_PEOPLE"] = a.people
    if a.samples:
        os.environ["LAMPANG_BENCH_SAMPLES"] = str(a.samples)
    names = sorted(f.stem for f in HERE.glob("bench_*.py") if not a.only or a.only in f.stem)
    if not a.json:
        print(f"{'figure':<36} {'median':>10} {'unit':<5} {'spread (min–max)':>19} {'baseline':>10} {'ratio':>8}  goal")
    failed = 0
    for name in names:
        t0 = time.perf_counter()
        try:
            rows = importlib.import_module(f"bench.{name}").run()
        except Exception as exc:  # report and go on with the other benchmarks
            failed += 1
            print(json.dumps({"name": name, "error": repr(exc)}), flush=True)
            continue
        for row in rows:
            print(json.dumps(row, ensure_ascii=False) if a.json else table_line(row), flush=True)
        print(f"# {name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
