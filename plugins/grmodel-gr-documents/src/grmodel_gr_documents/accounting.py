"""Which placed lines reached a record.

A reader marks the lines it reads as placed (:meth:`Tracker.place
<grmodel_gr_documents.lines.Tracker.place>`); a line counts as placed in the
import's result only when something of it reached a record: one of its words is
in a field of a record made (the document record's own kept text — title, author,
notes … — included; the spans, the provenance and the text left unplaced not), or
the line holds nothing but headings and labels of the vocabulary ("Ledamöter",
"Justeras:", "Plats") and the marks of a table ("x"), whose meaning, not their
words, is in the records (an attendance status, a field). A line a reader took
whose words reached nothing is unplaced text, kept in ``document.unplaced`` like
any other.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from typing import cast

import attrs

from grmodel.model import Document, Provenance, Record, Span
from grmodel.refdata import ReferenceData
from grmodel_gr_documents.lines import Tracker
from grmodel_gr_documents.vocabulary import load_vocabulary

__all__ = ["NOT_STRUCTURE", "record_words", "unreached"]

NOT_STRUCTURE = frozenset({"nonname", "verb", "prose"})
"""Cues of the vocabulary whose phrases are words of running text, not the
document's structure (the other cues are its headings, labels and markers)."""


_WORD = re.compile(r"[^\W\d_]+|\d+")
"""A word: letters, or digits ("1november2012" is three words, as a date glued by
extraction damage reads)."""
_NOT_TEXT = frozenset({"unplaced", "dropped", "cut", "source_file", "line_count"})
"""Fields of a record that hold no text read into it: the text not placed (a
document's unplaced, dropped and cut segments), the source file's name, a count."""


def _word(word: str) -> str:
    return word.lstrip("0") or "0" if word[0].isdigit() else word


def _reaches(text: str, known: set[str]) -> bool:
    """Whether one of the words of ``text`` is ``known`` (read up to the first that is)."""
    return any(_word(m[0]) in known for m in _WORD.finditer(text.casefold()))


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
    return {_word(word) for word in set(_WORD.findall("\n".join(texts).casefold()))}


def _structure_only(text: str) -> bool:
    """True when ``text`` has no word outside the vocabulary's structure phrases but
    single letters (the marks of a table: "x" under "Närvarande", "N", "J")."""
    vocabulary = load_vocabulary()
    cues = sorted({phrase.cue for phrase in vocabulary.phrases} - NOT_STRUCTURE)
    rest, end = [], 0
    for hit in vocabulary.find(text, cues):
        rest.append(text[end : hit.start])
        end = hit.end
    rest.append(text[end:])
    return all(len(word) == 1 and word.isalpha() for word in _WORD.findall(" ".join(rest)))


def unreached(
    tracker: Tracker,
    document: Document,
    records: Iterable[Record],
    refdata: ReferenceData | None = None,
) -> set[int]:
    """The placed lines of ``tracker`` (with the lines joined onto them) none of whose
    words reached ``document`` or ``records`` (:func:`record_words`), and which are
    not structure only."""
    known = record_words([document, *records], refdata)
    found: set[int] = set()
    for line in sorted(tracker.placed):
        text = tracker.text(line)
        if line in tracker.joined or not text:
            continue
        if not _reaches(text, known) and not _structure_only(text):
            found.add(line)
            found.update(tracker.continuations.get(line, ()))
    return found
