"""Benchmark: grmodel against plain parsing and JSON Schema validators, side by side.

Generates a record set with ``generate.py`` (with planted defects) and runs every
pass in a fresh child process, one after the other, in one run: the CPU time of
the pass itself (``time.process_time`` around it, imports and set-up excluded) for
the library passes, the whole process for the CLI passes; the peak RSS of the
child (``wait4``); and what the pass found. Ratios are CPU per record against
``json.loads`` of each line, measured in the same run, so they stay comparable on
a machine shared with other work (wall time there measures the neighbours).

Run: ``python benchmarks/bench.py --records 100000``. Optional libraries (msgspec,
fastjsonschema, pydantic) come with ``pip install -e '.[bench]'``; a pass whose
library is missing is listed as skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMAS = ROOT / "schemas"
SEEDS = ROOT.parent / "shared" / "seeds"

Outcome = tuple[int, str]
"""Records (or documents) handled and what was found, as a short text."""


def _lines(records: Path) -> Iterator[bytes]:
    for path in sorted(records.glob("*.jsonl")):
        with path.open("rb") as handle:
            yield from handle


# --- passes (each runs in its own child process) -------------------------------------


def _json_loads(records: Path, _: argparse.Namespace) -> Callable[[], Outcome]:
    def run() -> Outcome:
        loads = json.loads
        return sum(1 for line in _lines(records) if loads(line)), "-"

    return run


def _msgspec_dicts(records: Path, _: argparse.Namespace) -> Callable[[], Outcome]:
    import msgspec

    def run() -> Outcome:
        decode = msgspec.json.decode
        return sum(1 for line in _lines(records) if decode(line)), "-"

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
            for line in _lines(records):
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
        for line in _lines(records):
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
        for line in _lines(records):
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
            return report.summary.records, _against_manifest(records.parent, found)

        return run

    return setup


PASSES: dict[
    str, tuple[str | None, Callable[[Path, argparse.Namespace], Callable[[], Outcome]]]
] = {
    "json.loads per line": (None, _json_loads),
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


def _against_manifest(out: Path, found: list[dict[str, Any]]) -> str:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    expected = {(e["record"], e["code"]) for e in manifest}
    got = [(f["record"], f["code"]) for f in found]
    hits = sum(1 for key in set(got) if key in expected)
    return (
        f"{len(got)} findings: {hits}/{len(expected)} planted found, "
        f"{len(got) - len(set(got))} twice, {sum(1 for k in got if k not in expected)} other"
    )


def _child(name: str, records: Path, args: argparse.Namespace) -> None:
    sys.path.insert(0, str(HERE))  # the scripts beside this one
    run = PASSES[name][1](records, args)
    wall, cpu = time.perf_counter(), time.process_time()
    count, found = run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({"count": count, "cpu": cpu, "wall": wall, "found": found}))


# --- the parent: run each pass in a child, print the table ---------------------------


def _spawn(argv: list[str]) -> tuple[str, float, float, float]:
    """Run a child; return its stdout, CPU s (user+sys), wall s and peak RSS in MB."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode()
    return text, usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def _cli_passes(records: Path, tmp: Path) -> Iterator[tuple[str, list[str], str]]:
    help_text = subprocess.run(
        [sys.executable, "-m", "grmodel", "validate", "--help"], capture_output=True, text=True
    ).stdout
    report = str(tmp / "report.json")
    base = [sys.executable, "-m", "grmodel", "validate", str(records), "--format", "json"]
    base += ["-o", report, "--force"]
    if "--jobs" in help_text:
        yield "grmodel validate CLI --jobs 1", [*base, "--jobs", "1"], report
        yield "grmodel validate CLI --jobs 2", [*base, "--jobs", "2"], report
    else:
        yield "grmodel validate CLI (no --jobs yet)", base, report


