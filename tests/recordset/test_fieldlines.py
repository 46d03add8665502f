"""Compact field lines answer every path as the record's locator does.

The locator reads the record's text (JSON) or node tree (YAML) on each call; the
compact :class:`~grmodel.recordset.fieldlines.FieldLines` it makes must give the
same line for every path, also for paths the record does not have (a missing key,
an index at or past the end, a key into a scalar), and fail where it fails.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from grmodel.converter import FieldPath
from grmodel.recordset.base import LoadLimits, RawRecord
from grmodel.recordset.fieldlines import FieldLocator, RecordLines
from grmodel.recordset.jsonio import iter_json
from grmodel.recordset.yamlio import iter_yaml

_EXTRA: tuple[str | int, ...] = ("nope", 0, 1, 2, 5, -1, -9, "id")


def _paths(data: Any, prefix: FieldPath = ()) -> Iterator[FieldPath]:
    """Every path of ``data``, each with one more step that may not exist."""
    yield prefix
    for extra in _EXTRA:
        yield (*prefix, extra)
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def _answer(locate: Any, path: FieldPath) -> int | None:
    try:
        return int(locate(path))
    except Exception:
        return None


def _check(entries: Iterator[Any]) -> int:
    """Keep every record's lines while it is read, then, once the file is done
    (its text compressed or gone), compare locator and kept lines on every path of
    every record; the number of records whose lines were kept."""
    store = RecordLines()
    raws: list[RawRecord] = []
    for raw in entries:
        if isinstance(raw, RawRecord):
            assert isinstance(raw.locate, FieldLocator)
            store.keep(raw.file, raw.line, raw.locate)
            raws.append(raw)
    # Records are known by file and line: of two that start on one line (flow
    # style), the later is the one told (as when files were read again).
    raws = list({(raw.file, raw.line): raw for raw in raws}.values())
    wanted = [(raw.file, raw.line, path) for raw in raws for path in _paths(raw.data)]
    kept = store.lines_of(wanted)
    for raw in raws:
        for path in _paths(raw.data):
            expected = _answer(raw.locate, path) if path else raw.line
            expected = raw.line if expected is None else expected
            assert store.line_of(raw.file, raw.line, path) == expected, path
            assert kept[raw.file, raw.line, path] == expected, path
    return len(store._kept)


def _raws(entries: Iterator[Any]) -> Iterator[RawRecord]:
    for entry in entries:
        assert isinstance(entry, RawRecord), entry
        yield entry


JSON_TEXT = """[
  {"type": "meeting", "id": "m1",
   "items": [
     {"title": "a", "basis": ["d1",
        "d2"]},
     {"title": "b", "basis": []}
   ],
   "empty": {},
   "attendance": [
   ]
  },
  {"type": "person", "id": "p1", "name": "N"},
  {
    "type": "body",
    "id": "b1",
    "nested": [[1,
      2], {"k":
        [3]}]
  }
]
"""

YAML_TEXT = """\
- type: meeting
  id: m1
  items:
    - title: a
      basis:
        - d1
        - d2
    - title: b
      basis: []
  flow: {a: 1, b: [1, 2]}
- {type: person, id: p1, name: N}
---
type: body
id: b1
nested:
  - - 1
    - 2
  - k:
      - 3
1: value
"""


def test_json_lines_agree_with_the_locator() -> None:
    assert _check(_raws(iter_json(JSON_TEXT, "set.json", LoadLimits()))) == 2  # not the
    # person: it is on one line, so its line answers every path


def test_yaml_lines_agree_with_the_locator() -> None:
    assert _check(_raws(iter_yaml(YAML_TEXT, "set.yaml", LoadLimits()))) == 2


def test_a_single_json_record_agrees() -> None:
    text = '\n\n  {"id": "x",\n "list": [1,\n 2],\n "m": {"a":\n {"b": 1}}}\n'
    assert _check(_raws(iter_json(text, "one.json", LoadLimits()))) == 1


def test_records_of_one_shape_share_it() -> None:
    text = "".join(f"- id: r{i}\n  name: n{i}\n" for i in range(50))
    store = RecordLines()
    for raw in _raws(iter_yaml(text, "s.yaml", LoadLimits())):
        store.keep(raw.file, raw.line, raw.locate)
    kept = {id(lines.shape) for lines in store._kept.values()}  # type: ignore[attr-defined]
    assert len(store._kept) == 50 and len(kept) == 1
    assert store.line_of("s.yaml", 99, ("name",)) == 100
    assert store.line_of("other.yaml", 99, ("name",)) == 99  # nothing known: its own line


_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text("ab\n", max_size=3),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from("abc"), inner, max_size=3)
    ),
    max_leaves=12,
)
_records = st.dictionaries(st.sampled_from(["id", "items", "x", "y"]), _values, min_size=1)


@settings(max_examples=60, deadline=None)
@given(st.lists(_records, min_size=1, max_size=3), st.sampled_from([None, 1, 2]))
def test_any_json_layout_agrees(records: list[dict[str, Any]], indent: int | None) -> None:
    text = json.dumps(records, indent=indent)
    _check(_raws(iter_json(text, "gen.json", LoadLimits())))


@settings(max_examples=60, deadline=None)
@given(st.lists(_records, min_size=1, max_size=3), st.booleans())
def test_any_yaml_layout_agrees(records: list[dict[str, Any]], flow: bool) -> None:
    text = yaml.safe_dump(records, default_flow_style=flow)
    _check(iter_yaml(text, "gen.yaml", LoadLimits()))


@pytest.mark.parametrize("count", [1, 200])
def test_deltas_of_any_size_round_trip(count: int) -> None:
    """Lines far apart (a long block of text between fields) survive the varint coding."""
    block = "  text\n" * count
    text = f"id: x\nnote: |\n{block}list:\n  - 1\n{block.replace('  ', '  - ')}last: 2\n"
    assert _check(_raws(iter_yaml(text, "gap.yaml", LoadLimits()))) == 1
