"""JSON Schema generation (Draft 2020-12) from the model.

One schema per record type (``<type>.json``), generated from the attrs classes and
their type hints, with descriptions taken from the class docstrings and the
docstring under each field; plus ``record.json``, which accepts any one record and
picks the schema by the ``type`` tag. Each file is self-contained: value classes
and enumerations are ``$defs`` of the file, and ``record.json`` bundles the record
schemas as embedded resources, so every ``$ref`` resolves offline.

The schemas describe what the converter writes and what it accepts: ``null`` is
allowed exactly where a field is optional, dates and times use the patterns the
converter parses, money is whole kronor or a mapping.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import functools
import inspect
import itertools
import json
import re
import textwrap
import types
import typing
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import attrs

from grmodel.converter import GrConverter
from grmodel.io import atomic_write_text
from grmodel.model import Record
from grmodel.model.values import Diarienummer, Money, Organisationsnummer, PartialDate

__all__ = ["SCHEMA_BASE_URI", "generate_schemas", "schema_files_stale", "write_schemas"]

SCHEMA_BASE_URI = "https://grmodel.example/schemas/"
"""The base of every schema's ``$id``; file names are relative to it."""

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_TIME_PATTERN = r"^([01]?\d|2[0-3])[:.]([0-5]\d)$"
_PRIMITIVES: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


# --- docstrings ----------------------------------------------------------------

_ROLE = re.compile(r":[a-z]+(?::[a-z]+)?:`(?:([^`<]*?)\s*<[^`>]*>|~?([^`]*))`")


def _plain(text: str) -> str:
    """A docstring as plain text: reST roles reduced to their name, ````x```` to ```x```."""

    def role(match: re.Match[str]) -> str:
        if match[1] is not None:
            return match[1]
        target = match[2]
        return target.rsplit(".", 1)[-1] if "~" in match[0] else target

    return _ROLE.sub(role, inspect.cleandoc(text)).replace("``", "`")


