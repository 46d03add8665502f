"""The generated JSON Schemas: valid, up to date, and in agreement with the converter."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing
import referencing.exceptions
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from referencing.jsonschema import DRAFT202012

from grmodel.converter import make_converter
from grmodel.model import CORE_RECORD_TYPES, Record
from grmodel.schema import SCHEMA_BASE_URI, _dump, generate_schemas, schema_files_stale
from tests.strategies import record_of

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schemas"
CONVERTER = make_converter()
SCHEMAS = generate_schemas(CONVERTER)
TYPES = pytest.mark.parametrize("cls", CORE_RECORD_TYPES, ids=lambda cls: cls.TYPE)
PROPERTY = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _no_retrieval(uri: str) -> referencing.Resource[Any]:
    raise referencing.exceptions.NoSuchResource(uri)  # offline: nothing is fetched


def _validator(name: str, *, registry: bool = False) -> Draft202012Validator:
    """A validator for one file; ``registry`` adds every other file, as a consumer may."""
    reg: referencing.Registry[Any] = referencing.Registry(retrieve=_no_retrieval)  # type: ignore[call-arg]
    if registry:
        reg = reg.with_resources(
            (SCHEMA_BASE_URI + n, DRAFT202012.create_resource(s)) for n, s in SCHEMAS.items()
        )
    return Draft202012Validator(SCHEMAS[name], registry=reg)


RECORD = _validator("record.json")
BY_TYPE = {cls.TYPE: _validator(f"{cls.TYPE}.json") for cls in CORE_RECORD_TYPES}


def _errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [e.message for e in validator.iter_errors(instance)]


# --- the files -------------------------------------------------------------------


def test_one_schema_per_record_type_and_record_json() -> None:
    assert set(SCHEMAS) == {f"{c.TYPE}.json" for c in CORE_RECORD_TYPES} | {"record.json"}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_is_a_valid_draft_2020_12_schema(name: str) -> None:
    schema = SCHEMAS[name]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_BASE_URI + name


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_ref_resolves_offline_within_the_file(name: str) -> None:
    schema = SCHEMAS[name]
    resolver = _validator(name)._resolver
    if name == "record.json":  # refs to the record schemas, bundled as embedded resources
        embedded = {tag: s for tag, s in schema["$defs"].items() if "$id" in s}
        refs = set(_refs({k: v for k, v in schema.items() if k != "$defs"}))
        assert refs == {f"{tag}.json" for tag in embedded}
        for tag, sub in embedded.items():
            inner = resolver.lookup(f"{tag}.json").resolver
            for ref in set(_refs(sub)):
                inner.lookup(ref)
        return
    refs = set(_refs(schema))
    assert refs
    assert all(ref.startswith("#/$defs/") for ref in refs)
    for ref in refs:
        resolver.lookup(ref)


def test_defs_are_used() -> None:
    for name, schema in SCHEMAS.items():
        if name == "record.json":
            continue
        used = {ref.removeprefix("#/$defs/") for ref in _refs(schema)}
        assert set(schema.get("$defs", {})) == used, name


@TYPES
def test_every_property_is_described(cls: type[Record]) -> None:
    schema = SCHEMAS[f"{cls.TYPE}.json"]
    assert schema["description"]
    objects = [schema, *(d for d in schema.get("$defs", {}).values() if "properties" in d)]
    for obj in objects:
        for key, prop in obj["properties"].items():
            assert prop.get("description"), f"{cls.TYPE}: {key}"


def test_output_is_byte_stable() -> None:
    again = generate_schemas(make_converter())
    assert list(again) == list(SCHEMAS)
    assert all(_dump(again[name]) == _dump(SCHEMAS[name]) for name in SCHEMAS)


def test_schema_files_in_the_repository_are_not_stale() -> None:
    """Regenerate with ``grmodel schema -o schemas`` when this fails."""
    assert schema_files_stale(SCHEMAS, SCHEMA_DIR) == []
    extra = {p.name for p in SCHEMA_DIR.glob("*.json")} - set(SCHEMAS)
    assert not extra, f"schema files of no record type: {sorted(extra)}"


def test_cli_check_passes_on_the_repository_and_fails_on_a_stale_copy(tmp_path: Path) -> None:
    env = {**os.environ, "GRMODEL_DISABLE_PLUGIN_AUTOLOAD": "1"}

    def check(outdir: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "grmodel", "schema", "--check", "-o", str(outdir)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )

    assert check(SCHEMA_DIR).returncode == 0
    stale = tmp_path / "schemas"
    stale.mkdir()
    for path in SCHEMA_DIR.glob("*.json"):
        (stale / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (stale / "meeting.json").write_text("{}\n", encoding="utf-8")
    result = check(stale)
    assert result.returncode == 1
    assert "meeting.json" in result.stderr


# --- agreement with the converter --------------------------------------------------


@TYPES
def test_unstructured_records_validate(cls: type[Record]) -> None:
    own = BY_TYPE[cls.TYPE]

    @PROPERTY
    @given(record_of(cls))
    def check(record: Record) -> None:
        raw = json.loads(json.dumps(CONVERTER.unstructure_record(record)))
        assert _errors(own, raw) == []
        assert _errors(RECORD, raw) == []

    check()


def test_record_json_also_resolves_through_a_registry_of_the_files() -> None:
    validator = _validator("record.json", registry=True)
    assert _errors(validator, {"type": "person", "id": "p", "name": "Anna"}) == []
    assert _errors(validator, {"type": "person", "id": "p"}) != []


MEETING = {
    "type": "meeting",
    "id": "m1",
    "body": "sg",
    "date": "2019-11-07",
    "start_time": "09:00",
    "attendance": [{"person": "p1", "status": "present", "role": "ordförande"}],
    "items": [
        {
            "id": "i1",
            "ordinal": 1,
            "title": "Justerare",
            "decisions": [{"id": "d1", "kind": "decided", "votes": {"yes": 3}}],
        }
    ],
}
PROJECT = {
    "type": "project",
    "id": "p",
    "name": "Projekt",
    "funding": [
        {"funder": "Länsstyrelsen", "amount": 265000, "own_share": {"amount": 132500}},
        {
            "funder": "ESF",
            "amount": {"amount": 2500000, "max_amount": 3000000, "stated": "2,5–3 mkr"},
        },
    ],
}
BODY = {"type": "body", "id": "b", "name": "Styrgrupp", "kind": "steering_group",
        "seats": {"total": 15, "per_municipality": {"1480": 3}}}  # fmt: skip
COLLABORATION = {"type": "collaboration", "id": "c", "name": "N", "kind": "network"}


@pytest.mark.parametrize("raw", [MEETING, PROJECT, BODY, COLLABORATION], ids=lambda r: r["type"])
def test_hand_written_records_are_accepted_by_both(raw: dict[str, Any]) -> None:
    CONVERTER.structure_record(copy.deepcopy(raw))
    assert _errors(RECORD, raw) == []
    assert _errors(BY_TYPE[raw["type"]], raw) == []


def _planted(base: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    raw = copy.deepcopy(base)
    node: Any = raw
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return raw


_DELETE = object()
DEFECTS = {
    "unknown field": (MEETING, ("colour",), "red"),
    "unknown nested field": (MEETING, ("attendance", 0, "colour"), "red"),
    "wrong type": (MEETING, ("body",), 3),
    "wrong nested type": (MEETING, ("items", 0, "ordinal"), "1"),
    "boolean for integer": (MEETING, ("items", 0, "decisions", 0, "votes", "yes"), True),
    "missing required": (MEETING, ("body",), _DELETE),
    "null for a required field": (MEETING, ("body",), None),
    "null for a defaulted list": (MEETING, ("attendance",), None),
    "bad date string": (MEETING, ("date",), "7 nov 2019"),
    "date with a time": (MEETING, ("date",), "2019-11-07T09:00"),
    "date as a number": (MEETING, ("date",), 2019),
    "bad time": (MEETING, ("start_time",), "9 am"),
    "unknown enum value": (MEETING, ("attendance", 0, "status"), "presnt"),
    "list for a string": (MEETING, ("place",), ["x"]),
    "money as a string": (PROJECT, ("funding", 0, "amount"), "265 000 kr"),
    "money mapping without amount": (PROJECT, ("funding", 1, "amount", "amount"), _DELETE),
    "money with an unknown key": (PROJECT, ("funding", 0, "own_share", "currency"), "SEK"),
    "seats not integers": (BODY, ("seats", "per_municipality", "1480"), "tre"),
    "collaboration without its kind": (COLLABORATION, ("kind",), _DELETE),
}


@pytest.mark.parametrize("defect", list(DEFECTS))
def test_planted_defects_are_rejected_by_both(defect: str) -> None:
    base, path, value = DEFECTS[defect]
    raw = _planted(base, path, value)
    assert _errors(RECORD, raw), f"record.json accepts: {defect}"
    assert _errors(BY_TYPE[raw["type"]], raw), f"{raw['type']}.json accepts: {defect}"
    with pytest.raises(Exception):  # noqa: B017 - any structuring error
        CONVERTER.structure_record(copy.deepcopy(raw))


@pytest.mark.parametrize(
    "raw",
    [
        {**MEETING, "type": "meeeting"},
        {**MEETING, "type": 3},
        {k: v for k, v in MEETING.items() if k != "type"},
        [MEETING],
    ],
    ids=["unknown-tag", "numeric-tag", "no-tag", "not-a-mapping"],
)
def test_record_json_rejects_what_is_no_record(raw: Any) -> None:
    assert _errors(RECORD, raw)


def test_a_record_is_checked_against_its_own_type_only() -> None:
    person_as_meeting = {"type": "person", "id": "p", "name": "A", "body": "sg"}
    messages = _errors(RECORD, person_as_meeting)
    assert messages
    assert any("body" in m for m in messages)


def test_validator_reports_jsonschema_errors_with_paths() -> None:
    raw = _planted(MEETING, ("attendance", 0, "status"), "presnt")
    error = jsonschema.exceptions.best_match(BY_TYPE["meeting"].iter_errors(raw))
    assert error is not None
    assert list(error.absolute_path) == ["attendance", 0, "status"]
