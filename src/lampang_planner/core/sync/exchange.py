"""Exporting and importing bundles: what the command line and the Exchange screen share (DESIGN.md §4).

Export: the changes since this folder's last export (``delta``), or everything (``full``; from an office, a ``kit``),
as one signed bundle file that appears atomically. The export is logged in ``bundle_log`` with the change log's
highest rowid it covered, so the next delta starts after it.

Personal data on the stick (issue #8, :mod:`.seal`): a laptop that knows its office's encryption key (from the kit)
seals the personal fields of its bundles to the office, always. A laptop without that key refuses to export a bundle
holding personal values (``clear-personal``, no file written) unless told to write them in clear (``clear``) or
under a passphrase; a bundle with no personal value in it (check-ins, votes, needs without names…) has nothing to
protect and is exported as usual. ``clear`` also turns sealing off on a laptop that has the key (an explicit choice,
e.g. to hand a bundle to another laptop, which cannot open sealed fields). The office's own bundles are never
sealed (laptops could not open them); a ``passphrase`` protects the whole payload of any bundle, meant for kits.

Import, for one or many files:

1. **verify** every file (container, versions, signature, payload hash, payload shape — :mod:`.bundle`) and the
   signer (trust on first sight, impostors refused — :mod:`.keys`; kit rules — :mod:`.kits`); open a protected
   payload with the ``passphrase`` and sealed personal fields with the office's key (a folder that is not the office
   refuses a bundle with sealed fields; a wrong passphrase or an altered ciphertext is refused). Nothing is written
   for a refused file; by default any refused file refuses the whole import (``skip_refused`` imports the others);
2. **back up** what the import changes as it goes: an undo journal committed with each chunk (:mod:`.journal`),
   written to ``backups/`` when the import ends — its cost follows the bundle, not the folder;
3. **apply** every new bundle through the one write path (``Tx.apply_remote``: per-field last-writer-wins, facts
   merged, tombstones, conflicts derived, the local clock advanced past every stamp) in chunks of one transaction
   each (another program waits one chunk at most); the last chunk pins the signers' keys, adopts the kit's office,
   records its encryption key and logs the bundles. A refused file or a cancel takes out what was committed (from
   the journal); a power cut leaves whole chunks that a re-import completes, never a bundle logged but not applied;
4. **report** what was added, updated, merged, unchanged, which conflicts are open, clock skew over 24 hours, and
   possible duplicate people among those the import touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.dbstats import refresh_statistics
from lampang_planner.core.errors import UserError
from lampang_planner.core.paths import BACKUP_DIRNAME
from lampang_planner.core.privacy.forget import forget_after_import
from lampang_planner.core.privacy.pin import OfficePass, authorise_office
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import journal, keys, kits, restamp, trust
from lampang_planner.core.sync.apply import ApplyResult, RowFlood, StampClash, Write, apply_writes, logged_writes
from lampang_planner.core.sync.clock import MAX_AHEAD_MS, SKEW_WARNING_MS

BUNDLE_SUFFIX = ".lpbundle"
BACKUP_REASON = "before-import"
KEEP_IMPORT_BACKUPS = 10
APPLY_CHUNK = 5000

Progress = Callable[[str, int, int, str], None]
"""progress(phase, done, total, detail): phase "read" (detail: file name), "merge" or "export"."""
Check = Callable[[], None]
"""Raises to cancel (e.g. ``TaskControl.check``); called between steps, also inside the import transaction."""


def _now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _nothing(*_a: object) -> None:
    return None


# --- this device ---------------------------------------------------------------------------------------------------


def device_key(store: Store):
    """This folder's Ed25519 signing key, made the first time it is needed."""
    return keys.load_or_create_device_key(store.data_dir)


@dataclass(frozen=True)
class Identity:
    id: str
    name: str
    role: str
    desk: str
    public_key: str
    office_id: str
    office_name: str
    encryption_key: str = ""  # the office's X25519 key personal fields are sealed to ("": a laptop that lacks it)

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.public_key)

    @property
    def encrypts(self) -> bool:
        """True on a laptop whose bundles seal personal fields to its office."""
        return self.role != kits.OFFICE and bool(self.encryption_key)

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "desk": self.desk,
            "public_key": self.public_key,
            "fingerprint": self.fingerprint,
            "office": {"id": self.office_id, "name": self.office_name} if self.office_id else None,
            "encryption_key": self.encryption_key or None,
            "encryption_fingerprint": keys.fingerprint(self.encryption_key) if self.encryption_key else None,
        }


def identity(store: Store) -> Identity:
    pub = keys.public_hex(device_key(store).public_key())
    office_id = store.device_id if kits.is_office(store) else (store.office_device_id or "")
    return Identity(store.device_id, store.device_name, store.role, store.desk, pub, office_id, kits.office_name(store),
                    kits.encryption_key(store))


