#!/usr/bin/env bash
# Installs everything Lampang Planner needs on a fresh Debian/Ubuntu (or any machine with Python 3.11+):
# the system libraries Qt and the document checks use (via apt-get, when missing), a project virtual environment
# in .venv with the app and its development tools, and the compiled translations.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-python3}"
APT_PACKAGES=(
  # Qt's xcb and offscreen platforms
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  # a virtual screen for screenshots, and PDF → PNG for looking at documents
  xvfb poppler-utils
  # keyboard layouts (setxkbmap us / th) for the real-window scanner test
  x11-xkb-utils xkb-data
  # Thai ID card readers: the PC/SC daemon and the CCID driver of almost every USB reader; headers and swig let pip
  # build pyscard where no wheel fits
  pcscd libccid libpcsclite1 libpcsclite-dev swig
  # QtMultimedia (the webcam) loads the PulseAudio client library; badges print through CUPS
  libpulse0 libcups2
)
# The test suite also opens the Excel workbooks in LibreOffice (scripts/test.sh sets this; ~90 MB download).
if [ "${LAMPANG_SETUP_FOR_TESTS:-0}" = "1" ]; then
  APT_PACKAGES+=(libreoffice-calc-nogui)
  # a real print queue for the badge test (scripts/ci/cups-pdf-queue.sh starts cupsd with a cups-pdf printer)
  APT_PACKAGES+=(cups printer-driver-cups-pdf)
  APT_PACKAGES+=(faketime)  # wrong laptop clocks, for real (tests/core/test_wall_clock.py)
  APT_PACKAGES+=(gnome-keyring dbus)  # a real OS keyring for the device key (tests/core/test_key_store.py)
  # the virtual card reader the ID-card tests insert their virtual card into (tests/pcsc_support.py)
  APT_PACKAGES+=(vsmartcard-vpcd)
  # pdf.js (Firefox's PDF viewer) reads the PDFs' text layer in tests/core/test_pdf_text_layer_pdfjs.py
  command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs)
  command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)
fi

install_system_packages() {
  command -v dpkg >/dev/null 2>&1 || return 0
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "setup: please install these system packages: ${missing[*]}" >&2; return 0
    fi
  fi
  echo "setup: installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_env() {
  if [ ! -x .venv/bin/python ]; then
    "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
      echo "setup: Python 3.11 or newer is needed (found $("$PY" --version 2>&1))" >&2; exit 1; }
    "$PY" -m venv .venv
  fi
  local stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[dev]'
    rm -f .venv/.installed-*
    touch "$stamp"
  fi
}

install_pdfjs() {
  # pdfjs-dist at the version in tests/pdfjs/package-lock.json, from the npm registry
  [ "${LAMPANG_SETUP_FOR_TESTS:-0}" = "1" ] || return 0
  local stamp=tests/pdfjs/node_modules/.installed-$(sha256sum tests/pdfjs/package-lock.json | cut -c1-16)
  [ -f "$stamp" ] && return 0
  (cd tests/pdfjs && npm ci --no-audit --no-fund --loglevel=error)
  touch "$stamp"
}

build_translations() {
  .venv/bin/python -m lampang_planner.ui.i18n_build
}

install_system_packages
install_python_env
install_pdfjs
build_translations
