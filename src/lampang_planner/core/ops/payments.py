"""Who is paid what: the office's allowance and travel rates per participant type, and the rows of a payment list.

Rates are the office's setting (this folder's ``setting`` table, key ``payments/rates``; not synced: laptops do not
pay). A rate is per day of attendance:

- a payment list of one **session** pays everyone checked in at that session once;
- a payment list of the **workshop** pays each person once per day on which they came to at least one session.

A person whose type has no rate (or a zero rate) is listed without an amount ("ไม่เบิก": paid by their own agency)
and without their citizen ID, which the list shows only for those paid. A paid person without a valid citizen ID on
file gets an empty box to fill in by hand, and the list says how many. The address is the registered one from the ID
card (``person.address``) for those paid, else the person's tambon, district and province.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from lampang_planner.core.db import Store
from lampang_planner.core.errors import ValidationError
from lampang_planner.core.ops.sessions import Session, list_sessions, session_by_id
from lampang_planner.core.refdata import divisions
from lampang_planner.core.thai.baht import to_money
from lampang_planner.core.thai.citizen_id import format_citizen_id, is_valid_citizen_id
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.core.thai.dates import as_date
from lampang_planner.core.thai.names import full_name
from lampang_planner.core.vocabulary import ParticipantType

RATES_KEY = "payments/rates"
KINDS = ("allowance", "travel")  # ค่าเบี้ยเลี้ยง, ค่าพาหนะ
MAX_RATE = Decimal("100000")


@dataclass(frozen=True)
class Rate:
    allowance: Decimal = Decimal("0.00")
    travel: Decimal = Decimal("0.00")

    @property
    def pays(self) -> bool:
        return self.allowance > 0 or self.travel > 0


def get_rates(store: Store) -> dict[str, Rate]:
    """participant type value → rate (types without a rate are absent)."""
    raw = json.loads(store.get_setting(RATES_KEY) or "{}")
    return {k: Rate(to_money(v.get("allowance", 0)), to_money(v.get("travel", 0))) for k, v in raw.items()}


def _clean_rate(current: Rate, participant_type: str, allowance: object, travel: object,
                problems: dict[str, tuple[str, str]], prefix: str = "") -> Rate:
    """The rate with the given values (None keeps the current one); problems are added under ``prefix + kind``."""
    types = {p.value for p in ParticipantType}
    if participant_type not in types:
        problems[prefix + "participant_type"] = ("ไม่รู้จักประเภทผู้เข้าร่วมนี้",
                                                 f"Unknown participant type {participant_type!r}: "
                                                 f"{', '.join(sorted(types))}")  # fmt: skip
    values = {"allowance": current.allowance, "travel": current.travel}
    for kind, v in (("allowance", allowance), ("travel", travel)):
        if v is None:
            continue
        try:
            values[kind] = to_money(v)
            if values[kind] > MAX_RATE:
                raise ValueError(v)
        except ValueError:
            problems[prefix + kind] = ("อัตราต้องเป็นจำนวนเงินไม่ติดลบ ไม่เกิน 100,000 บาท",
                                       f"A rate is an amount of baht from 0 to 100,000: {v!r}")  # fmt: skip
    return Rate(values["allowance"], values["travel"])


def set_rates(store: Store, rates: dict[str, tuple[object, object]]) -> dict[str, Rate]:
    """Set several types' rates at once: participant type → (allowance, travel), baht per day (None keeps the current
    value). All or nothing: a ValidationError names each bad value as ``"<type>.<allowance|travel>"`` and then no rate
    is changed."""
    current = get_rates(store)
    problems: dict[str, tuple[str, str]] = {}
    clean = {t: _clean_rate(current.get(t, Rate()), t, a, v, problems, f"{t}.") for t, (a, v) in rates.items()}
    if problems:
        raise ValidationError(problems)
    raw = json.loads(store.get_setting(RATES_KEY) or "{}")
    for t, rate in clean.items():
        raw[t] = {"allowance": str(rate.allowance), "travel": str(rate.travel)}
    store.set_setting(RATES_KEY, json.dumps(raw, sort_keys=True))
    return clean


def set_rate(store: Store, participant_type: str, *, allowance: object = None, travel: object = None) -> Rate:
    """Set one type's rates (baht per day; None keeps the current value). ValidationError for a bad value."""
    problems: dict[str, tuple[str, str]] = {}
    rate = _clean_rate(get_rates(store).get(participant_type, Rate()), participant_type, allowance, travel, problems)
    if problems:
        raise ValidationError(problems)
    return set_rates(store, {participant_type: (rate.allowance, rate.travel)})[participant_type]


