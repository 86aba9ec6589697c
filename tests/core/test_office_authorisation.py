"""Office-only operations are checked in the core (issue #14): once an office PIN is set, each core function refuses
without proof of it (the PIN, or a pass from ``office_pass``), whichever front end calls; nothing is written."""

from __future__ import annotations

import pytest

from folder_support import new_store
from lampang_planner.cli import main
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops import conflicts as C
from lampang_planner.core.ops import duplicates as D
from lampang_planner.core.privacy.pin import OfficePass, authorise_office, office_pass, set_pin
from lampang_planner.core.privacy.retention import purge_expired
from lampang_planner.core.privacy.rights import erase_person
from lampang_planner.core.sync.digest import digest
from lampang_planner.core.sync.exchange import export_bundle
from merged_case import close, merged_case

PIN = "2559"


@pytest.fixture
def case(tmp_path):
    c = merged_case(tmp_path)
    set_pin(c.office, PIN)
    yield c
    close(c)


def office_only_calls(case, out):
    """Each office-only core operation, as ``f(office)``."""
    store = case.office
    return {
        "merge": lambda office: D.merge_people(store, [case.survivor, case.merged_away], office=office),
        "dismiss": lambda office: D.dismiss(store, [case.survivor, case.merged_away], office=office),
        "tidy": lambda office: D.tidy_merged(store, office=office),
        "resolve": lambda office: C.resolve(store, "no-such-conflict", C.KEEP, office=office),
        "resolve-all": lambda office: C.resolve_all(store, office=office),
        "kit": lambda office: export_bundle(store, out, full=True, office=office),
        "erase": lambda office: erase_person(store, case.survivor, office=office),
        "purge": lambda office: purge_expired(store, office=office),
    }


@pytest.mark.parametrize("op", ["merge", "dismiss", "tidy", "resolve", "resolve-all", "kit", "erase", "purge"])
def test_each_office_only_operation_refuses_without_proof_of_the_pin(case, tmp_path, op):
    out = tmp_path / "out"
    out.mkdir()
    call = office_only_calls(case, out)[op]
    before = digest(case.office.db), case.office.get_setting(D.DISMISSED_KEY)
    for proof, code in ((None, "pin-needed"), ("0000", "bad-pin"), (OfficePass(case.office.data_dir), "pin-needed")):
        with pytest.raises(UserError) as err:
            call(proof)
        assert err.value.code == code
    assert (digest(case.office.db), case.office.get_setting(D.DISMISSED_KEY)) == before and not any(out.iterdir())


def test_a_pass_opens_its_own_folder_only(case, tmp_path):
    office = office_pass(case.office, PIN)
    authorise_office(case.office, office)
    assert D.tidy_merged(case.office, office=office) == 1  # the late check-in moves to the survivor
    assert export_bundle(case.office, tmp_path, full=True, office=PIN).kind == "kit"  # the PIN itself works too
    laptop = case.laptops[0]
    set_pin(laptop, "1234")
    with pytest.raises(UserError):
        authorise_office(laptop, office)  # made for the office's folder
    with pytest.raises(UserError):
        office_pass(case.office, "1234")


def test_without_a_pin_set_nothing_can_be_proved_and_the_operation_passes(tmp_path):
    with new_store(tmp_path / "fresh") as store:
        authorise_office(store, None)
        assert D.tidy_merged(store) == 0


def test_dismiss_on_the_command_line_asks_for_the_pin_like_merge(case, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("LAMPANG_PLANNER_PIN", raising=False)
    folder = ["--data-dir", str(case.office.data_dir)]
    ids = [case.survivor, case.merged_away]
    assert main(["duplicates", "dismiss", *ids, *folder]) == 2
    assert "PIN" in capsys.readouterr().err and case.office.get_setting(D.DISMISSED_KEY) in (None, "")
    pin_file = tmp_path / "pin.txt"
    pin_file.write_text(PIN + "\n", encoding="utf-8")
    assert main(["duplicates", "dismiss", *ids, "--pin-file", str(pin_file), *folder]) == 0
