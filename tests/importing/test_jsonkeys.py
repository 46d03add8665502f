"""The keys of a JSON source an importer read (grmodel.importing.jsonkeys): what counts
as read, the lines of the keys not read, and how they are kept on the document record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from grmodel.errors import SourceError
from grmodel.importing.jsonkeys import (
    UNREAD_KEY,
    account,
    changed_derived,
    key_lines,
    read_json,
    track,
    unread_keys,
    unread_paths,
)
from grmodel.model import Document, DocumentKind


def test_taking_a_key_reads_it_testing_does_not() -> None:
    view = track({"id": "p", "name": "Anna", "email": "a@example.org", "note": None})
    assert "email" in view  # a test
    assert view.get("note") is None and view["id"] == "p"
    assert unread_paths(view) == [("name",), ("email",)]


def test_a_view_counts_key_by_key_a_whole_value_at_once() -> None:
    view = track({"a": {"x": 1, "y": [1, 2]}, "b": {"z": {"deep": 1}}, "c": [{"k": 1}, {"k": 2}]})
    assert view["a"]["x"] == 1  # a view: y not taken
    assert view.whole("b") == {"z": {"deep": 1}}  # the plain value, read whole
    assert view["c"][1]["k"] == 2  # c[0] not taken
    assert unread_paths(view) == [("a", "y"), ("c", 0)]


def test_skip_and_iteration() -> None:
    view = track({"type": "x", "items": [{"k": 1}, {"k": 2, "extra": 3}]})
    view.skip("type", "absent")
    assert [item["k"] for item in view["items"]] == [1, 2]
    assert unread_paths(view) == [("items", 1, "extra")]
    assert unread_paths(track([1, 2])) == [(0,), (1,)]
    assert unread_paths(track("plain")) == []


def test_the_same_view_each_time() -> None:
    view = track({"links": {"next": "n", "first": "f"}})
    assert view["links"] is view["links"]
    view.get("links", {}).get("next")
    view["links"].skip("first")
    assert unread_paths(view) == []


def test_key_lines_of_keys_and_items() -> None:
    text = '{\n  "a": 1,\n  "b": [\n    {"c": "x,}"},\n    [2,\n     3]\n  ],\n  "d": {}\n}\n'
    wanted = {("a",), ("b", 0, "c"), ("b", 1), ("b", 1, 1), ("b",), ("d",)}
    assert key_lines(text, wanted) == {
        ("a",): (2, 2),
        ("b", 0, "c"): (4, 4),
        ("b", 1, 1): (6, 6),
        ("b", 1): (5, 6),
        ("b",): (3, 7),
        ("d",): (8, 8),
    }


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=12,
)


@given(json_values, st.sampled_from([None, 1, 2]))
@example([{}, "", None], None)  # an empty object before a string item: no key there
def test_key_lines_agree_with_the_text(value: object, indent: int | None) -> None:
    """Every key and item has lines, and its first line holds the key (or the item)."""
    text = json.dumps(value, indent=indent)
    paths = unread_paths(track(value))
    found = key_lines(text, set(paths))
    assert set(found) == set(paths)
    lines = text.split("\n")
    for path, (first, last) in found.items():
        assert 1 <= first <= last <= len(lines)
        if isinstance(path[-1], str):
            assert json.dumps(path[-1]) in lines[first - 1]


def test_unread_keys_and_account(tmp_path: Path) -> None:
    source = tmp_path / "x.json"
    source.write_text(
        '{\n  "name": "A",\n  "email": "a@example.org",\n  "links": [\n    1\n  ]\n}\n'
    )
    text, data = read_json(source)
    view = track(data)
    view.skip("name")
    unread = unread_keys(str(source), text, data, view)
    assert [(k.path, k.line, k.end_line, k.value) for k in unread] == [
        (("email",), 3, 3, "a@example.org"),
        (("links",), 4, 6, [1]),
    ]
    other = unread_keys("other.json", text, data, view)[:1]
    document = Document(id="d", kind=DocumentKind.OTHER, line_count=8)
    kept, placed = account(document, 8, [*unread, *other], str(source))
    assert [(s.span.line, s.span.last, s.text) for s in kept.unplaced] == [
        (3, 3, 'email: "a@example.org"'),
        (4, 6, "links: [1]"),
        (1, 1, 'other.json:3: email: "a@example.org"'),
    ]
    assert [s.text for s in kept.notes] == ["email", "links", "other.json:3: email"]
    assert {s.reason for s in (*kept.notes, *kept.unplaced)} == {UNREAD_KEY}
    assert placed == frozenset({2, 7, 8})
    assert account(document, 8, [], str(source)) == (document, frozenset(range(1, 9)))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": 1,\n "a": 2}', ":2: duplicate key 'a'"),
        ('{"a": 1}\n{"b": 2}', ":2: JSON syntax error: extra data"),
        ('{"a": \n', ":2: JSON syntax error"),
    ],
)
def test_read_json_errors_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    source = tmp_path / "x.json"
    source.write_text(text)
    with pytest.raises(SourceError, match=f"^{source}{message}"):
        read_json(source)


def test_read_json_not_utf8(tmp_path: Path) -> None:
    source = tmp_path / "x.json"
    source.write_bytes(b'{"a": "\xff"}')
    with pytest.raises(SourceError, match=f"^{source}: not UTF-8 JSON"):
        read_json(source)


def test_a_derived_key_counts_where_it_is_written_again() -> None:
    view = track({"items": [{"id": "a", "label": "A 1"}, {"id": "b", "label": "edited"}]})
    for item in view["items"]:
        item["id"]
        item.derive("label", "absent")
    assert unread_paths(view) == []  # derived keys count as read …
    again = {"a": {"id": "a", "label": "A 1"}, "b": {"id": "b", "label": "B 2"}}
    # … where the export of what was read repeats them
    assert changed_derived(view, lambda obj: again.get(obj["id"])) == [("items", 1, "label")]
    assert changed_derived(view, lambda obj: None) == [("items", 0, "label"), ("items", 1, "label")]
    assert changed_derived("plain", lambda obj: None) == []
