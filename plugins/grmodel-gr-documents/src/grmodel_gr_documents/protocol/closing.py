"""Justerare and the closing block: who justerar, when and where, who signed.

The closing ("Vid protokollet … Justeras …" after the last item, or a
municipality's signature box on the first page: "Underskrifter Sekreterare X
Ordförande Y Justerande Z") gives the secretary, the signatories and the
justering date; a justering date is never the meeting's date.
"""

from __future__ import annotations

import re

import attrs

from grmodel.model import PartialDate
from grmodel.refdata import ReferenceData
from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.dates import find_dates
from grmodel_gr_documents.decisions import justerare_names, sentences
from grmodel_gr_documents.entries import iter_names
from grmodel_gr_documents.names import is_person_name, parse_role
from grmodel_gr_documents.segments import TextSegment
from grmodel_gr_documents.stream import Stream
from grmodel_gr_documents.vocabulary import Hit, load_vocabulary

__all__ = ["ClosingReader"]

_BLOCK_HEADS = ("secretary", "justeras")
"""The closing markers' meanings that head names in the closing block (the vocabulary's
``closing`` rows: "Vid protokollet", "Vid pennan" the secretary's, "Justeras" the
signatories')."""
_ROLE_LINE = re.compile(
    r"(?i)^(?:justerare|justerande|justeras|sekreterare|beredningsansvarig|ordförande|"
    r"vid\s+protokollet)\s*:?$"
)
_DOTS = re.compile(r"[._]{3,}")


def _is_role_word(text: str) -> bool:
    return parse_role(text) is not None or bool(_ROLE_LINE.match(text.strip()))


