"""The msgspec fast path agrees with the detailed cattrs path, record for record.

On a valid record both give the same attrs record; on an invalid one the fast path
declines (``None``) and loading reports exactly what the detailed path reports.
Plugin record types the derivation cannot mirror, and plugins that replace a
converter hook, fall back to the detailed path.
"""

from __future__ import annotations

import json
import types
from pathlib import Path
from typing import Any, ClassVar

import attrs
import cattrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import records

from grmodel.converter import make_converter
from grmodel.model import Record
from grmodel.plugins import get_plugin_manager, hookimpl
from grmodel.recordset.csvio import CsvDecoder
from grmodel.recordset.fast import fast_structurer
from grmodel.recordset.loading import (
    LoadedRecord,
    LoadProblem,
    RawRecord,
    iter_raw,
    load_records,
    structure,
)

CONVERTER = make_converter()
FAST = fast_structurer(CONVERTER)

PROPERTY = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

WRONG_VALUES = (3.7, 1.0, "1480", 1480, True, None, [], {}, "x", ["x"], {"unknown": 1},
                "2020-02-30", "2021-13", "25:00", "9:5", -1, 10**30, "")  # fmt: skip
"""Values a field may wrongly hold: floats for ints, strings for numbers and back,
a string for a list, impossible dates and times, nulls, empty containers."""


def _detailed(text: str) -> Record | None:
    """The detailed path's verdict on one line: its record, or None when it refuses."""
    try:
        return CONVERTER.structure_record(json.loads(text))
    except Exception:
        return None


def _places(raw: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every field path in a raw record (mapping keys and list indexes)."""
    found = [path] if path else []
    if isinstance(raw, dict):
        for key, value in raw.items():
            found += _places(value, (*path, key))
    elif isinstance(raw, list):
        for index, value in enumerate(raw):
            found += _places(value, (*path, index))
    return found


def _mutate(raw: dict[str, Any], place: tuple[Any, ...], how: str, value: Any) -> None:
    parent: Any = raw
    for key in place[:-1]:
        parent = parent[key]
    last = place[-1]
    if how == "replace":
        parent[last] = value
    elif how == "delete" and isinstance(parent, dict):
        del parent[last]
    elif how == "extra" and isinstance(parent, dict):
        parent[f"{last}x"] = value
    elif how == "delete":
        parent.pop(last)


@st.composite
def damaged(draw: st.DrawFn) -> str:
    """A record's JSON with one field replaced, deleted or doubled under a new name."""
    raw = CONVERTER.unstructure_record(draw(records()))
    places = _places(raw)
    if places:
        place = draw(st.sampled_from(places))
        how = draw(st.sampled_from(("replace", "replace", "delete", "extra")))
        _mutate(raw, place, how, draw(st.sampled_from(WRONG_VALUES)))
    return json.dumps(raw, ensure_ascii=draw(st.booleans()))


def test_every_core_record_type_has_the_fast_path() -> None:
    assert FAST is not None
    for cls in CONVERTER.record_types.values():
        minimal = {"type": cls.TYPE, "id": "x"}
        # A record with only an id is refused (required fields are missing) or built.
        assert FAST(json.dumps(minimal)) == _detailed(json.dumps(minimal))


@PROPERTY
@given(records())
def test_fast_and_detailed_paths_build_the_same_record(record: Record) -> None:
    assert FAST is not None
    text = json.dumps(CONVERTER.unstructure_record(record), ensure_ascii=False)
    assert FAST(text) == record
    assert _detailed(text) == record


@PROPERTY
@given(damaged())
def test_fast_path_never_accepts_what_the_detailed_path_refuses(text: str) -> None:
    assert FAST is not None
    # The fast path refuses what the detailed path refuses; what it builds is the
    # detailed path's record (a harmless change, e.g. a float amount replaced by
    # another float, stays valid). It may decline a text the detailed path accepts
    # (a default written out, as "valid": null): then the detailed path decides.
    fast, detailed = FAST(text), _detailed(text)
    assert fast is None or fast == detailed


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (("items", 0, "ordinal"), 3.7),
        (("items", 0, "ordinal"), "1"),
        (("items", 0, "paragraph"), True),
        (("items", 0, "decisions", 0, "clauses"), "godkänna"),
        (("items", 0, "decisions", 0, "kind"), "decide"),
        (("attendance", 0, "status"), "Present"),
        (("date",), "2019-02-29"),
        (("date",), "2019-11-07T10:00"),
        (("start_time",), "24:00"),
        (("body",), 1480),
        (("justering", "justerare"), "a"),
        (("attendance", 0, "paragraphs"), ["1"]),
    ],
)
def test_wrong_values_are_refused_and_explained_as_before(
    field: tuple[Any, ...], value: Any, tmp_path: Path
) -> None:
    raw = _meeting()
    _mutate(raw, field, "replace", value)
    text = json.dumps(raw, ensure_ascii=False)
    assert FAST is not None
    assert FAST(text) is None
    assert _detailed(text) is None
    path = tmp_path / "set.jsonl"
    path.write_text(text + "\n", encoding="utf-8")
    loaded = list(load_records([path], CONVERTER))
    assert loaded == _reference(path)
    assert loaded
    assert all(isinstance(p, LoadProblem) and p.path[: len(field)] == field for p in loaded)


