"""The plugin manager: factory without global state, disabling, autoload, load errors."""

from __future__ import annotations

import importlib.metadata
import types
from collections.abc import Iterator

import pytest

from grmodel.errors import GrmodelError, PluginLoadError
from grmodel.plugins import AUTOLOAD_ENV, get_plugin_manager, hookimpl
from grmodel.rules.base import Issue, Rule, Severity


def _rule(code: str) -> Rule:
    def check(_record: object, _ctx: object) -> Iterator[Issue]:
        yield Issue(message="always")

    return Rule(
        code=code,
        name="always",
        severity=Severity.INFO,
        summary="s",
        rationale="r",
        hint="h",
        applies_to=("person",),
        check=check,
    )


def _plugin(*codes: str) -> types.SimpleNamespace:
    @hookimpl
    def grmodel_rules() -> list[Rule]:
        return [_rule(code) for code in codes]

    return types.SimpleNamespace(grmodel_rules=grmodel_rules)


def test_each_manager_is_fresh() -> None:
    first = get_plugin_manager(load_entrypoints=False, plugins=[("x", _plugin("XYZ001"))])
    second = get_plugin_manager(load_entrypoints=False)
    assert "XYZ001" in {r.code for r in first.rules}
    assert "XYZ001" not in {r.code for r in second.rules}


def test_rules_carry_their_plugin_name() -> None:
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("mine", _plugin("XYZ001"))])
    (rule,) = [r for r in pm.rules if r.code == "XYZ001"]
    assert rule.plugin == "mine"
    info = {i.name: i for i in pm.plugin_infos()}["mine"]
    assert info.rules == ("XYZ001",)
    assert not info.builtin


def test_duplicate_rule_codes_are_refused() -> None:
    pm = get_plugin_manager(
        load_entrypoints=False, plugins=[("a", _plugin("XYZ001")), ("b", _plugin("XYZ001"))]
    )
    with pytest.raises(GrmodelError, match=r"XYZ001.*both"):
        _ = pm.rules


def test_disable_builtin_and_external_plugins() -> None:
    pm = get_plugin_manager(
        load_entrypoints=False,
        plugins=[("mine", _plugin("XYZ001"))],
        disabled=["mine", "grmodel.formats"],
    )
    names = {i.name for i in pm.plugin_infos()}
    assert "mine" not in names
    assert "grmodel.formats" not in names
    assert "grmodel.core" in names


def test_essential_plugin_cannot_be_disabled() -> None:
    with pytest.raises(GrmodelError, match="essential"):
        get_plugin_manager(disabled=["grmodel.core"])


def test_load_rules_survive_disabling_the_catalogue() -> None:
    pm = get_plugin_manager(load_entrypoints=False, disabled=["grmodel.rules"])
    assert {r.code for r in pm.rules} >= {"LOAD001", "LOAD002"}


def _fake_entry_points(value: str) -> list[importlib.metadata.EntryPoint]:
    return [importlib.metadata.EntryPoint(name="broken", value=value, group="grmodel")]


def test_broken_plugin_gives_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        importlib.metadata,
        "entry_points",
        lambda group: _fake_entry_points("grmodel_no_such_module_xyz"),
    )
    with pytest.raises(PluginLoadError) as info:
        get_plugin_manager()
    message = str(info.value)
    assert "'broken'" in message
    assert "ModuleNotFoundError" in message
    assert "\n" not in message


def test_autoload_env_skips_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        importlib.metadata,
        "entry_points",
        lambda group: _fake_entry_points("grmodel_no_such_module_xyz"),
    )
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    pm = get_plugin_manager()
    assert "broken" not in {i.name for i in pm.plugin_infos()}


def test_cli_reports_broken_plugin_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from grmodel.cli import main

    monkeypatch.setattr(
        importlib.metadata,
        "entry_points",
        lambda group: _fake_entry_points("grmodel_no_such_module_xyz"),
    )
    with pytest.raises(SystemExit) as exit_info:
        main(["rules"])
    assert exit_info.value.code == 0  # the tool still works without the plugin
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1
    assert "warning: cannot load plugin 'broken'" in captured.err
    assert "Traceback" not in captured.err
    assert "LOAD001" in captured.out