# --- export --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    kind: str
    changes: int
    counts: dict[str, int]
    hlc_min: str | None
    hlc_max: str | None
    since: str | None  # delta: when the export it follows was made (None: from the beginning)
    workshops: tuple[str, ...] = ()
    sealed: bool = False  # personal fields sealed to the office
    protected: bool = False  # payload under a passphrase

    def as_json(self) -> dict:
        return {
            "file": str(self.path),
            "bundle_id": self.bundle_id,
            "kind": self.kind,
            "changes": self.changes,
            "counts": self.counts,
            "hlc": {"min": self.hlc_min, "max": self.hlc_max},
            "since": self.since,
            "workshops": list(self.workshops),
            "sealed": self.sealed,
            "protected": self.protected,
        }


def default_file_name(store: Store, kind: str, when: dt.datetime | None = None) -> str:
    """``lampang-<device name>-<kind>-<yyyymmdd-hhmm>.lpbundle`` (characters file systems refuse are replaced)."""
    when = when or dt.datetime.now()
    name = re.sub(r"[^\w\u0e00-\u0e7f-]+", "-", store.device_name or store.device_id).strip("-")[:40] or store.device_id
    return f"lampang-{name}-{kind}-{when:%Y%m%d-%H%M%S}{BUNDLE_SUFFIX}"


def _export_watermark(store: Store) -> tuple[int, str | None]:
    """The change-log rowid the last export covered (0: none) and when it was made."""
    q = (
        "SELECT seq, seq_hlc, done_at FROM bundle_log WHERE direction='out' AND seq IS NOT NULL "
        "ORDER BY done_at DESC, seq DESC"
    )
    for _seq, seq_hlc, done_at in store.db.execute(q).fetchall():
        if not seq_hlc:
            return 0, done_at
        row = store.db.execute("SELECT rowid FROM change WHERE hlc=?", (seq_hlc,)).fetchone()
        if row:  # looked up by stamp: rowids may be renumbered by VACUUM
            return row[0], done_at
    return 0, None


def export_bundle(
    store: Store,
    out: str | Path,
    *,
    full: bool = False,
    workshops: Sequence[str] = (),
    clear: bool = False,
    passphrase: str | None = None,
    progress: Progress = _nothing,
    check: Check = _nothing,
    office: OfficePass | str | None = None,
) -> ExportResult:
    """Write a bundle to ``out`` (a file, or a folder to put a file with the default name in).

    ``delta`` (default): every change this folder has logged since its last export, its own and those it imported,
    except, on a laptop of an office, the office's own writes (the office has them). ``full``: everything; from an
    office a full export is a ``kit``, which ``workshops`` may limit to some workshops. Personal data, ``clear`` and
    ``passphrase``: see the module docstring (``clear-personal`` is raised before any file is written). A kit is
    office-only: ``office`` is the office PIN or a pass for it (``core.privacy.pin.authorise_office``).
    """
    at_office = kits.is_office(store)
    kind = ("kit" if at_office else "full") if full else "delta"
    if kind == "kit":
        authorise_office(store, office)  # a kit carries everyone's personal data (PDPA)
    workshops = tuple(dict.fromkeys(workshops))
    if workshops and kind != "kit":
        raise UserError(
            "เลือกการประชุมได้เฉพาะเมื่อสำนักงานส่งออกชุดข้อมูลตั้งต้น (--full)",
            "Only an office's kit (--full on an office folder) can be limited to workshops",
            code="bad-option",
        )
    if workshops:
        missing = kits.unknown_workshops(store.db, workshops)
        if missing:
            raise UserError(f"ไม่พบการประชุม {missing[0]}", f"No workshop with id {missing[0]}", code="unknown-workshop")
    out = Path(out)
    if out.is_dir():
        out = out / default_file_name(store, kind)
    if not out.parent.is_dir():
        raise UserError(f"ไม่พบโฟลเดอร์ {out.parent}", f"No such folder: {out.parent}", code="cannot-write")
    key = device_key(store)
    pub = keys.public_hex(key.public_key())
    check()
    progress("export", 0, 0, out.name)
    top = store.scalar("SELECT IFNULL(MAX(rowid), 0) FROM change")
    top_hlc = store.scalar("SELECT hlc FROM change WHERE rowid=?", (top,)) if top else None
    since = None
    cols = kits.LOG_COLUMNS
    if workshops:
        rows = kits.kit_changes(store.db, workshops, top)
    elif full:
        rows = store.query(f"SELECT {cols} FROM change WHERE rowid<=? ORDER BY hlc", (top,))
    else:
        start, since = _export_watermark(store)
        skip = store.office_device_id if not at_office else None
        rows = store.query(
            f"SELECT {cols} FROM change WHERE rowid>? AND rowid<=? AND device IS NOT ? ORDER BY hlc",
            (start, top, skip),
        )
    check()
    device = {"id": store.device_id, "name": store.device_name, "role": store.role}
    seal_to = None
    if not at_office and not clear:
        enc = kits.encryption_key(store)
        seal_to = {"id": store.office_device_id, "encryption_key": enc} if enc else None
    built = B.build_bundle(
        out,
        rows,
        key=key,
        device=device,
        kind=kind,
        office=kits.office_section(store, pub),
        progress=lambda n: progress("export", n, len(rows), out.name),
        seal_to=seal_to,
        passphrase=passphrase,
        refuse_personal=not at_office and seal_to is None and not clear,
        extra={trust.ENROLLED: trust.enrolled_list(store)} if kind == "kit" else None,
    )
    m = built.manifest
    with store.transaction() as tx:
        tx.db.execute(
            "INSERT INTO bundle_log (id, direction, kind, device_id, created_at, done_at, changes, hlc_min, hlc_max, "
            "seq, seq_hlc, file_name, report) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                built.id, "out", kind, store.device_id, m["created_at"], _now_iso(), built.changes,
                m["hlc"]["min"] or "", m["hlc"]["max"] or "", None if workshops else top, None if workshops else top_hlc,
                out.name, json.dumps({"workshops": list(workshops), "payload_sha256": m["payload"]["sha256"]}),
            ),
        )  # fmt: skip
    return ExportResult(
        out, built.id, kind, built.changes, m["counts"], m["hlc"]["min"], m["hlc"]["max"], since, workshops,
        sealed="sealed" in m, protected="protected" in m,
    )


