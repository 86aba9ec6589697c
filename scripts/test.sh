#!/usr/bin/env bash
# README command 2: install everything, then run the linter and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
LAMPANG_SETUP_FOR_TESTS=1 bash scripts/setup.sh
.venv/bin/ruff check src tests bench
# Python keeps its bytecode (and pytest its assertion-rewritten tests) in __pycache__ even where the environment says
# not to (PYTHONDONTWRITEBYTECODE, set in many containers): else each worker compiles every test module again on
# every run, ~4.5 s of CPU each. The first run on a fresh clone compiles them once, as before.
unset PYTHONDONTWRITEBYTECODE
# on every core (pytest-xdist; worksteal: a worker that is done takes tests from the other's end)
.venv/bin/python -m pytest -q -n auto --dist worksteal "$@"
