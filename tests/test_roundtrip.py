"""Property tests: every record survives the converter and every record-set format.

``structure(unstructure(r)) == r`` for every record type, and a list of records
written as YAML, JSON or JSON Lines loads back equal, in order, with no problems.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grmodel.converter import GrConverter, make_converter
from grmodel.model import CORE_RECORD_TYPES, Money, Record
from grmodel.recordset.loading import LoadedRecord, LoadProblem, load_records
from grmodel.recordset.yamlio import dump_documents, load_one
from tests.strategies import TRICKY_STRINGS, for_type, record_of, records, texts

CONVERTER = make_converter()
"""Built once: structuring functions are generated per class, and tests only read it."""

PROPERTY = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

TYPES = pytest.mark.parametrize("cls", CORE_RECORD_TYPES, ids=lambda cls: cls.TYPE)


def _round_trip(conv: GrConverter, record: Record) -> Record:
    raw = conv.unstructure_record(record)
    json.dumps(raw)  # plain data only
    return conv.structure_record(raw)


@TYPES
def test_structure_inverts_unstructure(cls: type[Record]) -> None:
    @PROPERTY
    @given(record_of(cls))
    def check(record: Record) -> None:
        assert _round_trip(CONVERTER, record) == record

    check()


@TYPES
def test_type_tag_and_id_come_first(cls: type[Record]) -> None:
    @PROPERTY
    @given(record_of(cls))
    def check(record: Record) -> None:
        raw = CONVERTER.unstructure_record(record)
        assert list(raw)[:2] == ["type", "id"]
        assert raw["type"] == cls.TYPE

    check()


@PROPERTY
@given(for_type(Money))
def test_money_is_an_integer_exactly_when_only_the_amount_is_set(value: Money) -> None:
    raw = CONVERTER.cattrs.unstructure(value, Money)
    assert (type(raw) is int) == (value.max_amount is None and value.stated is None)
    assert CONVERTER.cattrs.structure(raw, Money) == value


def test_a_record_field_named_type_is_refused() -> None:
    """``type`` is the tag's key on disk; a field of that name would clobber it."""

    @attrs.frozen(kw_only=True)
    class Clashing(Record):
        TYPE: ClassVar[str] = "clashing"
        type: str

    with pytest.raises(ValueError, match="field named 'type'"):
        make_converter([Clashing])


# --- record-set files ------------------------------------------------------------


@PROPERTY
@given(st.one_of(texts, st.from_regex(r"[-+.0-9eE]{1,6}", fullmatch=True)))
def test_yaml_writes_numeric_looking_strings_quoted(text: str) -> None:
    """A kommunkod "0180" or "1e3" must come back a string, not a number."""
    assert load_one(dump_documents([{"code": text}])) == {"code": text}


def test_tricky_strings_survive_yaml() -> None:
    for text in TRICKY_STRINGS:
        assert load_one(dump_documents([{"k": text}])) == {"k": text}


def _write_yaml(path: Path, raws: list[dict[str, Any]]) -> Path:
    path = path.with_suffix(".yaml")
    path.write_text(dump_documents(raws), encoding="utf-8")
    return path


def _write_json(path: Path, raws: list[dict[str, Any]]) -> Path:
    path = path.with_suffix(".json")
    path.write_text(json.dumps(raws, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _write_jsonl(path: Path, raws: list[dict[str, Any]]) -> Path:
    path = path.with_suffix(".jsonl")
    lines = "".join(json.dumps(raw, ensure_ascii=False) + "\n" for raw in raws)
    path.write_text(lines, encoding="utf-8")
    return path


WRITERS: dict[str, Callable[[Path, list[dict[str, Any]]], Path]] = {
    "yaml": _write_yaml,
    "json": _write_json,
    "jsonl": _write_jsonl,
}


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_record_sets_are_lossless(fmt: str, tmp_path: Path) -> None:
    counter = iter(range(10**9))

    @PROPERTY
    @given(st.lists(records(), min_size=1, max_size=6))
    def check(written: list[Record]) -> None:
        raws = [CONVERTER.unstructure_record(r) for r in written]
        path = WRITERS[fmt](tmp_path / f"set{next(counter)}", raws)
        loaded = list(load_records([path], CONVERTER))
        problems = [p for p in loaded if isinstance(p, LoadProblem)]
        assert problems == []
        assert [r.record for r in loaded if isinstance(r, LoadedRecord)] == written

    check()


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_every_record_type_survives_every_format(fmt: str, tmp_path: Path) -> None:
    """One draw per type in one file, so no type is left to chance in the mixed sets."""

    @settings(PROPERTY, max_examples=15)
    @given(st.tuples(*(record_of(cls) for cls in CORE_RECORD_TYPES)))
    def check(written: tuple[Record, ...]) -> None:
        raws = [CONVERTER.unstructure_record(r) for r in written]
        path = WRITERS[fmt](tmp_path / "all", raws)
        loaded = list(load_records([path], CONVERTER))
        assert [x for x in loaded if isinstance(x, LoadProblem)] == []
        assert tuple(r.record for r in loaded if isinstance(r, LoadedRecord)) == written

    check()
