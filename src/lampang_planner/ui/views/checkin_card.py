"""The ID-card reader at the check-in desk: a watcher thread (``core.devices.pcsc.CardWatcher``) reads each Thai
national ID card inserted; this controller brings the result to the GUI thread and acts on it.

- a person on file → checked in like a scan (same panel, same sounds); an expired card adds a note under the result;
- no one on file → the walk-in form opens filled from the card (consent is asked as always);
- a bad card, no reader, the service not running → a red panel or the status line, with the sentence; nothing written.

The check-in page wires it with a few lines: ``CardReaderController(page)``, its ``bar`` widget somewhere on the page,
``start()``/``stop()`` when the page is shown/hidden. It uses the page's public face: ``workshop_id()``, ``desk()``,
``show_result()``, ``panel``, ``sound``, ``ctx``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from lampang_planner.core.devices.pcsc import CardEvent, CardWatcher, ReaderStatus
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.card_checkin import (
    CardCheckin,
    check_in_card,
    set_pays_allowances,
    workshop_pays_allowances,
)
from lampang_planner.core.ops.workshops import get_workshop
from lampang_planner.ui.dialogs.walkin import WalkinDialog
from lampang_planner.ui.i18n import current_language


class CardWalkinDialog(WalkinDialog):
    """The walk-in form filled from an ID card. The citizen ID (kept only where allowances are paid, and only with
    consent: the core drops it on a refusal) rides along with the form's values; the desk sees that it does."""

    def __init__(self, store, workshop_id: str, fields: dict, *, note: str = "", **kw) -> None:
        self.card_fields = dict(fields)
        super().__init__(store, workshop_id, **kw)
        self.setObjectName("CardWalkinDialog")
        self.card_note = QLabel()
        self.card_note.setObjectName("cardNote")
        self.card_note.setWordWrap(True)
        self.card_note.setStyleSheet("color: #5d4037; background: #fff8e1;")
        self.card_note.setMargin(6)
        self.layout().insertWidget(1, self.card_note)
        self._expiry = note
        self.prefix.setCurrentText(fields.get("prefix") or "")
        self.first_name.setText(fields.get("first_name") or "")
        self.last_name.setText(fields.get("last_name") or "")
        if fields.get("district_code"):
            self.places.set_codes(fields["district_code"], fields.get("subdistrict_code"))
        self._card_texts()
        self.find_matches()
        self.adjustSize()
        self.organisation.setFocus()  # the name came from the card: the desk types the organisation next

    def _card_texts(self) -> None:
        lines = [self.tr("Filled from the ID card. Ask for consent before saving.")]
        if self.card_fields.get("citizen_id"):
            lines.append(self.tr("This workshop pays allowances: the citizen ID and address from the card are kept if "
                                 "the person agrees."))  # fmt: skip
        if self._expiry:
            lines.append(self._expiry)
        self.card_note.setText("\n".join(lines))
        # a wrapped label in a dialog is not given its height-for-width by the layout: ask for it (as WalkinDialog does)
        width = self.card_note.width() if self.card_note.width() > 50 else max(self.width() - 40, 560)
        self.card_note.setMinimumHeight(max(self.card_note.heightForWidth(width), 0))

    def values(self) -> dict:
        out = super().values()
        for key in ("citizen_id", "address"):  # present only where allowances are paid (ops.card_checkin)
            if self.card_fields.get(key):
                out[key] = self.card_fields[key]
        return out

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "card_note"):
            self._card_texts()