@attrs.define
class ClosingReader:
    """Collects justerare, signatories, secretary and the justering date."""

    b: Builder
    stream: Stream
    justerare: list[str] = attrs.field(factory=list)
    justerare_line: int | None = None
    signatories: list[str] = attrs.field(factory=list)
    secretary: str | None = None
    chair: str | None = None
    date: PartialDate | None = None
    date_line: int | None = None
    place: str | None = None
    block_line: int | None = None

    @property
    def refdata(self) -> ReferenceData:
        return self.b.refdata

    def names_in(self, text: str, line: int) -> list[str]:
        """Person ids of the names in ``text`` (made on first sight)."""
        return [self.b.person(name, line) for name in iter_names(text, self.refdata)]

    # -- justerare -----------------------------------------------------------------

    def justerare_from(self, text: str, line: int) -> bool:
        """Justerare named in a sentence or a heading's value."""
        names = justerare_names(text)
        if names is None:
            names = text if _names_only(text) else None
        if not names:
            return False
        ids = self.names_in(names, line)
        if not ids:
            return False
        for pid in ids:
            if pid not in self.justerare:
                self.justerare.append(pid)
        if self.justerare_line is None:
            self.justerare_line = line
        self.b.tracker.place(line)
        return True

    def justerare_segment(self, segment: TextSegment, following: TextSegment | None) -> None:
        """A justerare heading ("Utses att justera"): the names under it, or, where a
        flattened table put another label between ("Utses att justera Justeringens
        plats och tid Berndt Ekholm …"), the first name after that label."""
        line = self.stream.line_at(segment.start)
        value = segment.value.strip()
        first = _first_entries(value)
        if len(list(iter_names(first, self.refdata))) > _MOST_JUSTERARE:
            # the values of a flattened table's row of headings, not this one's
            self.b.note("justerare-unread", line, first[:80])
            return
        if value and self.justerare_from(first, line):
            return
        if following is not None and following.cue == "label" and not value:
            names = list(iter_names(following.value, self.refdata))
            if names:
                self.add_justerare([names[0]], self.stream.line_at(following.value_start))

    def add_justerare(self, names: list[str], line: int) -> None:
        for name in names:
            pid = self.b.person(self.known_prefix(name), line)
            if pid not in self.justerare:
                self.justerare.append(pid)
        if self.justerare_line is None:
            self.justerare_line = line
        self.b.tracker.place(line)

    def known_prefix(self, name: str) -> str:
        """A person already named whose name begins ``name`` ("Emil Norr Nämndhuset",
        where a flattened table ran a place onto the name), else ``name``."""
        folded = name.casefold()
        known = sorted((p.name for p in self.b.persons.values()), key=len, reverse=True)
        return next((k for k in known if folded.startswith(k.casefold() + " ")), name)

    def scan(self, units: list[tuple[str, int]]) -> None:
        """Justerare in any sentence, where no heading named them."""
        for text, line in units:
            if self.justerare_line is not None:
                return
            for sentence in sentences(text):
                if (
                    len(sentence) <= 300
                    and justerare_names(sentence)
                    and self.justerare_from(sentence, line)
                ):
                    break

    # -- signature boxes ---------------------------------------------------------------

    def signatures(self, segment: TextSegment) -> None:
        """A signature box: "Sekreterare X Ordförande Y Justerande Z"."""
        vocabulary = load_vocabulary()
        text = segment.value
        hits = vocabulary.find(text, ["signature", "label"])
        signatures = [h for h in hits if h.phrase.cue == "signature"]
        named: list[tuple[Hit, list[str]]] = []
        for index, hit in enumerate(signatures):
            end = signatures[index + 1].start if index + 1 < len(signatures) else len(text)
            named.append(
                (hit, list(iter_names(_without_labels(text, hit.end, end, hits), self.refdata)))
            )
        for hit, name in _one_per_label(named):
            line = self.stream.line_at(segment.value_start + hit.end)
            pid = self.b.person(name, line)
            self.b.tracker.place(line)
            self.sign(hit.phrase.meaning, pid)

    def sign(self, role: str, pid: str) -> None:
        if role == "secretary":
            self.secretary = self.secretary or pid
        elif role == "chair":
            self.chair = self.chair or pid
            self.signatories.append(pid)
        else:
            self.signatories.append(pid)

    def justering_label(self, value: str, line: int) -> None:
        """ "Justeringens plats och tid: Kommunhus Nödinge, 2018-10-03 kl. 16:00"."""
        found = find_dates(value, self.b.year)
        if found and self.date is None:
            self.date, self.date_line = found[0].date, line
            before = value[: found[0].start].strip(" ,:")
            if before and before[0].isupper() and len(before) < 80:
                self.place = before

    # -- the closing block after the last item ----------------------------------------

    def block(self, lines: list[tuple[int, str]]) -> None:
        """Read the closing block's lines."""
        state: str | None = None
        for line, text in lines:
            state, text = self.heading(state, text, line)
            if not text:
                continue
            if self.dated(state, text, line):
                continue
            self.names_line(state, text, line)

    def heading(self, state: str | None, text: str, line: int) -> tuple[str | None, str]:
        hit = next(iter(load_vocabulary().find(text, ["closing"])), None)
        if hit is None or hit.start != 0 or hit.phrase.meaning not in _BLOCK_HEADS:
            return state, text
        self.b.tracker.place(line)
        if hit.phrase.meaning == "justeras" and self.block_line is None:
            self.block_line = line
        return hit.phrase.meaning, text[hit.end :].strip()

    def dated(self, state: str | None, text: str, line: int) -> bool:
        found = find_dates(text, self.b.year)
        if not found or state not in ("justeras", "secretary", None):
            return False
        self.date, self.date_line = found[0].date, line
        before = re.sub(
            r"(?i)\b(?:den|justeringens\s+plats\s+och\s+tid\s*:?)\s*$", "", text[: found[0].start]
        ).strip(" ,:")
        before = re.sub(
            r"(?i)^(?:justerat|justeringsdatum|justeringens\s+plats(?:\s+och\s+tid)?)\s*:?\s*",
            "",
            before,
        )
        if before and before[0].isupper() and len(before) < 60:
            self.place = before
        self.b.tracker.place(line)
        return True

    def names_line(self, state: str | None, text: str, line: int) -> None:
        t = self.b.tracker
        if _is_role_word(text) or re.match(
            r"(?i)^(?:justerandes|ordförandes|sekreterarens)\s+sign", text
        ):
            t.place(line)
            return
        columns = t.columns(line) if text == t.text(line) else [text]
        if len(columns) > 1 and all(_is_role_word(c) for c in columns):
            t.place(line)
            return
        names = [
            n for column in columns for n in self.closing_names(column) if not _is_role_word(n)
        ]
        if not names:
            return
        t.place(line)
        for name in names:
            pid = self.b.person(name, line)
            if state == "secretary" and self.secretary is None:
                self.secretary = pid
            else:
                self.signatories.append(pid)

    def closing_names(self, text: str) -> list[str]:
        """Names in a line of the closing block; a run of two names known from the
        attendance ("Jonas Ransgård Mikael Berglund") split in two."""
        text = re.sub(r"(?i)^(?:ordförande|justerare|justerande|sekreterare)\s*:\s*", "", text)
        out: list[str] = []
        for name in iter_names(text, self.refdata):
            if is_person_name(name):
                out.extend(self.split_known(name))
        return out

    def split_known(self, name: str) -> list[str]:
        """``name`` split into known persons' names when it is a run of them."""
        known = {p.name.casefold() for p in self.b.persons.values()}
        if name.casefold() in known:
            return [name]
        words = name.split()

        def split(start: int) -> list[str] | None:
            if start == len(words):
                return []
            for stop in range(len(words), start + 1, -1):
                head = " ".join(words[start:stop])
                if head.casefold() in known:
                    rest = split(stop)
                    if rest is not None:
                        return [head, *rest]
            return None

        found = split(0) if len(words) >= 4 else None
        return found if found and len(found) >= 2 else [name]


