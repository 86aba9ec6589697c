"""Run every benchmark (bench/bench_*.py, each with ``run() -> list[dict]``) and print one JSON object per line:
``{"name", "value", "unit", "baseline", "ratio", "goal"}`` — the baseline is measured in the same run.

    python bench/run.py --json                 # everything
    python bench/run.py --json --only merge    # modules whose name contains "merge"
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--json", action="store_true", help="JSON lines (default: a table)")
    p.add_argument("--only", help="run only modules whose name contains this")
    a = p.parse_args()
    names = sorted(f.stem for f in HERE.glob("bench_*.py") if not a.only or a.only in f.stem)
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
            if a.json:
                print(json.dumps(row, ensure_ascii=False), flush=True)
            else:
                ratio = f"{row['ratio']:.2f}x" if row.get("ratio") is not None else ""
                print(f"{row['name']:<44} {row['value']:>12.3f} {row['unit']:<6} {ratio:>8}  {row.get('goal', '')}")
        print(f"# {name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
