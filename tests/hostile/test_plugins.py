"""Broken plugins are isolated: named, left out or turned into findings; the tool runs."""

from __future__ import annotations

import errno
import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from grmodel.errors import GrmodelError
from grmodel.importing.base import SourceDocument
from grmodel.pipeline import validate
from grmodel.pipeline.importing import import_path, read_source
from grmodel.plugins import get_plugin_manager, hookimpl
from tests.hostile.conftest import PERSON
from tests.hostile.fixture_plugins import BadImporters, CrashingRules, RaisingHooks


def _entry_points(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    points = [
        importlib.metadata.EntryPoint(name=name, value=value, group="grmodel")
        for name, value in values.items()
    ]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: points)


BROKEN = {
    "missing": "grmodel_no_such_module_xyz",
    "raises": "tests.hostile.fixture_plugins:no_such_attribute",
    "signature": "tests.hostile.fixture_plugins:wrong_signature",
    "unknown": "tests.hostile.fixture_plugins:unknown_hook",
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_plugin_is_left_out_by_name(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    _entry_points(
        monkeypatch, bad=BROKEN[kind], good="tests.hostile.fixture_plugins:crashing_rules"
    )
    told: list[str] = []
    pm = get_plugin_manager(on_broken=told.append)
    assert len(told) == 1 and "'bad'" in told[0] and "distribution" in told[0]
    assert pm.broken == tuple(told)
    names = {info.name for info in pm.plugin_infos()}
    assert "bad" not in names and "good" in names
    assert "ZZZ001" in {r.code for r in pm.rules}


@pytest.mark.parametrize("args", [["--help"], ["plugins"], ["rules"], ["validate"]])
def test_cli_starts_with_a_broken_plugin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    from grmodel.cli import main

    _entry_points(monkeypatch, bad=BROKEN["signature"])
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    captured = capsys.readouterr()
    assert exit_info.value.code in (0, 1), captured.err
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    assert "warning: cannot load plugin 'bad'" in captured.err
    if args == ["plugins"]:
        assert "BROKEN: cannot load plugin 'bad'" in captured.out


def test_plugins_json_lists_a_broken_plugin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from grmodel.cli import main

    _entry_points(
        monkeypatch, bad=BROKEN["signature"], good="tests.hostile.fixture_plugins:crashing_rules"
    )
    with pytest.raises(SystemExit) as exit_info:
        main(["plugins", "--format", "json"])
    captured = capsys.readouterr()
    assert exit_info.value.code == 0, captured.err
    listed = {entry["name"]: entry for entry in json.loads(captured.out)}
    bad = listed["bad"]
    assert bad["status"] == "broken" and bad["rules"] == [] and not bad["builtin"]
    assert bad["distribution"] == "unknown distribution" and bad["version"] == "?"
    assert bad["error"].startswith("PluginValidationError: ")
    assert f"{bad['distribution']} {bad['version']}: {bad['error']}" in captured.err
    good = listed["good"]
    assert (good["status"], good["error"]) == ("loaded", None) and "ZZZ001" in good["rules"]
    assert all(entry["status"] == "loaded" for entry in listed.values() if entry["builtin"])


def test_real_distribution_with_broken_hook(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "grmodel_bad-1.0.dist-info").mkdir(parents=True)
    (site / "grmodel_bad-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: grmodel-bad\nVersion: 1.0\n", encoding="utf-8"
    )
    (site / "grmodel_bad-1.0.dist-info" / "entry_points.txt").write_text(
        "[grmodel]\nbad = grmodel_bad\n", encoding="utf-8"
    )
    (site / "grmodel_bad.py").write_text(
        "from grmodel.plugins import hookimpl\n\n@hookimpl\ndef grmodel_rules(nope):\n    return []\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    env.pop("GRMODEL_DISABLE_PLUGIN_AUTOLOAD", None)
    result, listing = (
        subprocess.run(
            [sys.executable, "-m", "grmodel", *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=60,
        )
        for args in (["--help"], ["plugins", "--format", "json"])
    )
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout
    assert "'bad' from distribution grmodel-bad 1.0" in result.stderr
    assert "PluginValidationError" in result.stderr and "Traceback" not in result.stderr
    [bad] = [entry for entry in json.loads(listing.stdout) if entry["name"] == "bad"]
    assert (bad["distribution"], bad["version"], bad["status"]) == ("grmodel-bad", "1.0", "broken")
    assert bad["error"].startswith("PluginValidationError")


def test_crashing_rules_become_findings_and_the_others_run(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(PERSON.format(id="p1", name="A"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text("type: person\nid: p2\nname: B\nnmae: typo\n")
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("crashy", CrashingRules())])
    report = validate([tmp_path], pm)
    assert report.crashed == ("ZZZ001", "ZZZ002", "ZZZ003", "ZZZ004")
    crashes = [f for f in report.findings if f.message.startswith("rule crashed")]
    by_code: dict[str, list[str | None]] = {}
    for finding in crashes:
        assert str(finding.severity) == "error" and finding.plugin == "crashy"
        by_code.setdefault(finding.code, []).append(finding.record)
    assert by_code["ZZZ001"] == ["p1"]  # p2 does not load, so no check runs on it
    assert by_code["ZZZ004"] == ["p1"]  # a crashed set rule sees no more records
    assert any("ZeroDivisionError" in f.message for f in crashes)
    assert any("yielded str" in f.message for f in crashes)
    assert any(f.code == "LOAD004" for f in report.findings)  # the other rules still ran


def test_cli_exit_code_says_incomplete(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from grmodel.cli import EXIT_INCOMPLETE, main

    (tmp_path / "a.yaml").write_text(PERSON.format(id="p1", name="A"), encoding="utf-8")
    _entry_points(monkeypatch, crashy="tests.hostile.fixture_plugins:crashing_rules")
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(tmp_path)])
    captured = capsys.readouterr()
    assert exit_info.value.code == EXIT_INCOMPLETE
    assert "ZZZ001" in captured.out and "rule crashed" in captured.out
    assert "the run is incomplete" in captured.err


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("raises", "importer 'raises' of plugin 'bad' failed: IndexError"),
        ("person", "importer 'person' of plugin 'bad' returned a Person as its document"),
        ("garbage", "importer 'garbage' of plugin 'bad' returned str, not an ImportResult"),
    ],
)
def test_bad_importer_is_named(tmp_path: Path, kind: str, message: str) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("Protokoll\n", encoding="utf-8")
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("bad", BadImporters())])
    with pytest.raises(GrmodelError, match=message):
        import_path(source, pm, kind=kind)
    report = validate([source], pm, kind=kind)
    [finding] = [f for f in report.findings if f.code == "LOAD007"]
    assert message.split(" of plugin")[0] in finding.message


