"""Hints name the bundled plugin that provides a missing format, importer or rule,
with an install command that works from a checkout; the table matches the plugins."""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from grmodel.bundled import BUNDLED, install_command
from grmodel.errors import GrmodelError
from grmodel.examples import example_data_path
from grmodel.pipeline.exporting import export
from grmodel.pipeline.importing import import_path
from grmodel.plugins import GrPluginManager, get_plugin_manager
from grmodel.validation.config import load_config

ROOT = Path(__file__).resolve().parents[1]


def _plugin_names(distribution: str) -> set[str]:
    return {
        ep.name for ep in entry_points(group="grmodel") if ep.dist and ep.dist.name == distribution
    }


@pytest.mark.parametrize("bundled", BUNDLED, ids=lambda b: b.distribution)
def test_table_matches_the_plugins(bundled: object) -> None:
    from grmodel.bundled import Bundled

    assert isinstance(bundled, Bundled)
    assert (ROOT / "plugins" / bundled.distribution / "pyproject.toml").is_file()
    names = _plugin_names(bundled.distribution)
    if not names:
        pytest.skip(f"{bundled.distribution} is not installed")
    pm = get_plugin_manager()
    assert {n for n, e in pm.exporters.items() if e.plugin in names} == set(bundled.exporters)
    assert {n for n, i in pm.importers.items() if i.plugin in names} == set(bundled.importers)
    prefixes = {r.code.rstrip("0123456789") for r in pm.rules if r.plugin in names}
    assert prefixes == set(bundled.rule_prefixes)


def test_install_command_works_from_a_checkout() -> None:
    command = install_command("grmodel-oparl")
    assert command.endswith("./plugins/grmodel-oparl")
    assert (ROOT / command.split()[-1] / "pyproject.toml").is_file()


def test_unknown_format_names_the_plugin(core_pm: GrPluginManager, tmp_path: Path) -> None:
    with pytest.raises(GrmodelError, match="unknown export format 'oparl'") as err:
        export("oparl", [example_data_path()], tmp_path / "o", core_pm)
    assert "the plugin grmodel-oparl provides it" in str(err.value)
    assert "pip install ./plugins/grmodel-oparl" in str(err.value)
    with pytest.raises(GrmodelError) as err:
        export("nosuch", [example_data_path()], tmp_path / "o", core_pm)
    assert "plugin" not in str(err.value)


def test_unknown_importer_names_the_plugin(core_pm: GrPluginManager, tmp_path: Path) -> None:
    source = tmp_path / "protokoll.txt"
    source.write_text("PROTOKOLL\n", encoding="utf-8")
    with pytest.raises(GrmodelError, match="unknown document kind 'protocol'") as err:
        import_path(source, core_pm, kind="protocol")
    assert "pip install ./plugins/grmodel-gr-documents" in str(err.value)
    with pytest.raises(GrmodelError, match="none installed") as err:
        import_path(source, core_pm)
    assert "pip install ./plugins/grmodel-gr-documents" in str(err.value)


def test_unknown_rule_code_of_a_plugin_names_it(core_pm: GrPluginManager) -> None:
    known = {r.code for r in core_pm.rules}
    with pytest.raises(GrmodelError, match="'GRP001'; the plugin grmodel-gr-practice"):
        load_config(ignore=["GRP001"], known_codes=known)


def test_docs_and_messages_install_grmodel_only_from_the_checkout() -> None:
    """grmodel and its plugins are on no package index: every ``pip install`` the
    README, the docs, the plugins' READMEs and the messages show names them by a path
    of this checkout (or a requirements file), never by a distribution name."""
    sources = [ROOT / "README.md", *ROOT.glob("plugins/*/README.md")]
    sources += [p for p in (ROOT / "docs").rglob("*.rst") if "_build" not in p.parts]
    sources += list((ROOT / "src").rglob("*.py"))
    installs = []
    for source in sources:
        text = source.read_text(encoding="utf-8")
        # Words quoted or not ('grmodel[dask]' is a distribution name with an extra).
        for match in re.finditer(r"pip install((?: +['\"]?[^\s`'\"&|;)]+['\"]?)+)", text):
            installs.append(match[0])
            for word in (w.strip("'\"") for w in match[1].split() if not w.startswith("-")):
                assert not word.lower().startswith("grmodel"), (source.name, match[0])
    assert any("./plugins/grmodel-gr-documents" in i for i in installs)
