"""Draft resolutions: clauses and their versions, amendments, quorum from check-ins, votes by hands and by name, the
office's side-by-side view, adoption, and two laptops' votes converging."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from log_support import exchange

from folder_support import new_store
from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops import resolutions as R
from lampang_planner.core.ops.checkin import check_in_person
from lampang_planner.core.ops.people import add_person
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.core.thai.dates import today_lampang


class Meeting:
    """A workshop with ``n`` people invited and a draft resolution of three clauses."""

    def __init__(self, store: Store, n: int = 10, title: str = "เวทีอำเภอเมือง") -> None:
        self.store = store
        self.wid = add_workshop(store, {"title": title, "start_date": "2016-08-30", "district_code": "5201"})
        self.people = [add_person(store, {"first_name": f"คน{i}"}, workshop_id=self.wid) for i in range(n)]
        self.rid = R.add_resolution(store, {"title": "ร่างมติสมัชชา ประจำปี 2559", "year_be": "๒๕๕๙"})
        self.clauses = [R.add_clause(store, self.rid, t) for t in ("ข้อหนึ่ง", "ข้อสอง", "ข้อสาม")]

    def check_in(self, k: int) -> None:
        for pid in self.people[:k]:
            check_in_person(self.store, self.wid, pid)


@pytest.fixture
def m(empty_store):
    return Meeting(empty_store)


# --- resolutions, clauses, versions ---------------------------------------------------------------------------------


def test_a_resolution_has_numbered_clauses_whose_text_keeps_its_versions(empty_store, m):
    (res,) = R.list_resolutions(empty_store)
    assert res.title.startswith("ร่างมติ") and res.year_be == 2559 and res.status == "draft" and res.clauses == 3
    assert [(c.number, c.text) for c in R.list_clauses(empty_store, m.rid)] == [(1, "ข้อหนึ่ง"), (2, "ข้อสอง"),
                                                                               (3, "ข้อสาม")]
    assert R.edit_clause_text(empty_store, m.clauses[0], "ข้อหนึ่ง (แก้ไขโดยสำนักงาน)")
    assert not R.edit_clause_text(empty_store, m.clauses[0], " ข้อหนึ่ง (แก้ไขโดยสำนักงาน) ")  # unchanged
    versions = R.clause_versions(empty_store, m.clauses[0])
    assert [(v.source, v.text) for v in versions] == [("draft", "ข้อหนึ่ง"), ("office", "ข้อหนึ่ง (แก้ไขโดยสำนักงาน)")]
    assert all(v.created_on == today_lampang() for v in versions)
    assert R.add_clause(empty_store, m.rid, "ข้อสิบ", number=10)
    assert R.add_clause(empty_store, m.rid, "ต่อท้าย") and R.list_clauses(empty_store, m.rid)[-1].number == 11


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda s, m: R.add_resolution(s, {"title": " "}), "title"),
        (lambda s, m: R.add_resolution(s, {"title": "x", "year_be": 2016}), "year_be"),
        (lambda s, m: R.add_resolution(s, {"title": "x", "colour": "red"}), "colour"),
        (lambda s, m: R.add_clause(s, m.rid, ""), "text"),
        (lambda s, m: R.add_clause(s, m.rid, "ซ้ำ", number=2), "number"),
        (lambda s, m: R.add_clause(s, m.rid, "ศูนย์", number=0), "number"),
        (lambda s, m: R.edit_clause_text(s, m.clauses[0], "ใหม่", source="someone"), "source"),
        (lambda s, m: R.propose_amendment(s, m.clauses[0], m.wid, "", "นายข", "ใหม่"), "mover"),
        (lambda s, m: R.propose_amendment(s, m.clauses[0], m.wid, "นายก", "", "ใหม่"), "seconder"),
        (lambda s, m: R.propose_amendment(s, m.clauses[0], m.wid, "นายก", "นายข", "ข้อหนึ่ง"), "text"),
    ],
)
def test_bad_input_is_refused_per_field_and_writes_nothing(empty_store, m, call, field):
    before = digest(empty_store.db)
    with pytest.raises(ValidationError) as err:
        call(empty_store, m)
    assert field in err.value.problems
    assert digest(empty_store.db) == before


def test_amendments_are_recorded_per_workshop_and_can_be_withdrawn(empty_store, m):
    aid = R.propose_amendment(empty_store, m.clauses[1], m.wid, "นายก ใจดี", "นางข ศรีวิชัย", "ข้อสอง และรายงานผลทุกปี")
    (a,) = R.list_amendments(empty_store, workshop_id=m.wid)
    assert (a.id, a.mover, a.seconder, a.status) == (aid, "นายก ใจดี", "นางข ศรีวิชัย", "proposed")
    assert R.list_amendments(empty_store, clause_id=m.clauses[0]) == []
    assert R.list_amendments(empty_store, resolution_id=m.rid)[0].id == aid
    assert R.withdraw_amendment(empty_store, aid)
    assert R.list_amendments(empty_store, clause_id=m.clauses[1])[0].status == "withdrawn"
    with pytest.raises(UserError) as err:
        R.propose_amendment(empty_store, m.clauses[1], "no-such-workshop", "ก", "ข", "ค")
    assert err.value.code == "unknown-workshop"
    with pytest.raises(UserError) as err:
        R.edit_clause_text(empty_store, m.clauses[0], "ใหม่", source=f"amendment:{aid}")
    assert err.value.code == "wrong-clause"


# --- quorum ------------------------------------------------------------------------------------------------------


def test_quorum_follows_the_people_checked_in(empty_store, m):
    q = R.quorum(empty_store, m.wid)
    assert (q.present, q.registered, q.required, q.met) == (0, 10, 5, False)
    m.check_in(4)
    assert R.quorum(empty_store, m.wid).present == 4 and not R.quorum(empty_store, m.wid).met
    check_in_person(empty_store, m.wid, m.people[4])
    q = R.quorum(empty_store, m.wid)
    assert (q.present, q.met) == (5, True)
    assert q.as_json()["rule_th"] == "ไม่น้อยกว่ากึ่งหนึ่งของผู้ลงทะเบียน"
    # a walk-in registered at the desk (the desk confirms: invited with the check-in) counts as registered and present
    walk_in = add_person(empty_store, {"first_name": "มาใหม่"})
    check_in_person(empty_store, m.wid, walk_in, invite=True)
    q = R.quorum(empty_store, m.wid)
    assert (q.present, q.registered, q.required) == (6, 11, 6)


def test_quorum_at_a_moment_counts_only_those_checked_in_by_then(empty_store, m):
    t0 = dt.datetime(2016, 8, 30, 9, 0, tzinfo=R.BANGKOK)
    for k, pid in enumerate(m.people[:6]):
        check_in_person(empty_store, m.wid, pid, at=t0 + dt.timedelta(minutes=10 * k))
    assert R.quorum(empty_store, m.wid, at=t0 + dt.timedelta(minutes=25)).present == 3
    assert R.quorum(empty_store, m.wid, at=t0 - dt.timedelta(minutes=1)).present == 0
    assert R.quorum(empty_store, m.wid).present == 6


@pytest.mark.parametrize(
    ("rule", "registered", "required"),
    [
        (R.QuorumRule(), 10, 5),
        (R.QuorumRule(), 11, 6),
        (R.QuorumRule(more_than=True), 10, 6),
        (R.QuorumRule(Fraction(1, 3)), 600, 200),
        (R.QuorumRule(Fraction(1, 3)), 601, 201),
        (R.QuorumRule(fixed=25), 600, 25),
        (R.QuorumRule(), 0, 1),  # never zero
    ],
)
def test_quorum_rules(rule, registered, required):
    assert rule.required(registered) == required
    assert rule.describe("th") and rule.describe("en")


# --- votes -------------------------------------------------------------------------------------------------------


def test_a_show_of_hands_cannot_count_more_votes_than_people_present(empty_store, m):
    with pytest.raises(UserError) as err:
        R.record_vote(empty_store, m.wid, m.clauses[0], for_count=1, against_count=0, abstain_count=0)
    assert err.value.code == "no-one-present"
    m.check_in(6)
    before = digest(empty_store.db)
    with pytest.raises(UserError) as err:
        R.record_vote(empty_store, m.wid, m.clauses[0], for_count=5, against_count=1, abstain_count=1)
    assert err.value.code == "too-many-votes" and "7" in err.value.th and "6" in err.value.th
    with pytest.raises(ValidationError) as verr:
        R.record_vote(empty_store, m.wid, m.clauses[0], for_count="ห้า", against_count=-1, abstain_count=None)
    assert set(verr.value.problems) == {"for_count", "against_count", "abstain_count"}
    assert digest(empty_store.db) == before

    v = R.record_vote(empty_store, m.wid, m.clauses[0], for_count="๔", against_count=1, abstain_count=1)
    assert (v.for_count, v.against_count, v.abstain_count, v.present, v.carried) == (4, 1, 1, 6, True)
    assert v.recorded_at.endswith("+07:00")
    v2 = R.record_vote(empty_store, m.wid, m.clauses[0], for_count=2, against_count=3, abstain_count=1)
    assert v2.id == v.id and not v2.carried  # a correction replaces the record: one vote per workshop and clause
    assert counts(empty_store.db)["votes"] == 1
    assert R.get_vote(empty_store, v.id).against_count == 3


def test_a_vote_by_name_is_counted_from_ballots_of_people_present(empty_store, m):
    m.check_in(5)
    aid = R.propose_amendment(empty_store, m.clauses[2], m.wid, "นายก", "นายข", "ข้อสาม ฉบับแก้ไข")
    v = R.record_vote(empty_store, m.wid, m.clauses[2], aid, method="named")
    assert v.total == 0 and v.amendment_id == aid
    with pytest.raises(ValidationError):
        R.record_vote(empty_store, m.wid, m.clauses[2], aid, method="named", for_count=3)
    for pid, choice in zip(m.people[:5], ("for", "for", "เห็นด้วย", "against", "Abstain"), strict=True):
        v = R.record_ballot(empty_store, v.id, pid, choice)
    assert (v.for_count, v.against_count, v.abstain_count) == (3, 1, 1)
    v = R.record_ballot(empty_store, v.id, m.people[3], "for")  # a person changes their vote: still one ballot
    assert (v.for_count, v.against_count, v.total) == (4, 0, 5) and len(R.ballots(empty_store, v.id)) == 5
    with pytest.raises(UserError) as err:
        R.record_ballot(empty_store, v.id, m.people[7], "for")  # not checked in
    assert err.value.code == "not-present"
    with pytest.raises(ValidationError):
        R.record_ballot(empty_store, v.id, m.people[0], "maybe")
    v = R.withdraw_ballot(empty_store, v.id, m.people[0])
    assert v.total == 4
    with pytest.raises(UserError) as err:
        R.withdraw_ballot(empty_store, v.id, m.people[0])
    assert err.value.code == "no-ballot"
    with pytest.raises(UserError) as err:  # a vote with ballots cannot silently become a show of hands
        R.record_vote(empty_store, m.wid, m.clauses[2], aid, for_count=1, against_count=0, abstain_count=0)
    assert err.value.code == "vote-has-ballots"
    hands = R.record_vote(empty_store, m.wid, m.clauses[0], for_count=1, against_count=0, abstain_count=0)
    with pytest.raises(UserError) as err:
        R.record_ballot(empty_store, hands.id, m.people[0], "for")
    assert err.value.code == "not-named"
    assert R.delete_vote(empty_store, v.id) and R.get_vote(empty_store, v.id) is None
    assert counts(empty_store.db)["ballots"] == 0


def test_a_vote_on_an_amendment_of_another_clause_is_refused(empty_store, m):
    m.check_in(3)
    aid = R.propose_amendment(empty_store, m.clauses[0], m.wid, "ก", "ข", "ใหม่")
    with pytest.raises(UserError) as err:
        R.record_vote(empty_store, m.wid, m.clauses[1], aid, for_count=1, against_count=0, abstain_count=0)
    assert err.value.code == "wrong-clause"


def test_clauses_and_resolutions_with_votes_cannot_be_deleted(empty_store, m):
    m.check_in(3)
    R.record_vote(empty_store, m.wid, m.clauses[0], for_count=3, against_count=0, abstain_count=0)
    for call in (lambda: R.delete_clause(empty_store, m.clauses[0]), lambda: R.delete_resolution(empty_store, m.rid)):
        with pytest.raises(UserError) as err:
            call()
        assert err.value.code == "has-votes"
    assert R.delete_clause(empty_store, m.clauses[2])
    assert [c.number for c in R.list_clauses(empty_store, m.rid)] == [1, 2]


# --- the office: side by side and adoption ----------------------------------------------------------------------------


def test_the_office_sees_every_workshops_amendments_and_votes_side_by_side_and_adopts(empty_store, m):
    m.check_in(8)
    other = add_workshop(empty_store, {"title": "เวทีอำเภอเกาะคา", "start_date": "2016-09-02", "district_code": "5203"})
    for pid in m.people[:6]:
        check_in_person(empty_store, other, pid, invite=True)  # invited on the spot at the other workshop
    a1 = R.propose_amendment(empty_store, m.clauses[1], m.wid, "ก", "ข", "ข้อสอง ฉบับอำเภอเมือง")
    a2 = R.propose_amendment(empty_store, m.clauses[1], other, "ค", "ง", "ข้อสอง ฉบับเกาะคา")
    R.record_vote(empty_store, m.wid, m.clauses[0], for_count=6, against_count=1, abstain_count=1)
    R.record_vote(empty_store, other, m.clauses[0], for_count=4, against_count=2, abstain_count=0)
    R.record_vote(empty_store, m.wid, m.clauses[1], a1, for_count=5, against_count=3, abstain_count=0)
    R.record_vote(empty_store, other, m.clauses[1], a2, for_count=1, against_count=5, abstain_count=0)

    side = R.votes_side_by_side(empty_store, m.rid)
    assert [w.id for w in side.workshops] == [m.wid, other]  # by date
    c1, c2, _c3 = side.clauses
    assert list(c1.votes) == [m.wid, other]
    assert (c1.totals.for_count, c1.totals.against_count, c1.totals.abstain_count, c1.totals.workshops) == (10, 3, 1, 2)
    assert [a.amendment.id for a in c2.amendments] == [a1, a2]
    assert c2.amendments[0].votes[m.wid].carried and not c2.amendments[1].votes[other].carried
    assert side.as_json()["clauses"][1]["amendments"][0]["totals"]["for"] == 5

    assert R.adopt_clause_text(empty_store, m.clauses[1], source=f"amendment:{a1}")
    assert [a.status for a in R.list_amendments(empty_store, clause_id=m.clauses[1])] == ["adopted", "proposed"]
    assert R.adopt_clause_text(empty_store, m.clauses[1], source=f"amendment:{a2}")  # the office changes its mind
    assert [a.status for a in R.list_amendments(empty_store, clause_id=m.clauses[1])] == ["proposed", "adopted"]
    R.adopt_clause_text(empty_store, m.clauses[2], "ข้อสาม ถ้อยคำที่สำนักงานเรียบเรียง")
    text = R.adopt_resolution(empty_store, m.rid, on="1/10/2559")
    assert [t.text for t in text] == ["ข้อหนึ่ง", "ข้อสอง ฉบับเกาะคา", "ข้อสาม ถ้อยคำที่สำนักงานเรียบเรียง"]
    res = R.get_resolution(empty_store, m.rid)
    assert res.status == "adopted" and res.adopted_on == dt.date(2016, 10, 1)
    sources = [v.source for v in R.clause_versions(empty_store, m.clauses[1])]
    assert sources == ["draft", f"amendment:{a1}", f"amendment:{a2}"]  # every text kept

    before = digest(empty_store.db)
    for call in (
        lambda: R.edit_clause_text(empty_store, m.clauses[0], "แก้หลังรับรอง"),
        lambda: R.add_clause(empty_store, m.rid, "ข้อใหม่"),
        lambda: R.record_vote(empty_store, m.wid, m.clauses[0], for_count=1, against_count=0, abstain_count=0),
        lambda: R.propose_amendment(empty_store, m.clauses[0], m.wid, "ก", "ข", "อื่น"),
        lambda: R.adopt_resolution(empty_store, m.rid),
    ):
        with pytest.raises(UserError) as err:
            call()
        assert err.value.code == "resolution-adopted"
    assert digest(empty_store.db) == before


def test_a_resolution_without_clauses_cannot_be_adopted(empty_store):
    rid = R.add_resolution(empty_store, {"title": "ว่าง"})
    with pytest.raises(UserError) as err:
        R.adopt_resolution(empty_store, rid)
    assert err.value.code == "no-clauses"
    with pytest.raises(ValidationError):
        R.adopt_resolution(empty_store, rid, on="not a date")


def test_the_demo_votes_never_exceed_the_people_present(demo_store):
    (res,) = R.list_resolutions(demo_store)
    side = R.votes_side_by_side(demo_store, res.id)
    assert len(side.workshops) >= 2
    votes = [v for c in side.clauses for v in c.votes.values()]
    votes += [v for c in side.clauses for a in c.amendments for v in a.votes.values()]
    assert votes and all(v.total <= v.present for v in votes)


# --- two laptops ---------------------------------------------------------------------------------------------------


def test_the_same_vote_recorded_on_two_laptops_is_one_record_and_ballots_add_up(tmp_path):
    a = new_store(tmp_path / "a")
    b = new_store(tmp_path / "b")
    try:
        m = Meeting(a, n=4)
        exchange(a, b)
        for pid in m.people[:2]:
            check_in_person(a, m.wid, pid, desk="1")
        for pid in m.people[2:]:
            check_in_person(b, m.wid, pid, desk="2")
        exchange(a, b)
        exchange(b, a)
        va = R.record_vote(a, m.wid, m.clauses[0], method="named")
        vb = R.record_vote(b, m.wid, m.clauses[0], method="named")
        assert va.id == vb.id
        R.record_ballot(a, va.id, m.people[0], "for")
        R.record_ballot(a, va.id, m.people[1], "against")
        R.record_ballot(b, vb.id, m.people[2], "for")
        R.record_ballot(b, vb.id, m.people[3], "abstain")
        exchange(a, b)
        exchange(b, a)
        assert digest(a.db) == digest(b.db)
        assert counts(a.db)["votes"] == 1 and counts(a.db)["ballots"] == 4
        merged = R.get_vote(a, va.id)  # readers recount the merged ballots
        assert (merged.for_count, merged.against_count, merged.abstain_count) == (2, 1, 1)
    finally:
        a.close()
        b.close()