# --- verify --------------------------------------------------------------------------------------------------------


def _refusal(path: Path, code: str, th: str, en: str) -> B.BundleError:
    return B.BundleError(f"{path.name}: {th}", f"{path.name}: {en}", code=code)


def check_signer(
    store: Store, b: B.Bundle, own_public_key: str, seen: dict[str, str] | None = None, *, accept: bool = False
) -> bool:
    """Trust and kit rules for one verified bundle (:mod:`.trust`). Raises BundleError. ``seen`` holds the keys met
    earlier in a batch. Returns True when the signer is unknown and ``accept`` enrols it (the caller checks the PIN);
    also sets which devices' lines the bundle may carry (``b.forwardable``)."""
    pinned = (seen or {}).get(b.device_id)
    if pinned is not None and pinned != b.public_key:
        raise _refusal(
            b.path,
            "impostor",
            "ปฏิเสธไฟล์: ลงนามด้วยกุญแจที่ไม่ตรงกับเครื่องที่อ้างถึง (อาจเป็นเครื่องปลอม)",
            f"Refused: device {b.device_id} signed another file of this import with another key — an impostor",
        )
    try:
        keys.check_not_impostor(store.db, store.device_id, own_public_key, b.device_id, b.public_key)
    except UserError as exc:
        raise B.BundleError(f"{b.path.name}: {exc.th}", f"{b.path.name}: {exc.en}", code=exc.code) from None
    if b.is_kit:
        if b.device_role != kits.OFFICE:
            raise _refusal(b.path, "damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "a kit not signed by an office")
        if kits.is_office(store) and b.device_id != store.device_id:
            raise _refusal(
                b.path,
                "kit-into-office",
                "เครื่องนี้เป็นสำนักงาน นำเข้าชุดข้อมูลตั้งต้นของสำนักงานอื่นไม่ได้",
                "This folder is an office: it does not import another office's kit",
            )
        if store.office_device_id and b.device_id != store.office_device_id:
            raise _refusal(
                b.path,
                "other-office",
                "ปฏิเสธไฟล์: ชุดข้อมูลตั้งต้นนี้มาจากสำนักงานอื่น ไม่ใช่สำนักงานของเครื่องนี้",
                "Refused: this kit comes from another office than the one this laptop belongs to",
            )
        try:
            trust.check_enrolled_section(b.manifest.get(trust.ENROLLED, []))
        except ValueError:
            raise _refusal(b.path, "damaged", "ไฟล์เสียหายหรือถูกแก้ไข", "the kit's list of enrolled devices is malformed"
                           ) from None
    if b.is_kit and not kits.is_office(store) and not store.office_device_id:
        b.forwardable = None  # the office this laptop adopts: the hub
        return False  # a laptop being set up takes its office from the first kit it is given
    b.forwardable = trust.forwardable(store, b.device_id, seen or ())
    if b.device_id == store.device_id or keys.pinned_key(store.db, b.device_id) or b.device_id in (seen or {}):
        return False
    if accept:
        return True
    err = trust.unknown_signer_error(b.path.name, b.device_id, b.device_name, b.public_key)
    raise B.BundleError(err.th, err.en, code=err.code)


def office_box_key(store: Store):
    """The X25519 private key that opens sealed personal fields: an office's own, None elsewhere."""
    return keys.load_box_key(store.data_dir) if kits.is_office(store) else None


def verify_bundle(store: Store | None, path: str | Path, *, passphrase: str | None = None) -> B.Bundle:
    """Every check an import makes before writing, without writing: file, signature, payload, and (with a data
    folder) the signer's trust and kit rules. Sealed personal fields are opened at the office; elsewhere their shape
    is checked (they cannot be opened there). A protected payload needs its passphrase. Raises BundleError."""
    b = B.read_bundle(path)
    if store is not None:
        check_signer(store, b, keys.public_hex(device_key(store).public_key()))
        b.unlock(box_key=office_box_key(store))
    b.unlock(passphrase=passphrase)
    b.check_payload()
    return b


# --- import --------------------------------------------------------------------------------------------------------

IMPORTED, ALREADY, REFUSED, READY = "imported", "already", "refused", "ready"


@dataclass
class FileReport:
    path: Path
    status: str = READY  # until imported, skipped as already imported, or refused
    bundle_id: str = ""
    kind: str = ""
    device_id: str = ""
    device_name: str = ""
    created_at: str = ""
    changes: int = 0
    added: int = 0
    updated: int = 0
    merged: int = 0
    unchanged: int = 0
    skew_ms: int = 0
    taken_in: bool = False  # its clock ran too far ahead and the office took it in as of the import
    accepted: bool = False  # its signer was unknown and the office enrolled it with its PIN
    hub: bool | None = None  # signed by this folder's office (may forward any device's lines)
    restamped: int = 0  # writes that got a stamp as of the import
    error: UserError | None = None

    def as_json(self) -> dict:
        out = {
            "file": str(self.path),
            "status": self.status,
            "bundle_id": self.bundle_id,
            "kind": self.kind,
            "device": {"id": self.device_id, "name": self.device_name},
            "created_at": self.created_at,
            "changes": self.changes,
            "added": self.added,
            "updated": self.updated,
            "merged": self.merged,
            "unchanged": self.unchanged,
            "skew_ms": self.skew_ms,
            "restamped": self.restamped,
            "accepted_signer": self.accepted,
        }
        if self.error is not None:
            out["error"] = {"code": self.error.code, "th": self.error.th, "en": self.error.en}
        return out


@dataclass
class SkewWarning:
    device_id: str
    device_name: str
    ahead_ms: int

    @property
    def hours(self) -> float:
        return self.ahead_ms / 3_600_000

    def message(self, lang: str = "th") -> str:
        if lang == "en":
            return (f"The clock of {self.device_name or self.device_id} runs {self.hours:.0f} hours ahead of this "
                    "computer's: check its date and time")
        return (f"นาฬิกาของเครื่อง {self.device_name or self.device_id} เร็วกว่าเครื่องนี้ {self.hours:.0f} ชั่วโมง "
                "กรุณาตรวจสอบวันที่และเวลาของเครื่องนั้น")


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    merged: int = 0
    unchanged: int = 0
    conflicts_before: int = 0
    conflicts_open: int = 0
    duplicates: int = 0  # groups of possible duplicate people involving people this import touched
    skew: list[SkewWarning] = field(default_factory=list)
    backup: Path | None = None
    office_adopted: str = ""  # the office this folder became a laptop of
    result: ApplyResult = field(default_factory=ApplyResult)

    @property
    def imported(self) -> list[FileReport]:
        return [f for f in self.files if f.status == IMPORTED]

    @property
    def refused(self) -> list[FileReport]:
        return [f for f in self.files if f.status == REFUSED]

    @property
    def conflicts_new(self) -> int:
        return max(0, self.conflicts_open - self.conflicts_before)

    def as_json(self) -> dict:
        return {
            "files": [f.as_json() for f in self.files],
            "added": self.added,
            "updated": self.updated,
            "merged": self.merged,
            "unchanged": self.unchanged,
            "conflicts_new": self.conflicts_new,
            "conflicts_open": self.conflicts_open,
            "duplicates": self.duplicates,
            "skew": [{"device_id": s.device_id, "device_name": s.device_name, "ahead_ms": s.ahead_ms}
                     for s in self.skew],
            "backup": str(self.backup) if self.backup else None,
            "office_adopted": self.office_adopted or None,
        }


def _already_imported(store: Store, b: B.Bundle) -> bool:
    row = store.db.execute("SELECT direction, report FROM bundle_log WHERE id=?", (b.id,)).fetchone()
    if row is None:
        return False
    if row[0] == "out":
        return b.device_id == store.device_id  # our own export, back again
    try:
        sha = json.loads(row[1] or "{}").get("payload_sha256")
    except ValueError:
        sha = None
    return sha == b.manifest["payload"]["sha256"]


def refused_error(refused: Sequence[FileReport]) -> UserError:
    """One error for the refused files of an import (the first file's reason, and how many others)."""
    first = refused[0].error
    assert first is not None
    if len(refused) == 1:
        return first
    return B.BundleError(
        f"{first.th} (และอีก {len(refused) - 1} ไฟล์ถูกปฏิเสธ ไม่ได้นำเข้าไฟล์ใดเลย)",
        f"{first.en} (and {len(refused) - 1} more file(s) refused; nothing was imported)",
        code=first.code,
    )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector: parsing and merging make ~10 objects per change (none in reference
    cycles), and the collector would rescan the growing heap over and over — a third of the import's time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def import_bundles(
    store: Store,
    paths: Iterable[str | Path],
    *,
    skip_refused: bool = False,
    find_duplicates: bool = True,
    passphrase: str | None = None,
    accept_signers: bool = False,
    take_in_ahead: bool = False,
    pin: str | None = None,
    progress: Progress = _nothing,
    check: Check = _nothing,
) -> ImportReport:
    """Verify, back up, apply in one transaction, report. See the module docstring.

    A bundle whose newest stamp is more than a day ahead of this computer's clock is refused (``clock-ahead``,
    naming the device and how far its clock is off) unless ``take_in_ahead``: then its writes are taken in as of
    the import (:mod:`.restamp`), which needs the office ``pin``. A bundle signed by a device this folder has not
    enrolled is refused (``unknown-signer``) unless ``accept_signers``, which enrols it (office ``pin`` needed too).

    ``passphrase`` opens protected files (one passphrase for all of them). Raises the refusal (a
    :class:`~.bundle.BundleError`) when a file is refused and ``skip_refused`` is False; whatever ``check`` raises
    cancels the import with nothing written.
    """
    with _collector_paused():
        return _import(store, [Path(p) for p in paths], skip_refused, find_duplicates, passphrase, progress, check,
                       take_in_ahead, pin, accept_signers)


