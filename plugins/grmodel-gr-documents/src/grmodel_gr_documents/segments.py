"""Segmentation independent of line breaks: the stream as a flat sequence of typed
segments with spans.

Two kinds of marker cut the stream. *Item starts* ("§ 38.", "§24", "3.", "Punkt 4",
"Sn 49", a number whose § a transcript lost) are found by their numbering: a § at
a line's start or after a sentence; a plain number at a line's start, or inside a
line only where it is the next number expected. *Vocabulary hits* (headings,
labels, closing markers: :mod:`~grmodel_gr_documents.vocabulary`) are found
anywhere in the region before the first item and in the closing. Each marker's
segment runs to the next marker; the text before the first is the *title*.
(Where an item's title ends: :mod:`~grmodel_gr_documents.titles`; tables of
contents: :mod:`~grmodel_gr_documents.toc`.)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import attrs

from grmodel_gr_documents.bodies import BODY_WORD
from grmodel_gr_documents.scanned import misread_paragraphs
from grmodel_gr_documents.stream import Stream
from grmodel_gr_documents.titles import item_heading
from grmodel_gr_documents.vocabulary import Hit, Vocabulary, load_vocabulary

__all__ = [
    "ItemStart",
    "TextSegment",
    "find_item_starts",
    "listed_items",
    "segment",
]


@attrs.frozen
class TextSegment:
    """A typed piece of the stream."""

    cue: str
    """``title``, or a vocabulary cue (``attendance``, ``label``, ``justerare``,
    ``closing``, ``signature``, ``toc``)."""
    meaning: str
    """The phrase's meaning (``present``, ``time``, …); ``""`` for the title."""
    head: str
    """The marker as written."""
    value: str
    """The text after the marker, up to the next one."""
    start: int
    """Stream offset of the marker."""
    value_start: int
    """Stream offset of the value."""
    end: int
    """Stream offset after the value."""


def segment(
    stream: Stream,
    vocabulary: Vocabulary,
    cues: Sequence[str],
    start: int = 0,
    end: int | None = None,
) -> list[TextSegment]:
    """The region ``start..end`` of the stream as segments at the vocabulary hits of
    ``cues``; the text before the first hit is a ``title`` segment."""
    stop = len(stream.text) if end is None else end
    hits = vocabulary.find(stream.text, cues, start, stop)
    out: list[TextSegment] = []
    first = hits[0].start if hits else stop
    if stream.text[start:first].strip():
        out.append(TextSegment("title", "", "", stream.text[start:first], start, start, first))
    for index, hit in enumerate(hits):
        following = hits[index + 1].start if index + 1 < len(hits) else stop
        out.append(_from_hit(stream.text, hit, following))
    return out


def _from_hit(text: str, hit: Hit, end: int) -> TextSegment:
    head = text[hit.start : hit.end]
    return TextSegment(
        hit.phrase.cue, hit.phrase.meaning, head, text[hit.end : end], hit.start, hit.end, end
    )


# --- items -------------------------------------------------------------------------

