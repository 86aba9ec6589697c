"""``venue``: join the venue network (desks at one workshop exchanging their writes live over the local network)."""

from __future__ import annotations

import argparse
import json
import signal
import threading

from lampang_planner.commands.base import open_store
from lampang_planner.core.venue.node import VenueNode
from lampang_planner.core.venue.status import VenueStatus


def _venue(v: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    v.description = (
        "Listen for the other desks of this office's kit and dial the addresses given; every write reaches every "
        "connected desk. Prints a status line whenever it changes; Ctrl-C leaves the network."
    )
    v.add_argument("--port", type=int, default=0, help="port to listen on (default: any free one)")
    v.add_argument("--join", action="append", default=[], metavar="HOST:PORT", help="a desk's address (repeatable)")
    v.add_argument("--no-discovery", action="store_true", help="do not look for desks by mDNS / DNS-SD")
    v.add_argument("--json", action="store_true", help="status as one JSON object per line")
    v.set_defaults(func=cmd_venue)


BUILDERS = {"venue": _venue}
"""This area's command word (``commands.WORDS``) → the function that builds its parser."""


def status_line(st: VenueStatus) -> str:
    peers = ", ".join(
        f"{p.name or p.device_id} (desk {p.desk}) {'connected' if p.connected else 'away'}"
        + (f", {p.behind_them} behind them" if p.behind_them else "") for p in st.peers) or "no desk yet"
    refused = f"; refused: {st.refusals[-1].en}" if st.refusals else ""
    return f"port {st.port}: {peers}{refused}"


def cmd_venue(args: argparse.Namespace) -> int:
    store = open_store(args)
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_a: done.set())
    try:
        node = VenueNode(store, port=args.port, joins=args.join, discover=not args.no_discovery)
        node.start()
        last = None
        while not done.wait(0.5):
            st = node.status()
            line = json.dumps(st.as_json(), ensure_ascii=False) if args.json else status_line(st)
            if line != last:
                print(line, flush=True)
                last = line
        node.stop()
    finally:
        store.close()
    return 0
