"""Attendance laid out in columns: headings side by side on one line
("Närvarande ledamöter      Ersättare") with the entries of each column under it.

Text extracted from a PDF keeps the columns apart by a run of spaces or a tab, or
closes the gap to one space. A line's cells go to the heading whose column they
stand under (by the offsets of the line as written); cells run together by one
space are split where the second entry's name begins.
"""

from __future__ import annotations

import re

from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.names import is_person_name
from grmodel_gr_documents.segments import TextSegment
from grmodel_gr_documents.stream import Stream

__all__ = ["column_rows", "side_by_side"]


def side_by_side(stream: Stream, segments: list[TextSegment], index: int) -> list[TextSegment]:
    """The attendance headings from ``segments[index]`` on that one line with nothing
    under each but the last (a column layout); one segment when there is none."""
    first = segments[index]
    line = stream.line_at(first.start)
    group = [first]
    for following in segments[index + 1 :]:
        if stream.line_at(following.start) != line or group[-1].value.strip():
            break
        group.append(following)
    # the headings stand alone on their line: a run-on line is no column layout
    begin = stream.starts[stream.lines.index(line)]
    end = stream.text.find("\n", begin)
    rest = stream.text[begin : end if end >= 0 else None]
    for segment in group:
        rest = rest.replace(segment.head, " ", 1)
    if len(group) < 2 or any(ch.isalpha() for ch in rest):
        return [first]
    return group


def _heading_offsets(b: Builder, line: int, count: int) -> list[int]:
    """The offsets of the headings in the line as written; ``[]`` when the heading
    line has no column gaps (one space between the headings)."""
    cells = b.tracker.column_cells(line)
    return [offset for offset, _ in cells] if len(cells) == count else []


def _two_entries(text: str, b: Builder) -> list[str]:
    """A row whose column gap PDF extraction closed to one space ("Bo Ek (M), Lerum
    Carl Dahl (MP), Mölndal"), split where the second entry's name begins."""
    for m in re.finditer(" ", text):
        left, right = text[: m.start()].strip(), text[m.end() :].strip()
        if not left or left[-1] in ",;(" or left.endswith((" och", " samt")):
            continue
        name = re.match(r"^([^,(;]+?)\s*(?:[(,;]|$)", right)
        head = re.match(r"^([^,(;]+?)\s*(?:[(,;]|$)", left)
        if name is None or head is None:
            continue
        if is_person_name(name[1], b.refdata) and is_person_name(head[1], b.refdata):
            return [left, right]
    return [text]


def column_rows(b: Builder, stream: Stream, group: list[TextSegment]) -> list[tuple[int, int, str]]:
    """(line, column, cell text) of every row under a column layout."""
    heading_line = stream.line_at(group[0].start)
    offsets = _heading_offsets(b, heading_line, len(group))
    last = group[-1]
    out: list[tuple[int, int, str]] = []
    for line in stream.lines_between(last.value_start, last.end):
        if line == heading_line:
            continue
        cells = b.tracker.column_cells(line)
        if len(cells) == 1 and len(group) == 2:
            pieces = _two_entries(cells[0][1], b)
            if len(pieces) == 2:
                cells = [
                    (offsets[0] if offsets else 0, pieces[0]),
                    (offsets[1] if offsets else 1, pieces[1]),
                ]
        out.extend((line, column, text) for column, text in _assign(cells, offsets, len(group)))
    return out


def _assign(cells: list[tuple[int, str]], offsets: list[int], count: int) -> list[tuple[int, str]]:
    """Each cell with its column: in order when there are as many cells as columns,
    else the column whose heading starts nearest the cell."""
    if len(cells) == count or not offsets:
        return [(min(index, count - 1), cell) for index, (_, cell) in enumerate(cells)]
    return [
        (min(range(count), key=lambda i: abs(offsets[i] - offset)), cell) for offset, cell in cells
    ]
