"""Exchange: export this folder's work as one signed bundle file (to a USB stick, say), import many bundles at once,
read the import report, and review what the merge could not decide alone — conflicts and possible duplicate people.

Exports and imports run on a task thread (``ctx.tasks``) with progress and Cancel; an import cancelled or refused
writes nothing (the core verifies every file first and applies them in one transaction).

Personal data (issue #8, ``core.sync.seal``): a laptop's bundles carry people's personal fields encrypted to its
office's key; the page says so, or warns that this laptop has no office key yet. Such a laptop's export of personal
data is refused by the core; the page then asks, with a warning, whether to write them unencrypted. An office can
protect a kit with a passphrase (typed twice); importing a protected file asks for it (and again when it was wrong).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QStorageInfo, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.pin import OfficePass
from lampang_planner.core.read.lookups import changes_logged, exports_made
from lampang_planner.core.sync import keys, kits
from lampang_planner.core.sync.apply import ApplyResult
from lampang_planner.core.sync.bundle import peek_manifest
from lampang_planner.core.sync.exchange import (
    BUNDLE_SUFFIX,
    ExportResult,
    ImportReport,
    export_bundle,
    history,
    identity,
    import_bundles,
)
from lampang_planner.core.vocabulary import DeviceRole
from lampang_planner.ui.context import AppContext
from lampang_planner.ui.dialogs.pin import ask_office_pass
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.exchange import HistoryModel, ReportFilesModel, kind_text, when_text
from lampang_planner.ui.tasks import Task, TaskControl
from lampang_planner.ui.views.base import Page, heading_label
from lampang_planner.ui.views.exchange_office import (
    CLOCK_AHEAD,
    UNKNOWN_SIGNER,
    OfficeDecisionBox,
    ask_office_pin,
    needing_decision,
)
from lampang_planner.ui.views.exchange_review import ConflictsPanel, DuplicatesPanel
from lampang_planner.ui.widgets.table import make_table
from lampang_planner.ui.widgets.workshop_picker import fill_workshop_combo

TAB_EXCHANGE, TAB_CONFLICTS, TAB_DUPLICATES, TAB_HISTORY = range(4)


# --- work done on a task thread (no widgets here) ------------------------------------------------------------------


def _progress(control: TaskControl):
    return lambda phase, done, total, detail: control.progress(done, total, f"{phase}\t{detail}")


def _import_work(control: TaskControl, store, paths: list[Path], passphrase: str | None,
                 decision: dict | None = None) -> ImportReport:
    return import_bundles(store, paths, skip_refused=True, passphrase=passphrase, progress=_progress(control),
                          check=control.check, **(decision or {}))


def _export_work(control: TaskControl, store, folder: Path, full: bool, workshops: tuple[str, ...], clear: bool,
                 passphrase: str | None, office: OfficePass | None) -> ExportResult:
    return export_bundle(store, folder, full=full, workshops=workshops, clear=clear, passphrase=passphrase,
                         progress=_progress(control), check=control.check, office=office)


PASSPHRASE_CODES = ("passphrase-needed", "bad-passphrase")


def is_protected(path: Path) -> bool:
    """Whether a file says it is protected with a passphrase (read cheaply; the import checks everything)."""
    m = peek_manifest(path)
    return bool(m and m.get("protected"))


def removable_folders() -> list[tuple[str, str]]:
    """(label, folder) of mounted, writable removable drives (USB sticks), as far as the system tells."""
    out = []
    for v in QStorageInfo.mountedVolumes():
        if not (v.isValid() and v.isReady()) or v.isReadOnly():
            continue
        root = v.rootPath()
        if sys.platform == "win32":
            removable = root[:1].upper() not in ("C", "") and root[1:3] == ":/"
        else:
            removable = root.startswith(("/media/", "/run/media/", "/mnt/", "/Volumes/"))
        if removable:
            out.append((f"{v.displayName() or root} ({root})", root))
    return out


class ExchangePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.task: Task | None = None
        self.report: ImportReport | None = None
        self.last_export: ExportResult | None = None
        self._export_args: dict = {}  # the export running, to run it again in clear once confirmed
        self.loaded = False
        self._stale = {"conflicts": True, "duplicates": True, "history": True}
        self._conflicts_n = 0
        self._duplicates_n = 0
        self._history: list = []
        self._changes_before = -1
        self._exports_before = -1
        self._last_passphrase: str | None = None

        self.heading = heading_label()
        self.device_label = QLabel()
        self.device_label.setObjectName("deviceIdentity")
        self.device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # a folder that is still empty: a laptop waits for its kit; the office says it is the office
        self.role_box = QFrame()
        self.role_box.setObjectName("roleBox")
        self.role_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.role_text = QLabel()
        self.role_text.setWordWrap(True)
        self.office_button = QPushButton()
        self.office_button.setObjectName("makeOffice")
        rb = QHBoxLayout(self.role_box)
        rb.addWidget(self.role_text, 1)
        rb.addWidget(self.office_button)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("exchangeTabs")
        self.tabs.addTab(self._build_exchange_tab(), "")
        self.conflicts = ConflictsPanel(ctx)
        self.duplicates = DuplicatesPanel(ctx)
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(self.duplicates, "")
        self.history_model = HistoryModel(self)
        self.history_table = make_table(self.history_model, self)
        self.history_table.setObjectName("bundleHistory")
        self.history_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.tabs.addTab(self.history_table, "")

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.device_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.role_box)
        layout.addWidget(self.tabs, 1)

        self.office_button.clicked.connect(self.make_office)
        self.choose_button.clicked.connect(self._choose_folder)
        self.usb_button.clicked.connect(self._fill_destinations)
        self.full_radio.toggled.connect(lambda _on: self._show_kit_choice())
        self.export_button.clicked.connect(self._export_clicked)
        self.import_button.clicked.connect(self._ask_import)
        self.cancel_button.clicked.connect(self.cancel)
        self.review_conflicts.clicked.connect(lambda: self.tabs.setCurrentIndex(TAB_CONFLICTS))
        self.review_duplicates.clicked.connect(lambda: self.tabs.setCurrentIndex(TAB_DUPLICATES))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.conflicts.counts_changed.connect(self._conflicts_counted)
        self.duplicates.counts_changed.connect(self._duplicates_counted)
        ctx.events.changed.connect(self._data_changed)
        ctx.i18n.changed.connect(self._language_changed)
        self._show_idle()
        self.retranslate()

    # --- building ---------------------------------------------------------------------------------------------------

    def _build_exchange_tab(self) -> QWidget:
        self.export_box = QGroupBox()
        self.dest_label = QLabel()
        self.destination = QComboBox()
        self.destination.setObjectName("exportFolder")
        self.destination.setMinimumContentsLength(40)
        self.destination.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("chooseFolder")
        self.usb_button = QPushButton()
        self.usb_button.setObjectName("findUsb")
        self.delta_radio = QRadioButton()
        self.delta_radio.setObjectName("exportDelta")
        self.full_radio = QRadioButton()
        self.full_radio.setObjectName("exportFull")
        self.delta_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.delta_radio)
        group.addButton(self.full_radio)
        self.privacy_note = QLabel()
        self.privacy_note.setObjectName("privacyNote")
        self.privacy_note.setWordWrap(True)
        self.passphrase_label = QLabel()
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("kitPassphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_repeat = QLineEdit()
        self.passphrase_repeat.setObjectName("kitPassphraseRepeat")
        self.passphrase_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_hint = QLabel()
        self.passphrase_hint.setWordWrap(True)
        self.passphrase_hint.setStyleSheet("QLabel { color: #5a5a5a; margin-left: 24px; }")
        self.kit_label = QLabel()
        self.kit_workshop = QComboBox()
        self.kit_workshop.setObjectName("kitWorkshop")
        self.kit_workshop.setMinimumContentsLength(30)
        self.kit_workshop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportButton")
        self.export_result = QLabel()
        self.export_result.setObjectName("exportResult")
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_export_label = QLabel()
        self.last_export_label.setObjectName("lastExport")
        self.last_export_label.setWordWrap(True)
        eg = QGridLayout(self.export_box)
        eg.addWidget(self.dest_label, 0, 0)
        eg.addWidget(self.destination, 0, 1)
        eg.addWidget(self.choose_button, 0, 2)
        eg.addWidget(self.usb_button, 0, 3)
        eg.addWidget(self.delta_radio, 1, 0, 1, 4)
        eg.addWidget(self.full_radio, 2, 0, 1, 4)
        kit = QHBoxLayout()
        kit.addSpacing(24)
        kit.addWidget(self.kit_label)
        kit.addWidget(self.kit_workshop, 1)
        eg.addLayout(kit, 3, 0, 1, 4)
        phrase = QHBoxLayout()
        phrase.addSpacing(24)
        phrase.addWidget(self.passphrase_label)
        phrase.addWidget(self.passphrase_edit, 1)
        phrase.addWidget(self.passphrase_repeat, 1)
        eg.addLayout(phrase, 4, 0, 1, 4)
        eg.addWidget(self.passphrase_hint, 5, 0, 1, 4)
        eg.addWidget(self.privacy_note, 6, 0, 1, 4)
        eg.addWidget(self.last_export_label, 7, 0, 1, 3)
        eg.addWidget(self.export_button, 7, 3)
        eg.addWidget(self.export_result, 8, 0, 1, 4)
        eg.setColumnStretch(1, 1)

        self.import_box = QGroupBox()
        self.import_hint = QLabel()
        self.import_hint.setWordWrap(True)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        ig = QHBoxLayout(self.import_box)
        ig.addWidget(self.import_hint, 1)
        ig.addWidget(self.import_button)

        self.progress = QProgressBar()
        self.progress.setObjectName("exchangeProgress")
        self.status = QLabel()
        self.status.setObjectName("exchangeStatus")
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelExchange")
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)

        self.report_box = QGroupBox()
        self.report_box.setObjectName("importReport")
        self.summary = QLabel()
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.skew_label = QLabel()
        self.skew_label.setObjectName("skewWarning")
        self.skew_label.setWordWrap(True)
        self.skew_label.setStyleSheet("QLabel { color: #8a5300; background: #fff4e0; border: 1px solid #f0c980;"
                                      " border-radius: 4px; padding: 4px 8px; }")
        self.adopted_label = QLabel()
        self.adopted_label.setObjectName("officeAdopted")
        self.adopted_label.setWordWrap(True)
        self.files_model = ReportFilesModel(self)
        self.files_table = make_table(self.files_model, self)
        self.files_table.setObjectName("reportFiles")
        self.files_table.setMinimumHeight(150)
        self.review_conflicts = QPushButton()
        self.review_conflicts.setObjectName("reviewConflicts")
        self.review_duplicates = QPushButton()
        self.review_duplicates.setObjectName("reviewDuplicates")
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupNote")
        self.backup_label.setWordWrap(True)
        self.backup_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        review = QHBoxLayout()
        review.addWidget(self.review_conflicts)
        review.addWidget(self.review_duplicates)
        review.addStretch(1)
        rg = QVBoxLayout(self.report_box)
        rg.addWidget(self.summary)
        rg.addWidget(self.skew_label)
        rg.addWidget(self.adopted_label)
        rg.addWidget(self.files_table, 1)
        rg.addLayout(review)
        rg.addWidget(self.backup_label)
        self.report_box.hide()

        body = QWidget()
        col = QVBoxLayout(body)
        col.addWidget(self.export_box)
        col.addWidget(self.import_box)
        col.addLayout(running)
        col.addWidget(self.status)
        col.addWidget(self.report_box, 1)
        col.addStretch(0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    # --- showing ----------------------------------------------------------------------------------------------------

    def activate(self, **kwargs: object) -> None:
        if not self.loaded:
            self.loaded = True
            self._fill_destinations()
            self._fill_workshops()
        self._show_device()
        self._refresh_stale()
        tab = kwargs.get("tab")
        if tab in ("conflicts", "duplicates", "history"):
            self.tabs.setCurrentIndex({"conflicts": TAB_CONFLICTS, "duplicates": TAB_DUPLICATES,
                                       "history": TAB_HISTORY}[tab])

    def _busy(self) -> bool:
        return self.task is not None and self.task.running

    def _refresh_stale(self, force: bool = False) -> None:
        """Reload what is out of date — never while an export or import runs (it has the data folder's connection;
        everything is refreshed when it ends)."""
        if not self.loaded or self._busy():
            return
        if self._stale["conflicts"] or force:
            self._stale["conflicts"] = False
            self.conflicts.reload()
        if self._stale["history"] or force:
            self._stale["history"] = False
            self._history = history(self.ctx.store)
            self.history_model.set_records([(r.bundle_id + r.direction, r) for r in self._history])
            self._show_last_export()
        if self._stale["duplicates"] or force:
            self._stale["duplicates"] = False
            self.duplicates.reload()

    def _show_device(self) -> None:
        store = self.ctx.store
        try:
            me = identity(store)
        except UserError as exc:
            self.device_label.setText(exc.message(current_language()))
            return
        try:
            role = DeviceRole(me.role).label(current_language())
        except ValueError:
            role = me.role
        text = self.tr("This device: {name} ({role}) · key {fingerprint}").format(
            name=me.name, role=role, fingerprint=me.fingerprint)
        if me.office_id and me.role != kits.OFFICE:
            text += " · " + self.tr("office: {office}").format(office=me.office_name)
        self.device_label.setText(text)
        self.device_label.setToolTip(self.tr("Device id {id}; public key {key}").format(id=me.id, key=me.public_key))
        fresh = me.role != kits.OFFICE and not me.office_id and store.is_empty()
        self.role_box.setVisible(fresh)
        office = me.role == kits.OFFICE
        self.full_radio.setText(self.tr("Everything: a kit for field laptops (workshops, people, draft resolutions, "
                                        "this office's key)") if office else
                                self.tr("Everything this folder holds (when the office lost a bundle)"))
        self._show_privacy(me)
        self._show_kit_choice()

    def _show_privacy(self, me) -> None:
        """What happens to people's personal data in this folder's bundles."""
        if me.role == kits.OFFICE:
            self.privacy_note.setText(self.tr("Field laptops encrypt people's names, phone numbers and citizen IDs "
                                              "to this office's key (fingerprint {fp}): only this office opens "
                                              "them.").format(fp=keys.fingerprint(me.encryption_key)))
            self.privacy_note.setStyleSheet("")
        elif me.encryption_key:
            self.privacy_note.setText(self.tr("People's names, phone numbers and citizen IDs in the bundle are "
                                              "encrypted for the office: a lost USB stick does not show them."))
            self.privacy_note.setStyleSheet("")
        else:
            self.privacy_note.setText(self.tr("This laptop does not have the office's encryption key yet (import the "
                                              "office's kit first): people's names, phone numbers and citizen IDs "
                                              "cannot be encrypted, so they are not exported unless you confirm."))
            self.privacy_note.setStyleSheet("QLabel { color: #8a5300; background: #fff4e0; border: 1px solid "
                                            "#f0c980; border-radius: 4px; padding: 4px 8px; }")

    def _show_kit_choice(self) -> None:
        on = kits.is_office(self.ctx.store)
        self.kit_label.setVisible(on)
        self.kit_workshop.setVisible(on)
        self.kit_workshop.setEnabled(on and self.full_radio.isChecked())
        kit = on and self.full_radio.isChecked()
        for w in (self.passphrase_label, self.passphrase_edit, self.passphrase_repeat, self.passphrase_hint):
            w.setVisible(kit)

    def _fill_destinations(self) -> None:
        keep = self.destination.currentData()
        self.destination.clear()
        for label, folder in removable_folders():
            self.destination.addItem(self.tr("USB: {drive}").format(drive=label), folder)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        self.destination.addItem(self.tr("Documents ({folder})").format(folder=docs), docs)
        if keep and self.destination.findData(keep) < 0:
            self.destination.insertItem(0, keep, keep)
        self.destination.setCurrentIndex(max(0, self.destination.findData(keep)) if keep else 0)

    def set_destination(self, folder: str | Path) -> None:
        folder = str(folder)
        i = self.destination.findData(folder)
        if i < 0:
            self.destination.insertItem(0, folder, folder)
            i = 0
        self.destination.setCurrentIndex(i)

    def _choose_folder(self) -> None:
        start = self.destination.currentData() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export the bundle to…"), start)
        if folder:
            self.set_destination(folder)

    def _fill_workshops(self) -> None:
        fill_workshop_combo(self.kit_workshop, self.ctx.store, self.tr("All workshops"), quiet=False)

    def _show_last_export(self) -> None:
        outs = [r for r in self._history if r.direction == "out"]
        out = max(outs, key=lambda r: r.done_at) if outs else None
        if out is None:
            self.last_export_label.setText(self.tr("Nothing exported from here yet: the first export carries "
                                                   "everything."))
        else:
            self.last_export_label.setText(self.tr("Last export: {when}, {n} changes ({kind}), {file}").format(
                when=when_text(out.done_at), n=f"{out.changes:,}", kind=kind_text(out.kind), file=out.file_name))

    # --- export and import --------------------------------------------------------------------------------------------

    def _export_clicked(self) -> None:
        folder = self.destination.currentData()
        if not folder:
            return
        passphrase = None
        if self.passphrase_edit.isVisible() and (self.passphrase_edit.text() or self.passphrase_repeat.text()):
            if self.passphrase_edit.text() != self.passphrase_repeat.text():
                self._show_error(self.tr("The two passphrases are not the same: type the passphrase twice, "
                                         "exactly alike. Nothing was exported."))
                return
            passphrase = self.passphrase_edit.text()
        full = self.full_radio.isChecked()
        office = None
        if full and kits.is_office(self.ctx.store):  # a kit carries everyone's personal data: office-only (PDPA)
            office = ask_office_pass(self, self.ctx, self.tr("build a kit"))
            if office is None:
                return
        self.export_to(Path(folder), full=full, workshop_id=self.kit_workshop.currentData() or None,
                       passphrase=passphrase, office=office)

    def export_to(self, folder: Path, *, full: bool = False, workshop_id: str | None = None,
                  passphrase: str | None = None, clear: bool = False, office: OfficePass | None = None) -> Task | None:
        """Write a bundle into ``folder`` (a delta, or everything; from an office, a kit, maybe of one workshop,
        maybe under a passphrase). ``clear``: personal data unencrypted (only after :meth:`confirm_clear_export`).
        A kit needs ``office``, the core's pass for the office PIN, once a PIN is set (the export button asks)."""
        workshops = (workshop_id,) if workshop_id and full and kits.is_office(self.ctx.store) else ()
        self.export_result.clear()
        self._exports_before = self._count_exports()
        self._export_args = {"folder": Path(folder), "full": full, "workshop_id": workshop_id,
                             "passphrase": passphrase, "office": office}
        return self._start(_export_work, self.ctx.store, Path(folder), full, workshops, clear, passphrase, office,
                           name="export", label=self.tr("Writing the bundle…"), on_done=self._exported)

    def confirm_clear_export(self) -> bool:
        """Ask before writing people's personal data unencrypted (a laptop without the office's key)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Personal data would not be encrypted"), self.tr(
            "This laptop does not have the office's encryption key, so the names, phone numbers and citizen IDs in "
            "this bundle would be written UNENCRYPTED: anyone who finds the USB stick can read them.\n\n"
            "If you can, import the office's kit first (then they are encrypted). Export unencrypted anyway, and "
            "delete the file once the office has imported it?"), parent=self)
        yes = box.addButton(self.tr("Export unencrypted"), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def ask_passphrase(self, names: list[str], *, again: bool = False) -> str | None:
        """The passphrase of protected files (None: the user cancelled)."""
        text = (self.tr("The passphrase was wrong. Type the passphrase of {files} again:") if again else
                self.tr("{files} is protected with a passphrase. Type the passphrase the office gave you:"))
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Protected bundle"))
        dialog.setLabelText(text.format(files=", ".join(names)))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setOkButtonText(self.tr("Open"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        ok = dialog.exec() == QInputDialog.DialogCode.Accepted
        return dialog.textValue() if ok and dialog.textValue() else None

    def _ask_import(self) -> None:
        start = self.destination.currentData() or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import bundle files"), start,
            self.tr("Lampang Planner bundles (*{suffix});;All files (*)").format(suffix=BUNDLE_SUFFIX))
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path], passphrase: str | None = None, decision: dict | None = None
                     ) -> Task | None:
        """Verify, back up and merge these files (one transaction), then show the report. Protected files need a
        passphrase: asked for here when not given (None when the user cancels). ``decision``: the office's
        ``accept_signers`` / ``take_in_ahead`` with its ``pin`` (see :mod:`.exchange_office`)."""
        paths = [Path(p) for p in paths]
        if passphrase is None:
            protected = [p.name for p in paths if is_protected(p)]
            if protected:
                passphrase = self.ask_passphrase(protected)
                if passphrase is None:
                    self.status.setText(self.tr("Cancelled: nothing was changed."))
                    self.status.setStyleSheet("")
                    return None
        self._changes_before = changes_logged(self.ctx.store)
        self._last_passphrase = passphrase
        return self._start(_import_work, self.ctx.store, paths, passphrase, decision, name="import",
                           label=self.tr("Checking {n} files…").format(n=len(paths)), on_done=self._imported)

    def _start(self, work, *args: object, name: str, label: str, on_done) -> Task | None:
        """Run ``work`` on a task thread; None if an export or import is running already. While the search for
        duplicate people runs (it reads the same connection) the start waits for it to end."""
        if self._busy():
            return None
        if self.duplicates.searching():
            self.status.setText(label)
            self.duplicates.task.done.connect(
                lambda: self._start(work, *args, name=name, label=label, on_done=on_done))
            return None
        task = self.ctx.tasks.start(work, *args, name=name)
        self.task = task
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.status.setText(label)
        self.status.setStyleSheet("")
        for b in (self.export_button, self.import_button):
            b.setEnabled(False)
        task.progress.connect(self._on_progress)
        task.finished.connect(on_done)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_cancelled)
        task.done.connect(self._show_idle)
        task.done.connect(lambda: self._refresh_stale())
        return task

    def cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping…"))

    def _on_progress(self, done: int, total: int, text: str) -> None:
        phase, _, detail = text.partition("\t")
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if phase == "read":
            self.status.setText(self.tr("Checking {file} ({done} of {total} files)…").format(
                file=detail, done=done + 1 if detail else done, total=total))
        elif phase == "merge":
            self.status.setText(self.tr("Merging {done} of {total} changes in one transaction…").format(
                done=f"{done:,}", total=f"{total:,}"))
        elif phase == "export":
            self.status.setText(self.tr("Writing {file}…").format(file=detail))

    def _exported(self, result: ExportResult) -> None:
        self.last_export = result
        self._export_args = {}
        self.status.clear()
        text = self.tr("Saved {n} changes ({kind}) to {file}").format(
            n=f"{result.changes:,}", kind=kind_text(result.kind), file=result.path)
        if result.sealed:
            text += " · " + self.tr("personal data encrypted for the office")
        if result.protected:
            text += " · " + self.tr("protected with the passphrase: give it to the laptop's team separately, not "
                                    "on the same stick")
        self.export_result.setText(text)
        if result.protected:
            self.passphrase_edit.clear()
            self.passphrase_repeat.clear()
        self._stale["history"] = True
        self._refresh_stale()

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        n_ok = len(report.imported)
        n_refused = len(report.refused)
        locked = [f.path for f in report.refused if f.error is not None and f.error.code in PASSPHRASE_CODES]
        if n_refused:
            self.status.setText(self.tr("{ok} files imported, {refused} refused (see below).").format(
                ok=n_ok, refused=n_refused))
            self.status.setStyleSheet("QLabel { color: #a01010; }")
        else:
            self.status.setText(self.tr("{ok} files imported.").format(ok=n_ok) if n_ok else
                                self.tr("Nothing new: these files had been imported before."))
        self._show_report()
        self._show_device()
        for k in self._stale:
            self._stale[k] = True
        self._fill_workshops()
        self._refresh_stale()
        if locked:  # a wrong passphrase: ask again (once this task has ended), for those files only
            QTimer.singleShot(0, lambda: self._retry_locked(locked))
        elif needing_decision(report.files):  # a stranger's or a runaway clock's files: the office may take them in
            QTimer.singleShot(0, lambda: self.decide_refused(needing_decision(report.files)))

    def decide_refused(self, files: list) -> Task | None:
        """Show why these files were refused and, if the office takes them in with its PIN, import them so."""
        box = OfficeDecisionBox(files, self)
        box.exec()
        if box.clickedButton() is not box.take_in:
            return None
        pin = ask_office_pin(self, self.ctx, self.tr("take in refused files"))
        if pin is None:
            self.status.setText(self.tr("Left out: nothing was changed."))
            return None
        codes = {f.error.code for f in files}
        decision = {"accept_signers": UNKNOWN_SIGNER in codes, "take_in_ahead": CLOCK_AHEAD in codes, "pin": pin}
        return self.import_files([f.path for f in files], self._last_passphrase, decision)

    def _retry_locked(self, locked: list[Path]) -> None:
        passphrase = self.ask_passphrase([p.name for p in locked], again=True)
        if passphrase is not None:
            self.import_files(locked, passphrase)

    def _show_report(self) -> None:
        r = self.report
        if r is None:
            self.report_box.hide()
            return
        self.report_box.show()
        self.report_box.setTitle(self.tr("Import report"))
        self.summary.setText(self.tr(
            "<b>{added}</b> added · <b>{updated}</b> updated · <b>{merged}</b> merged · <b>{unchanged}</b> unchanged"
            " · <b>{new}</b> new conflicts (<b>{open}</b> to review) · <b>{dups}</b> possible duplicate people").format(
            added=f"{r.added:,}", updated=f"{r.updated:,}", merged=f"{r.merged:,}", unchanged=f"{r.unchanged:,}",
            new=f"{r.conflicts_new:,}", open=f"{r.conflicts_open:,}", dups=f"{r.duplicates:,}"))
        lang = current_language()
        self.skew_label.setText("\n".join(w.message(lang) for w in r.skew))
        self.skew_label.setVisible(bool(r.skew))
        self.adopted_label.setText(self.tr("This folder is now a field laptop of {office}.").format(
            office=r.office_adopted) if r.office_adopted else "")
        self.adopted_label.setVisible(bool(r.office_adopted))
        self.files_model.set_records([(str(i), f) for i, f in enumerate(r.files)])
        self.backup_label.setText(self.tr("The data folder was backed up first: {file}").format(file=r.backup)
                                  if r.backup else "")
        self._show_review_buttons()

    def _show_review_buttons(self) -> None:
        self.review_conflicts.setText(self.tr("Review conflicts ({n})").format(n=self._conflicts_n))
        self.review_duplicates.setText(self.tr("Review possible duplicates ({n})").format(n=self._duplicates_n))
        self.review_conflicts.setEnabled(self._conflicts_n > 0)
        self.review_duplicates.setEnabled(self._duplicates_n > 0)

    def _on_failed(self, exc: object) -> None:
        self._show_error(exc.message(current_language()) if isinstance(exc, UserError) else repr(exc))
        if isinstance(exc, UserError) and exc.code == "clear-personal" and self._export_args:
            args, self._export_args = self._export_args, {}
            QTimer.singleShot(0, lambda: self._confirm_and_export_clear(args))  # once this task has ended

    def _confirm_and_export_clear(self, args: dict) -> None:
        if self.confirm_clear_export():
            self.export_to(args["folder"], full=args["full"], workshop_id=args["workshop_id"],
                           passphrase=args["passphrase"], clear=True, office=args["office"])

    def _show_error(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("QLabel { color: #a01010; }")

    def _count_exports(self) -> int:
        return exports_made(self.ctx.store)

    def _on_cancelled(self) -> None:
        name = self.task.name if self.task is not None else ""
        if name == "export" and self._count_exports() != self._exports_before:
            self.status.setText(self.tr("The export had already finished when Cancel was pressed."))
            self._stale["history"] = True
            self._refresh_stale()
            return
        finished = name == "import" and self._changes_before != changes_logged(self.ctx.store)
        if finished:  # Cancel came after the import had committed: say so, and show what is there now
            self.status.setText(self.tr("The import had already finished when Cancel was pressed."))
            for k in self._stale:
                self._stale[k] = True
            self._show_device()
            self._refresh_stale()
        else:
            self.status.setText(self.tr("Cancelled: nothing was changed."))

    def _show_idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        for b in (self.export_button, self.import_button):
            b.setEnabled(True)

    # --- the role of an empty folder -------------------------------------------------------------------------------

    def make_office(self) -> None:
        try:
            kits.set_role(self.ctx.store, kits.OFFICE)
        except UserError as exc:
            self.status.setText(exc.message(current_language()))
        self._show_device()

    # --- reacting ---------------------------------------------------------------------------------------------------

    def _conflicts_counted(self, n: int) -> None:
        self._conflicts_n = n
        self._retitle_tabs()

    def _duplicates_counted(self, n: int) -> None:
        self._duplicates_n = n
        self._retitle_tabs()

    def _tab_changed(self, _index: int) -> None:
        self._refresh_stale()

    def _data_changed(self, result: ApplyResult) -> None:
        if self._busy():
            return  # our own import: refreshed when it reports
        self._stale["conflicts"] = True
        if {"person", "invitation", "attendance", "ballot"} & set(result.changed):
            self._stale["duplicates"] = True
        if "workshop" in result.changed and self.loaded:
            self._fill_workshops()
        if self.isVisible():
            self._refresh_stale()

    def _language_changed(self, _lang: str) -> None:
        self.files_model.refresh_labels()
        self.history_model.refresh_labels()
        self.conflicts.refresh_labels()
        self.duplicates.refresh_labels()
        self._show_device()
        self._show_report()

    def _retitle_tabs(self) -> None:
        c, d = self._conflicts_n, self._duplicates_n
        self.tabs.setTabText(TAB_EXCHANGE, self.tr("Export and import"))
        self.tabs.setTabText(TAB_CONFLICTS, self.tr("Conflicts ({n})").format(n=c) if c else self.tr("Conflicts"))
        self.tabs.setTabText(TAB_DUPLICATES, self.tr("Duplicate people ({n})").format(n=d) if d else
                             self.tr("Duplicate people"))
        self.tabs.setTabText(TAB_HISTORY, self.tr("History"))
        self._show_review_buttons()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Exchange"))
        self.role_text.setText(self.tr("This data folder is still empty. A field laptop starts by importing the kit "
                                       "its office prepared (Import bundle files…). If this computer is the office, "
                                       "say so now:"))
        self.office_button.setText(self.tr("This computer is the office"))
        self.export_box.setTitle(self.tr("Export this folder's work"))
        self.dest_label.setText(self.tr("Save to:"))
        self.choose_button.setText(self.tr("Choose folder…"))
        self.usb_button.setText(self.tr("Look for USB sticks"))
        self.delta_radio.setText(self.tr("Only what changed since the last export (usual)"))
        self.kit_label.setText(self.tr("Workshops in the kit:"))
        self.passphrase_label.setText(self.tr("Passphrase (optional):"))
        self.passphrase_edit.setPlaceholderText(self.tr("passphrase, at least 8 characters"))
        self.passphrase_repeat.setPlaceholderText(self.tr("the same again"))
        self.passphrase_hint.setText(self.tr("With a passphrase the kit (and the roster in it) opens only for whoever "
                                             "types it on the laptop. Tell it to the laptop's team separately, not on "
                                             "the same stick."))
        if self.kit_workshop.count():
            self.kit_workshop.setItemText(0, self.tr("All workshops"))
        self.export_button.setText(self.tr("Export"))
        self.import_box.setTitle(self.tr("Import bundles"))
        self.import_hint.setText(self.tr("Choose one or more bundle files, from the laptops or from the office, in "
                                         "any order. Each file is checked before anything is written; the data folder "
                                         "is backed up, then all of them are merged in one step."))
        self.import_button.setText(self.tr("Import bundle files…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._retitle_tabs()
        self._show_device()
        if self.loaded:
            self._show_last_export()
        self._show_report()
