#!/usr/bin/env bash
# README command 2: install everything, then run the linter and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
LAMPANG_SETUP_FOR_TESTS=1 bash scripts/setup.sh
.venv/bin/ruff check src tests bench
.venv/bin/python -m pytest -q "$@"
