#!/usr/bin/env bash
# Builds the Linux program: dist/lampang-planner/lampang-planner (PyInstaller, one folder), then checks it.
#
#   bash packaging/build-linux.sh          # add --tar for dist/lampang-planner-<version>-linux-<arch>.tar.gz
#
# On a fresh Debian/Ubuntu it installs what it needs itself: scripts/setup.sh (Qt's system libraries via apt-get,
# the project .venv, the compiled translations), binutils for PyInstaller (strip, readelf, objdump), and PyInstaller
# from packaging/requirements-build.txt into the .venv. Then it builds with packaging/lampang-planner.spec, prints
# the unpacked size, checks that every bundled library resolves, and runs the built program's --selftest offscreen.
# Exits non-zero if any step fails. Environment: SIZE_GOAL_MB (default 150) only changes the size line's verdict.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
APP=lampang-planner
DIST=$ROOT/dist/$APP
started=$(date +%s)

step() { printf '\n== %s\n' "$*"; }

step "setup (system libraries, .venv, translations)"
bash scripts/setup.sh

step "build tools"
if ! command -v readelf >/dev/null 2>&1 || ! command -v strip >/dev/null 2>&1 || ! command -v objdump >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "build: please install binutils" >&2; exit 1; }
    sudo=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends binutils >/dev/null
fi
stamp=.venv/.build-tools-$(sha256sum packaging/requirements-build.txt | cut -c1-16)
if [ ! -f "$stamp" ] || ! .venv/bin/python -c 'import PyInstaller' 2>/dev/null; then
  .venv/bin/python -m pip install -q -r packaging/requirements-build.txt
  rm -f .venv/.build-tools-*
  touch "$stamp"
fi
.venv/bin/python -m PyInstaller --version | sed 's/^/PyInstaller /'

step "translations"
.venv/bin/python -m lampang_planner.ui.i18n_build

step "PyInstaller (packaging/$APP.spec)"
build_started=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" "packaging/$APP.spec"
build_seconds=$(( $(date +%s) - build_started ))
[ -x "$DIST/$APP" ] || { echo "build: $DIST/$APP was not made" >&2; exit 1; }
# what a USB stick needs beside the program: the menu entry and the per-user installer (README, "Packaging")
cp packaging/$APP.desktop packaging/install-linux.sh "$DIST/"

step "size"
bytes=$(du -sb "$DIST" | cut -f1)
files=$(find "$DIST" -type f | wc -l)
goal=${SIZE_GOAL_MB:-150}
python3 - "$bytes" "$files" "$goal" <<'EOF'
import sys
b, files, goal = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
verdict = "within the goal" if b < goal * 1e6 else "OVER THE GOAL"
print(f"unpacked size: {b / 1e6:.1f} MB ({b / 2**20:.1f} MiB) in {files} files; goal < {goal:g} MB: {verdict}")
EOF
echo "largest parts:"
(cd "$DIST/_internal" && du -s -- * | sort -rn | head -8 | awk '{printf "  %7.1f MB  %s\n", $1 * 1024 / 1e6, $2}')

step "bundled libraries resolve"
missing=$(cd "$DIST" && find . -type f \( -name '*.so' -o -name '*.so.*' \) -print0 \
  | { LD_LIBRARY_PATH="$DIST/_internal:$DIST/_internal/PySide6/Qt/lib" xargs -0 -n 50 ldd 2>/dev/null || true; } \
  | awk '/:$/ {file=$1} /not found/ {print file " needs " $1}' | sort -u)
if [ -n "$missing" ]; then
  echo "$missing" >&2
  echo "build: libraries above are neither bundled nor on this system" >&2
  exit 1
fi
echo "all resolve"

step "self-test of the built program"
QT_QPA_PLATFORM=offscreen "$DIST/$APP" --selftest
"$DIST/$APP" --version

if [ "${1:-}" = "--tar" ]; then
  step "archive"
  version=$("$DIST/$APP" --version | awk '{print $2}')
  tarball="$ROOT/dist/$APP-$version-linux-$(uname -m).tar.gz"
  tar -C "$ROOT/dist" -czf "$tarball" "$APP"
  echo "$tarball ($(du -h "$tarball" | cut -f1))"
fi

echo
echo "built $DIST/$APP in $(( $(date +%s) - started )) s (PyInstaller ${build_seconds} s)"
