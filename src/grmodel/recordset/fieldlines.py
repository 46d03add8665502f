"""Compact field lines: where each field of a record stands, kept without its text.

A finding a set rule makes at the end of a run (``finish``) points at a field of a
record read long before, whose text and parse tree are gone by then. Instead of
reading its file again, the loader's locator of a multi-line record (YAML, JSON)
can make a :class:`FieldLines`: the record's *shape* (keys and list lengths,
interned, so records of one shape share it) and the lines of its nodes, as
varint-coded deltas in one ``bytes``. Looking a field path up in it gives the line
the locator itself would have given, also for paths that are not in the record
(a missing key, an index past the end), which each format answers its own way.

JSON Lines and CSV records need nothing: every field is on the record's line.
"""

from __future__ import annotations

from typing import Any

import attrs

from grmodel.converter import FieldPath

__all__ = ["SCALAR", "FieldLines", "FieldLocator", "Shape", "Shapes", "map_shape", "seq_shape"]

Shape = tuple[Any, ...]
"""A node's shape: ``SCALAR``; ``(SEQ, children)``; ``(MAP, keys, children)``
(a key that is not text is ``None`` and matches no path)."""

SCALAR: Shape = ()
"""The shape of a scalar value."""
_SEQ = 0
_MAP = 1

# Lines in preorder: a scalar has one (its line), a list and a mapping their own
# line, their children's, then one more: the line a mapping gives for a key it does
# not have, and the line a list gives for the index one past its end.


class Shapes:
    """Interns shapes, so records of one shape (and equal parts) share one object."""

    def __init__(self) -> None:
        self._known: dict[Shape, Shape] = {SCALAR: SCALAR}
        self._sizes: dict[int, int] = {id(SCALAR): 1}

    def intern(self, shape: Shape) -> Shape:
        """The one shared object equal to ``shape``."""
        known = self._known.setdefault(shape, shape)
        if id(known) not in self._sizes:
            self._sizes[id(known)] = 2 + sum(self.size(child) for child in known[-1])
        return known

    def size(self, shape: Shape) -> int:
        """How many lines a node of ``shape`` has in preorder."""
        return self._sizes[id(shape)]


def map_shape(shapes: Shapes, keys: list[str | None], children: list[Shape]) -> Shape:
    """The interned shape of a mapping."""
    return shapes.intern((_MAP, tuple(keys), tuple(children)))


def seq_shape(shapes: Shapes, children: list[Shape]) -> Shape:
    """The interned shape of a list."""
    return shapes.intern((_SEQ, tuple(children)))


def _pack(lines: list[int], base: int) -> bytes:
    out = bytearray()
    previous = base
    for line in lines:
        delta = line - previous
        previous = line
        value = delta * 2 if delta >= 0 else -delta * 2 - 1  # zigzag: small either way
        while value >= 0x80:
            out.append((value & 0x7F) | 0x80)
            value >>= 7
        out.append(value)
    return bytes(out)


def _unpack(packed: bytes, base: int) -> list[int]:
    lines: list[int] = []
    line, value, shift = base, 0, 0
    for byte in packed:
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            line += value >> 1 if not value & 1 else -((value + 1) >> 1)
            lines.append(line)
            value, shift = 0, 0
    return lines


@attrs.frozen(slots=True)
class FieldLines:
    """The lines of one record's fields, as its locator gives them.

    Build with :meth:`pack`; ``json`` says which format's answers to use for paths
    the record does not have.
    """

    shape: Shape
    """The record's shape (interned)."""
    packed: bytes
    """Its nodes' lines in preorder, as zigzag varint deltas from the record's line."""
    json: bool
    """JSON's answers (else YAML's) for a missing key or an index out of range."""

    @classmethod
    def pack(cls, shape: Shape, lines: list[int], line: int, *, json: bool) -> FieldLines | None:
        """The field lines of a record at ``line``; ``None`` when every node is on
        that line (the record's line answers every path then)."""
        if all(found == line for found in lines):
            return None
        return cls(shape, _pack(lines, line), json)

    def line_of(self, path: FieldPath, shapes: Shapes, line: int) -> int | None:
        """The line of ``path`` in the record at ``line``; ``None`` where the
        locator would have failed (a JSON index past the end of its list)."""
        lines = _unpack(self.packed, line)
        node, at = self.shape, 0
        for key in path:
            if not node:
                break
            children = node[-1]
            if node[0] == _MAP and isinstance(key, str):
                keys: tuple[str | None, ...] = node[1]
                if key not in keys:
                    return lines[at + shapes.size(node) - 1]
                index = keys.index(key)
            elif node[0] == _SEQ and isinstance(key, int):
                found = self._index(key, len(children))
                if found is None or found == len(children):
                    return None if found is None else lines[at + shapes.size(node) - 1]
                if found == -1:
                    break
                index = found
            else:
                break
            at += 1 + sum(shapes.size(child) for child in children[:index])
            node = children[index]
        return lines[at]

    def _index(self, key: int, count: int) -> int | None:
        """Which child an index selects: ``count`` for the end of the list, ``-1``
        for the list itself, ``None`` for a failed lookup."""
        if self.json:  # the locator skips ``key`` values from the list's start
            if key > count:
                return None
            return max(key, 0) if count else count
        if key >= count:
            return -1
        if key < -count:
            return None
        return key % count


class FieldLocator:
    """A record's locator that can also keep its answers compactly.

    Called with a field path, it gives the path's line (lazily, from the text or
    parse tree it holds); :meth:`field_lines` gives the same answers for every path
    as a :class:`FieldLines`, so the text and tree can go.
    """

    def __call__(self, path: FieldPath) -> int:
        """The line of ``path`` (1-based)."""
        raise NotImplementedError

    def field_lines(self, shapes: Shapes, line: int) -> FieldLines | None:
        """The record's field lines (``None``: every field is on ``line``, the
        record's)."""
        raise NotImplementedError


class RecordLines:
    """The field lines of the records a run has seen, by file and line, for the
    findings made about them after they are gone (set rules' ``finish``).

    Only multi-line records keep anything (one :class:`FieldLines` each); records
    of JSON Lines and CSV files, and records whose fields all share the record's
    line, keep nothing.
    """

    def __init__(self) -> None:
        self.shapes = Shapes()
        """The run's shapes."""
        self._files: dict[str, int] = {}
        self._kept: dict[int, FieldLines] = {}

    def _key(self, file: str, line: int) -> int:
        return self._files.setdefault(file, len(self._files)) << 32 | line

    def keep(self, file: str, line: int, locate: object) -> None:
        """Keep what ``locate`` (a record's locator) knows of the record at ``line``."""
        if isinstance(locate, FieldLocator):
            found = locate.field_lines(self.shapes, line)
            if found is not None:
                self._kept[self._key(file, line)] = found
            else:  # a record at the same line before it (JSON on one line) is not it
                self._kept.pop(self._key(file, line), None)

    def line_of(self, file: str, line: int, path: FieldPath) -> int:
        """The line of ``path`` in the record at ``line`` of ``file`` (the record's
        line when nothing finer is known)."""
        found = self._kept.get(self._key(file, line)) if file in self._files else None
        if found is None or not path:
            return line
        located = found.line_of(path, self.shapes, line)
        return line if located is None else located
