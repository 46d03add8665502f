"""The passes of ``bench.py``: each a set-up that returns the timed pass.

A set-up takes the directory of record files and the bench's arguments, does what is
not to be timed (imports, compiling schemas, loading the rule catalogue) and returns
a function that makes one pass over every record and says how many it handled and
what it found.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMAS = ROOT / "schemas"

Outcome = tuple[int, str]
"""Records (or documents) handled and what was found, as a short text."""

BASE = "json.loads per line"
"""The yardstick pass: every ratio is CPU per record against it."""


def lines(records: Path) -> Iterator[bytes]:
    for path in sorted(records.glob("*.jsonl")):
        with path.open("rb") as handle:
            yield from handle


def _json_loads(records: Path, _: argparse.Namespace) -> Callable[[], Outcome]:
    def run() -> Outcome:
        loads = json.loads
        return sum(1 for line in lines(records) if loads(line)), "-"

    return run


def _msgspec_dicts(records: Path, _: argparse.Namespace) -> Callable[[], Outcome]:
    import msgspec

    def run() -> Outcome:
        decode = msgspec.json.decode
        return sum(1 for line in lines(records) if decode(line)), "-"

    return run


def _schema_store() -> dict[str, Any]:
    store = {}
    for path in SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        store[schema.get("$id", path.name)] = schema
    return store


def _inlined(store: dict[str, Any]) -> dict[str, Any]:
    """``record.json`` with the per-type schemas inlined: fastjsonschema resolves a
    bundled schema's ``#/$defs/…`` against the outer document, not the one with the
    ``$id``, so each type's definitions are hoisted under a prefixed name."""
    record = dict(store["https://grmodel.example/schemas/record.json"])
    defs: dict[str, Any] = {}

    def rewrite(node: Any, prefix: str) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return {**node, "$ref": f"#/$defs/{prefix}{ref[8:]}"}
            return {k: rewrite(v, prefix) for k, v in node.items() if k not in ("$id", "$defs")}
        if isinstance(node, list):
            return [rewrite(v, prefix) for v in node]
        return node

    branches = []
    for branch in record["allOf"]:
        uri = "https://grmodel.example/schemas/" + branch["then"]["$ref"]
        prefix = uri.rsplit("/", 1)[-1][:-5] + "__"
        schema = store[uri]
        for name, definition in schema.get("$defs", {}).items():
            defs[prefix + name] = rewrite(definition, prefix)
        branches.append({**branch, "then": rewrite(schema, prefix)})
    record.update(allOf=branches, **{"$defs": defs})
    record.pop("$id", None)
    return record


def _fastjsonschema(per_type: bool) -> Callable[[Path, argparse.Namespace], Callable[[], Outcome]]:
    def setup(records: Path, _: argparse.Namespace) -> Callable[[], Outcome]:
        import fastjsonschema

        store = _schema_store()
        handlers = {"https": lambda uri: store[uri]}
        by_id = {uri.rsplit("/", 1)[-1][:-5]: schema for uri, schema in store.items()}
        if per_type:
            checks = {
                tag: fastjsonschema.compile(schema, handlers=handlers)
                for tag, schema in by_id.items()
                if tag != "record"
            }
        whole = fastjsonschema.compile(_inlined(store), handlers=handlers)
        error = fastjsonschema.JsonSchemaException

        def run() -> Outcome:
            count = invalid = 0
            loads = json.loads
            for line in lines(records):
                data = loads(line)
                check = checks.get(data.get("type"), whole) if per_type else whole
                count += 1
                try:
                    check(data)
                except error:
                    invalid += 1
            return count, f"{invalid} invalid records"

        return run

    return setup


def _jsonschema(records: Path, args: argparse.Namespace) -> Callable[[], Outcome]:
    import jsonschema
    from referencing import Registry, Resource

    store = _schema_store()
    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource.from_contents(schema)) for uri, schema in store.items()
    )
    validator = jsonschema.Draft202012Validator(
        store["https://grmodel.example/schemas/record.json"], registry=registry
    )

    def run() -> Outcome:
        count = invalid = 0
        for line in lines(records):
            if count == args.jsonschema_sample:
                break
            count += 1
            if not validator.is_valid(json.loads(line)):
                invalid += 1
        return count, f"{invalid} invalid (first {count:,} records)"

    return run


