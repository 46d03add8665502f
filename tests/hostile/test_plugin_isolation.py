"""Broken plugins from real distributions (a ``*.dist-info`` on the path, found by
``importlib.metadata`` as an installed one is): named once, left out, and the tool
runs; what only they would provide is one line naming them; rules that cannot be
made or finish badly, and exporters that return or write the wrong thing, are named."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from grmodel.errors import PluginLoadError
from grmodel.pipeline import validate
from grmodel.plugins import AUTOLOAD_ENV, BrokenPlugin, GrPluginManager, get_plugin_manager
from tests.hostile.conftest import PERSON
from tests.hostile.fixture_plugins import CrashingRules, UnmadeRules, WrongSignature

BOOM = "raise RuntimeError('boom at import')\n"
"""A plugin module that raises on import."""

WRONG_SIGNATURE = """\
from grmodel.exporting.base import Exporter
from grmodel.plugins import hookimpl


def _write(records, path, options):
    path.write_text("x")


@hookimpl
def grmodel_exporters():
    return [Exporter(name="boomfmt", summary="never offered", write=_write)]


@hookimpl
def grmodel_rules(nope):
    return []
"""
"""A plugin module whose exporter is fine and whose rules hook has a wrong signature."""

MODULES = ("grmodel_boom",)

BOOM_PLUGIN = "plugin 'boom' of distribution grmodel-boom 2.0"
"""How errors name the throwaway distribution's plugin."""


