"""Site chrome and page markers of web transcripts, recognised so they can be dropped.

A web transcript of a PDF (docplayer, 5dok, vdocuments, a municipality's web
page) carries the site's own lines around the document's text: "Academic year:
2021", "Copied!", "Loading.... (view fulltext now)", "Storlek: px", upload dates,
view counters, breadcrumbs. They are never a source of dates, titles or bodies.
The site's title of the document (``Download "…"``, ``Share "…"``) is the
document's own first line as the site read it; it is dropped from the running
text but kept as a *site title*, which the header may read.

Page markers come in several forms: a line "(2)", "Sida 2 av 4" or "2 (5)" in a
line, "1(25)" at a line's end, and the page numbers a transcript glues to the
first word of each page's paragraph ("2 SAMMANTRÄDESPROTOKOLL …", counted up
from 1).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

import attrs

from grmodel_gr_documents.names import given_names
from grmodel_gr_documents.vocabulary import LOCAL_PREFIX, load_vocabulary

__all__ = [
    "CHROME",
    "PAGE_COLUMN",
    "Cut",
    "deglue",
    "inline_marks",
    "is_chrome",
    "marked_lines",
    "page_column",
    "page_prefixes",
    "site_title",
]

_CHROME_FORMS = (
    r"academic year:?\s*\d{4}(?:/\d{2,4})?",
    r"copied!?",
    r"loading\.*\s*\(view fulltext now\)",
    r"full text",
    r"•?\s*no results found",
    r"n/a",
    r"protected",
    r"storlek:?\s*px",
    r"starta visningen från sidan:?",
    r"save this pdf as:?",
    r"(?:word|png|txt|jpg|pdf)(?:\s+(?:word|png|txt|jpg|pdf))*",
    r"transkript(?:ion)?",
    r"transcript",
    r"upload:?.*",
    r"post on \d{1,2}-\w{3}-\d{4}",
    r"\d+\s+views?",
    r"\d+\s+downloads?",
    r"category:?",
    r"documents",
    r"report this document",
    r".{0,200}…\s*·\s*\d{4}-\d{2}-\d{2}\s*·.*",
    r"[^()]{1,120}\.(?:pdf|docx?)\s*\(\s*\d+\s*[km]b\s*\)",
    r"dela|skriv ut|tipsa|läs upp|lyssna",
    r"\|+",
    r"(?:publicerad|publicerat|senast\s+(?:uppdaterad|ändrad)|uppdaterad|published|updated)\s*:?\s*"
    r"(?:den\s+)?\d{1,4}[-/ ]\w{1,9}[-/ ]\d{1,4}(?:,?\s+(?:kl\.?\s*)?\d{1,2}[.:]\d{2})?",
    r"-\s*för\s+\d+\s+(?:år|månader?|veckor?|dagar?|timmar?|minuter)\s+sedan",
    r"-\s*visningar:?(?:\s*\d+)?",
)
CHROME: tuple[re.Pattern[str], ...] = tuple(re.compile(rf"(?i)^(?:{p})$") for p in _CHROME_FORMS)
"""A whole line that is site chrome. A new form is a row of ``_CHROME_FORMS``."""
_ANY_CHROME = re.compile("(?i)^(?:" + "|".join(f"(?:{p})" for p in _CHROME_FORMS) + ")$")
"""Any of :data:`CHROME`, in one pass over the line."""

_SITE_TITLE = re.compile(
    r'(?i)^(?:(?:download|share|ladda ner)\s+"(?P<title>.+?)"?'
    r"|(?:din position|du är här):\s*(?P<trail>.+))$"
)
"""The site's title of the document, or its breadcrumb trail ("Din position: Hem >
Tyresö kommun > Miljö- och samhällsbyggnadsutskottet > Sammanträde 2011-03-16")."""
_COUNTER = re.compile(r"^\d{1,4}$")
"""A bare number in a block of chrome (a site's page count or like counter)."""
_UPLOADER = re.compile(r"^-\s*[A-ZÅÄÖ][\wåäö'-]+(?:\s+[A-ZÅÄÖ][\wåäö'-]+){0,3}$")
"""The uploader's name in a block of chrome ("- Rolf Lundqvist", over "- för 8 år sedan")."""


def site_title(line: str) -> str | None:
    """The document's title in a site's ``Download "…"`` / ``Share "…"`` line."""
    m = _SITE_TITLE.match(line)
    if m is None:
        return None
    return (m["title"] or m["trail"]).strip()


def is_chrome(line: str, previous_chrome: bool) -> bool:
    """True when a normalised line is site chrome; a bare number counts when it
    follows chrome (the counters under "Copied!")."""
    if site_title(line) is not None:
        return True
    if previous_chrome and (_COUNTER.match(line) or _UPLOADER.match(line)):
        return True
    return _ANY_CHROME.match(line) is not None


