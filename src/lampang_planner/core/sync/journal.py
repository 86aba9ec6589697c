"""An import's before-import backup as an undo journal: what the import changed, not a copy of the whole folder.

A full copy of the database before every import cost what the database weighs (25.7 of 50.6 s into an office of
500,000 people, issue #13). The journal costs what the import writes. While an import runs, temporary triggers on
its own connection record, **in the same transaction as each chunk it commits** (so a kill at any instant leaves a
journal that matches what was committed):

- the rowid range each chunk inserted into each table (``hi`` set; SQLite gives a new row the largest rowid + 1, and
  nobody else writes while the chunk holds the write lock, so the range holds that chunk's rows only);
- every row the import updated or deleted, as it was before (``image``: the columns in table order, as JSON; a REAL
  as 17 significant digits, a BLOB as ``{"blob": hex}``).

When the import ends, the journal is written to ``backups/`` (temporary name, fsync, rename: the
``…-before-import.undo.sqlite3`` file the report names) and removed from the database. A journal left by a killed
import is written out by the next import (:func:`export_leftovers`). :func:`undo` takes an import out again, from the
file or, inside an import (a refused file, a cancel), from the database: the writes it logged leave the change log,
local tables (``bundle_log``, ``trusted_device``, settings, …) get their rows back as they were, and every synced
row it touched is folded again from the writes that remain (:func:`.apply.rebuild_rows`) — so a check-in another
program made while the import ran is kept, and the clock never goes back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import secrets
import sqlite3
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lampang_planner.core.atomic import atomic_path, is_disk_failure, make_private_dir, storage_error
from lampang_planner.core.errors import UserError
from lampang_planner.core.folder import SQLITE_SIDE_FILES
from lampang_planner.core.paths import BACKUP_DIRNAME
from lampang_planner.core.sync.apply import rebuild_rows
from lampang_planner.core.sync.bundle import STAMP_PREFIX
from lampang_planner.core.sync.tables import TABLES
from lampang_planner.core.write_turns import immediate

if TYPE_CHECKING:
    from lampang_planner.core.db import Store

SUFFIX = "-before-import.undo.sqlite3"
RESTORED_SUFFIX = "-before-import.undone.sqlite3"  # a journal applied already: kept to read, never applied twice
_NOT_JOURNALED = ("import_run", "import_undo", "alembic_version")
_ENTRY = "SELECT seq, tbl, rid, hi, image FROM import_undo WHERE import_id=? AND seq>? ORDER BY seq"


@dataclass(frozen=True)
class Entry:
    seq: int
    tbl: str
    rid: int  # a pre-image's rowid, or the first rowid of an inserted range
    hi: int | None  # the last rowid of an inserted range; None for a pre-image
    image: str | None


def _tables(db: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {
        t: tuple(c[1] for c in db.execute(f'PRAGMA table_info("{t}")'))
        for t in sorted(names)
        if t not in _NOT_JOURNALED
    }


def _value_sql(col: str) -> str:
    v = f'OLD."{col}"'
    return (f"CASE typeof({v}) WHEN 'real' THEN printf('%.17g', {v}) "
            f"WHEN 'blob' THEN json_object('blob', hex({v})) ELSE {v} END")  # fmt: skip


_RUNNING = "temp.lp_undo_running"


def _install(db: sqlite3.Connection, tables: dict[str, tuple[str, ...]]) -> None:
    """The journal's triggers on ``db`` for ``tables`` as they are now: the name of each holds a hash of its image's
    columns, so a trigger of a table whose columns changed since it was made is replaced."""
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_RUNNING.split('.')[1]} (import_id TEXT NOT NULL)")
    have = {r[0] for r in db.execute("SELECT name FROM temp.sqlite_master WHERE type='trigger'")}
    want: dict[str, str] = {}
    for t, cols in tables.items():
        image = f"json_array({', '.join(_value_sql(c) for c in ('rowid', *cols))})"
        for event in ("UPDATE", "DELETE"):
            name = f"lp_undo_{event[0].lower()}_{t}_{zlib.crc32(image.encode()):08x}"
            want[name] = (
                f'CREATE TEMP TRIGGER "{name}" AFTER {event} ON main."{t}" BEGIN INSERT INTO import_undo '
                f"(import_id, tbl, rid, image) SELECT import_id, '{t}', OLD.rowid, {image} FROM {_RUNNING}; END"
            )
    for name in sorted(n for n in have - want.keys() if n.startswith("lp_undo_")):
        db.execute(f'DROP TRIGGER IF EXISTS temp."{name}"')
    for name in sorted(want.keys() - have):
        db.execute(want[name])


class Recorder:
    """The journal of one running import on one connection (see the module docstring)."""

    def __init__(self, db: sqlite3.Connection, import_id: str) -> None:
        self.db = db
        self.id = import_id
        self.tables = _tables(db)
        self._before: dict[str, int] = {}

    @classmethod
    @contextlib.contextmanager
    def recording(cls, db: sqlite3.Connection, files: Sequence[str]) -> Iterator[Recorder]:
        """Journal what ``db`` (this import's connection only) changes until the end of the ``with``. The temporary
        triggers stay on the connection from its first import on (made and dropped at each import they cost ~10 ms,
        48 statements parsed, and every statement the connection had prepared was parsed again after): between two
        imports they journal nothing, copying the rows of ``temp.lp_undo_running``, which holds the running import's
        id only while it runs."""
        rec = cls(db, secrets.token_hex(8))
        rec._files = json.dumps(list(files), ensure_ascii=False)
        _install(db, rec.tables)
        db.execute(f"DELETE FROM {_RUNNING}")
        db.execute(f"INSERT INTO {_RUNNING} (import_id) VALUES (?)", (rec.id,))
        try:
            yield rec
        finally:
            with contextlib.suppress(sqlite3.Error):
                db.execute(f"DELETE FROM {_RUNNING}")

    def _tops(self) -> dict[str, int]:
        return {t: self.db.execute(f'SELECT IFNULL(MAX(rowid), 0) FROM "{t}"').fetchone()[0] for t in self.tables}

    def begin_chunk(self) -> None:
        """Inside the chunk's transaction, before it writes."""
        self._before = self._tops()
        self.db.execute(
            "INSERT INTO import_run (id, started_at, files) VALUES (?,?,?) ON CONFLICT(id) DO NOTHING",
            (self.id, dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f"), self._files),
        )

    def end_chunk(self) -> None:
        """Inside the chunk's transaction, after its writes: the rowid ranges it inserted."""
        after = self._tops()
        ranges = [(self.id, t, self._before[t] + 1, top) for t, top in after.items() if top > self._before[t]]
        self.db.executemany("INSERT INTO import_undo (import_id, tbl, rid, hi) VALUES (?,?,?,?)", ranges)

    def mark(self) -> int:
        """The journal's position now: :func:`undo` ``since`` it takes out what was committed after."""
        return int(self.db.execute("SELECT IFNULL(MAX(seq), 0) FROM import_undo").fetchone()[0])

    def entries(self, since: int = 0) -> list[Entry]:
        return [Entry(*r) for r in self.db.execute(_ENTRY, (self.id, since))]


# --- undoing -------------------------------------------------------------------------------------------------------


def _decode(image: str) -> list:
    return [bytes.fromhex(v["blob"]) if isinstance(v, dict) else v for v in json.loads(image)]


def _in_ranges(ranges: dict[str, list[tuple[int, int]]], tbl: str, rid: int) -> bool:
    return any(lo <= rid <= hi for lo, hi in ranges.get(tbl, ()))


def undo(
    db: sqlite3.Connection,
    entries: Sequence[Entry],
    columns: dict[str, tuple[str, ...]],
    step: Callable[[int, int], None] | None = None,
) -> tuple[int, str]:
    """Take the journaled changes out, inside the caller's transaction (see the module docstring). ``columns``: the
    journaled tables' columns when the journal was written. Returns how many change-log writes left and the clock
    the folder keeps: as before the import, but never behind a stamp still in the log (the caller loads it).
    ``step(done, total)`` is told as each synced table's rows are folded again (the longest part)."""
    ranges: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for e in entries:
        if e.hi is not None:
            ranges[e.tbl].append((e.rid, e.hi))
    touched = _inserted_rows(db, ranges)
    removed = 0
    for tbl, spans in ranges.items():
        if tbl in columns and tbl not in TABLES:
            for lo, hi in spans:
                n = db.execute(f'DELETE FROM "{tbl}" WHERE rowid BETWEEN ? AND ?', (lo, hi)).rowcount
                removed += n if tbl == "change" else 0
    for e in reversed(entries):  # the oldest image of a row is put back last: it is what the row was before
        if e.hi is not None or e.tbl not in columns or _in_ranges(ranges, e.tbl, e.rid):
            continue
        values = _decode(e.image or "[]")
        cols = ("rowid", *columns[e.tbl])
        if e.tbl in TABLES:
            touched[e.tbl].add(values[cols.index("id")])
            continue
        db.execute(f'INSERT OR REPLACE INTO "{e.tbl}" ({",".join(cols)}) VALUES ({",".join("?" * len(cols))})', values)
        if e.tbl == "change":
            touched[values[2]].add(values[3])  # rowid, hlc, tbl, row_id, …: a scrubbed write back as it was
    synced = [(tbl, ids) for tbl, ids in touched.items() if tbl in TABLES]
    for i, (tbl, ids) in enumerate(synced):
        if step is not None:
            step(i, len(synced))
        rebuild_rows(db, tbl, ids)
    return removed, _kept_clock(db, min((lo for lo, _hi in ranges.get("change", ())), default=None))


def _inserted_rows(db: sqlite3.Connection, ranges: dict[str, list[tuple[int, int]]]) -> dict[str, set[str]]:
    """The synced rows written by the journaled change-log lines and inserted in the journaled ranges."""
    touched: dict[str, set[str]] = defaultdict(set)
    for lo, hi in ranges.get("change", ()):
        for tbl, row_id in db.execute("SELECT tbl, row_id FROM change WHERE rowid BETWEEN ? AND ?", (lo, hi)):
            touched[tbl].add(row_id)
    for tbl in TABLES:
        for lo, hi in ranges.get(tbl, ()):
            touched[tbl].update(r[0] for r in db.execute(f"SELECT id FROM {tbl} WHERE rowid BETWEEN ? AND ?", (lo, hi)))
    return touched


def _kept_clock(db: sqlite3.Connection, since_rowid: int | None) -> str:
    """The device's clock as put back, or, if later, the newest stamp another program logged while the import ran
    (with this device's id): the clock never goes behind a stamp it has handed out."""
    clock, device = db.execute("SELECT IFNULL(clock, ''), id FROM device").fetchone()
    if since_rowid is None:
        return clock
    newest = db.execute("SELECT MAX(hlc) FROM change WHERE rowid>=?", (since_rowid,)).fetchone()[0] or ""
    prefix = STAMP_PREFIX
    if newest[:prefix] > clock[:prefix]:
        return newest[:prefix] + device
    return clock


def undo_running(db: sqlite3.Connection, rec: Recorder, since: int = 0) -> str:
    """Inside an import (its own transaction): take out what ``rec`` journaled after ``since`` and forget it."""
    db.execute("PRAGMA defer_foreign_keys=ON")
    _removed, clock = undo(db, rec.entries(since), rec.tables)
    db.execute("DELETE FROM import_undo WHERE import_id=? AND seq>?", (rec.id, since))
    return clock


# --- the file in backups/ ------------------------------------------------------------------------------------------


def _file_name(db_path: Path, started_at: str, import_id: str) -> Path:
    return db_path.parent / BACKUP_DIRNAME / f"{db_path.stem}-{started_at}-{import_id}{SUFFIX}"


def export(db: sqlite3.Connection, db_path: Path, import_id: str, device_id: str) -> Path | None:
    """Write the journal of ``import_id`` to its file in ``backups/`` (temporary name, fsync, rename) and remove it
    from the database. Returns the file (None when that import journaled nothing)."""
    run = db.execute("SELECT started_at, files FROM import_run WHERE id=?", (import_id,)).fetchone()
    if run is None:
        return None
    target = _file_name(db_path, run[0], import_id)
    folder = target.parent
    try:
        make_private_dir(folder)
        with atomic_path(target, mode=0o600) as tmp:
            out = sqlite3.connect(tmp, isolation_level=None)
            try:
                out.execute("BEGIN")
                out.execute("CREATE TABLE run (id, device_id, started_at, files, columns)")
                out.execute("CREATE TABLE undo (seq INTEGER PRIMARY KEY, tbl, rid, hi, image)")
                out.execute("INSERT INTO run VALUES (?,?,?,?,?)",
                            (import_id, device_id, run[0], run[1], json.dumps(_tables(db))))
                cur = db.execute(_ENTRY, (import_id, 0))
                while rows := cur.fetchmany(2000):
                    out.executemany("INSERT INTO undo VALUES (?,?,?,?,?)", rows)
                out.execute("COMMIT")
            finally:
                out.close()
                for side in SQLITE_SIDE_FILES:
                    with contextlib.suppress(OSError):
                        Path(f"{tmp}{side}").unlink()
    except (OSError, sqlite3.Error) as exc:
        if isinstance(exc, OSError) or is_disk_failure(exc):
            raise storage_error(exc, folder) from exc
        raise
    with immediate(db, db_path):  # a full disk here is a sentence too; the file above stays restorable
        db.execute("DELETE FROM import_undo WHERE import_id=?", (import_id,))
        db.execute("DELETE FROM import_run WHERE id=?", (import_id,))
    return target


def export_leftovers(db: sqlite3.Connection, db_path: Path, device_id: str) -> list[Path]:
    """Journals a killed import left in the database, written out to ``backups/`` (each restorable as usual)."""
    ids = [r[0] for r in db.execute("SELECT id FROM import_run ORDER BY started_at")]
    return [p for i in ids if (p := export(db, db_path, i, device_id)) is not None]


def forget(db: sqlite3.Connection, import_id: str) -> None:
    """An import that was taken out again (refused, cancelled): its journal is of no use."""
    db.execute("DELETE FROM import_undo WHERE import_id=?", (import_id,))
    db.execute("DELETE FROM import_run WHERE id=?", (import_id,))


@dataclass(frozen=True)
class Restored:
    import_id: str
    files: tuple[str, ...]
    writes_removed: int


def read_file(path: Path) -> tuple[dict, list[Entry]]:
    try:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            run = src.execute("SELECT id, device_id, started_at, files, columns FROM run").fetchone()
            entries = [Entry(*r) for r in src.execute("SELECT seq, tbl, rid, hi, image FROM undo ORDER BY seq")]
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise UserError(
            f"ไฟล์สำรองก่อนนำเข้าเสียหายหรือไม่ใช่ไฟล์ของโปรแกรมนี้: {path.name}",
            f"The before-import backup is damaged or not ours: {path.name} ({exc})",
            code="corrupt",
        ) from exc
    if run is None:
        raise UserError(f"ไฟล์สำรองว่างเปล่า: {path.name}", f"The before-import backup is empty: {path.name}",
                        code="corrupt")
    keys = ("id", "device_id", "started_at", "files", "columns")
    meta = dict(zip(keys, run, strict=True))
    meta["files"], meta["columns"] = json.loads(meta["files"]), {k: tuple(v) for k, v in json.loads(meta["columns"]).items()}
    return meta, entries


def later_writes(db: sqlite3.Connection, entries: Sequence[Entry]) -> int:
    """Change-log writes made after the journaled import (by anyone)."""
    tops = [e.hi for e in entries if e.tbl == "change" and e.hi is not None]
    if not tops:
        return 0
    return int(db.execute("SELECT COUNT(*) FROM change WHERE rowid>?", (max(tops),)).fetchone()[0])


def restore(
    store: Store,
    path: str | Path,
    *,
    keep_later: bool = False,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
) -> Restored:
    """Take the import whose before-import backup is ``path`` out of the folder, in one transaction (see the module
    docstring). Refused when the folder has writes made after that import, unless ``keep_later``: those then stay
    (rows are folded again from what remains). The file is renamed ``…-before-import.undone.sqlite3`` so it cannot
    be applied twice. ``progress(done, total)`` follows the tables folded again; ``check`` (raises to cancel) is
    called once the file is read, before anything is written."""
    path = Path(path)
    if not path.name.endswith(SUFFIX):
        raise UserError(
            f"ไม่ใช่ไฟล์สำรองก่อนนำเข้าที่ยังย้อนกลับได้: {path.name}",
            f"Not a before-import backup that can still be undone: {path.name}",
            code="not-undo",
        )
    meta, entries = read_file(path)
    if meta["device_id"] != store.device_id:
        raise UserError(
            f"ไฟล์สำรอง {path.name} เป็นของโฟลเดอร์ข้อมูลอื่น ไม่ใช่ของเครื่องนี้",
            f"The before-import backup {path.name} belongs to another data folder, not this one",
            code="other-folder",
        )
    later = later_writes(store.db, entries)
    if later and not keep_later:
        raise UserError(
            f"มีการบันทึกข้อมูลอีก {later:,} รายการหลังการนำเข้านี้ ยังไม่ได้ย้อนกลับ "
            "(เลือกให้เก็บรายการเหล่านั้นไว้ หากต้องการย้อนกลับการนำเข้า)",
            f"{later:,} changes were written after this import; nothing was undone (choose to keep them to take the "
            "import out anyway)",
            code="written-after",
        )
    if check is not None:
        check()
    with store.transaction() as tx:
        tx.db.execute("PRAGMA defer_foreign_keys=ON")
        removed, clock = undo(tx.db, entries, meta["columns"], progress)
        if clock:
            store.clock.load(clock)
    with contextlib.suppress(OSError):
        path.replace(path.with_name(path.name.removesuffix(SUFFIX) + RESTORED_SUFFIX))
    if progress is not None:
        progress(1, 1)
    return Restored(meta["id"], tuple(meta["files"]), removed)
