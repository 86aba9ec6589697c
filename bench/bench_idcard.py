"""Card to green: from inserting a Thai ID card to the committed check-in, on the real PC/SC stack.

Stack: a private ``pcscd`` with the ``vsmartcard-vpcd`` reader and the virtual Thai ID card of
``tests/pcsc_support.py`` (the same the end-to-end tests use). Data: 100,000 people and 50,000 attendances
(``bench.generate``), plus the card holders (invited, with their citizen IDs), in a private copy of the folder.

Measured (the desk's path): the card connects to the reader → pcscd powers it and reports it → the watcher thread
(``core.devices.pcsc.CardWatcher``) reads every field but the photo → the result crosses to the consumer thread (a
queue, as the Qt signal does) → ``core.ops.card_checkin.check_in_card`` commits the attendance. One card at a time,
pulled before the next.

Baseline in the same run, on the same stack and database file: the least the job could cost — a bare
``SCardGetStatusChange`` waiting for the card, a bare connect, SELECT and the same 18 READ BINARY / GET RESPONSE
exchanges, then a bare sqlite3 lookup by citizen ID plus INSERT of one attendance row and COMMIT. Core and bare
insertions alternate.

Goal (issue #17): under 1.5 s from insertion to committed check-in (median and worst).
"""

from __future__ import annotations

import json
import queue
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.bench_checkin import bare_attend
from bench.generate import cached_database, cached_ids
from lampang_planner.core.db import Store, connect
from lampang_planner.core.ops.people import add_person

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

N_PEOPLE = 100_000
N_ATTENDANCE = 50_000
CARDS = 8  # insertions measured each way (the virtual reader polls: each takes about a second)


def _citizen_id(n: int) -> str:
    base = f"3520199{n:05d}"
    check = (11 - sum(int(d) * (13 - i) for i, d in enumerate(base)) % 11) % 10
    return base + str(check)


def _bare_insert(stack, person, bare, wid: str) -> float:
    """Insert the card and do the least work: wait for it, read the same fields raw, look up and insert."""
    from smartcard import scard

    from lampang_planner.core.devices.thai_id_card import FIELDS, SELECT_APPLET, get_response_p2, read_binary_apdu

    _, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    reader = scard.SCardListReaders(ctx, [])[1][0]
    state = scard.SCardGetStatusChange(ctx, 0, [(reader, scard.SCARD_STATE_UNAWARE)])[1][0][1]
    card = stack.card(person)
    t0 = time.perf_counter()
    card.insert()
    while True:
        _, states = scard.SCardGetStatusChange(ctx, 5000, [(reader, state & ~scard.SCARD_STATE_CHANGED)])
        state, atr = states[0][1], states[0][2]
        if state & scard.SCARD_STATE_PRESENT and atr:
            break
    _, hcard, proto = scard.SCardConnect(ctx, reader, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T0)
    scard.SCardTransmit(hcard, proto, SELECT_APPLET)
    values = []
    for f in FIELDS:
        scard.SCardTransmit(hcard, proto, read_binary_apdu(f))
        values.append(bytes(scard.SCardTransmit(hcard, proto, [0, 0xC0, 0, get_response_p2(atr), f.length])[1][:-2]))
    scard.SCardDisconnect(hcard, scard.SCARD_LEAVE_CARD)
    cid = values[0].decode("ascii")
    pid = bare.execute("SELECT id FROM person WHERE citizen_id = ?", (cid,)).fetchone()[0]
    bare_attend(bare, wid, pid, "2026-12-07T08:30:00+07:00")
    elapsed = time.perf_counter() - t0
    card.pull()
    scard.SCardReleaseContext(ctx)
    return elapsed


def _core_insert(stack, person, events: queue.Queue, store, wid: str) -> float:
    from lampang_planner.core.ops.card_checkin import check_in_card

    card = stack.card(person)
    t0 = time.perf_counter()
    card.insert()
    event = events.get(timeout=10)
    if event.error is not None:
        raise RuntimeError(event.error.one_line())
    done = check_in_card(store, wid, event.card, desk="1")
    elapsed = time.perf_counter() - t0
    if done.result is None or done.result.kind != "checked-in":
        raise RuntimeError(f"card of {person.citizen_id} gave {done}")
    card.pull()
    return elapsed


def _wait_empty(_stack) -> None:
    time.sleep(1.0)  # let pcscd see the slot empty before the next insertion (its polling interval)


def run() -> list[dict]:
    from lampang_planner.core.devices.pcsc import CardWatcher
    from pcsc_support import CardPerson, PcscStack

    source = cached_database(N_PEOPLE, N_ATTENDANCE)
    wid = cached_ids(source)["workshops"][0]
    with tempfile.TemporaryDirectory(prefix="lp-bench-idcard-") as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(source, folder)
        store = Store.open(folder)
        holders = [CardPerson(citizen_id=_citizen_id(i), name_th=f"นาย#ทดสอบ{i}##บัตรประชาชน") for i in range(2 * CARDS)]
        for i, h in enumerate(holders):
            add_person(store, {"prefix": "นาย", "first_name": f"ทดสอบ{i}", "last_name": "บัตรประชาชน",
                               "citizen_id": h.citizen_id, "subdistrict_code": "520305"}, workshop_id=wid)  # fmt: skip
        bare = connect(store.path)
        stack = PcscStack(Path(tmp) / "pcsc").start()
        events: queue.Queue = queue.Queue()
        watcher = CardWatcher(events.put)
        core_s: list[float] = []
        bare_s: list[float] = []
        try:
            watcher.start()
            threading.Event().wait(0.5)
            for k in range(CARDS):
                core_s.append(_core_insert(stack, holders[2 * k], events, store, wid))
                _wait_empty(stack)
                watcher.stop()  # the bare run has the reader to itself
                bare_s.append(_bare_insert(stack, holders[2 * k + 1], bare, wid))
                _wait_empty(stack)
                watcher = CardWatcher(events.put)
                watcher.start()
                threading.Event().wait(0.3)
            people = store.scalar("SELECT COUNT(*) FROM person")
        finally:
            watcher.stop()
            stack.close()
            bare.close()
            store.close()
    med, base_med = statistics.median(core_s), statistics.median(bare_s)
    worst, base_worst = max(core_s), max(bare_s)
    common = {"unit": "s", "cards": CARDS, "people": people, "runs": [round(x, 3) for x in core_s],
              "bare_runs": [round(x, 3) for x in bare_s]}  # fmt: skip
    return [
        {"name": "idcard_insert_to_commit_median", "value": med, "baseline": base_med, "ratio": med / base_med,
         "goal": "< 1.5 s", "ok": med < 1.5, **common},
        {"name": "idcard_insert_to_commit_worst", "value": worst, "baseline": base_worst,
         "ratio": worst / base_worst, "goal": "< 1.5 s", "ok": worst < 1.5, **common},
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
