"""Office-only commands (settling conflicts, merging people, building a kit) need the office PIN once one is set."""

from __future__ import annotations

from lampang_planner.cli import main
from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import add_person
from lampang_planner.core.privacy.pin import set_pin
from lampang_planner.core.sync.digest import counts


def test_merging_people_and_building_a_kit_need_the_office_pin(demo_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("LAMPANG_PLANNER_PIN", raising=False)
    with Store.open(demo_dir) as store:
        set_pin(store, "2559")
        a = add_person(store, {"first_name": "ซ้ำ", "last_name": "สองที่", "participant_type": "other"})
        b = add_person(store, {"first_name": "ซ้ำ", "last_name": "สองที่", "participant_type": "other"})
        before = counts(store.db)["people"]
    d = ["--data-dir", str(demo_dir)]

    assert main(["duplicates", "merge", a, b, *d]) == 2  # no PIN given: refused
    assert main(["bundle", "export", "--full", "--out", str(tmp_path / "kit"), *d]) == 2
    assert "PIN" in capsys.readouterr().err
    assert not (tmp_path / "kit").exists() or not any((tmp_path / "kit").iterdir())
    with Store.open(demo_dir) as store:
        assert counts(store.db)["people"] == before

    wrong, right = tmp_path / "wrong.txt", tmp_path / "pin.txt"
    wrong.write_text("0000\n", encoding="utf-8")
    right.write_text("2559\n", encoding="utf-8")
    assert main(["duplicates", "merge", a, b, "--pin-file", str(wrong), *d]) == 2
    assert main(["duplicates", "merge", a, b, "--pin-file", str(right), *d]) == 0
    with Store.open(demo_dir) as store:
        assert counts(store.db)["people"] == before - 1
