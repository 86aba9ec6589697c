"""Allowance paperwork: Thai amounts in words, the payment list of a session and of a workshop (PDF read back with
pdftotext, Excel with formula totals reopened and computed by LibreOffice), and the sign-in sheets of two sessions."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from session_support import two_sessions

from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops.checkin import check_in_person
from lampang_planner.core.ops.payments import get_rates, payment_list, set_rate, set_rates
from lampang_planner.core.ops.people import update_person
from lampang_planner.core.reports.payments import write_payments_pdf, write_payments_xlsx
from lampang_planner.core.reports.signsheet import write_signsheet
from lampang_planner.core.thai.baht import baht_figures, baht_text

DAY = "2026-12-08"
FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "ศูนย์บาทถ้วน"),
        (1, "หนึ่งบาทถ้วน"),
        (11, "สิบเอ็ดบาทถ้วน"),
        (21, "ยี่สิบเอ็ดบาทถ้วน"),
        (101, "หนึ่งร้อยเอ็ดบาทถ้วน"),
        (1_000_001, "หนึ่งล้านเอ็ดบาทถ้วน"),
        ("0.50", "ห้าสิบสตางค์"),
        ("0.01", "หนึ่งสตางค์"),
        ("1.25", "หนึ่งบาทยี่สิบห้าสตางค์"),
        ("21.21", "ยี่สิบเอ็ดบาทยี่สิบเอ็ดสตางค์"),
        ("1,480.005", "หนึ่งพันสี่ร้อยแปดสิบบาทหนึ่งสตางค์"),  # rounded half up to the satang
    ],
)
def test_amounts_in_thai_words(amount, words):
    assert baht_text(amount) == words


def test_bad_amounts_are_refused():
    for bad in ("-1", "abc", "NaN", "Infinity"):
        with pytest.raises(ValueError):
            baht_text(bad)
    assert baht_figures("1000001") == "1,000,001.00"


def pdftotext(path) -> str:
    """The text poppler reads from the PDF (in content order), decomposed like ``T`` so ำ compares equal."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKD", out.stdout)


def T(text: str) -> str:
    return unicodedata.normalize("NFKD", text)


@pytest.fixture
def paid(empty_store):
    ws = two_sessions(empty_store)
    s, wid, ids = ws.store, ws.wid, ws.ids
    for key, hhmm in (("somchai", "08:50"), ("chanphen", "08:55"), ("kaew", "09:10")):
        check_in_person(s, wid, ids[key], at=f"{DAY}T{hhmm}:00+07:00")
    for key, hhmm in (("somchai", "12:55"), ("thong", "13:02")):
        check_in_person(s, wid, ids[key], at=f"{DAY}T{hhmm}:00+07:00")
    set_rate(s, "community_council", allowance=240, travel="100.00")
    set_rate(s, "other", allowance="120")
    return ws


def test_rates_are_validated(paid):
    s = paid.store
    with pytest.raises(ValidationError) as e:
        set_rate(s, "mayor", allowance=-5)
    assert set(e.value.problems) == {"participant_type", "allowance"}
    assert get_rates(s)["community_council"].travel == Decimal("100.00")


def test_payment_lists_per_session_and_workshop(paid):
    s, wid = paid.store, paid.wid
    morning = payment_list(s, wid, paid.morning)
    by_name = {r.name: r for r in morning.rows}
    assert list(by_name) == ["นางสาวแก้วตา ปิ่นเงิน", "นางจันทร์เพ็ญ อินต๊ะ", "นายสมชาย ใจดี"]
    assert by_name["นายสมชาย ใจดี"].amount == Decimal("340.00")
    assert by_name["นายสมชาย ใจดี"].citizen_id == "1-5299-00123-45-3"
    # The local government officer is paid by their own agency: no amount, and no citizen ID on the list.
    assert not by_name["นางจันทร์เพ็ญ อินต๊ะ"].paid and by_name["นางจันทร์เพ็ญ อินต๊ะ"].citizen_id == ""
    assert morning.total == Decimal("680.00")
    whole = payment_list(s, wid)  # one day: each person once, whichever sessions they came to
    assert {r.name: r.amount for r in whole.rows if r.paid} == {
        "นางสาวแก้วตา ปิ่นเงิน": Decimal("340.00"), "นายทองสุข วงศ์ษา": Decimal("120.00"),
        "นายสมชาย ใจดี": Decimal("340.00")}  # fmt: skip
    assert whole.total == Decimal("800.00") and whole.missing_ids == 1  # ทองสุข has no citizen ID on file
    with pytest.raises(UserError):
        payment_list(s, wid, "no-such-session")


