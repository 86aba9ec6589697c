#!/usr/bin/env bash
# CI step after the tests: build the Linux program and run the built program's self-test, printing the whole log
# (also kept in build/ci-build.log). Fails when the build, the library check or the self-test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build
echo "== packaging: bash packaging/build-linux.sh (log: build/ci-build.log)"
if ! bash packaging/build-linux.sh 2>&1 | tee build/ci-build.log; then
  echo "packaging: FAILED (see the log above)" >&2
  exit 1
fi
echo "packaging: built dist/lampang-planner and its self-test passed"
