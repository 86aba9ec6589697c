"""Fonts for LibreOffice in the tests: the workbooks name TH SarabunPSK 16 pt (what office PCs have), which a Linux
machine lacks, and every Thai font it does have (TLWG's Laksaman included) is drawn about 1.5 times larger per
point, so column sets and row heights would overflow there and nowhere else. Here Sarabun — the same design — is
re-issued at TH SarabunPSK's size (its em enlarged by the measured 1.53: a Thai sentence is that much wider in Sarabun
than in TH SarabunPSK) under the name "TH SarabunPSK", for this test process only; nothing of it is shipped."""

from __future__ import annotations

from pathlib import Path

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
TH_SARABUN_SCALE = 1.53  # Sarabun / TH SarabunPSK, widths of the same Thai text at the same point size


def _stand_in(style: str, out: Path) -> Path:
    from fontTools.ttLib import TTFont

    font = TTFont(FONTS / f"Sarabun-{style}.ttf")
    font["head"].unitsPerEm = round(font["head"].unitsPerEm * TH_SARABUN_SCALE)
    weight = "Bold" if style == "Bold" else "Regular"
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = "TH SarabunPSK"
        elif record.nameID in (2, 17):
            record.string = weight
        elif record.nameID == 4:
            record.string = f"TH SarabunPSK {weight}".replace(" Regular", "")
        elif record.nameID == 6:
            record.string = f"THSarabunPSK-{weight}"
    path = out / f"THSarabunPSK-standin-{weight}.ttf"
    font.save(path)
    return path


def fontconfig_file(outdir: Path) -> Path:
    """A fonts.conf for LibreOffice: the system's fonts, the bundled Sarabun and the TH SarabunPSK stand-in."""
    fonts = outdir / "standin-fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    for style in ("Regular", "Bold"):
        _stand_in(style, fonts)
    conf = outdir / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONTS}</dir><dir>{fonts}</dir><cachedir>{outdir / 'fc-cache'}</cachedir>"
        '<match target="pattern"><test name="family"><string>TH SarabunPSK</string></test>'
        '<edit name="family" mode="prepend" binding="strong"><string>TH SarabunPSK</string></edit></match>'
        "</fontconfig>",
        encoding="utf-8",
    )
    return conf
