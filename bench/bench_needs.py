"""Recording needs and votes on a big data folder: what the facilitator waits for after pressing Enter.

Data: a demo folder plus 10,000 needs (100 per tambon, titles drawn from a pool of 60 Thai phrases so that many look
alike), made once per run in a temporary folder.
Measured, each the median over repeated calls:
- ``add_need`` (validation, category check, next rank, the need and its first status change, committed);
  baseline in the same run: a bare sqlite3 INSERT of a need row and a status row and COMMIT on a second connection
  with the same settings. Goal: within 5× of the bare figure, p99 under 30 ms.
- ``similar_needs`` for a new title in a tambon already holding 100 needs (the check the entry form runs as the title
  is typed); baseline: reading those 100 titles with one SELECT. Goal: under 50 ms.
- ``record_vote`` by show of hands at the 600-person main workshop (quorum recount included); baseline: the bare
  ``SELECT COUNT(*)`` of its attendance. Goal: under 30 ms.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from lampang_planner.core.db import Store, connect
from lampang_planner.core.demo import load_demo
from lampang_planner.core.ops import needs as N
from lampang_planner.core.ops import resolutions as R
from lampang_planner.core.refdata import divisions
from lampang_planner.core.vocabulary import DEFAULT_NEED_CATEGORIES

PHRASES = (
    "ซ่อมแซมถนน สร้างฝาย ขุดลอกลำเหมือง ไฟส่องสว่าง ประปาหมู่บ้าน ตลาดชุมชน ศูนย์ผู้สูงอายุ ห้องสมุด ลานกีฬา "
    "กองทุนสวัสดิการ ป่าชุมชน ขยะ หมอกควัน ฝึกอาชีพ ผ้าทอ เซรามิก เกษตรอินทรีย์ ปุ๋ยหมัก ธนาคารน้ำใต้ดิน กล้องวงจรปิด"
).split()
PLACES = "บ้านนา บ้านดง บ้านทุ่ง สายหลัก ทางเข้าวัด หน้าโรงเรียน".split()
REPEAT = 60


def _title(rng: random.Random) -> str:
    return f"{rng.choice(PHRASES)}{rng.choice(PLACES)} {rng.choice(PHRASES)}"


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


def run() -> list[dict]:
    rng = random.Random(4)
    keys = [k for k, _th, _en in DEFAULT_NEED_CATEGORIES]
    tambons = sorted(divisions().subdistricts)
    with tempfile.TemporaryDirectory(prefix="lp-bench-needs-") as tmp:
        store = Store.open(Path(tmp) / "data")
        load_demo(store)
        wid = store.scalar("SELECT id FROM workshop WHERE district_code='5202'")
        with store.transaction() as tx:
            for i in range(10_000):
                N.add_need_in(tx, {"subdistrict_code": tambons[i % len(tambons)], "title": _title(rng),
                                   "category": keys[i % len(keys)]}, on="2016-09-01")
        bare = connect(store.path)
        core_ms, bare_ms = [], []
        for k in range(REPEAT):
            t0 = time.perf_counter()
            N.add_need(store, {"workshop_id": wid, "subdistrict_code": "520201", "title": _title(rng),
                               "category": keys[k % len(keys)], "group_name": "กลุ่ม 1"})
            core_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            bare.execute("BEGIN IMMEDIATE")
            nid = f"bench-{k}"
            bare.execute("INSERT INTO need (id, origin_device, hlc, deleted, clocks, workshop_id, subdistrict_code, "
                         "title, category, status) VALUES (?, 'b', '', 0, '{}', ?, '520201', ?, 'water', 'proposed')",
                         (nid, wid, _title(rng)))
            bare.execute("INSERT INTO need_status_change (id, origin_device, hlc, deleted, clocks, need_id, status) "
                         "VALUES (?, 'b', '', 0, '{}', ?, 'proposed')", (nid + "-s", nid))
            bare.execute("COMMIT")
            bare_ms.append((time.perf_counter() - t0) * 1000)

        tambon = tambons[7]
        sim_ms, read_ms = [], []
        for _ in range(REPEAT):
            title = _title(rng)
            t0 = time.perf_counter()
            N.similar_needs(store, tambon, title)
            sim_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            store.db.execute("SELECT id, title FROM need WHERE deleted=0 AND subdistrict_code=?", (tambon,)).fetchall()
            read_ms.append((time.perf_counter() - t0) * 1000)

        main = store.scalar("SELECT id FROM workshop WHERE start_date='2016-08-25'")
        (res,) = R.list_resolutions(store)
        clause = R.list_clauses(store, res.id)[0].id
        vote_ms, count_ms = [], []
        for k in range(REPEAT // 2):
            t0 = time.perf_counter()
            R.record_vote(store, main, clause, for_count=400 + k, against_count=100, abstain_count=50)
            vote_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            store.db.execute("SELECT COUNT(*) FROM attendance WHERE workshop_id=? AND deleted=0", (main,)).fetchone()
            count_ms.append((time.perf_counter() - t0) * 1000)
        bare.close()
        store.close()

    def row(name: str, values: list[float], base: list[float], goal: str, ok: bool) -> dict:
        value, baseline = statistics.median(values), statistics.median(base)
        return {"name": name, "value": round(value, 3), "unit": "ms", "baseline": round(baseline, 3),
                "ratio": round(value / baseline, 2) if baseline else None, "goal": goal, "ok": ok}

    add_med, add_base = statistics.median(core_ms), statistics.median(bare_ms)
    return [
        row("needs: add_need median (10k needs)", core_ms, bare_ms, "≤5× bare insert+commit, p99 < 30 ms",
            add_med <= 5 * add_base and _p99(core_ms) < 30),
        row("needs: add_need p99 (10k needs)", [_p99(core_ms)], [_p99(bare_ms)], "< 30 ms", _p99(core_ms) < 30),
        row("needs: similar_needs in a tambon of 100", sim_ms, read_ms, "< 50 ms", statistics.median(sim_ms) < 50),
        row("resolutions: record_vote, 600 present", vote_ms, count_ms, "< 30 ms", statistics.median(vote_ms) < 30),
    ]
