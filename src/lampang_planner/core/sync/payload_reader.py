"""Reading a bundle's payload as a stream, in bounded memory (issue #13): bytes and lines in :mod:`.payload_stream`,
checks and parsing in :mod:`.payload_lines`; this module puts them together.

A bundle's payload (``changes.jsonl.z``) is read from the file in pieces of :data:`READ_CHUNK`, decrypted piece by
piece when it is protected, inflated at most :data:`INFLATE_PIECE` at a time and never beyond the size its signed
manifest declares, cut into lines no longer than :data:`MAX_LINE_BYTES`, and parsed in batches of at most
:data:`BATCH_LINES` lines and :data:`BATCH_BYTES` bytes. Each batch becomes :class:`.apply.Write` records that the
import applies before it reads the next, so **memory does not grow with the bundle**: however it was crafted (a zip
bomb, a huge single line, deeply nested JSON, a million tiny changes), the reader holds at most one batch. The limits
are checked while streaming; counts, stamp range and sealed-line count are checked against the manifest when the
stream ends, before the import commits (a refusal then rolls the import back: nothing is written).

Per line (``[hlc, table, row_id, device, author, data, parents]``) the checks are those of the format
(:mod:`.bundle`): known table and fields, scalar values, stamp syntax, the stamp's device is the line's, parents are
stamps (at most :data:`MAX_PARENTS`), reference codes (district, tambon) known, the line's device one the signer may
forward (:mod:`.trust`), sealed personal fields opened with the office's key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lampang_planner.core.sync.apply import Write
from lampang_planner.core.sync.payload_lines import (
    MAX_CHANGES,
    MAX_PARENTS,
    Parser,
    _check_references,
    _data_text,
    _open_sealed,
    _opener,
    reference_fields,
)
from lampang_planner.core.sync.payload_stream import (
    BATCH_BYTES,
    BATCH_LINES,
    INFLATE_PIECE,
    MAX_LINE_BYTES,
    READ_CHUNK,
    _b,
    _bomb,
    _damaged,
    _decode,
    _err,
    _passphrase_error,
    clear_chunks,
    inflate_stream,
    line_batches,
    protected_key,
    stored_chunks,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lampang_planner.core.sync.bundle import Bundle

_Parser = Parser  # its name when it lived here

__all__ = [
    "BATCH_BYTES", "BATCH_LINES", "INFLATE_PIECE", "MAX_CHANGES", "MAX_LINE_BYTES", "MAX_PARENTS", "READ_CHUNK",
    "Parser", "_Parser", "_b", "_bomb", "_check_references", "_damaged", "_data_text", "_decode", "_err",
    "_open_sealed", "_opener", "_passphrase_error", "clear_chunks", "inflate_stream", "iter_writes", "line_batches",
    "parse_payload", "protected_key", "reference_fields", "stored_chunks",
]  # fmt: skip


def iter_writes(bundle: Bundle, *, check_only: bool = False, key: bytes | None = None) -> Iterator[list[Write]]:
    """The writes of a bundle's payload, batch by batch (at most :data:`BATCH_LINES` lines each, read from this
    module when called), every line checked; the whole stream's totals are checked against the manifest after the
    last batch (raises BundleError then, or at the first bad line)."""
    parser = Parser(bundle, check_only)
    pieces = inflate_stream(
        clear_chunks(bundle, key), bundle.manifest["payload"]["size"], bundle.path, bundle.payload_at[1]
    )
    for lines in line_batches(pieces, bundle.path, BATCH_LINES):
        writes = parser.batch(lines)
        del lines  # the batch's text is not held while its writes are applied (each write keeps its own)
        yield writes
        del writes
    parser.finish()


def parse_payload(raw: bytes, bundle: Bundle, *, check_only: bool = False) -> list[Write]:
    """The writes of an inflated payload held in memory (the same checks as :func:`iter_writes`)."""
    parser = Parser(bundle, check_only)
    out: list[Write] = []
    for lines in line_batches([raw], bundle.path, BATCH_LINES):
        out += parser.batch(lines)
    parser.finish()
    return out
