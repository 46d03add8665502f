"""References between records, declared on the model's fields.

A field that holds the id of another record is declared with :func:`ref`, which
records in the attrs field's metadata which record types the id may name::

    @attrs.frozen(kw_only=True)
    class Membership(Record):
        person: str = ref("person")
        body: str = ref("body")

:func:`iter_refs` walks a record, nested values and lists included, and yields
every id it names with the acceptable types and the field path. Everything that
follows references — the ``REF`` rules, the foreign keys of the table exports, the
links of the OParl and Popolo exports — derives from these declarations, so a
plugin's record type declares its references once, the same way, and gets them
checked and exported.

A field that names an entry of the reference data instead of a record — a
municipality by kommunkod or name, a party by abbreviation, a county by code — is
declared with :func:`refdata_ref` the same way::

    @attrs.frozen(kw_only=True)
    class Membership(Record):
        party: str | None = refdata_ref("party", default=None)
        municipality: str | None = refdata_ref("municipality", default=None)

A field that may also hold something that is no entry — a project's participants
are municipalities or other organisations — is declared ``loose=True``.
:func:`iter_refdata_refs` walks a record for these fields as :func:`iter_refs` does
for references. The ``MUN`` and ``PTY`` rules check what it yields, and the table
exports derive from the same declarations the columns that hold the entry's code
and their foreign keys to the reference tables (:mod:`grmodel.exporting.tables`),
for a plugin's record type as for the core's.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import attrs

from grmodel.model.values import PartialDate, Period

__all__ = [
    "REFDATA_KINDS",
    "REFDATA_LOOSE_KEY",
    "REFDATA_METADATA_KEY",
    "REF_METADATA_KEY",
    "RefdataReference",
    "Reference",
    "iter_refdata_refs",
    "iter_refs",
    "ref",
    "ref_types",
    "refdata_date",
    "refdata_kind",
    "refdata_loose",
    "refdata_ref",
]

REF_METADATA_KEY = "grmodel.ref"
"""The attrs metadata key under which :func:`ref` stores a field's acceptable types."""

REFDATA_METADATA_KEY = "grmodel.refdata"
"""The attrs metadata key under which :func:`refdata_ref` stores a field's kind of entry."""

REFDATA_LOOSE_KEY = "grmodel.refdata.loose"
"""The attrs metadata key marking a :func:`refdata_ref` field that may hold other names too."""

REFDATA_KINDS = ("municipality", "county", "party")
"""The kinds of reference-data entry a field can name."""

FieldPath = tuple[str | int, ...]


class Reference(NamedTuple):
    """One id a record names."""

    id: str
    """The id."""
    types: tuple[str, ...]
    """Type tags of the records it may name (empty: any record type)."""
    path: FieldPath
    """Field path inside the record (``("attendance", 2, "person")``)."""


def ref(*types: str, **field_args: Any) -> Any:
    """An attrs field that holds the id (or, for a tuple field, ids) of records of ``types``.

    :param types: acceptable type tags (``"person"``); none means any record type.
    :param field_args: passed on to :func:`attrs.field` (``default=None``, …).
    """
    metadata = {**field_args.pop("metadata", {}), REF_METADATA_KEY: tuple(types)}
    return attrs.field(metadata=metadata, **field_args)


def ref_types(field: attrs.Attribute[Any]) -> tuple[str, ...] | None:
    """The acceptable types of a reference field, or ``None`` for any other field."""
    types: tuple[str, ...] | None = field.metadata.get(REF_METADATA_KEY)
    return types


def refdata_ref(kind: str, *, loose: bool = False, **field_args: Any) -> Any:
    """An attrs field that names an entry (for a tuple field, entries; for a dict field,
    its keys) of the reference data as written: a ``"municipality"`` by kommunkod or
    name, a ``"party"`` by abbreviation or alias, a ``"county"`` by code.

    :param kind: one of :data:`REFDATA_KINDS`.
    :param loose: the field may also name what is no entry (an organisation, a
        district): rules then report only near misses of an entry's name.
    :param field_args: passed on to :func:`attrs.field`.
    :raises ValueError: for an unknown kind.
    """
    if kind not in REFDATA_KINDS:
        raise ValueError(f"unknown reference-data kind {kind!r} (kinds: {REFDATA_KINDS})")
    metadata = {**field_args.pop("metadata", {}), REFDATA_METADATA_KEY: kind}
    if loose:
        metadata[REFDATA_LOOSE_KEY] = True
    return attrs.field(metadata=metadata, **field_args)