@functools.cache
def _field_docs(cls: Any) -> dict[str, str]:
    """Docstrings under the annotated fields of ``cls`` and its bases (best effort)."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass is object:
            continue
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError, SyntaxError):
            continue
        body = next((n.body for n in tree.body if isinstance(n, ast.ClassDef)), [])
        for node, after in itertools.pairwise(body):
            if (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                docs[node.target.id] = _plain(after.value.value)
    return docs


def _class_doc(cls: type[Any]) -> str | None:
    doc = cls.__dict__.get("__doc__")
    return _plain(doc) if isinstance(doc, str) and doc.strip() else None


@functools.cache
def _fields(cls: Any) -> tuple[tuple[attrs.Attribute[Any], Any], ...]:
    """The attrs fields of ``cls`` with their resolved type hints."""
    hints = typing.get_type_hints(cls)
    return tuple((f, hints.get(f.name, f.type)) for f in attrs.fields(cls))


# --- schema building -------------------------------------------------------------


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


class _Builder:
    """Builds every definition once; a file gets the definitions it reaches."""

    def __init__(self, converter: GrConverter):
        self.converter = converter
        self.defs: dict[str, dict[str, Any]] = {}
        self.deps: dict[str, set[str]] = {}
        self._names: dict[type[Any], str] = {}

    # A definition's name is its class name (qualified when two classes share it).
    def _name(self, cls: type[Any]) -> str:
        if cls not in self._names:
            name = "Time" if cls is dt.time else cls.__name__
            if name in self._names.values():
                name = f"{cls.__module__}.{cls.__qualname__}"
            self._names[cls] = name
        return self._names[cls]

    def _define(self, cls: type[Any], refs: set[str], make: Any) -> dict[str, Any]:
        name = self._name(cls)
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: recursion ends here
            own: set[str] = set()
            self.defs[name] = make(own)
            self.deps[name] = own
        refs.add(name)
        return _ref(name)

    def schema(self, tp: Any, refs: set[str]) -> dict[str, Any]:
        """The schema of a value of type ``tp``; names of ``$defs`` used go to ``refs``."""
        origin, args = get_origin(tp), get_args(tp)
        if origin in (Union, types.UnionType):
            options = [a for a in args if a is not type(None)]
            inner = [self.schema(a, refs) for a in options]
            if type(None) in args:
                if len(inner) == 1 and set(inner[0]) == {"type"}:
                    return {"type": [inner[0]["type"], "null"]}
                inner.append({"type": "null"})
            return inner[0] if len(inner) == 1 else {"anyOf": inner}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.schema(args[0], refs)}
        if origin is dict:
            value_type = args[1] if args else Any
            return {"type": "object", "additionalProperties": self.schema(value_type, refs)}
        if tp in _PRIMITIVES:
            return {"type": _PRIMITIVES[tp]}
        if tp is PartialDate:
            return self._define(tp, refs, lambda _: self._string(tp, _DATE_PATTERN))
        if tp is dt.time:
            return self._define(tp, refs, lambda _: self._time())
        if tp in (Diarienummer, Organisationsnummer):
            return self._define(tp, refs, lambda _: self._string(tp, None))
        if tp is Money:
            return self._define(tp, refs, self._money)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self._define(tp, refs, lambda _: self._enum(tp))
        if isinstance(tp, type) and attrs.has(tp):
            return self._define(tp, refs, lambda own: self.object(tp, own))
        return {}  # a type the generator does not know: anything goes

    def _string(self, cls: type[Any], pattern: str | None) -> dict[str, Any]:
        out: dict[str, Any] = {"description": _class_doc(cls), "type": "string"}
        if pattern is not None:
            out["pattern"] = pattern
        return _drop_none(out)

    def _time(self) -> dict[str, Any]:
        return {
            "description": "A time of day, `HH:MM` (written with a colon; a dot is accepted).",
            "type": "string",
            "pattern": _TIME_PATTERN,
        }

    def _enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        values = [member.value for member in cls]
        kinds = {_PRIMITIVES.get(type(v)) for v in values}
        out: dict[str, Any] = {"description": _class_doc(cls)}
        if len(kinds) == 1 and None not in kinds:
            out["type"] = kinds.pop()
        out["enum"] = values
        return _drop_none(out)

    def _money(self, own: set[str]) -> dict[str, Any]:
        mapping = self.object(Money, own)
        mapping.pop("description", None)
        return _drop_none(
            {
                "description": _class_doc(Money),
                "oneOf": [
                    {"description": "Whole kronor, exact.", "type": "integer"},
                    mapping,
                ],
            }
        )

    def object(self, cls: Any, refs: set[str], tag: str | None = None) -> dict[str, Any]:
        """The object schema of an attrs class (of a record, with its ``type`` tag)."""
        docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["type"] = {"description": "The record type tag.", "const": tag}
            required.append("type")
        for field, hint in _fields(cls):
            key = field.name
            prop: dict[str, Any] = {}
            if field.name in docs:
                prop["description"] = docs[field.name]
            prop.update(self.schema(hint, refs))
            if field.default is attrs.NOTHING:
                required.append(key)
            else:
                default = self._default(field, hint)
                if default is not attrs.NOTHING:
                    prop["default"] = default
            properties[key] = prop
        out: dict[str, Any] = {"description": _class_doc(cls), "type": "object"}
        out["properties"] = properties
        out["required"] = required
        out["additionalProperties"] = False
        return _drop_none(out)

    def _default(self, field: attrs.Attribute[Any], hint: Any) -> Any:
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                return attrs.NOTHING
            default = default.factory()
        try:
            return self.converter.cattrs.unstructure(default, unstructure_as=hint)
        except Exception:  # an exotic default: leave it out of the schema
            return attrs.NOTHING

    def closure(self, refs: set[str]) -> dict[str, dict[str, Any]]:
        """The definitions ``refs`` reach, by name in sorted order."""
        seen: set[str] = set()
        todo = list(refs)
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(self.deps.get(name, ()))
        return {name: self.defs[name] for name in sorted(seen)}


def _drop_none(schema: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if v is not None}


def _record_schema(builder: _Builder, tag: str, cls: type[Record]) -> dict[str, Any]:
    refs: set[str] = set()
    body = builder.object(cls, refs, tag=tag)
    schema: dict[str, Any] = {
        "$schema": _DRAFT,
        "$id": f"{SCHEMA_BASE_URI}{tag}.json",
        "title": cls.__name__,
    }
    schema.update(body)
    defs = builder.closure(refs)
    if defs:
        schema["$defs"] = defs
    return schema


def _union_schema(record_schemas: dict[str, dict[str, Any]]) -> dict[str, Any]:
    tags = list(record_schemas)
    return {
        "$schema": _DRAFT,
        "$id": f"{SCHEMA_BASE_URI}record.json",
        "title": "Record",
        "description": (
            "Any one record; the `type` tag picks the record type's schema "
            "(bundled here, each also published as `<type>.json`)."
        ),
        "type": "object",
        "properties": {"type": {"description": "The record type tag.", "enum": tags}},
        "required": ["type"],
        "allOf": [
            {
                "if": {"properties": {"type": {"const": tag}}, "required": ["type"]},
                "then": {"$ref": f"{tag}.json"},
            }
            for tag in tags
        ],
        "$defs": record_schemas,
    }


def generate_schemas(converter: GrConverter) -> dict[str, dict[str, Any]]:
    """One schema per record type (``<type>.json``) plus ``record.json``, by file name.

    :param converter: the converter whose record types (core and plugins') to describe.
    :returns: schemas by file name, record types sorted by tag, ``record.json`` last.
    """
    builder = _Builder(converter)
    records = {
        tag: _record_schema(builder, tag, converter.record_types[tag])
        for tag in sorted(converter.record_types)
    }
    schemas = {f"{tag}.json": schema for tag, schema in records.items()}
    schemas["record.json"] = _union_schema(records)
    return schemas


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(schemas: dict[str, dict[str, Any]], outdir: Path) -> None:
    """Write the schemas to ``outdir`` (each file atomically; generated files are replaced)."""
    outdir.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas.items():
        atomic_write_text(outdir / name, _dump(schema), force=True)


def schema_files_stale(schemas: dict[str, dict[str, Any]], outdir: Path) -> list[str]:
    """Names of schema files in ``outdir`` that are missing or differ from ``schemas``."""
    stale = []
    for name, schema in schemas.items():
        path = outdir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != _dump(schema):
            stale.append(name)
    return stale
