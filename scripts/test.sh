#!/usr/bin/env bash
# README command 2: install everything, then run the linter and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
LAMPANG_SETUP_FOR_TESTS=1 bash scripts/setup.sh
.venv/bin/ruff check src tests bench
# on every core (pytest-xdist; worksteal: a worker that is done takes tests from the other's end)
.venv/bin/python -m pytest -q -n auto --dist worksteal "$@"