def refdata_kind(field: attrs.Attribute[Any]) -> str | None:
    """The kind of reference-data entry a field names, or ``None`` for any other field."""
    kind: str | None = field.metadata.get(REFDATA_METADATA_KEY)
    return kind


def refdata_loose(field: attrs.Attribute[Any]) -> bool:
    """True for a :func:`refdata_ref` field declared ``loose``."""
    return bool(field.metadata.get(REFDATA_LOOSE_KEY, False))


class RefdataReference(NamedTuple):
    """One name of a reference-data entry as a record writes it."""

    text: str
    """The name as written (``"Göteborg"``, ``"1480"``, ``"(m)"``)."""
    kind: str
    """The kind of entry: one of :data:`REFDATA_KINDS`."""
    loose: bool
    """The field may also name what is no entry (see :func:`refdata_ref`)."""
    path: FieldPath
    """Field path inside the record (``("attendance", 2, "municipality")``; a dict
    field's key is the last part: ``("seats", "per_municipality", "1480")``)."""
    node: Any
    """The nested value that holds the field (an :class:`~grmodel.Attendance`, with its
    ``source`` span), or ``None`` when it is the record's own field."""


def refdata_date(record: object) -> PartialDate | None:
    """The date a record's reference-data names are read at: its ``date`` (a
    meeting's), else the start of its ``period`` (a membership's), else ``None`` (the
    entries valid today). Parties and municipality names change over time, so ``FP``
    and ``Heby`` mean what they meant then."""
    date = getattr(record, "date", None)
    if isinstance(date, PartialDate):
        return date
    period = getattr(record, "period", None)
    return period.start if isinstance(period, Period) else None


def _attrs_classes(hint: Any) -> Iterator[type]:
    if isinstance(hint, type) and attrs.has(hint):
        yield hint
    for arg in typing.get_args(hint):
        yield from _attrs_classes(arg)


_Plan = tuple[tuple[str, tuple[str, ...] | None], ...]
_PLANS: dict[type, _Plan] = {}
"""Plans by class, made on first use (a class's fields do not change)."""


def _plan(cls: type) -> _Plan:
    """The fields of ``cls`` to look into: ``(name, types)`` for a reference field,
    ``(name, None)`` for a field whose values may hold references."""
    found = _PLANS.get(cls)
    if found is None:
        found = _PLANS[cls] = _make_plan(cls)
    return found


def _make_plan(cls: type) -> _Plan:
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, tuple[str, ...] | None]] = []
    for field in attrs.fields(cls):
        types = ref_types(field)
        if types is not None:
            plan.append((field.name, types))
        elif any(_plan(nested) for nested in _attrs_classes(hints.get(field.name))):
            plan.append((field.name, None))
    return tuple(plan)


_Walker = Callable[[Any, FieldPath, list[Reference]], None]
_WALKERS: dict[type, _Walker] = {}
"""A compiled walker per class, made on first use."""


def _walker(cls: type) -> _Walker:
    found = _WALKERS.get(cls)
    if found is None:
        found = _WALKERS[cls] = _compile(cls)
    return found


def _compile(cls: type) -> _Walker:
    """A function that appends the references of a ``cls`` value to a list.

    Generated from the class's plan, as attrs generates ``__init__``: a plain
    function with one block per field, making each :class:`Reference` without the
    named tuple's Python-level ``__new__`` (validation calls it for every record).
    """
    lines = ["def walk(value, path, out):"]
    namespace: dict[str, Any] = {"R": Reference, "new": tuple.__new__, "walker": _walker}
    for index, (name, types) in enumerate(_plan(cls)):
        namespace[f"types{index}"] = types
        lines.append(f"    inner = value.{name}")
        lines.append("    if inner is not None and inner != ():")
        if types is not None:
            lines += [
                "        if inner.__class__ is str:",
                f"            out.append(new(R, (inner, types{index}, (*path, {name!r}))))",
                "        else:",
                "            for i, item in enumerate(inner):",
                f"                out.append(new(R, (item, types{index}, (*path, {name!r}, i))))",
            ]
        else:
            lines += [
                "        if inner.__class__ is tuple:",
                "            for i, item in enumerate(inner):",
                f"                walker(item.__class__)(item, (*path, {name!r}, i), out)",
                "        else:",
                f"            walker(inner.__class__)(inner, (*path, {name!r}), out)",
            ]
    lines.append("    return None")
    exec(compile("\n".join(lines), f"<grmodel refs walker {cls.__qualname__}>", "exec"), namespace)
    walk: _Walker = namespace["walk"]
    return walk


