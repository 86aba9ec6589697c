"""The Thai ID card's fields and APDU exchange, against the virtual card's applet (no PC/SC here: that is
test_card_reader_pcsc.py). Names and address are TIS-620 bytes as a real card holds them."""

from __future__ import annotations

import datetime as dt

import pytest

from lampang_planner.core.devices.thai_id_card import (
    CardError,
    get_response_p2,
    parse_address,
    parse_be_date,
    parse_name,
    read_card,
)
from pcsc_support import ATR_3B67, ATR_3B68, PHOTO_END, PHOTO_START, CardPerson, ThaiIdApplet


def transmit_to(applet: ThaiIdApplet):
    def transmit(apdu: list[int]) -> tuple[list[int], int, int]:
        r = applet.answer(bytes(apdu))
        return list(r[:-2]), r[-2], r[-1]

    return transmit


@pytest.mark.parametrize("atr, p2", [(ATR_3B67, 0x01), (ATR_3B68, 0x00)])
def test_both_get_response_forms_read_the_whole_card_and_never_the_photo(atr, p2):
    applet = ThaiIdApplet(CardPerson(), atr)
    card = read_card(transmit_to(applet), list(atr), today=dt.date(2026, 12, 7))
    assert get_response_p2(atr) == p2
    assert {a[3] for a in applet.apdus if a[1] == 0xC0} == {p2}
    assert card.citizen_id == "3520100123457"
    assert (card.name_th.prefix, card.name_th.first, card.name_th.last) == ("นาย", "สมชาย", "ใจดี")
    assert card.name_th.full() == "นายสมชาย ใจดี" and card.name_en.full() == "Mr. Somchai Jaidee"
    assert card.birth.date == dt.date(1967, 3, 15) and card.birth.year_be == 2510
    assert card.expiry.date == dt.date(2031, 3, 9) and not card.expired
    assert card.address.street == "99/1 หมู่ที่ 4"
    assert (card.address.tambon, card.address.amphoe, card.address.province) == ("ศาลา", "เกาะคา", "ลำปาง")
    assert (card.address.district_code, card.address.subdistrict_code) == ("5203", "520305")
    assert not [o for o in applet.offsets_read if PHOTO_START <= o < PHOTO_END]


def test_a_card_that_contradicts_its_atr_is_asked_the_other_way():
    applet = ThaiIdApplet(CardPerson(), ATR_3B67)
    card = read_card(transmit_to(applet), list(ATR_3B68))  # the ATR says P2 0, the card wants P2 1
    assert card.citizen_id == "3520100123457"
    assert [a[3] for a in applet.apdus if a[1] == 0xC0][:2] == [0x00, 0x01]


def test_not_a_thai_id_card_and_a_bad_citizen_id():
    with pytest.raises(CardError) as exc:
        read_card(transmit_to(ThaiIdApplet(thai_id=False)), list(ATR_3B68))
    assert exc.value.code == "not-thai-id" and exc.value.th.startswith("บัตรนี้ไม่ใช่บัตรประจำตัวประชาชน")
    with pytest.raises(CardError, match="check digit"):
        read_card(transmit_to(ThaiIdApplet(CardPerson(citizen_id="3520100123450"))), list(ATR_3B68))


def test_dates_unknown_day_lifetime_card_and_expired_note():
    assert parse_be_date("24990000").date is None and parse_be_date("24990000").year_be == 2499
    assert parse_be_date("99999999").lifetime and parse_be_date("99999999").date is None
    applet = ThaiIdApplet(CardPerson(expiry="25680101"))
    card = read_card(transmit_to(applet), list(ATR_3B68), today=dt.date(2026, 12, 7))
    assert card.expired
    th, en = card.expiry_note()
    assert "หมดอายุ" in th and "1 ม.ค. 2568" in th and "2025-01-01" in en
    lifetime = read_card(transmit_to(ThaiIdApplet(CardPerson(expiry="99999999"))), list(ATR_3B68))
    assert not lifetime.expired and lifetime.expiry_note() == ("", "")


def test_names_and_addresses_as_cards_write_them():
    assert parse_name("นางสาว#มะลิ#วรรณ#ศรีสุข").given == "มะลิ วรรณ"
    assert parse_name("นาง#จันทร์เพ็ญ##อินต๊ะ").full() == "นางจันทร์เพ็ญ อินต๊ะ"
    a = parse_address("12/3#หมู่ที่ 7#ตรอกวัด#ซอย 2#ถนนพหลโยธิน#ตำบลพระบาท#อำเภอเมืองลำปาง#จังหวัดลำปาง")
    assert a.street == "12/3 หมู่ที่ 7 ตรอกวัด ซอย 2 ถนนพหลโยธิน"
    assert (a.district_code, a.subdistrict_code) == ("5201", "520105")
    bkk = parse_address("1#####แขวงพระบรมมหาราชวัง#เขตพระนคร#กรุงเทพมหานคร")
    assert bkk.province == "กรุงเทพมหานคร" and not bkk.in_lampang and bkk.tambon == "พระบรมมหาราชวัง"
    other = parse_address("5#หมู่ที่ 1####ตำบลศาลา#อำเภอเกาะคา#จังหวัดเชียงใหม่")
    assert other.district_code == "" and other.subdistrict_code == ""
