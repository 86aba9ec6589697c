"""Check-in at the door: undo of a check-in, and walk-ins registered, invited and checked in in one call."""

from __future__ import annotations

import checkin_support
import pytest
from checkin_support import AT, LATER, WALK_IN, attendance, snapshot

from lampang_planner.core.errors import ValidationError
from lampang_planner.core.model import Invitation, natural_id
from lampang_planner.core.ops import checkin as C
from lampang_planner.core.qr import is_valid_code, payload
from lampang_planner.core.sync.digest import counts

venue = checkin_support.venue  # the fixture: a workshop with four invited people and one who was not


# --- undo ------------------------------------------------------------------------------------------------------------


def test_undo_takes_back_the_last_check_in_and_a_rescan_brings_it_back(venue):
    store, wid, ids, codes = venue
    before = counts(store.db)
    r = C.check_in(store, wid, codes["somchai"], desk="1", at=AT)
    u = C.undo_checkin(store, r)
    assert u.done and "สมชาย" in u.message("th") and "undone" in u.message("en")
    assert attendance(store, wid, ids["somchai"])["deleted"]
    assert {k: v for k, v in counts(store.db).items() if k not in ("tombstones", "changes")} == {
        k: v for k, v in before.items() if k not in ("tombstones", "changes")
    }
    again = C.undo_checkin(store, r)
    assert not again.done and again.message("en") == "This check-in was already undone"
    # a re-scan revives the attendance; the stored time is the earliest scan ever made at this desk
    r2 = C.check_in(store, wid, codes["somchai"], desk="1", at=LATER)
    assert r2.kind is C.Kind.CHECKED_IN and r2.attendance_created
    stored = attendance(store, wid, ids["somchai"])
    assert not stored["deleted"] and (r2.at, r2.desk) == (stored["at"], stored["desk"]) == (AT, "1")


def test_undo_of_a_check_in_of_someone_not_invited_removes_the_invitation_too(venue):
    store, wid, ids, codes = venue
    before = counts(store.db)
    r = C.check_in(store, wid, codes["stranger"], at=AT, invite=True)
    assert C.undo_checkin(store, r).done
    inv = store.db.execute(
        "SELECT deleted FROM invitation WHERE id=?", (natural_id(Invitation, wid, ids["stranger"]),)
    ).fetchone()
    assert inv == (1,)
    assert counts(store.db)["invitations"] == before["invitations"]


def test_nothing_to_undo_after_amber_or_red(venue):
    store, wid, _ids, codes = venue
    C.check_in(store, wid, codes["john"], at=AT)
    amber = C.check_in(store, wid, codes["john"], at=LATER)
    red = C.check_in(store, wid, "nonsense", at=LATER)
    before = snapshot(store)
    for r in (amber, red):
        u = C.undo_checkin(store, r)
        assert not u.done and u.message("th") and u.message("en")
    assert snapshot(store) == before


def test_undo_leaves_a_person_another_desk_has_seen_since(venue):
    store, wid, ids, codes = venue
    r = C.check_in(store, wid, codes["somsri"], desk="1", at=AT)
    C.check_in(store, wid, codes["somsri"], desk="2", at=LATER)
    u = C.undo_checkin(store, r)
    assert not u.done and "2" in u.message("en")
    assert not attendance(store, wid, ids["somsri"])["deleted"]


# --- walk-ins --------------------------------------------------------------------------------------------------------


def test_a_walk_in_is_registered_invited_and_checked_in_in_one_call(venue):
    store, wid, _ids, _codes = venue
    before = counts(store.db)
    changes_before = before["changes"]
    r = C.register_walk_in(store, wid, dict(WALK_IN), desk="2", at=AT)
    assert r.kind is C.Kind.CHECKED_IN and r.person_created and r.invitation_created and not r.was_invited
    assert r.name == "นางบุญศรี คำแสน" and is_valid_code(r.code)
    assert (r.at, r.desk, r.district_code, r.subdistrict_code) == (AT, "2", "5203", "520303")
    after = counts(store.db)
    assert (after["people"], after["invitations"], after["attendance"]) == (
        before["people"] + 1, before["invitations"] + 1, before["attendance"] + 1
    )  # fmt: skip
    hlcs = {h for (h,) in store.db.execute("SELECT hlc FROM change ORDER BY rowid LIMIT -1 OFFSET ?", (changes_before,))}
    assert len(hlcs) == 3  # person, invitation, attendance — written by one transaction
    person = store.db.execute("SELECT phone, consent, consent_date FROM person WHERE id=?", (r.person_id,)).fetchone()
    assert person[0] == "0891234567" and person[1] == 1 and person[2]
    # their new badge works at once
    assert C.check_in(store, wid, payload(r.code), desk="2", at=LATER).kind is C.Kind.ALREADY


def test_a_walk_in_who_does_not_consent_is_checked_in_without_phone(venue):
    store, wid, _ids, _codes = venue
    r = C.register_walk_in(store, wid, {**WALK_IN, "consent": False}, at=AT)
    assert r.kind is C.Kind.CHECKED_IN and r.person_created
    row = store.db.execute("SELECT first_name, phone, consent, consent_date FROM person WHERE id=?", (r.person_id,))
    assert row.fetchone() == ("บุญศรี", None, 0, None)


def test_undo_of_a_walk_in_removes_the_person_as_well(venue):
    store, wid, _ids, _codes = venue
    before = counts(store.db)
    r = C.register_walk_in(store, wid, dict(WALK_IN), at=AT)
    assert C.undo_checkin(store, r).done
    after = counts(store.db)
    assert [after[k] for k in ("people", "invitations", "attendance")] == [
        before[k] for k in ("people", "invitations", "attendance")
    ]
    assert C.check_in(store, wid, r.code, at=LATER).reason_en == "this person has been removed"


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"first_name": "  "}, {"first_name"}),
        ({"consent": None}, {"consent"}),
        ({"phone": "12345"}, {"phone"}),
        ({"subdistrict_code": "999999"}, {"subdistrict_code"}),
        ({"first_name": "", "consent": None, "subdistrict_code": "9"}, {"first_name", "consent", "subdistrict_code"}),
    ],
)
def test_a_walk_in_with_problems_is_refused_per_field_and_nothing_is_written(venue, change, fields):
    store, wid, _ids, _codes = venue
    before = snapshot(store)
    with pytest.raises(ValidationError) as err:
        C.register_walk_in(store, wid, {**WALK_IN, **change}, at=AT)
    assert set(err.value.problems) == fields
    assert all(th and en for th, en in err.value.problems.values())
    assert snapshot(store) == before
