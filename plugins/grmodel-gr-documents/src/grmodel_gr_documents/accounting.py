"""Which placed lines reached a record, word by word.

A reader marks the lines it reads as placed (:meth:`Tracker.place
<grmodel_gr_documents.lines.Tracker.place>`); a line counts as placed in the
import's result only when each of its significant words reached a record: it is
in a field of a record made (the document record's own kept text — title, author,
notes … — included; the spans, the provenance and the text left unplaced not),
is a name of a body a record refers to ("Förbundsstyrelsen" for ``addressee:
gr-forbundsstyrelsen``), or stands in a heading or label of the vocabulary
("Ledamöter", "Justeras:", "Plats"), whose meaning, not its words, is in the
records. A word is a run of letters or of digits ("1november2012" is three); a
single letter is not significant (the marks of a table, "x" under "Närvarande",
"N", "J"; an ordinal's "1:e"; an initial). A number is: a date, an amount, a count
or a paragraph read reaches a record, and one that did not is not read. Page
numbers and markers are no words of a line here: they were cut from it
(``document.cut``) before any reader saw it.

A line a reader took of which a significant word reached nothing is unplaced text,
kept in ``document.unplaced`` like a line no reader took: the whole line when none
of its words reached a record, else only the words that did not, as written (runs
of them joined by " … "), with the reason :data:`WORDS_NOT_PLACED`.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import cast

import attrs

from grmodel.model import Document, PartialDate, Provenance, Record, Segment, Span
from grmodel.refdata import ReferenceData
from grmodel_gr_documents.lines import Tracker
from grmodel_gr_documents.vocabulary import load_vocabulary

__all__ = ["NOT_STRUCTURE", "WORDS_NOT_PLACED", "record_words", "unreached"]

WORDS_NOT_PLACED = "words not placed"
"""The reason of an unplaced segment that holds the words of a line that reached no
record where the line's other words did."""
NOT_STRUCTURE = frozenset({"nonname", "verb", "prose"})
"""Cues of the vocabulary whose phrases are words of running text, not the
document's structure (the other cues are its headings, labels and markers)."""


_WORD = re.compile(r"[^\W\d_]+|\d+")
"""A word: letters, or digits ("1november2012" is three words, as a date glued by
extraction damage reads)."""