_PARAGRAPH = re.compile(r"(?<!§)§\s*(?P<n>\d{1,4})(?![\d-])\s*[.:)]?\s+(?=[A-ZÅÄÖ\"”„'(]|\d{4})")
"""A § item: "§ 38.", "§24", "§ 3:"."""
_PARAGRAPH_AFTER = re.compile(r"(?m)^(?P<n>\d{1,4})\s*§\s+(?=[A-ZÅÄÖ\"”„'(])")
"""A § written after its number at a line's start ("53 § Sammanträdets öppnande")."""
_LOCAL_SHAPE = (
    r"(?P<prefix>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4})\s+§?\s*(?P<n>\d{1,4})(?P<year>/\d{2,4})?"
    r"[.:]?\s+(?=[A-ZÅÄÖ]|\d{2}/[A-ZÅÄÖ])(?!(?P=prefix)\b)"
)
_LOCAL = re.compile(rf"(?m)^{_LOCAL_SHAPE}")
"""A § with a local prefix at a line's start ("Sn 49", "KS § 12", "KS 353/2008"); not
where the prefix follows again ("KF 30 KF KF Nr Ledamot": a voting table's columns)."""
_LOCAL_AFTER_NAME = re.compile(rf"(?<=[a-zåäö] ){_LOCAL_SHAPE}")
"""A § with a local prefix after a page's running header, its body's name last
("… Kommunfullmäktige Kf 88 Anmälda förhinder")."""
_NUMBERED = re.compile(
    r"(?:(?<![\w§.,:/-])(?P<n>\d{1,3})(?P<p>[.)])?|\b[Pp]unkt\s+(?P<q>\d{1,3})[.):]?)\s+"
    r"(?=[A-ZÅÄÖ\"”„(]|[A-ZÅÄÖ]{2,}:)"
)
"""A numbered item: "3.", "3)", "3 " before a capital, "Punkt 3"."""
NUMBER_MARKS = r"(?:[•*][ \t]*)?(?:\d{1,3}[.)][ \t]*)*"
"""What may stand before an item's number on a line of its own list: a bullet, a
section's own count ("• 12.", "1. 4.")."""
_SECOND = re.compile(r"(?<![\w§.,:/-])2[.)]\s+[A-ZÅÄÖ]")
"""A "2." after a run-on "1.": the start of a numbered list inside a line."""
_POINTER = re.compile(r"(?i)(?<![\w.@/-])(?:se|jfr|enl\.?|enligt)\s+(?:§§?\s*)?\Z")
"""A pointer's words before a number ("Se 83", "jfr § 12"): the number names a
paragraph, it starts none (not an address's ".se" before it: "…@lysekil.se 8. …")."""
_POINTER_REACH = 12
_PARAGRAPH_COLUMN = re.compile(r"(?m)^[ \t]*§§[ \t]*$")
"""A table's "§§" column header on its own line: a table one cell a paragraph ("Dnr /
§§ / Ärenden / 2001.653-543 Ks / 44 / Svar på motion …")."""
_COLUMN_REACH = 300
_ROW_ENTRY = re.compile(
    r"[A-ZÅÄÖ][\wåäöéü-]+(?:\s+[A-ZÅÄÖ][\wåäöéü-]+){1,3}\s*\((?:[A-ZÅÄÖ]{1,3}|[a-zåäö]{1,3})\)"
)
"""A person's entry with a party after a number: a numbered table's row, no item."""
_OFFICIAL_BEFORE = re.compile(r"[A-ZÅÄÖ][\w-]+\s+\((?!bilag)[a-zåäö][^()\n]{1,40}\)\s*\Z")
"""An official's name and role before a number ("Eva Ek (ekonomichef) 72"): the
number names the paragraphs the official attended, it starts none."""
_OFFICIAL_REACH = 60
_AFTER_SENTENCE = re.compile(r"(?:[.!?:)”\"]|\(bilaga\)|\(bilagor\))\s*$")


@attrs.frozen
class ItemStart:
    """Where an item (a § or numbered agenda point) starts."""

    start: int
    """Stream offset of its number."""
    end: int
    """Stream offset after the number (where the title starts)."""
    number: str
    """The number as written ("§ 38.", "3.")."""
    value: int
    """The number."""
    paragraph: bool
    """True for a § (or its local-prefix form)."""


def _paragraphs(stream: Stream) -> list[ItemStart]:
    out = []
    for m in _PARAGRAPH.finditer(stream.text):
        before = stream.before(m.start())
        start: int | None = m.start()
        if before.strip() and not _AFTER_SENTENCE.search(before):
            start = _prefixed(stream, m)
        if start is None:
            continue
        out.append(
            ItemStart(start, m.end(), stream.text[start : m.end()].strip(), int(m["n"]), True)
        )
    if not out:
        out = [
            ItemStart(m.start(), m.end(), m[0].strip(), int(m["n"]), True)
            for m in _PARAGRAPH_AFTER.finditer(stream.text)
        ]
    return out


_UPPER_PREFIX = re.compile(r"(?<![\w-])[A-ZÅÄÖ]{2,5}\s*$")


def _prefixed(stream: Stream, m: re.Match[str]) -> int | None:
    """Where a § starts that follows its body's abbreviation in capitals, itself at a
    line's start or after a sentence ("MYN § 19 Dnr …"); ``None`` for any other §."""
    prefix = _UPPER_PREFIX.search(stream.before(m.start(), 8))
    if prefix is None:
        return None
    at = m.start() - (prefix.endpos - prefix.start())
    if stream.line_start(at) or _AFTER_SENTENCE.search(stream.before(at)) is not None:
        return at
    return None


def _ends_a_name(word: str) -> bool:
    """Whether ``word`` ends a body's name: capitalised, or a body's kind ("Tekniska
    nämnden")."""
    return word[:1].isupper() or BODY_WORD.search(word) is not None