@pytest.mark.parametrize("how", ["delete", "extra"])
def test_missing_and_unknown_fields_are_refused(how: str, tmp_path: Path) -> None:
    raw = _meeting()
    _mutate(raw, ("body",), how, "x")
    text = json.dumps(raw)
    assert FAST is not None
    assert FAST(text) is None
    path = tmp_path / "set.jsonl"
    path.write_text(text + "\n", encoding="utf-8")
    loaded = list(load_records([path], CONVERTER))
    assert loaded == _reference(path)
    assert [p.kind for p in loaded if isinstance(p, LoadProblem)] == [
        "missing" if how == "delete" else "unknown"
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(damaged(), st.just("{not json"), st.just("")), max_size=8))
def test_loading_gives_the_same_entries_with_and_without_the_fast_path(lines: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "set.jsonl")
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        assert list(load_records([path], CONVERTER)) == _reference(path)


# --- plugins ---------------------------------------------------------------------


class Opaque:
    """A plugin's value type with its own structure hook: not derivable."""

    def __init__(self, text: str):
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Opaque) and other.text == self.text

    __hash__ = None  # type: ignore[assignment]


@attrs.frozen(kw_only=True)
class Plain(Record):
    TYPE: ClassVar[str] = "plain"
    size: int
    tags: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Odd(Record):
    TYPE: ClassVar[str] = "odd"
    value: Opaque


def _plugin_pm(configure: Any) -> Any:
    @hookimpl
    def grmodel_record_types() -> list[type[Record]]:
        return [Plain, Odd]

    @hookimpl
    def grmodel_configure_converter(converter: cattrs.Converter) -> None:
        configure(converter)

    plugin = types.SimpleNamespace(
        grmodel_record_types=grmodel_record_types,
        grmodel_configure_converter=grmodel_configure_converter,
    )
    return get_plugin_manager(load_entrypoints=False, plugins=[("mine", plugin)])


def _opaque_hook(converter: cattrs.Converter) -> None:
    converter.register_structure_hook(Opaque, lambda value, _: Opaque(str(value)))


def test_plugin_record_types_get_the_fast_path_or_fall_back(tmp_path: Path) -> None:
    pm = _plugin_pm(_opaque_hook)
    fast = fast_structurer(pm.converter)
    assert fast is not None
    assert fast('{"type": "plain", "id": "p", "size": 3, "tags": ["a"]}') == Plain(
        id="p", size=3, tags=("a",)
    )
    assert fast('{"type": "plain", "id": "p", "size": "3"}') is None
    # Odd holds a type the derivation does not know: always the detailed path.
    assert fast('{"type": "odd", "id": "o", "value": 5}') is None
    path = tmp_path / "set.jsonl"
    path.write_text(
        '{"type": "odd", "id": "o", "value": 5}\n{"type": "plain", "id": "p", "size": 3.5}\n',
        encoding="utf-8",
    )
    loaded = list(load_records([path], pm.converter))
    assert isinstance(loaded[0], LoadedRecord)
    assert loaded[0].record == Odd(id="o", value=Opaque("5"))
    assert isinstance(loaded[1], LoadProblem)
    assert loaded[1].path == ("size",)
    assert loaded == _reference(path, pm.converter)


