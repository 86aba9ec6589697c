"""Three devices edit, delete and check people in at random and swap real bundle files at random; after everyone has
everyone's bundles they hold one database (one digest), and no write is lost: each field a write set is the value
shown, or is kept in a conflict, or was replaced by a write made on a device that had already seen it."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from merge_support import dig, enrol_all, export, new_device

from lampang_planner.core.db import Store
from lampang_planner.core.model import Attendance, natural_id
from lampang_planner.core.sync.apply import Write
from lampang_planner.core.sync.exchange import device_key, import_bundles
from lampang_planner.core.sync.tables import TABLES

N_DEVICES = 3
N_PEOPLE = 4
_TEMPLATE: dict[str, object] = {}


def template() -> dict:
    """Three devices that share a starting roster and a workshop (made once; every example copies it)."""
    if not _TEMPLATE:
        root = Path(tempfile.mkdtemp(prefix="lp-stateful-template-"))
        stores = [new_device(root / f"d{i}", f"device {i}") for i in range(N_DEVICES)]
        with stores[0].transaction() as tx:
            wid = tx.insert("workshop", {"title": "เวทีประชาคม", "start_date": "2016-09-01"})
            people = [tx.insert("person", {"first_name": f"คน{i}", "phone": f"08{i}1234567"}) for i in range(N_PEOPLE)]
        start = export(stores[0], root / "start", full=True)
        enrol_all(*stores)  # trust is given: every device has enrolled the others (issue #13)
        for s in stores:
            device_key(s)
            if s is not stores[0]:
                import_bundles(s, [start])
            s.close()
        _TEMPLATE.update(root=root, wid=wid, people=people)
    return _TEMPLATE


DEV = st.integers(0, N_DEVICES - 1)
FIELD_VALUES = {
    "phone": ("0811111111", "0822222222", "0833333333", None),
    "organisation": ("อบต.ศาลา", "เทศบาลตำบลเกาะคา", "สภาองค์กรชุมชน"),
    "position": ("ประธาน", "เลขานุการ", "สมาชิก"),
}


class Exchanging(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        t = template()
        self.tmp = Path(tempfile.mkdtemp(prefix="lp-stateful-"))
        for i in range(N_DEVICES):
            shutil.copytree(t["root"] / f"d{i}", self.tmp / f"d{i}")
        self.stores = [Store.open(self.tmp / f"d{i}") for i in range(N_DEVICES)]
        self.wid = t["wid"]
        self.people: list[str] = list(t["people"])
        self.bundles: list[Path] = []
        self.seen: dict[str, frozenset[str]] = {}  # stamp → the stamps its device held when it was written

    def teardown(self) -> None:
        try:
            if hasattr(self, "stores"):
                self.everyone_gets_everything()  # every example ends converged, checked
        finally:
            for s in getattr(self, "stores", []):
                s.close()
            if hasattr(self, "tmp"):
                shutil.rmtree(self.tmp, ignore_errors=True)

    # --- local work, as the screens do it ----------------------------------------------------------------------------

    def _stamps(self, s: Store) -> frozenset[str]:
        return frozenset(r[0] for r in s.db.execute("SELECT hlc FROM change"))

    def _local(self, d: int, work) -> None:
        s = self.stores[d]
        before = self._stamps(s)
        with s.transaction() as tx:
            work(tx)
        for h in self._stamps(s) - before:
            self.seen[h] = before

    def _live(self, d: int, tbl: str, row_id: str) -> bool:
        return self.stores[d].scalar(f"SELECT deleted FROM {tbl} WHERE id=?", (row_id,)) == 0

    @rule(
        d=DEV,
        p=st.integers(0, 20),
        change=st.dictionaries(st.sampled_from(sorted(FIELD_VALUES)), st.integers(0, 3), min_size=1, max_size=2),
    )
    def edit(self, d: int, p: int, change: dict[str, int]) -> None:
        """A form saved: one or two fields of a person changed together."""
        pid = self.people[p % len(self.people)]
        if self._live(d, "person", pid):
            fields = {f: FIELD_VALUES[f][v % len(FIELD_VALUES[f])] for f, v in change.items()}
            self._local(d, lambda tx: tx.update("person", pid, fields))

    @rule(d=DEV, p=st.integers(0, 20))
    def delete(self, d: int, p: int) -> None:
        pid = self.people[p % len(self.people)]
        if self._live(d, "person", pid):
            self._local(d, lambda tx: tx.delete("person", pid))

    @rule(d=DEV)
    def walk_in(self, d: int) -> None:
        holder: list[str] = []
        self._local(d, lambda tx: holder.append(tx.insert("person", {"first_name": "เดินเข้า", "phone": "0899999999"})))
        self.people.append(holder[0])

    @rule(d=DEV, p=st.integers(0, 20), minute=st.integers(0, 59))
    def check_in(self, d: int, p: int, minute: int) -> None:
        pid = self.people[p % len(self.people)]
        if not self._live(d, "person", pid):
            return
        aid = natural_id(Attendance, self.wid, pid)
        scans = {f"desk{d}": f"2016-09-01T08:{minute:02d}:00+07:00"}
        self._local(d, lambda tx: tx.record("attendance", aid, {"workshop_id": self.wid, "person_id": pid,
                                                                "scans": scans}))

    @rule(d=DEV, p=st.integers(0, 20))
    def undo_check_in(self, d: int, p: int) -> None:
        aid = natural_id(Attendance, self.wid, self.people[p % len(self.people)])
        if self._live(d, "attendance", aid):
            self._local(d, lambda tx: tx.delete("attendance", aid))

    # --- exchanging bundle files -------------------------------------------------------------------------------------

    @rule(d=DEV, full=st.booleans())
    def export(self, d: int, full: bool) -> None:
        self.bundles.append(export(self.stores[d], self.tmp / f"b{len(self.bundles)}", full=full))

    @rule(d=DEV, pick=st.lists(st.integers(0, 1000), min_size=1, max_size=3))
    def import_(self, d: int, pick: list[int]) -> None:
        if self.bundles:
            import_bundles(self.stores[d], [self.bundles[i % len(self.bundles)] for i in pick])

    @invariant()
    def clocks_run_past_every_stamp_held(self) -> None:
        for s in getattr(self, "stores", []):
            newest = s.scalar("SELECT MAX(hlc) FROM change") or ""
            assert s.clock.last[:19] >= newest[:19]

    # --- the end: everyone gets everything ---------------------------------------------------------------------------

    @rule()
    def everyone_gets_everything(self) -> None:
        finals = [export(s, self.tmp / f"final{len(self.bundles)}-{i}", full=True) for i, s in enumerate(self.stores)]
        self.bundles += finals
        for s in self.stores:
            import_bundles(s, finals)
        digests = {dig(s) for s in self.stores}
        assert len(digests) == 1, "devices holding the same bundles disagree"
        for s in self.stores:  # and importing everything again changes nothing
            r = import_bundles(s, self.bundles)
            assert r.added == r.updated == r.merged == 0
        assert {dig(s) for s in self.stores} == digests
        self._nothing_lost(self.stores[0])

    def _nothing_lost(self, s: Store) -> None:
        writes = [Write.from_log(r) for r in s.db.execute(
            "SELECT hlc, tbl, row_id, device, author, data, parents FROM change")]
        by_row: dict[tuple[str, str], list[Write]] = {}
        for w in writes:
            by_row.setdefault((w.tbl, w.row_id), []).append(w)
        conflicts = {(r[0], r[1]) for r in s.db.execute("SELECT loser_hlc, field FROM conflict")}
        for (tbl, rid), ws in by_row.items():
            spec = TABLES[tbl]
            row = dict(zip(spec.columns, s.db.execute(f"SELECT * FROM {tbl} WHERE id=?", (rid,)).fetchone(),
                           strict=True))
            clocks = json.loads(row["clocks"])
            for w in ws:
                for f, v in w.data.items():
                    if spec.merge.get(f) == "map_min":
                        final = json.loads(row[f] or "{}")
                        assert all(k in final and final[k] <= t for k, t in (v or {}).items()), (w, final)
                        continue
                    shown = row[f] if f != "deleted" else bool(row[f])
                    replaced = any(f in o.data and w.hlc in self.seen.get(o.hlc, ()) for o in ws if o is not w)
                    assert (
                        clocks.get(f) == w.hlc or (w.hlc, f) in conflicts or shown == v or replaced
                    ), f"lost: {tbl}.{f}={v!r} from {w.hlc} (shown {shown!r})"


Exchanging.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestExchanging = Exchanging.TestCase