@attrs.frozen
class Cut:
    """A piece cut out of a line: what and why."""

    start: int
    """Offset in the line."""
    end: int
    """Offset after it."""
    reason: str
    """``"page number"``."""


_INLINE_PAGE = re.compile(
    r"(?i)(?<![\w(])sidan?\s*\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|(?:av|/)\s*\d{1,3})"
    r"|(?<=\s)\d{1,3}\s*\(\s*\d{1,3}\s*\)\s*$"
    r"|^\d{1,3}\s*\(\s*\d{1,3}\s*\)(?=\s)"
)
"""A page marker inside a line ("Sida 1(14)", "Sida 2 av 4"), or a page count at its end
("… Mikael Berglund 1(25)") or start ("1 (35) Protokoll från …"). A line that is only a
page marker is page furniture (:func:`~grmodel_gr_documents.furniture.detect_furniture`)."""

_HOLDS = r"\d{space}*(?:[(/]|[aA][vV])"
"""What each page marker holds: a number followed by "(", "/" or "av" (found by a quick
scan for digits; a line without it has no marker)."""
_MARK_HINT = re.compile(_HOLDS.format(space=r"\s"))
_MARK_HINT_IN_LINE = re.compile(_HOLDS.format(space=r"[^\S\n]"))


def marked_lines(lines: list[str]) -> set[int]:
    """The indexes of ``lines`` that may hold a page marker (:func:`inline_marks` finds
    none in any other), found in one pass over their text."""
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    text = "\n".join(lines)
    return {bisect.bisect_right(starts, m.start()) - 1 for m in _MARK_HINT_IN_LINE.finditer(text)}


def inline_marks(line: str) -> list[Cut]:
    """The page markers in a line."""
    if not _MARK_HINT.search(line):
        return []
    return [Cut(m.start(), m.end(), "page number") for m in _INLINE_PAGE.finditer(line)]


_PAGE_PREFIX = re.compile(r"^(\d{1,3})(?:\s+(?=\S)|\s*$)")
"""A page's number at the start of its paragraph (alone, for an empty page)."""


def page_prefixes(lines: list[str], first: int) -> dict[int, Cut]:
    """Page numbers glued to the start of each page's paragraph in a transcript.

    From line index ``first`` on (after the transcript's chrome), a paragraph (a
    line after a blank one, or the first) that starts with the next page number
    in order (1, 2, 3, …) has that number cut off. The count starts at 1 or 2, so
    an item number at a paragraph's start is not taken; a fragment's count may
    start anywhere when its pages are whole pages of text (long paragraphs, each
    numbered one more than the one before).
    """
    cuts = _counted(lines, first, (1, 2))
    if len(cuts) >= 2 or _single_page(lines, cuts):
        return cuts
    per_line = _page_lines(lines, first)
    if len(per_line) >= _PAGE_LINES:
        return per_line
    later = _counted(lines, first, None)
    return later if len(later) >= 2 and all(len(lines[i]) > 200 for i in later) else {}


_PAGE_LINES = 3
"""How many lines in a row, numbered 1, 2, 3 …, make a transcript of one line a page."""


def _page_lines(lines: list[str], first: int) -> dict[int, Cut]:
    """A transcript that writes each page as one line, with no blank line between:
    the lines from ``first`` on numbered 1, 2, 3 … in a row ("1 Kommunstyrelsen",
    "2 2 237 Upphandling …", "3 3 Plats och tid …")."""
    cuts: dict[int, Cut] = {}
    expected = 1
    for index in range(first, len(lines)):
        if not lines[index]:
            continue
        m = _PAGE_PREFIX.match(lines[index])
        if m is None or int(m[1]) != expected:
            break
        cuts[index] = Cut(0, m.end(), "page number")
        expected += 1
    return cuts


def _counted(lines: list[str], first: int, starts: tuple[int, ...] | None) -> dict[int, Cut]:
    """Paragraph-starting numbers in order from one of ``starts`` (any: ``None``)."""
    cuts: dict[int, Cut] = {}
    expected: int | None = None
    previous_blank = True
    for index in range(first, len(lines)):
        line = lines[index]
        if not line:
            previous_blank = True
            continue
        m = _PAGE_PREFIX.match(line) if previous_blank else None
        previous_blank = False
        if m is None:
            continue
        number = int(m[1])
        if (expected is None and (starts is None or number in starts)) or number == expected:
            cuts[index] = Cut(0, m.end(), "page number")
            expected = number + 1
    return cuts


def _single_page(lines: list[str], cuts: dict[int, Cut]) -> bool:
    """One page number at the start of a transcript's first long paragraph."""
    return len(cuts) == 1 and all(len(lines[i]) > 200 for i in cuts)


