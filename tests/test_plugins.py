"""The plugin manager: factory without global state, disabling, autoload, load errors, and
hooks called through pluggy (wrappers, tracing, order, kind detection)."""

from __future__ import annotations

import importlib.metadata
import types
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from grmodel.errors import GrmodelError, PluginLoadError
from grmodel.exporting.base import Exporter
from grmodel.importing.base import Importer, ImportResult, SourceDocument
from grmodel.model import Document, DocumentKind
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


# -- hooks are called through pluggy ---------------------------------------------------------


class Wrapper:
    """A plugin that wraps the describing hooks: it drops one rule and sees every item."""

    def __init__(self) -> None:
        self.seen: dict[str, list[str]] = {}

    def _see(self, hook: str, results: list[list[Any]]) -> None:
        self.seen[hook] = [item.plugin for result in results for item in result]

    @hookimpl(wrapper=True)
    def grmodel_rules(self) -> Generator[None, list[list[Rule]], list[list[Rule]]]:
        results = yield
        self._see("rules", results)
        return [[r for r in result if r.code != "XYZ002"] for result in results]

    @hookimpl(wrapper=True)
    def grmodel_importers(self) -> Generator[None, list[list[Importer]], list[list[Importer]]]:
        results = yield
        self._see("importers", results)
        return results

    @hookimpl(wrapper=True)
    def grmodel_exporters(self) -> Generator[None, list[list[Exporter]], list[list[Exporter]]]:
        results = yield
        self._see("exporters", results)
        return results


def _parse(document: SourceDocument) -> ImportResult:
    return ImportResult(document=Document(id="d", kind=DocumentKind.OTHER))


class Formats:
    @hookimpl
    def grmodel_importers(self) -> list[Importer]:
        return [Importer(name="memo", summary="memos", parse=_parse, detect=lambda _d: 0.4)]

    @hookimpl
    def grmodel_exporters(self) -> list[Exporter]:
        return [Exporter(name="nothing", summary="writes nothing", write=lambda *_: None)]


def test_a_wrapper_plugin_works_with_rules_importers_and_exporters() -> None:
    wrapper = Wrapper()
    pm = get_plugin_manager(
        load_entrypoints=False,
        plugins=[("mine", _plugin("XYZ001", "XYZ002")), ("formats", Formats()), ("w", wrapper)],
    )
    codes = {r.code: r.plugin for r in pm.rules}
    assert codes["XYZ001"] == "mine"
    assert "XYZ002" not in codes
    assert pm.importers["memo"].plugin == "formats"
    assert pm.exporters["nothing"].plugin == "formats"
    assert pm.exporters["json"].plugin == "grmodel.formats"
    # The wrapper saw every item, already attributed to the plugin that returned it.
    assert wrapper.seen["rules"].count("mine") == 2
    assert set(wrapper.seen["importers"]) == {"formats"}
    assert set(wrapper.seen["exporters"]) == {"formats", "grmodel.formats"}


def test_hook_calls_are_traced() -> None:
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("mine", _plugin("XYZ001"))])
    calls: list[str] = []
    undo = pm.pm.add_hookcall_monitoring(
        lambda name, impls, kwargs: calls.append(name), lambda *_: None
    )
    try:
        _ = pm.rules, pm.importers, pm.exporters, pm.converter, pm.refdata
    finally:
        undo()
    assert sorted(calls) == [  # each hook once, through pluggy
        "grmodel_configure_converter",
        "grmodel_exporters",
        "grmodel_importers",
        "grmodel_record_types",
        "grmodel_reference_bodies",
        "grmodel_rules",
    ]


def test_results_are_in_registration_order() -> None:
    pm = get_plugin_manager(
        load_entrypoints=False,
        plugins=[("first", _plugin("XYZ009")), ("second", _plugin("XYZ001"))],
    )
    bodies = pm.reference_bodies
    assert bodies and bodies[0].id == "gr"  # the core's own, registered first
    assert [i.name for i in pm.plugin_infos()][:3] == [
        "grmodel.core",
        "grmodel.formats",
        "grmodel.rules",
    ]
    assert [r.plugin for r in pm.pm.hook.grmodel_rules.get_hookimpls()] == [
        pm.pm.get_plugin(name) for name in ("grmodel.core", "grmodel.rules", "first", "second")
    ]


def test_kind_detection_asks_plugins_first_and_the_core_last(tmp_path: Path) -> None:
    class Always:
        @hookimpl
        def grmodel_detect_kind(self) -> str:
            return "memo"

    document = SourceDocument(path=tmp_path / "x.txt", text="hello", encoding="utf-8")
    quiet = get_plugin_manager(load_entrypoints=False, plugins=[("formats", Formats())])
    assert quiet.detect_kind(document) is None  # 0.4 is not confident enough
    sure = get_plugin_manager(
        load_entrypoints=False, plugins=[("formats", Formats()), ("always", Always())]
    )
    assert sure.detect_kind(document) == "memo"
    (core,) = [
        impl
        for impl in sure.pm.hook.grmodel_detect_kind.get_hookimpls()
        if impl.plugin_name == "grmodel.core"
    ]
    assert core.trylast


def test_the_core_detects_by_confidence(tmp_path: Path) -> None:
    class Confident:
        @hookimpl
        def grmodel_importers(self) -> list[Importer]:
            return [
                Importer(name="low", summary="", parse=_parse, detect=lambda _d: 0.6),
                Importer(name="high", summary="", parse=_parse, detect=lambda _d: 0.8),
            ]

    document = SourceDocument(path=tmp_path / "x.txt", text="hello", encoding="utf-8")
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("c", Confident())])
    assert pm.detect_kind(document) == "high"


def test_unknown_applies_to_is_an_error_at_registration() -> None:
    typo = attrs.evolve(_rule("XYZ001"), applies_to=("person", "meting"))
    plugin = types.SimpleNamespace(grmodel_rules=hookimpl(lambda: [typo]))
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("typo", plugin)])
    with pytest.raises(
        GrmodelError, match=r"XYZ001 of plugin 'typo' applies to unknown record type 'meting'"
    ):
        _ = pm.rules
