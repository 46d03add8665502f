"""Field lines kept for the end of a run, without reading a record file again.

A finding a set rule makes at the end of a run (``finish``) points at a field of a
record read long before, whose text and parse tree are gone by then. The run keeps,
from its one pass, what tells that field's line later, only for the records a set
rule kept a reference to (:class:`RecordLines`), and compactly:

* a YAML record: a :class:`FieldLines`, the record's *shape* (keys and list
  lengths, interned, so records of one shape share it) and the lines of its nodes
  as varint-coded deltas in one ``bytes`` (its node tree is many times bigger);
* a JSON record: its start in its file's text, and the text itself once per file,
  compressed (:class:`KeptText`; JSON shrinks 5-20 times), where the locator
  finds the field as it did during the pass (telling every field's line up front
  would double the reading time of a JSON file);
* JSON Lines and CSV records, and records on one line: nothing, every field is
  on the record's line.

Either way a field path gives the line the locator itself gave during the pass,
also for paths the record does not have (a missing key, an index past the end).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from typing import Any, Protocol

import attrs

from grmodel.converter import FieldPath

__all__ = [
    "SCALAR",
    "FieldLines",
    "FieldLocator",
    "KeptLines",
    "KeptLocator",
    "KeptText",
    "RecordLines",
    "Shape",
    "Shapes",
    "map_shape",
    "portable",
    "seq_shape",
]

Shape = tuple[Any, ...]
"""A node's shape: ``SCALAR``; ``(SEQ, children)``; ``(MAP, keys, children)``
(a key that is not text is ``None`` and matches no path)."""

SCALAR: Shape = ()
"""The shape of a scalar value."""
_SEQ = 0
_MAP = 1

# Lines in preorder: each node's own line, then its children's.


class Shapes:
    """Interns shapes, so records of one shape (and equal parts) share one object."""

    def __init__(self) -> None:
        self._known: dict[Shape, Shape] = {SCALAR: SCALAR}
        self._sizes: dict[int, int] = {id(SCALAR): 1}

    def intern(self, shape: Shape) -> Shape:
        """The one shared object equal to ``shape``."""
        known = self._known.setdefault(shape, shape)
        if id(known) not in self._sizes:
            self._sizes[id(known)] = 1 + sum(self.size(child) for child in known[-1])
        return known

    def size(self, shape: Shape) -> int:
        """How many lines a node of ``shape`` has in preorder (also of a shape interned
        elsewhere: one a record read in another process came with)."""
        found = self._sizes.get(id(shape))
        return self._sizes[id(self.intern(shape))] if found is None else found


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
    """The lines of one YAML record's nodes, as its locator (which walks the node
    tree) gives them; build with :meth:`pack`.

    A key the mapping does not have, an index past the list's end, or a step into
    a scalar give the line of the node reached so far, as the locator does.
    """

    shape: Shape
    """The record's shape (interned)."""
    packed: bytes
    """Its nodes' lines in preorder, as zigzag varint deltas from the record's line."""

    @property
    def source(self) -> None:
        """No text behind it (see :class:`KeptLines`)."""
        return None

    @classmethod
    def pack(cls, shape: Shape, lines: list[int], line: int) -> FieldLines | None:
        """The field lines of a record at ``line``; ``None`` when every node is on
        that line (the record's line answers every path then)."""
        if all(found == line for found in lines):
            return None
        return cls(shape, _pack(lines, line))

    def line_of(self, path: FieldPath, shapes: Shapes, line: int) -> int | None:
        """The line of ``path`` in the record at ``line``; ``None`` where the
        locator would have failed (a negative index before the list's start)."""
        lines = _unpack(self.packed, line)
        node, at = self.shape, 0
        for key in path:
            if not node:
                break
            children = node[-1]
            if node[0] == _MAP and isinstance(key, str):
                keys: tuple[str | None, ...] = node[1]
                if key not in keys:
                    break
                index = keys.index(key)
            elif node[0] == _SEQ and isinstance(key, int):
                if key >= len(children):
                    break
                if key < -len(children):
                    return None
                index = key % len(children)
            else:
                break
            at += 1 + sum(shapes.size(child) for child in children[:index])
            node = children[index]
        return lines[at]


_SLICE = 1 << 20
"""Characters of a kept text encoded and compressed at a time."""


