"""Who counts as present after two people are merged: the desk, the quorum, the People page's rows, the command
line's list and the name search give one answer (``core.read.presence``), whichever record a laptop checked in."""

from __future__ import annotations

import pytest

from lampang_planner.core.ops.checkin import Kind, check_in, latest_checkins, live_counts, search_people
from lampang_planner.core.ops.people import get_person, list_people, person_workshops
from lampang_planner.core.ops.resolutions import present_count, quorum, registered_count, voters
from lampang_planner.core.read.people import people_rows
from lampang_planner.core.read.presence import live_person, presence_of, roster
from merged_case import LATE_DESK, LATE_SCAN, close, merged_case


@pytest.fixture
def case(tmp_path):
    c = merged_case(tmp_path)
    yield c
    close(c)


def test_a_late_check_in_of_a_merged_away_record_counts_once_everywhere(case):
    office, wid, keep = case.office, case.workshop_id, case.survivor
    assert office.scalar("SELECT person_id FROM attendance WHERE deleted=0") == case.merged_away  # not tidied

    counts = live_counts(office, wid)
    assert (counts.checked_in, counts.invited) == (1, 1)  # the desk
    assert present_count(office, wid) == 1 and registered_count(office, wid) == 1  # the quorum
    q = quorum(office, wid)
    assert (q.present, q.registered, q.met) == (1, 1, True)
    assert [v.person_id for v in voters(office, wid)] == [keep]
    rows = people_rows(office.db, wid)  # the People page
    assert [(r[0], r[-1]) for r in rows] == [(keep, LATE_SCAN)]
    assert [p.id for p in list_people(office, wid)] == [keep]  # the command line
    [recent] = latest_checkins(office, wid)
    assert (recent.person_id, recent.at, recent.desk) == (keep, LATE_SCAN, LATE_DESK)
    [match] = search_people(office, "บุญเรือง", wid)
    assert (match.person_id, match.invited, match.checked_in_at) == (keep, True, LATE_SCAN)
    assert person_workshops(office, keep) == [("เวทีประชาคม อำเภอเกาะคา", "2016-08-30", LATE_SCAN, True)]
    assert set(roster(office.db, wid)) == {keep}
    assert presence_of(office.db, wid, keep).checked_in_at == LATE_SCAN


@pytest.mark.parametrize("whose", ["survivor", "merged_away"])
def test_the_desk_says_already_checked_in_for_either_badge(case, whose):
    office, wid = case.office, case.workshop_id
    code = get_person(office, getattr(case, whose))["code"]
    result = check_in(office, wid, code, desk="สำนักงาน")
    assert (result.kind, result.person_id, result.at) == (Kind.ALREADY, case.survivor, LATE_SCAN)
    assert office.scalar("SELECT COUNT(*) FROM attendance WHERE deleted=0") == 1  # nothing new written
    assert live_counts(office, wid).checked_in == present_count(office, wid) == 1


def test_a_merge_chain_is_followed_to_its_end_and_a_deleted_end_counts_as_no_one(case):
    office, wid = case.office, case.workshop_id
    assert live_person(office.db, case.merged_away) == case.survivor
    with office.transaction() as tx:
        tx.delete("person", case.survivor)
    assert live_person(office.db, case.merged_away) is None
    assert roster(office.db, wid) == {} and live_counts(office, wid).checked_in == 0
    assert present_count(office, wid) == 0 and people_rows(office.db, wid) == []
