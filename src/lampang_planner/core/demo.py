"""The demo data: the 25 Aug 2559 workshop at the PAO (600 people), the 13 district visits of 30 Aug – 21 Sep 2559
with their needs, and the 2559 draft assembly resolutions with clauses, amendments and votes.

Deterministic: ids come from uuid5 of fixed names and choices from a seeded generator, so two demo folders hold the
same data and print the same digest.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.categories import category_id
from lampang_planner.core.ops.people import create_person
from lampang_planner.core.refdata import divisions
from lampang_planner.core.schema import natural_id
from lampang_planner.core.vocabulary import DEFAULT_NEED_CATEGORIES, NeedRoute, NeedStatus, ParticipantType

DEMO_NS = uuid.UUID("5a1e0000-2559-4825-8b00-000000000052")
TZ = dt.timezone(dt.timedelta(hours=7))

MALE = (
    "สมชาย สมศักดิ์ ประเสริฐ วิชัย สุรชัย บุญมี บุญเรือง อินทร์แก้ว ศรีวรรณ จำรัส ประพันธ์ ทองคำ สุทัศน์ ณรงค์ "
    "เกรียงไกร ธนากร อนุชา ปรีชา มานพ วีระ ชัยวัฒน์ สุวิทย์ อำนาจ เสน่ห์ นิพนธ์ ถนอม ศักดิ์ชัย พิชิต อุดม เจริญ "
    "แก้ว คำปัน ปัญญา อินสม ดวงจันทร์ สมบูรณ์ บุญส่ง ไพโรจน์ เอกชัย ยุทธนา"
).split()
FEMALE = (
    "สมศรี บุญศรี คำแปง ศรีนวล จันทร์เพ็ญ อำไพ วันเพ็ญ สุดารัตน์ พรทิพย์ กาญจนา นิตยา รัตนา มาลี บัวผัน แสงเดือน "
    "เพ็ญศรี จินตนา อรุณี ประไพ ทองใบ สายสุนีย์ ดารุณี พิมพ์ใจ ศิริพร อุไรวรรณ เยาวลักษณ์ วาสนา นงลักษณ์ เกศินี "
    "จันทร์ฟอง บุษบา ลำดวน แววตา ปิยะนุช อัมพร ละเอียด ใบเฟิร์น ไพลิน เอื้อมพร อรทัย"
).split()
SURNAMES = (
    "ใจดี แก้วมา ศรีวิชัย อินต๊ะ คำมูล ปัญญาดี สุทธภักดิ์ บุญยืน จันทร์แก้ว วงศ์ใหญ่ ทองมา ดวงแก้ว ไชยวงศ์ "
    "อุ่นเรือน ปินตาแก้ว กันทะวงศ์ ธิมา ยาวิชัย สมใจ เมืองมา อินทร์ปัญญา คำฟู ศรีบุญเรือง ขันคำ ปันแก้ว "
    "แสนคำ วงค์ชัย ใจแก้ว ต๊ะมา อ้ายวงศ์ พรหมมินทร์ สิทธิวงศ์ ไชยลังกา มูลเมือง แปงใจ ตาคำ นันทะชัย "
    "เขื่อนแก้ว ณ ลำปาง บุญประเสริฐ เตชะวงค์ สุริยะ อุดมสุข ทาแก้ว จินะราช โพธิ์ทอง เรือนคำ วิชัยดิษฐ"
).split()

STATE_AGENCIES = (
    "สำนักงานพัฒนาชุมชนจังหวัดลำปาง",
    "สำนักงานเกษตรจังหวัดลำปาง",
    "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดลำปาง",
    "สำนักงานสาธารณสุขจังหวัดลำปาง",
    "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดลำปาง",
    "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดลำปาง",
    "ที่ว่าการอำเภอ",
)
PRIVATE = ("หอการค้าจังหวัดลำปาง", "สภาอุตสาหกรรมจังหวัดลำปาง", "ชมรมธนาคารจังหวัดลำปาง", "วิสาหกิจชุมชนเซรามิกลำปาง")

TYPE_WEIGHTS = {
    ParticipantType.NETWORK_COMMITTEE: 40,
    ParticipantType.NETWORK_MEMBER: 190,
    ParticipantType.STATE_AGENCY: 70,
    ParticipantType.PRIVATE_SECTOR: 30,
    ParticipantType.LOCAL_GOVERNMENT: 110,
    ParticipantType.COMMUNITY_COUNCIL: 150,
    ParticipantType.OTHER: 10,
}

MAIN_TOPICS = (
    "กระบวนการจัดทำแผนแม่บทชุมชน\n"
    "การจัดทำแผนพัฒนา\n"
    "การขับเคลื่อนแผนพัฒนาและการตรวจสอบการทำงานขององค์กรภาครัฐ\n"
    "การเชื่อมประสานแผนชุมชนกับแผนพัฒนาของทุกภาคส่วน\n"
    "การพิจารณาร่างมติสมัชชาสภาเครือข่ายพลเมืองจังหวัดลำปางประจำปี 2559"
)

NEED_TEMPLATES = {
    "infrastructure": ("ซ่อมแซมถนนเข้าหมู่บ้าน", "ถนนลูกรังชำรุด ฤดูฝนรถสัญจรไม่ได้ ขอให้ปรับปรุงเป็นถนนคอนกรีต"),
    "water": ("ขุดลอกลำเหมืองและฝายชะลอน้ำ", "น้ำไม่พอทำการเกษตรในฤดูแล้ง ลำเหมืองตื้นเขิน"),
    "agriculture": ("ส่งเสริมเกษตรอินทรีย์และตลาดชุมชน", "เกษตรกรต้องการความรู้และช่องทางจำหน่ายผลผลิตปลอดสาร"),
    "economy": ("ฝึกอาชีพเซรามิกและผ้าทอให้เยาวชน", "คนรุ่นใหม่ย้ายออกจากชุมชน ต้องการอาชีพในท้องถิ่น"),
    "health": ("ศูนย์ดูแลผู้สูงอายุในชุมชน", "ผู้สูงอายุติดบ้านเพิ่มขึ้น อาสาสมัครขาดอุปกรณ์"),
    "education": ("ห้องสมุดและอินเทอร์เน็ตสำหรับเด็ก", "เด็กนักเรียนไม่มีที่ค้นคว้าหลังเลิกเรียน"),
    "welfare": ("กองทุนสวัสดิการชุมชน", "ขยายสมาชิกกองทุนสวัสดิการให้ครอบคลุมผู้ด้อยโอกาส"),
    "environment": ("แก้ปัญหาหมอกควันและไฟป่า", "การเผาในที่โล่งช่วงมีนาคมถึงเมษายน ทำให้คุณภาพอากาศแย่"),
    "culture": ("ฟื้นฟูประเพณีและภูมิปัญญาล้านนา", "จัดทำฐานข้อมูลปราชญ์ชาวบ้านและสืบทอดประเพณี"),
    "safety": ("ติดตั้งไฟส่องสว่างทางแยก", "ทางแยกมืดเกิดอุบัติเหตุบ่อย"),
    "governance": ("เปิดเผยข้อมูลงบประมาณท้องถิ่น", "ประชาชนต้องการติดตามการใช้งบประมาณของ อปท."),
}

RESOLUTION_TITLE = "ร่างมติสมัชชาสภาเครือข่ายพลเมืองจังหวัดลำปาง ประจำปี 2559"
CLAUSES = (
    "ให้ทุกตำบลจัดทำและทบทวนแผนแม่บทชุมชนทุกปี โดยให้สภาองค์กรชุมชนตำบลเป็นแกนกลาง",
    "ให้องค์กรปกครองส่วนท้องถิ่นนำแผนชุมชนไปบรรจุในแผนพัฒนาท้องถิ่นอย่างน้อยร้อยละสามสิบของโครงการ",
    "ให้จัดตั้งคณะทำงานภาคประชาชนติดตามและตรวจสอบการดำเนินงานขององค์กรภาครัฐในทุกอำเภอ",
    "ให้ อบจ.ลำปาง สนับสนุนงบประมาณการจัดเวทีประชาคมระดับอำเภอปีละอย่างน้อยหนึ่งครั้ง",
    "ให้ส่งเสริมเศรษฐกิจฐานรากโดยเชื่อมโยงวิสาหกิจชุมชนกับภาคเอกชนในจังหวัด",
)


def did(kind: str, *parts: object) -> str:
    return str(uuid.uuid5(DEMO_NS, "/".join((kind, *map(str, parts)))))


def _weighted_types(rng: random.Random, n: int) -> list[ParticipantType]:
    types, weights = zip(*TYPE_WEIGHTS.items(), strict=True)
    return rng.choices(types, weights=weights, k=n)


def _organisation(rng: random.Random, ptype: ParticipantType, tambon_th: str, district_th: str) -> str:
    if ptype in (ParticipantType.NETWORK_COMMITTEE, ParticipantType.NETWORK_MEMBER):
        return f"สภาเครือข่ายพลเมืองจังหวัดลำปาง (อำเภอ{district_th})"
    if ptype == ParticipantType.STATE_AGENCY:
        org = rng.choice(STATE_AGENCIES)
        return f"{org}{district_th}" if org == "ที่ว่าการอำเภอ" else org
    if ptype == ParticipantType.PRIVATE_SECTOR:
        return rng.choice(PRIVATE)
    if ptype == ParticipantType.LOCAL_GOVERNMENT:
        return rng.choice(("องค์การบริหารส่วนตำบล", "เทศบาลตำบล")) + tambon_th
    if ptype == ParticipantType.COMMUNITY_COUNCIL:
        return f"สภาองค์กรชุมชนตำบล{tambon_th}"
    return rng.choice(("อาสาสมัครสาธารณสุขประจำหมู่บ้าน", "กลุ่มเยาวชน", "ผู้นำชุมชน"))


def _new_person(tx: Tx, rng: random.Random, pid: str, ptype: ParticipantType, tambon_code: str) -> str:
    dv = divisions()
    sub = dv.subdistricts[tambon_code]
    dis = dv.districts[sub.parent]
    female = rng.random() < 0.48
    prefix = rng.choice(("นาง", "นางสาว")) if female else "นาย"
    first = rng.choice(FEMALE if female else MALE)
    phone = "08" + "".join(rng.choice("0123456789") for _ in range(8)) if rng.random() < 0.85 else ""
    return create_person(
        tx,
        {
            "prefix": prefix,
            "first_name": first,
            "last_name": rng.choice(SURNAMES),
            "organisation": _organisation(rng, ptype, sub.name_th, dis.name_th),
            "participant_type": ptype,
            "subdistrict_code": tambon_code,
            "phone": phone,
            "consent": True,
            "consent_date": dt.date(2016, 8, 20),
        },
        pid,
    )


def _checkin(tx: Tx, workshop_id: str, person_id: str, at: dt.datetime, desk: str) -> None:
    aid = natural_id("attendance", workshop_id, person_id)
    tx.insert("attendance", {"workshop_id": workshop_id, "person_id": person_id, "scans": {desk: at.isoformat()}}, aid)


def _invite(tx: Tx, workshop_id: str, person_id: str) -> None:
    tx.insert(
        "invitation",
        {"workshop_id": workshop_id, "person_id": person_id},
        natural_id("invitation", workshop_id, person_id),
    )


def load_demo(store: Store) -> dict[str, int]:
    """Fill an empty data folder with the demo data, as one transaction. Refuses a folder that already holds data."""
    if not store.is_empty():
        raise UserError(
            "โฟลเดอร์นี้มีข้อมูลอยู่แล้ว จะไม่เขียนข้อมูลตัวอย่างทับ",
            f"{store.data_dir} already holds data; the demo will not overwrite it",
            code="not-empty",
        )
    rng = random.Random(2559)  # one stream, drawn in the same order by the steps below: the same data every time
    with store.transaction(author="demo") as tx:
        for i, (key, th, en) in enumerate(DEFAULT_NEED_CATEGORIES):  # the ids every folder gives the defaults
            tx.insert(
                "need_category", {"key": key, "name_th": th, "name_en": en, "sort_order": i}, category_id(key)
            )
        main, people_by_district = _main_workshop(tx, rng)
        visits = _district_visits(tx, rng, people_by_district)
        _draft_resolutions(tx, rng, main, visits)
    return {"workshops": 14}


def _main_workshop(tx: Tx, rng: random.Random) -> tuple[str, dict[str, list[str]]]:
    """The 25 August 2559 workshop at the PAO meeting room, Sala, Ko Kha: 600 invited, 600 checked in at 3 desks.
    Returns its id and its people by district."""
    dv = divisions()
    tambons = sorted(dv.subdistricts)
    main = tx.insert(
        "workshop",
        {
            "title": "ประชุมเชิงปฏิบัติการด้านการจัดทำแผนพัฒนา สภาเครือข่ายพลเมืองจังหวัดลำปาง",
            "start_date": dt.date(2016, 8, 25),
            "end_date": dt.date(2016, 8, 25),
            "district_code": "5203",
            "subdistrict_code": "520305",
            "venue": "ห้องประชุม อบจ.ลำปาง",
            "topics": MAIN_TOPICS,
            "facilitators": "นายเกรียงเดช สุทธภักดิ์ (ประธานเปิดโครงการ)\nทีมวิทยากรสภาเครือข่ายพลเมือง",
            "retention_days": 1825,
        },
        did("workshop", "main"),
    )
    people_by_district: dict[str, list[str]] = {d: [] for d in dv.districts}
    opening = dt.datetime(2016, 8, 25, 7, 45, tzinfo=TZ)
    for n, ptype in enumerate(_weighted_types(rng, 600)):
        tambon = tambons[n % len(tambons)] if n < len(tambons) else rng.choice(tambons)
        pid = _new_person(tx, rng, did("person", "main", n), ptype, tambon)
        people_by_district[dv.subdistricts[tambon].parent].append(pid)
        _invite(tx, main, pid)
        at = opening + dt.timedelta(seconds=int(n * 2.6) + rng.randint(0, 40))
        _checkin(tx, main, pid, at, f"{n % 3 + 1}")
    return main, people_by_district


def _district_visits(tx: Tx, rng: random.Random, people_by_district: dict[str, list[str]]) -> list[tuple]:
    """The 13 district visits, 30 Aug – 21 Sep 2559, each with invitations, check-ins and the needs raised there.
    Returns (workshop id, district code, date) of each."""
    dv = divisions()
    visits = []
    day = dt.date(2016, 8, 30)
    for k, dcode in enumerate(sorted(dv.districts)):
        d = dv.districts[dcode]
        wdate = day + dt.timedelta(days=round(k * 22 / 12))
        tcode = sorted(s.code for s in dv.tambons_of(dcode))[0]
        wid = tx.insert(
            "workshop",
            {
                "title": f"เวทีประชาคมแผนพัฒนา อำเภอ{d.name_th}",
                "start_date": wdate,
                "end_date": wdate,
                "district_code": dcode,
                "subdistrict_code": tcode,
                "venue": f"หอประชุมอำเภอ{d.name_th}",
                "topics": "รับฟังปัญหาและความต้องการของชุมชน\nพิจารณาร่างมติสมัชชา",
                "facilitators": "ทีมวิทยากรอำเภอ",
                "retention_days": 1825,
            },
            did("workshop", "visit", dcode),
        )
        visits.append((wid, dcode, wdate))
        invited_n = rng.randint(40, 120)
        locals_ = list(people_by_district[dcode])
        rng.shuffle(locals_)
        invited = locals_[: invited_n // 2]
        local_tambons = [s.code for s in dv.tambons_of(dcode)]
        for m in range(invited_n - len(invited)):
            ptype = _weighted_types(rng, 1)[0]
            invited.append(_new_person(tx, rng, did("person", dcode, m), ptype, rng.choice(local_tambons)))
        start = dt.datetime.combine(wdate, dt.time(8, 30), TZ)
        for j, pid in enumerate(invited):
            _invite(tx, wid, pid)
            if rng.random() < 0.8:
                _checkin(tx, wid, pid, start + dt.timedelta(seconds=j * 17 + rng.randint(0, 30)), "1")
        _visit_needs(tx, rng, wid, dcode, wdate, local_tambons)
    return visits


def _visit_needs(tx: Tx, rng: random.Random, wid: str, dcode: str, wdate: dt.date, local_tambons: list[str]) -> None:
    """Needs raised by groups at a visit, some of them accepted or budgeted later."""
    dv = divisions()
    for q in range(rng.randint(5, 10)):
        cat = rng.choice(list(NEED_TEMPLATES))
        title, desc = NEED_TEMPLATES[cat]
        tambon = rng.choice(local_tambons)
        route = rng.choice(list(NeedRoute))
        status = rng.choice(
            (NeedStatus.PROPOSED, NeedStatus.PROPOSED, NeedStatus.ACCEPTED, NeedStatus.BUDGETED)
        )
        nid = tx.insert(
            "need",
            {
                "workshop_id": wid,
                "district_code": dcode,
                "subdistrict_code": tambon,
                "village_no": str(rng.randint(1, 15)),
                "title": f"{title} ต.{dv.subdistricts[tambon].name_th}",
                "description": desc,
                "category": cat,
                "group_name": f"กลุ่ม {q % 4 + 1}",
                "session": "รับฟังปัญหาและความต้องการของชุมชน",
                "rank": q + 1,
                "dot_votes": rng.randint(0, 30),
                "route": route,
                "plan_strategy": "ยุทธศาสตร์การพัฒนาคุณภาพชีวิต"
                if cat in ("health", "welfare", "education")
                else "ยุทธศาสตร์การพัฒนาโครงสร้างพื้นฐานและเศรษฐกิจ",
                "fiscal_year": 2561,
                "status": NeedStatus.PROPOSED,
                "status_date": wdate,
            },
            did("need", dcode, q),
        )
        tx.insert(
            "need_status_change",
            {"need_id": nid, "status": NeedStatus.PROPOSED, "changed_on": wdate, "changed_by": "ทีมวิทยากรอำเภอ"},
            did("need-status", dcode, q, 0),
        )
        _need_history(tx, nid, dcode, q, status)


def _need_history(tx: Tx, nid: str, dcode: str, q: int, status: NeedStatus) -> None:
    # Later steps follow the status workflow (core.ops.needs.TRANSITIONS): accepted, then budgeted.
    steps = {
        NeedStatus.ACCEPTED: [(NeedStatus.ACCEPTED, dt.date(2016, 11, 15))],
        NeedStatus.BUDGETED: [
            (NeedStatus.ACCEPTED, dt.date(2016, 11, 15)),
            (NeedStatus.BUDGETED, dt.date(2017, 2, 1)),
        ],
    }.get(status, [])
    notes = {
        NeedStatus.ACCEPTED: "พิจารณาในการประชุมคณะกรรมการพัฒนาท้องถิ่น",
        NeedStatus.BUDGETED: "บรรจุในข้อบัญญัติงบประมาณรายจ่ายประจำปี 2561",
    }
    for k, (step, when) in enumerate(steps, start=1):
        tx.update("need", nid, {"status": step, "status_date": when})
        tx.insert(
            "need_status_change",
            {
                "need_id": nid,
                "status": step,
                "changed_on": when,
                "changed_by": "กองแผนและงบประมาณ อบจ.ลำปาง",
                "note": notes[step],
            },
            did("need-status", dcode, q, k),
        )


def _draft_resolutions(tx: Tx, rng: random.Random, main: str, visits: list[tuple]) -> None:
    """The 2559 draft assembly resolutions, deliberated at the main workshop and some visits."""
    rid = tx.insert(
        "resolution",
        {
            "title": RESOLUTION_TITLE,
            "year_be": 2559,
            "preamble": "สภาเครือข่ายพลเมืองจังหวัดลำปาง เห็นควรเสนอมติต่อหน่วยงานที่เกี่ยวข้องเพื่อยกระดับการมีส่วนร่วมของประชาชนในการจัดทำแผนพัฒนา",
            "status": "draft",
        },
        did("resolution", 2559),
    )
    present_main = 600
    for c, text in enumerate(CLAUSES, start=1):
        cid = tx.insert("clause", {"resolution_id": rid, "number": c, "text": text}, did("clause", c))
        tx.insert(
            "clause_version",
            {"clause_id": cid, "text": text, "source": "draft", "created_on": dt.date(2016, 8, 1)},
            did("clause-version", c, 0),
        )
        for_n = rng.randint(420, 560)
        against = rng.randint(0, present_main - for_n)
        _vote(
            tx,
            main,
            cid,
            None,
            for_n,
            against,
            present_main - for_n - against,
            present_main,
            dt.datetime(2016, 8, 25, 14, 0, tzinfo=TZ),
        )
        for wid, _dcode, wdate in visits[c - 1 :: 4]:
            tx.flush()
            present = tx.db.execute(
                "SELECT COUNT(*) FROM attendance WHERE workshop_id=? AND deleted=0", (wid,)
            ).fetchone()[0]
            aid = tx.insert(
                "amendment",
                {
                    "clause_id": cid,
                    "workshop_id": wid,
                    "mover": f"{rng.choice(('นาย', 'นาง'))}{rng.choice(MALE + FEMALE)} {rng.choice(SURNAMES)}",
                    "seconder": f"{rng.choice(('นาย', 'นาง'))}{rng.choice(MALE + FEMALE)} {rng.choice(SURNAMES)}",
                    "text": text + " และให้รายงานผลต่อที่ประชุมสมัชชาทุกปี",
                    "status": "proposed",
                },
                did("amendment", c, wid),
            )
            at = dt.datetime.combine(wdate, dt.time(15, 0), TZ)
            f = rng.randint(present // 2, present)
            a = rng.randint(0, present - f)
            _vote(tx, wid, cid, aid, f, a, present - f - a, present, at)


def _vote(tx: Tx, wid: str, cid: str, aid: str | None, f: int, a: int, ab: int, present: int, at: dt.datetime) -> None:
    tx.insert(
        "vote",
        {
            "workshop_id": wid,
            "clause_id": cid,
            "amendment_id": aid,
            "method": "hands",
            "for_count": f,
            "against_count": a,
            "abstain_count": ab,
            "present": present,
            "recorded_at": at.isoformat(),
        },
        natural_id("vote", wid, cid, aid),
    )