def _local(stream: Stream) -> list[ItemStart]:
    """Items under a local prefix: one the vocabulary knows ("KF", "SN", "Mbhn"), or
    any prefix written before two or more numbers; never a diarienummer's year. Inside
    a line, only a prefix the vocabulary knows, right after the body's name
    ("Kommunstyrelsen KS 235 …", "Tekniska nämnden TN 2 09/TN 0044 …")."""
    vocabulary = load_vocabulary()
    inline = [
        m
        for m in _LOCAL_AFTER_NAME.finditer(stream.text)
        if vocabulary.lookup("prefix", m["prefix"]) is not None
        and not m["year"]  # "Protokoll Mn 87/2014": the protocol's own number
        and _ends_a_name(stream.before(m.start()).split()[-1])
    ]
    found = sorted([*_LOCAL.finditer(stream.text), *inline], key=lambda m: m.start())
    found = [m for m in found if not (m["year"] and int(m["n"]) >= 1900)]
    prefixes = [m["prefix"] for m in found]
    return [
        ItemStart(m.start(), m.end(), m[0].strip(), int(m["n"]), True)
        for m in found
        if prefixes.count(m["prefix"]) >= 2 or vocabulary.lookup("prefix", m["prefix"]) is not None
    ]


def _titled(stream: Stream, m: re.Match[str], titles: dict[int, str], value: int) -> bool:
    """A number a table of contents lists, followed by its title there (a § the
    transcript lost: "… SAMMANTRÄDESPROTOKOLL 35 Information 1) …")."""
    title = titles.get(value)
    following = stream.text[m.end() : m.end() + len(title or "") + 1]
    return bool(title) and following.casefold().startswith(str(title).casefold()[:40])


_RUN = 3
"""Numbers in a row that make a list even where nothing else marks them."""
_RUN_REACH = 1500
"""How far (characters) the next number of a run may be from the one before."""


def _run_ahead(
    stream: Stream, found: Sequence[re.Match[str]], index: int, length: int = _RUN
) -> bool:
    """Whether the number of ``found[index]`` is followed by the ``length - 1`` next
    numbers, in order, each within reach of the one before and on the line of its
    title, all written alike ("274 Inledning … 275 Kungörelse … 276 Justering": a
    list whose § the transcript lost). Page numbers are no run: numbers that all
    start their lines, or one starting a page's line, or come after one repeated
    capitalised word or a document's kind ("PROTOKOLL 2 … PROTOKOLL 3"), or before a
    page count ("2 (15)")."""
    first = found[index]
    run, want = [first], _value(first) + 1
    for m in itertools.islice(found, index + 1, None):
        if m.start() - run[-1].end() > _RUN_REACH or len(run) == length:
            break
        if _value(m) == want:
            run.append(m)
            want += 1
    if len(run) < length or len({m["p"] for m in run}) > 1:
        return False
    later = itertools.islice(found, index + 1, None)
    if any(
        _value(m) == _value(first) for m in itertools.takewhile(lambda m: m is not run[1], later)
    ):
        return False  # "… 72 Eva Ek (ekonom) 72 …": paragraph references, repeated
    text = stream.text
    cells = _PARAGRAPH_COLUMN.search(text, max(0, first.start() - _COLUMN_REACH), first.start())
    if any(("\n" in m[0] and not cells) or _PAGE_COUNT.match(text, m.end()) for m in run):
        return False  # a number on its own line is a page's, but in a "§§" column
    words = [(stream.before(m.start()).split() or [""])[-1] for m in run]
    vocabulary = load_vocabulary()
    if any(word[:1].isupper() and vocabulary.lookup("kind", word) for word in words):
        return False  # a page's running header ("PROTOKOLL 2"; not "… dagens protokoll 4")
    if any(
        stream.line_at(m.start()) in stream.page_starts and stream.line_start(m.start())
        for m in run
    ):
        return False  # a page's number, its page prefix cut
    if all(stream.line_start(m.start()) for m in run):
        # one per line: a list of titles, unless the lines are pages of text
        return all(len(stream.line(m.start())) <= _LIST_LINE for m in run)
    # one word repeated before each: a running header's ("Sida 2 … Sida 3"), unless
    # in lower case, a decision's formula ("… till dagens protokoll 48 …")
    return len(set(words)) > 1 or words[0][:1].islower()