def test_payment_list_pdf_reads_back(paid, tmp_path):
    s, wid = paid.store, paid.wid
    path, _ = write_payments_pdf(s, wid, tmp_path / "pay-morning.pdf", paid.morning)
    text = pdftotext(path)
    for name in ("นายสมชาย ใจดี", "นางสาวแก้วตา ปิ่นเงิน", "นางจันทร์เพ็ญ อินต๊ะ"):
        assert T(name) in text
    assert T("หลักฐานการจ่ายเงินค่าเบี้ยเลี้ยงและค่าพาหนะ") in text and T("ภาคเช้า") in text
    assert T("1-5299-00123-45-3") in text and T("3-5201-00456-78-2") in text and T("3-1009-00123-45-5") not in text
    assert T("680.00") in text and T("หกร้อยแปดสิบบาทถ้วน") in text and T("สามร้อยสี่สิบบาทถ้วน") in text
    assert T("ผู้จ่ายเงิน") in text and T("ผู้รับรองการจ่ายเงิน") in text and T("ไม่เบิก") in text
    whole = pdftotext(write_payments_pdf(s, wid, tmp_path / "pay-all.pdf")[0])
    assert T("800.00") in whole and T("แปดร้อยบาทถ้วน") in whole and T("นายทองสุข วงศ์ษา") in whole


def test_sign_in_sheets_of_both_sessions_read_back(paid, tmp_path):
    s, wid = paid.store, paid.wid
    morning = pdftotext(write_signsheet(s, wid, tmp_path / "m.pdf", session_id=paid.morning, blank_rows=3)[0])
    afternoon = pdftotext(write_signsheet(s, wid, tmp_path / "a.pdf", session_id=paid.afternoon, show_times=True)[0])
    for text in (morning, afternoon):
        for name in ("นายสมชาย ใจดี", "นางสาวแก้วตา ปิ่นเงิน", "นางจันทร์เพ็ญ อินต๊ะ", "นายทองสุข วงศ์ษา"):
            assert "".join(T(name).split()) in "".join(text.split())  # a name may wrap between first and last name
        assert T("ใหม่พัฒนา") in text  # a tambon name is never broken
        assert T("ตำแหน่ง") in text and T("ปลัด อบต.") in text and T("รวม 4 คน") in text and T("ผู้รับรอง") in text
        assert T("PDPA") in text
    assert T("ภาคเช้า") in morning and T("09:00–12:00 น.") in morning and T("เวลามา") not in morning
    assert T("ผู้ลงทะเบียนเพิ่ม") in morning and "\n7\n" in morning  # 4 names and 3 blank rows
    assert T("ภาคบ่าย") in afternoon and T("เวลามา") in afternoon and T("12:55 น.") in afternoon
    assert "08:50" not in afternoon  # the morning's times are not the afternoon's


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_payment_list_excel_has_formula_totals(paid, tmp_path):
    s, wid = paid.store, paid.wid
    path, plist = write_payments_xlsx(s, wid, tmp_path / "pay.xlsx", paid.morning)
    ws = load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "ที่")
    data = rows[header + 1 : header + 4]
    assert [r[1] for r in data] == [r.name for r in plist.rows]
    assert data[0][7] == f"=F{header + 2}+G{header + 2}" and data[0][8] == "สามร้อยสี่สิบบาทถ้วน"
    total = rows[header + 4]
    assert total[0] == "รวมทั้งสิ้น" and total[7] == f"=SUM(H{header + 2}:H{header + 4})"
    if _soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is needed in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONTS_DIR}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(tmp_path)}
    proc = subprocess.run(
        [_soffice(), f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "lo-out"), str(path)],
        capture_output=True, text=True, timeout=180, env=env,
    )  # fmt: skip
    pdf = tmp_path / "lo-out" / "pay.pdf"
    assert proc.returncode == 0 and pdf.is_file(), proc.stdout + proc.stderr
    text = pdftotext(pdf)
    assert T("680.00") in text and T("หกร้อยแปดสิบบาทถ้วน") in text and T("นายสมชาย ใจดี") in text


def test_rates_of_several_types_are_set_all_or_nothing(paid):
    s = paid.store
    with pytest.raises(ValidationError) as e:
        set_rates(s, {"other": ("200", "50"), "network_member": ("ร้อย", None), "mayor": (1, 1)})
    assert set(e.value.problems) == {"network_member.allowance", "mayor.participant_type"}
    assert get_rates(s)["other"].allowance == Decimal("120.00") and "network_member" not in get_rates(s)
    set_rates(s, {"other": ("200", None), "network_member": ("1,000.5", "0")})
    rates = get_rates(s)
    assert (rates["other"].allowance, rates["other"].travel) == (Decimal("200.00"), Decimal("0.00"))
    assert rates["network_member"].allowance == Decimal("1000.50")


def test_the_address_from_the_id_card_is_listed_only_for_those_paid(paid):
    s, wid = paid.store, paid.wid
    card_address = "99/1 หมู่ 3 ตำบลศาลา อำเภอเกาะคา จังหวัดลำปาง"
    for key in ("somchai", "chanphen"):
        update_person(s, paid.ids[key], {"address": card_address})
    rows = {r.name: r for r in payment_list(s, wid, paid.morning).rows}
    assert rows["นายสมชาย ใจดี"].address == card_address
    assert rows["นางจันทร์เพ็ญ อินต๊ะ"].address == "ต.เกาะคา อ.เกาะคา จ.ลำปาง"  # not paid: the tambon only (520306)