def _import(
    store: Store,
    paths: list[Path],
    skip_refused: bool,
    find_duplicates: bool,
    passphrase: str | None,
    progress: Progress,
    check: Check,
    take_in_ahead: bool = False,
    pin: str | None = None,
    accept_signers: bool = False,
) -> ImportReport:
    report = ImportReport()
    own_pub = keys.public_hex(device_key(store).public_key())
    box_key = office_box_key(store)
    batch_keys: dict[str, str] = {}
    todo: list[tuple[FileReport, B.Bundle]] = []
    ids_in_batch: set[str] = set()
    for i, path in enumerate(paths):
        check()
        progress("read", i, len(paths), path.name)
        fr = FileReport(path)
        report.files.append(fr)
        try:
            b = B.read_bundle(path)
            fr.bundle_id, fr.kind, fr.changes = b.id, b.kind, b.changes
            fr.device_id, fr.device_name, fr.created_at = b.device_id, b.device_name, b.manifest["created_at"]
            fr.accepted = check_signer(store, b, own_pub, batch_keys, accept=accept_signers)
            batch_keys.setdefault(b.device_id, b.public_key)
            if b.id in ids_in_batch or _already_imported(store, b):
                fr.status, fr.unchanged = ALREADY, b.changes
                continue
            if _clock_ahead(store, b, take_in_ahead):
                fr.taken_in = True
            b.unlock(passphrase=passphrase, box_key=box_key)
            b.open_protected()  # a wrong passphrase is refused now; the payload is checked while it is applied
        except B.BundleError as exc:
            fr.status, fr.error = REFUSED, exc
            continue
        ids_in_batch.add(b.id)
        fr.hub = b.forwardable is None
        todo.append((fr, b))
    progress("read", len(paths), len(paths), "")
    if report.refused and not skip_refused:
        raise refused_error(report.refused)

    kits_in = [b for _fr, b in todo if b.is_kit]
    kit_offices = {b.device_id for b in kits_in}
    if len(kit_offices) > 1:
        raise UserError(
            "เลือกชุดข้อมูลตั้งต้นจากหลายสำนักงานพร้อมกัน นำเข้าไม่ได้",
            "Kits from more than one office were chosen together; import them from one office only",
            code="other-office",
        )
    adopt = kits_in[0] if kits_in and not kits.is_office(store) and not store.office_device_id else None

    if any(fr.taken_in or fr.accepted for fr, _b in todo):
        trust.require_office_pin(store, pin)
    with contextlib.suppress(UserError):  # a journal a killed import left: into backups/ (else: next time)
        journal.export_leftovers(store.db, store.path, store.device_id)
    prune_backups(store)
    report.conflicts_before = int(store.scalar("SELECT COUNT(*) FROM conflict") or 0)
    check()
    _apply_all(store, todo, adopt, report, find_duplicates, progress, check, skip_refused)
    if adopt is not None and report.office_adopted:  # the transaction wrote the device row: keep the store in step
        store.role, store.office_device_id = kits.LAPTOP, adopt.device_id
    for fr in report.files:
        report.added += fr.added
        report.updated += fr.updated
        report.merged += fr.merged
        report.unchanged += fr.unchanged
    by_device: dict[str, SkewWarning] = {}
    names = {b.device_id: b.device_name for _fr, b in todo}
    for fr, b in todo:
        if fr.status == IMPORTED and fr.skew_ms > SKEW_WARNING_MS:
            # The newest stamp names the device whose clock ran ahead (a bundle may relay other devices' writes).
            culprit = b.manifest["hlc"]["max"].rsplit(".", 1)[-1]
            name = fr.device_name if culprit == fr.device_id else names.get(culprit, "")
            w = by_device.setdefault(culprit, SkewWarning(culprit, name, 0))
            w.ahead_ms = max(w.ahead_ms, fr.skew_ms)
    report.skew = list(by_device.values())
    return report


