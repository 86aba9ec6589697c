"""Amounts of money in Thai words, as Thai finance forms write them: "หนึ่งร้อยเอ็ดบาทถ้วน", "ห้าสิบสตางค์".

The words come from num2words (``lang="th"``, ``to="currency"``), a maintained library whose Thai currency rules
follow the Thai government style (เอ็ด for a final one after tens and above, ยี่สิบ, "ถ้วน" for whole baht). We only
round to the satang and format the figures.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from num2words import num2words

SATANG = Decimal("0.01")


def to_money(value: object) -> Decimal:
    """A non-negative amount rounded to the satang. ValueError for anything else."""
    try:
        d = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not an amount: {value!r}") from exc
    if not d.is_finite() or d < 0:
        raise ValueError(f"not an amount: {value!r}")
    return d.quantize(SATANG, rounding=ROUND_HALF_UP)


def baht_text(value: object) -> str:
    """ "หนึ่งล้านเอ็ดบาทถ้วน", "หนึ่งบาทยี่สิบห้าสตางค์", "ห้าสิบสตางค์", "ศูนย์บาทถ้วน"."""
    return num2words(to_money(value), lang="th", to="currency")


def baht_figures(value: object) -> str:
    """ "1,000,001.00" """
    return f"{to_money(value):,.2f}"
