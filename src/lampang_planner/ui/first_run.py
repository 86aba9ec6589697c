"""The first run: a new, empty data folder opened without --demo asks who this laptop is — its name, its role (a
district team's field laptop or the office), its district and the check-in desk name — or offers the demo data.

The name, role and desk go to the data folder's device record (``Store.set_device``: not synced, each bundle
carries them); the district is this folder's setting (``device/district`` in ui-settings.ini), the district the
laptop works in. Quitting here leaves the folder as it was: the question comes again next time.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QWidget

from lampang_planner.core.db import Store
from lampang_planner.core.errors import ValidationError
from lampang_planner.core.refdata import divisions
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.core.vocabulary import DeviceRole
from lampang_planner.ui.dialogs.form import FormDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.settings import Setting, Settings
from lampang_planner.ui.views.checkin_door import OPEN_AT_START

DISTRICT = Setting("device/district", str, "", "the district (DOPA code, e.g. '5203') this laptop works in")
SETUP_DONE = Setting("device/setup_done", bool, False, "the first-run questions were answered for this folder")

NAME_MAX = 60
DESK_MAX = 40  # as core.ops.checkin.set_desk


class FirstRunChoice(Enum):
    SET_UP = "set_up"  # answered: open the window on this (empty) folder
    DEMO = "demo"  # open the demo data instead
    QUIT = "quit"  # closed or cancelled: quit without opening the window


def needs_first_run(store: Store, settings: Settings) -> bool:
    """True for a folder with no data whose device was never set up here."""
    return store.is_empty() and not settings.get(SETUP_DONE)


def clean_setup(name: str, role: str, district: str, desk: str) -> dict[str, str]:
    """The answers, tidied, or ValidationError (Thai, English) per field. A field laptop needs its district."""
    values = {
        "name": " ".join(str(name).split()),
        "role": str(role),
        "district": str(district or ""),
        "desk": " ".join(str(desk).split()),
    }
    problems: dict[str, tuple[str, str]] = {}
    if not values["name"]:
        problems["name"] = ("ต้องระบุชื่อเครื่องนี้", "A name for this laptop is required")
    elif len(values["name"]) > NAME_MAX:
        problems["name"] = (f"ชื่อเครื่องยาวเกินไป (ไม่เกิน {NAME_MAX} ตัวอักษร)",
                            f"Name too long ({NAME_MAX} characters at most)")
    if values["role"] not in {r.value for r in DeviceRole}:
        problems["role"] = ("ต้องเลือกบทบาทของเครื่อง", "Choose what this laptop is for")
    if values["district"] and values["district"] not in divisions().districts:
        problems["district"] = ("ไม่พบอำเภอนี้ในจังหวัดลำปาง", "No such district in Lampang")
    elif not values["district"] and values["role"] == DeviceRole.LAPTOP.value:
        problems["district"] = ("เครื่องภาคสนามต้องระบุอำเภอที่ทำงาน", "A field laptop needs the district it works in")
    if not values["desk"]:
        problems["desk"] = ("ต้องระบุชื่อโต๊ะลงทะเบียน", "A desk name is required")
    elif len(values["desk"]) > DESK_MAX:
        problems["desk"] = (f"ชื่อโต๊ะยาวเกินไป (ไม่เกิน {DESK_MAX} ตัวอักษร)",
                            f"Desk name too long ({DESK_MAX} characters at most)")
    if problems:
        raise ValidationError(problems)
    return values


def apply_setup(store: Store, settings: Settings, name: str, role: str, district: str, desk: str) -> None:
    """Validate, then record the answers: the device record in one transaction, then the folder's settings."""
    values = clean_setup(name, role, district, desk)
    store.set_device(name=values["name"], role=values["role"], desk=values["desk"])
    settings.set(DISTRICT, values["district"])
    settings.set(SETUP_DONE, True)
    settings.sync()