def _clock_ahead(store: Store, b: B.Bundle, take_in: bool) -> bool:
    """True when the bundle's newest stamp is too far ahead and the office takes it in as of the import; raises the
    ``clock-ahead`` refusal when it is too far ahead otherwise. (The manifest's range is checked against every line
    when the payload is parsed.)"""
    top = (b.manifest.get("hlc") or {}).get("max")
    if not isinstance(top, str) or not B.is_stamp(top):
        return False
    ahead = store.clock.ahead_ms(top)
    if ahead <= MAX_AHEAD_MS:
        return False
    if take_in:
        return True
    culprit = top[B.STAMP_PREFIX:]
    name = b.device_name if culprit == b.device_id else str(
        store.scalar("SELECT name FROM trusted_device WHERE id=?", (culprit,)) or "")
    err = restamp.clock_ahead_error(b.path.name, culprit, name, ahead)
    raise B.BundleError(err.th, err.en, code=err.code)


def _apply_all(
    store: Store,
    todo: list[tuple[FileReport, B.Bundle]],
    adopt: B.Bundle | None,
    report: ImportReport,
    find_duplicates: bool,
    progress: Progress,
    check: Check,
    skip_refused: bool = False,
) -> None:
    """Step 3 of an import, committed in chunks: each batch of a file's payload (:meth:`.bundle.Bundle.iter_writes`:
    5,000 lines or 4 MiB, memory flat whatever the size) is one transaction, so another program on the folder (a
    desk scanning) waits one chunk at most. Each chunk journals what it changed (:mod:`.journal`, the before-import
    backup) in its own transaction. The last chunk also logs the bundles, pins the signers and adopts a kit's office:
    a kill before it leaves writes a re-import completes (stamps already logged are skipped), never a bundle logged
    as imported that is not. A file refused while streaming (a bad line, totals that do not match its manifest) is
    taken out again from the journal — with ``skip_refused`` the others go on, else the whole import is taken out,
    as it is when ``check`` cancels it."""
    state = {"done": 0, "total": sum(b.changes for _fr, b in todo), "finished": False, "result": report.result}
    finish = functools.partial(_finish, store, todo, adopt, report, find_duplicates)
    failure: BaseException | None = None
    deferred, store.statistics_deferred = store.statistics_deferred, True
    # No checkpoint between chunks (each would copy the log back into the database and sync it): one after the import,
    # as one transaction had; the log grows to the import's size meanwhile, as it did then.
    store.db.execute("PRAGMA wal_autocheckpoint=0")
    with journal.Recorder.recording(store.db, [b.path.name for _fr, b in todo]) as rec:
        try:
            for i, (fr, b) in enumerate(todo):
                check()
                last = i == len(todo) - 1
                _apply_file(store, rec, fr, b, skip_refused, progress, check, state, finish if last else None)
            if not state["finished"]:
                _durable(store, True)
                with store.transaction() as tx:
                    rec.begin_chunk()
                    finish(tx)
                    tx.flush()
                    rec.end_chunk()
        except BaseException as exc:
            failure = exc
        finally:
            _durable(store, True)
            store.statistics_deferred = deferred
            store.db.execute("PRAGMA wal_autocheckpoint=1000")  # SQLite's default, as core.db.connect leaves it
            with contextlib.suppress(sqlite3.Error), store._lock:  # committed already; statistics are only advice
                refresh_statistics(store.db)
    if failure is not None:
        _take_out(store, rec, 0)  # with the journal's triggers gone: taking out is not journaled
        raise failure
    if not any(fr.status == IMPORTED for fr, _b in todo):  # every file refused: nothing to take out later
        with store.transaction() as tx:
            journal.forget(tx.db, rec.id)
        return
    try:
        report.backup = journal.export(store.db, store.path, rec.id, store.device_id)
    except UserError:  # imported; the journal stays in the folder and is written out by the next import
        report.backup = None