_RefdataPlan = tuple[tuple[str, str | None, bool], ...]
_REFDATA_PLANS: dict[type, _RefdataPlan] = {}


def _refdata_plan(cls: type) -> _RefdataPlan:
    """The fields of ``cls`` to look into: ``(name, kind, loose)`` for a
    :func:`refdata_ref` field, ``(name, None, False)`` for a field whose values may
    hold such fields."""
    found = _REFDATA_PLANS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        plan: list[tuple[str, str | None, bool]] = []
        for field in attrs.fields(cls):
            kind = refdata_kind(field)
            if kind is not None:
                plan.append((field.name, kind, refdata_loose(field)))
            elif any(_refdata_plan(nested) for nested in _attrs_classes(hints.get(field.name))):
                plan.append((field.name, None, False))
        found = _REFDATA_PLANS[cls] = tuple(plan)
    return found


_RefdataWalker = Callable[[Any, FieldPath, Any, list[RefdataReference]], None]
_REFDATA_WALKERS: dict[type, _RefdataWalker | None] = {}
"""A compiled walker per class (``None``: not an attrs class), made on first use."""


def _refdata_walker(cls: type) -> _RefdataWalker | None:
    try:
        return _REFDATA_WALKERS[cls]
    except KeyError:
        found = _REFDATA_WALKERS[cls] = _compile_refdata(cls) if attrs.has(cls) else None
        return found


def _compile_refdata(cls: type) -> _RefdataWalker:
    """A function that appends the reference-data names of a ``cls`` value to a list,
    generated from :func:`_refdata_plan` as :func:`_compile` is from the references'
    plan (the MUN and PTY rules walk every record)."""
    lines = ["def walk(value, path, node, out):"]
    namespace: dict[str, Any] = {"RR": RefdataReference, "new": tuple.__new__}
    namespace["walker"] = _refdata_walker
    for index, (name, kind, loose) in enumerate(_refdata_plan(cls)):
        lines += [f"    inner = value.{name}", "    if inner:"]
        if kind is None:
            lines += [
                "        if isinstance(inner, tuple):",
                "            for i, item in enumerate(inner):",
                "                nested = walker(item.__class__)",
                "                if nested is not None:",
                f"                    nested(item, (*path, {name!r}, i), item, out)",
                "        else:",
                "            nested = walker(inner.__class__)",
                "            if nested is not None:",
                f"                nested(inner, (*path, {name!r}), inner, out)",
            ]
            continue
        namespace[f"kind{index}"] = kind
        made = f"kind{index}, {loose!r}"
        lines += [
            "        if isinstance(inner, str):",
            f"            out.append(new(RR, (inner, {made}, (*path, {name!r}), node)))",
            "        elif isinstance(inner, dict):",
            "            for key in inner:",
            f"                out.append(new(RR, (key, {made}, (*path, {name!r}, key), node)))",
            "        else:",
            "            for i, text in enumerate(inner):",
            f"                out.append(new(RR, (text, {made}, (*path, {name!r}, i), node)))",
        ]
    lines.append("    return None")
    source = "\n".join(lines)
    exec(compile(source, f"<grmodel refdata walker {cls.__qualname__}>", "exec"), namespace)
    walk: _RefdataWalker = namespace["walk"]
    return walk


_last_refdata: list[tuple[object, tuple[RefdataReference, ...]]] = [(object(), ())]
"""The last record walked and its names: several rules ask of the same record."""


def iter_refdata_refs(record: object) -> Iterator[RefdataReference]:
    """Every name of a reference-data entry a record (or a nested value) writes, in field
    order, from the model's :func:`refdata_ref` declarations.

    :param record: an attrs instance, usually a :class:`~grmodel.Record`.
    """
    seen, found = _last_refdata[0]
    if seen is not record:
        walk = _refdata_walker(record.__class__)
        out: list[RefdataReference] = []
        if walk is not None:
            walk(record, (), None, out)
        found = tuple(out)
        _last_refdata[0] = (record, found)
    return iter(found)


def iter_refs(record: object) -> Iterator[Reference]:
    """Every id a record (or a nested value) names, in field order.

    :param record: an attrs instance, usually a :class:`~grmodel.Record`.
    """
    out: list[Reference] = []
    _walker(record.__class__)(record, (), out)
    return iter(out)