class KeptText:
    """A record file's text, kept past its reading only if field lines are asked of
    it, then compressed (JSON text shrinks 5-20 times)."""

    __slots__ = ("_packed", "_text", "_wanted")

    def __init__(self, text: str):
        self._text: str | None = text
        self._packed: bytes | None = None
        self._wanted = False

    def want(self) -> KeptText:
        """Mark the text as needed past its reading; itself."""
        self._wanted = True
        return self

    def seal(self) -> None:
        """The file is read: compress the text if it is wanted, else let it go; a
        text opened since (:meth:`text`) goes again."""
        text = self._text
        if self._wanted and self._packed is None and text is not None:
            packer = zlib.compressobj(1)  # in slices: never a second copy of the whole text
            parts = [
                packer.compress(text[at : at + _SLICE].encode("utf-8", "surrogatepass"))
                for at in range(0, len(text), _SLICE)
            ]
            self._packed = b"".join([*parts, packer.flush()])
        self._text = None

    def text(self) -> str:
        """The text (decompressed, and held until the next :meth:`seal`)."""
        if self._text is None:
            assert self._packed is not None, "field lines of a text not kept"
            self._text = zlib.decompress(self._packed).decode("utf-8", "surrogatepass")
        return self._text


class KeptLines(Protocol):
    """What :class:`RecordLines` keeps of a record: its field lines, or how to tell
    them from its kept text."""

    @property
    def source(self) -> KeptText | None:
        """The text the lines are told from (``None``: they are kept themselves)."""

    def line_of(self, path: FieldPath, shapes: Shapes, line: int) -> int | None:
        """The line of ``path`` in the record at ``line`` (``None``: the locator
        fails on it; the record's line is used)."""


class FieldLocator:
    """A record's locator that can also keep its answers compactly.

    Called with a field path, it gives the path's line (lazily, from the text or
    parse tree it holds); :meth:`field_lines` gives what answers the same for every
    path once the record's text and tree are gone.
    """

    def __call__(self, path: FieldPath) -> int:
        """The line of ``path`` (1-based)."""
        raise NotImplementedError

    def field_lines(self, shapes: Shapes, line: int) -> KeptLines | None:
        """What to keep to tell the record's field lines later (``None``: every
        field is on ``line``, the record's)."""
        raise NotImplementedError


class KeptLocator(FieldLocator):
    """The locator of a record read in another process, rebuilt from what its own
    locator kept there (:meth:`FieldLocator.field_lines`): the same line for every
    path."""

    __slots__ = ("_kept", "_line")

    def __init__(self, kept: KeptLines, line: int):
        self._kept = kept
        self._line = line

    def __call__(self, path: FieldPath) -> int:
        found = self._kept.line_of(path, Shapes(), self._line)
        source = self._kept.source
        if source is not None:
            source.seal()  # the file's text goes back to its compressed form
        if found is None:  # where the locator itself failed
            raise IndexError(f"no line for {path!r}")
        return found

    def field_lines(self, shapes: Shapes, line: int) -> KeptLines | None:
        return self._kept


def portable(locate: object, shapes: Shapes, line: int) -> KeptLocator | None:
    """What of a record's locator can go to another process: a :class:`KeptLocator`,
    or ``None`` when every field is on the record's line (a JSON Lines or CSV
    record, a record on one line)."""
    if not isinstance(locate, FieldLocator):
        return None  # CSV: a constant line; JSON Lines: none
    kept = locate.field_lines(shapes, line)
    return None if kept is None else KeptLocator(kept, line)


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
        self._kept: dict[int, KeptLines] = {}

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

    def lines_of(self, wanted: Iterable[tuple[str, int, FieldPath]]) -> dict[Any, int]:
        """:meth:`line_of` of many, file by file, so a kept text is decompressed once;
        by ``(file, line, path)``."""
        found: dict[Any, int] = {}
        opened: KeptText | None = None
        for file, line, path in sorted(set(wanted), key=lambda w: (w[0], w[1])):
            kept = self._kept.get(self._key(file, line)) if file in self._files else None
            source = kept.source if kept is not None else None
            if opened is not None and source is not opened:
                opened.seal()
            opened = source or opened
            found[file, line, path] = self.line_of(file, line, path)
        if opened is not None:
            opened.seal()
        return found
