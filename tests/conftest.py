"""Shared fixtures: a fresh plugin manager per test (no global state); the command line
run in-process (``grmodel(*args)`` → exit code, stdout, stderr)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from grmodel.cli import main
from grmodel.plugins import GrPluginManager, get_plugin_manager

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def pm() -> GrPluginManager:
    """A fresh plugin manager with every installed plugin."""
    return get_plugin_manager()


@pytest.fixture
def core_pm() -> GrPluginManager:
    """A fresh plugin manager with only the built-in plugins."""
    return get_plugin_manager(load_entrypoints=False)


@pytest.fixture
def grmodel(capsys: pytest.CaptureFixture[str]) -> Run:
    """Call ``main()`` as the console script would and capture its exit code and output."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        with pytest.raises(SystemExit) as exited:
            main(list(args))
        out, err = capsys.readouterr()
        code = exited.value.code
        return (code if isinstance(code, int) else 0), out, err

    return run
