"""Realistic synthetic data at scale: 100,000 people with Thai names spread over the province's tambons, workshops,
invitations and (optionally) attendance, written through the real write path.

    python bench/generate.py --people 100000 --out /tmp/lp-100k
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

from lampang_planner.core.db import Store
from lampang_planner.core.demo import FEMALE, MALE, SURNAMES, TYPE_WEIGHTS, _organisation
from lampang_planner.core.model import Attendance, Invitation, natural_id, new_id
from lampang_planner.core.qr import make_code
from lampang_planner.core.refdata import divisions

BATCH = 5000


def make_database(folder: Path, n_people: int = 100_000, n_attendance: int = 0, seed: int = 1) -> dict:
    """Fill an empty folder; returns {"workshops": [...ids], "people": [...ids]}."""
    rng = random.Random(seed)
    dv = divisions()
    tambons = sorted(dv.subdistricts)
    types, weights = zip(*TYPE_WEIGHTS.items(), strict=True)
    store = Store.open(folder)
    try:
        workshops = []
        with store.transaction(author="bench") as tx:
            for k, dcode in enumerate(sorted(dv.districts)):
                workshops.append(
                    tx.insert(
                        "workshop",
                        {
                            "title": f"เวทีประชาคม อำเภอ{dv.districts[dcode].name_th} ครั้งที่ {k + 1}",
                            "start_date": dt.date(2026, 1, 5) + dt.timedelta(days=k),
                            "district_code": dcode,
                            "venue": "หอประชุมอำเภอ",
                        },
                    )
                )
        people: list[str] = []
        codes: set[str] = set()
        for start in range(0, n_people, BATCH):
            with store.transaction(author="bench") as tx:
                for _ in range(start, min(n_people, start + BATCH)):
                    pid = new_id()
                    salt = 0
                    while (code := make_code(pid, salt=salt)) in codes:
                        salt += 1
                    codes.add(code)
                    tambon = rng.choice(tambons)
                    sub = dv.subdistricts[tambon]
                    female = rng.random() < 0.5
                    ptype = rng.choices(types, weights=weights)[0]
                    tx.insert(
                        "person",
                        {
                            "code": code,
                            "prefix": rng.choice(("นาง", "นางสาว")) if female else "นาย",
                            "first_name": rng.choice(FEMALE if female else MALE),
                            "last_name": rng.choice(SURNAMES),
                            "organisation": _organisation(rng, ptype, sub.name_th, dv.districts[sub.parent].name_th),
                            "participant_type": ptype.value,
                            "district_code": sub.parent,
                            "subdistrict_code": tambon,
                            "phone": "08" + "".join(rng.choice("0123456789") for _ in range(8)),
                            "consent": True,
                        },
                        pid,
                    )
                    people.append(pid)
                    wid = workshops[len(people) % len(workshops)]
                    tx.insert("invitation", {"workshop_id": wid, "person_id": pid}, natural_id(Invitation, wid, pid))
        base = dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
        for start in range(0, n_attendance, BATCH):
            with store.transaction(author="bench") as tx:
                for i in range(start, min(n_attendance, start + BATCH)):
                    pid = people[i]
                    wid = workshops[(i + 1) % len(workshops)]
                    at = (base + dt.timedelta(seconds=i)).isoformat()
                    tx.insert(
                        "attendance",
                        {"workshop_id": wid, "person_id": pid, "scans": {"1": at}},
                        natural_id(Attendance, wid, pid),
                    )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return {"workshops": workshops, "people": people}
    finally:
        store.close()


def cached_database(n_people: int = 100_000, n_attendance: int = 0, seed: int = 1) -> Path:
    """A data folder with this data, made once and kept under $LAMPANG_BENCH_CACHE (default: the temp folder), so
    several benchmarks share it. Treat it as read-only: copy it (:func:`private_copy`) before writing to it."""
    import fcntl
    import hashlib
    import json
    import os
    import shutil
    import tempfile

    from lampang_planner.core.db import known_revisions

    root = Path(os.environ.get("LAMPANG_BENCH_CACHE") or Path(tempfile.gettempdir()) / "lampang-bench")
    # the schema chain in the name: a folder made by another version would be upgraded (and backed up) by every
    # reader, or (same head, another chain) lack tables
    chain = hashlib.sha256("/".join(known_revisions()).encode()).hexdigest()[:8]
    folder = root / f"p{n_people}-a{n_attendance}-s{seed}-r{chain}"
    done = folder / "bench-ids.json"
    if done.is_file():
        return folder
    root.mkdir(parents=True, exist_ok=True)
    # one maker per folder: benchmarks run by several people at once on one machine wait for the first maker
    # instead of deleting its half-made folder
    with open(root / f"{folder.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            ids = make_database(folder, n_people, n_attendance, seed)
            done.write_text(json.dumps(ids))
    return folder


def private_copy(source: Path, target: Path) -> Path:
    """A copy of a :func:`cached_database` folder to write to (or open in the window, which writes its settings,
    keys and write-ahead log): its database through SQLite's backup (a consistent copy, whatever another reader of
    the shared folder is doing), and its ids. Returns ``target``."""
    import shutil
    import sqlite3

    from lampang_planner.core.paths import DB_FILENAME

    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    src = sqlite3.connect(f"file:{source / DB_FILENAME}?mode=ro", uri=True)
    dst = sqlite3.connect(target / DB_FILENAME)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    shutil.copyfile(source / "bench-ids.json", target / "bench-ids.json")
    return target


def cached_ids(folder: Path) -> dict:
    """The workshop and person ids of a :func:`cached_database` folder."""
    import json

    return json.loads((folder / "bench-ids.json").read_text())


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--people", type=int, default=100_000)
    p.add_argument("--attendance", type=int, default=0)
    p.add_argument("--out", type=Path, required=True)
    a = p.parse_args()
    make_database(a.out, a.people, a.attendance)
    print(f"wrote {a.people} people to {a.out}")


if __name__ == "__main__":
    main()
