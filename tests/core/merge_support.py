"""Helpers shared by the bundle, merge, kit and duplicate tests: devices in temporary folders, exchanges through
real bundle files, and forged bundles for the refusal tests."""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import sqlite3
import zlib
from pathlib import Path

from folder_support import new_store
from lampang_planner.core.db import Store
from lampang_planner.core.paths import DB_FILENAME
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import keys
from lampang_planner.core.sync.digest import digest
from lampang_planner.core.sync.exchange import device_key, export_bundle, import_bundles


def new_device(folder: Path, name: str, role: str | None = None) -> Store:
    """The data folder at ``folder`` named ``name``: a new one (a copy of the empty template, ``folder_support``)
    unless it holds a database already."""
    store = Store.open(folder) if (Path(folder) / DB_FILENAME).exists() else new_store(folder)
    store.set_device(name=name, **({"role": role} if role else {}))
    return store


def enrol(into: Store, *others: Store) -> None:
    """``into`` has enrolled ``others`` (as its office would, with its PIN, or through a kit's list): it accepts
    their bundles. Trust is given, never taken on first sight (issue #13)."""
    with into.transaction() as tx:
        for o in others:
            keys.pin(tx.db, o.device_id, keys.public_hex(device_key(o).public_key()), o.device_name, o.role)


def enrol_folder(into: Path, *folders: Path) -> None:
    """The data folder ``into`` has enrolled the devices of ``folders`` (as :func:`enrol`, by path)."""
    stores = [Store.open(f, create=False) for f in folders]
    try:
        with Store.open(into, create=False) as target:
            enrol(target, *stores)
    finally:
        for s in stores:
            s.close()


def enrol_key(into: Store, device_id: str, key, name: str = "forger", role: str = "laptop") -> None:
    """``into`` has enrolled ``device_id`` with the public half of ``key`` (for forged files from that device)."""
    with into.transaction() as tx:
        keys.pin(tx.db, device_id, keys.public_hex(key.public_key()), name, role)


def enrol_all(*stores: Store) -> None:
    """Every one of ``stores`` has enrolled every other."""
    for s in stores:
        enrol(s, *(o for o in stores if o is not s))


def office_and_laptops(folder: Path, title: str = "เวทีประชาคม อำเภอเกาะคา") -> tuple[Store, Store, Store, str]:
    """An office with one workshop (``title``, 30 Aug 2016), and two laptops ("โต๊ะ 1", "โต๊ะ 2") that started from
    its kit, each enrolled by the other and by the office: (office, laptop a, laptop b, workshop id)."""
    from lampang_planner.core.sync.exchange import import_bundles

    office = new_device(folder / "office", "สำนักงาน", role="office")
    with office.transaction() as tx:
        wid = tx.insert("workshop", {"title": title, "start_date": "2016-08-30"})
    kit = export(office, folder / "kit", full=True)
    a, b = new_store(folder / "a"), new_store(folder / "b")
    for s, name in ((a, "โต๊ะ 1"), (b, "โต๊ะ 2")):
        s.set_device(name=name)
        import_bundles(s, [kit])
    enrol_all(a, b)  # the office enrolled both laptops, and its next kit named each to the other
    enrol(office, a, b)
    return office, a, b, wid


def clone_folder(src: Path, dst: Path, *, new_identity: bool = True) -> Path:
    """Copy a data folder; with ``new_identity`` the copy is another device (new id, no key yet)."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("keys", "backups"))
    if new_identity:
        db = sqlite3.connect(dst / DB_FILENAME)
        db.execute("UPDATE device SET id=?, clock=''", (secrets.token_hex(8),))
        db.execute("DELETE FROM trusted_device")
        db.execute("DELETE FROM bundle_log")
        db.commit()
        db.close()
    return dst


def dig(store: Store) -> str:
    return digest(store.db)


def export(store: Store, folder: Path, *, full: bool = False, **kw) -> Path:
    """A bundle of ``store`` in ``folder``. In clear unless told otherwise (``clear=False``): these tests exchange
    bundles between laptops, which cannot open personal fields sealed to the office (test_bundle_crypto does)."""
    kw.setdefault("clear", True)
    folder.mkdir(parents=True, exist_ok=True)
    return export_bundle(store, folder, full=full, **kw).path


def exchange(src: Store, dst: Store, folder: Path, *, full: bool = True) -> Path:
    """``src``'s bundle imported into ``dst`` (which has enrolled ``src``)."""
    enrol(dst, src)
    path = export(src, folder, full=full)
    import_bundles(dst, [path])
    return path


def state(store: Store) -> tuple:
    """Everything an import must not touch when it refuses: data, log, trust store, bundle log, backups."""
    backups = sorted(p.name for p in (store.data_dir / "backups").glob("*")) if (store.data_dir / "backups").exists() \
        else []
    return (
        dig(store),
        store.scalar("SELECT COUNT(*) FROM change"),
        store.query("SELECT * FROM trusted_device ORDER BY id"),
        store.query("SELECT id, direction FROM bundle_log ORDER BY id"),
        store.query("SELECT role, office_device_id, clock FROM device"),
        backups,
    )


def forge(
    path: Path,
    key,
    *,
    device_id: str,
    lines: list[list] | None = None,
    raw: bytes | None = None,
    manifest: dict | None = None,
    members: list[tuple[str, bytes]] | None = None,
    declared_size: int | None = None,
) -> Path:
    """A bundle signed with ``key`` whose manifest and payload the caller controls (valid unless told otherwise)."""
    if raw is None:
        raw = b"".join(json.dumps(x, ensure_ascii=False).encode() + b"\n" for x in (lines or []))
    blob = zlib.compress(raw)
    rows = lines or []
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[1]] = counts.get(r[1], 0) + 1
    m = {
        "format": B.FORMAT_NAME,
        "format_version": B.FORMAT_VERSION,
        "schema_version": "0002",
        "min_reader_schema": B.PAYLOAD_SCHEMA,
        "app_version": "test",
        "bundle_id": secrets.token_hex(8),
        "kind": "delta",
        "device": {"id": device_id, "name": "forger", "role": "laptop",
                   "public_key": keys.public_hex(key.public_key())},
        "office": None,
        "created_at": "2016-08-25T08:00:00+07:00",
        "hlc": {"min": min((r[0] for r in rows), default=None), "max": max((r[0] for r in rows), default=None)},
        "changes": len(rows),
        "counts": dict(sorted(counts.items())),
        "payload": {"name": B.PAYLOAD, "compression": "zlib", "size": len(raw) if declared_size is None
                    else declared_size, "stored_size": len(blob), "sha256": hashlib.sha256(blob).hexdigest()},
    }
    m.update(manifest or {})
    mb = json.dumps(m, ensure_ascii=False, indent=1, sort_keys=True).encode()
    sig = key.sign(mb).hex().encode()
    path.write_bytes(B.pack(members if members is not None else [(B.MANIFEST, mb), (B.PAYLOAD, blob),
                                                                  (B.SIGNATURE, sig)]))
    return path