_PAGE_COUNT = re.compile(r"\(\d{1,3}\)")
_LIST_LINE = 250
"""The longest line an item of a one-per-line list takes (a page's text is longer)."""


def _value(m: re.Match[str]) -> int:
    return int(m["n"] or m["q"])


def _numbered(stream: Stream, start: int, expected: dict[int, str]) -> list[ItemStart]:
    """Numbered items from ``start``: a number at a line's start that goes on the
    count (or skips ahead), or inside a line the next number expected; anywhere, a
    number that starts a run of the next numbers. Once two items are numbered
    alike ("1 …", "2 …"), a number written otherwise ("3." of a list inside an
    item) is no item, unless a table of contents lists it."""
    known = set(expected)
    hits = load_vocabulary().find(stream.text, ["attendance", "label"], 0, start + 20000)
    front = hits[0].start if hits else len(stream.text)  # where a protocol's front shows
    found = list(_NUMBERED.finditer(stream.text, start))
    out: list[ItemStart] = []
    previous: int | None = None
    in_run = False  # the items so far are a run of bare numbers (or filed: "1 Dnr …")
    styles: list[str | None] = []
    for index, m in enumerate(found):
        value = _value(m)
        style = "punkt" if m["q"] is not None else m["p"]
        alike = len(styles) >= 2 and styles[-1] == styles[-2]
        if alike and styles[-1] != style and not _titled(stream, m, expected, value):
            continue
        if _POINTER.search(stream.text, max(0, m.start() - _POINTER_REACH), m.start()):
            continue  # "Övriga deltagande Se 83": a pointer to a paragraph
        if m["p"] is None and _OFFICIAL_BEFORE.search(
            stream.text, max(0, m.start() - _OFFICIAL_REACH), m.start()
        ):
            continue  # "Eva Ek (ekonom) 72": her paragraph, not "… (sluten del) 13. …"
        if _ROW_ENTRY.match(stream.text, m.end()):
            continue  # "1 Roger Hansson (S) X X": a table's row of a person, no item
        at_line = stream.line_start(m.start())
        before = stream.before(m.start())
        filed = _FILED.match(stream.text, m.end()) is not None
        marked = m["p"] is not None or m["q"] is not None or filed
        if _titled(stream, m, expected, value) and (previous is None or value > previous):
            ok = True
        elif previous is None:
            ok = (
                (m["p"] is None and m.start() > front and _page_head(stream, m))
                or (
                    (at_line or _AFTER_SENTENCE.search(before) is not None)
                    and (value in known or value == 1 or (at_line and m["p"] is not None))
                )
                or (
                    value == 1
                    and m["p"] is not None
                    and _SECOND.search(stream.text, m.end(), m.end() + 400) is not None
                )
                or (value == 1 and filed and _filed_next(stream, found, index))
            )
            in_run = (not ok and _run_ahead(stream, found, index)) or (ok and filed)
            ok = ok or in_run
        elif value == previous + 1 and (in_run or _run_ahead(stream, found, index, 2)):
            ok = True
        elif previous < value <= previous + _PAGE_GAP and m["p"] is None and _page_head(stream, m):
            ok = True  # a page's first item after its running header, numbers lost before
        elif at_line:
            ok = value == previous + 1 or (
                previous < value <= previous + 3
                and (marked or _page_head(stream, m) or _run_ahead(stream, found, index, 2))
            )
        elif _skips_alike(m, styles, previous):
            ok = True  # "6. … 11. Val … 13. …": a run-on list whose numbers were lost
        else:
            ok = (value == previous + 1 or (filed and previous < value <= previous + 3)) and (
                marked or _AFTER_SENTENCE.search(before) is not None or value in known
            )
        if ok:
            out.append(ItemStart(m.start(), m.end(), m[0].strip(), value, False))
            previous = value
            styles.append(style)
    return out


def _skips_alike(m: re.Match[str], styles: list[str | None], previous: int) -> bool:
    """Whether a number inside a line goes on a list of numbers marked alike ("4. …
    5. …"), skipping the few whose numbers a transcript lost ("6. … 11. …"): marked
    the same way as the three items before it, and at most a page's worth ahead."""
    marks = styles[-3:]
    return (
        m["p"] is not None
        and len(marks) == 3
        and all(mark == m["p"] for mark in marks)
        and previous + 1 < _value(m) <= previous + _PAGE_GAP
    )


