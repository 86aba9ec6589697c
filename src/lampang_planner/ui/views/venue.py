"""The venue panel of the check-in desk: start or leave the venue network in one step, the address other desks can
type to join and its QR code they can scan with their badge scanner (the check-in page hands a scanned join code
here: it starts the network if needed and joins), and each desk it is connected to with how far behind either side
is.

All network work runs in :class:`lampang_planner.core.venue.node.VenueNode`'s own threads; starting it (binding a
port, reading the folder's identity) runs on a plain thread too, and the panel only polls its status on a timer.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

from lampang_planner.core.errors import UserError
from lampang_planner.core.venue.discovery import lan_addresses
from lampang_planner.core.venue.joining import join_address, join_qr_png
from lampang_planner.core.venue.node import VenueNode
from lampang_planner.core.venue.status import PeerStatus, VenueStatus
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.i18n import current_language

POLL_MS = 500


class VenueBar(QGroupBox):
    """``start()`` / ``leave()``; ``node`` is the running node (None when not in a venue network)."""

    _started = Signal(object)  # the node, or the UserError that stopped it (from the starting thread)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("venueBar")
        self.ctx = ctx
        self.node: VenueNode | None = None
        self._starting = False
        self._error = ""
        self._pending: list[str] = []  # addresses scanned before the network had started
        self._qr_for = ""
        self.qr_address = ""  # what the QR code shows ("" when not in a network)
        self.qr = QLabel()
        self.qr.setObjectName("venueJoinCode")
        self.qr.hide()
        self.summary = QLabel()
        self.summary.setObjectName("venueSummary")
        self.summary.setWordWrap(True)
        self.toggle = QPushButton()
        self.toggle.setObjectName("venueToggle")
        self.toggle.clicked.connect(self._toggle)
        self.address = QLineEdit()
        self.address.setObjectName("venueJoinAddress")
        self.address.returnPressed.connect(self._join)
        self.join_button = QPushButton()
        self.join_button.setObjectName("venueJoin")
        self.join_button.clicked.connect(self._join)
        self.peers = QListWidget()
        self.peers.setObjectName("venuePeers")
        self.peers.setMaximumHeight(96)
        self.problem = QLabel()
        self.problem.setObjectName("venueProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.toggle)
        join = QHBoxLayout()
        join.addWidget(self.address, 1)
        join.addWidget(self.join_button)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addLayout(join)
        lower = QHBoxLayout()
        lower.addWidget(self.peers, 1)
        lower.addWidget(self.qr)
        box.addLayout(lower)
        box.addWidget(self.problem)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._started.connect(self._on_started)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.leave)
        self.retranslate()

    # --- one step each ---------------------------------------------------------------------------------------------

    def start(self) -> None:
        if self.node is not None or self._starting:
            return
        self._starting, self._error = True, ""
        node = VenueNode(self.ctx.store, discover=True)

        def run() -> None:
            try:
                node.start()
            except (UserError, OSError) as exc:
                self._started.emit(exc)
                return
            self._started.emit(node)

        threading.Thread(target=run, name="venue-start", daemon=True).start()
        self.refresh()

    def leave(self) -> None:
        node, self.node = self.node, None
        self._timer.stop()
        if node is not None:
            node.stop()
        self.refresh()

    def take_scan(self, text: str) -> bool:
        """A scanned text: True when it is a desk's join code (then joined, starting the network first if needed)."""
        address = join_address(text)
        if address is None:
            return False
        if self.node is not None:
            self.node.join(address)
        else:
            self._pending.append(address)
            self.start()
        self.refresh()
        return True

    def _on_started(self, outcome: object) -> None:
        self._starting = False
        if isinstance(outcome, VenueNode):
            self.node = outcome
            for address in self._pending:
                outcome.join(address)
            self._timer.start()
        elif isinstance(outcome, UserError):
            self._error = outcome.message(current_language())
        else:
            self._error = str(outcome)
        self.refresh()

    def _toggle(self) -> None:
        if self.node is None:
            self.start()
        else:
            self.leave()

    def _join(self) -> None:
        text = self.address.text().strip()
        if not text or self.node is None:
            return
        try:
            self.node.join(text)
        except ValueError:
            self._error = self.tr("Type an address as the other desk shows it, e.g. 192.168.1.20:45123")
        else:
            self._error = ""
            self.address.clear()
        self.refresh()

    # --- what it shows ---------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        st = self.node.status() if self.node is not None else None
        self.toggle.setText(self.tr("Leave") if self.node is not None else self.tr("Start"))
        self.toggle.setEnabled(not self._starting)
        self.address.setEnabled(self.node is not None)
        self.join_button.setEnabled(self.node is not None)
        self.summary.setText(self._summary(st))
        self._show_qr(f"{lan_addresses()[0]}:{st.port}" if st else "")
        rows = [self._peer_line(p) for p in st.peers] if st else []
        if [self.peers.item(i).text() for i in range(self.peers.count())] != rows:
            self.peers.clear()
            self.peers.addItems(rows)
        lang = current_language()
        refusal = (st.refusals[-1].th if lang == "th" else st.refusals[-1].en) if st and st.refusals else ""
        same = [p for p in st.connected if p.desk == self.ctx.store.desk] if st else []
        if same:  # two desks of one name would count a person scanned at both as one desk's scan
            refusal = self.tr("{name} uses the same desk name ({desk}) as this desk: give each desk its own").format(
                name=same[0].name, desk=same[0].desk)
        self.problem.setText(self._error or refusal)
        self.problem.setVisible(bool(self._error or refusal))

    def _show_qr(self, address: str) -> None:
        self.qr_address = address
        if address != self._qr_for:
            self._qr_for = address
            pixmap = QPixmap()
            if address:
                pixmap.loadFromData(join_qr_png(address))
            self.qr.setPixmap(pixmap)
            self.qr.setToolTip(self.tr("Another desk scans this code with its badge scanner to join"))
        self.qr.setVisible(bool(address))

    def _summary(self, st: VenueStatus | None) -> str:
        if self._starting:
            return self.tr("Joining the venue network…")
        if st is None:
            return self.tr("Not in a venue network: this desk sees only its own scans")
        where = ", ".join(f"{a}:{st.port}" for a in lan_addresses())
        return self.tr("This desk: {address} — connected to {n} desk(s)").format(address=where, n=len(st.connected))

    def _peer_line(self, p: PeerStatus) -> str:
        who = self.tr("Desk {desk} ({name})").format(desk=p.desk, name=p.name)
        if not p.connected:
            return self.tr("{who}: away").format(who=who)
        if p.behind_them:
            return self.tr("{who}: connected, this desk is {n} change(s) behind").format(who=who, n=p.behind_them)
        if p.they_behind:
            return self.tr("{who}: connected, {n} change(s) behind this desk").format(who=who, n=p.they_behind)
        return self.tr("{who}: connected, up to date").format(who=who)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Venue network"))
        self.join_button.setText(self.tr("Join"))
        self.address.setPlaceholderText(self.tr("Another desk's address (e.g. 192.168.1.20:45123)"))
        self.toggle.setToolTip(self.tr("Desks at this venue share their check-ins live over the local network"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
