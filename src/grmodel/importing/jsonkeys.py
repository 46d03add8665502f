"""The keys of a JSON source an importer read, and every key it did not.

An importer of a JSON source (Popolo, OParl) reads it through :func:`track`: a
read-only view of the parsed JSON that remembers each key and list item taken
from it. What the importer never took is an *unread key*. :func:`account` keeps
each on the import's document record — the key's JSON path and its value as
unplaced text at the key's lines, and an ``unread-key`` import note that the IMP
rules report (IMP009) — and leaves those lines out of the placed lines, so the
import's coverage is below 100 % and no key is lost without a finding.

What counts as read:

- a key whose value is a string, number, boolean or null, when taken
  (``obj["name"]``, ``obj.get("name")``; testing ``"name" in obj`` is not taking);
- a key whose value is an object or a list, taken whole with
  :meth:`TrackedObject.whole` (a value handed on as it is, for the converter to
  check); taken with ``obj["key"]`` it is a view, and what of it the importer took
  counts key by key, item by item;
- a key the importer knows and does not need (written by grmodel's exporter and
  rebuilt from other keys), named with :meth:`TrackedObject.skip`.

>>> from grmodel.importing.jsonkeys import track, unread_paths
>>> person = track({"id": "p1", "name": "Anna Ek", "email": "anna@example.org"})
>>> person["name"]
'Anna Ek'
>>> person.skip("id")
>>> unread_paths(person)
[('email',)]
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, overload

import attrs

from grmodel.errors import SourceError
from grmodel.io import open_regular
from grmodel.model import Document, Segment, Span
from grmodel.recordset.jsonio import parse_json

__all__ = [
    "UNREAD_KEY",
    "JsonPath",
    "TrackedArray",
    "TrackedObject",
    "UnreadKey",
    "account",
    "changed_derived",
    "format_json_path",
    "key_lines",
    "read_json",
    "track",
    "unread_keys",
    "unread_paths",
]

JsonPath = tuple[str | int, ...]
"""Where a value is in a JSON document: object keys and list indexes, from the top."""

UNREAD_KEY = "unread-key"
"""The reason of the import note (and of the unplaced text) of a key not read."""

_WHOLE = object()
"""What a key taken whole, or skipped, is marked with."""


def track(data: Any, path: JsonPath = ()) -> Any:
    """A tracking view of parsed JSON: :class:`TrackedObject` for an object,
    :class:`TrackedArray` for a list, the value itself for anything else."""
    if isinstance(data, dict):
        return TrackedObject(data, path)
    if isinstance(data, list):
        return TrackedArray(data, path)
    return data


class TrackedObject(Mapping[str, Any]):
    """A JSON object that remembers which keys were taken from it."""

    __slots__ = ("_data", "_derived", "_path", "_taken")

    def __init__(self, data: dict[str, Any], path: JsonPath = ()):
        self._data = data
        self._path = path
        self._taken: dict[str, Any] = {}
        self._derived: list[str] = []

    @property
    def path(self) -> JsonPath:
        """Where the object is in its document."""
        return self._path

    def __getitem__(self, key: str) -> Any:
        taken = self._taken.get(key)
        if taken is not None and taken is not _WHOLE:
            return taken
        value = self._data[key]
        view = track(value, (*self._path, key))
        if view is value or taken is _WHOLE:  # a plain value, or one read whole before
            self._taken[key] = _WHOLE
        else:
            self._taken[key] = view
        return view

    def __contains__(self, key: object) -> bool:
        return key in self._data  # a test, not a read

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def whole(self, key: str, default: Any = None) -> Any:
        """The plain value of ``key`` (``default`` when absent), read whole."""
        if key not in self._data:
            return default
        self._taken[key] = _WHOLE
        return self._data[key]

    def skip(self, *keys: str) -> None:
        """Count ``keys`` as read: keys the importer knows and does not need (an
        absent key is no matter)."""
        for key in keys:
            if key in self._data:
                self._taken[key] = _WHOLE

    def derive(self, *keys: str) -> None:
        """Count ``keys`` as read if they hold what the exporter would write from the
        records read: keys it writes for the standard's readers and rebuilds from
        others. :func:`changed_derived` finds those that do not."""
        self.skip(*keys)
        self._derived += [key for key in keys if key in self._data]

    def views(self) -> Iterator[TrackedObject]:
        """This object and every object view below it."""
        yield self
        for taken in self._taken.values():
            if taken is not _WHOLE:
                yield from taken.views()

    def unread(self) -> Iterator[JsonPath]:
        """The paths of the keys (and, below views, items) not read."""
        for key in self._data:
            taken = self._taken.get(key)
            if taken is None:
                yield (*self._path, key)
            elif taken is not _WHOLE:
                yield from taken.unread()


class TrackedArray(Sequence[Any]):
    """A JSON list that remembers which items were taken from it."""

    __slots__ = ("_data", "_path", "_taken")

    def __init__(self, data: list[Any], path: JsonPath = ()):
        self._data = data
        self._path = path
        self._taken: dict[int, Any] = {}

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self._data))[index]]
        if index < 0:
            index += len(self._data)
        if index not in self._taken:
            view = track(self._data[index], (*self._path, index))
            self._taken[index] = view if isinstance(view, TrackedObject | TrackedArray) else _WHOLE
        taken = self._taken[index]
        return self._data[index] if taken is _WHOLE else taken

    def __iter__(self) -> Iterator[Any]:
        return (self[index] for index in range(len(self._data)))

    def __len__(self) -> int:
        return len(self._data)

    def views(self) -> Iterator[TrackedObject]:
        """Every object view below this list."""
        for taken in self._taken.values():
            if taken is not _WHOLE:
                yield from taken.views()

    def unread(self) -> Iterator[JsonPath]:
        """The paths of the items (and, below views, keys) not read."""
        for index in range(len(self._data)):
            taken = self._taken.get(index)
            if taken is None:
                yield (*self._path, index)
            elif taken is not _WHOLE:
                yield from taken.unread()


def changed_derived(
    view: Any, rebuilt: Callable[[TrackedObject], Mapping[str, Any] | None]
) -> list[JsonPath]:
    """The paths of the derived keys (:meth:`TrackedObject.derive`) below ``view``
    whose value is not what the exporter writes again from the records read:
    ``rebuilt`` gives an object's counterpart in the export of those records (``None``
    when it has none). Such a key holds what no record kept (an edit to a derived
    property, a foreign file's property grmodel writes otherwise): it is an unread key.
    """
    if not isinstance(view, TrackedObject | TrackedArray):
        return []
    changed: list[JsonPath] = []
    for obj in view.views():
        if not obj._derived:
            continue
        again = rebuilt(obj)
        for key in obj._derived:
            if again is None or again.get(key, _WHOLE) != obj._data[key]:
                changed.append((*obj.path, key))
    return changed


def read_json(path: Path) -> tuple[str, Any]:
    """The text of a JSON file and its value (:func:`~grmodel.recordset.jsonio.parse_json`:
    a key given twice is an error at its line).

    :raises SourceError: ``FILE[:LINE]: …`` when it cannot be read or is not JSON.
    """
    try:
        with open(open_regular(path), "rb") as handle:  # never blocks on a FIFO
            raw = handle.read()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 JSON (byte {exc.start})") from exc
    return text, parse_json(text, str(path))


def unread_paths(view: Any) -> list[JsonPath]:
    """The paths not read below a view made by :func:`track` (none for a plain value)."""
    if isinstance(view, TrackedObject | TrackedArray):
        return list(view.unread())
    return []


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_:-]*")


def format_json_path(path: JsonPath) -> str:
    """A JSON path as text: ``persons[0].email`` (a key that is not a plain name in
    brackets and quotes, ``$`` for the top).

    >>> from grmodel.importing.jsonkeys import format_json_path
    >>> format_json_path(("persons", 0, "email"))
    'persons[0].email'
    >>> format_json_path(("a b",))
    '["a b"]'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _NAME.fullmatch(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out or "$"


_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]
_SCALAR = re.compile(r"[^,\]}\s]+")
_BLANK = re.compile(r"[ \t\r:]+")


def key_lines(text: str, wanted: Collection[JsonPath]) -> dict[JsonPath, tuple[int, int]]:
    """The first and last line (1-based) of each wanted path's key and value in a
    JSON text (of a list item: the item), in one pass over the text.

    >>> from grmodel.importing.jsonkeys import key_lines
    >>> key_lines('{"a": 1,\\n "b": {\\n  "c": 2}}', {("b",), ("b", "c")})
    {('b', 'c'): (3, 3), ('b',): (2, 3)}
    """
    found: dict[JsonPath, tuple[int, int]] = {}
    # Each open container: [is an object, its path, the current key or index, its line].
    stack: list[list[Any]] = []
    line, index, expect_key = 1, 0, False

    def begin() -> None:  # a value starts: in a list, the item's first line
        if stack and not stack[-1][0]:
            stack[-1][3] = line

    def end() -> None:  # a value ended on this line
        if stack:
            top = stack[-1]
            child = (*top[1], top[2])
            if child in wanted:
                found[child] = (top[3], line)

    while index < len(text):
        char = text[index]
        if char == "\n":
            line += 1
            index += 1
        elif blank := _BLANK.match(text, index):
            index = blank.end()
        elif char in "{[":
            begin()
            path = (*stack[-1][1], stack[-1][2]) if stack else ()
            stack.append([char == "{", path, None if char == "{" else 0, line])
            expect_key = char == "{"
            index += 1
        elif char in "}]":
            stack.pop()
            end()
            expect_key = False  # an empty object's "{" looked for a key that never came
            index += 1
        elif char == ",":
            if stack[-1][0]:
                expect_key = True
            else:
                stack[-1][2] += 1
            index += 1
        elif char == '"':
            value, index = _scanstring(text, index + 1)
            if expect_key:
                stack[-1][2], stack[-1][3], expect_key = value, line, False
            else:
                begin()
                end()
        else:
            scalar = _SCALAR.match(text, index)
            begin()
            index = scalar.end() if scalar else index + 1
            end()
    return found


@attrs.frozen(kw_only=True)
class UnreadKey:
    """A key (or list item) of a JSON source that its importer did not read."""

    file: str
    """The file it is in."""
    path: JsonPath
    """Where it is in the file's JSON."""
    value: Any
    """Its value (parsed JSON)."""
    line: int | None = None
    """The first line of the key and its value, where known."""
    end_line: int | None = None
    """The last line, where known."""

    @property
    def where(self) -> str:
        """``FILE:LINE: PATH`` (``FILE: PATH`` without a line)."""
        at = f"{self.file}:{self.line}" if self.line else self.file
        return f"{at}: {format_json_path(self.path)}"


def _value_at(data: Any, path: JsonPath) -> Any:
    for part in path:
        data = data[part]
    return data


def unread_keys(
    file: str, text: str, data: Any, view: Any, changed: Sequence[JsonPath] = ()
) -> list[UnreadKey]:
    """The keys of the JSON ``text`` of ``file`` (parsed: ``data``) that were not
    read through ``view`` (``track(data)``), and the derived keys ``changed``
    (:func:`changed_derived`), with their lines, in the file's order."""
    paths = [*unread_paths(view), *changed]
    if not paths:
        return []
    lines = key_lines(text, set(paths))
    found = [
        UnreadKey(
            file=file,
            path=path,
            value=_value_at(data, path),
            line=lines.get(path, (None, None))[0],
            end_line=lines.get(path, (None, None))[1],
        )
        for path in paths
    ]
    return sorted(found, key=lambda key: key.line or 0)


def account(
    document: Document, line_count: int, unread: Sequence[UnreadKey], own_file: str
) -> tuple[Document, frozenset[int]]:
    """The import's document record with its unread keys kept, and its placed lines.

    Each unread key is an ``unread-key`` note (its JSON path) and unplaced text
    (``PATH: VALUE``, the value as JSON), at its lines in ``own_file`` (the document
    imported). A key in another file of the source (or one whose line is not known)
    is at line 1, its note ``FILE:LINE: PATH`` and its text ``FILE:LINE: PATH:
    VALUE``. Every line of ``line_count`` is placed but the lines of unread keys.
    """
    notes: list[Segment] = []
    unplaced: list[Segment] = []
    unplaced_lines: set[int] = set()
    for key in unread:
        own = key.file == own_file and key.line is not None
        first = key.line if own and key.line is not None else 1
        last = key.end_line if own and key.end_line is not None else first
        span = Span(line=first, end_line=last if last != first else None)
        value = json.dumps(key.value, ensure_ascii=False)
        path = format_json_path(key.path)
        notes.append(Segment(span=span, text=path if own else key.where, reason=UNREAD_KEY))
        prefix = "" if own else f"{key.file}:{key.line}: " if key.line else f"{key.file}: "
        unplaced.append(Segment(span=span, text=f"{prefix}{path}: {value}", reason=UNREAD_KEY))
        unplaced_lines.update(range(first, last + 1))
    placed = frozenset(range(1, line_count + 1)) - unplaced_lines
    if not unread:
        return document, placed
    kept = attrs.evolve(
        document,
        notes=(*document.notes, *notes),
        unplaced=(*document.unplaced, *unplaced),
    )
    return kept, placed
