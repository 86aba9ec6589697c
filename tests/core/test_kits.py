"""Offices and field laptops: a full export from an office is a kit that a fresh laptop starts from."""

from __future__ import annotations

import json

import pytest
from merge_support import clone_folder, dig, export, new_device, state

from folder_support import new_store
from lampang_planner.cli import main
from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.pin import set_pin
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import keys, kits
from lampang_planner.core.sync.digest import counts
from lampang_planner.core.sync.exchange import device_key, export_bundle, identity, import_bundles


@pytest.fixture
def office(demo_store):
    assert demo_store.role == "office"
    return demo_store


def test_a_full_export_from_an_office_is_a_kit_a_fresh_laptop_starts_from(office, tmp_path):
    kit = B.read_bundle(export(office, tmp_path / "kit", full=True))
    office_key = keys.public_hex(device_key(office).public_key())
    assert kit.kind == "kit" and kit.device_role == "office"
    box_key = keys.box_public_hex(keys.load_box_key(office.data_dir).public_key())
    assert kit.office == {"id": office.device_id, "name": office.device_name, "public_key": office_key,
                          "encryption_key": box_key}  # next to the signing key: laptops seal personal fields to it
    with new_store(tmp_path / "laptop") as laptop:
        assert laptop.role == "laptop" and laptop.office_device_id is None
        report = import_bundles(laptop, [kit.path])
        assert report.office_adopted == office.device_name
        assert laptop.role == "laptop" and laptop.office_device_id == office.device_id
        assert keys.pinned_key(laptop.db, office.device_id) == office_key
        assert laptop.scalar("SELECT role FROM trusted_device WHERE id=?", (office.device_id,)) == "office"
        assert dig(laptop) == dig(office)
        me = identity(laptop)
        assert me.office_id == office.device_id and me.office_name == office.device_name
        # The laptop's bundles name its office, and carry only what the office does not have.
        assert B.read_bundle(export(laptop, tmp_path / "d0")).changes == 0
        with laptop.transaction() as tx:
            tx.insert("person", {"first_name": "เดินเข้า"})
        delta = B.read_bundle(export(laptop, tmp_path / "d1"))
        assert delta.changes == 1 and delta.office["id"] == office.device_id
    with Store.open(tmp_path / "laptop") as laptop:  # the role survives reopening
        assert laptop.office_device_id == office.device_id


def test_a_kit_can_be_limited_to_one_workshop(office, tmp_path):
    wid, title = office.query(
        "SELECT id, title FROM workshop WHERE start_date > '2016-08-25' ORDER BY start_date LIMIT 1")[0]
    invited = {r[0] for r in office.query("SELECT person_id FROM invitation WHERE workshop_id=? AND deleted=0",
                                          (wid,))}
    r = export_bundle(office, tmp_path, full=True, workshops=[wid])
    assert r.kind == "kit" and r.workshops == (wid,)
    with new_store(tmp_path / "laptop") as laptop:
        import_bundles(laptop, [r.path])
        assert laptop.query("SELECT id, title FROM workshop") == [(wid, title)]
        people = {p[0] for p in laptop.query("SELECT id FROM person")}
        assert invited <= people and len(people) < counts(office.db)["people"]
        c = counts(laptop.db)
        assert c["resolutions"] == counts(office.db)["resolutions"] and c["clauses"] == counts(office.db)["clauses"]
        assert laptop.scalar("SELECT COUNT(*) FROM need WHERE workshop_id != ?", (wid,)) == 0
        assert laptop.office_device_id == office.device_id
    # A limited kit does not move the office's delta watermark.
    assert export_bundle(office, tmp_path, full=False).changes == counts(office.db)["changes"]
    with pytest.raises(UserError) as err:
        export_bundle(office, tmp_path, full=True, workshops=["no-such-workshop"])
    assert err.value.code == "unknown-workshop"


def test_kits_from_another_office_or_an_impostor_office_are_refused(office, tmp_path):
    kit = export(office, tmp_path / "kit", full=True)
    laptop = new_store(tmp_path / "laptop")
    import_bundles(laptop, [kit])
    other = new_device(tmp_path / "other", "สำนักงานอื่น", role="office")
    with other.transaction() as tx:
        tx.insert("workshop", {"title": "อื่น"})
    before = state(laptop)
    with pytest.raises(B.BundleError) as err:
        import_bundles(laptop, [export(other, tmp_path / "other-kit", full=True)])
    assert err.value.code == "other-office" and state(laptop) == before
    # The office folder copied with the same id but a new key: its kit is an impostor's.
    twin = Store.open(clone_folder(office.data_dir, tmp_path / "twin", new_identity=False))
    with pytest.raises(B.BundleError) as err:
        import_bundles(laptop, [export(twin, tmp_path / "twin-kit", full=True)])
    assert err.value.code == "impostor" and state(laptop) == before
    # And an office does not take another office's kit.
    with pytest.raises(B.BundleError) as err:
        import_bundles(other, [kit])
    assert err.value.code == "kit-into-office"
    # Another office's ordinary bundle (not a kit) is a stranger's: refused until accepted with the PIN, then it
    # is data like any other.
    with other.transaction() as tx:
        tx.insert("person", {"first_name": "ข้ามสำนักงาน"})
    delta = export(other, tmp_path / "other-delta")
    with pytest.raises(B.BundleError) as err:
        import_bundles(laptop, [delta])
    assert err.value.code == "unknown-signer" and state(laptop) == before
    set_pin(laptop, "1357")
    import_bundles(laptop, [delta], accept_signers=True, pin="1357")
    assert laptop.scalar("SELECT COUNT(*) FROM person WHERE first_name='ข้ามสำนักงาน'") == 1
    assert laptop.office_device_id == office.device_id
    for s in (laptop, other, twin):
        s.close()


def test_the_role_is_chosen_while_the_folder_is_empty(tmp_path, capsys):
    with new_store(tmp_path / "a") as s:
        kits.set_role(s, "office")
        assert s.role == "office"
        kits.set_role(s, "laptop")
        with s.transaction() as tx:
            tx.insert("person", {"first_name": "ก"})
        with pytest.raises(UserError) as err:
            kits.set_role(s, "office")
        assert err.value.code == "role-fixed"
        with pytest.raises(UserError):
            kits.set_role(s, "boss")
    assert main(["--data-dir", str(tmp_path / "b"), "bundle", "device", "--role", "office", "--json"]) == 0
    me = json.loads(capsys.readouterr().out)
    assert me["role"] == "office" and me["office"]["id"] == me["id"] and len(me["public_key"]) == 64


def test_demo_makes_an_office(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "d"), "bundle", "device", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["role"] == "office"
    assert main(["--data-dir", str(tmp_path / "d"), "bundle", "export", "--full", "--out", str(tmp_path),
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "kit" and out["changes"] > 4000
    assert main(["--data-dir", str(tmp_path / "fresh"), "bundle", "import", out["file"]]) == 0
    assert "เครื่องนี้เป็นเครื่องภาคสนามของ" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "fresh"), "bundle", "history", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["direction"] == "in" and row["kind"] == "kit"
    assert main(["--data-dir", str(tmp_path / "fresh"), "bundle", "trust", "--json"]) == 0
    [office] = json.loads(capsys.readouterr().out)
    assert office["role"] == "office"
    assert main(["--data-dir", str(tmp_path / "fresh"), "bundle", "trust", "--forget", office["id"]]) == 2
