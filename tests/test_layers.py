"""The core's layers: no module imports one above it, and no module (the plugins'
included) is too big to read.

From the bottom: the model and its values; data around it (the converter,
reference data, record-set files, schemas); what plugins register and the core's
own rules and formats; the plugin manager; running over paths (the record
source, validation, export, import, count, reports, the testing helpers); the
command line. Imports inside functions and under ``TYPE_CHECKING`` count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("grmodel", "grmodel.errors", "grmodel.ids", "grmodel.io", "grmodel.model", "grmodel.examples"),
    ("grmodel.converter", "grmodel.refdata", "grmodel.recordset", "grmodel.schema"),
    ("grmodel.rules", "grmodel.importing", "grmodel.exporting", "grmodel.validation"),
    ("grmodel.hookspecs", "grmodel.plugins", "grmodel.builtin"),
    ("grmodel.pipeline", "grmodel.reporting", "grmodel.testing"),
    ("grmodel.cli", "grmodel.__main__"),
)
"""Packages by layer, lowest first (``grmodel`` itself: its top-level modules); a
package is in one layer as a whole, so where a module lives says its layer."""


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _layer(module: str) -> int:
    best, layer = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, layer = len(prefix), index
    assert layer >= 0, f"{module} is in no layer: add it to LAYERS"
    return layer


def _imports(path: Path, module: str) -> set[str]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name in MODULES}


def test_a_package_is_in_one_layer_as_a_whole() -> None:
    prefixes = [prefix for layer in LAYERS for prefix in layer]
    nested = [p for p in prefixes if p.count(".") > 1]
    assert nested == [], "a layer names a package's module: move the module instead"
    assert len(prefixes) == len(set(prefixes))
    packages = {m for m, path in MODULES.items() if m.count(".") == 1 and path.stem == "__init__"}
    assert packages - set(prefixes) == set(), "a package in no layer: add it to LAYERS"


def test_every_kind_of_import_is_seen(tmp_path: Path) -> None:
    # The check below is only as good as what it sees: plain, from, relative, inside a
    # function and under TYPE_CHECKING.
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import grmodel.cli\n"
        "from grmodel.pipeline import source\n"
        "from ..plugins import GrPluginManager\n"
        "if TYPE_CHECKING:\n"
        "    from grmodel.reporting.base import Reporter\n"
        "def late():\n"
        "    from grmodel.pipeline.validation import validate\n",
        encoding="utf-8",
    )
    found = _imports(source, "grmodel.rules.probe")
    assert {
        "grmodel.cli",
        "grmodel.pipeline",
        "grmodel.pipeline.source",
        "grmodel.plugins",
        "grmodel.reporting.base",
        "grmodel.pipeline.validation",
    } <= found
    assert sorted({_layer(m) for m in found}) == [3, 4, 5]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_one_above_it(module: str) -> None:
    layer = _layer(module)
    above = sorted(m for m in _imports(MODULES[module], module) if _layer(m) > layer)
    assert not above, f"{module} (layer {layer}) imports {above}"


def test_nothing_below_the_pipeline_imports_the_plugin_manager() -> None:
    manager = _layer("grmodel.plugins")
    importers = sorted(
        module
        for module, path in MODULES.items()
        if _layer(module) < manager and "grmodel.plugins" in _imports(path, module)
    )
    assert importers == []


PLUGIN_MODULES = sorted((SRC.parent / "plugins").glob("*/src/**/*.py"))
"""The plugin distributions' modules: held to the same size as the core's."""


@pytest.mark.parametrize(
    "path",
    [*sorted(MODULES.values()), *PLUGIN_MODULES],
    ids=lambda path: str(path.relative_to(SRC.parent)),
)
def test_no_module_is_over_500_lines(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= 500, f"{path.relative_to(SRC.parent)} has {lines} lines: split it by concept"
