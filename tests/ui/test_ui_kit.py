"""The window's small kit: the background operation (progress, cancel, the core's sentence on failure, who initiated
its writes), the table-model base and the data events' initiator — driven through real widgets and a real store."""

from __future__ import annotations

import threading

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressBar, QPushButton, QWidget

from lampang_planner.core.ops.people import add_person, list_people
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.ui.models.table import TableModel
from lampang_planner.ui.tasks import BackgroundOp, error_text


def _widgets(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    bar, cancel = QProgressBar(host), QPushButton("Cancel", host)
    bar.hide()
    cancel.hide()
    host.show()
    return host, bar, cancel


def test_cancel_stops_the_core_work_between_steps_and_nothing_more_is_written(qtbot, empty_ctx):
    store = empty_ctx.store
    host, bar, cancel = _widgets(qtbot)
    first_written, may_go_on = threading.Event(), threading.Event()
    written: list[str] = []

    def add_many(control, store, n):
        for i in range(n):
            control.check()
            written.append(add_person(store, {"first_name": f"คนที่{i}"}))
            control.progress(i + 1, n)
            if i == 0:
                first_written.set()
                may_go_on.wait()
        return len(written)

    outcome: list[str] = []
    op = (BackgroundOp(empty_ctx, add_many, store, 50, name="many", parent=host)
          .with_progress(bar, cancel)
          .success(lambda n: outcome.append(f"done {n}"))
          .failure(lambda e: outcome.append(f"failed {e}"))
          .cancelled(lambda: outcome.append("cancelled")))  # fmt: skip
    task = op.run_in_background()
    assert bar.isVisible() and cancel.isVisible() and cancel.isEnabled()
    qtbot.waitUntil(first_written.is_set)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # the user's click, on the GUI thread
    assert not cancel.isEnabled()
    may_go_on.set()
    with qtbot.waitSignal(task.done, timeout=30_000):
        pass
    assert outcome == ["cancelled"]
    assert len(written) == 1 and [p.id for p in list_people(store)] == written  # the 49 others never written
    assert not bar.isVisible() and not cancel.isVisible()


def test_a_core_refusal_is_shown_as_its_thai_sentence(qtbot, empty_ctx):
    host, bar, _cancel = _widgets(qtbot)

    def bad_workshop(_control, store):
        return add_workshop(store, {"title": ""})  # the core refuses: no title, no date

    task = BackgroundOp(empty_ctx, bad_workshop, empty_ctx.store, parent=host).with_progress(bar).run_in_background()
    with qtbot.waitSignal(task.failed, timeout=30_000) as failed:
        pass
    exc = failed.args[0]
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert box.objectName() == "operationFailed"
    assert box.text() == exc.message("th") == error_text(exc)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in box.text())  # Thai first
    assert not bar.isVisible()
    box.close()


