"""Line accounting (the normalisation of each line is :mod:`~grmodel_gr_documents.normalise`).

The running page headers and footers that :func:`detect_furniture` finds
(:mod:`~grmodel_gr_documents.furniture`, here too by that name) are dropped
explicitly, each as a :class:`~grmodel.Segment` with its span; the masthead at the
very top of a document is kept for the importer to read.

:class:`Tracker` keeps the books: every line ends up placed, unplaced or
dropped, never silently lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from grmodel.model import Segment, Span
from grmodel_gr_documents.chrome import (
    inline_marks,
    is_chrome,
    marked_lines,
    page_column,
    page_prefixes,
    running_header,
    site_title,
)
from grmodel_gr_documents.furniture import Furniture, detect_furniture
from grmodel_gr_documents.normalise import (
    COLUMN_GAP,
    SPACES,
    hyphen_join,
    normalise_line,
    strip_bullet,
)
from grmodel_gr_documents.vocabulary import folded

__all__ = [
    "Furniture",
    "Paragraph",
    "Tracker",
    "detect_furniture",
    "hyphen_join",
    "normalise_line",
    "paragraphs",
    "strip_bullet",
]

_TRANSCRIPT = {"transkript", "transcript", "transkription"}
"""The chrome line after which a transcript's pages begin."""

_COPY_SHARE = 0.8
"""The share of a line's words a site title must hold for the line to be a copy of it."""


def _copies(words: set[str], titles: list[set[str]]) -> bool:
    """Whether a line's words are (nearly all) a site title's: the web page's heading,
    which a site shortens or words differently ("… delegationsbeslut UTKAST. 3. …")."""
    return bool(words) and any(len(words & title) >= _COPY_SHARE * len(words) for title in titles)


_TRANSCRIPT_LONGEST = max(map(len, _TRANSCRIPT))
"""Casefolding never shortens a text, so a longer stripped line is none of them."""


# --- accounting --------------------------------------------------------------


@attrs.frozen
class Paragraph:
    """A run of consecutive non-blank, non-dropped lines."""

    lines: tuple[int, ...]
    """Line numbers (1-based)."""
    text: str
    """The lines joined with spaces."""

    @property
    def span(self) -> Span:
        """The paragraph's span."""
        return Span(self.lines[0], self.lines[-1] if len(self.lines) > 1 else None)


_PAGE_NUMBER_START = re.compile(r"(\d{1,3})(?:\s*/\s*\d{1,3})?\s+(?=\S)")
_HEADER_PAGE = re.compile(r"(?:\d{1,3}\s*)?\(\s*\d{1,3}\s*\)\s+(?=\S)")
"""A page count right after a running header ("4 (17)", "(18)")."""