def test_json_importers_on_text_that_is_not_utf8(tmp_path: Path) -> None:
    """Found by fuzzing: the OParl and Popolo importers re-read the file as UTF-8."""
    source = tmp_path / "document.txt"
    source.write_bytes(b"Protokoll\n\xed\xa0\x80\n")
    pm = get_plugin_manager()
    for kind in ("oparl", "popolo"):
        if kind not in pm.importers:
            continue
        with pytest.raises(GrmodelError, match="not UTF-8 JSON"):
            import_path(source, pm, kind=kind)


@pytest.mark.parametrize(
    ("what", "message"),
    [
        ("rules", "plugin 'hooks': grmodel_rules failed: RuntimeError: rules table missing"),
        ("exporters", "plugin 'hooks': grmodel_exporters returned a str, not a list"),
        ("importers", "plugin 'hooks': grmodel_importers returned a str, not a list"),
    ],
)
def test_describing_hook_that_raises_or_returns_garbage_is_named(what: str, message: str) -> None:
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("hooks", RaisingHooks())])
    with pytest.raises(GrmodelError, match=message):
        getattr(pm, what)


class _LateDetector:
    """A ``grmodel_detect_kind`` that raises, and one that answers no importer's name."""

    def __init__(self, answer: str | None) -> None:
        self.answer = answer

    @hookimpl(tryfirst=True)
    def grmodel_detect_kind(self, document: SourceDocument) -> str | None:
        if self.answer is None:
            raise OSError(errno.EIO, "Input/output error")
        return self.answer


def test_plugins_registered_on_pm_pm_after_the_manager_is_built_are_guarded(
    tmp_path: Path,
) -> None:
    """The guard happens when the facade calls a hook, not at registration."""
    pm = get_plugin_manager(load_entrypoints=False)
    pm.pm.register(RaisingHooks(), name="late")
    for what, message in (
        ("rules", "plugin 'late': grmodel_rules failed: RuntimeError: rules table missing"),
        ("exporters", "plugin 'late': grmodel_exporters returned a str, not a list"),
        ("importers", "plugin 'late': grmodel_importers returned a str, not a list"),
    ):
        with pytest.raises(GrmodelError, match=message):
            getattr(pm, what)
    named = get_plugin_manager(load_entrypoints=False)
    rules = CrashingRules()
    named.pm.register(rules)  # no name: pluggy makes one up
    assert {r.plugin for r in named.rules if r.code.startswith("ZZZ")} == {named.pm.get_name(rules)}
    source = tmp_path / "doc.txt"
    source.write_text("Protokoll\n", encoding="utf-8")
    document = read_source(source)
    for answer, message in ((None, "failed: OSError"), ("nokind", "answered 'nokind'")):
        late = get_plugin_manager(load_entrypoints=False)
        assert late.detect_kind(document) is None  # the importers are known already
        late.pm.register(_LateDetector(answer), name="detector")
        with pytest.raises(GrmodelError, match=f"plugin 'detector': grmodel_detect_kind {message}"):
            late.detect_kind(document)


def test_cli_with_a_raising_hook_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from grmodel.cli import main

    (tmp_path / "a.yaml").write_text(PERSON.format(id="p1", name="A"), encoding="utf-8")
    _entry_points(monkeypatch, hooks="tests.hostile.fixture_plugins:raising_hooks")
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(tmp_path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert exit_info.value.code == 2
    assert err[-1].endswith(
        "plugin 'hooks': grmodel_rules failed: RuntimeError: rules table missing"
    )
    assert not any("internal error" in line for line in err)
