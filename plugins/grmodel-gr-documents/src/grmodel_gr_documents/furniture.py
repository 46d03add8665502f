"""Running page headers and footers: lines that repeat from page to page.

Text extracted from PDFs repeats each page's header and footer mid-text
("Protokoll 2019-11-07 / Göteborgsregionens kommunalförbund / Plats: …",
"FÖRBUNDSSTYRELSEN GR 2", "Sida 2 av 4", "Just: ____", "2 (5)").
:func:`detect_furniture` finds them; the first header block at the very top of a
document is its masthead (kept, the importer reads it), every later repetition is
dropped explicitly as a :class:`~grmodel.Segment` with its span (by
:class:`~grmodel_gr_documents.lines.Tracker`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

import attrs

from grmodel.model import Segment, Span

__all__ = ["Furniture", "detect_furniture"]

_PAGE_MARK = re.compile(
    r"""(?ix)^(?:
        sidan?\s*\d+(?:\s*(?:av|/|\()\s*\d+\)?)?
      | \d{1,3}\s*\(\s*\d{1,3}\s*\)
      | \(\s*\d{1,3}\s*\)
      | \d{1,3}\s*/\s*\d{1,3}
      | -\s*\d{1,3}\s*-
      | just\.?\s*:?[\s_.]*
      | just\.?\s*:\s*[_.]+.*
      | justerat\s+sign\.?\s*:?[\s_.]*
      | justerandes\s+sign(?:atur)?\.?\s*:?[\s_.]*
      | ordförandes\s+sign(?:atur)?\.?\s*:?[\s_.]*
      | sign\.?\s*:?\s*[_.]*
      | utdragsbestyrkande\s*:?[\s_.]*
    )$""",
)
"""A line that is only a page number or a signature field of a page footer."""

_CAPS_PAGE = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ0-9 .&-]{2,}\s\d{1,3}$")
"""An upper-case running title ending in a page number ("FÖRBUNDSSTYRELSEN GR 2")."""

_HEADER_WORDS = re.compile(
    r"(?i)^(?:protokoll|kallelse|dagordning|plats\s*:|sammanträdesdatum|datum\s*:|tid\s*:)"
    r"|kommunalförbund$|^göteborgsregionen$|^gr$|\bsida\s+\d"
)
"""Words that make a repeated line a running header."""

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER_IN = re.compile(
    r"(?i)\b(?:sidan?|sid\.|s\.)\s*\d{1,3}(?:\s*(?:av|/)\s*\d{1,3}|\s*\(\s*\d{1,3}\s*\))?"
    r"|(?<![\d-])\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|(?:av|/)\s*\d{1,3})\s*$"
)
"""A page number inside a header line ("Sida 2 (5)", "Sida 2 av 4"; "2 (5)", "2/5" at
its end)."""


_PAGE_NUMBER_HINT = re.compile(
    r"[sS\u017f](?:[iI\u0130\u0131][dD](?:[aA]|\.)|\.)\s*\d|\d\s*(?:[(/]|[aA][vV])"
)
"""What each match of :data:`_PAGE_NUMBER_IN` holds ("sida"/"sid."/"s." and a digit, as
``(?i)`` matches them, or a digit followed by "(", "/" or "av"), as a pattern that
starts with a character class, which the regex engine scans for quickly."""


def _page_key(line: str) -> str:
    """``line`` with its page number replaced, so headers of different pages compare
    equal ("Protokoll 2019-11-07 Sida 2 (5)" ~ "… Sida 3 (5)"); ``line`` itself when it
    has no page number."""
    return _PAGE_NUMBER_IN.sub("#", line) if _PAGE_NUMBER_HINT.search(line) else line


@attrs.frozen
class Furniture:
    """What :func:`detect_furniture` found."""

    dropped: tuple[Segment, ...]
    """Repeated headers/footers to drop, one segment per block."""
    masthead: tuple[int, ...]
    """Lines (1-based) of the header block at the top of the document, kept."""


@functools.lru_cache(maxsize=1 << 15)
def _line_keys(line: str) -> tuple[str, str]:
    """``line`` with its digits made "#", and its :func:`_page_key`; once per line and
    run (the whole document and each part of a combined one has the same lines)."""
    return _DIGITS.sub("#", line), _page_key(line)


@attrs.frozen
class _Recurring:
    """How often each line of a document recurs: as written, but for its digits, and
    but for its page number; each line's two keys computed once."""

    exact: Counter[str]
    shape: Counter[str]
    paged: Counter[str]
    keys: dict[str, tuple[str, str]]
    """A line → (its digits made "#", :func:`_page_key`)."""

    @classmethod
    def of(cls, lines: list[str]) -> _Recurring:
        exact = Counter(line for line in lines if line)
        keys = {line: _line_keys(line) for line in exact}
        shape: Counter[str] = Counter()
        paged: Counter[str] = Counter()
        for line, count in exact.items():
            shaped, key = keys[line]
            shape[shaped] += count
            paged[key] += count
        return cls(exact, shape, paged, keys)


