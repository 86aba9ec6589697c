"""THE privacy notice: one short text, in Thai or English, printed on the sign-in sheet and shown on the walk-in form.

Use :func:`privacy_notice` (from a workshop's ``retention_days``) or :func:`notice_for_workshop` (reads the workshop
and this folder's contact line), and :func:`consent_question` for the consent tick box next to it. Every screen and
document takes the notice from here, so what people are told is the same everywhere and matches what the program
does: :mod:`.consent` (what is kept without consent) and :mod:`.retention` (when it is purged).
"""

from __future__ import annotations

import datetime as dt

from lampang_planner.core.db import Store
from lampang_planner.core.privacy.local import CONTACT, get_setting, set_setting
from lampang_planner.core.thai.dates import format_date_th

DEFAULT_CONTACT_TH = "องค์การบริหารส่วนจังหวัดลำปาง (อบจ.ลำปาง) ตำบลศาลา อำเภอเกาะคา จังหวัดลำปาง"
DEFAULT_CONTACT_EN = "the Lampang Provincial Administrative Organization (Lampang PAO), Sala, Ko Kha, Lampang"

_TH = (
    "ประกาศเกี่ยวกับข้อมูลส่วนบุคคล: อบจ.ลำปาง เก็บชื่อ–นามสกุล หน่วยงาน ตำแหน่ง ตำบล/อำเภอ "
    "และการลงทะเบียนเข้าร่วมประชุมของท่าน เพื่อบันทึกการเข้าร่วมประชุม เป็นหลักฐานการเบิกจ่าย "
    "และใช้จัดทำแผนพัฒนาจังหวัด หากท่านให้ความยินยอม จะเก็บเบอร์โทรศัพท์ เลขประจำตัวประชาชน และที่อยู่ (เมื่อมีการเบิกจ่าย) ด้วย "
    "เพื่อติดต่อกลับและประกอบการเบิกจ่าย ข้อมูลจะเก็บไว้{period} แล้วลบ คงไว้เพียงจำนวนผู้เข้าร่วม "
    "ท่านขอดู ขอสำเนา ขอแก้ไข หรือขอให้ลบข้อมูลของท่านได้ที่ {contact}"
)
_EN = (
    "Privacy notice: the Lampang PAO keeps your name, organisation, position, tambon/district and your workshop "
    "attendance to record attendance, as evidence for allowances, and to prepare the provincial development plan. "
    "With your consent it also keeps your phone number, and your citizen ID and address where allowances are paid, to contact you and for allowances. "
    "Your details are kept{period}, then deleted; only the number of participants stays. "
    "To see, copy, correct or delete your details, contact {contact}."
)


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def retention_period_th(days: int | None, until: dt.date | None = None) -> str:
    """" 5 ปีหลังวันประชุม (ถึงวันที่ 25 สิงหาคม 2564)"; without a period: until the PAO sets one."""
    if not days:
        return "จนกว่า อบจ.ลำปาง จะกำหนดระยะเวลาเก็บรักษา"
    text = f" {days // 365:,} ปีหลังวันประชุม" if days % 365 == 0 else f" {days:,} วันหลังวันประชุม"
    return f"{text} (ถึงวันที่ {format_date_th(until, 'long')})" if until else text


def retention_period_en(days: int | None, until: dt.date | None = None) -> str:
    if not days:
        return " until the PAO sets a retention period"
    if days % 365 == 0:
        n = days // 365
        text = f" for {n:,} year{'s' if n != 1 else ''} after the workshop"
    else:
        text = f" for {days:,} day{'s' if days != 1 else ''} after the workshop"
    return f"{text} (until {until.day} {_MONTHS_EN[until.month - 1]} {until.year})" if until else text


def privacy_notice(
    lang: str = "th", retention_days: int | None = None, contact: str | None = None, *, until: dt.date | None = None
) -> str:
    """The short PDPA notice for one workshop, as one paragraph in ``lang`` ('th' or 'en').

    It says the purpose, what is kept (and what only with consent), how long (``retention_days`` of the workshop:
    ``Workshop.retention_days``, and ``until`` the day the purge is due, ``retention.expiry_date``; None or 0 days
    says the PAO has not set a period yet) and whom to contact (``contact``, default the PAO at Sala, Ko Kha; a
    folder's own line comes from :func:`notice_for_workshop`). Plain text without line breaks: the caller wraps it
    (``core.reports.typeset`` for PDFs, a word-wrapping label on screen).
    """
    if lang == "en":
        return _EN.format(period=retention_period_en(retention_days, until), contact=contact or DEFAULT_CONTACT_EN)
    return _TH.format(period=retention_period_th(retention_days, until), contact=contact or DEFAULT_CONTACT_TH)


def consent_question(lang: str = "th") -> str:
    """The text of the consent tick box shown with the notice (ticked: ``consent=True`` with today's date)."""
    if lang == "en":
        return "I agree that the Lampang PAO also keeps my phone number and citizen ID as described above."
    return "ข้าพเจ้ายินยอมให้ อบจ.ลำปาง เก็บเบอร์โทรศัพท์และเลขประจำตัวประชาชนของข้าพเจ้าตามที่แจ้งไว้ข้างต้น"


def notice_for_workshop(store: Store, workshop_id: str | None, lang: str = "th") -> str:
    """:func:`privacy_notice` for a workshop of this folder (its ``retention_days`` and the date the purge is due)
    with the folder's contact line (:func:`set_contact`). An unknown or missing workshop gives the notice without a
    period."""
    from lampang_planner.core.privacy.retention import expiry_date

    days, until = None, None
    if workshop_id:
        row = store.db.execute(
            "SELECT retention_days, start_date, end_date FROM workshop WHERE id=?", (workshop_id,)
        ).fetchone()
        if row:
            days = row[0]
            until = expiry_date({"retention_days": row[0], "start_date": row[1], "end_date": row[2]})
    return privacy_notice(lang, days, contact_line(store), until=until)


def contact_line(store: Store) -> str | None:
    """This folder's contact line (one text for both languages), None for the default."""
    text = get_setting(store, CONTACT)
    return text or None


def set_contact(store: Store, text: str | None) -> None:
    """Set who people contact about their data (e.g. the PAO's data protection officer and phone); None resets."""
    text = " ".join((text or "").split())
    set_setting(store, CONTACT, text or None)