def _distribution(site: Path, module_source: str | None, value: str = "grmodel_boom") -> None:
    """Install ``grmodel-boom 2.0`` into ``site``: its metadata, its ``boom`` entry
    point (``value``) and, when given, the module ``grmodel_boom``."""
    info = site / "grmodel_boom-2.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: grmodel-boom\nVersion: 2.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[grmodel]\nboom = {value}\n", encoding="utf-8")
    if module_source is not None:
        (site / "grmodel_boom.py").write_text(module_source, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A directory on ``sys.path`` to install throwaway distributions into; entry
    points are loaded (whatever the suite's environment says)."""
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    yield folder
    for name in MODULES:
        sys.modules.pop(name, None)


@pytest.fixture
def records(tmp_path: Path) -> Path:
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "people.jsonl").write_text(
        "".join(f'{{"type": "person", "id": "p{n}", "name": "P {n}"}}\n' for n in range(40)),
        encoding="utf-8",
    )
    (folder / "a.yaml").write_text(PERSON.format(id="a", name="Anna"), encoding="utf-8")
    return folder


def _run(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "grmodel", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


WARNING = (
    "grmodel: warning: cannot load plugin 'boom' from distribution grmodel-boom 2.0: "
    "RuntimeError: boom at import (left out; the rest works)"
)


def test_a_plugin_raising_on_import_is_one_line_and_every_command_runs(
    site: Path, records: Path, tmp_path: Path
) -> None:
    _distribution(site, BOOM)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    env.pop(AUTOLOAD_ENV, None)
    commands: list[list[str | Path]] = [
        ["--help"],
        ["plugins"],
        ["validate", records],
        ["validate", "--jobs", "2", records],
        ["count", records],
        ["export", "--to", "json", records, "-o", tmp_path / "out.json"],
    ]
    for args in commands:
        result = _run(*args, env=env)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stderr.splitlines()[0] == WARNING, (args, result.stderr)
        assert WARNING not in result.stderr.splitlines()[1:], (args, result.stderr)
    assert (tmp_path / "out.json").is_file()
    listing = _run("plugins", env=env).stdout
    assert "BROKEN: cannot load plugin 'boom' from distribution grmodel-boom 2.0" in listing


NEEDS = [
    (["export", "--to", "boomfmt", "{set}", "-o", "{out}"], "unknown export format 'boomfmt'"),
    (["import", "--kind", "boomkind", "{doc}", "-o", "{out}"], "unknown document kind 'boomkind'"),
    (["validate", "--select", "BOOM001", "{set}"], "unknown rule code or prefix 'BOOM001'"),
    (["boomcmd"], "No such command 'boomcmd'"),
]


@pytest.mark.parametrize(
    ("source", "error"),
    [(BOOM, "RuntimeError: boom at import"), (WRONG_SIGNATURE, "PluginValidationError: ")],
    ids=["import-error", "wrong-signature"],
)
@pytest.mark.parametrize(("args", "unknown"), NEEDS, ids=[a[0] for a, _ in NEEDS])
def test_what_only_a_broken_plugin_provides_is_one_line_naming_it(
    site: Path,
    records: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    source: str,
    error: str,
    args: list[str],
    unknown: str,
) -> None:
    from grmodel.cli import EXIT_USAGE, main

    _distribution(site, source)
    doc = tmp_path / "protokoll.txt"
    doc.write_text("Protokoll\n", encoding="utf-8")
    values = {"set": str(records), "out": str(tmp_path / "out"), "doc": str(doc)}
    with pytest.raises(SystemExit) as exit_info:
        main([arg.format(**values) for arg in args])
    err = capsys.readouterr().err
    assert exit_info.value.code == EXIT_USAGE
    warning, line = err.splitlines()  # the warning, then one line
    assert warning.startswith("grmodel: warning: cannot load plugin 'boom'")
    assert unknown in line and "Traceback" not in err
    assert f"plugin 'boom' of distribution grmodel-boom 2.0 did not load ({error}" in line
    assert not (tmp_path / "out").exists()


def test_a_broken_bundled_plugin_is_named_instead_of_an_install_hint() -> None:
    pm = get_plugin_manager(load_entrypoints=False)
    broken = BrokenPlugin("oparl", "grmodel-oparl", "0.1.0", "ImportError: no lxml")
    with_broken = GrPluginManager(pm.pm, {}, [broken])
    hint = with_broken.missing_hint(exporter="oparl")
    assert "plugin 'oparl' of distribution grmodel-oparl 0.1.0 did not load" in hint
    assert "pip install" not in hint
    # Another bundled plugin's format: how to install it, not the broken one.
    assert "pip install ./plugins/grmodel-gr-practice" in with_broken.missing_hint(code="GRP001")
    assert "pip install ./plugins/grmodel-oparl" in pm.missing_hint(exporter="oparl")
    assert pm.missing_hint(exporter="nothing-provides-this") == ""


def test_a_plugin_registered_in_code_with_a_wrong_signature_is_left_out() -> None:
    told: list[str] = []
    pm = get_plugin_manager(
        load_entrypoints=False,
        plugins=[("bad", WrongSignature()), ("good", CrashingRules())],
        on_broken=told.append,
    )
    assert len(told) == 1 and told[0].startswith("cannot load plugin 'bad' from distribution")
    assert "PluginValidationError" in told[0]
    assert [b.name for b in pm.broken_plugins] == ["bad"]
    assert "ZZZ001" in {rule.code for rule in pm.rules}
    assert "bad" not in {info.name for info in pm.plugin_infos()}
    with pytest.raises(PluginLoadError, match="cannot load plugin 'bad'"):
        get_plugin_manager(load_entrypoints=False, plugins=[("bad", WrongSignature())])


def _report(records: Path, jobs: int, plugin: object) -> tuple[list[object], tuple[str, ...]]:
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("broken", plugin)])
    report = validate([records], pm, jobs=jobs)
    return [f.to_json() for f in report.findings], report.crashed


def test_set_rules_that_cannot_be_made_or_finish_badly_are_one_finding_each(
    records: Path,
) -> None:
    findings, crashed = _report(records, 1, UnmadeRules())
    assert crashed == ("YYY001", "YYY002", "YYY003")
    crashes = {f["code"]: f for f in findings if str(f["message"]).startswith("rule crashed")}
    assert sorted(crashes) == list(crashed)
    assert crashes["YYY001"]["message"] == "rule crashed: MemoryError: no room for the index"
    assert "NoneType" in str(crashes["YYY002"]["message"])
    assert "yielded int 42" in str(crashes["YYY003"]["message"])
    assert all(f["severity"] == "error" and f["record"] is None for f in crashes.values())
    people = [f for f in findings if f["code"] == "YYY004"]
    assert len(people) == 41  # the other rules ran on every record


@pytest.mark.parametrize("plugin", [CrashingRules(), UnmadeRules()], ids=["record", "set"])
def test_crashes_are_the_same_with_jobs(records: Path, plugin: object) -> None:
    one = _report(records, 1, plugin)
    assert one[1]
    assert _report(records, 2, plugin) == one


