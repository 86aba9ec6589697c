"""Limits that hold memory flat (issue #13): crafted bundles — zip bombs, deeply nested JSON, a huge single line, a
million tiny changes — are refused or imported within a fixed memory budget, measured for real: each import runs in
a child process and reports its peak resident memory (``resource.getrusage(...).ru_maxrss``) against the same
process's resident memory just before the import (the data folder open, every module loaded). When an earlier peak
(opening the folder) was higher than the import's, the figure is that earlier peak: an upper bound."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import subprocess
import sys
import time
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from merge_support import enrol_key, new_device

from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import keys
from lampang_planner.core.sync.clock import Stamp

BUDGET_MIB = 64  # an import's peak memory above the open folder's, whatever the bundle (bench/ states it too)
DEVICE = "c0ffee00c0ffee00"

# Linux carries a process's peak RSS across fork and exec: a child forked straight from this (large) process would
# report this process's peak. A small launcher forks the measured process instead, so its ru_maxrss is its own.
LAUNCH = "import subprocess, sys; sys.exit(subprocess.call([sys.executable, '-c', *sys.argv[1:]]))"

CHILD = """
import json, resource, sys
from lampang_planner.core.db import Store
from lampang_planner.core.sync import payload_reader  # noqa: F401  (loaded before the baseline is read)
from lampang_planner.core.sync.bundle import BundleError
from lampang_planner.core.sync.exchange import import_bundles
store = Store.open(sys.argv[1], create=False)
store.query("SELECT COUNT(*) FROM change")
with open("/proc/self/statm") as fh:  # resident now (KiB); ru_maxrss is the peak so far, which may be higher
    base = int(fh.read().split()[1]) * resource.getpagesize() // 1024
code = "imported"
try:
    report = import_bundles(store, [sys.argv[2]], find_duplicates=False)
    code += f" added={report.added} unchanged={report.unchanged}"