PAGE_COLUMN = re.compile(r"\bSid(?:a|an|nr|\.)?(?!\w)")
"""A page column's header ("Sida", "Sid", "Sidnr")."""
_ROW = re.compile(r"^(?:§\s*)?\d{1,3}[.):]?\s+\S")
_ROW_PAGE = re.compile(r"\s(\d{1,3})$")
_HEADER_WORDS = 6
_TABLE_ROWS = 80
"""How many lines under its header row a page column is looked for in."""


@functools.cache
def _column_names() -> frozenset[str]:
    return frozenset(p.text.casefold() for p in load_vocabulary().phrases if p.cue == "column")


def column_header_row(line: str) -> bool:
    """Whether a line is a table's header row, its words column names of the
    vocabulary only ("Ärende Dnr Sida", "Nr Ärende Sid", "Ärenden")."""
    words = line.split()
    return 1 <= len(words) <= _HEADER_WORDS and all(w.casefold() in _column_names() for w in words)


def page_column(lines: list[str]) -> dict[int, Cut]:
    """The page numbers ending the rows of a table under a header row that names a
    page column ("Ärende Dnr Sida" over "3 Månadsrapport januari SN 2015/3 4"): each
    numbered row's last number, or its wrapped line's, in the lines that follow."""
    cuts: dict[int, Cut] = {}
    for head, line in enumerate(lines):
        if not (PAGE_COLUMN.search(line) and column_header_row(line)):
            continue
        open_row = False  # a row whose page number is still to come (its title wraps)
        for index in range(head + 1, min(len(lines), head + 1 + _TABLE_ROWS)):
            text = lines[index]
            row = _ROW.match(text)
            if not (row or open_row):
                continue
            m = _ROW_PAGE.search(text, row.end() if row else 0)
            if m:
                cuts[index] = Cut(m.start(1), m.end(1), "page number")
            open_row = row is not None and m is None
    return cuts


_GLUED = re.compile(
    r"(?=[A-ZÅÄÖ(\d])(?:"  # what follows each of them (a quick test at most places)
    r"(?<=[a-zåäöé]{2})(?=[A-ZÅÄÖ][a-zåäöé]{2})"
    r"|(?<=[A-ZÅÄÖ]{3})(?=[A-ZÅÄÖ][a-zåäöé]{2})"
    r"|(?<=[)\d])(?=[A-ZÅÄÖ][a-zåäöé]{2})"
    r"|(?<=[\w.])(?=\((?:[A-ZÅÄÖa-zåäö]|\d{1,2}:))"
    r"|(?<=[a-zåäö])(?=\d{4}-\d{2}-\d{2})"
    r")"
)
"""Where a transcript ran two words together: "KommunstyrelsenSammanträdesdatum",
"PROTOKOLLKommunstyrelsen", "(S)Dennis", "133Rose-Marie", "11:30(ajournering",
"sekrUtses"."""


def deglue(line: str) -> str:
    """``line`` with a space where a transcript ran two words together; never inside a
    double given name written as one word ("JanAnders", "RosMarie")."""
    return _GLUED.sub(lambda m: "" if _double_given_name(line, m.start()) else " ", line)


_LETTERS_BEFORE = re.compile(r"[A-ZÅÄÖa-zåäöé]+$")
_LETTERS_AFTER = re.compile(r"[A-ZÅÄÖa-zåäöé]+")


def _double_given_name(line: str, at: int) -> bool:
    before = _LETTERS_BEFORE.search(line, max(0, at - 20), at)
    after = _LETTERS_AFTER.match(line, at)
    if before is None or after is None:
        return False
    names = given_names()
    return before[0].casefold() in names and after[0].casefold() in names


_HEADER_WORDS = 4
_LOCAL_SHAPE = re.compile(LOCAL_PREFIX)


def running_header(lines: list[str], pages: list[int]) -> str | None:
    """The running header a transcript glues to the start of each page ("Socialnämnden
    (27) SN 13 …", "Sammanträdesprotokoll 25 Ändring …"): the words (at most four, no
    label with a colon) that at least two pages start with. A prefix of an item
    number ("KF" in "Kommunfullmäktige KF 170") is not part of it."""
    groups: dict[str, list[list[str]]] = {}
    for index in pages:
        words = lines[index].split()
        if words:
            groups.setdefault(words[0], []).append(words)
    best = max(groups.values(), key=len, default=[])
    if len(best) < 2:
        return None
    size = 0
    while (
        size < _HEADER_WORDS
        and all(len(words) > size + 1 for words in best)
        and len({words[size] for words in best}) == 1
    ):
        size += 1
    if (
        size
        and all(re.fullmatch(r"\d+[.:]?", words[size]) for words in best)
        and _LOCAL_SHAPE.fullmatch(best[0][size - 1])
    ):
        size -= 1
    header = " ".join(best[0][:size])
    # a header has a word: never a § that starts each page's first item ("§ 45 …", "§ 47 …")
    return header if size and ":" not in header and re.search(r"[^\W\d_]", header) else None
