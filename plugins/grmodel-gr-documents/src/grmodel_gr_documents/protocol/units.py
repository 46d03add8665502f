"""Units of an item's body: paragraphs of the stream region, split further where a
decision, clause, basis list or reservation starts, so that each unit is one thing."""

from __future__ import annotations

import bisect
import re

from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.decisions import STRONG_DECISION, clause_text, reservations
from grmodel_gr_documents.lines import Paragraph
from grmodel_gr_documents.stream import Stream

__all__ = ["BASIS", "BESLUT", "region_units"]

BESLUT = re.compile(
    r"(?i)^(?:(?:[\wåäö]+a\s+)?[\wåäö]+(?:-\s+och\s+[\wåäö]+)?s\s+)?(?:beslut(?:et)?|förslag\s+till\s+beslut)\s*"
    r"(?::\s*(?P<rest>.*))?$"
    r"|^(?:Beslut|BESLUT)\s+(?P<run_on>[A-ZÅÄÖ][\wåäö-]+\s+[a-zåäö].*)$"
)
"""A decision heading: "Beslut", "BESLUT:", "Miljö- och samhällsbyggandsutskottets beslut",
or one run on before its decision ("Beslut Kommunstyrelsen godkänner …": ``run_on``)."""
BASIS = re.compile(r"(?i)^(?:beslutsunderlag|underlag|handlingar)\s*(?::\s*(?P<rest>.*))?$")
"""A basis-document heading."""
_MID_BESLUT = re.compile(
    r"(?<=[.!?:)”\"])\s+(?=BESLUT\b|Beslut\s*:)|\s+(?=BESLUT\s)"
    r"|\s+(?=Beslut\s+(?:\d{1,2}[.)]|att)\s)|(?<=\sBeslut)\s+(?=(?:\d{1,2}[.)]|att)\s)"
)
"""A decision heading inside a run-on paragraph (before it; and after a bare "Beslut"
its points or "att" follow: "… Diarienr 16 Beslut 1. Anna Ek utses …")."""
_POINT = re.compile(r"\s+(?=\d{1,2}[.)]\s+[A-ZÅÄÖ])")
"""Where the next numbered point of a run-on list of points starts."""
_CLAUSE_AFTER_SENTENCE = re.compile(r"(?<=[a-zåäö0-9)][.])\s+(?=att\s)")
"""An att-clause run on after a sentence ("… arbetet. att i protokollet anteckna …")."""
_NEXT_CLAUSE = re.compile(r"(?:,|;)\s+(?:samt\s+|och\s+)?(?=att\s)|\s+(?:samt|och)\s+(?=att\s)")
"""Where the next clause of a run-on list of att-clauses starts."""
_POINT_START = re.compile(r"\d{1,2}[.)]\s+[A-ZÅÄÖ]")


def _pieces(stream: Stream, start: int, end: int) -> list[tuple[int, str]]:
    """(line, text) of each stream line in ``start..end``, cut to the region."""
    out = []
    first = max(0, bisect.bisect_right(stream.starts, start) - 1)
    for index in range(first, len(stream.lines)):
        begin = stream.starts[index]
        if begin >= end:
            break
        last = index + 1 >= len(stream.starts)
        finish = len(stream.text) if last else stream.starts[index + 1] - 1
        lo, hi = max(begin, start), min(finish, end)
        if lo < hi and stream.text[lo:hi].strip():
            out.append((stream.lines[index], stream.text[lo:hi].strip()))
    return out


def _groups(b: Builder, pieces: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Pieces grouped as the source groups its lines (consecutive lines, dropped and
    joined lines between them skipped)."""
    out: list[list[tuple[int, str]]] = []
    for line, text in pieces:
        if out and _adjacent(b, out[-1][-1][0], line):
            out[-1].append((line, text))
        else:
            out.append([(line, text)])
    return out


def _adjacent(b: Builder, first: int, second: int) -> bool:
    t = b.tracker
    return all(n in t.dropped or n in t.joined for n in range(first + 1, second))


def _bare_heading(text: str) -> bool:
    heading = BESLUT.match(text)
    return heading is not None and not heading["run_on"]


def _begins(text: str, run: list[tuple[int, str]]) -> bool:
    """Whether ``text`` starts a new unit after ``run``."""
    if not run:
        return False
    previous = run[-1][1]
    found = reservations(text)
    return bool(
        BESLUT.match(text)
        or BASIS.match(text)
        or clause_text(text) is not None
        or STRONG_DECISION.match(text)
        or previous.endswith(":")
        or _bare_heading(previous)  # a bare decision heading stands alone
        or (_POINT_START.match(text) is not None and _POINT_START.match(run[0][1]) is not None)
        or (found and found[0].sentence[:30] in text[:30])
        or (
            clause_text(run[0][1]) is not None
            and re.search(r"[.!?]$", previous)
            and text[:1].isupper()
        )
    )


def _unit(run: list[tuple[int, str]]) -> Paragraph:
    return Paragraph(tuple(dict.fromkeys(n for n, _ in run)), " ".join(t for _, t in run))


def region_units(b: Builder, stream: Stream, start: int, end: int) -> list[Paragraph]:
    """The units of the stream region ``start..end``."""
    out: list[Paragraph] = []
    for group in _groups(b, _split_run_on(_pieces(stream, start, end))):
        run: list[tuple[int, str]] = []
        for line, text in group:
            if _begins(text, run):
                out.append(_unit(run))
                run = []
            run.append((line, text))
        if run:
            out.append(_unit(run))
    return out


def _split_run_on(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A run-on line split where a decision heading, its numbered points or a run of
    att-clauses stand inside it."""
    out: list[tuple[int, str]] = []
    for line, text in pieces:
        parts = [
            piece.strip()
            for part in _MID_BESLUT.split(text)
            for piece in _CLAUSE_AFTER_SENTENCE.split(part)
        ]
        for part in parts:
            # the points of a run-on decision, each a unit ("1. … 2. …"), and a run of
            # att-clauses ("att anteckna …, att uppdra …, samt att …")
            if re.match(r"1[.)]\s", part):
                points = _POINT.split(part)
            elif part.startswith("att "):
                points = _NEXT_CLAUSE.split(part)
            else:
                points = [part]
            out.extend((line, point.strip()) for point in points if point.strip())
    return out
