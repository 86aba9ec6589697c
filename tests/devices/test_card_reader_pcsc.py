"""End to end on the real PC/SC stack: pcscd with the vsmartcard-vpcd reader, and the virtual Thai ID card of
pcsc_support.py inserted into it. A card is read by the watcher thread the desk uses, then checked in through the core.
Every bad case gives its sentence and writes nothing."""

from __future__ import annotations

import queue
import time

import pytest

from lampang_planner.core.devices.pcsc import CardEvent, CardWatcher, ReaderStatus, list_readers
from lampang_planner.core.ops.card_checkin import check_in_card, set_pays_allowances, workshop_pays_allowances
from lampang_planner.core.ops.checkin import register_walk_in
from lampang_planner.core.ops.duplicates import merge_people
from lampang_planner.core.ops.people import add_person
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.privacy.rights import erase_person
from lampang_planner.core.sync.digest import digest
from pcsc_support import ATR_3B67, ATR_3B68, CardPerson

SOMCHAI = {"prefix": "นาย", "first_name": "สมชาย", "last_name": "ใจดี", "participant_type": "community_council",
           "subdistrict_code": "520305", "citizen_id": "3520100123457"}  # fmt: skip


class Desk:
    """The watcher as the check-in screen runs it, with its events in queues."""

    def __init__(self) -> None:
        self.cards: queue.Queue[CardEvent] = queue.Queue()
        self.statuses: queue.Queue[ReaderStatus] = queue.Queue()
        self.watcher = CardWatcher(self.cards.put, self.statuses.put, retry_seconds=0.3)

    def __enter__(self) -> Desk:
        self.watcher.start()
        return self

    def __exit__(self, *exc) -> None:
        started = time.perf_counter()
        self.watcher.stop()
        assert time.perf_counter() - started < 1.0  # the desk closes at once, not after a PC/SC timeout

    def card(self, timeout: float = 8.0) -> CardEvent:
        return self.cards.get(timeout=timeout)

    def status(self, pred, timeout: float = 10.0) -> ReaderStatus:
        end = time.monotonic() + timeout
        while True:
            st = self.statuses.get(timeout=max(0.01, end - time.monotonic()))
            if pred(st):
                return st


@pytest.fixture
def venue(empty_store):
    wid = add_workshop(empty_store, {"title": "เวทีประชาคม อำเภอเกาะคา", "start_date": "2016-09-03",
                                     "district_code": "5203"})  # fmt: skip
    return empty_store, wid


@pytest.mark.parametrize("atr", [ATR_3B67, ATR_3B68], ids=["3B67-getresponse-p2-01", "3B68-getresponse-p2-00"])
def test_inserting_the_card_checks_the_person_in(pcsc, venue, atr):
    store, wid = venue
    pid = add_person(store, SOMCHAI, workshop_id=wid)
    with Desk() as desk:
        desk.status(lambda s: s.ready)
        card = pcsc.card(CardPerson(), atr=atr).insert()
        event = desk.card()
        card.pull()
    assert event.error is None, event.error
    assert {a[3] for a in card.applet.apdus if a[1] == 0xC0} == {0x01 if atr == ATR_3B67 else 0x00}
    done = check_in_card(store, wid, event.card, desk="1")
    assert done.result is not None and done.result.kind == "checked-in" and done.result.person_id == pid
    assert store.scalar("SELECT COUNT(*) FROM attendance WHERE person_id=? AND deleted=0", (pid,)) == 1


def test_a_merged_away_record_leads_to_the_surviving_person(pcsc, venue):
    store, wid = venue
    old = add_person(store, SOMCHAI)  # the roster's copy, with the citizen ID
    new = add_person(store, {**SOMCHAI, "citizen_id": None}, workshop_id=wid)
    survivor = merge_people(store, [old, new], prefer=new)
    with Desk() as desk:
        card = pcsc.card().insert()
        event = desk.card()
        card.pull()
    done = check_in_card(store, wid, event.card, desk="1")
    assert done.result.person_id == survivor == store.scalar("SELECT id FROM person WHERE merged_into IS NULL "
                                                             "AND deleted=0 AND first_name='สมชาย'")  # fmt: skip