def test_the_initiator_of_a_write_arrives_with_its_data_event(qtbot, empty_ctx):
    events, store = empty_ctx.events, empty_ctx.store
    page, other = QWidget(), QWidget()
    qtbot.addWidget(page)
    qtbot.addWidget(other)
    seen: list[tuple[set, object]] = []
    events.changed_by.connect(lambda result, initiator: seen.append((set(result.changed), initiator)))

    with events.initiated_by(page):  # a page's own write on the GUI thread
        add_person(store, {"first_name": "หน้าเอง"})
    add_person(store, {"first_name": "ไม่มีใครอ้าง"})  # nobody claimed it (a merge, the command line)
    task = (BackgroundOp(empty_ctx, lambda _c, s: add_person(s, {"first_name": "งานเบื้องหลัง"}), store)
            .initiated_by(other).run_in_background())  # fmt: skip
    with qtbot.waitSignal(task.done, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert [initiator for _tables, initiator in seen] == [page, None, other]
    assert all("person" in tables for tables, _ in seen)


def test_the_plan_page_reloads_once_after_its_own_change_and_on_anothers(qtbot, demo_ctx, monkeypatch):
    from lampang_planner.core.ops.needs import list_needs
    from lampang_planner.core.plan.proposals import proposal_from_need
    from lampang_planner.ui.dialogs.plan import NeedPickerDialog
    from lampang_planner.ui.views.plan import PlanPage

    page = PlanPage(demo_ctx)
    qtbot.addWidget(page)
    page.activate()
    reloads: list[int] = []
    original = page.model.reload
    page.model.reload = lambda: (reloads.append(1), original())[1]
    needs = list_needs(demo_ctx.store)
    monkeypatch.setattr(NeedPickerDialog, "exec", lambda self: NeedPickerDialog.DialogCode.Accepted)
    monkeypatch.setattr(NeedPickerDialog, "need_id", lambda self: needs[0].id)
    pid = page.make_project()
    assert pid and len(reloads) == 1 and page.model.row_of(pid) is not None
    proposal_from_need(demo_ctx.store, needs[1].id)  # another screen's change still reloads the table
    assert len(reloads) == 2


class _Colours(TableModel):
    CONTEXT = "StatusHistoryModel"
    COLUMNS = (QT_TRANSLATE_NOOP("StatusHistoryModel", "Date"), QT_TRANSLATE_NOOP("StatusHistoryModel", "Status"))
    NUMERIC = frozenset({0})
    ALIGN_HEADERS = True

    def display(self, row, column):
        return row[column]

    def extra(self, row, column, role):
        return row[1].upper() if role == Qt.ItemDataRole.ToolTipRole else None


def test_the_table_model_base_translates_headers_and_replaces_rows(qtbot, qtmodeltester, empty_ctx):
    model = _Colours()
    model.set_rows([("1", "red"), ("2", "green")])
    qtmodeltester.check(model, force_py=True)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "วันที่"  # the Thai catalogue's header
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) == int(
        (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
    assert model.data(model.index(1, 1)) == "green"
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole) == "GREEN"
    assert model.row(1) == ("2", "green") and model.row(5) is None
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([("3", "blue")])
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "3"


def test_the_builders_make_connect_and_lay_out_in_one_call(qtbot, app):
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit

    from lampang_planner.ui.widgets.build import STRETCH, button, hbox, label, line_edit, vbox

    host = QWidget()
    qtbot.addWidget(host)
    clicks: list[str] = []
    go = button("go", lambda: clicks.append("go"), style="color: red;", auto_default=False)
    note = label("note", wrap=True, selectable=True, hidden=True)
    edit = line_edit("phrase", password=True, clearable=True, max_width=260)
    row = hbox((edit, 2), 12, go, STRETCH)
    vbox(note, row, parent=host)
    assert host.layout().itemAt(1).layout() is row and isinstance(row, QHBoxLayout)
    assert [row.stretch(i) for i in range(row.count())] == [2, 0, 0, 1]
    assert row.itemAt(1).spacerItem().sizeHint().width() == 12
    assert host.findChild(QLineEdit, "phrase") is edit and edit.echoMode() == QLineEdit.EchoMode.Password
    assert edit.isClearButtonEnabled() and edit.maximumWidth() == 260
    assert host.findChild(QLabel, "note") is note and note.wordWrap() and note.isHidden()
    assert note.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert go.styleSheet() == "color: red;" and not go.autoDefault()
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    assert clicks == ["go"]


def test_a_built_widgets_texts_follow_the_language(qtbot, window):
    window.navigate("exchange")
    exchange = window.pages["exchange"]  # texts given in a layout module, in the page's context
    thai_export = exchange.export_button.text()
    page = window.pages["workshops"]
    thai = (page.heading.text(), page.add_button.text(), page.search.placeholderText())
    assert "Workshops" not in thai and "Add workshop…" not in thai
    window.set_language("en")
    qtbot.waitUntil(lambda: page.add_button.text() == "Add workshop…")
    assert (exchange.export_button.text(), exchange.import_box.title()) == ("Export", "Import bundles")
    assert thai_export != "Export"
    assert (page.heading.text(), page.search.placeholderText()) == (
        "Workshops", "Search by title, district, venue or date…")
    window.set_language("th")
    qtbot.waitUntil(lambda: page.add_button.text() == thai[1])
    assert (page.heading.text(), page.add_button.text(), page.search.placeholderText()) == thai


def test_the_list_pages_forms_are_gone_once_closed(qtbot, window):
    """People and Workshops: each add or edit form, once closed, is deleted (they stayed, hidden, one more per use,
    each still following every language change: a door desk editing people all day piled them up)."""
    from modal_support import on_modal
    from PySide6.QtCore import QCoreApplication, QEvent

    from lampang_planner.ui.dialogs.person import PersonDialog
    from lampang_planner.ui.dialogs.sessions import SessionsDialog
    from lampang_planner.ui.dialogs.workshop import WorkshopDialog

    for key, forms in (("people", {"edit_current": PersonDialog, "add": PersonDialog}),
                       ("workshops", {"edit_current": WorkshopDialog, "add": WorkshopDialog,
                                      "edit_sessions": SessionsDialog})):
        window.navigate(key)
        page = window.pages[key]
        page.table.selectRow(0)
        for act, form in forms.items():
            seen = on_modal(form, lambda d: d.reject())
            getattr(page, act)()
            assert seen, (key, act)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert [f for f in set(forms.values()) if page.findChildren(f)] == [], key
