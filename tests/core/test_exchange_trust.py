"""Trust is given, not taken (issue #13): the office enrols its laptops with its PIN, kits carry the office-signed
list of enrolled devices, and no line may claim a device its signer is not entitled to forward."""

from __future__ import annotations

import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from merge_support import dig, export, forge, new_device, state

from lampang_planner.cli import main
from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.pin import set_pin
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import keys, trust
from lampang_planner.core.sync.clock import Stamp
from lampang_planner.core.sync.exchange import device_key, import_bundles

PIN = "80808"


@pytest.fixture
def office(tmp_path):
    office = new_device(tmp_path / "office", "สำนักงาน อบจ.ลำปาง", role="office")
    set_pin(office, PIN)
    with office.transaction() as tx:
        tx.insert("workshop", {"title": "เวทีประชาคม อำเภอเถิน", "start_date": "2016-09-01"})
        tx.insert("person", {"first_name": "บุญมี", "last_name": "ทองมา"})
    yield office
    office.close()


def laptop(office, tmp_path, name):
    """A field laptop set up from the office's kit, with one walk-in of its own."""
    s = new_device(tmp_path / name, name)
    import_bundles(s, [export(office, tmp_path / f"kit-{name}", full=True, office=PIN)])
    assert s.office_device_id == office.device_id
    with s.transaction() as tx:
        tx.insert("person", {"first_name": f"เดินเข้า {name}"})
    return s


def test_an_unknown_signer_is_refused_until_the_office_accepts_it_with_its_pin(office, tmp_path):
    lap = laptop(office, tmp_path, "ทีมเถิน")
    path = export(lap, tmp_path / "d")
    before = state(office)
    with pytest.raises(B.BundleError) as err:
        import_bundles(office, [path])
    e = err.value
    fp = keys.fingerprint(keys.public_hex(device_key(lap).public_key()))
    assert e.code == "unknown-signer" and "ทีมเถิน" in e.th and fp in e.th and fp in e.en
    assert "--accept-signer" in e.en and state(office) == before
    for pin, code in ((None, "pin-needed"), ("11111", "bad-pin")):
        with pytest.raises(UserError) as err:
            import_bundles(office, [path], accept_signers=True, pin=pin)
        assert err.value.code == code and state(office) == before
    report = import_bundles(office, [path], accept_signers=True, pin=PIN)
    assert report.files[0].accepted and report.added == 1
    assert trust.is_enrolled(office, lap.device_id, keys.public_hex(device_key(lap).public_key()))
    with lap.transaction() as tx:  # enrolled: the next bundle needs nothing
        tx.insert("person", {"first_name": "คนต่อไป"})
    assert import_bundles(office, [export(lap, tmp_path / "d2")]).added == 1
    lap.close()


def test_without_an_office_pin_set_nobody_can_accept_a_stranger(tmp_path):
    office = new_device(tmp_path / "office", "สำนักงาน", role="office")
    stranger = new_device(tmp_path / "s", "แปลกหน้า")
    with stranger.transaction() as tx:
        tx.insert("person", {"first_name": "ก"})
    with pytest.raises(UserError) as err:
        import_bundles(office, [export(stranger, tmp_path / "x")], accept_signers=True, pin="1234")
    assert err.value.code == "pin-needed" and "privacy set-pin" in err.value.en
    office.close()
    stranger.close()


def test_a_forged_bundle_arriving_first_no_longer_locks_the_real_laptop_out(office, tmp_path):
    lap = laptop(office, tmp_path, "ทีมเกาะคา")
    fake_key = Ed25519PrivateKey.generate()
    now = int(time.time() * 1000)
    line = [Stamp(now, 0, lap.device_id).encode(), "person", "44444444-4444-4444-8444-444444444444", lap.device_id,
            "x/1", {"first_name": "ปลอม"}, []]
    fake = forge(tmp_path / "fake.lpbundle", fake_key, device_id=lap.device_id, lines=[line])
    with pytest.raises(B.BundleError) as err:  # arrives first: refused, and pins nothing
        import_bundles(office, [fake])
    assert err.value.code == "unknown-signer"
    assert keys.pinned_key(office.db, lap.device_id) is None
    import_bundles(office, [export(lap, tmp_path / "real")], accept_signers=True, pin=PIN)  # the real one
    with pytest.raises(B.BundleError) as err:  # and now the forger is an impostor
        import_bundles(office, [fake], accept_signers=True, pin=PIN)
    assert err.value.code == "impostor"
    assert office.scalar("SELECT COUNT(*) FROM person WHERE first_name='ปลอม'") == 0
    lap.close()


