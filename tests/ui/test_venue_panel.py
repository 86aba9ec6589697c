"""Issue #18 at the door: the check-in page's venue panel joins another desk (a real process) in one step, shows it
connected, and a person that desk checked in shows amber here with that desk's name and time."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))

from venue_support import DeskProcess, desks_from_kit, office_with_people

from lampang_planner.core.db import Store
from lampang_planner.core.ops.checkin import now_bangkok
from lampang_planner.core.venue.joining import join_payload


def _image(pixmap) -> Image.Image:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data)))


@pytest.fixture
def two_desks(tmp_path):
    office, wid, codes = office_with_people(tmp_path / "office", 4)
    folders = desks_from_kit(office, tmp_path, ["โต๊ะหน้า", "โต๊ะข้าง"], enrolled=2)
    office.close()
    other = DeskProcess(folders[1])
    store = Store.open(folders[0], create=False)
    yield store, other, wid, codes
    other.quit()
    store.close()


def test_the_venue_panel_joins_a_desk_and_its_scans_show_amber_here(qtbot, app, two_desks):
    from tests.ui.conftest import _close, _context

    store, other, wid, codes = two_desks
    ctx = _context(app, store)
    from lampang_planner.ui.views.checkin import CheckinPage

    page = CheckinPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate(workshop_id=wid)
    bar = page.venue
    assert bar.toggle.text() == "เริ่ม" and bar.qr.isHidden()
    # The other desk's QR code, read by this desk's scanner: the network starts and joins that desk in one step.
    assert page.handle_scan(join_payload(other.address)) is None
    qtbot.waitUntil(lambda: bar.peers.count() == 1 and "เชื่อมต่อแล้ว" in bar.peers.item(0).text(), timeout=30_000)
    assert "โต๊ะ 2" in bar.peers.item(0).text() and "1 โต๊ะ" in bar.summary.text() and bar.toggle.text() == "ออกจากเครือข่าย"
    shown = zxingcpp.read_barcodes(_image(bar.qr.pixmap()))  # this desk's own join code, as another desk reads it
    assert [c.text for c in shown] == [f"lpvenue1;{bar.qr_address}"]
    qtbot.mouseClick(bar.toggle, Qt.MouseButton.LeftButton)  # leave in one step
    assert bar.node is None and bar.toggle.text() == "เริ่ม" and bar.qr.isHidden()
    qtbot.mouseClick(bar.toggle, Qt.MouseButton.LeftButton)  # start in one step, join by the typed address
    qtbot.waitUntil(lambda: bar.node is not None, timeout=20_000)
    bar.address.setText(other.address)
    bar.join_button.click()
    qtbot.waitUntil(lambda: bar.peers.count() == 1 and "เชื่อมต่อแล้ว" in bar.peers.item(0).text(), timeout=30_000)
    first = other.scan(wid, codes[0])
    assert first["kind"] == "checked-in"
    qtbot.waitUntil(lambda: store.scalar("SELECT COUNT(*) FROM attendance") == 1, timeout=30_000)
    # Scans are recorded to the second, and a tie goes to the lower desk name: scan here in a later second.
    qtbot.waitUntil(lambda: now_bangkok() > dt.datetime.fromisoformat(first["at"]), timeout=5_000)
    result = page.handle_scan(codes[0])
    assert result.kind == "already" and result.desk == "2" and result.at == first["at"]
    assert page.panel.state == "amber" and "โต๊ะ 2" in page.panel.message.text()
    bar.toggle.click()  # leave in one step
    assert bar.node is None and bar.toggle.text() == "เริ่ม"
    page.close()
    _close(ctx)