class Tracker:
    """The normalised lines of a source and which of them are placed or dropped.

    :param raw: the source's lines (``lines[0]`` is line 1).
    :param within: restrict to these line numbers (a part of a combined
        document); other lines are neither placed nor reported.
    :param normalised: :func:`normalise_line` of each of ``raw``, when the caller
        has them already (else they are normalised here).
    """

    def __init__(self, raw: list[str], within: range | None = None, normalised: Sequence[str] = ()):
        self.raw = raw
        self.within = within if within is not None else range(1, len(raw) + 1)
        self.lines = [
            ""
            if (i + 1) not in self.within
            else normalised[i]
            if normalised
            else normalise_line(line)
            for i, line in enumerate(raw)
        ]
        self.placed: set[int] = set()
        self.dropped: set[int] = set()
        self.dropped_segments: list[Segment] = []
        self.cut_segments: list[Segment] = []
        """Pieces cut out of lines that are kept (page numbers inside a line)."""
        self.site_titles: list[tuple[int, str]] = []
        """The site's title of the document (line, title), from its chrome."""
        self._drop_chrome()
        furniture = detect_furniture(self.lines)
        self.masthead = furniture.masthead
        for seg in furniture.dropped:
            self.drop(seg)
        self._cut_page_marks()
        self.written = list(self.lines)
        """The normalised lines before hyphenated breaks are joined."""
        self.joined: dict[int, int] = {}
        """A line joined onto the line before it (a hyphenated break) → that line."""
        self.continuations: dict[int, list[int]] = {}
        """A line → the lines joined onto it."""
        self._join_hyphenated()

    def _drop_chrome(self) -> None:
        """Drop site chrome lines, keeping the site's title of the document."""
        previous = False
        for line in self.within:
            text = self.lines[line - 1]
            if not text:
                continue
            chrome = is_chrome(text, previous)
            previous = chrome
            if not chrome:
                continue
            title = site_title(text)
            if title is not None:
                self.site_titles.append((line, title))
            self.drop(
                Segment(span=Span(line), text=text, reason="site title" if title else "site chrome")
            )
            self.lines[line - 1] = ""
        self._drop_title_copies()

    def _drop_title_copies(self) -> None:
        """Drop the lines above a site's chrome that repeat its title of the document
        (a web page's heading): a title, never the document's own text. (A heading among
        the chrome stays: dropping it moved a signature block's reading on a real
        protocol, a false JUS001.)"""
        titles = [set(folded(title).split()) for _, title in self.site_titles]
        if not titles:  # no line is a copy of none
            return
        for line in self.within:
            if line in self.dropped:
                break
            text = self.lines[line - 1]
            if text and _copies(set(folded(text).split()), titles):
                self.drop(Segment(span=Span(line), text=text, reason="site title"))
                self.lines[line - 1] = ""

    def _cut_page_marks(self) -> None:
        """Cut page markers out of lines: in-line "Sida 1(14)", a page count at a line's
        end, and the page numbers a transcript glues to each page's first word."""
        transcript = next(
            (
                number
                for number, line in enumerate(self.raw, start=1)
                if len(stripped := line.strip()) <= _TRANSCRIPT_LONGEST
                and stripped.casefold() in _TRANSCRIPT
            ),
            None,
        )
        prefixes = page_prefixes(self.lines, transcript) if transcript is not None else {}
        marked = marked_lines(self.lines)
        counted = {i: int(self.lines[i][: cut.end]) for i, cut in prefixes.items()}
        for line in self.within:
            text = self.lines[line - 1]
            if not text or line in self.dropped:
                continue
            if line - 1 in prefixes:
                prefix = prefixes[line - 1]
                self.cut_segments.append(
                    Segment(span=Span(line), text=text[: prefix.end].strip(), reason=prefix.reason)
                )
                text = text[prefix.end :]
                self.lines[line - 1] = text
            if line - 1 not in marked:
                continue
            # a line that is only a marker is furniture's, unless a page number was
            # cut before it ("4 Sidan 4 av 115": a transcript's page, then the marker)
            paged = line - 1 in prefixes
            cuts = [
                c
                for c in inline_marks(text)
                if paged or text[: c.start].strip() or text[c.end :].strip()
            ]
            if not cuts:
                continue
            kept, position = [], 0
            for cut in sorted(cuts, key=lambda c: c.start):
                if cut.start < position:
                    continue
                kept.append(text[position : cut.start])
                self.cut_segments.append(
                    Segment(
                        span=Span(line), text=text[cut.start : cut.end].strip(), reason=cut.reason
                    )
                )
                position = cut.end
            kept.append(text[position:])
            self.lines[line - 1] = SPACES.sub(" ", " ".join(kept)).strip()
        self._cut_own_page_numbers(counted)
        self._cut_running_header(counted)
        self._cut_page_column()

    def _cut_page_column(self) -> None:
        """Cut the page numbers of a table's page column (:func:`page_column`)."""
        for index, cut in page_column(self.lines).items():
            text = self.lines[index]
            self.cut_segments.append(
                Segment(span=Span(index + 1), text=text[cut.start : cut.end], reason=cut.reason)
            )
            self.lines[index] = (text[: cut.start] + text[cut.end :]).strip()

    def _cut_own_page_numbers(self, counted: dict[int, int]) -> None:
        """Cut the document's own page numbers that follow a transcript's: the same
        number again ("2 2 Rapport …", on two pages or more, or on a transcript's one
        page; a cover may have none),
        or ("1 34 Organ: …", "2 35 31 TEMA …": pages 34 and 35 of the protocol an
        extract starts in) a number starting every page, one more on each, where a
        page starts mid-sentence or with another number after it (an item's number
        never does)."""
        pages = sorted(counted)
        found = {i: m for i in pages if (m := _PAGE_NUMBER_START.match(self.lines[i]))}
        same = [i for i, m in found.items() if int(m[1]) == counted[i]]
        if len(same) >= 2 or (len(pages) == 1 and same):  # "1 1 VÄSTRA GÖTALANDSREGIONEN …"
            self._cut_starts({i: found[i] for i in same})
            return
        if len(pages) < 2 or len(found) < len(pages):
            return
        numbers = [int(found[i][1]) for i in pages]
        rests = [self.lines[i][found[i].end() :] for i in pages]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))) and any(
            r[:1].isdigit() or r[:1].islower() for r in rests
        ):
            self._cut_starts(found)

    def _cut_starts(self, found: dict[int, re.Match[str]]) -> None:
        for index, m in found.items():
            self.cut_segments.append(Segment(span=Span(index + 1), text=m[1], reason="page number"))
            self.lines[index] = self.lines[index][m.end() :]

    def _cut_running_header(self, counted: dict[int, int]) -> None:
        """Cut the running header from every transcript page but the first it heads
        (where it is the document's own title), with the page number or count right
        after it ("PROTOKOLL 2 …", "Sammanträdesprotokoll 4 (17) …")."""
        pages = sorted(counted)
        header = running_header(self.lines, pages)
        if header is None:
            return
        heads = [i for i in pages[1:] if self.lines[i].startswith(header + " ")]
        for index in heads:
            self.cut_segments.append(
                Segment(span=Span(index + 1), text=header, reason="running header")
            )
            rest = self.lines[index][len(header) :].lstrip()
            mark = _HEADER_PAGE.match(rest)
            number = _PAGE_NUMBER_START.match(rest)
            if mark is None and number and int(number[1]) == counted[index]:
                mark = number
            if mark:
                self.cut_segments.append(
                    Segment(span=Span(index + 1), text=mark[0].strip(), reason="page number")
                )
                rest = rest[mark.end() :]
            self.lines[index] = rest

    def _join_hyphenated(self) -> None:
        """Join words broken over a line ("Göteborgs-" / "regionens kommunalförbund"):
        the next line's text is appended to the line with the broken word, and the
        next line reads as empty but is accounted with it (placed when it is).
        Dropped lines (a page header between) are skipped."""
        head: int | None = None
        for line in self.within:
            text = self.lines[line - 1]
            if line in self.dropped:
                continue
            if not text:
                head = None
                continue
            if head is not None:
                joined = hyphen_join(self.lines[head - 1], text)
                if joined is not None:
                    self.lines[head - 1] = joined
                    self.lines[line - 1] = ""
                    self.joined[line] = head
                    self.continuations.setdefault(head, []).append(line)
                    continue
            head = line

    def drop(self, segment: Segment) -> None:
        """Drop a segment (a recognised page header or footer)."""
        self.dropped_segments.append(segment)
        self.dropped.update(range(segment.span.line, segment.span.last + 1))

    def text(self, line: int) -> str:
        """Normalised text of a line ("" outside the source or when dropped)."""
        if line in self.dropped or not 1 <= line <= len(self.lines):
            return ""
        return self.lines[line - 1]

    def columns(self, line: int) -> list[str]:
        """The line split at column gaps (a tab, or two or more spaces, as PDF text
        separates columns), each piece normalised; one piece when there is no gap."""
        if not self.text(line):
            return []
        if line in self.continuations:
            return [self.text(line)]
        return [text for _, text in self.column_cells(line)] or [self.text(line)]

    def column_cells(self, line: int) -> list[tuple[int, str]]:
        """The pieces of :meth:`columns` with their start offsets in the line as
        written (tabs count as one character), for aligning cells under headings."""
        if not self.text(line):
            return []
        if line in self.continuations:
            return [(len(self.raw[line - 1]) - len(self.raw[line - 1].lstrip()), self.text(line))]
        raw = self.raw[line - 1].rstrip()
        cells: list[tuple[int, str]] = []
        position = 0
        for gap in [*COLUMN_GAP.finditer(raw), None]:
            end = gap.start() if gap is not None else len(raw)
            text = normalise_line(raw[position:end])
            if text:
                offset = position + len(raw[position:end]) - len(raw[position:end].lstrip())
                cells.append((offset, text))
            if gap is not None:
                position = gap.end()
        return cells

    def place(self, first: int, last: int | None = None) -> None:
        """Mark lines as placed in a record."""
        for line in range(first, (last if last is not None else first) + 1):
            if line not in self.dropped and line in self.within:
                self.placed.add(line)
                self.placed.update(self.continuations.get(line, ()))

    def place_all(self, lines: Iterable[int]) -> None:
        """Mark each of ``lines`` as placed."""
        for line in lines:
            self.place(line)

    def content(self, start: int = 1, end: int | None = None) -> list[int]:
        """Non-blank, non-dropped line numbers in ``start..end`` (inclusive)."""
        last = min(end if end is not None else len(self.lines), len(self.lines))
        return [n for n in range(max(start, 1), last + 1) if self.text(n)]

    def finish(
        self, partly: Mapping[int, Segment] | None = None
    ) -> tuple[frozenset[int], tuple[Segment, ...], tuple[Segment, ...]]:
        """Placed lines (blank ones included), unplaced segments and dropped segments:
        every line of ``within`` is in exactly one. A line of ``partly`` (not placed:
        some of its words reached a record) is unplaced as that segment, the lines
        joined onto it with it; the other lines not placed are unplaced whole."""
        partly = partly or {}
        placed = set(self.placed)
        unplaced: list[Segment] = []
        run: list[int] = []

        def flush() -> None:
            if run:
                text = "\n".join(self.written[i - 1] for i in run)
                span = Span(run[0], run[-1] if len(run) > 1 else None)
                unplaced.append(Segment(span=span, text=text))
                run.clear()

        for line in self.within:
            if line in self.dropped:
                flush()
                continue
            if line in partly:
                flush()
                unplaced.append(partly[line])
                continue
            if line in self.joined:
                # part of the line it is joined onto: placed with it, else unplaced
                if line not in placed and self.joined[line] not in partly:
                    if run and run[-1] != line - 1:
                        flush()
                    run.append(line)
                continue
            if not self.lines[line - 1]:
                placed.add(line)
                flush()
            elif line not in placed:
                if run and run[-1] != line - 1:
                    flush()
                run.append(line)
            else:
                flush()
        flush()
        dropped = tuple(sorted(self.dropped_segments, key=lambda s: s.span.line))
        return frozenset(placed), tuple(unplaced), dropped


def paragraphs(tracker: Tracker, start: int, end: int) -> list[Paragraph]:
    """Paragraphs (runs of content lines) in ``start..end``; dropped lines and lines
    joined onto the line before (hyphenated breaks) are skipped without breaking a
    paragraph, so text continues across a page header."""
    out: list[Paragraph] = []
    run: list[int] = []
    for line in range(max(start, 1), min(end, len(tracker.lines)) + 1):
        if line in tracker.dropped or line in tracker.joined:
            continue
        if tracker.text(line):
            run.append(line)
        elif run:
            out.append(Paragraph(tuple(run), " ".join(tracker.text(n) for n in run)))
            run = []
    if run:
        out.append(Paragraph(tuple(run), " ".join(tracker.text(n) for n in run)))
    return out
