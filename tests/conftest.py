"""Shared fixtures: a fresh plugin manager per test (no global state)."""

from __future__ import annotations

import pytest

from grmodel.plugins import GrPluginManager, get_plugin_manager


@pytest.fixture
def pm() -> GrPluginManager:
    """A fresh plugin manager with every installed plugin."""
    return get_plugin_manager()


@pytest.fixture
def core_pm() -> GrPluginManager:
    """A fresh plugin manager with only the built-in plugins."""
    return get_plugin_manager(load_entrypoints=False)
