"""``dump_documents`` writes, byte for byte, what PyYAML's representer and serializer
write with the same dumper, for record data and for any JSON-like value."""

from __future__ import annotations

import datetime as dt
import enum
import string
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import TRICKY_STRINGS, records

from grmodel.converter import make_converter
from grmodel.recordset import yamlio
from grmodel.recordset.yamlio import dump_documents, load_all

CONVERTER = make_converter()
PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _pyyaml(documents: list[Any]) -> str:
    return yaml.dump_all(documents, Dumper=yamlio._Dumper, **yamlio._DUMP_OPTIONS)


_lines = st.text(string.ascii_letters + "åäö §:-#'\"\n\t ", max_size=300)
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.sampled_from(TRICKY_STRINGS),
    _lines,
    st.text(max_size=40),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@PROPERTY
@given(st.lists(_values, min_size=1, max_size=3))
def test_any_plain_value_is_written_as_pyyaml_writes_it(documents: list[Any]) -> None:
    assert dump_documents(documents) == _pyyaml(documents)


@PROPERTY
@given(st.lists(records(), min_size=1, max_size=2))
def test_records_are_written_as_pyyaml_writes_them(drawn: list[Any]) -> None:
    documents = [CONVERTER.unstructure_record(record) for record in drawn]
    assert dump_documents(documents) == _pyyaml(documents)


class _Level(enum.IntEnum):
    LOW = 1


def test_values_pyyaml_writes_its_own_way_are_left_to_it() -> None:
    shared = {"a": 1}
    for documents in (
        [{"x": shared, "y": shared}],  # an alias
        [{"when": dt.date(2019, 11, 7)}],
        [{"tags": {"a"}}, b"\x00"],
    ):
        assert dump_documents(documents) == _pyyaml(documents)
    with pytest.raises(yaml.representer.RepresenterError):  # as PyYAML, no half-written text
        dump_documents([{"level": _Level.LOW}])
    assert "&id001" in dump_documents([{"x": shared, "y": shared}])
    assert load_all(dump_documents([[shared, shared]])) == [[shared, shared]]