def _durable(store: Store, flush: bool) -> None:
    """A chunk before the last commits without waiting for the disk (``synchronous=NORMAL``: in WAL mode a power cut
    may lose the newest such chunks, never leave half of one); the last one flushes them all (``FULL``, the folder's
    setting). A kill of the program loses nothing committed either way, and what a power cut loses is a tail of
    chunks that a re-import completes — with their journal, which commits with them."""
    store.db.execute(f"PRAGMA synchronous={'FULL' if flush else 'NORMAL'}")


def _take_out(store: Store, rec: journal.Recorder, since: int) -> None:
    """Undo what this import committed after journal position ``since`` (a refused file, a cancel, an error)."""
    with contextlib.suppress(sqlite3.Error, UserError):  # a full disk may refuse even this: the journal stays
        with store.transaction() as tx:
            clock = journal.undo_running(tx.db, rec, since)
            if clock:
                store.clock.load(clock)
            if since == 0:
                journal.forget(tx.db, rec.id)


def _with_last(batches: Iterator[list[Write]]) -> Iterator[tuple[list[Write], bool]]:
    """Each batch and whether it is the last. Reading one ahead also runs the stream's end checks (totals against
    the manifest) before the last batch is committed."""
    it = iter(batches)
    cur = next(it, None)
    while cur is not None:
        nxt = next(it, None)
        yield cur, nxt is None
        cur = nxt


