"""CSV cells → record data, typed by the record class's fields.

A CSV file holds records of one type: a ``type`` column, or a file named after
the type (``persons.csv``, ``memberships.csv``). Columns are field names;
nested fields use dots (``period.start``); list fields separate items with
``|``; a cell holding a list or mapping of records may be JSON. Empty cells
mean "not given". Cells are typed from the field types (``"3"`` for an integer
field is 3, ``"3.7"`` stays a string and is then reported), never guessed.
"""

from __future__ import annotations

import enum
import functools
import json
import re
import types
import typing
from typing import Any, Union, get_args, get_origin

import attrs

from grmodel.converter import FieldPath, GrConverter
from grmodel.model.values import Money

__all__ = ["CsvDecoder"]

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