def _without_labels(text: str, start: int, end: int, hits: list[Hit]) -> str:
    """``text[start:end]`` without dotted signature lines and without the labels in it
    with their values on the same line ("Paragrafer 17-27")."""
    out, position = [], start
    for hit in hits:
        if hit.phrase.cue != "label" or not start <= hit.start < end:
            continue
        out.append(text[position : hit.start])
        line_end = text.find("\n", hit.end)
        position = min(end, line_end if line_end >= 0 else end)
    out.append(text[position:end])
    return _DOTS.sub(" ", " ".join(out))


_MOST_JUSTERARE = 3
"""More names under a justerare heading are no protocol's justerare."""


def _names_only(text: str) -> bool:
    """Whether a heading's value starts with a person's name, before its party, place
    or role, or the next name ("Anna Ek (S)", "Anna Ek och Per Holm.", "Anna Ek, Lerum")."""
    first = _LIST_SEPARATOR.split(re.sub(r"\(.*$", "", text), maxsplit=1)[0]
    return is_person_name(first.strip(" ."))


_LIST_SEPARATOR = re.compile(r",|;|\s+(?:och|samt)\s+")


def _first_entries(value: str) -> str:
    """A justerare heading's value up to the first line break or sentence end."""
    first = value.split("\n", 1)[0]
    return re.split(r"(?<=[a-zåäö])\.\s", first, maxsplit=1)[0]


def _one_per_label(named: list[tuple[Hit, list[str]]]) -> list[tuple[Hit, str]]:
    """Each signature label with the name it signs: the first name after it; where the
    labels stand in a row before their names ("Sekreterare Ordförande Justerare Anna Ek
    Per Holm Eva Lind"), the names after the row, one per label in order."""
    if len(named) >= 2 and not any(names for _, names in named[:-1]):
        names = named[-1][1]
        if len(names) >= len(named):
            labels = [hit for hit, _ in named]
            return [
                *zip(labels, names, strict=False),
                *((labels[-1], n) for n in names[len(labels) :]),
            ]
    return [(hit, names[0]) for hit, names in named if names]
