"""Register a walk-in at the check-in desk: one form, one core call that adds, invites and checks them in.

Built for speed at the door: the common prefixes are one click, the tambon list starts in the workshop's district,
and people already on file who match the name typed are offered ("check in this person instead") so the desk does
not make a duplicate.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.checkin import CheckinResult, check_in_person, clock_time, register_walk_in, search_people
from lampang_planner.core.privacy.notice import notice_for_workshop
from lampang_planner.ui.dialogs.form import FormDialog
from lampang_planner.ui.i18n import current_language
from lampang_planner.ui.models.checkin import place_name
from lampang_planner.ui.widgets.build import STRETCH, button, hbox, label, radios
from lampang_planner.ui.widgets.divisions import DivisionCombos
from lampang_planner.ui.widgets.person_fields import (
    choose_participant_type,
    fill_participant_types,
    person_values,
    prefix_combo,
    set_prefix_hint,
)

QUICK_PREFIXES = ("นาย", "นาง", "นางสาว")


class WalkinDialog(FormDialog):
    """After ``exec()`` returns Accepted, ``result`` is the check-in (a new person, or one already on file)."""

    def __init__(
        self,
        store: Store,
        workshop_id: str,
        *,
        desk: str,
        workshop_title: str = "",
        district_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, name="WalkinDialog", store=store)
        self.workshop_id = workshop_id
        self.workshop_title = workshop_title
        self.desk = desk
        self.session_id: str | None = None  # the door's session (None: the current one by the clock)
        self.result: CheckinResult | None = None

        self.intro = label("walkinIntro", wrap=True)
        self.layout().insertWidget(0, self.intro)
        self._build_fields()
        self._build_matches()  # people already on file with this name
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.find_matches)
        self.first_name.textEdited.connect(lambda _t: self._search_timer.start())
        self.last_name.textEdited.connect(lambda _t: self._search_timer.start())

        fill_participant_types(self.participant_type)
        choose_participant_type(self.participant_type)
        self.places.set_codes(district_code, None)
        self.setMinimumWidth(640)
        self.retranslate()
        self.resize(640, 100)
        self._fit_notice()
        self.adjustSize()
        self.first_name.setFocus()

    def _build_fields(self) -> None:
        self.prefix = prefix_combo(QUICK_PREFIXES)
        self.quick: list[QPushButton] = []
        for text in QUICK_PREFIXES:
            quick = button(f"prefix_{len(self.quick)}", lambda _c=False, t=text: self._pick_prefix(t))
            quick.setText(text)
            quick.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.quick.append(quick)
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.organisation = QLineEdit()
        self.participant_type = QComboBox()
        self.places = DivisionCombos(self)
        self.phone = QLineEdit()
        self.consent_group, (self.consent, self.no_consent) = radios(self, "consentYes", "consentNo")
        # not CSS padding for the notice: a wrapped label's height ignores that and the text is clipped
        self.notice = label("pdpaNotice", wrap=True, style="color: #37474f; background: #eef2f7;")
        self.notice.setMargin(6)
        prefix_row, consent_box = QWidget(), QWidget()
        hbox((self.prefix, 1), *self.quick, parent=prefix_row, margins=0)
        hbox(self.consent, self.no_consent, STRETCH, parent=consent_box, margins=0)
        # labels set in retranslate, not given here: labels there at once change the notice's first height
        self.add_field("prefix", self.prefix, extra=prefix_row)
        for key, widget in (
            ("first_name", self.first_name),
            ("last_name", self.last_name),
            ("organisation", self.organisation),
            ("participant_type", self.participant_type),
            ("district_code", self.places.district),
            ("subdistrict_code", self.places.tambon),
            ("phone", self.phone),
        ):
            widget.setObjectName(key)
            self.add_field(key, widget)
        self.form.addRow(self.notice)  # full width, read out to the person before they answer
        self.add_field("consent", self.consent, extra=consent_box)

    def _build_matches(self) -> None:
        self.matches_label = label("matchesLabel", wrap=True)
        self.matches = QListWidget()
        self.matches.setObjectName("walkinMatches")
        self.matches.setMaximumHeight(110)
        self.use_match = button("useMatch", self.check_in_match, enabled=False)
        self.matches.itemSelectionChanged.connect(
            lambda: self.use_match.setEnabled(bool(self.matches.selectedItems()))
        )
        self.matches.itemDoubleClicked.connect(lambda _item: self.check_in_match())
        outer = self.layout()
        for w in (self.matches_label, self.matches, self.use_match):
            outer.insertWidget(outer.indexOf(self.buttons), w)
        self._show_matches([])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_notice()

    def _fit_notice(self) -> None:
        """A wrapped label in a dialog is not given its height-for-width by the window: ask for it explicitly."""
        width = self.notice.width() if self.notice.width() > 50 else self.width() - 40
        need = self.notice.heightForWidth(width)
        if need > 0 and need != self.notice.minimumHeight():
            self.notice.setMinimumHeight(need)

    # --- filling in -------------------------------------------------------------------------------------------------

    def _pick_prefix(self, text: str) -> None:
        self.prefix.setCurrentText(text)
        self.first_name.setFocus()

    def values(self) -> dict:
        consent = True if self.consent.isChecked() else False if self.no_consent.isChecked() else None
        return person_values(self) | {"consent": consent}

    # --- possible duplicates ----------------------------------------------------------------------------------------

    def find_matches(self) -> None:
        first, last = self.first_name.text().strip(), self.last_name.text().strip()
        if len(first) < 2:
            self._show_matches([])
            return
        self._show_matches(search_people(self.store, f"{first} {last}", self.workshop_id, limit=6))

    def _show_matches(self, found: list) -> None:
        lang = current_language()
        self.matches.clear()
        for m in found:
            bits = [m.name]
            if m.organisation:
                bits.append(m.organisation)
            place = place_name(m.district_code, m.subdistrict_code, lang)
            if place:
                bits.append(place)
            if m.checked_in_at:
                bits.append(self.tr("already checked in {time}").format(time=clock_time(m.checked_in_at)))
            elif m.invited:
                bits.append(self.tr("invited"))
            item = QListWidgetItem(" · ".join(bits))
            item.setData(Qt.ItemDataRole.UserRole, m.person_id)
            self.matches.addItem(item)
        shown = bool(found)
        for w in (self.matches_label, self.matches, self.use_match):
            w.setVisible(shown)
        self.use_match.setEnabled(False)
        self.adjustSize()

    def check_in_match(self) -> None:
        items = self.matches.selectedItems()
        if not items:
            return
        pid = items[0].data(Qt.ItemDataRole.UserRole)
        try:
            self.result = check_in_person(
                self.store, self.workshop_id, pid, desk=self.desk, invite=True, session_id=self.session_id
            )
        except UserError as exc:  # the person was removed meanwhile
            self.show_problem(exc)
            return
        self.accept()

    # --- saving -----------------------------------------------------------------------------------------------------

    def save(self) -> None:
        self.result = register_walk_in(
            self.store, self.workshop_id, self.values(), desk=self.desk, session_id=self.session_id
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Register a walk-in"))
        title = self.workshop_title
        self.intro.setText(
            self.tr("Adds the person, invites them to {title} and checks them in at desk {desk}.").format(
                title=title or self.tr("this workshop"), desk=self.desk
            )
        )
        self.set_label("prefix", self.tr("Prefix"))
        self.set_label("first_name", self.tr("First name"), required=True)
        self.set_label("last_name", self.tr("Last name"))
        self.set_label("organisation", self.tr("Organisation"))
        self.set_label("participant_type", self.tr("Participant type"))
        self.set_label("district_code", self.tr("District"))
        self.set_label("subdistrict_code", self.tr("Tambon"))
        self.set_label("phone", self.tr("Phone"))
        self.set_label("consent", self.tr("PDPA consent"), required=True)
        set_prefix_hint(self.prefix, self.tr("e.g. Mr, Mrs, Ms, Dr or a rank"))
        self.phone.setPlaceholderText(self.tr("e.g. 081-234-5678"))
        # the one PDPA notice (core.privacy.notice): purpose, what is kept, for how long, whom to contact
        self.notice.setText(notice_for_workshop(self.store, self.workshop_id, current_language()))
        self.consent.setText(self.tr("Agrees"))
        self.no_consent.setText(self.tr("Does not agree (the phone number is not kept)"))
        self.matches_label.setText(self.tr("Already on file with this name? Check them in instead of adding them again:"))
        self.use_match.setText(self.tr("Check in the selected person instead"))
        fill_participant_types(self.participant_type)
        super().retranslate()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Register and check in"))
