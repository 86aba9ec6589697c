"""Regenerate the app icon's PNG sizes and the Windows .ico from ``resources/icons/lampang-planner.svg``.

    .venv/bin/python packaging/make_icons.py

Offline: the SVG is rendered by Qt's own SVG module (PySide6.QtSvg, part of PySide6-Essentials, which the app
already depends on) and the .ico is assembled by Pillow. Writes ``resources/icons/lampang-planner-<N>.png`` for
N in SIZES and ``resources/icons/lampang-planner.ico`` (16–256, the sizes Windows uses). Each size is rendered from
the vector source, not scaled down from a big bitmap, so the small ones stay crisp.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "lampang-planner.svg"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(size: int) -> bytes:
    """The SVG rendered at ``size``×``size`` pixels (RGBA PNG bytes)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise RuntimeError(f"Qt cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (Qt wants one for painting)
    images: dict[int, Image.Image] = {}
    for size in SIZES:
        png = render_png(size)
        out = ICONS / f"lampang-planner-{size}.png"
        img = Image.open(io.BytesIO(png)).convert("RGBA")
        img.save(out, optimize=True)
        images[size] = img
        print(f"wrote {out.relative_to(ROOT)}")
    ico = ICONS / "lampang-planner.ico"
    # Pillow writes one entry per size, each resampled from the first image; give it the largest and let every
    # other size come from its own rendering by appending them (Pillow ≥ 10 honours append_images for ICO).
    biggest = images[max(ICO_SIZES)]
    others = [images[s] for s in ICO_SIZES if s != max(ICO_SIZES)]
    biggest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=others)
    with Image.open(ico) as check:
        got = sorted(check.info.get("sizes", set()))
    if sorted((s, s) for s in ICO_SIZES) != got:
        raise RuntimeError(f"{ico} holds sizes {got}, expected {ICO_SIZES}")
    print(f"wrote {ico.relative_to(ROOT)} ({', '.join(str(s) for s in ICO_SIZES)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
