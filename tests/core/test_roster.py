"""Roster import from a messy office workbook: header detection, cleaning, matching, preview, apply, re-import,
and files that are refused before anything is written."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.people import add_person, get_person
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.roster.headers import field_for_label, find_header
from lampang_planner.core.roster.importer import apply_import, import_roster, plan_import, read_roster
from lampang_planner.core.roster.values import CellProblem, parse_participant_type, parse_phone, parse_place
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.core.thai.citizen_id import check_digit
from lampang_planner.core.thai.dates import today_lampang
from lampang_planner.core.thai.digits import to_thai_digits
from lampang_planner.core.vocabulary import ParticipantType
from roster_support import office_workbook


def cid(first12: str) -> str:
    return first12 + str(check_digit(first12))


GOOD_CID = cid("352010012345")
BAD_CID = GOOD_CID[:12] + str((int(GOOD_CID[12]) + 1) % 10)
EXISTING_CID = cid("152030000111")


def messy_roster(path: Path) -> Path:
    """What the office sends: two title rows (one merged across the table), a blank row, Thai headers in an odd
    order, an extra column, Thai digits, prefixes written into the name, อ./ต. and English place names."""
    headers = [
        "ลำดับ",
        "ชื่อ - นามสกุล",
        "เบอร์โทรศัพท์ (มือถือ)",
        "ตำบล",
        "อำเภอ",
        "หน่วยงาน/องค์กร",
        "ขนาดเสื้อ",
        "เลขประจำตัวประชาชน",
        "ประเภทผู้เข้าร่วม",
    ]
    rows = [
        # 5: added — Thai digits in phone and citizen ID, ต./อ. prefixes, double spaces
        [
            "๑",
            " นายสมชาย  ใจดี ",
            "๐๘๑-๒๓๔-๕๖๗๘",
            "ต.ศาลา",
            "อ.เกาะคา",
            "สภาองค์กรชุมชนตำบลศาลา",
            "L",
            to_thai_digits(GOOD_CID),
            "สภาองค์กรชุมชนตำบล",
        ],
        # 6: added — English tambon and district, phone stored as a number (leading zero lost)
        [2, "นางสาวศรีนวล คำมูล", 891112222, "Sala", "Ko Kha", "สภาเครือข่ายพลเมืองจังหวัดลำปาง", "M", None, "Network member"],
        # 7: rejected — wrong check digit
        [3, "นายวิชัย ศรีวิชัย", "0899999999", "ตำบลนาแก้ว", "อำเภอเกาะคา", "อบต.นาแก้ว", "XL", BAD_CID, "อปท."],
        # 8: duplicate of row 5 (same name and phone, written differently)
        [
            4,
            "นายสมชาย ใจดี",
            "081 234 5678",
            "ต.ศาลา",
            "อ.เกาะคา",
            "สภาองค์กรชุมชนตำบลศาลา",
            "L",
            None,
            "สภาองค์กรชุมชนตำบล",
        ],
        # 9: rejected — no such tambon
        [5, "นางบุญศรี อินต๊ะ", "0812223333", "ต.ไม่มีจริง", "อ.เกาะคา", "กลุ่มแม่บ้าน", "S", None, "อื่น ๆ"],
        # 10: added — "Mueang Lampang" district in English, no phone
        [
            6,
            "นายประเสริฐ แก้วมา",
            None,
            "Wiang Nuea",
            "Mueang Lampang",
            "สำนักงานพัฒนาชุมชนจังหวัดลำปาง",
            "L",
            None,
            "หน่วยงานภาครัฐ",
        ],
        [],  # 11: empty
        # 12: rejected — the tambon is in another district
        [7, "นายอนุชา ปัญญาดี", "0865554444", "ต.บ้านดง", "อ.เกาะคา", "วิสาหกิจชุมชน", "M", None, "ภาคเอกชน"],
        # 13: updated — the person on file (same name and phone) moved organisation
        [8, "นางมาลี ทองมา", "0861234567", "ต.ศาลา", "อ.เกาะคา", "เทศบาลตำบลศาลา", None, None, "อปท."],
        # 14: unchanged — matched by citizen ID, nothing new
        [9, "นางบัวผัน ธิมา", None, None, None, None, None, EXISTING_CID, None],
        # 15: rejected — only a name: nothing to tell this person apart
        [10, "นายเอกชัย", None, None, None, None, None, None, None],
        # 16: rejected — unknown participant type and a short phone
        [11, "นายมานพ สมใจ", "08123", "ต.ศาลา", "อ.เกาะคา", "ชมรม", None, None, "นักท่องเที่ยว"],
        [12],  # 17: a numbered empty line of the form
    ]
    title = "รายชื่อผู้เข้าร่วมประชุมเชิงปฏิบัติการ องค์การบริหารส่วนจังหวัดลำปาง"
    return office_workbook(path, title, "A1:I1", "วันที่ ๒๕ สิงหาคม ๒๕๕๙", headers, rows)


EXPECTED = {
    5: ("add", None),
    6: ("add", None),
    7: ("rejected", "เลขตรวจสอบหลักสุดท้ายผิด"),
    8: ("duplicate", "ซ้ำกับแถว 5"),
    9: ("rejected", "ไม่พบตำบล “ต.ไม่มีจริง” ในจังหวัดลำปาง"),
    10: ("add", None),
    12: ("rejected", "ตำบล “ต.บ้านดง” ไม่อยู่ในอำเภอเกาะคา"),
    13: ("update", None),
    14: ("unchanged", None),
    15: ("rejected", "ข้อมูลไม่พอแยกแยะบุคคล"),
    16: ("rejected", "ไม่รู้จักประเภทผู้เข้าร่วม “นักท่องเที่ยว”"),
}


@pytest.fixture
def store_with_people(empty_store):
    """A store holding a workshop and two people the roster mentions."""
    wid = add_workshop(
        empty_store, {"title": "เวทีประชาคม อำเภอเกาะคา", "start_date": dt.date(2016, 9, 1), "district_code": "5203"}
    )
    malee = add_person(
        empty_store,
        {"prefix": "นาง", "first_name": "มาลี", "last_name": "ทองมา", "phone": "0861234567", "organisation": "กลุ่มแม่บ้าน",
         "participant_type": "other", "subdistrict_code": "520305"},
    )  # fmt: skip
    buaphan = add_person(
        empty_store,
        {"prefix": "นาง", "first_name": "บัวผัน", "last_name": "ธิมา", "citizen_id": EXISTING_CID,
         "organisation": "สภาองค์กรชุมชนตำบลนาแก้ว", "subdistrict_code": "520302"},
    )  # fmt: skip
    return empty_store, wid, malee, buaphan


def state(store) -> tuple[str, dict]:
    return digest(store.db), counts(store.db)


def test_header_found_below_title_rows_with_extra_column_ignored(tmp_path):
    parsed = read_roster(messy_roster(tmp_path / "roster.xlsx"))
    (header,) = parsed.headers
    assert header.row == 4
    assert header.columns == {
        "full_name": 1,
        "phone": 2,
        "subdistrict": 3,
        "district": 4,
        "organisation": 5,
        "citizen_id": 7,
        "participant_type": 8,
    }
    assert header.ignored == [(6, "ขนาดเสื้อ")]
    assert [r.row for r in parsed.rows] == [5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16]  # 11 and 17 are empty


def test_messy_roster_plan_is_exact_and_writes_nothing(store_with_people, tmp_path):
    store, wid, malee, buaphan = store_with_people
    before = state(store)
    plan = plan_import(store, messy_roster(tmp_path / "roster.xlsx"), wid)
    assert state(store) == before
    assert not (store.data_dir / "backups").exists()
    got = {r.row: r for r in plan.rows}
    assert set(got) == set(EXPECTED)
    for row, (status, reason) in EXPECTED.items():
        assert got[row].status == status, (row, got[row])
        if reason:
            assert reason in got[row].reason_th, (row, got[row].reason_th)
            assert got[row].reason_en
        else:
            assert not got[row].reasons
    assert got[8].duplicate_of == 5
    assert "check digit" in got[7].reason_en
    assert "phone" in got[16].reason_en and "participant type" in got[16].reason_en
    assert got[13].person_id == malee and got[13].changes == {
        "organisation": ("กลุ่มแม่บ้าน", "เทศบาลตำบลศาลา"),
        "participant_type": ("other", "local_government"),
    }
    assert got[14].person_id == buaphan
    assert plan.counts() == {"add": 3, "update": 1, "unchanged": 1, "duplicate": 1, "rejected": 5, "invited": 5}
    lines = plan.report_lines()
    assert len(lines) == 7  # one per updated, duplicate and rejected row
    assert lines[0].startswith("แถว 7: ไม่รับ (rejected)")
    assert any(line.startswith("แถว 8: ซ้ำ (duplicate)") and "(same person as row 5)" in line for line in lines)


def test_apply_writes_clean_people_invites_them_and_reimport_changes_nothing(store_with_people, tmp_path):
    store, wid, malee, buaphan = store_with_people
    path = messy_roster(tmp_path / "roster.xlsx")
    result = apply_import(store, plan_import(store, path, wid))
    assert result.applied and result.backup is not None and result.backup.exists()
    assert result.counts()["add"] == 3 and result.to_invite == 5
    added = {r.row: r.person_id for r in result.rows if r.status == "add"}
    somchai = get_person(store, added[5])
    assert (somchai["prefix"], somchai["first_name"], somchai["last_name"]) == ("นาย", "สมชาย", "ใจดี")
    assert somchai["phone"] == "0812345678" and somchai["citizen_id"] == GOOD_CID
    assert (somchai["district_code"], somchai["subdistrict_code"]) == ("5203", "520305")
    assert somchai["participant_type"] == ParticipantType.COMMUNITY_COUNCIL.value and somchai["code"]
    srinuan = get_person(store, added[6])
    assert srinuan["phone"] == "0891112222" and srinuan["subdistrict_code"] == "520305"
    assert srinuan["participant_type"] == "network_member"
    prasert = get_person(store, added[10])
    assert (prasert["district_code"], prasert["subdistrict_code"]) == ("5201", "520101")
    assert get_person(store, malee)["organisation"] == "เทศบาลตำบลศาลา"
    invited = {r[0] for r in store.query("SELECT person_id FROM invitation WHERE workshop_id=? AND deleted=0", (wid,))}
    assert invited == {*added.values(), malee, buaphan}
    assert next(r for r in result.rows if r.row == 8).person_id == added[5]

    after = state(store)
    backups = sorted((store.data_dir / "backups").iterdir())
    again = import_roster(store, path, wid)
    assert state(store) == after
    assert sorted((store.data_dir / "backups").iterdir()) == backups  # nothing to write: no backup either
    assert again.counts() == {"add": 0, "update": 0, "unchanged": 5, "duplicate": 1, "rejected": 5, "invited": 0}
    assert not again.has_writes


def test_apply_replans_when_the_data_changed_after_the_preview(store_with_people, tmp_path):
    store, wid, *_ = store_with_people
    plan = plan_import(store, messy_roster(tmp_path / "roster.xlsx"), wid)
    assert {r.row: r.status for r in plan.rows}[6] == "add"
    # Someone adds the same person by hand while the preview is open.
    by_hand = add_person(store, {"prefix": "นางสาว", "first_name": "ศรีนวล", "last_name": "คำมูล", "phone": "0891112222"})
    result = apply_import(store, plan)
    row6 = next(r for r in result.rows if r.row == 6)
    assert row6.status == "update" and row6.person_id == by_hand
    assert store.scalar("SELECT COUNT(*) FROM person WHERE first_name='ศรีนวล'") == 1
    assert store.scalar("SELECT COUNT(*) FROM invitation WHERE person_id=? AND workshop_id=?", (by_hand, wid)) == 1


def test_ambiguous_match_is_reported_not_guessed(empty_store, tmp_path):
    for phone in ("0811111111", "0822222222"):
        add_person(
            empty_store, {"first_name": "สมชาย", "last_name": "ใจดี", "phone": phone, "subdistrict_code": "520305"}
        )
    wb = openpyxl.Workbook()
    wb.active.append(["ชื่อ", "นามสกุล", "ตำบล"])
    wb.active.append(["สมชาย", "ใจดี", "ศาลา"])
    wb.save(tmp_path / "r.xlsx")
    (row,) = plan_import(empty_store, tmp_path / "r.xlsx").rows
    assert row.status == "duplicate" and "มากกว่าหนึ่งคน" in row.reason_th and "2 people" in row.reason_en


def test_two_row_header_under_a_merged_name_cell_and_vertically_merged_values(empty_store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "Participants — Ko Kha district forum"
    ws.merge_cells("A1:F1")
    ws.append(["No.", "Name", None, None, "Organisation", "Tambon"])
    ws.append([None, "Title", "First name", "Last name", None, None])
    ws.merge_cells("B2:D2")
    ws.merge_cells("A2:A3")
    ws.merge_cells("E2:E3")
    ws.merge_cells("F2:F3")
    ws.append([1, "Mrs.", "Malee", "Thongma", "Sala Women's Group", "Sala"])
    ws.append([2, "Mr.", "Somchai", "Jaidee", None, "ต. ศาลา"])
    ws.merge_cells("E4:E5")  # one organisation for both rows
    wb.save(tmp_path / "two.xlsx")
    parsed = read_roster(tmp_path / "two.xlsx")
    assert parsed.headers[0].columns == {"prefix": 1, "first_name": 2, "last_name": 3, "organisation": 4,
                                         "subdistrict": 5}  # fmt: skip
    plan = plan_import(empty_store, parsed)
    assert [(r.row, r.status, r.name) for r in plan.rows] == [
        (4, "add", "Mrs. Malee Thongma"),
        (5, "add", "Mr. Somchai Jaidee"),
    ]
    assert plan.rows[1].fields["organisation"] == "Sala Women's Group"
    assert plan.rows[1].fields["subdistrict_code"] == "520305"


def write_text(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def refused_files(tmp_path: Path) -> dict[str, Path]:
    no_header = openpyxl.Workbook()
    no_header.active.append(["รายงานสรุปผลการประชุม"])
    no_header.active.append(["อำเภอ", "จำนวน"])
    no_header.active.append(["เกาะคา", 25])
    no_header.save(tmp_path / "noheader.xlsx")
    with zipfile.ZipFile(tmp_path / "notes.xlsx", "w") as z:
        z.writestr("notes.txt", "not a workbook")
    cfb = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    return {
        "not-workbook": write_text(tmp_path / "list.xlsx", "ชื่อ,นามสกุล\nสมชาย,ใจดี\n".encode()),
        "zip-not-workbook": tmp_path / "notes.xlsx",
        "encrypted": write_text(tmp_path / "locked.xlsx", cfb + "EncryptedPackage".encode("utf-16-le") + bytes(64)),
        "old-xls": write_text(tmp_path / "old.xlsx", cfb + bytes(1024)),
        "no-header": tmp_path / "noheader.xlsx",
        "empty": write_text(tmp_path / "empty.xlsx", b""),
    }


@pytest.mark.parametrize("kind", ["not-workbook", "zip-not-workbook", "encrypted", "old-xls", "no-header", "empty"])
def test_refused_files_write_nothing(store_with_people, tmp_path, kind):
    store, wid, *_ = store_with_people
    path = refused_files(tmp_path)[kind]
    before = state(store)
    with pytest.raises(UserError) as info:
        import_roster(store, path, wid)
    expected = {"zip-not-workbook": "not-workbook", "empty": "not-workbook"}.get(kind, kind)
    assert info.value.code == expected
    assert info.value.th and info.value.en and info.value.th != info.value.en
    if kind == "encrypted":
        assert "รหัสผ่าน" in info.value.th
    assert state(store) == before
    assert not (store.data_dir / "backups").exists()


def test_unknown_workshop_is_refused_before_anything(empty_store, tmp_path):
    path = messy_roster(tmp_path / "roster.xlsx")
    with pytest.raises(UserError) as info:
        import_roster(empty_store, path, "no-such-workshop")
    assert info.value.code == "unknown-workshop"
    assert empty_store.is_empty()


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("ชื่อ-สกุล", "full_name"),
        ("ชื่อ – นามสกุล", "full_name"),
        ("Full name", "full_name"),
        ("คำนำหน้าชื่อ", "prefix"),
        ("เบอร์โทรศัพท์มือถือ", "phone"),
        ("Tel.", "phone"),
        ("เลขบัตรประจำตัวประชาชน (13 หลัก)", "citizen_id"),
        ("สังกัด/หน่วยงาน", "organisation"),
        ("ตำบล/แขวง", "subdistrict"),
        ("Sub-district", "subdistrict"),
        ("อ.", "district"),
        ("ที่", "seq"),
        ("ที่อยู่", None),
        ("ขนาดเสื้อ", None),
    ],
)
def test_header_labels(label, key):
    assert field_for_label(label) == key


def test_name_column_is_the_full_name_without_a_surname_column():
    header = find_header("s", [["ชื่อ", "หน่วยงาน"]])
    assert header is not None and header.columns == {"full_name": 0, "organisation": 1}
    header = find_header("s", [["ชื่อ", "นามสกุล"]])
    assert header is not None and header.columns == {"first_name": 0, "last_name": 1}
    assert find_header("s", [["รายชื่อผู้เข้าร่วมประชุม"], ["อำเภอ", "จำนวน"]]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("สภาองค์กรชุมชนตำบล", ParticipantType.COMMUNITY_COUNCIL),
        ("Tambon community council", ParticipantType.COMMUNITY_COUNCIL),
        ("อปท.", ParticipantType.LOCAL_GOVERNMENT),
        ("หน่วยงานภาครัฐ", ParticipantType.STATE_AGENCY),
        ("ภาคเอกชน", ParticipantType.PRIVATE_SECTOR),
        ("คณะกรรมการประสานงานสภาเครือข่ายพลเมือง", ParticipantType.NETWORK_COMMITTEE),
        ("สมาชิกสภาเครือข่ายพลเมืองจังหวัดลำปาง", ParticipantType.NETWORK_MEMBER),
        ("network_member", ParticipantType.NETWORK_MEMBER),
        ("อื่นๆ", ParticipantType.OTHER),
        ("", None),
    ],
)
def test_participant_type_labels(text, expected):
    assert parse_participant_type(text) == expected


@pytest.mark.parametrize(
    ("district", "tambon", "expected"),
    [
        ("อำเภอเกาะคา", "ตำบลศาลา", ("5203", "520305")),
        ("อ. เกาะคา", "ต. ศาลา", ("5203", "520305")),
        ("Ko Kha", "Sala", ("5203", "520305")),
        (None, "ต.ศาลา อ.เกาะคา", ("5203", "520305")),
        ("อ.เมือง", "ต.พระบาท", ("5201", "520105")),
        ("อำเภอเมืองลำปาง จังหวัดลำปาง", None, ("5201", None)),
        (None, "Sala", ("5203", "520305")),
        (None, None, (None, None)),
    ],
)
def test_places(district, tambon, expected):
    assert parse_place(district, tambon) == expected


def test_bad_places_and_phones_say_why():
    with pytest.raises(CellProblem, match="no district"):
        parse_place("อ.ไม่มี", None)
    with pytest.raises(CellProblem, match="not in"):
        parse_place("เกาะคา", "บ้านดง")
    assert parse_phone("๐๘๑-๒๓๔-๕๖๗๘ / 054-123456") == "0812345678"
    assert parse_phone(54265011) == "054265011"
    assert parse_phone("+66 81 234 5678") == "0812345678"
    with pytest.raises(CellProblem, match="phone"):
        parse_phone("12345")


def test_consent_column_refusals_keep_no_phone_and_reimport_changes_nothing(empty_store, tmp_path):
    manop = add_person(
        empty_store, {"first_name": "มานพ", "last_name": "ใจดี", "phone": "0855555555", "subdistrict_code": "520305"}
    )
    wb = openpyxl.Workbook()
    wb.active.append(["ชื่อ", "นามสกุล", "โทร", "ตำบล", "ยินยอมให้ใช้ข้อมูล (PDPA)"])
    wb.active.append(["สมศรี", "ใจดี", "0811111111", None, "ยินยอม"])
    wb.active.append(["บุญมี", "ใจดี", "0822222222", "ศาลา", "ไม่ยินยอม"])
    wb.active.append(["จำรัส", "ใจดี", "0833333333", "ศาลา", "บางที"])
    wb.active.append(["ถนอม", "ใจดี", "0844444444", None, "ไม่ยินยอม"])
    wb.active.append(["มานพ", "ใจดี", "0855555555", "ศาลา", "ไม่ยินยอม"])
    wb.save(tmp_path / "c.xlsx")
    first = import_roster(empty_store, tmp_path / "c.xlsx")
    assert [r.status for r in first.rows] == ["add", "add", "rejected", "rejected", "update"]
    assert "consent" in first.rows[2].reason_en
    assert "consent refused" in first.rows[3].reason_en and "ไม่ได้รับความยินยอม" in first.rows[3].reason_th
    somsri = get_person(empty_store, first.rows[0].person_id)
    assert somsri["consent"] and somsri["consent_date"] == today_lampang().isoformat()
    assert somsri["phone"] == "0811111111"
    boonmee = get_person(empty_store, first.rows[1].person_id)
    assert boonmee["consent"] == 0 and boonmee["phone"] is None and boonmee["subdistrict_code"] == "520305"
    assert first.rows[4].person_id == manop and first.rows[4].changes["phone"] == ("0855555555", None)
    assert get_person(empty_store, manop)["phone"] is None and get_person(empty_store, manop)["consent"] == 0
    before = state(empty_store)
    again = import_roster(empty_store, tmp_path / "c.xlsx")
    assert [r.status for r in again.rows] == ["unchanged", "unchanged", "rejected", "rejected", "unchanged"]
    assert state(empty_store) == before


def test_a_cell_longer_than_its_field_is_refused_naming_row_and_column(empty_store, tmp_path):
    """A megabyte pasted into one cell (it would be stored, then no badge or sign-in sheet would ever finish): that
    row is refused, saying which row and which column; the other rows import."""
    wb = openpyxl.Workbook()
    wb.active.append(["ลำดับ", "ชื่อ", "นามสกุล", "หน่วยงาน", "ตำบล"])
    wb.active.append([1, "บุญมี", "ใจดี", "อบต.ศาลา", "ศาลา"])
    wb.active.append([2, "คำปัน", "ทองมา", "ก" * 1_000_000, "ศาลา"])
    wb.active.append([3, "ศรีนวล" * 30, "แก้วมา", "อบต.ศาลา", "ศาลา"])
    wb.save(tmp_path / "r.xlsx")
    plan = plan_import(empty_store, tmp_path / "r.xlsx")
    ok, long_org, long_name = plan.rows
    assert ok.status == "add"
    assert long_org.status == long_name.status == "rejected"
    assert long_org.row == 3 and "คอลัมน์ D (หน่วยงาน)" in long_org.reason_th and "(200 ตัวอักษร)" in long_org.reason_th
    assert "column D (organisation)" in long_org.reason_en and "200" in long_org.reason_en
    assert long_name.row == 4 and "column B (first name)" in long_name.reason_en
    assert "แถว 3" in long_org.line()
    before = digest(empty_store.db)
    apply_import(empty_store, plan)
    assert counts(empty_store.db)["people"] == 1 and digest(empty_store.db) != before
    assert empty_store.scalar("SELECT MAX(LENGTH(organisation)) FROM person") == len("อบต.ศาลา")