def test_a_plugin_hook_replacing_a_core_hook_turns_the_fast_path_off(tmp_path: Path) -> None:
    def strip_strings(converter: cattrs.Converter) -> None:
        _opaque_hook(converter)
        converter.register_structure_hook(str, lambda value, _: str(value).strip())

    pm = _plugin_pm(strip_strings)
    assert fast_structurer(pm.converter) is None
    path = tmp_path / "set.jsonl"
    path.write_text('{"type": "person", "id": " p ", "name": " Anna "}\n', encoding="utf-8")
    (entry,) = load_records([path], pm.converter)
    assert isinstance(entry, LoadedRecord)
    assert entry.record.id == "p"


# --- helpers ---------------------------------------------------------------------


def _reference(path: Path, converter: Any = CONVERTER) -> list[LoadedRecord | LoadProblem]:
    """What loading gives on the detailed path alone (no fast structurer)."""
    out: list[LoadedRecord | LoadProblem] = []
    for raw in iter_raw(path, CsvDecoder(converter)):
        if isinstance(raw, RawRecord):
            result = structure(raw, converter)
            out.extend(result if isinstance(result, list) else [result])
        else:
            assert isinstance(raw, LoadProblem)
            out.append(raw)
    return out


def _meeting() -> dict[str, Any]:
    return {
        "type": "meeting",
        "id": "m1",
        "body": "gr-styrgruppen-social-valfard",
        "date": "2019-11-07",
        "start_time": "09:00",
        "attendance": [{"person": "a", "status": "present", "paragraphs": [1]}],
        "justering": {"justerare": ["a"]},
        "items": [
            {
                "id": "m1-p1",
                "ordinal": 1,
                "title": "Val av justerare",
                "paragraph": 1,
                "decisions": [{"id": "m1-p1-d1", "kind": "decided", "clauses": ["välja a"]}],
            }
        ],
    }


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('{"type": "person", "id": "p1", "name": "A", "name": "B"}', "name"),
        ('{"type": "person", "id": "p1", "name": "A", "n\\u0061me": "B"}', "name"),
        ('{"type": "person", "id": "p1", "name": "A", "provenance": {"line": 1, "line": 2}}',
         "line"),
    ],
)  # fmt: skip
def test_a_key_given_twice_is_never_taken_by_the_fast_path(
    line: str, key: str, tmp_path: Path
) -> None:
    """msgspec keeps a repeated key's last value; the line goes to the detailed path."""
    path = tmp_path / "set.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    [problem] = list(load_records([path], CONVERTER))
    assert isinstance(problem, LoadProblem)
    assert (problem.code, problem.line) == ("LOAD008", 1) and repr(key) in problem.message


@pytest.mark.parametrize(
    ("line", "fast"),
    [
        ('{"type": "person", "id": "p1", "name": "A", "note": null}', False),
        ('{"type": "meeting", "id": "m1", "body": "b", "date": "2019-11-07", "documents": []}', False),
        ('{"type": "person", "id": "p1", "name": "A: B", "note": "kl. 18:00"}', True),
    ],
)  # fmt: skip
def test_the_repeat_check_counts_colons_of_keys_not_of_strings(
    line: str, fast: bool, tmp_path: Path
) -> None:
    """The fast path's repeat check encodes the Struct again and compares colons: one
    inside a string counts on both sides (the line is taken), a default written out
    (``null``, ``[]``) is not encoded again (the line takes the detailed path); either
    way loading gives the detailed path's record."""
    assert FAST is not None
    assert (FAST(line) is not None) is fast
    path = tmp_path / "set.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    [entry] = list(load_records([path], CONVERTER))
    assert isinstance(entry, LoadedRecord) and entry.record == _detailed(line)
