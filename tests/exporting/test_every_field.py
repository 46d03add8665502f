"""Every field of the model reaches the tables (SQLite, data package).

Derived from the model, not from a list: for each core record type, a record with
every field set, and for each field (nested ones too, down into lists of values) a
copy with only that field changed. The record's own rows must differ; a field the
tables drop leaves them equal. A field added to the model later without a column
fails here.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any, Union, get_args, get_origin

import attrs
import pytest

from grmodel.exporting.tables import flatten
from grmodel.model import CORE_RECORD_TYPES, Record
from grmodel.model.values import Diarienummer, Organisationsnummer, PartialDate
from grmodel.plugins import GrPluginManager, get_plugin_manager
from grmodel.refdata import ReferenceData

Path = tuple[str, ...]


def _scalars(n: int) -> dict[Any, Any]:
    """The ``n``-th value of each type the model uses as one value."""
    return {
        str: f"text {n}",
        int: 7 + n,
        bool: n == 1,
        float: 1.5 + n,
        PartialDate: PartialDate(2019 + n, 3, 4),
        dt.time: dt.time(9 + n, 30),
        Diarienummer: Diarienummer(f"KS 2019-0000{n}"),
        Organisationsnummer: Organisationsnummer(f"21200{n}-1355"),
    }


def _value(tp: Any, n: int) -> Any:
    """The ``n``-th of distinct values of type ``tp`` (n = 0 or 1)."""
    scalars = _scalars(n)
    if tp in scalars:
        return scalars[tp]
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        return _value(next(a for a in args if a is not type(None)), n)
    if origin is tuple:
        return (_value(args[0], n),)
    if origin is dict:
        return {f"key {n}": _value(args[1], n)}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return list(tp)[n % len(tp)]
    if isinstance(tp, type) and attrs.has(tp):
        hints = typing.get_type_hints(tp)
        return tp(**{f.alias: _value(hints[f.name], n) for f in attrs.fields(tp)})
    raise TypeError(f"no test value for {tp!r}: add one to {__name__}")


def _element(tp: Any) -> Any:
    """The attrs class a field holds (directly, optionally or in a list), else None."""
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _element(inner[0]) if len(inner) == 1 else None
    if origin is tuple:
        return _element(args[0])
    leaf = tp in _scalars(0) or not (isinstance(tp, type) and attrs.has(tp))
    return None if leaf else tp


def _paths(cls: type[Any], prefix: Path = ()) -> typing.Iterator[tuple[Path, Any]]:
    """Every field of ``cls`` and of the attrs classes nested in it, with its type."""
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        path, tp = (*prefix, field.name), hints[field.name]
        yield path, tp
        nested = _element(tp)
        if nested is not None:
            yield from _paths(nested, path)


def _replace(obj: Any, path: Path, new: Any) -> Any:
    """``obj`` with the field at ``path`` replaced (into the first element of lists)."""
    name, rest = path[0], path[1:]
    if not rest:
        return attrs.evolve(obj, **{attrs.fields_dict(type(obj))[name].alias: new})
    current = getattr(obj, name)
    if isinstance(current, tuple):
        changed: Any = (_replace(current[0], rest, new), *current[1:])
    else:
        changed = _replace(current, rest, new)
    return attrs.evolve(obj, **{attrs.fields_dict(type(obj))[name].alias: changed})


NO_REFDATA = ReferenceData((), (), (), ())
"""No reference data: its thousand rows would only be filtered out again."""


def _own_rows(record: Record, pm: GrPluginManager) -> list[tuple[str, list[tuple[str, Any]]]]:
    """The rows the record itself makes (no stubs for what it refers to)."""
    return [
        (table, sorted(row.items(), key=lambda kv: kv[0]))
        for table, row in flatten([record], converter=pm.converter, refdata=NO_REFDATA)
        if row.get("origin") != "stub"
    ]


CASES = [
    pytest.param(cls, path, tp, id=f"{cls.TYPE}.{'.'.join(path)}")
    for cls in CORE_RECORD_TYPES
    for path, tp in _paths(cls)
    if path != ("type",)
]


@pytest.fixture(scope="module")
def module_pm() -> GrPluginManager:
    """One plugin manager (and converter) for every case: nothing here changes it."""
    return get_plugin_manager(load_entrypoints=False)


@pytest.mark.parametrize(("cls", "path", "tp"), CASES)
def test_every_field_reaches_the_tables(
    cls: type[Record], path: Path, tp: Any, module_pm: GrPluginManager
) -> None:
    base = _value(cls, 0)
    changed = _replace(base, path, _value(tp, 1))
    assert _replace(base, path, _value(tp, 0)) == base  # the change is only that field
    assert _own_rows(changed, module_pm) != _own_rows(base, module_pm), (
        f"{cls.__name__}.{'.'.join(path)} is in no table column"
    )


def test_the_cases_cover_nested_fields() -> None:
    names = {case.id for case in CASES}
    assert {"meeting.attendance_unread", "meeting.attendance.party", "meeting.date"} <= names
    assert "meeting.items.decisions.votes.roll_call.person" in names