def _load_records(records: Path, _: argparse.Namespace) -> Callable[[], Outcome]:
    from grmodel.plugins import get_plugin_manager
    from grmodel.recordset.loading import LoadedRecord, load_records

    converter = get_plugin_manager().converter

    def run() -> Outcome:
        loaded = problems = 0
        for item in load_records([records], converter):
            if isinstance(item, LoadedRecord):
                loaded += 1
            else:
                problems += 1
        return loaded + problems, f"{problems} load problems"

    return run


def _pydantic(records: Path, _: argparse.Namespace) -> Callable[[], Outcome]:
    from pydantic import ValidationError
    from pydantic_models import record_adapter

    from grmodel.plugins import get_plugin_manager

    validate = record_adapter(get_plugin_manager().converter.record_types.values()).validate_json

    def run() -> Outcome:
        count = invalid = 0
        for line in lines(records):
            count += 1
            try:
                validate(line, strict=True)
            except ValidationError:
                invalid += 1
        return count, f"{invalid} invalid records"

    return run


def _load_detailed(records: Path, _: argparse.Namespace) -> Callable[[], Outcome]:
    """Loading as before the fast path: every record through cattrs."""
    from grmodel.plugins import get_plugin_manager
    from grmodel.recordset.csvio import CsvDecoder
    from grmodel.recordset.loading import RawRecord, discover, iter_raw, structure

    converter = get_plugin_manager().converter

    def run() -> Outcome:
        loaded = problems = 0
        decoder = CsvDecoder(converter)
        for path in discover([records]):
            for raw in iter_raw(path, decoder):
                if not isinstance(raw, RawRecord):
                    problems += 1
                    continue
                result = structure(raw, converter)
                if isinstance(result, list):
                    problems += len(result)
                else:
                    loaded += 1
        return loaded + problems, f"{problems} load problems"

    return run


def _validate(jobs: int) -> Callable[[Path, argparse.Namespace], Callable[[], Outcome]]:
    def setup(records: Path, _: argparse.Namespace) -> Callable[[], Outcome]:
        from grmodel.pipeline import validate
        from grmodel.plugins import get_plugin_manager

        pm = get_plugin_manager()
        pm.rules, pm.converter  # noqa: B018 - set-up: the rule catalogue's imports, not the pass

        def run() -> Outcome:
            report = validate([records], pm, jobs=jobs)
            found = [{"record": f.record, "code": f.code} for f in report.findings]
            return report.summary.records, against_manifest(records.parent, found)

        return run

    return setup


PASSES: dict[
    str, tuple[str | None, Callable[[Path, argparse.Namespace], Callable[[], Outcome]]]
] = {
    BASE: (None, _json_loads),
    "msgspec decode to dicts": ("msgspec", _msgspec_dicts),
    "fastjsonschema per-type schema": ("fastjsonschema", _fastjsonschema(per_type=True)),
    "fastjsonschema record.json": ("fastjsonschema", _fastjsonschema(per_type=False)),
    "jsonschema 2020-12 record.json": ("jsonschema", _jsonschema),
    "pydantic v2 strict validate_json": ("pydantic", _pydantic),
    "grmodel load, cattrs path only": (None, _load_detailed),
    "grmodel load_records (library)": (None, _load_records),
    "grmodel validate (library)": (None, _validate(1)),
    "grmodel validate --jobs 2, main process": (None, _validate(2)),
}
"""Library passes: name → (module it needs, set-up returning the timed pass)."""


def against_manifest(out: Path, found: list[dict[str, Any]]) -> str:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    expected = {(e["record"], e["code"]) for e in manifest}
    got = [(f["record"], f["code"]) for f in found]
    hits = sum(1 for key in set(got) if key in expected)
    return (
        f"{len(got)} findings: {hits}/{len(expected)} planted found, "
        f"{len(got) - len(set(got))} twice, {sum(1 for k in got if k not in expected)} other"
    )