def _word_list(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FUNCTION_WORDS = _word_list(
    """och i på av för till med om den det de dem en ett att som är var vara har hade
    vid från samt under efter inom enligt mot över utan än se då när där så eller men
    även också sig sin sitt sina ska skall kan får ej inte icke stället istället jämte"""
)
"""Words that carry no content of their own: Swedish conjunctions, prepositions,
articles, pronouns, auxiliary verbs and negations ("ej" as in "ej § 5" and "i
stället för" read as an attendance's meaning)."""
_DATE_WORDS = _word_list(
    """januari februari mars april maj juni juli augusti september oktober november
    december jan feb mar apr jun jul aug sep sept okt nov dec måndag tisdag onsdag
    torsdag fredag lördag söndag måndagen tisdagen onsdagen torsdagen fredagen lördagen
    söndagen kl klockan"""
)
"""The words of a date or a time as written around its numbers ("Torsdagen den 23
maj 2019 klockan 13.00"): the numbers say whether the date reached a record."""
_READ_AS_MEANING = _word_list(
    """ordf ers tjg tj ersätter ersättande tjänstgör tjänstgörande punkt sammanträde
    sammanträdet föreslås föreslår besluta beslutar"""
)
"""Words whose meaning, not their text, reached a record: attendance marks (a role,
a substitute, "punkt 3" an item attended), the meeting a protocol is of, and the
formula before a proposal's or a decision's clauses ("föreslås besluta att …")."""
_NOT_SIGNIFICANT = _FUNCTION_WORDS | _DATE_WORDS | _READ_AS_MEANING
"""Words (case-folded) whose place in no record loses nothing: a line is placed
without them."""
_NOT_TEXT = frozenset({"unplaced", "dropped", "cut", "source_file", "line_count"})
"""Fields of a record that hold no text read into it: the text not placed (a
document's unplaced, dropped and cut segments), the source file's name, a count."""


def _words(text: str) -> list[str]:
    return [
        word.lstrip("0") or "0" if word[0].isdigit() else word
        for word in _WORD.findall(text.casefold())
    ]


_FIELDS: dict[type, tuple[str, ...] | None] = {}
"""Per class, the fields of an attrs class that may hold text (``None``: not an
attrs class, or a span or provenance)."""


def _text_fields(cls: type) -> tuple[str, ...] | None:
    if cls not in _FIELDS:
        names = None
        if attrs.has(cls) and not issubclass(cls, Span | Provenance):
            fields = attrs.fields(cls)
            names = tuple(field.name for field in fields if field.name not in _NOT_TEXT)
        _FIELDS[cls] = names
    return _FIELDS[cls]


def _texts(value: object, out: set[str]) -> None:
    """Every text in a record's fields, nested values included (numbers, dates and
    enumeration values as written), into ``out``; spans and provenance left out."""
    kind = type(value)
    if value is None or kind is bool or kind is Span or kind is Provenance:
        return
    if kind is str:
        out.add(cast(str, value))
    elif kind is tuple or kind is list or kind is set or kind is frozenset:
        for item in cast(Iterable[object], value):
            _texts(item, out)
    elif kind is PartialDate:
        date = cast(PartialDate, value)
        out.add(str(date))
        if date.month is not None and date.day is not None:  # "190523", "20190523"
            out.add(f"{date.year % 100:02}{date.month:02}{date.day:02} {date}".replace("-", ""))
    elif (names := _text_fields(kind)) is not None:
        for name in names:
            _texts(getattr(value, name), out)
    elif isinstance(value, enum.Enum):
        out.add(str(value.value))
    elif isinstance(value, dict):
        for key, item in value.items():
            _texts(key, out)
            _texts(item, out)
    else:
        out.add(str(value))


def _body_names(body_id: str, refdata: ReferenceData) -> Iterator[str]:
    """The names of a body of the reference data and of the bodies above it."""
    seen: set[str] = set()
    body = refdata.bodies.get(body_id)
    while body is not None and body.id not in seen:
        seen.add(body.id)
        yield body.name
        yield from (name.name for name in body.names)
        body = refdata.bodies.get(body.parent) if body.parent else None


def record_words(records: Iterable[Record], refdata: ReferenceData | None = None) -> set[str]:
    """The words (case-folded, numbers without leading zeros) of every text in
    ``records``, and of the names of the bodies of ``refdata`` they refer to ("Till:
    Förbundsstyrelsen" reached the record as ``addressee: gr-forbundsstyrelsen``)."""
    texts: set[str] = set()
    for record in records:
        _texts(record, texts)
    if refdata is not None:
        texts.update(name for text in list(texts) for name in _body_names(text, refdata))
    return set(_words("\n".join(texts)))


def _fold(word: str) -> str:
    """A word as :func:`record_words` keeps it: case-folded, a number without its
    leading zeros."""
    return word.lstrip("0") or "0" if word[0].isdigit() else word.casefold()


def _significant(word: str, known: set[str]) -> bool:
    """Whether ``word`` is a significant word that is not ``known``."""
    if word.isdigit():
        return _fold(word) not in known
    if len(word) == 1:
        return False
    folded = word.casefold()
    return folded not in known and folded not in _NOT_SIGNIFICANT


def _structure(text: str, labels: Sequence[re.Pattern[str]]) -> list[tuple[int, int]]:
    """The spans of ``text`` that are headings, labels and markers of the vocabulary,
    or match one of a reader's ``labels``, in order."""
    vocabulary = load_vocabulary()
    spans = [(hit.start, hit.end) for hit in vocabulary.find(text, _structure_cues())]
    for label in labels:
        spans.extend(m.span() for m in label.finditer(text))
    return sorted(spans) if labels else spans


@functools.cache
def _structure_cues() -> tuple[str, ...]:
    return tuple(sorted({phrase.cue for phrase in load_vocabulary().phrases} - NOT_STRUCTURE))


def _missing(text: str, known: set[str], labels: Sequence[re.Pattern[str]]) -> list[re.Match[str]]:
    """The significant words of ``text`` that are not in ``known`` and stand in no
    structure phrase (linear: the vocabulary is searched only on a line with a word
    not known)."""
    rest = set(_WORD.findall(text.casefold())) - known - _NOT_SIGNIFICANT
    if not any(_significant(word, known) for word in rest):  # the common case, in C
        return []
    missing = [
        m
        for m in _WORD.finditer(text)
        if _significant(m[0], known) and not _LIST_MARK.match(text, m.start())
    ]
    if not missing:
        return missing
    spans = _structure(text, labels)
    if not spans:
        return missing
    kept, index, end = [], 0, -1
    for m in missing:
        while index < len(spans) and spans[index][0] <= m.start():
            end = max(end, spans[index][1])
            index += 1
        if m.start() >= end:
            kept.append(m)
    return kept


_LIST_MARK = re.compile(r"(?<![^\n])\d{1,2}[.)](?=\s)")
"""A numbered point's number at its line's start ("1. Motionen avslås"): the list's
structure, its order kept by the points' order in the record."""


def _runs(text: str, missing: list[re.Match[str]], words: list[re.Match[str]]) -> str:
    """The words ``missing`` of ``text`` as written: each run of them (no placed word
    between) from its first to its last, the runs joined by " … "."""
    starts = {m.start() for m in missing}
    runs: list[str] = []
    first: re.Match[str] | None = None
    last: re.Match[str] | None = None
    for m in words:
        if m.start() in starts:
            first = first or m
            last = m
        elif first is not None and last is not None and _significant(m[0], set()):
            runs.append(text[first.start() : last.end()])
            first = last = None
    if first is not None and last is not None:
        runs.append(text[first.start() : last.end()])
    return " … ".join(runs)


def unreached(
    tracker: Tracker,
    document: Document,
    records: Iterable[Record],
    refdata: ReferenceData | None = None,
    labels: Sequence[re.Pattern[str]] = (),
) -> dict[int, Segment | None]:
    """The placed lines of ``tracker`` (a line with lines joined onto it stands for
    them) with a significant word that did not reach ``document`` or ``records``
    (:func:`record_words`) nor stand in a structure phrase: line → ``None`` when no
    significant word of it reached a record (the whole line is unplaced), else the
    unplaced segment of the words that did not (:func:`_runs`,
    :data:`WORDS_NOT_PLACED`). ``labels``: a reader's own labels (matched on the
    line), structure as the vocabulary's phrases are."""
    known = record_words([document, *records], refdata)
    found: dict[int, Segment | None] = {}
    for line in sorted(tracker.placed):
        text = tracker.text(line)
        if line in tracker.joined or not text:
            continue
        missing = _missing(text, known, labels)
        if not missing:
            continue
        words = list(_WORD.finditer(text))
        if any(_fold(m[0]) in known for m in words if _significant(m[0], set())):
            last = max(tracker.continuations.get(line, [line]))
            span = Span(line, last if last > line else None)
            found[line] = Segment(
                span=span, text=_runs(text, missing, words), reason=WORDS_NOT_PLACED
            )
        else:
            found[line] = None
    return found
