"""Reading records from JSON and JSON Lines, with lines for every problem.

A key given twice in one object, a number too long to convert, a record nested
too deep and a lone surrogate (``"\\ud800"``, not Unicode text) are problems at
their line, never a value silently dropped or an internal error.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any

from grmodel.converter import FieldPath
from grmodel.errors import SourceError
from grmodel.recordset.base import LoadedRecord, LoadLimits, LoadProblem, RawRecord
from grmodel.recordset.fast import FastStructurer
from grmodel.recordset.fieldlines import FieldLocator, KeptLines, KeptText, Shapes

__all__ = ["iter_json", "iter_jsonl", "parse_json"]


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return data


_decoder = json.JSONDecoder(object_pairs_hook=_unique_keys)
_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]
_WS = " \t\r\n"
_SCALAR = re.compile(r"[^,\]}\s]+")
_LONE_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONG_NUMBER = re.compile(r"\d{4301,}")


def _skip_ws(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WS:
        index += 1
    return index


def _past_value(text: str, index: int) -> int:
    """Position after the value starting at ``index`` and the comma that may follow it."""
    _, index = _decoder.raw_decode(text, index)
    index = _skip_ws(text, index)
    if text.startswith(",", index):
        index = _skip_ws(text, index + 1)
    return index


def _value_pos(text: str, index: int, path: FieldPath) -> int:
    """Position of the value (or key) at ``path`` below the value starting at ``index``."""
    for key in path:
        index = _skip_ws(text, index)
        if text.startswith("{", index) and isinstance(key, str):
            index = _skip_ws(text, index + 1)
            while index < len(text) and text[index] == '"':
                key_pos = index
                name, index = _scanstring(text, index + 1)
                index = _skip_ws(text, index) + 1  # past ':'
                index = _skip_ws(text, index)
                if name == key:
                    if text[index] not in "[{":
                        return key_pos
                    break
                index = _past_value(text, index)
            else:
                return index
        elif text.startswith("[", index) and isinstance(key, int):
            index = _skip_ws(text, index + 1)
            for _ in range(key):
                index = _past_value(text, index)
        else:
            return index
    return index


class _Locator(FieldLocator):
    """Lines of a record's fields, from the text of its file (the record is
    ``text[start:end]``)."""

    __slots__ = ("_end", "_kept", "_start", "_text")

    def __init__(self, text: str, start: int, end: int, kept: KeptText):
        self._text = text
        self._start = start
        self._end = end
        self._kept = kept

    def __call__(self, path: FieldPath) -> int:
        return self._text.count("\n", 0, _value_pos(self._text, self._start, path)) + 1

    def field_lines(self, shapes: Shapes, line: int) -> KeptLines | None:
        if self._text.find("\n", self._start, self._end) < 0:
            return None  # on one line: the record's line answers every path
        return _TextLines(self._kept.want(), self._start)


class _TextLines:
    """A record's field lines told from its file's text, kept compressed."""

    __slots__ = ("_kept", "_start")

    def __init__(self, kept: KeptText, start: int):
        self._kept = kept
        self._start = start

    @property
    def source(self) -> KeptText:
        return self._kept

    def line_of(self, path: FieldPath, shapes: Shapes, line: int) -> int | None:
        text = self._kept.text()
        try:
            return line + text.count("\n", self._start, _value_pos(text, self._start, path))
        except Exception:  # as the locator: a path it cannot follow (past a list's end)
            return None


def _duplicate_key_pos(text: str, index: int) -> int:
    """Position of the first key given twice in one object of the value at ``index``."""
    stack: list[set[str] | None] = []
    expect_key = False
    while index < len(text):
        char = text[index]
        if char in _WS or char == ":":
            index += 1
        elif char in "{[":
            stack.append(set() if char == "{" else None)
            expect_key = char == "{"
            index += 1
        elif char in "}]":
            stack.pop()
            index += 1
            if not stack:
                break
        elif char == ",":
            expect_key = bool(stack) and stack[-1] is not None
            index += 1
        elif char == '"':
            value, end = _scanstring(text, index + 1)
            keys = stack[-1] if stack else None
            if expect_key and keys is not None:
                if value in keys:
                    return index
                keys.add(value)
                expect_key = False
            index = end
        else:
            match = _SCALAR.match(text, index)
            index = match.end() if match else index + 1
    return index


def _depth(data: Any, limit: int) -> bool:
    """True when ``data`` nests deeper than ``limit`` levels (iteratively)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return False


