"""``--engine dask``: the same findings and the same imports on a dask.distributed
cluster (a LocalCluster of two worker processes) as in one process."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from tests.benchmarks.conftest import load_script
from tests.conftest import Run

from grmodel.examples import example_data_path
from grmodel.pipeline import parallel, validate
from grmodel.pipeline.cluster import DaskEngine
from grmodel.pipeline.importing import import_source
from grmodel.plugins import GrPluginManager, get_plugin_manager, hookimpl
from grmodel.rules.base import Rule, Severity

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


# -- without dask ---------------------------------------------------------------------


@pytest.mark.parametrize("command", ["validate", "import"])
def test_without_dask_a_one_line_error_and_exit_2(
    grmodel: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: str
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    document = example_data_path() / "_documents" / "protokoll-2021-03-18.txt"
    args = ["-o", str(tmp_path / "out")] if command == "import" else []
    code, _out, err = grmodel(command, str(document), *args, "--engine", "dask")
    assert code == 2
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert "python3 -m pip install '.[dask]'" in err
    assert not (tmp_path / "out").exists()


def test_scheduler_needs_engine_dask(grmodel: Run) -> None:
    code, _out, err = grmodel("validate", "--examples", "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2
    assert "--scheduler needs --engine dask" in err


# -- on a cluster ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine() -> Iterator[DaskEngine]:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        DaskEngine(cluster.scheduler_address) as running,
    ):
        yield running


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark generator's set with 2 % planted defects, and a YAML file."""
    generator: ModuleType = load_script("generate")
    out = tmp_path_factory.mktemp("set")
    generator.generate(out, 2000, defects=0.02, seed=3)
    records = out / generator.RECORDS
    (records / "10-extra.yaml").write_text(
        "type: person\nid: yaml-person\nname: 3\n---\ntype: person\nid: ok\nname: Eva\n",
        encoding="utf-8",
    )
    return records


@pytest.mark.slow
def test_dask_findings_equal_the_local_engines(
    engine: DaskEngine, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pm = get_plugin_manager()
    # Relative paths: the workers read them under the client's directory.
    monkeypatch.chdir(generated.parent)
    target = [generated.name]
    plan = parallel.plan_partitions([Path(generated.name)], 2)
    assert any(p.start > 0 for p in plan), "a JSON Lines file is cut into byte ranges"

    local = validate(target, pm)
    on_cluster = validate(target, pm, engine=engine)

    assert len(local.findings) > 20 and len(local.summary.by_code) > 3
    assert [f.to_json() for f in on_cluster.findings] == [f.to_json() for f in local.findings]
    assert on_cluster.summary.by_code == local.summary.by_code
    assert on_cluster.summary.records == local.summary.records
    answers = engine.last
    assert answers is not None
    # Every record's record rules ran on a worker; none was left to the client.
    assert (answers.answered, answers.missed) == (local.summary.records, 0)


@pytest.mark.slow
def test_the_cli_validates_on_the_cluster(
    engine: DaskEngine, generated: Path, grmodel: Run
) -> None:
    address = engine.client.scheduler.address
    local = grmodel("validate", str(generated), "--format", "json")
    on_cluster = grmodel(
        "validate", str(generated), "--format", "json", "--engine", "dask", "--scheduler", address
    )
    assert local[0] == on_cluster[0] == 1
    assert (local[2], on_cluster[2]) == ("", "")
    reports = [json.loads(run[1]) for run in (local, on_cluster)]
    for report in reports:
        assert report["summary"].pop("seconds") >= 0
    assert reports[0] == reports[1]


class _ClientOnly:
    """A plugin registered in code on the client: the workers do not have it."""

    @hookimpl
    def grmodel_rules(self) -> list[Rule]:
        return [
            Rule(
                code="XCL001",
                name="client-only",
                severity=Severity.INFO,
                summary="A rule the workers do not have.",
                rationale="Tests the check of the workers' plugins.",
                hint="None.",
                check=lambda record, ctx: iter(()),
            )
        ]


@pytest.mark.slow
def test_a_worker_without_the_clients_plugins_is_refused(
    engine: DaskEngine, generated: Path
) -> None:
    pm: GrPluginManager = get_plugin_manager(plugins=[("client-only", _ClientOnly())])
    with pytest.raises(Exception, match=r"dask worker .*plugin\(s\) client-only not installed"):
        validate([generated], pm, engine=engine)


def _documents(folder: Path, pm: GrPluginManager) -> list[Path]:
    """The example protocol and the seed documents that import on their own, as a
    directory; a binary file last (its import fails, after the others)."""
    folder.mkdir()
    sources = [example_data_path() / "_documents" / "protokoll-2021-03-18.txt"]
    sources += sorted(SEEDS.glob("*.txt"))[:12] if SEEDS.is_dir() else []
    for index, source in enumerate(sources):
        copy = folder / f"{index:02d}-{source.name}"
        shutil.copyfile(source, copy)
        try:
            import_source(copy, pm)
        except Exception:
            copy.unlink()
    (folder / "99-binary.txt").write_bytes(b"\x00\x01 not a text")
    return sorted(folder.iterdir())


@pytest.mark.slow
def test_dask_imports_equal_the_local_import(
    engine: DaskEngine, tmp_path: Path, grmodel: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    documents = _documents(Path("documents"), get_plugin_manager())
    assert len(documents) >= 2
    address = engine.client.scheduler.address
    local = grmodel("import", "documents", "-o", "local")
    on_cluster = grmodel(
        "import", "documents", "-o", "cluster", "--engine", "dask", "--scheduler", address
    )
    assert local[0] == on_cluster[0] == 2  # the binary document fails in both, the others go on
    assert "99-binary.txt:1: binary file" in local[2]
    assert on_cluster[1:] == (local[1].replace("local/", "cluster/"), local[2])
    written = sorted(p.name for p in Path("local").iterdir())
    assert written == sorted(p.name for p in Path("cluster").iterdir())
    assert len(written) == len(documents) - 1
    for name in written:
        assert (Path("cluster") / name).read_bytes() == (Path("local") / name).read_bytes()


def _break_workers() -> None:
    """On each worker: every partition's task fails (a disk that went away)."""

    def failing(*_args: object, **_kwargs: object) -> object:
        raise OSError("disk gone")

    parallel.__dict__.setdefault("_working", parallel.work)
    parallel.work = failing  # type: ignore[assignment]


def _mend_workers() -> None:
    parallel.work = parallel.__dict__.pop("_working", parallel.work)  # type: ignore[assignment]


@pytest.mark.slow
def test_a_failed_task_leaves_its_records_to_the_client(
    engine: DaskEngine, generated: Path, grmodel: Run
) -> None:
    local = grmodel("validate", str(generated), "-q")
    engine.client.run(_break_workers)
    try:
        address = engine.client.scheduler.address
        code, out, err = grmodel(
            "validate", str(generated), "-q", "--engine", "dask", "--scheduler", address
        )
    finally:
        engine.client.run(_mend_workers)
    assert (code, out) == local[:2]
    assert "record(s) were checked on the client, not on the cluster (OSError: disk gone)" in err
    assert err.count("\n") == 1