def _apply_file(store: Store, rec: journal.Recorder, fr: FileReport, b: B.Bundle, skip_refused: bool,
                progress: Progress, check: Check, state: dict, finish: Callable[[Tx], None] | None) -> None:
    """One file of an import, streamed and committed chunk by chunk (see :func:`_apply_all`); ``finish`` runs in
    the last chunk of the last file."""
    mark = rec.mark()
    try:
        for batch, last in _with_last(b.iter_writes()):
            check()
            _durable(store, last and finish is not None)
            with store.transaction() as tx:
                rec.begin_chunk()
                r = _apply_remote(tx, batch, fr)
                forget_after_import(tx, batch)  # a received erasure or purge scrubs what this folder held before
                if last:
                    fr.status = IMPORTED
                    if finish is not None:
                        finish(tx)
                        state["finished"] = True
                tx.flush()
                rec.end_chunk()
            _count(fr, r, report_result=state["result"], chunk=tx.result)
            state["done"] += len(batch)
            progress("merge", state["done"], state["total"], b.path.name)
    except B.BundleError as exc:
        _take_out(store, rec, mark)
        state["finished"] = False
        if not skip_refused:
            raise
        fr.status, fr.error = REFUSED, exc
        fr.added = fr.updated = fr.merged = fr.unchanged = fr.restamped = 0
        return
    if fr.status != IMPORTED and b.changes == 0:
        fr.status = IMPORTED


def _count(fr: FileReport, r: ApplyResult, *, report_result: ApplyResult, chunk: ApplyResult) -> None:
    fr.added += r.added
    fr.updated += r.updated
    fr.merged += r.merged
    fr.unchanged += r.unchanged
    fr.skew_ms = max(fr.skew_ms, r.max_skew_ms)  # measured by this folder's clock as it advanced
    person = chunk.changed.get("person")
    chunk.changed = defaultdict(set, {"person": person} if person else {})  # only what the duplicate check needs
    report_result.add(chunk)


def _finish(store: Store, todo: list[tuple[FileReport, B.Bundle]], adopt: B.Bundle | None, report: ImportReport,
            find_duplicates: bool, tx: Tx) -> None:
    """The import's last writes, in its last chunk: log the bundles, pin their signers, adopt a kit's office, learn
    the office's encryption key and enrolled devices; then the report's reads."""
    imported = [(fr, b) for fr, b in todo if fr.status == IMPORTED]
    for fr, b in imported:
        _log_bundle(tx, fr, b)
        keys.pin(tx.db, b.device_id, b.public_key, b.device_name, b.device_role)
    if adopt is not None and any(b is adopt for _fr, b in imported):
        office = adopt.office or {}
        if office.get("id") == adopt.device_id and office.get("public_key") == adopt.public_key:
            name = office.get("name") or adopt.device_name
        else:
            name = adopt.device_name
        keys.pin(tx.db, adopt.device_id, adopt.public_key, name, kits.OFFICE)
        tx.db.execute("UPDATE device SET role=?, office_device_id=?", (kits.LAPTOP, adopt.device_id))
        report.office_adopted = name
    else:
        adopt = None
    _learn_encryption_key(store, tx, imported, adopt)
    _take_enrolment(store, tx, imported, adopt)
    # The report's reads happen here, before the commit (they see the same data): once committed, listeners
    # (the window) may read the shared connection, and this thread does not touch it any more.
    tx.flush()
    report.conflicts_open = int(tx.db.execute("SELECT COUNT(*) FROM conflict").fetchone()[0])
    touched = set(report.result.changed.get("person", set())) | set(tx.result.changed.get("person", set()))
    if find_duplicates and touched:
        from lampang_planner.core.ops.duplicates import find_duplicates as find

        report.duplicates = len(find(store, among=touched))


def _log_bundle(tx: Tx, fr: FileReport, b: B.Bundle) -> None:
    tx.db.execute(
        "INSERT INTO bundle_log (id, direction, kind, device_id, created_at, done_at, changes, hlc_min, "
        "hlc_max, file_name, report) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
        "done_at=excluded.done_at, report=excluded.report",
        (
            b.id, "in", b.kind, b.device_id, b.manifest["created_at"], _now_iso(), b.changes,
            b.manifest["hlc"]["min"] or "", b.manifest["hlc"]["max"] or "", b.path.name,
            json.dumps({**{k: v for k, v in fr.as_json().items() if k in ("added", "updated", "merged",
                        "unchanged", "skew_ms", "restamped")}, "payload_sha256": b.manifest["payload"]["sha256"]}),
        ),
    )  # fmt: skip


def _take_enrolment(store: Store, tx: Tx, todo: list[tuple[FileReport, B.Bundle]], adopt: B.Bundle | None) -> None:
    """On a laptop: enrol the devices its office's kits list (oldest kit first, so the newest list is the last word)."""
    office_id = adopt.device_id if adopt is not None else store.office_device_id
    if kits.is_office(store) or not office_id:
        return
    for _fr, b in sorted(todo, key=lambda t: t[1].manifest["created_at"]):
        if b.is_kit and b.device_id == office_id:
            trust.take_enrolment(tx.db, store.device_id, office_id, b.manifest.get(trust.ENROLLED, []))