def _documents(tmp: Path, count: int) -> list[Path]:
    """``count`` copies of the shared seed documents that import on their own (an import
    run stops at the first document whose kind cannot be told)."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    grmodel = [sys.executable, "-m", "grmodel", "import"]
    importable = [
        seed
        for seed in seeds
        if subprocess.run(
            [*grmodel, "-o", str(tmp / "probe" / seed.stem), str(seed)], capture_output=True
        ).returncode
        == 0
    ]
    if not importable:
        return []
    folder = tmp / "documents"
    folder.mkdir()
    copies = []
    for i in range(count):
        seed = importable[i % len(importable)]
        copy = folder / f"{i:05d}_{seed.name}"
        shutil.copyfile(seed, copy)
        copies.append(copy)
    return copies


def _row(name: str, count: int, cpu: float, wall: float, rss: float, base: float | None) -> str:
    ratio = f"{cpu / count / base:8.2f}" if base and count else "       -"
    return (
        f"{name:<38} {count:>10,} {count / cpu if cpu else 0:>11,.0f} {ratio} "
        f"{wall:8.2f} {rss:8.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000, help="records to generate")
    parser.add_argument("--defects", type=float, default=0.01, help="share of damaged records")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--documents", type=int, default=1000, help="documents to import")
    parser.add_argument(
        "--jsonschema-sample", type=int, default=10_000, help="records jsonschema validates"
    )
    parser.add_argument("--keep", type=Path, help="generate into this directory and keep it")
    parser.add_argument("--only", help="run only the passes whose name contains this text")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run each pass N times and keep the least CPU"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--set", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.set, args)
        return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        out = args.keep or tmp / "set"
        sys.path.insert(0, str(HERE))
        from generate import RECORDS, generate

        count, manifest = generate(out, args.records, args.defects, args.seed)
        records = out / RECORDS
        size = sum(p.stat().st_size for p in records.glob("*.jsonl")) / 1e6
        print(f"{count:,} records ({size:.0f} MB JSON Lines), {len(manifest):,} planted defects")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {time.strftime('%F %T')}")
        print()
        print(f"{'pass':<38} {'records':>10} {'records/s':>11} {'×loads':>8} {'wall s':>8} "
              f"{'RSS MB':>8}  found")  # fmt: skip
        base: float | None = None
        for name, (needs, _) in PASSES.items():
            if base is not None and args.only and args.only not in name:
                continue
            if needs and importlib.util.find_spec(needs) is None:
                print(f"{name:<38} skipped: {needs} not installed")
                continue
            argv_child = [sys.executable, __file__, "--child", name, "--set", str(records)]
            argv_child += ["--jsonschema-sample", str(args.jsonschema_sample)]
            runs = []
            for _ in range(args.repeat):
                text, _, _, rss = _spawn(argv_child)
                runs.append(json.loads(text.strip().splitlines()[-1]))
            result = min(runs, key=lambda run: float(run["cpu"]))
            if base is None:
                base = result["cpu"] / result["count"]
            print(_row(name, result["count"], result["cpu"], result["wall"], rss, base),
                  f" {result['found']}")  # fmt: skip
        for name, argv_cli, report in _cli_passes(records, tmp):
            if args.only and args.only not in name:
                continue
            _, cpu, wall, rss = min(
                (_spawn(argv_cli) for _ in range(args.repeat)), key=lambda run: run[1]
            )
            found = json.loads(Path(report).read_text(encoding="utf-8"))["findings"]
            print(_row(name, count, cpu, wall, rss, base), f" {_against_manifest(out, found)}")
        documents = _documents(tmp, args.documents) if args.documents else []
        if documents:
            argv_import = [sys.executable, "-m", "grmodel", "import", "-o", str(tmp / "imported")]
            _, cpu, wall, rss = _spawn([*argv_import, *map(str, documents)])
            written = len(list((tmp / "imported").glob("*")))
            print(_row("grmodel import (documents)", len(documents), cpu, wall, rss, None),
                  f" {written} record sets written")  # fmt: skip
        elif args.documents:
            print(f"grmodel import: skipped (no seed documents in {SEEDS})")
        print()
        print("×loads: CPU per record against json.loads per line in this run; library passes")
        print("time the pass alone (in the main process only, for --jobs 2), CLI passes the")
        print("whole process tree (start-up and worker processes included).")
        if args.repeat > 1:
            print(f"Each pass ran {args.repeat} times; the run with the least CPU is shown.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