_SIGN_BOX = re.compile(
    r"(?i)^(?:justerar|justerarens?\s+sign(?:atur)?|justerandes\s+sign(?:atur)?|signatur)\.?$"
)
"""The label of the initials box in each page's foot ("Justerar", "Justerandes sign")."""
_BARE_NUMBER = re.compile(r"^\d{1,3}$")


def _is_candidate(line: str, seen: _Recurring) -> tuple[bool, bool]:
    """(is a furniture line, is a strong page mark)."""
    if not line or len(line) > 160:
        return False, False
    if _PAGE_MARK.match(line):
        return True, True
    if line.startswith("§") or line.lower().startswith(("paragraf", "att ")):
        return False, False
    shaped, key = seen.keys[line]
    if _CAPS_PAGE.match(line) and seen.shape[shaped] >= 2:
        return True, False
    if seen.exact[line] >= 2 and (_HEADER_WORDS.search(line) or _SIGN_BOX.match(line)):
        return True, False
    if key != line and seen.paged[key] >= 2 and (_HEADER_WORDS.search(key) or len(key) <= 80):
        return True, False
    return False, False


def detect_furniture(lines: list[str]) -> Furniture:
    """Find running page headers and footers in normalised ``lines``.

    A candidate is a page mark ("Sida 2 av 4", "2 (5)", "Just: ____"), an
    upper-case title with a page number that recurs, a short line with a
    header word ("Protokoll …", "… kommunalförbund", "Plats: …") that recurs
    verbatim, or a line with a page number that recurs but for the number
    ("Protokoll 2019-11-07 Sida 2 (5)", "… Sida 3 (5)"). Candidates separated
    only by blank lines form a block; each block is dropped, except a block at
    the very top of the document (the masthead).
    """
    seen = _Recurring.of(lines)
    marks: dict[int, bool] = {}
    for index, line in enumerate(lines):
        is_candidate, strong = _is_candidate(line, seen)
        if is_candidate:
            marks[index] = strong
    for index in sorted(marks):  # a page's number on its own line over its foot's box
        if index and _BARE_NUMBER.match(lines[index - 1]) and _SIGN_BOX.match(lines[index]):
            marks[index - 1] = True
    blocks: list[list[int]] = []
    for index in sorted(marks):
        if blocks and all(not lines[i] for i in range(blocks[-1][-1] + 1, index)):
            blocks[-1].append(index)
        else:
            blocks.append([index])
    masthead: tuple[int, ...] = ()
    dropped: list[Segment] = []
    first_content = next((i for i, line in enumerate(lines) if line), None)
    for block in blocks:
        weak = not any(marks[i] for i in block)
        if not masthead and weak and block[0] == first_content:
            masthead = tuple(i + 1 for i in block)
            continue
        text = "\n".join(lines[i] for i in range(block[0], block[-1] + 1))
        reason = "page number" if all(marks[i] for i in block) else "page header"
        dropped.append(
            Segment(
                span=Span(block[0] + 1, block[-1] + 1 if block[-1] > block[0] else None),
                text=text,
                reason=reason,
            )
        )
    return Furniture(dropped=tuple(dropped), masthead=masthead)