except BundleError as exc:
    code = exc.code
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"code": code, "base_kib": base, "peak_kib": peak}))
"""


def compress(chunks: Iterable[bytes], level: int = 6) -> tuple[bytes, int]:
    """A payload compressed as it is generated (the crafting test stays small too), and its size inflated."""
    comp = zlib.compressobj(level)
    blob, size = bytearray(), 0
    for c in chunks:
        size += len(c)
        blob += comp.compress(c)
    blob += comp.flush()
    return bytes(blob), size


def forge_stream(path: Path, key, chunks: Iterable[bytes] | tuple[bytes, int], *, changes: int, counts: dict,
                 hlc: tuple, declared: int | None = None, device: str = DEVICE) -> Path:
    """A signed bundle of the payload ``chunks`` (or of a payload :func:`compress` made already)."""
    blob, size = chunks if isinstance(chunks, tuple) else compress(chunks)
    m = {
        "format": B.FORMAT_NAME, "format_version": 1, "schema_version": "0002", "min_reader_schema": B.PAYLOAD_SCHEMA,
        "app_version": "test", "bundle_id": secrets.token_hex(8), "kind": "delta",
        "device": {"id": device, "name": "crafted", "role": "laptop", "public_key": keys.public_hex(key.public_key())},
        "office": None, "created_at": "2016-08-25T08:00:00+07:00", "hlc": {"min": hlc[0], "max": hlc[1]},
        "changes": changes, "counts": counts,
        "payload": {"name": B.PAYLOAD, "compression": "zlib", "size": size if declared is None else declared,
                    "stored_size": len(blob), "sha256": hashlib.sha256(blob).hexdigest()},
    }  # fmt: skip
    mb = json.dumps(m, ensure_ascii=False, indent=1, sort_keys=True).encode()
    path.write_bytes(B.pack([(B.MANIFEST, mb), (B.PAYLOAD, blob), (B.SIGNATURE, key.sign(mb).hex().encode())]))
    return path


def repeat(piece: bytes, total: int) -> Iterable[bytes]:
    block = piece * max(1, (1 << 20) // len(piece))
    sent = 0
    while sent < total:
        part = block[: total - sent]
        sent += len(part)
        yield part


def measure(folder: Path, bundle: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", LAUNCH, CHILD, str(folder), str(bundle)], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["extra_mib"] = (out["peak_kib"] - out["base_kib"]) / 1024
    return out


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    root = tmp_path_factory.mktemp("memory")
    key = Ed25519PrivateKey.generate()
    store = new_device(root / "office", "สำนักงาน", role="office")
    enrol_key(store, DEVICE, key, "ผู้ทดสอบ")  # enrolled: the crafted payloads reach the parser
    store.close()
    return root, key


def _stamp(i: int = 0) -> str:
    return Stamp(int(time.time() * 1000) - 3_600_000, i, DEVICE).encode()


def _line(stamp: str, body: dict) -> bytes:
    row = [stamp, "person", "66666666-6666-4666-8666-666666666666", DEVICE, "x/1", body, []]
    return json.dumps(row, ensure_ascii=False).encode() + b"\n"


def crafted(root: Path, key) -> dict[str, tuple[Path, set[str]]]:
    s = _stamp()
    one = {"changes": 1, "counts": {"person": 1}, "hlc": (s, s)}
    out: dict[str, tuple[Path, set[str]]] = {}
    # 256 MiB of zeros in 0.25 MiB, declared honestly (beyond any sane ratio) and declared as 100 bytes: one payload,
    # compressed once, in two files.
    zeros = b"\0" * (1 << 20)
    bomb = compress(zeros for _ in range(256))
    out["zip bomb, honest size"] = (forge_stream(root / "bomb1.lpbundle", key, bomb, **one), {"bomb"})
    out["zip bomb, lying size"] = (forge_stream(root / "bomb2.lpbundle", key, bomb, declared=100, **one),
                                   {"bomb", "too-big"})
    # One line of 96 MiB (more than the budget) within the ratio cap: hex text, which compresses only ~2× (zlib's
    # fastest level: 1.7×; its default spent 4 s of this test for 3% less).
    noise = (os.urandom(1 << 19).hex().encode() for _ in range(96))
    out["huge single line"] = (forge_stream(root / "line.lpbundle", key, compress(noise, 1), **one), {"too-big"})
    # A line of nothing but brackets, 100,000 deep (within the line limit: the parser's recursion refuses it).
    deep = b"[" * 100_000 + b"]" * 100_000 + b"\n"
    out["deeply nested JSON"] = (forge_stream(root / "deep.lpbundle", key, [deep], **one), {"damaged"})
    # A million tiny changes, each its own stamp, all to one record: every line streamed and checked; refused once
    # the record holds more writes than field work makes (the conflict check would otherwise hold them all).
    n = 1_000_000
    base = int(time.time() * 1000) - 3_600_000
    first, last = Stamp(base, 0, DEVICE).encode(), Stamp(base + (n - 1) // 65536, (n - 1) % 65536, DEVICE).encode()
    out["1,000,000 tiny changes"] = (forge_stream(root / "million.lpbundle", key, tiny_changes(base, n), changes=n,
                                                  counts={"person": n}, hlc=(first, last)), {"too-big"})
    return out


TINY = {"first_name": "ก"}


def tiny_changes(base: int, n: int) -> Iterator[bytes]:
    """The lines ``_line(Stamp(base + i // 65536, i % 65536).encode(), TINY)`` for i < ``n``, a millisecond's 65,536
    at a time: the line's text around the stamp's time joined by C (``bytes.join``), not one json.dumps and one stamp
    per line in Python (5.5 s of this test). Lines are compared with ``_line``'s at every millisecond's start and end."""
    head, tail = _line("@STAMP@", TINY).split(b"@STAMP@")
    after = [f".{Stamp(0, c, DEVICE).encode().split('.', 1)[1]}".encode() + tail for c in range(65536)]
    for i in range(0, n, 65536):
        wall = base + i // 65536
        lead = head + Stamp(wall, 0, DEVICE).encode().split(".")[0].encode()
        count = min(65536, n - i)
        block = lead + lead.join(after[:count])
        lines = block.splitlines(keepends=True)
        assert len(lines) == count
        for c in (0, count - 1):
            assert lines[c] == _line(Stamp(wall, c, DEVICE).encode(), TINY), (lines[c], c)
        yield block


def test_crafted_bundles_stay_within_the_memory_budget(office, tmp_path):
    root, key = office
    results = {}
    for name, (path, codes) in crafted(tmp_path, key).items():
        r = measure(root / "office", path)
        results[name] = r
        assert r["code"] in codes, (name, r)
    report = {k: f"{v['code']}: +{v['extra_mib']:.1f} MiB" for k, v in results.items()}
    print(json.dumps(report, ensure_ascii=False, indent=1))
    assert all(v["extra_mib"] <= BUDGET_MIB for v in results.values()), report


def test_a_million_changes_from_an_unknown_signer_are_refused_before_they_are_read(office, tmp_path):
    root, _key = office
    stranger = Ed25519PrivateKey.generate()
    s = Stamp(int(time.time() * 1000) - 3_600_000, 0, "badbadbadbadbad0").encode()
    line = json.dumps([s, "person", "7", "badbadbadbadbad0", "", {"first_name": "x"}, []]).encode() + b"\n"
    path = forge_stream(tmp_path / "stranger.lpbundle", stranger, repeat(line, 1_000_000 * len(line)),
                        changes=1_000_000, counts={"person": 1_000_000}, hlc=(s, s), device="badbadbadbadbad0")
    t0 = time.perf_counter()
    r = measure(root / "office", path)
    assert r["code"] == "unknown-signer" and r["extra_mib"] <= BUDGET_MIB, r
    assert time.perf_counter() - t0 < 60