def _lone_surrogate(data: Any, path: FieldPath = ()) -> FieldPath | None:
    """The path of a string holding a lone surrogate, or ``None``."""
    stack: list[tuple[Any, FieldPath]] = [(data, path)]
    while stack:
        value, at = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return at
        elif isinstance(value, dict):
            stack.extend((v, (*at, k)) for k, v in value.items())
            stack.extend((k, at) for k in value)
        elif isinstance(value, list):
            stack.extend((v, (*at, i)) for i, v in enumerate(value))
    return None


def _line_at(text: str, index: int, base: int) -> int:
    return base + text.count("\n", 0, index)


def _decode(
    text: str, index: int, file: str, base: int, limits: LoadLimits
) -> tuple[Any, int] | LoadProblem:
    """Decode the value at ``index``: the value and where it ends, or a problem.

    ``base`` is the line of the text's first character in the file.
    """
    try:
        data, end = _decoder.raw_decode(text, index)
    except json.JSONDecodeError as exc:
        line = base + exc.lineno - 1
        return LoadProblem(
            file, line, f"JSON syntax error: {exc.msg} (column {exc.colno})", "parse"
        )
    except _DuplicateKeyError as exc:
        line = _line_at(text, _duplicate_key_pos(text, index), base)
        return LoadProblem(
            file, line, f"duplicate key {exc.key!r} (the first value would be lost)", "duplicate"
        )
    except RecursionError:
        line = _line_at(text, index, base)
        return LoadProblem(file, line, "refused: a value nested too deep to read", "limit")
    except ValueError as exc:  # a number of more digits than Python converts
        match = _LONG_NUMBER.search(text, index)
        line = _line_at(text, match.start() if match else index, base)
        return LoadProblem(file, line, f"refused: {str(exc).split(';')[0]}", "limit")
    if text.count("{", index, end) + text.count("[", index, end) > limits.depth and _depth(
        data, limits.depth
    ):
        line = _line_at(text, index, base)
        return LoadProblem(
            file, line, f"refused: a record nested deeper than {limits.depth} levels", "limit"
        )
    if _LONE_SURROGATE.search(text, index, end):
        path = _lone_surrogate(data)
        if path is not None:
            line = _line_at(text, index, base)
            return LoadProblem(
                file, line, "a lone surrogate escape (\\ud800-\\udfff) is not text", "value", path
            )
    return data, end


def parse_json(text: str, file: str, limits: LoadLimits | None = None) -> Any:
    """The one JSON value of ``text`` (the whole of ``file``), read as record files
    are: a key given twice, a value nested too deep, a number too long or a lone
    surrogate is an error at its line, never a value silently dropped.

    :raises SourceError: ``FILE:LINE: …``.
    """
    decoded = _decode(text, _skip_ws(text, 0), file, 1, limits or LoadLimits())
    if isinstance(decoded, LoadProblem):
        raise SourceError(f"{decoded.file}:{decoded.line}: {decoded.message}")
    data, end = decoded
    if _skip_ws(text, end) < len(text):
        line = _line_at(text, _skip_ws(text, end), 1)
        raise SourceError(f"{file}:{line}: JSON syntax error: extra data after the value")
    return data


def iter_json(
    text: str, file: str, limits: LoadLimits | None = None
) -> Iterator[RawRecord | LoadProblem]:
    """Records of a JSON text: a record, or a list of records.

    The text is kept (compressed) past the last record only when a record's field
    lines were asked for (:meth:`~grmodel.recordset.fieldlines.FieldLocator.field_lines`).
    """
    kept = KeptText(text)
    try:
        yield from _records(text, file, limits or LoadLimits(), kept)
    finally:
        kept.seal()


