"""CSV cells → record data, typed by the record class's fields.

A CSV file holds records of one type: a ``type`` column, or a file named after
the type (``persons.csv``, ``memberships.csv``). Columns are field names;
nested fields use dots (``period.start``); list fields separate items with
``|``; a cell holding a list or mapping of records may be JSON. Empty cells
mean "not given". Cells are typed from the field types (``"3"`` for an integer
field is 3, ``"3.7"`` stays a string and is then reported), never guessed.
"""

from __future__ import annotations

import csv
import enum
import functools
import io
import json
import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import attrs

from grmodel.converter import FieldPath, GrConverter
from grmodel.model.values import Money
from grmodel.recordset.base import LoadProblem, Locator, RawRecord

__all__ = ["CsvDecoder", "header_problem", "iter_csv"]

_INT = re.compile(r"^[-+]?\d+$")


def _strip_optional(t: Any) -> Any:
    if get_origin(t) in (Union, types.UnionType):
        args = [a for a in get_args(t) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return t


@functools.cache
def _hints(cls: Any) -> dict[str, Any]:
    return {name: _strip_optional(t) for name, t in typing.get_type_hints(cls).items()}


class CsvDecoder:
    """Decodes CSV rows for the record types a converter knows."""

    def __init__(self, converter: GrConverter):
        self._types = converter.record_types
        self.type_names: list[str] = sorted(self._types)
        """The known type tags."""

    def type_from_filename(self, stem: str) -> str | None:
        """The type tag a file name implies (``"persons"`` → ``"person"``), or ``None``."""
        name = stem.lower().replace("-", "_")
        candidates = [name, name.removesuffix("s"), name.removesuffix("es")]
        if name.endswith("ies"):
            candidates.append(name[:-3] + "y")
        return next((c for c in candidates if c in self._types), None)

    def decode(
        self, row: dict[str, str], type_hint: str | None
    ) -> tuple[dict[str, Any], list[tuple[FieldPath, str]]]:
        """Decode one row; returns the data and any cell problems."""
        tag = row.get("type") or type_hint
        cls = self._types.get(tag or "")
        data: dict[str, Any] = {}
        problems: list[tuple[FieldPath, str]] = []
        for column, cell in row.items():
            if cell == "" or cell is None:
                continue
            path = column.split(".")
            target: dict[str, Any] = data
            owner: Any = cls
            for part in path[:-1]:
                target = target.setdefault(part, {})
                owner = _owner(owner, part)
            field_type = _hints(owner).get(path[-1]) if owner is not None else None
            try:
                target[path[-1]] = _decode_cell(cell, field_type)
            except ValueError as exc:
                problems.append((tuple(path), f"cell {column!r}: {exc}"))
        return data, problems


def _owner(cls: Any, name: str) -> Any:
    if cls is None or not attrs.has(cls):
        return None
    t = _hints(cls).get(name)
    return t if t is not None and attrs.has(t) else None


def _decode_cell(cell: str, t: Any) -> Any:
    if t is None or t is str or t is Any:
        return cell
    origin = get_origin(t)
    if origin is tuple:
        text = cell.strip()
        if text.startswith("["):
            return _json(text)
        inner = _strip_optional(get_args(t)[0])
        return [_decode_cell(item.strip(), inner) for item in cell.split("|")]
    if origin is dict:
        text = cell.strip()
        if text.startswith("{"):
            return _json(text)
        inner = get_args(t)[1]
        out = {}
        for pair in cell.split("|"):
            key, sep, value = pair.partition("=")
            if not sep:
                raise ValueError(f"expected key=value pairs separated by '|', got {pair!r}")
            out[key.strip()] = _decode_cell(value.strip(), inner)
        return out
    if t is int or t is Money:
        return int(cell) if _INT.match(cell.strip()) else cell
    if t is float:
        try:
            return float(cell)
        except ValueError:
            return cell
    if t is bool:
        lowered = cell.strip().lower()
        return {"true": True, "false": False}.get(lowered, cell)
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return cell
    if attrs.has(t) and cell.strip().startswith("{"):
        return _json(cell.strip())
    return cell


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON in cell: {exc.msg}") from None


def header_problem(header: list[str]) -> tuple[str, str] | None:
    """What is wrong with a header (``(message, kind)``), or ``None``: a column given
    twice, or a column and a dotted column below it (``provenance`` beside
    ``provenance.line``), would each lose a value."""
    seen: set[str] = set()
    for column in header:
        if column in seen:
            return f"column {column!r} is given twice", "duplicate"
        seen.add(column)
    for column in header:
        parts = column.split(".")
        for end in range(1, len(parts)):
            prefix = ".".join(parts[:end])
            if prefix in seen:
                return (
                    f"columns {prefix!r} and {column!r} both give {prefix!r}; one would be lost",
                    "duplicate",
                )
    return None


def iter_csv(
    handle: io.TextIOBase, file: str, decoder: CsvDecoder
) -> Iterator[RawRecord | LoadProblem]:
    """Records of a CSV stream, one per non-blank row, typed by ``decoder``.

    The reader is strict: a quote opened and never closed, or text after a
    closing quote, is an error at the row where the quoted cell starts, not a
    cell that silently swallows the rows after it.
    """
    reader = csv.reader(handle, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield LoadProblem(file, 1, f"CSV error in the header: {exc}", "parse")
        return
    type_hint = decoder.type_from_filename(Path(file).stem)
    if "type" not in header and type_hint is None:
        yield LoadProblem(
            file,
            1,
            "a CSV record file needs a 'type' column or a name after a "
            "record type (e.g. persons.csv)",
            "parse",
            hint="known types: " + ", ".join(decoder.type_names),
        )
        return
    bad_header = header_problem(header)
    if bad_header is not None:
        yield LoadProblem(file, 1, bad_header[0], bad_header[1])
        return
    previous_end = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            start = previous_end + 1
            message = (
                "a quoted cell opened in this row is never closed"
                if "unexpected end of data" in str(exc)
                else f"CSV error: {exc}"
            )
            yield LoadProblem(file, start, message, "parse")
            return
        line, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield LoadProblem(
                file, line, f"row has {len(row)} cells, header has {len(header)}", "parse"
            )
            continue
        data, problems = decoder.decode(dict(zip(header, row, strict=True)), type_hint)
        for path, message in problems:
            yield LoadProblem(file, line, message, "type", path, data.get("id"))
        if not problems:
            yield RawRecord(data, file, line, _constant_line(line), type_hint)


def _constant_line(line: int) -> Locator:
    return lambda _path: line