class CardReaderController(QObject):
    """Owns the watcher thread; ``bar`` shows the reader's state and the "pays allowances" switch."""

    card_event = Signal(object)  # CardEvent, emitted on the watcher's thread, delivered on the GUI thread
    reader_status = Signal(object)  # ReaderStatus
    handled = Signal(object)  # CardCheckin or CardError, after the GUI acted on a card (tests and benchmarks wait)

    def __init__(self, page, parent: QObject | None = None) -> None:
        super().__init__(parent or page)
        self.page = page
        self.watcher: CardWatcher | None = None
        self.status = ReaderStatus()
        self.dialog: CardWalkinDialog | None = None
        self.bar = QWidget()
        self.bar.setObjectName("cardReaderBar")
        self.label = QLabel(self.bar)
        self.label.setObjectName("cardReaderStatus")
        self.label.setWordWrap(True)
        self.allowances = QCheckBox(self.bar)
        self.allowances.setObjectName("cardAllowances")
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.allowances)
        self.allowances.toggled.connect(self._allowances_toggled)
        self.card_event.connect(self.on_card)
        self.reader_status.connect(self._on_status)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        page.ctx.i18n.changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    # --- the thread -------------------------------------------------------------------------------------------------

    def start(self) -> None:
        if self.watcher is None or not self.watcher.running:
            self.watcher = CardWatcher(self._deliver(self.card_event), self._deliver(self.reader_status))
            self.watcher.start()
        self.sync_workshop()

    def _deliver(self, signal):
        """A callback for the watcher thread: emit (queued to the GUI thread); if the page is gone, stop quietly."""

        def emit(value: object) -> None:
            try:
                signal.emit(value)
            except RuntimeError:  # the controller was deleted with its page
                watcher = self.watcher
                if watcher is not None:
                    watcher.stop(timeout=0)

        return emit

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None

    # --- acting on a card -------------------------------------------------------------------------------------------

    def on_card(self, event: CardEvent) -> CardCheckin | None:
        lang = current_language()
        page = self.page
        if event.error is not None:
            self._red(self.tr("ID card not read"), event.error.message(lang))
            self.handled.emit(event.error)
            return None
        wid = page.workshop_id()
        if not wid:
            self._red(self.tr("Choose a workshop first"), self.tr("There is no workshop to check in to."))
            return None
        try:
            done = check_in_card(page.ctx.store, wid, event.card, desk=page.desk(), session_id=page.session_id())
        except UserError as exc:
            self._red(self.tr("Not checked in"), exc.message(lang))
            self.handled.emit(exc)
            return None
        if done.result is not None:
            page.show_result(done.result)
            if done.note(lang):
                page.panel.message.setText(f"{page.panel.message.text()}\n{done.note(lang)}".strip())
                page.panel.message.show()
        elif getattr(page, "kiosk_on", False):  # self check-in: registering someone is the desk's job
            self._red(self.tr("Not on the list"), self.tr("Please go to the registration desk: they will register you."))
        else:
            self.open_walkin(done)
        self.handled.emit(done)
        return done

    def _red(self, title: str, detail: str) -> None:
        self.page.panel.show_error(title, detail)
        self.page._shown = ("error",)  # the page re-renders what it shows on a language change
        self.page.sound.play("red")

    def open_walkin(self, done: CardCheckin) -> CardWalkinDialog:
        page = self.page
        wid = page.workshop_id()
        workshop = get_workshop(page.ctx.store, wid) or {}
        if self.dialog is not None:  # a second card while the form is open: the new card wins
            self.dialog.reject()
        dialog = CardWalkinDialog(
            page.ctx.store, wid, done.walk_in or {}, note=done.note(current_language()), desk=page.desk(),
            workshop_title=workshop.get("title") or "", district_code=workshop.get("district_code"), parent=page,
        )  # fmt: skip
        dialog.finished.connect(lambda code, d=dialog: self._walkin_done(d, code))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _walkin_done(self, dialog: CardWalkinDialog, code: int) -> None:
        if code and dialog.result is not None:
            self.page.show_result(dialog.result)
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # --- the bar ----------------------------------------------------------------------------------------------------

    def sync_workshop(self) -> None:
        """Show the "pays allowances" switch of the workshop now chosen."""
        wid = self.page.workshop_id()
        self.allowances.setEnabled(bool(wid))
        self.allowances.blockSignals(True)
        self.allowances.setChecked(bool(wid) and workshop_pays_allowances(self.page.ctx.store, wid))
        self.allowances.blockSignals(False)

    def _allowances_toggled(self, on: bool) -> None:
        wid = self.page.workshop_id()
        if wid:
            set_pays_allowances(self.page.ctx.store, wid, on)

    def _on_status(self, status: ReaderStatus) -> None:
        self.status = status
        self._show_status()

    def _show_status(self) -> None:
        st = self.status
        if st.error is not None:
            self.label.setText(self.tr("ID card reader: {problem}").format(problem=st.error.message(current_language())))
            self.label.setStyleSheet("color: #b71c1c;")
        elif st.readers:
            self.label.setText(self.tr("ID card reader ready ({reader}): insert a Thai ID card to check in")
                               .format(reader=", ".join(st.readers)))  # fmt: skip
            self.label.setStyleSheet("color: #1b5e20;")
        else:
            self.label.setText(self.tr("ID card reader: looking for readers…"))
            self.label.setStyleSheet("color: #5f6b73;")

    def retranslate(self) -> None:
        self.allowances.setText(self.tr("Pays allowances (keep citizen ID and address from ID cards, with consent)"))
        self._show_status()