def test_a_column_rule_that_cannot_be_made_is_a_crash(
    records: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pyarrow")
    assert "YYY005" not in _report(records, 1, UnmadeRules())[1]  # the plain form runs
    monkeypatch.setenv("GRMODEL_COLUMN_RULES", "1")
    findings, crashed = _report(records, 1, UnmadeRules())
    assert "YYY005" in crashed
    [crash] = [f for f in findings if f["code"] == "YYY005"]
    assert crash["message"] == "rule crashed: MemoryError: no room for the index"


def test_cli_exit_code_says_incomplete_for_a_set_rule(
    site: Path, records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from grmodel.cli import EXIT_INCOMPLETE, main

    _distribution(site, None, "tests.hostile.fixture_plugins:unmade_rules")
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(records), "--jobs", "2"])
    captured = capsys.readouterr()
    assert exit_info.value.code == EXIT_INCOMPLETE
    assert "YYY001 rule crashed: MemoryError" in captured.out.replace(" error ", " ")
    assert "the run is incomplete" in captured.err


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        ("returns", f"exporter 'returns' of {BOOM_PLUGIN} returned str, not None"),
        ("folder", f"exporter 'folder' of {BOOM_PLUGIN} did not write a file"),
        ("clash", f"exporter 'clash' of {BOOM_PLUGIN} failed: FileExistsError"),
        ("fails", f"exporter 'fails' of {BOOM_PLUGIN} failed: ValueError: no template"),
    ],
)
def test_an_exporter_that_fails_or_writes_the_wrong_thing_is_named(
    site: Path,
    records: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
    message: str,
) -> None:
    from grmodel.cli import EXIT_USAGE, main

    _distribution(site, None, "tests.hostile.fixture_plugins:bad_exporters")
    out = tmp_path / "out.txt"
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--to", fmt, str(records), "-o", str(out)])
    err = capsys.readouterr().err
    assert exit_info.value.code == EXIT_USAGE
    [line] = err.splitlines()
    assert line.startswith(f"grmodel: error: {message}") and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "site", records]


def test_an_importer_that_raises_oserror_is_named_and_the_batch_handled_by_design(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``import`` names the document in one line with the importer, its plugin and
    distribution, and imports and writes the other documents (exit 2 at the end);
    ``validate`` makes it a LOAD007 finding and reads the other documents."""
    from grmodel.cli import EXIT_FINDINGS, EXIT_USAGE, main

    _distribution(site, None, "tests.hostile.fixture_plugins:failing_importers")
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, word in (("1-calm", "CALM"), ("2-fail", "FAIL"), ("3-calm", "CALM")):
        (docs / f"{name}.txt").write_text(f"{word}\nline two\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as exit_info:
        main(["import", str(docs), "-o", str(out)])
    captured = capsys.readouterr()
    assert exit_info.value.code == EXIT_USAGE
    line, summary = captured.err.splitlines()
    failing = docs / "2-fail.txt"
    assert line == (
        f"grmodel: error: {failing}: importer 'failing' of {BOOM_PLUGIN} failed: "
        f"OSError: [Errno 5] Input/output error: '{failing.with_suffix('.xml')}'"
    )
    assert summary.startswith("grmodel: 1 of 3 documents not imported")
    assert "Traceback" not in captured.err + captured.out
    assert sorted(p.name for p in out.iterdir()) == ["1-calm.yaml", "3-calm.yaml"]
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(docs)])
    captured = capsys.readouterr()
    assert exit_info.value.code == EXIT_FINDINGS
    [finding] = [line for line in captured.out.splitlines() if "LOAD007" in line]
    assert f"{failing}:1:" in finding and f"importer 'failing' of {BOOM_PLUGIN}" in finding
    assert "2 records in 3 file(s)" in captured.out + captured.err


def test_an_importer_whose_detect_raises_is_named(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from grmodel.cli import EXIT_USAGE, main

    _distribution(site, None, "tests.hostile.fixture_plugins:failing_importers")
    guess = tmp_path / "guess.txt"
    guess.write_text("GUESS\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["import", str(guess), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert exit_info.value.code == EXIT_USAGE and "Traceback" not in err
    assert err.splitlines() == [
        f"grmodel: error: {guess}: importer 'guessing' of plugin 'boom': detect failed: "
        "PermissionError: [Errno 13] Permission denied: '/etc/boom.conf'"
    ]
