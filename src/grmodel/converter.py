"""The one cattrs converter that structures and unstructures every record.

Build it once with :func:`make_converter` (the plugin manager's
:attr:`~grmodel.plugins.GrPluginManager.converter` does that, with plugin
contributions) and reuse it: the structuring functions are generated once per
class, never per record.

Hook registration order follows cattrs' advice: strict primitives first, then
the model's value types, then plugin contributions, then the record union
(dispatch on the ``type`` tag) last.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from grmodel.model import CORE_RECORD_TYPES, Record
from grmodel.model.values import Diarienummer, Money, Organisationsnummer, PartialDate

__all__ = [
    "FieldPath",
    "GrConverter",
    "StructureProblem",
    "UnknownRecordTypeError",
    "make_converter",
]

T = TypeVar("T")
FieldPath = tuple[str | int, ...]
"""A path into a record: field names and list indexes (``("items", 2, "title")``)."""

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


@attrs.frozen
class StructureProblem:
    """One structural problem found while structuring a record."""

    path: FieldPath
    """Where in the record (empty for the record itself)."""
    message: str
    """What is wrong, in one line."""
    kind: str
    """``"type"``, ``"missing"``, ``"unknown"``, ``"value"`` or ``"record-type"``."""
    hint: str | None = None
    """How to fix it, where that can be said."""


class UnknownRecordTypeError(ValueError):
    """A record's ``type`` tag names no registered record type."""


