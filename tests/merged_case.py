"""The merged-person case shared by the core and window tests: one walk-in invited on two laptops, merged at the
office, then checked in by a laptop that had not heard of the merge (its bundle reaches the office afterwards)."""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "core"))

from merge_support import export, office_and_laptops

from lampang_planner.core.db import Store
from lampang_planner.core.ops.checkin import check_in
from lampang_planner.core.ops.duplicates import merge_people
from lampang_planner.core.ops.people import add_person, get_person
from lampang_planner.core.sync.exchange import import_bundles

WALK_IN = {"prefix": "นาย", "first_name": "บุญเรือง", "last_name": "อินต๊ะ", "subdistrict_code": "520303",
           "phone": "0812345678"}  # fmt: skip
LATE_SCAN, LATE_DESK = "2016-08-30T09:12:00+07:00", "ประตู 2"


@dataclass
class MergedCase:
    office: Store
    laptops: tuple[Store, Store]
    workshop_id: str
    survivor: str
    merged_away: str


_BUILT: list[tuple[Path, tuple[str, str, str]]] = []  # this process's case: its folders, workshop, survivor, gone
_FOLDERS = ("office", "a", "b")


def merged_case(folder: Path) -> MergedCase:
    """The case in ``folder``: copies of the three data folders of the case as :func:`build` made it once in this test
    process (with their keys, backups and clocks), so each test changes its own copies; the caller closes the stores
    (:func:`close`)."""
    if not _BUILT:
        root = Path(tempfile.mkdtemp(prefix="lampang-merged-case-"))
        atexit.register(shutil.rmtree, root, True)
        case = build(root)
        close(case)
        _BUILT.append((root, (case.workshop_id, case.survivor, case.merged_away)))
    root, (wid, survivor, gone) = _BUILT[0]
    for name in _FOLDERS:
        shutil.copytree(root / name, folder / name)
    office, a, b = (Store.open(folder / name, create=False) for name in _FOLDERS)
    return MergedCase(office, (a, b), wid, survivor, gone)


def build(folder: Path) -> MergedCase:
    """Build the case under ``folder``; the caller closes the stores (:func:`close`)."""
    office, a, b, wid = office_and_laptops(folder)
    pa, pb = (add_person(s, WALK_IN, workshop_id=wid) for s in (a, b))
    import_bundles(office, [export(a, folder / "a-out"), export(b, folder / "b-out")])
    survivor = merge_people(office, [pa, pb])
    gone = pb if survivor == pa else pa
    laptop = b if gone == pb else a
    result = check_in(
        laptop, wid, get_person(laptop, gone)["code"], at=LATE_SCAN, desk=LATE_DESK
    )  # not knowing of the merge
    assert result.kind == "checked-in"
    import_bundles(office, [export(laptop, folder / "late")])
    return MergedCase(office, (a, b), wid, survivor, gone)


def close(case: MergedCase) -> None:
    for s in (case.office, *case.laptops):
        s.close()