def test_someone_not_on_file_gets_the_walk_in_form_filled_and_nothing_is_written(pcsc, venue):
    store, wid = venue
    before = digest(store.db)
    person = CardPerson(citizen_id="1520100987650", name_th="นางสาว#มะลิ##ศรีสุข", name_en="Miss#Mali##Srisuk",
                        address="7#หมู่ที่ 2#####ตำบลพระบาท#อำเภอเมืองลำปาง#จังหวัดลำปาง", expiry="25680101")
    with Desk() as desk:
        card = pcsc.card(person).insert()
        event = desk.card()
        card.pull()
    done = check_in_card(store, wid, event.card, pays_allowances=False, at="2026-12-07T08:30:00+07:00")
    assert done.result is None and digest(store.db) == before
    assert done.walk_in == {"prefix": "นางสาว", "first_name": "มะลิ", "last_name": "ศรีสุข",
                            "district_code": "5201", "subdistrict_code": "520105"}  # fmt: skip
    assert "หมดอายุ" in done.note_th and "expired" in done.note_en  # accepted, with a note
    assert not workshop_pays_allowances(store, wid)  # off unless the workshop says so
    set_pays_allowances(store, wid, True)
    paid = check_in_card(store, wid, event.card)
    assert paid.walk_in["citizen_id"] == "1520100987650"
    assert paid.walk_in["address"] == "7 หมู่ที่ 2 ตำบลพระบาท อำเภอเมืองลำปาง จังหวัดลำปาง"
    # what the walk-in registration then keeps depends on consent (core.privacy.consent)
    agreed = register_walk_in(store, wid, {**paid.walk_in, "consent": True}, desk="1")
    refused = register_walk_in(store, wid, {**paid.walk_in, "first_name": "มะลิวัลย์", "consent": False}, desk="1")
    kept = {pid: store.db.execute("SELECT citizen_id, address, subdistrict_code FROM person WHERE id=?",
                                  (pid,)).fetchone() for pid in (agreed.person_id, refused.person_id)}  # fmt: skip
    assert kept[agreed.person_id] == ("1520100987650", paid.walk_in["address"], "520105")
    assert kept[refused.person_id] == (None, None, "520105")
    # an erasure forgets the address with the rest
    erase_person(store, agreed.person_id)
    assert store.db.execute("SELECT citizen_id, address FROM person WHERE id=?", (agreed.person_id,)).fetchone() == (
        None, None)  # fmt: skip


@pytest.mark.parametrize(
    "kind, code",
    [("not-thai-id", "not-thai-id"), ("unpowerable", "unpowered"), ("pulled", "card-removed")],
)
def test_bad_cards_give_a_sentence(pcsc, venue, kind, code):
    store, _ = venue
    before = digest(store.db)
    card = {
        "not-thai-id": lambda: pcsc.card(applet={"thai_id": False}),
        "unpowerable": lambda: pcsc.card(atr=b"\x00\x00\x00"),  # no valid answer to reset: the reader gives up
        "pulled": lambda: pcsc.card(pull_after=6),  # out of the slot after six APDUs
    }[kind]()
    with Desk() as desk:
        card.insert()
        event = desk.card()
        card.pull()
    assert event.card is None and event.error.code == code
    assert event.error.th and event.error.en and not event.error.th.isascii()
    assert digest(store.db) == before


def test_pcscd_stopping_and_no_reader_are_reported_and_recovered(pcsc):
    with Desk() as desk:
        desk.status(lambda s: s.ready)
        pcsc.stop()
        down = desk.status(lambda s: s.error is not None)
        assert down.error.code == "no-service" and "pcscd" in down.error.th
        pcsc.start(with_reader=False)
        assert desk.status(lambda s: s.error is not None and s.error.code == "no-reader").error.th.startswith(
            "ไม่พบเครื่องอ่านบัตร"
        )
        pcsc.stop()
        pcsc.start()
        desk.status(lambda s: s.ready)
        card = pcsc.card().insert()
        assert desk.card().card.citizen_id == "3520100123457"  # back in service without restarting the desk
        card.pull()
    assert list_readers()
