"""Amounts of money as Swedish documents write them.

"265 000 kr", "2,5–3 mkr" (a range), "1 miljard kronor", "35 00 kr" (a typo,
kept as stated: 3 500), "X kr varav Y kr är egen finansiering" (a total and an
own share). Amounts are exact whole kronor (:class:`decimal.Decimal` arithmetic);
the text as written is kept in :attr:`~grmodel.Money.stated`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import attrs

from grmodel.model import Money

__all__ = [
    "NUMBER",
    "AmountMatch",
    "OwnShare",
    "find_amounts",
    "find_own_shares",
    "parse_number",
]

NUMBER = r"\d{1,3}(?:[ \u00a0]\d{2,3})+(?:,\d+)?|\d+(?:,\d+)?"
"""A number with optional space-separated digit groups and decimal comma."""

_UNITS: dict[str, int] = {
    "kr": 1,
    "kronor": 1,
    "sek": 1,
    ":-": 1,
    "tkr": 1_000,
    "tusen kronor": 1_000,
    "mkr": 1_000_000,
    "msek": 1_000_000,
    "milj kr": 1_000_000,
    "milj. kr": 1_000_000,
    "miljon kronor": 1_000_000,
    "miljoner kronor": 1_000_000,
    "miljoner": 1_000_000,
    "mdkr": 1_000_000_000,
    "mdr kr": 1_000_000_000,
    "miljard kronor": 1_000_000_000,
    "miljarder kronor": 1_000_000_000,
}
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_AMOUNT = re.compile(
    rf"(?i)(?<![\d,])(?P<low>{NUMBER})(?:\s*[-–]\s*(?P<high>{NUMBER}))?\s*(?P<unit>{_UNIT})(?![a-zåäö])"
)
_OWN = re.compile(
    rf"(?i)(?<![\d,])(?P<total>{NUMBER})\s*(?P<tunit>{_UNIT})?\s+varav\s+(?P<own>{NUMBER})"
    rf"\s*(?P<ounit>{_UNIT})?\s+(?:är\s+)?egen\s*(?:fin\w*|insats|del)"
)


def parse_number(text: str) -> Decimal | None:
    """``"265 000"`` → 265000, ``"2,5"`` → 2.5, ``"35 00"`` → 3500."""
    digits = re.sub(r"[ \u00a0]", "", text).replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _kronor(number: str, unit: str | None) -> int | None:
    value = parse_number(number)
    if value is None:
        return None
    factor = _UNITS.get((unit or "kr").lower(), 1)
    return int(value * factor)


@attrs.frozen
class AmountMatch:
    """An amount found in text."""

    start: int
    """Offset of the match."""
    end: int
    """Offset after the match."""
    money: Money
    """The amount (a range when the text gives one)."""


def find_amounts(text: str) -> list[AmountMatch]:
    """Every amount with a unit in ``text``, in order."""
    found = []
    for m in _AMOUNT.finditer(text):
        low = _kronor(m["low"], m["unit"])
        high = _kronor(m["high"], m["unit"]) if m["high"] else None
        if low is None:
            continue
        found.append(
            AmountMatch(m.start(), m.end(), Money(amount=low, max_amount=high, stated=m[0]))
        )
    return found


@attrs.frozen
class OwnShare:
    """ "X kr varav Y kr är egen finansiering"."""

    start: int
    """Offset of the total."""
    end: int
    """Offset after the statement."""
    total: Money
    """The total."""
    own: Money
    """The own share."""


def find_own_shares(text: str) -> list[OwnShare]:
    """Every "X (kr) varav Y (kr) är egen finansiering" in ``text``."""
    found = []
    for m in _OWN.finditer(text):
        total = _kronor(m["total"], m["tunit"])
        own = _kronor(m["own"], m["ounit"] or m["tunit"])
        if total is None or own is None:
            continue
        total_text = m["total"] + (f" {m['tunit']}" if m["tunit"] else "")
        own_text = m["own"] + (f" {m['ounit']}" if m["ounit"] else "")
        found.append(
            OwnShare(
                m.start(),
                m.end(),
                Money(amount=total, stated=total_text),
                Money(amount=own, stated=own_text),
            )
        )
    return found
