"""One desk of the venue tests, as its own process: opens a data folder, joins the venue network through
:class:`lampang_planner.core.venue.node.VenueNode` and takes commands on stdin, one JSON answer per line on stdout.

    python venue_desk.py FOLDER PORT [HOST:PORT ...]

Commands: ``scan WORKSHOP CODE`` (the check-in core, as the door's scanner calls it; answer: the result),
``burst WORKSHOP CODE...`` (scans one after the other, answering once per scan), ``digest``, ``status``, ``quit``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lampang_planner.core.db import Store
from lampang_planner.core.ops.checkin import check_in
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.core.venue.node import VenueNode


def _say(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main() -> None:
    folder, port, joins = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    store = Store.open(folder, create=False)
    node = VenueNode(store, port=port, host="127.0.0.1", joins=joins)
    node.start()
    _say({"ready": node.port, "device": store.device_id})
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd in ("scan", "burst"):
            for code in args[1:]:
                _say(check_in(store, args[0], code).as_json())
        elif cmd == "digest":
            _say({"digest": digest(store.db), "counts": counts(store.db)})
        elif cmd == "status":
            _say(node.status().as_json())
        elif cmd == "quit":
            break
    node.stop()
    store.close()
    _say({"bye": True})


if __name__ == "__main__":
    main()
