"""Webcam QR scanning: QtMultimedia (PySide6-Addons, the optional ``camera`` extra) for frames, zxing-cpp to decode.

Frames arrive on the GUI thread through a QVideoSink; a few per second are decoded on the task runner's pool
(never on the GUI thread), one at a time: frames that arrive while a decode runs are dropped. The same code held in
front of the camera is reported once, until it has been out of sight for ``REPEAT_S`` seconds.

Where QtMultimedia cannot be imported (not installed, or its system libraries are missing) or no camera is
connected, :func:`camera_problem` says so and nothing here needs it.
"""

from __future__ import annotations

import logging
import time

import zxingcpp
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from lampang_planner.ui.tasks import TaskControl, TaskRunner

log = logging.getLogger(__name__)

NO_MODULE = "no-module"
NO_CAMERA = "no-camera"
DECODE_EVERY_S = 0.12
PREVIEW_EVERY_S = 0.06
REPEAT_S = 3.0
PREVIEW_SIZE = QSize(320, 240)


def _multimedia():
    """The QtMultimedia module, or None."""
    try:
        from PySide6 import QtMultimedia
    except (ImportError, OSError) as exc:  # not installed, or libpulse & co. missing
        log.info("QtMultimedia unavailable: %s", exc)
        return None
    return QtMultimedia


def camera_problem() -> str | None:
    """None when a webcam can be used; else NO_MODULE (QtMultimedia missing) or NO_CAMERA (no video input)."""
    mm = _multimedia()
    if mm is None:
        return NO_MODULE
    try:
        if not mm.QMediaDevices.videoInputs():
            return NO_CAMERA
    except Exception as exc:  # a broken back end counts as no camera
        log.info("cannot list cameras: %s", exc)
        return NO_CAMERA
    return None


def decode_qr(image: QImage) -> list[str]:
    """The texts of the QR codes in ``image`` (any format; read as grey levels). Safe on any thread."""
    if image.isNull():
        return []
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return [r.text for r in zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode) if r.text]


def _decode_work(_control: TaskControl, image: QImage) -> list[str]:
    return decode_qr(image)


class CameraScanner(QWidget):
    """A preview of the default camera that emits ``decoded(text)`` for each new QR code it sees.

    ``handle_image`` is the whole pipeline after the camera (preview, throttle, decode off the GUI thread, repeat
    filter): the QVideoSink feeds it, and tests can too.
    """

    decoded = Signal(str)
    failed = Signal(str)  # the camera's own error text

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraScanner")
        self.tasks = tasks
        self.preview = QLabel()
        self.preview.setObjectName("cameraPreview")
        self.preview.setFixedSize(PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #263238; color: #eceff1; border-radius: 6px;")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        self.busy = False
        self.frames_seen = 0
        self.frames_decoded = 0
        self._last_decode = 0.0
        self._last_preview = 0.0
        self._seen: dict[str, float] = {}  # text → when last seen
        self._camera = None
        self._session = None
        self._sink = None
        self._task = None
        self._generation = 0  # bumped by stop(): decodes started before it are not reported

    # --- the camera -------------------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._camera is not None

    def start(self) -> str | None:
        """Open the default camera. Returns None, or why it cannot (NO_MODULE, NO_CAMERA)."""
        if self._camera is not None:
            return None
        problem = camera_problem()
        if problem:
            return problem
        mm = _multimedia()
        device = mm.QMediaDevices.defaultVideoInput()
        if device.isNull():
            return NO_CAMERA
        self._camera = mm.QCamera(device, self)
        self._sink = mm.QVideoSink(self)
        self._session = mm.QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._frame)
        self._camera.errorOccurred.connect(lambda _error, text: self.failed.emit(text))
        self._seen.clear()
        self._camera.start()
        return None

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._sink.videoFrameChanged.disconnect(self._frame)
            for obj in (self._session, self._sink, self._camera):
                obj.deleteLater()
        self._camera = self._session = self._sink = None
        self._generation += 1
        self.busy = False
        self.preview.clear()

    def _frame(self, frame) -> None:
        now = time.monotonic()
        want_preview = now - self._last_preview >= PREVIEW_EVERY_S
        want_decode = not self.busy and now - self._last_decode >= DECODE_EVERY_S
        if not (want_preview or want_decode) or not frame.isValid():
            self.frames_seen += 1
            return
        self.handle_image(frame.toImage())

    # --- the pipeline -----------------------------------------------------------------------------------------------

    def handle_image(self, image: QImage) -> None:
        """One frame: show it, and decode it off the GUI thread unless a decode is running (then it is dropped)."""
        self.frames_seen += 1
        now = time.monotonic()
        if image.isNull():
            return
        if now - self._last_preview >= PREVIEW_EVERY_S:
            self._last_preview = now
            self.preview.setPixmap(
                QPixmap.fromImage(image).scaled(
                    PREVIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
                )
            )
        if self.busy or now - self._last_decode < DECODE_EVERY_S:
            return
        self.busy = True
        self._last_decode = now
        generation = self._generation
        self._task = self.tasks.start(_decode_work, image.copy(), name="camera-decode")
        self._task.finished.connect(lambda texts, g=generation: self._decoded(texts, g))
        self._task.failed.connect(self._decode_failed)

    def _decoded(self, texts: list[str], generation: int) -> None:
        if generation != self._generation:
            return  # the camera was stopped meanwhile
        self.busy = False
        self.frames_decoded += 1
        now = time.monotonic()
        for text in texts:
            last = self._seen.get(text)
            self._seen[text] = now
            if last is None or now - last >= REPEAT_S:
                self.decoded.emit(text)

    def _decode_failed(self, exc: object) -> None:
        self.busy = False
        log.info("decoding a camera frame failed: %s", exc)

    def forget_seen(self) -> None:
        """Report the next sighting of any code again (after the desk changed workshop, say)."""
        self._seen.clear()
