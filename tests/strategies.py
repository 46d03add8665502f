"""Hypothesis strategies for every record type and value type of the model.

Built generically from the attrs classes and their type hints, with overrides for
the value types whose serialised form is a string or a scalar (dates, times,
money, identifiers) and for fields whose meaning calls for a sensible shape (ids).
Reusable by any test: ``records()`` draws any core record, ``for_type(T)`` a value
of any type the model uses, ``record_of(Meeting)`` one record type.

Plugin record types work too: ``records(pm.record_types)``.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import string
import types
import typing
from collections.abc import Iterable
from typing import Any, Union, get_args, get_origin

import attrs
from hypothesis import strategies as st

from grmodel.model import CORE_RECORD_TYPES, Record
from grmodel.model.values import Diarienummer, Money, Organisationsnummer, PartialDate

__all__ = [
    "TRICKY_STRINGS",
    "diarienummer",
    "for_type",
    "ids",
    "money",
    "organisationsnummer",
    "partial_dates",
    "record_of",
    "records",
    "texts",
    "times",
]

MAX_LIST = 3
"""Longest list drawn for a tuple field (nesting multiplies it; keep it small)."""

TRICKY_STRINGS = (
    "",
    " ",
    "2019-11-07",
    "2019",
    "09:00",
    "no",
    "yes",
    "on",
    "null",
    "~",
    "true",
    "0x1F",
    "1e3",
    "010",
    "- list",
    "a: b",
    "#hash",
    "'quoted'",
    '"dq"',
    "trailing ",
    "line\nbreak",
    "tab\tinside",
    "§ 38.",
    "Göteborgs Stad",
    "ÅÄÖ åäö é",
    "2,5–3 mkr",
    "{not: json}",
    "[1, 2]",
    "*alias",
    "&anchor",
    "!tag",
    "%directive",
    "@at",
    "`tick`",
    "---",
    "...",
    "=",
)
"""Strings that YAML or JSON writers commonly get wrong."""

_ALPHABET = st.characters(
    codec="utf-8",
    exclude_categories=("Cs",),
)

texts: st.SearchStrategy[str] = st.one_of(
    st.sampled_from(TRICKY_STRINGS),
    st.text(string.ascii_letters + "åäöÅÄÖ -.,§:()", max_size=24),
    st.text(_ALPHABET, max_size=12),
)
"""Free text: readable Swedish-ish text, strings that need quoting, any Unicode."""

ids: st.SearchStrategy[str] = st.from_regex(
    r"[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,6}){0,3}", fullmatch=True
)
"""Record ids in the project's style (``sgsv-2019-11-07``)."""


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1, max_year: int = 9999) -> PartialDate:
    """Partial dates of every precision: year, year-month, full date."""
    year = draw(st.one_of(st.integers(1990, 2030), st.integers(min_year, max_year)))
    precision = draw(st.integers(0, 2))
    if precision == 0:
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == 1:
        return PartialDate(year, month)
    day = draw(st.dates(dt.date(year, month, 1), dt.date(year, month, 28) + dt.timedelta(3)))
    if day.month != month:
        day = dt.date(year, month, 28)
    return PartialDate(year, month, day.day)


times: st.SearchStrategy[dt.time] = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
"""Times of day to the minute (the serialised form is ``HH:MM``)."""

diarienummer: st.SearchStrategy[Diarienummer] = st.builds(
    Diarienummer,
    st.one_of(
        st.from_regex(r"(KS |RS )?\d{4}-\d{5}", fullmatch=True),
        st.from_regex(r"\d{2}-\d{3}\.\d{3}", fullmatch=True),
        st.from_regex(r"(KS|Dnr) \d{4}/\d{1,6}", fullmatch=True),
        texts,
    ),
)
"""Registration numbers of the known families, and of unknown shapes."""

organisationsnummer: st.SearchStrategy[Organisationsnummer] = st.builds(
    Organisationsnummer,
    st.one_of(st.from_regex(r"\d{6}-?\d{4}", fullmatch=True), texts),
)
"""Organisation numbers, well-formed or not (validity is a rule's business)."""

_kronor = st.integers(0, 10**10)


@st.composite
def money(draw: st.DrawFn) -> Money:
    """Exact amounts (serialised as integers) and ranges or stated amounts (mappings)."""
    amount = draw(_kronor)
    max_amount = draw(st.one_of(st.none(), st.integers(amount, amount + 10**8)))
    stated = draw(st.one_of(st.none(), texts))
    return Money(amount=amount, max_amount=max_amount, stated=stated)


_BY_TYPE: dict[Any, st.SearchStrategy[Any]] = {
    str: texts,
    int: st.integers(-(10**12), 10**12),
    bool: st.booleans(),
    float: st.floats(allow_nan=False, allow_infinity=False),
    PartialDate: partial_dates(),
    dt.time: times,
    Diarienummer: diarienummer,
    Organisationsnummer: organisationsnummer,
    Money: money(),
}

_BY_FIELD_NAME: dict[str, st.SearchStrategy[Any]] = {
    "id": ids,
}


@functools.cache
def for_type(tp: Any) -> st.SearchStrategy[Any]:
    """A strategy for any value of type ``tp`` as the model uses it."""
    if tp in _BY_TYPE:
        return _BY_TYPE[tp]
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        return st.one_of(
            *(st.none() if a is type(None) else for_type(a) for a in args),
        )
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return st.lists(for_type(args[0]), max_size=MAX_LIST).map(tuple)
    if origin is dict:
        return st.dictionaries(texts, for_type(args[1]), max_size=MAX_LIST)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    if isinstance(tp, type) and attrs.has(tp):
        return _attrs_strategy(tp)
    raise TypeError(f"no strategy for {tp!r}: add an override to tests/strategies.py")


def _attrs_strategy(cls: type[Any]) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    fields = {
        f.alias: _BY_FIELD_NAME[f.name]
        if f.name in _BY_FIELD_NAME
        else st.deferred(lambda t=hints[f.name]: for_type(t))
        for f in attrs.fields(cls)
    }
    return st.builds(cls, **fields)


def record_of(cls: type[Record]) -> st.SearchStrategy[Record]:
    """Records of one record type."""
    return for_type(cls)


def records(record_types: Iterable[type[Record]] = CORE_RECORD_TYPES) -> st.SearchStrategy[Record]:
    """Records of any of ``record_types`` (the core's by default)."""
    return st.one_of(*(record_of(cls) for cls in record_types))
