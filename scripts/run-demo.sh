#!/usr/bin/env bash
# README command 1: install everything, then open the window on the demo data (made on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/lampang-planner --demo "$@"
