"""§ signs an OCR misread in a scanned protocol: "s1 Val av justeringsperson",
"$2 Godkännande …", "53 Mellankommunal …" (§3, the sign read as a 5).

A scanned document shows itself by the headings its OCR misread ("Näruarande",
"Frânvarande": :mod:`~grmodel_gr_documents.vocabulary` finds them with those
letters); only there are these tokens read as §. The paragraphs go on the count
from a sign read as a letter ("s1", "$1"); a "5" before a digit is a § only where
that digit is the next paragraph's number.
"""

from __future__ import annotations

import re

from grmodel_gr_documents.stream import Stream
from grmodel_gr_documents.vocabulary import folded, load_vocabulary

__all__ = ["misread_paragraphs"]

_MISREAD = re.compile(r"(?<![\w(§$])(?P<sign>[sS$]|5)(?P<n>\d{1,2})[.:]?\s+(?=[A-ZÅÄÖ])")
"""A § read as "s", "S", "$" or "5" before its number, the title after it."""
_AFTER = re.compile(r"(?:[.!?:)]|\d+\s*[-–]\s*\d+)\s*$")
"""What stands before a paragraph: a sentence's end, or the protocol's paragraph
range ("Paragrafer 7-73")."""


def scanned(stream: Stream) -> bool:
    """Whether a heading was found with letters an OCR misreads."""
    return any(
        folded(stream.text[hit.start : hit.end]).rstrip(" :") != folded(hit.phrase.written)
        for hit in load_vocabulary().find(stream.text, ["attendance"])
    )


def misread_paragraphs(stream: Stream) -> list[tuple[int, int, int]]:
    """(start, end, number) of the paragraphs whose § an OCR misread, in a scanned
    document; two or more going on the count, or none."""
    if not scanned(stream):
        return []
    out: list[tuple[int, int, int]] = []
    for m in _MISREAD.finditer(stream.text):
        value = int(m["n"])
        before = stream.before(m.start())
        if before.strip() and not _AFTER.search(before):
            continue
        if (out and value == out[-1][2] + 1) or (not out and m["sign"] != "5"):
            out.append((m.start(), m.end(), value))
    return out if len(out) >= 2 else []
