"""Clocks are bounded (issue #13): a laptop whose clock runs two years ahead — run for real under ``faketime`` —
moves nobody's clock. Its bundle is refused with a sentence naming it and how far off it is; the office may take it
in as of the import with its PIN, losing nothing, and the kit it sends out then moves no laptop's clock either. Also:
the highest possible stamp, one stamp with two values, a tambon code not in the reference data."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from merge_support import export, forge, new_device, state

from lampang_planner.core.privacy.pin import set_pin
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import trust
from lampang_planner.core.sync.clock import MAX_COUNTER, WALL_DIGITS, Stamp, wall_ms_of
from lampang_planner.core.sync.exchange import import_bundles

TWO_YEARS_DAYS = 730
PIN = "4827"
FAKETIME = shutil.which("faketime")

LAPTOP_SCRIPT = textwrap.dedent("""
    import json, sys, time
    from lampang_planner.core.db import Store
    from lampang_planner.core.sync.exchange import export_bundle
    store = Store.open(sys.argv[1])
    store.set_device(name="ทีมแจ้ห่ม")
    with store.transaction() as tx:
        pid = tx.insert("person", {"first_name": "สมศรี", "last_name": "มาไว", "subdistrict_code": "520101"})
    out = export_bundle(store, sys.argv[2], clear=True)
    print(json.dumps({"now_ms": int(time.time() * 1000), "person": pid, "device": store.device_id,
                      "file": str(out.path), "clock": store.clock.last}))