def _learn_encryption_key(store: Store, tx: Tx, todo: list[tuple[FileReport, B.Bundle]], adopt: B.Bundle | None) -> None:
    """On a laptop: record the encryption key its office names in the bundles it signed (the newest wins)."""
    if kits.is_office(store):
        return
    office_id = adopt.device_id if adopt is not None else store.office_device_id
    if not office_id:
        return
    found = ""
    for _fr, b in sorted(todo, key=lambda t: t[1].manifest["created_at"]):
        sec = b.office or {}
        if (b.device_id == office_id and b.device_role == kits.OFFICE and sec.get("id") == b.device_id
                and sec.get("public_key") == b.public_key and sec.get("encryption_key")):
            try:
                keys.box_public_key_from_hex(sec["encryption_key"])
            except ValueError:
                continue
            found = sec["encryption_key"]
    if found:
        kits.record_encryption_key(tx.db, office_id, found)


def _apply_remote(tx: Tx, writes: Sequence[Write], fr: FileReport) -> ApplyResult:
    """``tx.apply_remote`` with one clock step per chunk: the clock keeps the maximum, so advancing it past the
    newest stamp is advancing it past each (and the skew of the newest is the largest). A file taken in as of the
    import gets its stamps that are too far ahead replaced first (:mod:`.restamp`)."""
    tx.flush()
    if fr.taken_in:
        before = writes
        writes = restamp.take_in(tx, writes)
        fr.restamped += sum(1 for a, b in zip(before, writes, strict=True) if a.hlc != b.hlc)
    if fr.hub is False:
        _check_own_lines(tx, writes, fr)
    skew = tx.store.clock.receive(max(w.hlc for w in writes))
    try:
        r = apply_writes(tx.db, writes)
    except StampClash as exc:
        raise _refusal(fr.path, "stamp-clash", *exc.sentences()) from None
    except RowFlood as exc:
        raise _refusal(fr.path, "too-big", *exc.sentences()) from None
    r.max_skew_ms = max(r.max_skew_ms, skew)
    tx.result.add(r)
    return r


def _check_own_lines(tx: Tx, writes: Sequence[Write], fr: FileReport) -> None:
    """Lines claiming to come from this folder, forwarded by anyone but its office, must be ones it logged (their
    content is compared by the write path: :class:`.apply.StampClash`)."""
    own = tx.store.device_id
    mine = [w.hlc for w in writes if w.device == own]
    if not mine:
        return
    logged = logged_writes(tx.db, mine)
    for h in mine:
        if h not in logged:
            err = trust.forged_line_error(fr.path.name, fr.device_id, own, h, own=True)
            raise B.BundleError(err.th, err.en, code=err.code)


def prune_backups(store: Store, keep: int = KEEP_IMPORT_BACKUPS) -> None:
    """Keep the newest ``keep`` before-import backups (names sort by time): undo journals, taken-out ones and the
    full copies older versions made."""
    folder = store.data_dir / BACKUP_DIRNAME
    old = sorted(folder.glob(f"*-{BACKUP_REASON}*"))[:-keep]
    for p in old:
        try:
            p.unlink()
        except OSError:
            pass


# --- history and trust ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogRow:
    bundle_id: str
    direction: str
    kind: str
    device_id: str
    device_name: str
    created_at: str
    done_at: str
    changes: int
    file_name: str
    report: dict

    def as_json(self) -> dict:
        return {
            "bundle_id": self.bundle_id,
            "direction": self.direction,
            "kind": self.kind,
            "device": {"id": self.device_id, "name": self.device_name},
            "created_at": self.created_at,
            "done_at": self.done_at,
            "changes": self.changes,
            "file": self.file_name,
            "report": self.report,
        }


def history(store: Store, limit: int = 500) -> list[LogRow]:
    """Bundles exported and imported here, newest first."""
    q = (
        "SELECT b.id, b.direction, b.kind, b.device_id, COALESCE(t.name, CASE WHEN b.device_id=d.id THEN d.name END, ''),"
        " b.created_at, b.done_at, b.changes, b.file_name, b.report FROM bundle_log b"
        " LEFT JOIN trusted_device t ON t.id=b.device_id CROSS JOIN device d ORDER BY b.done_at DESC, b.id DESC LIMIT ?"
    )
    out = []
    for r in store.db.execute(q, (limit,)):
        try:
            rep = json.loads(r[9] or "{}")
        except ValueError:
            rep = {}
        out.append(LogRow(*r[:9], rep))
    return out


def forget_device(store: Store, device_id: str) -> bool:
    """Drop a device's pinned key (after it was reinstalled with a new key, say). Its data stays."""
    if device_id == store.device_id:
        raise UserError("ลืมกุญแจของเครื่องนี้เองไม่ได้", "This folder's own key cannot be forgotten", code="bad-option")
    if device_id == store.office_device_id:
        raise UserError(
            "ลืมกุญแจของสำนักงานของเครื่องนี้ไม่ได้",
            "The key of this laptop's office cannot be forgotten",
            code="bad-option",
        )
    with store.transaction() as tx:
        n = tx.db.execute("DELETE FROM trusted_device WHERE id=?", (device_id,)).rowcount
    return n > 0
