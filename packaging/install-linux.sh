#!/usr/bin/env bash
# Installs the built program for the current user (no root needed), from the folder this script is in:
#
#   bash lampang-planner/install-linux.sh            # install or update
#   bash lampang-planner/install-linux.sh --remove   # uninstall (the data folder is kept)
#
# The folder (dist/lampang-planner, e.g. copied from a USB stick) goes to ~/.local/opt/lampang-planner, the command
# to ~/.local/bin/lampang-planner, the menu entry to ~/.local/share/applications and the icons to the hicolor theme
# in ~/.local/share/icons. Data stays in ~/.local/share/lampang-planner and is never touched here.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
APP=lampang-planner
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
OPT="$HOME/.local/opt/$APP"
BIN="$HOME/.local/bin"

remove() {
  rm -rf "$OPT"
  rm -f "$BIN/$APP" "$PREFIX/applications/$APP.desktop"
  find "$PREFIX/icons/hicolor" -name "$APP.png" -o -name "$APP.svg" 2>/dev/null | xargs -r rm -f
  echo "removed $APP (your data in $PREFIX/$APP is kept)"
}

if [ "${1:-}" = "--remove" ]; then remove; exit 0; fi
[ -x "$HERE/$APP" ] || { echo "install: run this script from the built folder (it holds $APP)" >&2; exit 1; }

if [ "$HERE" != "$OPT" ]; then
  rm -rf "$OPT.new"
  mkdir -p "$(dirname "$OPT")"
  cp -a "$HERE" "$OPT.new"
  rm -rf "$OPT"
  mv "$OPT.new" "$OPT"
fi
mkdir -p "$BIN" "$PREFIX/applications"
ln -sf "$OPT/$APP" "$BIN/$APP"
icons="$OPT/_internal/resources/icons"
for f in "$icons"/$APP-*.png; do
  size=$(basename "$f" .png); size=${size##*-}
  mkdir -p "$PREFIX/icons/hicolor/${size}x${size}/apps"
  cp "$f" "$PREFIX/icons/hicolor/${size}x${size}/apps/$APP.png"
done
mkdir -p "$PREFIX/icons/hicolor/scalable/apps"
cp "$icons/$APP.svg" "$PREFIX/icons/hicolor/scalable/apps/$APP.svg"
sed "s|^Exec=.*|Exec=$OPT/$APP|" "$OPT/$APP.desktop" > "$PREFIX/applications/$APP.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$PREFIX/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$PREFIX/icons/hicolor" || true
echo "installed $("$OPT/$APP" --version) in $OPT; menu entry: Lampang Planner (วางแผนพัฒนา อบจ.ลำปาง)"