""")


def _laptop_two_years_ahead(tmp_path):
    """A real laptop process whose whole clock (libfaketime) runs two years ahead: makes a person, exports."""
    if FAKETIME is None:
        if os.environ.get("CI"):
            pytest.fail("faketime is missing: scripts/setup.sh installs it (apt-get install faketime)")
        pytest.skip("faketime is not installed (scripts/setup.sh installs it)")
    out = tmp_path / "stick"
    out.mkdir()
    env = {**os.environ, "FAKETIME_DONT_FAKE_MONOTONIC": "1"}
    proc = subprocess.run([FAKETIME, "-f", f"+{TWO_YEARS_DAYS}d", sys.executable, "-c", LAPTOP_SCRIPT,
                           str(tmp_path / "laptop"), str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    ahead_days = (info["now_ms"] - time.time() * 1000) / 86_400_000
    assert TWO_YEARS_DAYS - 1 < ahead_days < TWO_YEARS_DAYS + 1  # the process really lived two years ahead
    return info


def _office(tmp_path, name="office", *, trusting: tuple[str, Ed25519PrivateKey] | None = None):
    """The office, with its PIN; ``trusting``: a (device id, key) it has enrolled (a forger's, for these tests)."""
    office = new_device(tmp_path / name, "สำนักงาน อบจ.", role="office")
    set_pin(office, PIN)
    if trusting:
        trust.enrol(office, trusting[0], trusting[1].public_key(), "ทดสอบ", pin=PIN)
    return office


def test_a_laptop_two_years_ahead_moves_nobodys_clock(tmp_path):
    info = _laptop_two_years_ahead(tmp_path)
    office = _office(tmp_path)
    trust.enrol(office, info["device"], B.read_bundle(info["file"]).public_key, "ทีมแจ้ห่ม", pin=PIN)
    clock_before = office.clock.last
    before = state(office)
    with pytest.raises(B.BundleError) as err:
        import_bundles(office, [info["file"]])
    e = err.value
    assert e.code == "clock-ahead" and "ทีมแจ้ห่ม" in e.th and info["device"] in e.en
    assert "730 วัน" in e.th and "730 days" in e.en and "--as-of-import" in e.en
    assert state(office) == before and office.clock.last == clock_before
    # Without the office PIN the office cannot take it in either.
    with pytest.raises(Exception) as no_pin:
        import_bundles(office, [info["file"]], take_in_ahead=True)
    assert getattr(no_pin.value, "code", "") == "pin-needed" and state(office) == before

    report = import_bundles(office, [info["file"]], take_in_ahead=True, pin=PIN)
    [fr] = report.files
    assert fr.status == "imported" and fr.restamped == 1
    now_ms = time.time() * 1000
    assert wall_ms_of(office.clock.last) <= now_ms + 1000  # the office's clock stayed on the office's time
    row = office.query("SELECT first_name, origin_device, hlc FROM person WHERE id=?", (info["person"],))[0]
    assert row[0] == "สมศรี" and row[1] == info["device"]  # nothing lost, still credited to the laptop
    assert abs(wall_ms_of(row[2]) - now_ms) < 60_000 and row[2].endswith(info["device"])  # as of the import
    # A later office correction wins (it would have lost to the future stamp for two years).
    with office.transaction() as tx:
        tx.update("person", info["person"], {"first_name": "สมศรี (แก้)"})
    assert office.scalar("SELECT first_name FROM person WHERE id=?", (info["person"],)) == "สมศรี (แก้)"
    # The same file again changes nothing (the new stamps are remembered).
    again = import_bundles(office, [info["file"]], take_in_ahead=True, pin=PIN)
    assert again.files[0].status == "already"

    # The office's kit moves no other laptop's clock.
    other = new_device(tmp_path / "other", "ทีมเกาะคา")
    import_bundles(other, [export(office, tmp_path / "kit", full=True, clear=False, office=PIN)])
    assert wall_ms_of(other.clock.last) <= time.time() * 1000 + 1000
    assert other.scalar("SELECT first_name FROM person WHERE id=?", (info["person"],)) == "สมศรี (แก้)"
    office.close()
    other.close()


def test_the_highest_possible_stamp_breaks_nothing(tmp_path):
    key, dev = Ed25519PrivateKey.generate(), "ffffffffffffffff"
    office = _office(tmp_path, trusting=(dev, key))
    highest = Stamp(10**WALL_DIGITS - 1, MAX_COUNTER, dev).encode()
    line = [highest, "person", "11111111-1111-4111-8111-111111111111", dev, "x/1", {"first_name": "สูงสุด"}, []]
    path = forge(tmp_path / "max.lpbundle", key, device_id=dev, lines=[line])
    with pytest.raises(B.BundleError) as err:
        import_bundles(office, [path])
    assert err.value.code == "clock-ahead"
    import_bundles(office, [path], take_in_ahead=True, pin=PIN)
    with office.transaction() as tx:  # every later local write still makes a well-formed stamp
        for _ in range(3):
            tx.insert("person", {"first_name": "ต่อไป"})
    stamps = [r[0] for r in office.query("SELECT hlc FROM change")]
    assert len(stamps) == 4 and all(B.is_stamp(s) and len(s) == len(highest) for s in stamps)
    assert max(wall_ms_of(s) for s in stamps) <= time.time() * 1000 + 1000
    office.close()


def test_one_stamp_carrying_two_values_is_refused_in_either_order(tmp_path):
    key = Ed25519PrivateKey.generate()
    dev = "abababababababab"
    stamp = Stamp(int(time.time() * 1000) - 60_000, 0, dev).encode()
    rid = "22222222-2222-4222-8222-222222222222"
    a = forge(tmp_path / "a.lpbundle", key, device_id=dev, lines=[[stamp, "person", rid, dev, "x/1",
                                                                     {"first_name": "ก"}, []]])
    b = forge(tmp_path / "b.lpbundle", key, device_id=dev, lines=[[stamp, "person", rid, dev, "x/1",
                                                                     {"first_name": "ข"}, []]])
    both = forge(tmp_path / "both.lpbundle", key, device_id=dev, lines=[
        [stamp, "person", rid, dev, "x/1", {"first_name": "ก"}, []],
        [stamp, "person", rid, dev, "x/1", {"first_name": "ข"}, []]])
    for k, order in enumerate(([a, b], [b, a])):
        office = _office(tmp_path, f"office{k}", trusting=(dev, key))
        before = state(office)
        with pytest.raises(B.BundleError) as err:  # one import of both files: refused whatever the order
            import_bundles(office, order)
        assert err.value.code == "stamp-clash" and stamp in err.value.en and state(office) == before
        with pytest.raises(B.BundleError) as err:  # one file carrying both
            import_bundles(office, [both])
        assert err.value.code == "stamp-clash" and state(office) == before
        import_bundles(office, order[:1])  # one of them alone is fine; the other afterwards is refused
        with pytest.raises(B.BundleError) as err:
            import_bundles(office, order[1:])
        assert err.value.code == "stamp-clash"
        office.close()


def test_a_tambon_code_not_in_the_reference_data_gets_a_sentence(tmp_path):
    key, dev = Ed25519PrivateKey.generate(), "cdcdcdcdcdcdcdcd"
    office = _office(tmp_path, trusting=(dev, key))
    stamp = Stamp(int(time.time() * 1000) - 60_000, 0, dev).encode()
    path = forge(tmp_path / "tambon.lpbundle", key, device_id=dev, lines=[
        [stamp, "need", "33333333-3333-4333-8333-333333333333", dev, "x/1",
         {"title": "ถนน", "subdistrict_code": "529999"}, []]])
    before = state(office)
    with pytest.raises(B.BundleError) as err:
        import_bundles(office, [path])
    e = err.value
    assert e.code == "unknown-reference" and "529999" in e.th and "ตำบล" in e.th and "tambon" in e.en
    assert "Traceback" not in e.en and state(office) == before
    office.close()
