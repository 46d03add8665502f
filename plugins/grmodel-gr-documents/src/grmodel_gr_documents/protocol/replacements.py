"""Serving ersättare in two columns flattened one after the other: the ledamöter
absent, each after "För", then the ersättare who served for them, each after a dash,
in the same order::

    I de frånvarandes ställe tjänstgjorde: För Anna Ek (S) För Bo Al (M) - Cia Berg (S) - Dan Ås (M)

Anna Ek was absent and Cia Berg served for her; Bo Al was absent and Dan Ås served
for him. A run of this shape is read by :func:`replacement_columns`.
"""

from __future__ import annotations

import re

import attrs

from grmodel.refdata import ReferenceData
from grmodel_gr_documents.entries import ParsedEntry, parse_run

__all__ = ["Replacements", "replacement_columns"]

_FOR_COLUMN = re.compile(r"\s*(?:För\s+(?:(?!\s-\s)[^()\n])+?\([\wÅÄÖåäö]{1,4}\)\s*){2,}")
"""Two or more "För Name (P)" entries from the run's start."""
_FOR_WORD = re.compile(r"\bFör(?=\s)")
_DASH_COLUMN = re.compile(r"\s*-\s+[A-ZÅÄÖ]")
_DASH = re.compile(r"(?:(?<=\s)|^)-(?=\s)")


@attrs.frozen
class Replacements:
    """A run read as its two columns; each entry's offsets are the run's."""

    absent: list[ParsedEntry]
    """The ledamöter replaced, in order."""
    serving: list[ParsedEntry]
    """The ersättare, in order; each one's ``replaces`` names the ledamot at its place
    in :attr:`absent`."""


def replacement_columns(value: str, refdata: ReferenceData) -> Replacements | None:
    """The two columns of ``value``, if it is a "För …" column followed by a dashed
    one; else ``None``."""
    m = _FOR_COLUMN.match(value)
    if m is None or not _DASH_COLUMN.match(value, m.end()):
        return None
    # blank out the column marks, keeping every offset, and read each column as a run
    replaced = _FOR_WORD.sub(lambda w: " " * len(w[0]), value[: m.end()])
    serving = _DASH.sub(",", value[m.end() :])
    absent, _ = parse_run(replaced, refdata)
    stood_in, _ = parse_run(serving, refdata)
    for entry in stood_in:
        entry.start += m.end()
        entry.end += m.end()
    for entry, ledamot in zip(stood_in, absent, strict=False):
        entry.replaces = entry.replaces or ledamot.name
        entry.serving = True
    return Replacements(absent, stood_in)
