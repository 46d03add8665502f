"""``--jobs``: partitions of a record set, and findings identical to one job, in order."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from tests.benchmarks.conftest import load_script
from tests.hostile.fixture_plugins import CrashingRules

from grmodel.errors import GrmodelError
from grmodel.pipeline import parallel, partitions, validate
from grmodel.pipeline.exporting import export
from grmodel.pipeline.validation import RunContext, _located
from grmodel.plugins import GrPluginManager, get_plugin_manager
from grmodel.recordset import loading
from grmodel.recordset.fast import fast_codec
from grmodel.recordset.loading import LoadedRecord, LoadProblem, load_records


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated set with planted defects, plus files of every other format."""
    generator: ModuleType = load_script("generate")
    out = tmp_path_factory.mktemp("set")
    generator.generate(out, 2500, defects=0.2, seed=5)
    records = out / generator.RECORDS
    (records / "10-extra.yaml").write_text(
        "type: person\nid: yaml-person\nname: 3\n---\ntype: person\nid: ok\nname: Eva\n",
        encoding="utf-8",
    )
    (records / "11-persons.csv").write_text("id,name\ncsv-person,Per\n", encoding="utf-8")
    # CRLF and a lone CR (text mode counts both as line ends), a blank line, bad JSON.
    (records / "12-crlf.jsonl").write_bytes(
        b'{"type": "person", "id": "c1", "name": "A"}\r\n\r\n{"type": "person",\r'
        b' "id": "c2", "name": 5}\r\n{broken\r\n{"type": "person", "id": "c3", "name": "B"}\r\n'
    )
    return records


def _findings(path: Path, pm: GrPluginManager, jobs: int) -> list[object]:
    return [f.to_json() for f in validate([path], pm, jobs=jobs).findings]


def test_partitions_cover_each_file_with_global_line_numbers(generated: Path) -> None:
    files = sorted(generated.iterdir())
    plan = parallel.partitions(files, jobs=2, size=20_000)
    for file in files:
        parts = [p for p in plan if p.file == str(file)]
        assert parts, file
        if file.suffix != ".jsonl":
            assert parts == [parallel.Partition(str(file))]
            continue
        assert parts[0].start == 0
        assert parts[-1].end == file.stat().st_size
        for before, after in itertools.pairwise(parts):
            assert before.end == after.start
    meetings = next(f for f in files if f.name.endswith("meetings.jsonl"))
    assert len([p for p in plan if p.file == str(meetings)]) > 5