def _type_name(value: object) -> str:
    return {
        bool: "boolean",
        int: "integer",
        float: "number",
        str: "string",
        list: "list",
        dict: "mapping",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _strict_str(value: object, _: object) -> str:
    if type(value) is str:
        return value
    raise TypeError(f"expected a string, got {_type_name(value)} {value!r}")


def _strict_int(value: object, _: object) -> int:
    if type(value) is int:
        return value
    raise TypeError(f"expected an integer, got {_type_name(value)} {value!r}")


def _strict_float(value: object, _: object) -> float:
    if type(value) in (int, float):
        return float(value)  # type: ignore[arg-type]
    raise TypeError(f"expected a number, got {_type_name(value)} {value!r}")


def _strict_bool(value: object, _: object) -> bool:
    if type(value) is bool:
        return value
    raise TypeError(f"expected true or false, got {_type_name(value)} {value!r}")


_parse_date = functools.lru_cache(maxsize=1 << 16)(PartialDate.parse)
"""Dates repeat heavily in record sets; PartialDate is immutable, so parses are shared."""


def _partial_date(value: object, _: object) -> PartialDate:
    if type(value) is not str:
        hint = " (quote dates in YAML)" if isinstance(value, dt.date) else ""
        raise TypeError(f"expected a date string YYYY[-MM[-DD]], got {_type_name(value)}{hint}")
    return _parse_date(value)


def _time(value: object, _: object) -> dt.time:
    if type(value) is not str:
        raise TypeError(f"expected a time string HH:MM, got {_type_name(value)} {value!r}")
    match = _TIME.match(value)
    if match is None:
        raise ValueError(f"not a time (HH:MM): {value!r}")
    return dt.time(int(match[1]), int(match[2]))


def _unstructure_time(value: dt.time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


@functools.cache
def _enum_values(cls: type[enum.Enum]) -> dict[object, enum.Enum]:
    return {member.value: member for member in cls}


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    values = _enum_values(cls)
    if type(value) in (str, int) and value in values:
        return values[value]
    close = difflib.get_close_matches(str(value), [str(v) for v in values], n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise ValueError(
        f"{value!r} is not a valid {cls.__name__} (one of: {', '.join(map(str, values))}){hint}"
    )


class GrConverter:
    """A configured converter plus the registry of record types.

    Use :meth:`structure_record` and :meth:`unstructure_record` for records;
    :attr:`cattrs` is the underlying :class:`cattrs.Converter` for other values.
    """

    def __init__(self, converter: cattrs.Converter, record_types: Mapping[str, type[Record]]):
        self.cattrs = converter
        """The underlying cattrs converter."""
        self.record_types: dict[str, type[Record]] = dict(record_types)
        """Record classes by type tag."""
        self._structurers: dict[str, Callable[[Any, Any], Any]] = {
            tag: converter.get_structure_hook(cls) for tag, cls in self.record_types.items()
        }
        self._unstructurers: dict[type[Any], Callable[[Any], Any]] = {
            cls: converter.get_unstructure_hook(cls) for cls in self.record_types.values()
        }

    def record_class(self, tag: object) -> type[Record]:
        """The record class for a type tag.

        :raises UnknownRecordTypeError: for an unknown tag, with a suggestion.
        """
        if type(tag) is str and tag in self.record_types:
            return self.record_types[tag]
        close = difflib.get_close_matches(str(tag), list(self.record_types), n=1)
        suggestion = f"; did you mean {close[0]!r}?" if close else ""
        raise UnknownRecordTypeError(f"unknown record type {tag!r}{suggestion}")

    def structure_record(self, raw: object) -> Record:
        """Structure one raw record (a mapping with a ``type`` tag).

        :raises UnknownRecordTypeError: for a missing or unknown type tag.
        :raises cattrs.BaseValidationError: for structural problems; turn it into
            problems with :func:`explain`.
        """
        if not isinstance(raw, dict):
            raise TypeError(f"a record must be a mapping, got {_type_name(raw)}")
        if "type" not in raw:
            raise UnknownRecordTypeError("record has no 'type' field")
        tag = raw["type"]
        cls = self.record_class(tag)
        # Structure without the tag, then put it back: the raw mapping is the
        # caller's, and error reporting still needs the tag.
        del raw["type"]
        try:
            result: Record = self._structurers[tag](raw, cls)
        finally:
            raw["type"] = tag
        return result

    def unstructure_record(self, record: Record) -> dict[str, Any]:
        """Unstructure a record to plain data: ``type`` and ``id`` first, ``note`` and
        ``provenance`` last, fields at their default left out."""
        data: dict[str, Any] = self._unstructurers[type(record)](record)
        out: dict[str, Any] = {"type": record.TYPE, "id": data.pop("id")}
        note = data.pop("note", None)
        provenance = data.pop("provenance", None)
        out.update(data)
        if note is not None:
            out["note"] = note
        if provenance is not None:
            out["provenance"] = provenance
        return out

    def explain(self, exc: BaseException, cls: type[Any] | None = None) -> list[StructureProblem]:
        """Turn a structuring exception into a list of problems with field paths."""
        problems: list[StructureProblem] = []
        _explain(exc, (), cls, problems)
        return problems


def _fields_of(cls: type[Any] | None) -> list[str]:
    if cls is not None and attrs.has(cls):
        return [f.name for f in attrs.fields(cls)]
    return []


def _explain(
    exc: BaseException, path: FieldPath, cls: type[Any] | None, out: list[StructureProblem]
) -> None:
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = _fields_of(exc.cl)
        for key in sorted(exc.extra_fields, key=str):  # a YAML key may be a number
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else ("allowed fields: " + ", ".join(allowed) if allowed else None)
            )
            out.append(StructureProblem((*path, key), f"unknown field {key!r}", "unknown", hint))
        return
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        for sub in exc.exceptions:
            sub_path, sub_cls = path, None
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    sub_path, sub_cls = (*path, note.name), note.type
                elif isinstance(note, IterableValidationNote):
                    sub_path, sub_cls = (*path, note.index), note.type
            if isinstance(sub, KeyError) and sub_path != path:
                out.append(
                    StructureProblem(
                        sub_path, f"missing required field {sub_path[-1]!r}", "missing"
                    )
                )
            else:
                _explain(sub, sub_path, sub_cls if attrs.has(sub_cls or object) else cls, out)
        return
    if isinstance(exc, UnknownRecordTypeError):
        out.append(StructureProblem(path, str(exc), "record-type"))
        return
    message = str(exc) or type(exc).__name__
    kind = "type" if isinstance(exc, TypeError) else "value"
    if "got an unexpected keyword argument" in message or ("missing" in message and kind == "type"):
        kind = "value"
    out.append(StructureProblem(path, message.splitlines()[0], kind))


def _is_tuple_seq(t: Any) -> bool:
    return get_origin(t) is tuple and len(get_args(t)) == 2 and get_args(t)[1] is Ellipsis


def _is_optional(t: Any) -> bool:
    """``X | None`` with a single ``X`` (cattrs' generic union path is slower)."""
    if get_origin(t) not in (typing.Union, types.UnionType):
        return False
    args = get_args(t)
    return len(args) == 2 and type(None) in args


def _is_str_dict(t: Any) -> bool:
    return get_origin(t) is dict


def _make_converter_hooks(conv: cattrs.Converter) -> None:
    for typ, fn in (
        (str, _strict_str),
        (int, _strict_int),
        (float, _strict_float),
        (bool, _strict_bool),
    ):
        conv.register_structure_hook(typ, fn)
    _container_hooks(conv)
    _value_hooks(conv)
    _money_hooks(conv)


def _container_hooks(conv: cattrs.Converter) -> None:
    """Lists (as tuples), optionals and string-keyed mappings, each item's error kept."""

    def tuple_factory(t: Any) -> Callable[[Any, Any], Any]:
        inner = get_args(t)[0]
        hook = conv.get_structure_hook(inner)

        def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise TypeError(f"expected a list, got {_type_name(value)}")
            result, errors = [], []
            for index, item in enumerate(value):
                try:
                    result.append(hook(item, inner))
                except Exception as exc:  # collected and re-raised as a group
                    exc.add_note(IterableValidationNote(f"@ index {index}", index, inner))
                    errors.append(exc)
            if errors:
                raise IterableValidationError("invalid list items", errors, t)
            return tuple(result)

        return structure_tuple

    def optional_factory(t: Any) -> Callable[[Any, Any], Any]:
        inner = next(a for a in get_args(t) if a is not type(None))
        hook = conv.get_structure_hook(inner)

        def structure_optional(value: Any, _: Any) -> Any:
            return None if value is None else hook(value, inner)

        return structure_optional

    conv.register_structure_hook_factory(_is_tuple_seq, tuple_factory)
    conv.register_structure_hook_factory(_is_optional, optional_factory)
    conv.register_structure_hook_factory(_is_str_dict, _dict_factory(conv))
    conv.register_unstructure_hook_factory(
        _is_tuple_seq,
        lambda t: _list_unstructurer(conv, get_args(t)[0]),
    )


def _dict_factory(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    """String-keyed mappings, each entry's error kept."""

    def dict_factory(t: Any) -> Callable[[Any, Any], Any]:
        _key_type, value_type = get_args(t) or (str, Any)
        value_hook = conv.get_structure_hook(value_type)

        def structure_dict(value: Any, _: Any) -> dict[Any, Any]:
            if not isinstance(value, dict):
                raise TypeError(f"expected a mapping, got {_type_name(value)}")
            result, errors = {}, []
            for key, item in value.items():
                try:
                    if type(key) is not str:
                        raise TypeError(
                            f"keys must be strings, got {_type_name(key)} {key!r} (quote it)"
                        )
                    result[key] = value_hook(item, value_type)
                except Exception as exc:
                    exc.add_note(AttributeValidationNote(f"@ key {key!r}", str(key), value_type))
                    errors.append(exc)
            if errors:
                raise ClassValidationError("invalid mapping entries", errors, t)
            return result

        return structure_dict

    return dict_factory


def _value_hooks(conv: cattrs.Converter) -> None:
    """Enums, dates, times and identifiers."""
    # Enums: registered on StrEnum and Enum by class, because singledispatch would
    # otherwise give a StrEnum the strict ``str`` hook (str precedes Enum in its MRO)
    # and let any string through as a member.
    for base in (enum.StrEnum, enum.IntEnum, enum.Enum):
        conv.register_structure_hook(base, _structure_enum)
        conv.register_unstructure_hook(base, lambda value: value.value)

    # Value types.
    conv.register_structure_hook(PartialDate, _partial_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook(dt.time, _time)
    conv.register_unstructure_hook(dt.time, _unstructure_time)
    for ident in (Diarienummer, Organisationsnummer):
        conv.register_structure_hook(ident, _ident_structurer(ident))
        conv.register_unstructure_hook(ident, lambda value: value.value)


def _money_hooks(conv: cattrs.Converter) -> None:
    """Money: whole kronor as an integer, or a mapping with ``amount``."""
    money_from_mapping = cattrs.gen.make_dict_structure_fn(
        Money, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    money_to_mapping = cattrs.gen.make_dict_unstructure_fn(
        Money, conv, _cattrs_omit_if_default=True
    )

    def structure_money(value: Any, _: Any) -> Money:
        if type(value) is int:
            return Money(amount=value)
        if isinstance(value, dict):
            return money_from_mapping(value, Money)
        raise TypeError(
            f"expected whole kronor (an integer) or a mapping with 'amount', "
            f"got {_type_name(value)} {value!r}"
        )

    def unstructure_money(value: Money) -> Any:
        if value.max_amount is None and value.stated is None:
            return value.amount
        return money_to_mapping(value)

    conv.register_structure_hook(Money, structure_money)
    conv.register_unstructure_hook(Money, unstructure_money)


def _list_unstructurer(conv: cattrs.Converter, inner: Any) -> Callable[[Any], list[Any]]:
    if inner in (str, int, float, bool):
        return list
    hook = conv.get_unstructure_hook(inner)
    return lambda value: [hook(item) for item in value]


def _ident_structurer(cls: Callable[[str], T]) -> Callable[[Any, Any], T]:
    def structure(value: Any, _: Any) -> T:
        if type(value) is not str:
            raise TypeError(f"expected a string, got {_type_name(value)} {value!r} (quote it)")
        return cls(value)

    return structure


def make_converter(
    record_types: Iterable[type[Record]] = CORE_RECORD_TYPES,
    extensions: Iterable[Callable[[cattrs.Converter], None]] = (),
) -> GrConverter:
    """Build the strict converter.

    :param record_types: the record classes to register (core plus plugins').
    :param extensions: callables that register further hooks on the cattrs
        converter (plugin contributions); called after the core hooks and before
        the record union is set up.
    :returns: a ready :class:`GrConverter`.
    :raises ValueError: when two record types share a type tag, or a record type has
        a field named ``type`` (the tag's key).
    """
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=True)
    _make_converter_hooks(conv)
    for extend in extensions:
        extend(conv)
    registry: dict[str, type[Record]] = {}
    for cls in record_types:
        if cls.TYPE in registry and registry[cls.TYPE] is not cls:
            raise ValueError(
                f"record type tag {cls.TYPE!r} registered twice "
                f"({registry[cls.TYPE].__qualname__}, {cls.__qualname__})"
            )
        typing.get_type_hints(cls)  # fail early on unresolved annotations
        if any(field.name == "type" for field in attrs.fields(cls)):
            raise ValueError(
                f"record type {cls.__qualname__} has a field named 'type', which is the "
                "key of the type tag on disk; name it 'kind'"
            )
        registry[cls.TYPE] = cls
    return GrConverter(conv, registry)