_FILED = re.compile(r"(?i:dnr|diarienr)\b")
"""A diarienummer's label right after an item's number ("1 Dnr 2011/23 Budget", its value
often lost: "3 Dnr MÅNADSUPPFÖLJNING"): the number is an item's."""


def _filed_next(stream: Stream, found: Sequence[re.Match[str]], index: int) -> bool:
    """Whether a later number within reach, a few on, is filed the same way."""
    first = found[index]
    return any(
        _value(m) <= _value(first) + 3
        and m.start() - first.end() <= _RUN_REACH
        and _FILED.match(stream.text, m.end()) is not None
        for m in itertools.islice(found, index + 1, index + 6)
    )


_HEAD_DNR = re.compile(r"[A-ZÅÄÖ]{2,}[\w.]*[/-]\d{2,4}(?:[:.-]\d{1,5})*")
"""A diarienummer standing before an item's number at a page's head ("KSKF/2014:1")."""
_HEAD_PAGE = re.compile(r"(?:[A-ZÅÄÖ][\wåäö-]*\s+){1,5}(?:\d{1,3}\s*)?\(\s*\d{1,3}\s*\)")
"""A page's running header with its page count, on a fragment's one page ("Kommunfullmäktige
(27)", "KOMMUNSTYRELSENS ARBETSUTSKOTT KALLELSE SIDA 2 (4)")."""
_PAGE_GAP = 9
"""The most item numbers a page's first item may skip (their numbers lost on the page
before)."""


def _page_head(stream: Stream, m: re.Match[str]) -> bool:
    """Whether a bare number starts a page's text (its page number and running header
    cut), or follows only a diarienummer there: a protocol that starts each § on a
    new page, the § lost ("301 Upprop", "KSKF/2014:1 235 Val till …"). (Only after
    the front's first heading or label: a number before it is no item; nor one
    before a kind word or a label, "11 Hultsfreds kommun SAMMANTRÄDESPROTOKOLL": a
    page's header.)"""
    if stream.line_at(m.start()) not in stream.page_starts:
        return False
    head = stream.text[stream.line_begin(m.start()) : m.start()].strip()
    if head and _HEAD_DNR.fullmatch(head) is None and _HEAD_PAGE.fullmatch(head) is None:
        return False
    return not load_vocabulary().find(stream.text, _PAGE_HEADER_CUES, m.end(), m.end() + 60)


_PAGE_HEADER_CUES = ("kind", "label", "attendance")


_LISTED_LINE = re.compile(r"(?m)^(?P<n>\d{1,3})[ \t]+(?P<t>[A-ZÅÄÖ][^\n]{1,250})$")


def listed_items(stream: Stream) -> list[tuple[int, str, int]]:
    """A meeting page's list of its items before its § paragraphs ("1 Sammanträdets
    öppnande" … "16 Nämndens frågor", then "§1 Sammanträdets öppnande …"): the list
    is the page's table of contents, (number, title, offset of its last line); three
    numbered lines or more, the numbers going up (a few lost between)."""
    paragraphs = _paragraphs(stream)
    if not paragraphs:
        return []
    entries: list[tuple[int, str, int]] = []
    for m in _LISTED_LINE.finditer(stream.text, 0, paragraphs[0].start):
        number = int(m["n"])
        if entries and not 0 < number - entries[-1][0] <= 3:
            continue
        title = item_heading(m["t"])[0].strip(" .")
        entries.append((number, title, m.start()))
    if len(entries) < 3:
        return []
    last = entries[-1][2]
    return [(number, title, last) for number, title, _ in entries]


def find_item_starts(
    stream: Stream, start: int = 0, expected: dict[int, str] | None = None
) -> list[ItemStart]:
    """The items of a document, in order.

    § items win where there are any (plain numbers are then points inside them);
    else a scanned document's § its OCR misread; else a local prefix repeated ("Sn
    49"); else numbered items as counted.
    """
    paragraphs = [i for i in _paragraphs(stream) if i.start >= start]
    if paragraphs:
        return paragraphs
    misread = [  # a scanned document's § read as "s1", "$2", "53"
        ItemStart(at, end, f"§ {value}", value, True)
        for at, end, value in misread_paragraphs(stream)
        if at >= start
    ]
    if misread:
        return misread
    local = [i for i in _local(stream) if i.start >= start]
    if local:
        return local
    return _numbered(stream, start, expected or {})
