"""One desk of the venue tests, as its own process: opens a data folder, joins the venue network through
:class:`lampang_planner.core.venue.node.VenueNode` and takes commands on stdin, one JSON answer per line on stdout.

    python venue_desk.py FOLDER PORT [HOST:PORT ...]

Commands: ``scan WORKSHOP CODE`` (the check-in core, as the door's scanner calls it; answer: the result and the
wall time it returned at, committed), ``burst WORKSHOP CODE...`` (scans one after the other, answering once per scan),
``digest``, ``status``, ``quorum WORKSHOP`` (the resolutions screen's quorum of the current session), ``seen`` (when each attendance first changed in this folder, wall time: its commit here, by
the store's after-commit listener), ``usage`` (CPU seconds and memory of this process), ``quit``.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from lampang_planner.core.db import Store
from lampang_planner.core.ops.checkin import check_in
from lampang_planner.core.ops.resolutions import quorum
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.core.venue.node import VenueNode


def _say(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _usage() -> dict:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    kib = lambda k: int(status[k].split()[0])  # noqa: E731
    return {"cpu_s": ru.ru_utime + ru.ru_stime, "wall": time.time(), "rss_kib": kib("VmRSS"), "hwm_kib": kib("VmHWM")}


def main() -> None:
    folder, port, joins = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    store = Store.open(folder, create=False)
    seen: dict[str, float] = {}

    def heard(result) -> None:
        now = time.time()
        for aid in result.changed.get("attendance", ()):
            seen.setdefault(aid, now)

    store.listeners.append(heard)
    node = VenueNode(store, port=port, host="127.0.0.1", joins=joins)
    node.start()
    _say({"ready": node.port, "device": store.device_id})
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd in ("scan", "burst"):
            for code in args[1:]:
                r = check_in(store, args[0], code)
                _say({**r.as_json(), "t": time.time()})
        elif cmd == "digest":
            _say({"digest": digest(store.db), "counts": counts(store.db)})
        elif cmd == "status":
            _say(node.status().as_json())
        elif cmd == "quorum":
            _say(quorum(store, args[0]).as_json())
        elif cmd == "seen":
            _say(dict(seen))
        elif cmd == "usage":
            _say(_usage())
        elif cmd == "quit":
            break
    node.stop()
    store.close()
    _say({"bye": True})


if __name__ == "__main__":
    main()