@dataclass(frozen=True)
class PaymentRow:
    number: int
    person_id: str
    name: str
    participant_type: str
    address: str  # "ต.ศาลา อ.เกาะคา จ.ลำปาง"
    citizen_id: str  # formatted, only for those paid; "" when not paid or not on file
    days: int
    allowance: Decimal
    travel: Decimal

    @property
    def amount(self) -> Decimal:
        return self.allowance + self.travel

    @property
    def paid(self) -> bool:
        return self.amount > 0


@dataclass(frozen=True)
class PaymentList:
    workshop: dict
    session: Session | None  # None: the whole workshop
    rows: list[PaymentRow]
    rates: dict[str, Rate] = field(default_factory=dict)

    @property
    def paid_rows(self) -> list[PaymentRow]:
        return [r for r in self.rows if r.paid]

    @property
    def total_allowance(self) -> Decimal:
        return sum((r.allowance for r in self.rows), Decimal("0.00"))

    @property
    def total_travel(self) -> Decimal:
        return sum((r.travel for r in self.rows), Decimal("0.00"))

    @property
    def total(self) -> Decimal:
        return self.total_allowance + self.total_travel

    @property
    def missing_ids(self) -> int:
        return sum(1 for r in self.paid_rows if not r.citizen_id)


def address_of(district_code: str | None, subdistrict_code: str | None) -> str:
    dv = divisions()
    parts = []
    sub = dv.subdistricts.get(subdistrict_code or "")
    if sub:
        parts.append(f"ต.{sub.name_th}")
        district_code = district_code or sub.parent
    d = dv.districts.get(district_code or "")
    if d:
        parts.append(f"อ.{d.name_th}")
    if parts:
        parts.append("จ.ลำปาง")
    return " ".join(parts)


_PEOPLE_SQL = """
SELECT p.id, p.prefix, p.first_name, p.last_name, p.participant_type, p.district_code, p.subdistrict_code,
       p.citizen_id, a.session_id, p.address
FROM attendance a JOIN person p0 ON p0.id = a.person_id JOIN person p ON p.id = COALESCE(p0.merged_into, p0.id)
WHERE a.workshop_id = ? AND a.deleted = 0 AND a.checked_in_at IS NOT NULL AND p.deleted = 0
"""


def payment_list(store: Store, workshop_id: str, session_id: str | None = None) -> PaymentList:
    """The payment list of one session, or (``session_id`` None) of the whole workshop."""
    from lampang_planner.core.reports.badges import require_workshop

    workshop = require_workshop(store, workshop_id)
    session = session_by_id(store.db, workshop_id, session_id) if session_id else None
    start = as_date(workshop.get("start_date"))
    day_of = {s.id: s.day or start for s in list_sessions(store, workshop_id)}
    people: dict[str, tuple] = {}
    days: dict[str, set] = defaultdict(set)
    for r in store.db.execute(_PEOPLE_SQL, (workshop_id,)):
        if session and r[8] != session.id:
            continue
        people[r[0]] = r
        days[r[0]].add(day_of.get(r[8], start) or dt.date.min)
    rates = get_rates(store)
    order = sorted(people.values(), key=lambda r: (thai_sort_key(r[2] or ""), thai_sort_key(r[3] or ""), r[0]))
    rows = []
    for n, (pid, prefix, first, last, ptype, dcode, scode, cid, _, address) in enumerate(order, start=1):
        rate = rates.get(ptype or "", Rate())
        k = 1 if session else len(days[pid])
        shown_id = format_citizen_id(cid) if rate.pays and cid and is_valid_citizen_id(cid) else ""
        rows.append(PaymentRow(n, pid, full_name(prefix or "", first or "", last or ""), ptype or "",
                               (rate.pays and address) or address_of(dcode, scode), shown_id, k, rate.allowance * k, rate.travel * k))  # fmt: skip
    return PaymentList(workshop, session, rows, rates)