def test_workers_see_the_records_one_job_sees(
    generated: Path, pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In process: each partition's records have the file and line that one job gives."""
    files = sorted(generated.iterdir())
    expected = {
        (e.file, e.line): e.record
        for e in load_records(files, pm.converter)
        if isinstance(e, LoadedRecord)
    }
    monkeypatch.setattr(
        parallel,
        "_STATE",
        {"pm": pm, "bound": {}, "ctx": RunContext(pm.refdata), "located": _located},
    )
    codec = fast_codec(pm.converter)
    assert codec is not None
    seen = {}
    for partition in parallel.partitions(files, jobs=2, size=20_000):
        for sent in parallel._work(partition).entries:
            if isinstance(sent, LoadProblem):
                continue
            line, record, _locate, emitted = sent
            key = (partition.file, line)
            assert key not in seen
            seen[key] = codec.build(codec.unpack(record)) if isinstance(record, bytes) else record
            assert emitted == []
    assert seen == expected


def test_findings_are_those_of_one_job_in_the_same_order(
    generated: Path, pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = _findings(generated, pm, jobs=1)
    assert len(one) > 100
    monkeypatch.setattr(parallel, "DEFAULT_PARTITION_BYTES", 20_000)
    assert _findings(generated, pm, jobs=2) == one
    assert _findings(generated, pm, jobs=3) == one


def test_a_failing_worker_leaves_the_checks_to_the_main_process(
    generated: Path, pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = _findings(generated, pm, jobs=1)

    def broken(_partition: parallel.Partition) -> dict[object, object]:
        raise RuntimeError("worker died")

    monkeypatch.setattr(parallel, "_work", broken)
    assert _findings(generated, pm, jobs=2) == one


def test_not_utf8_in_a_range_is_reported_as_by_one_job(
    tmp_path: Path, pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "set.jsonl"
    good = b'{"type": "person", "id": "p%d", "name": "A"}\n'
    path.write_bytes(
        b"".join(good % i for i in range(200)) + b'{"type": "person", "id": "x", "name": "\xff"}\n'
    )
    monkeypatch.setattr(parallel, "DEFAULT_PARTITION_BYTES", 1000)
    assert _findings(path, pm, jobs=2) == _findings(path, pm, jobs=1)


@pytest.mark.slow
def test_cli_jobs_gives_the_same_report(generated: Path) -> None:
    reports = []
    command = [sys.executable, "-m", "grmodel", "validate", str(generated), "--format", "json"]
    for jobs in ("1", "0"):
        result = subprocess.run(
            [*command, "--jobs", jobs],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        reports.append(json.loads(result.stdout)["findings"])
    assert reports[0]
    assert reports[0] == reports[1]


def test_a_rule_crashing_in_a_worker_is_the_finding_of_one_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("crashy", CrashingRules())])
    path = tmp_path / "set.jsonl"
    good = '{"type": "person", "id": "p%d", "name": "A"}\n'
    path.write_text("".join(good % i for i in range(300)), encoding="utf-8")
    one = validate([path], pm, jobs=1)
    monkeypatch.setattr(parallel, "DEFAULT_PARTITION_BYTES", 2000)
    answered: list[object] = []
    take = parallel.RecordRules.take

    def counting(self: parallel.RecordRules, entry: LoadedRecord) -> object:
        answer = take(self, entry)
        answered.append(answer)
        return answer

    monkeypatch.setattr(parallel.RecordRules, "take", counting)
    two = validate([path], pm, jobs=2)
    assert len(answered) == 300 and None not in answered  # the workers ran every check
    assert [f.to_json() for f in two.findings] == [f.to_json() for f in one.findings]
    assert two.crashed == one.crashed and "ZZZ001" in one.crashed
    assert any(f.message.startswith("rule crashed") and f.code == "ZZZ001" for f in two.findings)


READERS = [
    (loading, "iter_jsonl"),
    (loading, "iter_json"),
    (loading, "iter_yaml"),
    (loading, "iter_csv"),
    (partitions, "iter_jsonl"),
]
"""Every function that parses a record file's text, where it is called from."""


@pytest.fixture
def parse_log(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Each call of a parser, logged to this file as ``file<TAB>first line`` (forked
    workers append to it too)."""
    log = tmp_path / "parsed.log"

    def logged(parse: Callable[..., Iterator[object]]) -> Callable[..., Iterator[object]]:
        def parsing(source: object, file: str, *args: Any) -> Iterator[object]:
            first = args[2] if parse.__name__ == "iter_jsonl" and len(args) > 2 else 1
            with log.open("a", encoding="utf-8") as out:
                out.write(f"{file}\t{first}\n")
            return parse(source, file, *args)

        return parsing

    for module, name in READERS:
        monkeypatch.setattr(module, name, logged(getattr(module, name)))
    return log


def test_each_record_file_is_parsed_once_with_jobs(
    generated: Path, pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch, parse_log: Path
) -> None:
    """With two jobs, no file, and no range of a JSON Lines file, is parsed twice."""
    monkeypatch.setattr(parallel, "DEFAULT_PARTITION_BYTES", 20_000)
    one = _findings(generated, pm, jobs=1)
    once = parse_log.read_text(encoding="utf-8").splitlines()
    assert len(once) == len(set(once))  # one job: each file parsed once too
    parse_log.unlink()
    assert _findings(generated, pm, jobs=2) == one
    calls = parse_log.read_text(encoding="utf-8").splitlines()
    assert len(calls) == len(set(calls))  # no file or range parsed twice
    files = {call.split("\t")[0] for call in calls}
    assert files == {call.split("\t")[0] for call in once} == {str(f) for f in generated.iterdir()}
    assert len(calls) > len(once)  # the JSON Lines files were read in ranges, by workers


def test_export_with_a_repeated_id_parses_each_file_once(
    generated: Path, pm: GrPluginManager, parse_log: Path, tmp_path: Path
) -> None:
    """The duplicate-id check settles a repeated id in the one reading of the set."""
    records = tmp_path / "records"
    shutil.copytree(generated, records)
    (records / "13-again.jsonl").write_text(
        '{"type": "person", "id": "ok", "name": "Eva"}\n', encoding="utf-8"
    )
    problems: list[LoadProblem] = []
    with pytest.raises(GrmodelError, match="problem"):
        export("json", [records], tmp_path / "out.json", pm, on_problem=problems.append)
    again = [p for p in problems if p.kind == "duplicate" and p.record == "ok"]
    assert [(Path(p.file).name, p.line) for p in again] == [("13-again.jsonl", 1)]
    calls = parse_log.read_text(encoding="utf-8").splitlines()
    assert len(calls) == len(set(calls))  # no file parsed twice
    assert {call.split("\t")[0] for call in calls} == {str(f) for f in records.iterdir()}


def test_field_lines_of_records_read_by_workers(
    tmp_path: Path, pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Set rules' findings at a field of a multi-line YAML or JSON record, in the pass
    and at the end, point at the field's line with two jobs as with one."""
    member = "type: membership\nid: {id}\nperson: nobody-{id}\nbody: nowhere\nrole: ledamot\n"
    (tmp_path / "a.yaml").write_text(
        "---\n".join(member.format(id=f"m{n}") for n in range(3)), encoding="utf-8"
    )
    (tmp_path / "b.json").write_text(
        json.dumps(
            [{"type": "person", "id": f"p{n}", "name": "A"} for n in (1, 2, 1)]
            + [{"type": "membership", "id": "m9", "person": "ghost", "body": "b", "role": "x"}],
            indent=2,
        ),
        encoding="utf-8",
    )
    (tmp_path / "c.jsonl").write_text(
        "".join(f'{{"type": "person", "id": "q{n}", "name": "Q"}}\n' for n in range(50)),
        encoding="utf-8",
    )
    monkeypatch.setattr(parallel, "DEFAULT_PARTITION_BYTES", 500)
    one = validate([tmp_path], pm, jobs=1)
    assert {"REF001", "IDN003"} <= {f.code for f in one.findings}
    assert any(f.path and f.line not in (None, 1) for f in one.findings if f.code == "REF001")
    two = validate([tmp_path], pm, jobs=2)
    assert [f.to_json() for f in two.findings] == [f.to_json() for f in one.findings]
    assert two.summary.records == one.summary.records
