"""The bundle file: what it holds, and every kind of bad file refused before anything is written."""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from merge_support import clone_folder, dig, enrol, enrol_key, export, forge, new_device, state

from folder_support import new_store
from lampang_planner.cli import main
from lampang_planner.core.db import SCHEMA_HEAD, Store
from lampang_planner.core.privacy.pin import set_pin
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import keys
from lampang_planner.core.sync.apply import Write
from lampang_planner.core.sync.exchange import device_key, import_bundles, verify_bundle


@pytest.fixture
def pair(tmp_path):
    """A laptop with a few writes, and an office that already holds other data."""
    laptop = new_device(tmp_path / "laptop", "ห้วยพริก")
    office = new_device(tmp_path / "office", "สำนักงาน", role="office")
    with laptop.transaction() as tx:
        wid = tx.insert("workshop", {"title": "เวทีประชาคม อำเภอเกาะคา", "start_date": "2016-08-30"})
        pid = tx.insert("person", {"first_name": "บุญมี", "last_name": "ใจดี", "phone": "0811111111"})
        tx.insert("attendance", {"workshop_id": wid, "person_id": pid, "scans": {"1": "2016-08-30T08:42:00+07:00"}})
    with office.transaction() as tx:
        tx.insert("person", {"first_name": "สมศรี", "last_name": "แก้วมา"})
    enrol(office, laptop)  # the office enrolled its laptop (trust is given, not taken: issue #13)
    yield laptop, office
    laptop.close()
    office.close()


def test_a_bundle_holds_a_signed_manifest_and_the_writes(pair, tmp_path):
    laptop, _office = pair
    path = export(laptop, tmp_path / "out")
    b = B.read_bundle(path)
    m = b.manifest
    # A clear bundle (no sealed field, no passphrase) is written as format 1: the previous version reads it.
    assert m["format"] == B.FORMAT_NAME and m["format_version"] == B.CLEAR_FORMAT_VERSION == 1
    assert m["schema_version"] == SCHEMA_HEAD and m["min_reader_schema"] == B.PAYLOAD_SCHEMA
    assert m["device"]["id"] == laptop.device_id and m["device"]["name"] == "ห้วยพริก"
    assert m["device"]["public_key"] == keys.public_hex(device_key(laptop).public_key())
    assert m["changes"] == 3 and m["counts"] == {"attendance": 1, "person": 1, "workshop": 1}
    log = [Write.from_log(r) for r in laptop.query("SELECT hlc,tbl,row_id,device,author,data,parents FROM change")]
    assert sorted(b.writes(), key=lambda w: w.hlc) == sorted(log, key=lambda w: w.hlc)
    assert m["hlc"] == {"min": min(w.hlc for w in log), "max": max(w.hlc for w in log)}
    assert len(m["payload"]["sha256"]) == 64
    # An ordinary zip: support staff can open it with any archive tool.
    with zipfile.ZipFile(path) as z:
        assert z.namelist() == [B.MANIFEST, B.PAYLOAD, B.SIGNATURE]
        assert z.testzip() is None
        assert json.loads(z.read(B.MANIFEST)) == m


def test_the_device_key_is_made_once_and_kept(tmp_path):
    with new_store(tmp_path / "d") as s:
        k1 = keys.public_hex(device_key(s).public_key())
        k2 = keys.public_hex(device_key(s).public_key())
    assert k1 == k2
    assert (keys.key_path(tmp_path / "d").stat().st_mode & 0o777) == 0o600


def test_export_is_a_delta_since_the_last_export_unless_full(pair, tmp_path):
    laptop, _ = pair
    first = B.read_bundle(export(laptop, tmp_path / "1"))
    assert first.kind == "delta" and first.changes == 3
    assert B.read_bundle(export(laptop, tmp_path / "2")).changes == 0
    with laptop.transaction() as tx:
        tx.insert("person", {"first_name": "คำปัน"})
    third = B.read_bundle(export(laptop, tmp_path / "3"))
    assert third.changes == 1 and third.writes()[0].data["first_name"] == "คำปัน"
    full = B.read_bundle(export(laptop, tmp_path / "4", full=True))
    assert full.kind == "full" and full.changes == 4  # a laptop's full export is not a kit


# --- refused before any write --------------------------------------------------------------------------------------


def refuse(office: Store, path: Path, code: str | set[str]) -> B.BundleError:
    before = state(office)
    with pytest.raises(B.BundleError) as err:
        import_bundles(office, [path])
    assert err.value.code in ({code} if isinstance(code, str) else code), err.value.one_line()
    assert err.value.th and err.value.en and err.value.th != err.value.en  # Thai first, English too
    assert path.name in err.value.th
    assert state(office) == before
    return err.value


def test_a_truncated_file_is_refused(pair, tmp_path):
    laptop, office = pair
    good = export(laptop, tmp_path / "out").read_bytes()
    for cut in (1, 3, 30, len(good) // 2, len(good) - 23, len(good) - 1):
        p = tmp_path / f"cut{cut}.lpbundle"
        p.write_bytes(good[:cut])
        refuse(office, p, {"truncated", "not-a-bundle", "damaged"})
    p = tmp_path / "half.lpbundle"
    p.write_bytes(good[: len(good) // 2])
    assert refuse(office, p, "truncated").th.endswith("ไฟล์ไม่สมบูรณ์ (ถูกตัดหรือคัดลอกไม่ครบ)")


def test_any_single_altered_byte_is_refused(pair, tmp_path):
    laptop, office = pair
    good = export(laptop, tmp_path / "out").read_bytes()
    rng = random.Random(5)
    positions = sorted(set(range(0, len(good), max(1, len(good) // 150))) | {0, 4, 30, len(good) - 1})
    p = tmp_path / "altered.lpbundle"
    before = state(office)
    for pos in positions:
        bad = bytearray(good)
        bad[pos] ^= 1 << rng.randrange(8)
        p.write_bytes(bytes(bad))
        with pytest.raises(B.BundleError):
            import_bundles(office, [p])
    assert state(office) == before
    p.write_bytes(good)  # and the unaltered file imports
    import_bundles(office, [p])
    assert dig(office) != before[0]


def test_a_bad_signature_is_refused(pair, tmp_path):
    laptop, office = pair
    path = export(laptop, tmp_path / "out")
    members = B.unpack(path.read_bytes())
    other = Ed25519PrivateKey.generate()
    p = tmp_path / "resigned.lpbundle"
    p.write_bytes(B.pack([(B.MANIFEST, members[B.MANIFEST]), (B.PAYLOAD, members[B.PAYLOAD]),
                          (B.SIGNATURE, other.sign(members[B.MANIFEST]).hex().encode())]))
    refuse(office, p, "bad-signature")
    # A manifest edited after signing (the counts, with consistent zip headers) fails the signature too.
    m = json.loads(members[B.MANIFEST])
    m["created_at"] = "2016-08-25T09:00:00+07:00"
    p.write_bytes(B.pack([(B.MANIFEST, json.dumps(m, ensure_ascii=False, indent=1, sort_keys=True).encode()),
                          (B.PAYLOAD, members[B.PAYLOAD]), (B.SIGNATURE, members[B.SIGNATURE])]))
    refuse(office, p, "bad-signature")


def test_a_payload_swapped_under_a_valid_signature_is_refused(pair, tmp_path):
    laptop, office = pair
    members = B.unpack(export(laptop, tmp_path / "out").read_bytes())
    with laptop.transaction() as tx:
        tx.insert("person", {"first_name": "แทรก"})
    other = B.unpack(export(laptop, tmp_path / "out2", full=True).read_bytes())
    p = tmp_path / "swapped.lpbundle"
    p.write_bytes(B.pack([(B.MANIFEST, members[B.MANIFEST]), (B.PAYLOAD, other[B.PAYLOAD]),
                          (B.SIGNATURE, members[B.SIGNATURE])]))
    refuse(office, p, "damaged")


def test_an_impostor_device_is_refused(pair, tmp_path):
    laptop, office = pair
    import_bundles(office, [export(laptop, tmp_path / "out")])
    # The laptop's folder copied elsewhere without its key: same device id, a new key.
    twin = Store.open(clone_folder(laptop.data_dir, tmp_path / "twin", new_identity=False))
    try:
        with twin.transaction() as tx:
            tx.insert("person", {"first_name": "ปลอม"})
        err = refuse(office, export(twin, tmp_path / "twin-out"), "impostor")
        assert "เครื่องปลอม" in err.th and "impostor" in err.en
    finally:
        twin.close()
    # A file claiming to be the office itself, signed with another key.
    fake = forge(tmp_path / "self.lpbundle", Ed25519PrivateKey.generate(), device_id=office.device_id)
    refuse(office, fake, "impostor")


def test_two_keys_for_one_new_device_in_one_import_are_refused(pair, tmp_path):
    _laptop, office = pair
    set_pin(office, "2580")
    a = forge(tmp_path / "a.lpbundle", Ed25519PrivateKey.generate(), device_id="00000000000000aa")
    b = forge(tmp_path / "b.lpbundle", Ed25519PrivateKey.generate(), device_id="00000000000000aa")
    before = state(office)
    with pytest.raises(B.BundleError) as err:  # a device never enrolled: refused (no trust on first sight)
        import_bundles(office, [a, b])
    assert err.value.code == "unknown-signer" and state(office) == before
    with pytest.raises(B.BundleError) as err:  # accepting "it" with the PIN: which key? neither
        import_bundles(office, [a, b], accept_signers=True, pin="2580")
    assert err.value.code == "impostor" and state(office) == before


def test_a_newer_format_or_schema_is_refused(pair, tmp_path):
    _laptop, office = pair
    key = Ed25519PrivateKey.generate()
    enrol_key(office, "00000000000000bb", key)
    p = forge(tmp_path / "fmt.lpbundle", key, device_id="00000000000000bb", manifest={"format_version": B.FORMAT_VERSION + 1})
    assert "รุ่นใหม่กว่า" in refuse(office, p, "newer-format").th
    p = forge(tmp_path / "schema.lpbundle", key, device_id="00000000000000bb",
              manifest={"min_reader_schema": "9999", "schema_version": "9999"})
    refuse(office, p, "newer-schema")
    # A newer writer whose payload this version still reads is fine.
    p = forge(tmp_path / "ok.lpbundle", key, device_id="00000000000000bb", manifest={"schema_version": "0009"})
    import_bundles(office, [p])
    # A payload naming a field this version does not know is refused, not half-applied.
    line = ["01472099000000.0000.00000000000000bb", "person", "p1", "00000000000000bb", "", {"shoe_size": 42}, []]
    p = forge(tmp_path / "field.lpbundle", key, device_id="00000000000000bb", lines=[line])
    refuse(office, p, "unknown-field")


def test_path_tricks_in_the_archive_are_refused(pair, tmp_path):
    _laptop, office = pair
    for name in ("../evil.json", "/etc/passwd", "C:evil", "a/../../b", "sub\\..\\..\\x"):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(B.MANIFEST, "{}")
            z.writestr(name, "x")
        p = tmp_path / "trick.lpbundle"
        p.write_bytes(buf.getvalue())
        refuse(office, p, "path-trick")
    assert not (tmp_path / "evil.json").exists() and not (tmp_path.parent / "evil.json").exists()


def test_decompression_bombs_are_refused(pair, tmp_path):
    _laptop, office = pair
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(B.MANIFEST, "{}")
        z.writestr(B.PAYLOAD, b"\0" * (64 << 20))  # 64 MiB of zeros in ~64 KiB
    p = tmp_path / "zipbomb.lpbundle"
    p.write_bytes(buf.getvalue())
    assert p.stat().st_size < 200_000
    refuse(office, p, "bomb")
    # A validly signed payload that inflates beyond what its manifest declares.
    key = Ed25519PrivateKey.generate()
    enrol_key(office, "00000000000000cc", key)
    p = forge(tmp_path / "payloadbomb.lpbundle", key, device_id="00000000000000cc", raw=b"\n" * (8 << 20),
              declared_size=100)
    refuse(office, p, "bomb")
    p = forge(tmp_path / "ratio.lpbundle", key, device_id="00000000000000cc", raw=b" " * (64 << 20))
    refuse(office, p, "bomb")


def test_files_that_are_not_bundles_are_refused(pair, tmp_path):
    _laptop, office = pair
    samples = {
        "empty.lpbundle": b"",
        "notes.txt": "บันทึกการประชุม\n".encode(),
        "scan.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:  # a zip, but something else (an Excel file, say)
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    samples["roster.xlsx"] = buf.getvalue()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:  # our member names, but not our manifest
        z.writestr(B.MANIFEST, json.dumps({"format": "something-else"}))
    samples["other.lpbundle"] = buf.getvalue()
    for name, data in samples.items():
        p = tmp_path / name
        p.write_bytes(data)
        refuse(office, p, "not-a-bundle")
    refuse(office, tmp_path / "missing.lpbundle", "unreadable")


def test_refused_files_fail_the_command_line_with_one_thai_first_line(pair, tmp_path, capsys):
    _laptop, office = pair
    p = tmp_path / "notes.lpbundle"
    p.write_text("ไม่ใช่ไฟล์")
    before = dig(office)
    office.close()
    code = main(["--data-dir", str(tmp_path / "office"), "bundle", "import", str(p)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("ผิดพลาด: notes.lpbundle: ไม่ใช่ไฟล์ข้อมูลแลกเปลี่ยน") and len(err.strip().splitlines()) == 1
    code = main(["--data-dir", str(tmp_path / "office"), "bundle", "verify", str(p)])
    assert code == 2
    with Store.open(tmp_path / "office") as s:
        assert dig(s) == before


def test_skip_refused_imports_the_good_files_and_reports_the_bad(pair, tmp_path):
    laptop, office = pair
    good = export(laptop, tmp_path / "out")
    bad = tmp_path / "bad.lpbundle"
    bad.write_bytes(good.read_bytes()[:100])
    with pytest.raises(B.BundleError):
        import_bundles(office, [good, bad])  # by default one refused file refuses the lot
    report = import_bundles(office, [good, bad], skip_refused=True)
    assert [f.status for f in report.files] == ["imported", "refused"]
    assert report.files[1].error.code == "truncated"
    assert report.added == 3


def test_verify_checks_everything_an_import_does_without_writing(pair, tmp_path):
    laptop, office = pair
    path = export(laptop, tmp_path / "out")
    before = state(office)
    b = verify_bundle(office, path)
    assert b.changes == 3 and b.summary()["device"]["fingerprint"] == keys.fingerprint(b.public_key)
    assert state(office) == before  # not even the key is pinned
    assert verify_bundle(None, path).id == b.id
