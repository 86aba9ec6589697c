"""Importing bundles (steps of :mod:`.exchange`): read and verify every file, then apply them in chunks
(:mod:`.exchange_chunks`) and report (:mod:`.exchange_report`)."""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.paths import BACKUP_DIRNAME
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import journal, keys, kits, trust
from lampang_planner.core.sync.clock import SKEW_WARNING_MS
from lampang_planner.core.sync.exchange_chunks import apply_all
from lampang_planner.core.sync.exchange_common import (
    BACKUP_REASON,
    KEEP_IMPORT_BACKUPS,
    Check,
    Progress,
    device_key,
    nothing,
    office_box_key,
)
from lampang_planner.core.sync.exchange_report import (
    ALREADY,
    IMPORTED,
    REFUSED,
    FileReport,
    ImportReport,
    SkewWarning,
    refused_error,
)
from lampang_planner.core.sync.exchange_verify import check_signer, clock_ahead


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
    progress: Progress = nothing,
    check: Check = nothing,
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
        return _import(
            store,
            [Path(p) for p in paths],
            skip_refused,
            find_duplicates,
            passphrase,
            progress,
            check,
            take_in_ahead,
            pin,
            accept_signers,
        )


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
    todo = _read_files(store, paths, report, passphrase, progress, check, take_in_ahead, accept_signers)
    if report.refused and not skip_refused:
        raise refused_error(report.refused)
    adopt = _kit_to_adopt(store, todo)
    if any(fr.taken_in or fr.accepted for fr, _b in todo):
        trust.require_office_pin(store, pin)
    with contextlib.suppress(UserError):  # a journal a killed import left: into backups/ (else: next time)
        journal.export_leftovers(store.db, store.path, store.device_id)
    prune_backups(store)
    report.conflicts_before = int(store.scalar("SELECT COUNT(*) FROM conflict") or 0)
    check()
    apply_all(store, todo, adopt, report, find_duplicates, progress, check, skip_refused)
    if adopt is not None and report.office_adopted:  # the transaction wrote the device row: keep the store in step
        store.role, store.office_device_id = kits.LAPTOP, adopt.device_id
    _tally(report, todo)
    return report


def _read_files(
    store: Store,
    paths: list[Path],
    report: ImportReport,
    passphrase: str | None,
    progress: Progress,
    check: Check,
    take_in_ahead: bool,
    accept_signers: bool,
) -> list[tuple[FileReport, B.Bundle]]:
    """Step 1: every file read and verified (each gets its :class:`FileReport` in ``report``); the files to apply."""
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
            if clock_ahead(store, b, take_in_ahead):
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
    return todo


def _kit_to_adopt(store: Store, todo: list[tuple[FileReport, B.Bundle]]) -> B.Bundle | None:
    """The kit whose office a laptop being set up adopts (None elsewhere); kits of two offices at once are refused."""
    kits_in = [b for _fr, b in todo if b.is_kit]
    if len({b.device_id for b in kits_in}) > 1:
        raise UserError(
            "เลือกชุดข้อมูลตั้งต้นจากหลายสำนักงานพร้อมกัน นำเข้าไม่ได้",
            "Kits from more than one office were chosen together; import them from one office only",
            code="other-office",
        )
    return kits_in[0] if kits_in and not kits.is_office(store) and not store.office_device_id else None


def _tally(report: ImportReport, todo: list[tuple[FileReport, B.Bundle]]) -> None:
    """Step 4: the files' counts added up, and one warning per device whose clock ran more than a day ahead."""
    for fr in report.files:
        report.count(fr)
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