def test_kits_carry_the_office_signed_list_of_enrolled_devices(office, tmp_path):
    a = laptop(office, tmp_path, "ทีมแม่ทะ")
    import_bundles(office, [export(a, tmp_path / "a1")], accept_signers=True, pin=PIN)  # the office enrols A
    b = new_device(tmp_path / "b", "ทีมสบปราบ")
    kit = export(office, tmp_path / "kit-b", full=True, office=PIN)
    listed = B.read_bundle(kit).manifest[trust.ENROLLED]
    assert [d["id"] for d in listed] == [a.device_id]  # inside the manifest the office signed
    import_bundles(b, [kit])
    assert keys.pinned_key(b.db, a.device_id) == keys.public_hex(device_key(a).public_key())
    with a.transaction() as tx:
        tx.insert("person", {"first_name": "จากแม่ทะ"})
    import_bundles(b, [export(a, tmp_path / "a-to-b", full=True)])  # sibling at the venue: accepted, no PIN
    assert b.scalar("SELECT COUNT(*) FROM person WHERE first_name='จากแม่ทะ'") == 1
    c = laptop(office, tmp_path, "ทีมงาว")  # set up from a kit too, but never enrolled by the office
    with pytest.raises(B.BundleError) as err:
        import_bundles(b, [export(c, tmp_path / "c-to-b")])
    assert err.value.code == "unknown-signer"
    for s in (a, b, c):
        s.close()


def test_no_line_may_claim_a_device_its_signer_cannot_forward(office, tmp_path):
    lap = laptop(office, tmp_path, "ทีมลอง")
    import_bundles(office, [export(lap, tmp_path / "first")], accept_signers=True, pin=PIN)
    key = device_key(lap)  # the laptop's own, enrolled key, signing forged lines
    now = int(time.time() * 1000)
    rid = "55555555-5555-4555-8555-555555555555"
    # A line in the office's own name that the office never wrote: the audit log would credit the office.
    as_office = [Stamp(now, 0, office.device_id).encode(), "person", rid, office.device_id, "สำนักงาน/1",
                 {"first_name": "อ้างสำนักงาน"}, []]
    # A line of a device nobody enrolled.
    stranger = "5a5a5a5a5a5a5a5a"
    as_stranger = [Stamp(now, 1, stranger).encode(), "person", rid, stranger, "x/1", {"first_name": "ผี"}, []]
    before = state(office)
    for n, line in enumerate((as_office, as_stranger)):
        p = forge(tmp_path / f"forged{n}.lpbundle", key, device_id=lap.device_id, lines=[line])
        with pytest.raises(B.BundleError) as err:
            import_bundles(office, [p])
        assert err.value.code == "forged-line" and err.value.th.startswith(p.name), err.value.one_line()
        assert state(office) == before
    # What a laptop legitimately forwards — the office's own lines it got in its kit — still imports.
    full = export(lap, tmp_path / "full", full=True)
    assert import_bundles(office, [full]).added == 0 and dig(office) == before[0]
    lap.close()


def test_the_command_line_accepts_a_signer_with_the_office_pin(office, tmp_path, capsys):
    lap = laptop(office, tmp_path, "ทีมวังเหนือ")
    path = export(lap, tmp_path / "d")
    folder = str(office.data_dir)
    office.close()
    assert main(["--data-dir", folder, "bundle", "import", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("ผิดพลาด:") and "unknown-signer" not in err and "--accept-signer" in err
    pin_file = tmp_path / "pin.txt"
    pin_file.write_text(PIN + "\n", encoding="utf-8")
    assert main(["--data-dir", folder, "bundle", "import", str(path), "--accept-signer", "--pin-file",
                 str(pin_file)]) == 0
    out = capsys.readouterr().out
    assert "ลงทะเบียนเครื่อง ทีมวังเหนือ" in out and lap.device_id in out
    lap.close()