class FirstRunDialog(FormDialog):
    """Start (records the answers), Open the demo data, or Quit. ``choice`` says which after ``exec()``."""

    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="FirstRunDialog", store=store)
        self.settings = settings
        self.choice = FirstRunChoice.QUIT

        self.welcome = QLabel()
        self.welcome.setObjectName("welcome")
        self.welcome.setWordWrap(True)
        self.layout().insertWidget(0, self.welcome)
        self.name = QLineEdit(store.device_name or "")
        self.name.setMaxLength(NAME_MAX + 20)
        self.role = QComboBox()
        for r in (DeviceRole.LAPTOP, DeviceRole.OFFICE):
            self.role.addItem("", r.value)
        self.role.setCurrentIndex(max(0, self.role.findData(store.role or DeviceRole.LAPTOP.value)))
        self.district = QComboBox()
        self.district.setMaxVisibleItems(20)
        self.desk = QLineEdit(store.desk or "1")
        self.desk.setMaxLength(DESK_MAX + 20)
        self.door = QCheckBox()  # a laptop at the door: straight to the check-in screen each time
        self.door.setChecked(bool(settings.get(OPEN_AT_START)))
        for key, w in (("name", self.name), ("role", self.role), ("district", self.district), ("desk", self.desk)):
            w.setObjectName(key)
            self.add_field(key, w)
        self.door.setObjectName("door")
        self.layout().insertWidget(self.layout().indexOf(self.buttons), self.door)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5a5a5a;")
        self.layout().insertWidget(self.layout().indexOf(self.buttons), self.note)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("openDemo")
        self.buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.demo_button.clicked.connect(self._open_demo)
        self.role.currentIndexChanged.connect(lambda _i: self._update_required())
        self.resize(560, 0)
        self.retranslate()

    def _fill_districts(self) -> None:
        lang = current_language()
        keep = self.district.currentData() or self.settings.get(DISTRICT)
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(self.tr("— choose a district —"), "")
        for d in sorted(divisions().districts.values(), key=lambda d: thai_sort_key(d.name(lang))):
            self.district.addItem(d.name(lang), d.code)
        self.district.setCurrentIndex(max(0, self.district.findData(keep or "")))
        self.district.blockSignals(False)

    def _update_required(self) -> None:
        laptop = self.role.currentData() == DeviceRole.LAPTOP.value
        self.set_label("district", self.tr("District"), required=laptop)

    def save(self) -> None:
        apply_setup(self.store, self.settings, self.name.text(), self.role.currentData() or "",
                    self.district.currentData() or "", self.desk.text())
        self.settings.set(OPEN_AT_START, self.door.isChecked())
        self.settings.sync()
        self.choice = FirstRunChoice.SET_UP

    def _open_demo(self) -> None:
        self.choice = FirstRunChoice.DEMO
        self.accept()

    def reject(self) -> None:
        self.choice = FirstRunChoice.QUIT
        super().reject()

    def retranslate(self) -> None:
        lang = current_language()
        self.setWindowTitle(self.tr("Welcome to Lampang Planner"))
        self.welcome.setText(self.tr(
            "This data folder is new. Tell the program which laptop this is: the name appears on every bundle it "
            "sends to the office, and check-ins record the desk."))
        self.set_label("name", self.tr("Name of this laptop"), required=True)
        self.set_label("role", self.tr("Used as"), required=True)
        self.set_label("desk", self.tr("Check-in desk name"), required=True)
        self.name.setPlaceholderText(self.tr("e.g. Ko Kha district team, laptop 1"))
        for i in range(self.role.count()):
            self.role.setItemText(i, DeviceRole(self.role.itemData(i)).label(lang))
        self._fill_districts()
        self._update_required()
        self.note.setText(self.tr(
            "You can look around first with the demo data (the 25 August 2559 workshop and the 13 district visits); "
            "it is kept in its own folder and never mixes with real data."))
        self.demo_button.setText(self.tr("Open the demo data"))
        self.door.setText(self.tr("Open on the check-in screen every time (a laptop at the door)"))
        super().retranslate()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Start"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))


def run_first_run(store: Store, settings: Settings, parent: QWidget | None = None) -> FirstRunChoice:
    """Show the first-run dialog (modal) and return what the user chose."""
    dialog = FirstRunDialog(store, settings, parent)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice
