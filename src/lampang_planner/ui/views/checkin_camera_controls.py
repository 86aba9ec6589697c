"""The check-in page's webcam button and note: whether a camera can scan here, and why not (a part of ``CheckinPage``).
Its strings are translated in the ``CheckinPage`` context (the class they were written in; the Thai catalogue keeps
them there)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lampang_planner.ui.widgets.camera import NO_MODULE, camera_problem


class CameraControls:
    """Mixed into ``CheckinPage``: uses the page's widgets (``checkin_layout``)."""

    def _check_camera(self) -> None:
        self._camera_checked = True
        self._camera_problem = camera_problem()
        self._update_camera_texts()

    def _camera_toggled(self, on: bool) -> None:
        if on:
            problem = self.camera.start()
            if problem:
                self._camera_problem = problem
                self.camera_button.setChecked(False)
                self._update_camera_texts()
                return
            self.camera.show()
        else:
            self.camera.stop()
            self.camera.hide()
        self._update_camera_texts()

    def _camera_failed(self, text: str) -> None:
        self.camera_button.setChecked(False)
        self.camera_note.setText(
            QCoreApplication.translate("CheckinPage", "The camera stopped: {error}").format(error=text)
        )

    def _camera_reason(self) -> str:
        if self._camera_problem == NO_MODULE:
            return QCoreApplication.translate(
                "CheckinPage",
                "No webcam scanning: this copy of the program was installed without its camera part. "
                "Ask the office for the full installer, or use the USB scanner or the name search.",
            )
        if self._camera_problem:
            return QCoreApplication.translate(
                "CheckinPage",
                "No webcam scanning: no camera was found on this computer. Use the USB scanner or the name search.",
            )
        return ""

    def _update_camera_texts(self) -> None:
        reason = self._camera_reason()
        self.camera_button.setEnabled(not reason)
        self.camera_button.setToolTip(
            reason or QCoreApplication.translate("CheckinPage", "Read QR codes with the webcam")
        )
        self.camera_note.setText(reason)
        self.camera_note.setVisible(bool(reason) and not self.kiosk_on)
        self.camera_button.setText(
            QCoreApplication.translate("CheckinPage", "Stop camera")
            if self.camera.running
            else QCoreApplication.translate("CheckinPage", "Camera")
        )
