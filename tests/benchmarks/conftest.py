"""The benchmark scripts are not a package: load them by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_script(name: str) -> ModuleType:
    """Import ``benchmarks/NAME.py`` as a module (cached in ``sys.modules``)."""
    key = f"grmodel_benchmarks_{name}"
    if str(BENCHMARKS) not in sys.path:  # the scripts import each other by name
        sys.path.append(str(BENCHMARKS))
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, BENCHMARKS / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


@pytest.fixture(scope="session")
def generator() -> ModuleType:
    """``benchmarks/generate.py``."""
    return load_script("generate")
