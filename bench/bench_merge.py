"""Merging at the office: 13 district bundles carrying 100,000 changes in all, imported into an empty office folder.

Data: each district laptop registers people (Thai names, tambons, phones), invites and checks them in at its
workshop, records needs, corrects some phone numbers, tombstones a few invitations, and also checks in and edits
some of the next district's people (the same attendance ids, so they merge; concurrent edits, so conflicts). The
change rows are made directly with valid HLC stamps and signed into real bundle files (one Ed25519 key per laptop),
with the people's personal fields sealed to the office's X25519 key as a laptop with a kit does (issue #8): the
office opens them on import, one AEAD call per line that has any.

Measured, in the same run:
- ``merge_import_13_bundles`` (median of 3 rounds, each into a fresh office folder, alternating with the
  baseline so both see the same machine load): ``exchange.import_bundles`` of the 13 files, from the call to its
  return: reading, verifying (signatures, hashes, every payload line), backing up, applying through the one write path in one
  transaction (committed, ``synchronous=FULL``) and the report (with the duplicate-people check).
  Baseline: a bare sqlite3 ``executemany`` of the same rows into the same tables (the 100,000 change-log rows and
  the resulting rows of every synced table, as the import left them) in one transaction on a fresh folder of the
  same schema, through ``core.db.connect`` (same pragmas). Goal (issue #5): within 3×. CPU seconds of both are
  reported too (``cpu_ratio``): on a busy machine they vary less than wall time.
- ``merge_reimport_same_bundles``: importing the same 13 files again (nothing to do). Goal: < 0.2× the first import.
- ``merge_reimport_same_changes_new_files``: the same 100,000 changes in 13 new files (other bundle ids), so every
  payload is parsed and every stamp looked up; reported against the first import, for information.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from lampang_planner.core.db import Store, connect
from lampang_planner.core.demo import FEMALE, MALE, SURNAMES, TYPE_WEIGHTS, _organisation
from lampang_planner.core.model import Attendance, Invitation, natural_id
from lampang_planner.core.qr import make_code
from lampang_planner.core.refdata import divisions
from lampang_planner.core.sync.bundle import build_bundle, read_bundle
from lampang_planner.core.sync.exchange import device_key, import_bundles
from lampang_planner.core.sync.keys import KEYS_DIRNAME, box_key_path, box_public_hex, load_box_key, pin, public_hex
from lampang_planner.core.sync.tables import TABLES

N_CHANGES = 100_000
N_BUNDLES = 13
NS = uuid.UUID("b3e7c0de-0000-4000-8000-000000000052")
ROUNDS = 5  # every figure the median of at least five samples, with its spread (bench/README.md)
BASE_WALL = 1_472_544_000_000  # 2016-08-30 08:00 (+07:00) in Unix ms


def _json(v: object) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Laptop:
    """Change-log rows as one district laptop would log them."""

    def __init__(self, k: int, quota: int) -> None:
        self.k = k
        self.id = f"{0xD15C0000 + k:016x}"
        self.name = f"ทีมอำเภอ {k + 1}"
        self.quota = quota
        self.wall = BASE_WALL + k * 86_400_000
        self.rows: list[tuple] = []
        self.stamps: dict[tuple[str, str], str] = {}

    @property
    def full(self) -> bool:
        return len(self.rows) >= self.quota

    def write(self, tbl: str, row_id: str, data: dict, parents: tuple[str, ...] = ()) -> str:
        self.wall += 1
        hlc = f"{self.wall:014d}.0000.{self.id}"
        self.rows.append((hlc, tbl, row_id, self.id, f"{self.name}/1", _json(data), _json(list(parents))))
        self.stamps.setdefault((tbl, row_id), hlc)
        return hlc


def person_id(k: int, j: int) -> str:
    return str(uuid.uuid5(NS, f"person/{k}/{j}"))


def workshop_id(k: int) -> str:
    return str(uuid.uuid5(NS, f"workshop/{k}"))


def make_rows(n_changes: int = N_CHANGES, n_bundles: int = N_BUNDLES, seed: int = 52) -> list[Laptop]:
    rng = random.Random(seed)
    dv = divisions()
    districts = sorted(dv.districts)
    tambons = {d: sorted(c for c, s in dv.subdistricts.items() if s.parent == d) for d in districts}
    types, weights = zip(*TYPE_WEIGHTS.items(), strict=True)
    laptops = [Laptop(k, n_changes // n_bundles + (1 if k < n_changes % n_bundles else 0)) for k in range(n_bundles)]
    for lap in laptops:
        k = lap.k
        dcode = districts[k % len(districts)]
        wid = workshop_id(k)
        lap.write("workshop", wid, {"title": f"เวทีประชาคม อำเภอ{dv.districts[dcode].name_th}", "deleted": False,
                                    "start_date": f"2016-09-{k + 1:02d}", "district_code": dcode, "venue": "หอประชุม"})
        nxt = (k + 1) % n_bundles
        j = 0
        while not lap.full:
            pid = person_id(k, j)
            tambon = rng.choice(tambons[dcode])
            female = rng.random() < 0.5
            ptype = rng.choices(types, weights=weights)[0]
            ins = lap.write("person", pid, {
                "code": make_code(pid), "prefix": rng.choice(("นาง", "นางสาว")) if female else "นาย",
                "first_name": rng.choice(FEMALE if female else MALE), "last_name": rng.choice(SURNAMES),
                "organisation": _organisation(rng, ptype, dv.subdistricts[tambon].name_th,
                                              dv.districts[dcode].name_th),
                "participant_type": ptype.value, "district_code": dcode, "subdistrict_code": tambon,
                "phone": "08" + "".join(rng.choice("0123456789") for _ in range(8)), "consent": True,
                "deleted": False,
            })  # fmt: skip
            iid = natural_id(Invitation, wid, pid)
            inv = lap.write("invitation", iid, {"workshop_id": wid, "person_id": pid, "deleted": False})
            if rng.random() < 0.9:
                at = f"2016-09-{k + 1:02d}T08:{rng.randrange(60):02d}:{rng.randrange(60):02d}+07:00"
                lap.write("attendance", natural_id(Attendance, wid, pid),
                          {"workshop_id": wid, "person_id": pid, "scans": {f"{k + 1}-1": at}, "deleted": False})
            if rng.random() < 0.1:
                lap.write("person", pid, {"phone": "09" + "".join(rng.choice("0123456789") for _ in range(8))}, (ins,))
            if rng.random() < 0.01:
                lap.write("invitation", iid, {"deleted": True}, (inv,))
            if j % 10 == 0:
                lap.write("need", str(uuid.uuid5(NS, f"need/{k}/{j}")), {
                    "workshop_id": wid, "district_code": dcode, "subdistrict_code": tambon,
                    "title": "ซ่อมแซมถนนเข้าหมู่บ้าน", "category": "infrastructure", "raised_by": "กลุ่ม 1",
                    "rank": j // 10 + 1, "status": "proposed", "deleted": False,
                })  # fmt: skip
            if j % 20 == 0:  # the next district's people, seen at this laptop's desk too
                other, owid = person_id(nxt, j), workshop_id(nxt)
                at = f"2016-09-{nxt + 1:02d}T07:{rng.randrange(60):02d}:00+07:00"
                lap.write("attendance", natural_id(Attendance, owid, other),
                          {"workshop_id": owid, "person_id": other, "scans": {f"{k + 1}-2": at}, "deleted": False})
                if j % 40 == 0:
                    lap.write("person", other, {"phone": "06" + "".join(rng.choice("0123456789") for _ in range(8))})
            j += 1
        del lap.rows[lap.quota :]
    return laptops


def write_bundles(laptops: list[Laptop], folder: Path, tag: str, seal_to: dict | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for lap in laptops:
        key = getattr(lap, "key", None) or Ed25519PrivateKey.generate()
        lap.key = key  # type: ignore[attr-defined]
        built = build_bundle(folder / f"{tag}-{lap.k:02d}.lpbundle", lap.rows, key=key,
                             device={"id": lap.id, "name": lap.name, "role": "laptop"}, kind="delta", seal_to=seal_to)
        paths.append(built.path)
    return paths


def office_keys(folder: Path) -> dict:
    """An office's encryption key, made once in ``folder``: every round's office folder gets a copy of it."""
    box = load_box_key(folder, create=True)
    return {"id": "office", "encryption_key": box_public_hex(box.public_key())}


def bare_baseline(office: Store, laptops: list[Laptop], folder: Path) -> tuple[float, float]:
    """executemany of the same rows into the same tables, one transaction, fresh folder, same pragmas.
    Returns (wall, cpu) seconds."""
    Store.open(folder).close()
    tables = {name: office.query(f"SELECT * FROM {name}") for name in TABLES}
    log = [r for lap in laptops for r in lap.rows]
    db = connect(folder / office.path.name)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        db.execute("BEGIN IMMEDIATE")
        db.executemany("INSERT INTO change (hlc, tbl, row_id, device, author, data, parents) VALUES (?,?,?,?,?,?,?)",
                       log)
        for name, rows in tables.items():
            if rows:
                db.executemany(f"INSERT INTO {name} VALUES ({','.join('?' * len(rows[0]))})", rows)
        db.execute("COMMIT")
        return time.perf_counter() - t0, time.process_time() - c0
    finally:
        db.close()


def run(rounds: int = ROUNDS) -> list[dict]:
    tmp = Path(tempfile.mkdtemp(prefix="lp-bench-merge-"))
    try:
        laptops = make_rows()
        assert sum(len(lap.rows) for lap in laptops) == N_CHANGES
        seal_to = office_keys(tmp / "office-keys")
        paths = write_bundles(laptops, tmp / "bundles", "d", seal_to)
        again = write_bundles(laptops, tmp / "again", "a", seal_to)
        sealed_lines = sum(read_bundle(p).sealed["lines"] for p in paths)
        firsts, bases, first_cpu, base_cpu = [], [], [], []
        for r in range(rounds):  # alternate with the baseline so both see the same machine load
            office = Store.open(tmp / f"office{r}")
            try:
                office.set_device(role="office", name="office")
                device_key(office)
                with office.transaction() as tx:  # the office enrolled its 13 laptops (issue #13)
                    for lap in laptops:
                        pin(tx.db, lap.id, public_hex(lap.key.public_key()), lap.name, "laptop")
                (office.data_dir / KEYS_DIRNAME).mkdir(exist_ok=True)
                shutil.copy(box_key_path(tmp / "office-keys"), box_key_path(office.data_dir))
                t0, c0 = time.perf_counter(), time.process_time()
                report = import_bundles(office, paths)
                firsts.append(time.perf_counter() - t0)
                first_cpu.append(time.process_time() - c0)
                wall, cpu = bare_baseline(office, laptops, tmp / f"bare{r}")
                bases.append(wall)
                base_cpu.append(cpu)
                if r < rounds - 1:
                    continue
                t0 = time.perf_counter()
                re1 = import_bundles(office, paths)
                same_files = time.perf_counter() - t0
                t0 = time.perf_counter()
                re2 = import_bundles(office, again)
                same_changes = time.perf_counter() - t0
                assert re1.added == re1.updated == re1.merged == re2.added == re2.updated == re2.merged == 0
                facts = {
                    "changes": N_CHANGES,
                    "sealed_lines": sealed_lines,
                    "bundles": N_BUNDLES,
                    "rounds": rounds,
                    "rows_added": report.added,
                    "rows_updated": report.updated,
                    "rows_merged": report.merged,
                    "conflicts": report.conflicts_open,
                    "duplicate_groups": report.duplicates,
                }
            finally:
                office.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    first, base = statistics.median(firsts), statistics.median(bases)
    return [
        {"name": "merge_import_13_bundles", "value": first, "unit": "s", "baseline": base, "ratio": first / base,
         "goal": "≤ 3× bare sqlite3 executemany of the same rows", "ok": first <= 3 * base,
         "runs": [round(x, 3) for x in firsts], "baseline_runs": [round(x, 3) for x in bases],
         "cpu_s": round(statistics.median(first_cpu), 3), "baseline_cpu_s": round(statistics.median(base_cpu), 3),
         "cpu_ratio": round(statistics.median(first_cpu) / statistics.median(base_cpu), 2), **facts},
        {"name": "merge_reimport_same_bundles", "value": same_files, "unit": "s", "baseline": first,
         "ratio": same_files / first, "goal": "< 0.2× the first import", "ok": same_files < 0.2 * first},
        {"name": "merge_reimport_same_changes_new_files", "value": same_changes, "unit": "s", "baseline": first,
         "ratio": same_changes / first, "goal": "(information)", "ok": True},
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
