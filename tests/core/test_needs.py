"""Community needs: validation, the editable category list, the status workflow and its history, similar needs,
ranking, photos, summaries, and convergence of two laptops' records."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import struct
import zlib

import pytest
from log_support import exchange

from folder_support import new_store
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.ops import categories as C
from lampang_planner.core.ops import needs as N
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.core.vocabulary import DEFAULT_NEED_CATEGORIES, NeedStatus

TAMBON = "520101"  # เวียงเหนือ, อำเภอเมืองลำปาง (5201)
OTHER_TAMBON = "520102"


@pytest.fixture
def workshop(empty_store):
    return add_workshop(empty_store, {"title": "เวทีประชาคม", "start_date": "2016-08-30", "district_code": "5201"})


def need(store, workshop_id, title="ซ่อมแซมถนนเข้าหมู่บ้าน", **kw):
    fields = {"workshop_id": workshop_id, "subdistrict_code": TAMBON, "title": title, "category": "infrastructure"}
    fields.update(kw)
    return N.add_need(store, fields)


# --- recording ---------------------------------------------------------------------------------------------------


def test_a_need_is_recorded_with_its_place_group_and_first_status(empty_store, workshop):
    nid = N.add_need(empty_store, {
        "workshop_id": workshop, "subdistrict_code": TAMBON, "village_no": "หมู่ที่ ๓", "village_name": "บ้านดง",
        "title": "  ซ่อมแซมถนน   เข้าหมู่บ้าน ", "description": "ถนนลูกรัง\r\nชำรุด", "category": "ถนนและโครงสร้างพื้นฐาน",
        "group_name": "กลุ่ม 1", "session": "รับฟังปัญหา", "raised_by": "นายสมชาย", "dot_votes": "๑๒",
        "route": "pao_plan", "plan_strategy": "ยุทธศาสตร์โครงสร้างพื้นฐาน", "fiscal_year": "2561",
    })
    n = N.get_need(empty_store, nid)
    assert n.district_code == "5201" and n.subdistrict_code == TAMBON  # the district follows the tambon
    assert n.village_no == "3" and n.title == "ซ่อมแซมถนน เข้าหมู่บ้าน" and n.description == "ถนนลูกรัง\nชำรุด"
    assert n.category == "infrastructure"  # found by its Thai name
    assert n.dot_votes == 12 and n.fiscal_year == 2561 and n.route == "pao_plan" and n.rank == 1
    assert n.status == "proposed" and n.status_date == dt.date(2016, 8, 30)  # typed after the workshop: its day
    (first,) = N.status_history(empty_store, nid)
    assert first.status == "proposed" and first.changed_on == dt.date(2016, 8, 30) and first.changed_by
    assert need(empty_store, workshop, "ไฟส่องสว่าง") and N.list_needs(empty_store)[1].rank == 2  # next rank


def test_the_district_defaults_to_the_workshops(empty_store, workshop):
    nid = N.add_need(empty_store, {"workshop_id": workshop, "title": "ศูนย์ดูแลผู้สูงอายุ", "category": "health"})
    assert N.get_need(empty_store, nid).district_code == "5201"


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"title": " "}, {"title"}),
        ({"category": None}, {"category"}),
        ({"category": "no-such"}, {"category"}),
        ({"subdistrict_code": "999999"}, {"subdistrict_code"}),
        ({"district_code": "5202"}, {"subdistrict_code"}),  # the tambon is not in that district
        ({"village_no": "หมู่ 120"}, {"village_no"}),
        ({"fiscal_year": 2016}, {"fiscal_year"}),  # must be Buddhist era
        ({"dot_votes": -1, "rank": 0}, {"dot_votes", "rank"}),
        ({"route": "nowhere"}, {"route"}),
        ({"workshop_id": "nope"}, {"workshop_id"}),
        ({"status": "done"}, {"status"}),  # status has its own function
    ],
)
def test_bad_input_names_each_field_in_thai_and_english_and_writes_nothing(empty_store, workshop, fields, bad):
    before = digest(empty_store.db)
    base = {"workshop_id": workshop, "subdistrict_code": TAMBON, "title": "ถนน", "category": "infrastructure"}
    with pytest.raises(ValidationError) as err:
        N.add_need(empty_store, {**base, **fields})
    assert set(err.value.problems) == bad
    th, en = next(iter(err.value.problems.values()))
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in th) and not any("\u0e00" <= ch <= "\u0e7f" for ch in en)
    assert digest(empty_store.db) == before


def test_a_need_without_a_workshop_needs_a_place(empty_store):
    with pytest.raises(ValidationError) as err:
        N.add_need(empty_store, {"title": "ถนน", "category": "water"})
    assert set(err.value.problems) == {"district_code"}


def test_update_delete_and_restore(empty_store, workshop):
    nid = need(empty_store, workshop)
    assert N.update_need(empty_store, nid, {"dot_votes": 7, "subdistrict_code": OTHER_TAMBON})
    assert not N.update_need(empty_store, nid, {"dot_votes": "7"})  # nothing changed, nothing written
    n = N.get_need(empty_store, nid)
    assert n.dot_votes == 7 and n.subdistrict_code == OTHER_TAMBON and n.district_code == "5201"
    with pytest.raises(ValidationError):
        N.update_need(empty_store, nid, {"title": ""})
    assert N.delete_need(empty_store, nid)
    assert N.get_need(empty_store, nid) is None and N.list_needs(empty_store) == []
    assert counts(empty_store.db)["needs"] == 0
    with pytest.raises(UserError):
        N.change_status(empty_store, nid, "accepted")
    assert N.restore_need(empty_store, nid) and N.get_need(empty_store, nid).title


# --- categories --------------------------------------------------------------------------------------------------


def test_the_category_list_starts_with_the_defaults_and_is_editable(empty_store, workshop):
    assert [c.key for c in C.list_categories(empty_store)] == [k for k, _th, _en in DEFAULT_NEED_CATEGORIES]
    assert counts(empty_store.db)["changes"] == 1  # listing writes nothing
    C.add_category(empty_store, "youth", "เยาวชน", "Youth")
    assert C.list_categories(empty_store)[-1].key == "youth"
    assert empty_store.scalar("SELECT COUNT(*) FROM need_category") == len(DEFAULT_NEED_CATEGORIES) + 1
    with pytest.raises(ValidationError):
        C.add_category(empty_store, "youth", "ซ้ำ")
    with pytest.raises(ValidationError) as err:
        C.add_category(empty_store, "ไทย", "")
    assert set(err.value.problems) == {"key", "name_th"}
    assert C.update_category(empty_store, "youth", name_th="เด็กและเยาวชน")
    C.reorder_categories(empty_store, ["youth", "water"])
    assert [c.key for c in C.list_categories(empty_store)][:3] == ["youth", "water", "infrastructure"]

    nid = need(empty_store, workshop, category="youth")
    with pytest.raises(UserError) as err:
        C.delete_category(empty_store, "youth")
    assert err.value.code == "category-in-use"
    N.update_need(empty_store, nid, {"category": "education"})
    assert C.delete_category(empty_store, "youth")
    assert "youth" not in {c.key for c in C.list_categories(empty_store)}
    assert C.category_labels(empty_store)["youth"] == ("เด็กและเยาวชน", "Youth")  # old needs still have a name
    with pytest.raises(ValidationError):
        N.update_need(empty_store, nid, {"category": "youth"})


def test_two_laptops_seeding_the_default_categories_converge(tmp_path):
    a, b = new_store(tmp_path / "a"), new_store(tmp_path / "b")
    try:
        for s in (a, b):
            w = add_workshop(s, {"title": "w", "start_date": "2016-08-30", "district_code": "5201"})
            need(s, w)
        exchange(a, b)
        exchange(b, a)
        assert digest(a.db) == digest(b.db)
        assert len(C.list_categories(a)) == len(DEFAULT_NEED_CATEGORIES)
        assert a.scalar("SELECT COUNT(*) FROM need_category") == len(DEFAULT_NEED_CATEGORIES)
        assert counts(a.db)["needs"] == 2
    finally:
        a.close()
        b.close()


def test_the_demo_uses_the_shared_default_category_ids(demo_store):
    ids = {r[0] for r in demo_store.query("SELECT id FROM need_category")}
    assert ids == {C.category_id(k) for k, _th, _en in DEFAULT_NEED_CATEGORIES}


# --- status workflow ---------------------------------------------------------------------------------------------


def test_status_moves_along_the_workflow_with_date_who_and_note(empty_store, workshop):
    nid = need(empty_store, workshop)
    steps = [("accepted", "2016-11-15"), ("budgeted", "2017-02-01"), ("in_progress", "2017-06-01"),
             ("done", "2017-09-30")]
    for status, day in steps:
        N.change_status(empty_store, nid, status, on=day, by="กองแผน อบจ.", note=f"ขั้น {status}")
    history = N.status_history(empty_store, nid)
    assert [h.status for h in history] == ["proposed"] + [s for s, _ in steps]
    assert [h.changed_on.isoformat() for h in history[1:]] == [d for _, d in steps]
    assert all(h.changed_by == "กองแผน อบจ." and h.note == f"ขั้น {h.status}" for h in history[1:])
    n = N.get_need(empty_store, nid)
    assert n.status == "done" and n.status_date == dt.date(2017, 9, 30)
    assert N.allowed_statuses("done") == []


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        ([], "budgeted"),  # proposed cannot skip acceptance
        ([], "done"),
        ([], "in_progress"),
        (["accepted"], "done"),
        (["accepted", "budgeted"], "proposed"),
        (["accepted", "budgeted", "in_progress", "done"], "dropped"),  # done is final
        (["dropped"], "accepted"),  # dropped is final
    ],
)
def test_impossible_moves_are_refused_and_write_nothing(empty_store, workshop, path, bad):
    nid = need(empty_store, workshop)
    for s in path:
        N.change_status(empty_store, nid, s, on="2017-01-01")
    before = digest(empty_store.db)
    with pytest.raises(UserError) as err:
        N.change_status(empty_store, nid, bad, on="2017-01-02")
    assert err.value.code == "bad-transition" and "ไม่ได้" in err.value.th
    assert digest(empty_store.db) == before


def test_not_done_can_be_planned_again_and_anything_unfinished_dropped(empty_store, workshop):
    nid = need(empty_store, workshop)
    for s in ("accepted", "budgeted", "not_done", "accepted", "dropped"):
        N.change_status(empty_store, nid, s, on="2017-01-01")
    assert N.get_need(empty_store, nid).status == "dropped"
    assert [s.value for s in N.allowed_statuses("proposed")] == ["accepted", "dropped"]


def test_status_dates_cannot_go_back_or_into_the_future_and_statuses_are_read_in_both_languages(empty_store, workshop):
    nid = need(empty_store, workshop)
    N.change_status(empty_store, nid, "บรรจุในแผน", on="15/11/2559")  # Thai label, Buddhist-era date
    assert N.get_need(empty_store, nid).status == "accepted"
    with pytest.raises(ValidationError) as err:
        N.change_status(empty_store, nid, "Budgeted", on="2016-11-14")
    assert "on" in err.value.problems
    with pytest.raises(ValidationError):
        N.change_status(empty_store, nid, "budgeted", on=dt.date.today() + dt.timedelta(days=2))
    with pytest.raises(UserError) as err2:
        N.change_status(empty_store, nid, "finished")
    assert err2.value.code == "unknown-status"
    assert N.change_status(empty_store, nid, "Budgeted", on="2016-11-15").status == "budgeted"


def test_a_mistaken_change_is_corrected_and_the_history_keeps_both(empty_store, workshop):
    nid = need(empty_store, workshop)
    N.change_status(empty_store, nid, "accepted", on="2017-01-01")
    N.change_status(empty_store, nid, "dropped", on="2017-01-02", note="กดผิด")
    with pytest.raises(ValidationError):
        N.revert_status(empty_store, nid, note=" ")
    back = N.revert_status(empty_store, nid, note="บันทึกผิดเรื่อง", on="2017-01-03", by="ผู้ประสานงาน")
    assert back.status == "accepted" and N.get_need(empty_store, nid).status == "accepted"
    history = N.status_history(empty_store, nid)
    assert [h.status for h in history] == ["proposed", "accepted", "dropped", "accepted"]
    assert history[-1].note == "บันทึกผิดเรื่อง" and history[-1].changed_by == "ผู้ประสานงาน"
    assert N.effective_path([h.status for h in history]) == ["proposed", "accepted"]
    N.revert_status(empty_store, nid, note="ยังไม่ผ่านที่ประชุม", on="2017-01-04")
    assert N.get_need(empty_store, nid).status == "proposed"
    with pytest.raises(UserError) as err:
        N.revert_status(empty_store, nid, note="อีกครั้ง", on="2017-01-05")
    assert err.value.code == "nothing-to-revert"


def test_the_demo_needs_histories_follow_the_workflow(demo_store):
    needs = N.list_needs(demo_store)
    assert len(needs) > 50
    for n in needs:
        statuses = [h.status for h in N.status_history(demo_store, n.id)]
        assert statuses[0] == "proposed" and statuses[-1] == n.status
        for before, after in itertools.pairwise(statuses):
            assert NeedStatus(after) in N.TRANSITIONS[NeedStatus(before)]


# --- similar needs, ranks, photos ---------------------------------------------------------------------------------


def test_a_need_like_one_already_raised_in_the_same_tambon_is_pointed_out(empty_store, workshop):
    road = need(empty_store, workshop, "ซ่อมแซมถนนเข้าหมู่บ้าน ต.เวียงเหนือ", village_no="3")
    need(empty_store, workshop, "สร้างฝายชะลอน้ำ")
    need(empty_store, workshop, "ซ่อมถนนในหมู่บ้าน", subdistrict_code=OTHER_TAMBON)
    found = N.similar_needs(empty_store, TAMBON, "ซ่อมถนนในหมู่บ้าน")
    assert [s.id for s in found] == [road] and found[0].score >= N.SIMILARITY_THRESHOLD and found[0].village_no == "3"
    assert N.similar_needs(empty_store, TAMBON, "ห้องสมุดชุมชน") == []
    assert N.similar_needs(empty_store, TAMBON, "ซ่อมถนนในหมู่บ้าน", exclude_id=road) == []
    assert N.similar_needs(empty_store, None, "ซ่อมถนน") == []
    # tone marks and spacing do not hide a repeat
    assert N.similar_needs(empty_store, TAMBON, "สรางฝาย ชะลอนำ")[0].title == "สร้างฝายชะลอน้ำ"


def test_similarity_scores(empty_store):
    def score(a: str, b: str) -> float:
        return N.title_similarity(N.title_tokens(a), N.title_tokens(b))

    assert score("ขุดลอกลำเหมือง", "ขุดลอกลำเหมืองและฝายชะลอน้ำ") > 0.7
    assert score("ห้องสมุดชุมชน", "ห้องสมุดและอินเทอร์เน็ตสำหรับเด็ก") >= N.SIMILARITY_THRESHOLD
    assert score("สร้างถนน", "สร้างฝาย") < N.SIMILARITY_THRESHOLD  # the same verb is not the same need
    assert score("แก้ปัญหาหมอกควัน", "แก้ปัญหาขยะ") < N.SIMILARITY_THRESHOLD
    assert score("", "ถนน") == 0.0


def test_ranks_and_dot_votes(empty_store, workshop):
    a, b, c = (need(empty_store, workshop, t) for t in ("ถนน", "ประปา", "ไฟฟ้า"))
    assert [n.rank for n in N.list_needs(empty_store, workshop_id=workshop)] == [1, 2, 3]
    N.set_dot_votes(empty_store, c, 20)
    N.rank_needs(empty_store, workshop, [c])
    assert [n.id for n in N.list_needs(empty_store, workshop_id=workshop)] == [c, a, b]
    with pytest.raises(UserError):
        N.rank_needs(empty_store, workshop, [c, c])
    with pytest.raises(UserError):
        N.rank_needs(empty_store, workshop, ["stranger"])
    with pytest.raises(ValidationError):
        N.set_dot_votes(empty_store, a, "many")


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def test_a_flipchart_photo_is_copied_into_the_data_folder(empty_store, workshop, tmp_path):
    nid = need(empty_store, workshop)
    src = tmp_path / "flip.png"
    src.write_bytes(_png())
    name = N.attach_photo(empty_store, nid, src)
    assert N.get_need(empty_store, nid).photo == name and name.endswith(".png")
    assert N.photo_path(empty_store, name).read_bytes() == _png()
    text = tmp_path / "notes.txt"
    text.write_text("ไม่ใช่รูป", encoding="utf-8")
    with pytest.raises(UserError) as err:
        N.attach_photo(empty_store, nid, text)
    assert err.value.code == "bad-photo"
    with pytest.raises(UserError):
        N.attach_photo(empty_store, nid, tmp_path / "missing.jpg")
    assert N.detach_photo(empty_store, nid) and N.get_need(empty_store, nid).photo == ""


# --- reading: lists and summaries ---------------------------------------------------------------------------------


def test_lists_filter_by_district_tambon_category_and_status(empty_store, workshop):
    a = need(empty_store, workshop, "ถนน")
    need(empty_store, workshop, "ฝาย", category="water", subdistrict_code=OTHER_TAMBON)
    N.change_status(empty_store, a, "accepted", on="2017-01-01")
    assert len(N.list_needs(empty_store, district_code="5201")) == 2
    assert [n.title for n in N.list_needs(empty_store, subdistrict_code=OTHER_TAMBON)] == ["ฝาย"]
    assert [n.title for n in N.list_needs(empty_store, category="water")] == ["ฝาย"]
    assert [n.id for n in N.list_needs(empty_store, status=NeedStatus.ACCEPTED)] == [a]
    assert N.list_needs(empty_store, district_code="5202") == []
    assert N.get_need(empty_store, a).as_json()["status_date"] == "2017-01-01"


def test_summaries_give_totals_per_district_and_group(demo_store):
    every = N.list_needs(demo_store)
    by_district = N.needs_summary(demo_store, "district")
    assert len(by_district.districts) == 13 and by_district.total == len(every)
    assert sum(d.count for d in by_district.districts) == len(every)
    assert sum(d.dot_votes for d in by_district.districts) == sum(n.dot_votes for n in every)
    for by in ("tambon", "category", "status"):
        s = N.needs_summary(demo_store, by)
        assert sum(r.count for r in s.rows) == len(every)
        for d in s.districts:  # each district's rows add up to its total
            assert sum(r.count for r in s.rows if r.district_code == d.district_code) == d.count
    status = N.needs_summary(demo_store, "status")
    order = [g.key for g in status.groups]
    assert order == sorted(order, key=[s.value for s in NeedStatus].index)
    assert {g.label_th for g in status.groups} <= {s.th for s in NeedStatus}
    cats = N.needs_summary(demo_store, "category")
    assert all(g.label_th and g.label_en for g in cats.groups)
    with pytest.raises(UserError):
        N.needs_summary(demo_store, "colour")


# --- the command line ----------------------------------------------------------------------------------------------


def test_the_command_line_lists_summarises_and_shows_histories(demo_dir, capsys):
    from lampang_planner.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--data-dir", str(demo_dir)])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, out, _ = run("need", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 91 and {"id", "title", "category", "status", "subdistrict_code"} <= set(rows[0])
    _, out, _ = run("need", "list", "--status", "ได้รับงบประมาณ", "--json")
    budgeted = json.loads(out)
    assert budgeted and {r["status"] for r in budgeted} == {"budgeted"}
    _, out, _ = run("need", "history", budgeted[0]["id"], "--json")
    assert [h["status"] for h in json.loads(out)] == ["proposed", "accepted", "budgeted"]
    _, out, _ = run("need", "summary", "--by", "category", "--json")
    summary = json.loads(out)
    assert summary["total"] == 91 and len(summary["districts"]) == 13
    _, out, _ = run("resolution", "list", "--json")
    (res,) = json.loads(out)
    assert res["clauses"] == 5 and res["votes"] > 0
    code, out, _ = run("resolution", "votes", res["id"], "--json")
    side = json.loads(out)
    assert code == 0 and len(side["clauses"]) == 5 and side["workshops"]
    code, out, _ = run("resolution", "votes", res["id"])
    assert code == 0 and "ข้อ 1:" in out
    for bad in (("need", "list", "--status", "finished"), ("need", "history", "nope"), ("resolution", "votes", "x")):
        code, _, err = run(*bad)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "ผิดพลาด" in err
