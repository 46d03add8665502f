"""Regular expressions over many phrases, built so the regex engine tries few of them.

Python's engine tries the branches of an alternation one after the other at each
position, and under ``(?i)`` it cannot skip a branch by its first character, so a
pattern of a few hundred phrases costs a few hundred tries at every word.
:func:`alternation` groups the branches by their first character behind a
look-ahead for it: the same matches (the same branch wins at each position, as the
order within a group is kept and a text character can start the branches of one
group only), a handful of tries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["alternation"]

_CASE_POOL = "".join(
    chr(c)
    for start, end in ((0x20, 0x250), (0x370, 0x530), (0x1E00, 0x1F00), (0x2100, 0x2150))
    for c in range(start, end)
)
"""Every character that can be a case variant of a Latin letter (ASCII, Latin-1 and
Latin Extended, Greek and Cyrillic, Latin Extended Additional, the letter-like
symbols: "ſ", "ı", "İ", "K" (Kelvin), "Å" (Ångström))."""


def _variants(first: str) -> frozenset[str]:
    """The characters a case-insensitive ``first`` matches."""
    return frozenset(re.findall(f"(?i){re.escape(first)}", _CASE_POOL + first))


def alternation(branches: Sequence[str]) -> str:
    """``(?:b1|b2|…)`` for case-insensitive ``branches`` (regex source), grouped by
    first character. When a branch does not start with a literal character, or two
    first characters share some case variants but not all, it is the plain
    alternation, so the result always matches as the plain alternation does."""
    plain = "(?:" + "|".join(branches) + ")"
    groups: dict[frozenset[str], tuple[str, list[str]]] = {}  # variants → (first, branches)
    for branch in branches:
        first = _first(branch)
        if first is None:
            return plain
        variants = _variants(first)
        group = groups.get(variants)
        if group is None:
            if any(variants & other for other in groups):
                return plain
            group = groups[variants] = (first, [])
        group[1].append(branch)
    return (
        "(?:"
        + "|".join(
            f"(?=[{re.escape(first)}])(?:{'|'.join(items)})" for first, items in groups.values()
        )
        + ")"
    )


def _first(branch: str) -> str | None:
    """The literal character a branch's source starts with, if it does."""
    if branch[:1] == "\\" and len(branch) > 1 and not branch[1].isalnum():
        return branch[1]
    if branch[:1] and branch[0] not in r".^$*+?{}[]\|()":
        return branch[0]
    return None
