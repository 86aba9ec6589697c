#!/usr/bin/env bash
# A real print queue for the badge-printing test: CUPS with the cups-pdf backend, whose "printer" writes each job as a
# PDF into the submitting user's ~/PDF. Starts cupsd if it is not running (machines without systemd: CI containers)
# and adds the queue LampangPDF. Needs root and the packages cups + printer-driver-cups-pdf (scripts/setup.sh
# installs them with LAMPANG_SETUP_FOR_TESTS=1). Idempotent.
set -euo pipefail
QUEUE="${1:-LampangPDF}"
command -v cupsd >/dev/null || { echo "cups-pdf-queue: cupsd is not installed" >&2; exit 1; }
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  cupsd
  for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.2; done
fi
PPD=$(ls /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null || true)
if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
  lpadmin -p "$QUEUE" -v cups-pdf:/ ${PPD:+-P "$PPD"} -E -D "Lampang Planner test printer (PDF)"
fi
cupsenable "$QUEUE"
cupsaccept "$QUEUE"
lpstat -p "$QUEUE"