def _records(
    text: str, file: str, limits: LoadLimits, kept: KeptText
) -> Iterator[RawRecord | LoadProblem]:
    index = _skip_ws(text, 0)
    if not text.startswith("[", index):
        decoded = _decode(text, index, file, 1, limits)
        if isinstance(decoded, LoadProblem):
            yield decoded
            return
        data, stop = decoded
        if isinstance(data, dict) and isinstance(data.get("records"), list):
            yield LoadProblem(
                file,
                1,
                "a JSON record file is a record or a list of records, not an object with 'records'",
                "parse",
            )
            return
        yield RawRecord(data, file, _line_at(text, index, 1), _Locator(text, index, stop, kept))
        return
    index = _skip_ws(text, index + 1)
    line, counted = 1, 0
    while index < len(text) and text[index] != "]":
        line += text.count("\n", counted, index)
        counted = index
        decoded = _decode(text, index, file, 1, limits)
        if isinstance(decoded, LoadProblem):
            yield decoded
            if decoded.kind == "parse":
                return
            end = _next_value(text, index)
            if end is None:
                return
        else:
            data, end = decoded
            yield RawRecord(data, file, line, _Locator(text, index, end, kept))
        index = _skip_ws(text, end)
        if text.startswith(",", index):
            index = _skip_ws(text, index + 1)
        elif index < len(text) and text[index] != "]":
            lineno = _line_at(text, index, 1)
            yield LoadProblem(file, lineno, "JSON syntax error: expected ',' or ']'", "parse")
            return


def _next_value(text: str, index: int) -> int | None:
    """Where the value at ``index`` ends, skipping a record refused for its content."""
    try:
        return int(json.JSONDecoder().raw_decode(text, index)[1])
    except (ValueError, RecursionError):
        return None


def iter_jsonl(
    handle: io.TextIOBase,
    file: str,
    limits: LoadLimits | None = None,
    fast: FastStructurer | None = None,
    first_line: int = 1,
) -> Iterator[RawRecord | LoadProblem | LoadedRecord]:
    """Records of a JSON Lines stream, one per non-blank line; ``first_line`` is the
    line of the stream's first line in ``file`` (a byte range read by a worker).

    A line with bytes that are not UTF-8 (a stream opened with
    ``errors="surrogateescape"`` gives them as lone surrogates) is a problem at that
    line, and the stream is read no further: the same line and message however the
    file is cut into ranges.

    With ``fast``, a line it structures comes already structured; on any doubt (it
    says no, or a key name repeats on the line, which msgspec would let overwrite)
    the line takes the detailed path, which finds and explains every problem.
    """
    limits = limits or LoadLimits()
    for number, text in enumerate(handle, start=first_line):
        if not text.isascii() and _UNDECODED.search(text):
            yield _not_utf8(text, file, number)
            return  # the rest of the file is not read (as a JSON or YAML file's is not)
        if not text.strip():
            continue
        if fast is not None and ("\\" not in text or not _may_repeat_key(text)):
            record = fast(text)
            if record is not None:
                yield LoadedRecord(record, file, number, None)
                continue
        decoded = _decode(text, _skip_ws(text, 0), file, number, limits)
        if isinstance(decoded, LoadProblem):
            yield decoded
            continue
        data, end = decoded
        if _skip_ws(text, end) < len(text):
            yield LoadProblem(
                file, number, "JSON syntax error: extra data after the record", "parse"
            )
            continue
        yield RawRecord(data, file, number, None)


NOT_UTF8 = "not UTF-8 text"
"""How the problem of a JSON Lines line that is not UTF-8 begins (reading stops there)."""

_UNDECODED = re.compile("[\udc80-\udcff]")
"""A byte that is not UTF-8, as a stream opened with ``errors="surrogateescape"`` gives it."""


def _not_utf8(text: str, file: str, number: int) -> LoadProblem:
    raw = text.encode("utf-8", "surrogateescape")
    try:
        raw.decode("utf-8")
        why = "undecodable bytes"
    except UnicodeDecodeError as exc:
        why = f"{exc.reason} at byte {exc.start} of the line"
    return LoadProblem(file, number, f"{NOT_UTF8} ({why})", "parse", hint="save the file as UTF-8")


def _may_repeat_key(text: str) -> bool:
    """True when a key may be given twice in one object of a line with an escape
    (msgspec, on the fast path, would keep the last value without a word): the
    detailed decoder's own check, without structuring. A line without one the fast
    path checks itself (:meth:`~grmodel.recordset.fast.FastCodec.decode`).
    """
    try:
        _decoder.decode(text)
    except (ValueError, RecursionError):  # a key given twice, or a line to explain
        return True
    return False
