"""The resolutions page: the quorum follows check-ins, amendments and votes (by hands and by name) through the
dialogs, refusals that write nothing, the office's side-by-side view and the adoption of the consolidated text."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lampang_planner.core.ops import resolutions as R
from lampang_planner.core.ops.checkin import check_in_person
from lampang_planner.core.ops.people import add_person
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.sync.digest import counts, digest
from lampang_planner.ui.models.resolutions import changed_part


def resolutions_page(window, workshop_id: str | None = None):
    window.navigate("resolutions")
    page = window.pages["resolutions"]
    if workshop_id:
        page.deliberation.set_workshop(workshop_id)
    return page


def visit_with_room(store) -> tuple[str, list[str]]:
    """A district visit where some invited people have not checked in yet, and their ids."""
    for (wid,) in store.query("SELECT id FROM workshop WHERE deleted=0 ORDER BY start_date DESC"):
        waiting = [r[0] for r in store.query(
            "SELECT person_id FROM invitation i WHERE workshop_id=? AND deleted=0 AND NOT EXISTS ("
            " SELECT 1 FROM attendance a WHERE a.workshop_id=i.workshop_id AND a.person_id=i.person_id"
            " AND a.deleted=0)", (wid,))]
        if len(waiting) >= 3:
            return wid, waiting
    raise AssertionError("no visit with people still to arrive")


def test_the_quorum_shown_follows_check_ins(window, qtbot):
    store = window.ctx.store
    wid, waiting = visit_with_room(store)
    page = resolutions_page(window, wid)
    banner = page.deliberation.quorum
    q = R.quorum(store, wid)
    assert f"{q.present} " in banner.text() and f"{q.registered} " in banner.text()
    vote = page.vote_on_clause()
    qtbot.waitUntil(vote.isVisible)
    check_in_person(store, wid, waiting[0])  # someone arrives at the desk (another page, or another desk's laptop)
    qtbot.waitUntil(lambda: f"{q.present + 1} " in banner.text())
    qtbot.waitUntil(lambda: f"{q.present + 1} " in vote.quorum.text())  # the open vote dialog follows too
    assert banner.quorum.present == q.present + 1
    vote.reject()


def test_a_vote_without_quorum_is_recorded_only_when_confirmed(window, qtbot, type_text):
    store = window.ctx.store
    wid = add_workshop(store, {"title": "เวทีย่อย", "start_date": "2016-09-25", "district_code": "5201"})
    people = [add_person(store, {"first_name": f"ผู้แทน{i}"}, workshop_id=wid) for i in range(6)]
    check_in_person(store, wid, people[0])
    check_in_person(store, wid, people[1])
    page = resolutions_page(window)
    qtbot.waitUntil(lambda: page.deliberation.workshop.findData(wid) >= 0)
    page.deliberation.set_workshop(wid)
    assert "องค์ประชุม" in page.deliberation.quorum.text() or "quorum" in page.deliberation.quorum.text().lower()
    assert not page.deliberation.quorum.quorum.met
    vote = page.vote_on_clause()
    qtbot.waitUntil(vote.isVisible)
    vote.for_count.setValue(2)
    before = digest(store.db)
    vote.save()
    assert vote.isVisible() and vote.error.isVisible() and digest(store.db) == before  # warned, nothing written
    vote.for_count.setValue(3)  # more than the two checked in
    vote.save()
    assert vote.isVisible() and "3" in vote.error.text() and digest(store.db) == before
    vote.for_count.setValue(1)
    vote.against_count.setValue(1)
    vote.save()
    qtbot.waitUntil(lambda: not vote.isVisible())
    clause = page.deliberation.current_clause().clause
    v = R.get_vote(store, R.vote_id_for(wid, clause.id))
    assert (v.for_count, v.against_count, v.present) == (1, 1, 2)


def test_an_amendment_is_moved_and_voted_on_by_name(window, qtbot, type_text):
    store = window.ctx.store
    wid, _waiting = visit_with_room(store)
    page = resolutions_page(window, wid)
    delib = page.deliberation
    delib.clause_table.selectRow(2)
    clause = delib.current_clause().clause
    dialog = page.move_amendment()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.text.toPlainText() == clause.text  # starts from the clause's text
    before = digest(store.db)
    dialog._on_save()
    assert dialog.error_text("mover") and dialog.error_text("seconder") and not dialog.error_text("text")
    type_text(dialog.mover, "นายทองคำ ใจดี")
    type_text(dialog.seconder, "นางบัวผัน แก้วมา")
    dialog._on_save()
    assert dialog.error_text("text") == "ข้อความที่เสนอเหมือนข้อความเดิม" and not dialog.error_text("mover")
    assert digest(store.db) == before
    dialog.text.moveCursor(dialog.text.textCursor().MoveOperation.End)
    type_text(dialog.text, " โดยให้รายงานผลทุกหกเดือน")
    dialog._on_save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    aid = dialog.saved_id
    qtbot.waitUntil(lambda: delib.amendments.rowCount() >= 1)
    row = next(r for r in range(delib.amendments.rowCount()) if delib.amendments.amendment(r).id == aid)
    delib.amendment_table.selectRow(row)
    assert delib.amendments.data(delib.amendments.index(row, 0)) == "นายทองคำ ใจดี"

    vote = page.vote_on_amendment()
    qtbot.waitUntil(vote.isVisible)
    assert "นายทองคำ" in vote.heading.text() and "หกเดือน" in vote.text.text()
    vote.named_radio.click()
    present = R.voters(store, wid)
    assert vote.voters.rowCount() == len(present) > 3
    vote.activateWindow()
    vote.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is vote.table)
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3):  # each ballot saved, on to the next
        QTest.keyClick(vote.table, key)
    v = R.get_vote(store, R.vote_id_for(wid, clause.id, aid))
    assert (v.method, v.for_count, v.against_count, v.abstain_count) == ("named", 2, 1, 1)
    assert "2" in vote.tally.text()
    vote.table.selectRow(0)
    QTest.keyClick(vote.table, Qt.Key.Key_0)  # the first person takes their ballot back
    assert R.get_vote(store, v.id).for_count == 1
    # find someone by name and give their ballot
    target = present[-1]
    type_text(vote.search, target.name.split()[-1])
    qtbot.waitUntil(lambda: vote.current_person() is not None)
    assert vote.proxy.rowCount() >= 1
    vote.set_choice("against")
    assert R.get_vote(store, v.id).against_count == 2
    qtbot.mouseClick(vote.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not vote.isVisible())
    assert counts(store.db)["ballots"] == 4
    assert "1 / 2 / 1" in delib.amendments.data(delib.amendments.index(row, 4))

    delib.amendment_table.selectRow(row)
    assert delib.withdraw_button.isEnabled()
    qtbot.mouseClick(delib.withdraw_button, Qt.MouseButton.LeftButton)
    assert R.list_amendments(store, clause_id=clause.id, workshop_id=wid)[-1].status == "withdrawn"


def test_the_office_compares_the_workshops_and_adopts_the_consolidated_text(window, qtbot, type_text):
    store = window.ctx.store
    page = resolutions_page(window)
    page.tabs.setCurrentWidget(page.office)
    office = page.office
    side = R.votes_side_by_side(store, page.resolution_id())
    model = office.model
    assert model.rowCount() == len(side.clauses) == 5
    assert model.columnCount() == len(side.workshops) + 3
    first = model.index(0, 0)
    assert model.rowCount(first) == len(side.clauses[0].amendments)
    totals = side.clauses[0].totals
    assert model.data(model.index(0, model.TOTAL)) == (
        f"{totals.for_count:,} / {totals.against_count:,} / {totals.abstain_count:,}")
    # an amendment row shows what it changes, and its workshop's vote under that workshop's column
    a = side.clauses[0].amendments[0]
    col = model.FIRST_WORKSHOP + [w.id for w in side.workshops].index(a.amendment.workshop_id)
    v = a.votes[a.amendment.workshop_id]
    assert model.data(model.index(0, col, first)) == f"{v.for_count:,} / {v.against_count:,} / {v.abstain_count:,}"
    assert "และให้รายงานผล" in model.data(model.index(0, 0, first))

    office.select(0, 0)
    assert office.current_amendment().amendment.id == a.amendment.id
    qtbot.mouseClick(office.adopt_amendment_button, Qt.MouseButton.LeftButton)
    clause = R.list_clauses(store, page.resolution_id())[0]
    assert clause.adopted_text == a.amendment.text
    qtbot.waitUntil(lambda: model.data(model.index(0, model.ADOPTED, model.index(0, 0))) == "✔")
    qtbot.waitUntil(lambda: office.versions.rowCount() == 2)
    assert "✔" in office.versions.data(office.versions.index(1, 1))
    assert a.amendment.text in office.text.toPlainText()

    office.select(1)
    dialog = page.write_adopted()
    qtbot.waitUntil(dialog.isVisible)
    dialog.text.selectAll()
    type_text(dialog.text, "ข้อสองตามที่สำนักงานเรียบเรียง")
    dialog._on_save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert R.list_clauses(store, page.resolution_id())[1].adopted_text == "ข้อสองตามที่สำนักงานเรียบเรียง"

    adopt = page.adopt_resolution()
    qtbot.waitUntil(adopt.isVisible)
    assert "ข้อสองตามที่สำนักงานเรียบเรียง" in adopt.preview.toPlainText()
    adopt.on.setText("1/10/2559")
    adopt._on_save()
    qtbot.waitUntil(lambda: not adopt.isVisible())
    res = R.get_resolution(store, page.resolution_id())
    assert res.status == "adopted" and res.adopted_on.isoformat() == "2016-10-01"
    qtbot.waitUntil(lambda: not office.adopt_button.isEnabled())
    assert not page.clause_button.isEnabled() and "2559" in page.status.text()
    page.tabs.setCurrentWidget(page.deliberation)
    assert not page.deliberation.vote_clause_button.isEnabled()


def test_a_new_resolution_with_clauses_and_a_new_version(window, qtbot, type_text):
    store = window.ctx.store
    page = resolutions_page(window)
    dialog = page.new_resolution()
    qtbot.waitUntil(dialog.isVisible)
    type_text(dialog.title, "ร่างมติสมัชชา ประจำปี 2560")
    dialog._on_save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: page.resolution_id() == dialog.saved_id)
    for text in ("ข้อแรก", "ข้อที่สอง"):
        d = page.add_clause()
        qtbot.waitUntil(d.isVisible)
        type_text(d.text, text)
        d._on_save()
        qtbot.waitUntil(lambda d=d: not d.isVisible())
    qtbot.waitUntil(lambda: page.deliberation.clauses.rowCount() == 2)
    page.tabs.setCurrentWidget(page.office)
    page.office.select(1)
    d = page.edit_clause_text()
    qtbot.waitUntil(d.isVisible)
    d.text.selectAll()
    type_text(d.text, "ข้อที่สอง ฉบับแก้ไข")
    d._on_save()
    qtbot.waitUntil(lambda: page.office.versions.rowCount() == 2)
    assert [v.source for v in R.clause_versions(store, R.list_clauses(store, dialog.saved_id)[1].id)] == [
        "draft", "office"]


def test_the_models_pass_the_model_tester(window, qtbot, qtmodeltester):
    store = window.ctx.store
    wid = store.scalar("SELECT workshop_id FROM amendment WHERE deleted=0 LIMIT 1")
    page = resolutions_page(window, wid)
    delib = page.deliberation
    row = next(r for r in range(delib.clauses.rowCount()) if delib.clauses.amendments_here(delib.clauses.row(r)))
    delib.clause_table.selectRow(row)
    assert delib.amendments.rowCount() >= 1
    for model in (delib.clauses, delib.amendments, page.office.model, page.office.versions):
        qtmodeltester.check(model, force_py=True)
    vote = page.vote_on_clause()
    vote.named_radio.click()
    qtmodeltester.check(vote.voters, force_py=True)
    vote.reject()


def test_changed_part_shows_what_an_amendment_changes():
    assert changed_part("ให้ทุกตำบลจัดทำแผนทุกปี", "ให้ทุกตำบลจัดทำแผนทุกปี และรายงานผล") == "… และรายงานผล"
    assert changed_part("ให้ทุกตำบลจัดทำแผน โดยเร็ว", "ให้ทุกตำบลจัดทำแผน").endswith("โดยเร็ว")
    assert changed_part("ข้อความ", "ข้อความ") == "ข้อความ"


def test_signals_and_void_calls_do_not_wear_out_none_and_true(app):
    """PySide6 6.12.0 on CPython 3.11 dropped a reference to True on every emit() and to None on every void call
    (pyproject excludes it): the pages emit model signals on every refresh, so a long session ended in
    'Fatal Python error: bool_dealloc'. Catch such a PySide6 again, unless ui.pyside_guard neutralised it."""

    class Emitter(QObject):
        ping = Signal()

    e = Emitter()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(20_000):
        e.ping.emit()
        e.setObjectName("x")
    intact = sys.getrefcount(True) - true_before > -100 and sys.getrefcount(None) - none_before > -100
    # either the binding keeps its counts, or ui.pyside_guard has pinned None/True/False (as Python 3.12 does)
    assert intact or (getattr(sys, "_lampang_pinned", False) and sys.getrefcount(None) > 1 << 39)


def test_the_vote_dialog_shows_its_counts_whole_and_its_buttons_on_screen(window, qtbot):
    """The show-of-hands counts are typed into boxes tall enough for their digits (they were squeezed to 16 of their
    22 pixels: the dialog took its height before its texts), and the vote by name, taller, keeps Save on the screen
    (at 1366x768 it ran past the screen's bottom edge)."""
    wid, _waiting = visit_with_room(window.ctx.store)
    page = resolutions_page(window, wid)
    vote = page.vote_on_clause()
    qtbot.waitUntil(vote.isVisible)
    for spin in (vote.for_count, vote.against_count, vote.abstain_count):
        assert spin.height() >= spin.minimumSizeHint().height(), spin.objectName()
    vote.named_radio.click()
    qtbot.waitUntil(lambda: vote.table.isVisible())
    room = vote.screen().availableGeometry()
    assert vote.minimumSizeHint().height() <= room.height()  # it can fit, so it must
    assert room.contains(vote.frameGeometry()), (vote.frameGeometry(), room)
    save = vote.save_button
    assert room.contains(save.mapToGlobal(save.rect().bottomRight()))
    vote.reject()
