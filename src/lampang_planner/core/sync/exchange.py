"""Exporting and importing bundles: what the command line and the Exchange screen share (DESIGN.md §4).

This module gathers the exchange's parts, each in its own module: the folder's identity and shared callbacks
(:mod:`.exchange_common`), export (:mod:`.exchange_export`), the checks before writing (:mod:`.exchange_verify`),
import (:mod:`.exchange_import`), its chunked apply (:mod:`.exchange_chunks`) and last writes
(:mod:`.exchange_finish`), its report (:mod:`.exchange_report`), history and trust (:mod:`.exchange_history`).

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

from lampang_planner.core.sync.exchange_chunks import (
    _apply_file,
    _apply_remote,
    _check_own_lines,
    _count,
    _durable,
    _take_out,
    _with_last,
    apply_all,
)
from lampang_planner.core.sync.exchange_common import (
    APPLY_CHUNK,
    BACKUP_REASON,
    BUNDLE_SUFFIX,
    KEEP_IMPORT_BACKUPS,
    Check,
    Identity,
    Progress,
    device_key,
    identity,
    nothing,
    now_iso,
    office_box_key,
)
from lampang_planner.core.sync.exchange_export import ExportResult, _export_watermark, default_file_name, export_bundle
from lampang_planner.core.sync.exchange_finish import (
    _learn_encryption_key,
    _log_bundle,
    _take_enrolment,
    finish_import,
)
from lampang_planner.core.sync.exchange_history import LogRow, forget_device, history
from lampang_planner.core.sync.exchange_import import (
    _already_imported,
    _collector_paused,
    _import,
    import_bundles,
    prune_backups,
)
from lampang_planner.core.sync.exchange_report import (
    ALREADY,
    IMPORTED,
    READY,
    REFUSED,
    FileReport,
    ImportReport,
    SkewWarning,
    refused_error,
)
from lampang_planner.core.sync.exchange_verify import check_signer, clock_ahead, refusal, verify_bundle

# The names these helpers had when they lived here.
_now_iso, _nothing, _refusal, _clock_ahead, _apply_all, _finish = (
    now_iso,
    nothing,
    refusal,
    clock_ahead,
    apply_all,
    finish_import,
)

__all__ = [
    "ALREADY",
    "APPLY_CHUNK",
    "BACKUP_REASON",
    "BUNDLE_SUFFIX",
    "IMPORTED",
    "KEEP_IMPORT_BACKUPS",
    "READY",
    "REFUSED",
    "Check",
    "ExportResult",
    "FileReport",
    "Identity",
    "ImportReport",
    "LogRow",
    "Progress",
    "SkewWarning",
    "_already_imported",
    "_apply_all",
    "_apply_file",
    "_apply_remote",
    "_check_own_lines",
    "_clock_ahead",
    "_collector_paused",
    "_count",
    "_durable",
    "_export_watermark",
    "_finish",
    "_import",
    "_learn_encryption_key",
    "_log_bundle",
    "_nothing",
    "_now_iso",
    "_refusal",
    "_take_enrolment",
    "_take_out",
    "_with_last",
    "apply_all",
    "check_signer",
    "clock_ahead",
    "default_file_name",
    "device_key",
    "export_bundle",
    "finish_import",
    "forget_device",
    "history",
    "identity",
    "import_bundles",
    "nothing",
    "now_iso",
    "office_box_key",
    "prune_backups",
    "refusal",
    "refused_error",
    "verify_bundle",
]  # fmt: skip
