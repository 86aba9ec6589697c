"""The exchange page's showing part: this device and its role, where the bundle goes, what a kit holds, the privacy
note, the last export (a part of ``ExchangePage``). Its strings are translated in the ``ExchangePage`` context (the
class they were written in; the Thai catalogue keeps them there)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QStorageInfo
from PySide6.QtWidgets import (
    QFileDialog,
)

from lampang_planner.core.errors import UserError
from lampang_planner.core.sync import keys, kits
from lampang_planner.core.sync.exchange import (
    history,
    identity,
)
from lampang_planner.core.vocabulary import DeviceRole
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.exchange import kind_text, when_text
from lampang_planner.ui.widgets.workshop_picker import fill_workshop_combo


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


class ExchangeShowing:
    """Mixed into ``ExchangePage``: uses the page's widgets (``exchange_layout``)."""

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
        text = QCoreApplication.translate("ExchangePage", "This device: {name} ({role}) · key {fingerprint}").format(
            name=me.name, role=role, fingerprint=me.fingerprint
        )
        if me.office_id and me.role != kits.OFFICE:
            text += " · " + QCoreApplication.translate("ExchangePage", "office: {office}").format(office=me.office_name)
        self.device_label.setText(text)
        self.device_label.setToolTip(
            QCoreApplication.translate("ExchangePage", "Device id {id}; public key {key}").format(
                id=me.id, key=me.public_key
            )
        )
        fresh = me.role != kits.OFFICE and not me.office_id and store.is_empty()
        self.role_box.setVisible(fresh)
        office = me.role == kits.OFFICE
        self.full_radio.setText(
            QCoreApplication.translate(
                "ExchangePage",
                "Everything: a kit for field laptops (workshops, people, draft resolutions, this office's key)",
            )
            if office
            else QCoreApplication.translate(
                "ExchangePage", "Everything this folder holds (when the office lost a bundle)"
            )
        )
        self._show_privacy(me)
        self._show_kit_choice()

    def _show_privacy(self, me) -> None:
        """What happens to people's personal data in this folder's bundles."""
        if me.role == kits.OFFICE:
            self.privacy_note.setText(
                QCoreApplication.translate(
                    "ExchangePage",
                    "Field laptops encrypt people's names, phone numbers and citizen IDs "
                    "to this office's key (fingerprint {fp}): only this office opens "
                    "them.",
                ).format(fp=keys.fingerprint(me.encryption_key))
            )
            self.privacy_note.setStyleSheet("")
        elif me.encryption_key:
            self.privacy_note.setText(
                QCoreApplication.translate(
                    "ExchangePage",
                    "People's names, phone numbers and citizen IDs in the bundle are "
                    "encrypted for the office: a lost USB stick does not show them.",
                )
            )
            self.privacy_note.setStyleSheet("")
        else:
            self.privacy_note.setText(
                QCoreApplication.translate(
                    "ExchangePage",
                    "This laptop does not have the office's encryption key yet (import the "
                    "office's kit first): people's names, phone numbers and citizen IDs "
                    "cannot be encrypted, so they are not exported unless you confirm.",
                )
            )
            self.privacy_note.setStyleSheet(
                "QLabel { color: #8a5300; background: #fff4e0; border: 1px solid "
                "#f0c980; border-radius: 4px; padding: 4px 8px; }"
            )

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
            self.destination.addItem(
                QCoreApplication.translate("ExchangePage", "USB: {drive}").format(drive=label), folder
            )
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        self.destination.addItem(
            QCoreApplication.translate("ExchangePage", "Documents ({folder})").format(folder=docs), docs
        )
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
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("ExchangePage", "Export the bundle to…"), start
        )
        if folder:
            self.set_destination(folder)

    def _fill_workshops(self) -> None:
        fill_workshop_combo(
            self.kit_workshop, self.ctx.store, lambda: QCoreApplication.translate("ExchangePage", "All workshops"),
            quiet=False,
        )

    def _show_last_export(self) -> None:
        outs = [r for r in self._history if r.direction == "out"]
        out = max(outs, key=lambda r: r.done_at) if outs else None
        if out is None:
            self.last_export_label.setText(
                QCoreApplication.translate(
                    "ExchangePage", "Nothing exported from here yet: the first export carries everything."
                )
            )
        else:
            self.last_export_label.setText(
                QCoreApplication.translate("ExchangePage", "Last export: {when}, {n} changes ({kind}), {file}").format(
                    when=when_text(out.done_at), n=f"{out.changes:,}", kind=kind_text(out.kind), file=out.file_name
                )
            )
