"""The vocabulary: every heading, label and marker the importers read, as data.

The phrases live in ``data/vocabulary.tsv``, one row per phrase: its *cue* (what
kind of marker it is: an attendance heading, a header label, a closing marker, a
kind word, …), its *meaning* (the status an attendance heading gives, the field a
label fills, the kind a word names) and the phrase as written. A new variant is a
new row, never a new branch in the code.

A phrase is found anywhere in a line, its words separated by any white space (a
line break too), so that a heading at the end of one line or in the middle of a
run-on paragraph is found. To keep ordinary words in running text from being read
as headings, a phrase counts only when it is written capitalised or in capitals
("Närvarande", "NÄRVARANDE"), when a colon follows it ("närvarande:"), or when it
stands alone on its line; a row written in lower case (a heading as transcripts tear
it: "ande" for "Beslutande") is found as written anywhere, and a row ending in a
colon ("Ordförande:") only with its colon. Right after an entry's
party, a phrase followed by "för" and a name ("… Ersättare för Olle Nord") relates
two entries and heads nothing.

An attendance heading of eight letters or more is found with the letters an OCR
misreads too ("Näruarande", "Frânvarande", "Ovriga närvarande"): a scanned
protocol's headings are the same rows.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterable, Iterator
from importlib import resources

import attrs

from grmodel_gr_documents.patterns import alternation, finditer

__all__ = [
    "Hit",
    "Phrase",
    "Vocabulary",
    "alone_on_line",
    "extra_phrases",
    "finite_verb",
    "folded",
    "load_vocabulary",
    "parse_rows",
]


@attrs.frozen
class Phrase:
    """One row of the vocabulary."""

    cue: str
    """What kind of marker: ``attendance``, ``label``, ``justerare``, ``closing``,
    ``signature``, ``toc``, ``basis`` or ``kind``."""
    meaning: str
    """The status, field or kind the phrase stands for."""
    text: str
    """The phrase as written in the table (a colon at its end: found only with one)."""

    @property
    def written(self) -> str:
        """The phrase without the colon a row may end in."""
        return self.text.removesuffix(":").rstrip()

    @property
    def needs_colon(self) -> bool:
        """A row ending in a colon ("Ordförande:") is found only with its colon: the
        word alone is too common to head anything."""
        return self.text.endswith(":")


@attrs.frozen
class Hit:
    """A phrase found in a text."""

    start: int
    """Offset of the phrase."""
    end: int
    """Offset after the phrase and a colon after it."""
    phrase: Phrase
    """The row found (of the cues asked for; the longest phrase wins)."""
    colon: bool
    """True when a colon follows the phrase."""


LOCAL_PREFIX = r"[A-ZÅÄÖ][A-Za-zåäö]{0,5}"
"""The shape of a body's local prefix of its paragraph numbers ("KF", "Sn", "Mbhn"),
as written before a number where no ``prefix`` row names it."""


def folded(text: str) -> str:
    """``text`` compared as a phrase is: any case, any spacing."""
    return " ".join(text.split()).casefold()


class Vocabulary:
    """Phrases by cue, with one compiled matcher per set of cues."""

    def __init__(self, phrases: Iterable[Phrase]):
        self.phrases: tuple[Phrase, ...] = tuple(phrases)
        self._by_key: dict[tuple[str, str], Phrase] = {}
        self._by_ocr: dict[tuple[str, str], Phrase] = {}
        for phrase in self.phrases:
            self._by_key.setdefault((phrase.cue, folded(phrase.written)), phrase)
            if _ocr_tolerant(phrase):
                self._by_ocr.setdefault((phrase.cue, _ocr_key(folded(phrase.written))), phrase)
        self._patterns: dict[frozenset[str], re.Pattern[str]] = {}

    def meanings(self, cue: str) -> set[str]:
        """Every meaning of a cue."""
        return {p.meaning for p in self.phrases if p.cue == cue}

    def _pattern(self, cues: frozenset[str]) -> re.Pattern[str]:
        pattern = self._patterns.get(cues)
        if pattern is None:
            texts = sorted(
                {folded(p.written) for p in self.phrases if p.cue in cues}, key=len, reverse=True
            )
            branches = [r"\s+".join(map(re.escape, t.split())) for t in texts]
            misread = {
                folded(p.written) for p in self.phrases if p.cue in cues and _ocr_tolerant(p)
            }
            branches += [
                b for t in sorted(misread, key=len, reverse=True) for b in _ocr_branches(t)
            ]
            body = alternation(branches)
            pattern = re.compile(rf"(?i)(?<![\w/]){body}(?![\w/])(?P<colon>[ \t]*:)?")
            self._patterns[cues] = pattern
        return pattern

    def find(
        self, text: str, cues: Iterable[str], start: int = 0, end: int | None = None
    ) -> list[Hit]:
        """Every phrase of ``cues`` in ``text[start:end]``, in order, by the rules above.

        Where a phrase belongs to several of the cues asked for, the first cue in
        ``cues`` order wins.
        """
        order = tuple(cues)
        hits: list[Hit] = []
        stop = len(text) if end is None else end
        for m in finditer(self._pattern(frozenset(order)), text, start, stop):
            written = m.group(0)[: m.start("colon") - m.start()] if m["colon"] else m.group(0)
            colon = m["colon"] is not None
            key = folded(written)
            phrase = next(
                (
                    found
                    for c in order
                    if (found := self._by_key.get((c, key)) or self._by_ocr.get((c, _ocr_key(key))))
                    is not None
                    and (colon or not found.needs_colon)
                ),
                None,
            )
            if phrase is None:
                continue
            as_listed = phrase.text[:1].islower() and written == phrase.written
            if not (
                colon
                or as_listed
                or written[:1].isupper()
                or alone_on_line(text, m.start(), m.end())
            ):
                continue
            after_entry = _AFTER_ENTRY.search(text, max(0, m.start() - 4), m.start())
            if not colon and after_entry and _RELATION.match(text, m.end()):
                continue  # "Eva Ek (M) Ersättare för Olle Nord": a serving mark in a run
            hits.append(Hit(m.start(), m.end(), phrase, colon))
        return hits

    def without(self, text: str, cues: Iterable[str]) -> str:
        """``text`` with every phrase of ``cues`` in it cut out (:meth:`find`)."""
        for hit in reversed(self.find(text, cues)):
            text = text[: hit.start] + text[hit.end :]
        return text

    def lookup(self, cue: str, text: str) -> Phrase | None:
        """The row of ``cue`` whose phrase ``text`` is (any case, any spacing)."""
        return self._by_key.get((cue, folded(text.rstrip(" :"))))


_OCR_LEAST = 8
"""The fewest letters of a phrase found with OCR misreadings: shorter ones would
match ordinary words."""
_MISREAD = {"v": ("v", "u"), "å": ("a", "âáà"), "ä": ("a", "âáà"), "ö": ("o", "ôóò")}
"""A phrase's letters an OCR misreads: the plain letter it is compared as, and what
else the OCR writes for it ("Näruarande", "Frânvarande", "Ovriga")."""
_OCR_KEY = str.maketrans(
    {c: plain for letter, (plain, misread) in _MISREAD.items() for c in letter + misread}
)


def _ocr_tolerant(phrase: Phrase) -> bool:
    return phrase.cue == "attendance" and sum(c.isalpha() for c in phrase.written) >= _OCR_LEAST


def _ocr_key(text: str) -> str:
    """``text`` with the letters an OCR confuses made one ("näruarande" → "narvarande")."""
    return text.translate(_OCR_KEY)


def _ocr_branches(text: str) -> list[str]:
    """Regex branches for ``text`` (folded) as an OCR may have read it; the first
    letter stays literal (so the alternation is grouped by it), as written or without
    its dots and ring ("Ovriga")."""
    rest = "".join(_ocr_class(c) for c in text[1:])
    firsts = dict.fromkeys([text[0], _MISREAD.get(text[0], (text[0], ""))[0]])
    return [re.escape(first) + rest for first in firsts]


def _ocr_class(letter: str) -> str:
    """A letter of a phrase as a regex that takes its misreadings too."""
    if letter == " ":
        return r"\s+"
    if letter not in _MISREAD:
        return re.escape(letter)
    plain, misread = _MISREAD[letter]
    return "[" + "".join(dict.fromkeys(letter + misread + plain)) + "]"


_RELATION = re.compile(r"[ \t]+för[ \t]+[A-ZÅÄÖ][\wåäöé-]+[ \t]+[A-ZÅÄÖ][\wåäöé-]+")
"""A phrase followed by "för" and a person's name ("… för Olle Nord")."""
_AFTER_ENTRY = re.compile(r"\)[ \t,]*\Z")
"""An entry's party just before ("Eva Ek (M) Ersättare för …"): the phrase relates
two entries of a run; it heads nothing."""


def alone_on_line(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands alone on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" \t:")


def parse_rows(table: str) -> list[Phrase]:
    """The rows of a table in ``vocabulary.tsv``'s format."""
    return list(_rows(table))


def _rows(table: str) -> Iterable[Phrase]:
    for number, line in enumerate(table.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or not all(c.strip() for c in cells):
            raise ValueError(f"vocabulary.tsv:{number}: expected 'cue<TAB>meaning<TAB>phrase'")
        yield Phrase(cells[0].strip(), cells[1].strip(), cells[2].strip())


_EXTRA: list[Phrase] = []


_PAST = re.compile(r"[a-zåäö]{2,}(?:ade|ades)")


def finite_verb(word: str) -> bool:
    """Whether ``word`` is a finite verb that, after its subject, starts an item's
    text ("Ordföranden förklarade …", "Regionstyrelsen utser …"): a row of the
    ``verb`` cue, or any past tense in -ade."""
    bare = word.strip(",.;:").casefold()
    return load_vocabulary().lookup("verb", bare) is not None or _PAST.fullmatch(bare) is not None


@functools.cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the plugin (read once), with any rows added by
    :func:`extra_phrases`."""
    table = resources.files("grmodel_gr_documents").joinpath("data/vocabulary.tsv")
    return Vocabulary([*_rows(table.read_text(encoding="utf-8")), *_EXTRA])


@contextlib.contextmanager
def extra_phrases(table: str) -> Iterator[Vocabulary]:
    """Read with rows added to the vocabulary (a local variant tried before it goes
    into ``vocabulary.tsv``): ``with extra_phrases("attendance\tpresent\tPå plats"):``."""
    rows = parse_rows(table)
    _EXTRA.extend(rows)
    load_vocabulary.cache_clear()
    try:
        yield load_vocabulary()
    finally:
        del _EXTRA[len(_EXTRA) - len(rows) :]
        load_vocabulary.cache_clear()
