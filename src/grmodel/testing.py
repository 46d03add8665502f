"""Helpers for testing rules: validate a YAML snippet and look at the findings.

Plugin authors use these in their own test suites exactly as grmodel's tests
do::

    from grmodel.testing import codes, validate_yaml

    def test_my_rule_trips() -> None:
        findings = validate_yaml(EXAMPLE, select=["XYZ001"])
        assert codes(findings) == ["XYZ001"]

The pytest fixture factory :func:`make_validate_fixture` builds a fixture that
binds a plugin manager and pytest's ``tmp_path``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from grmodel.plugins import GrPluginManager, get_plugin_manager
from grmodel.validation.config import ValidationConfig
from grmodel.validation.engine import Finding, validate

__all__ = ["ValidateYaml", "codes", "make_validate_fixture", "validate_yaml"]


def validate_yaml(
    text: str,
    *,
    select: Sequence[str] = (),
    pm: GrPluginManager | None = None,
    tmp_dir: Path | None = None,
    file_name: str = "records.yaml",
) -> list[Finding]:
    """Validate a YAML record set given as text and return the findings.

    :param text: the record set: YAML documents separated by ``---`` or a list
        of records.
    :param select: rule codes or prefixes to run; empty runs every rule.
    :param pm: the plugin manager to use; a fresh one with only the built-in
        plugins when ``None``.
    :param tmp_dir: folder to write the file in (pytest's ``tmp_path``); a
        temporary folder, removed afterwards, when ``None``.
    :param file_name: name of the file written, as findings report it.
    :returns: the findings, in the order the engine reported them.
    """
    manager = pm if pm is not None else get_plugin_manager(load_entrypoints=False)
    config = ValidationConfig(select=tuple(select) or ("ALL",))
    if tmp_dir is not None:
        path = tmp_dir / file_name
        path.write_text(text, encoding="utf-8")
        return validate([path], manager, config).findings
    with tempfile.TemporaryDirectory(prefix="grmodel-test-") as folder:
        path = Path(folder) / file_name
        path.write_text(text, encoding="utf-8")
        return validate([path], manager, config).findings


def codes(findings: Iterable[Finding]) -> list[str]:
    """The codes of ``findings``, in order (``["MTG001", "JUS002"]``)."""
    return [finding.code for finding in findings]


class ValidateYaml(Protocol):
    """The callable a :func:`make_validate_fixture` fixture returns."""

    def __call__(self, text: str, *, select: Sequence[str] = ()) -> list[Finding]:
        """Validate ``text`` with the bound plugin manager and folder."""


def make_validate_fixture(
    pm_factory: Callable[[], GrPluginManager] | None = None,
) -> Callable[[Path], ValidateYaml]:
    """Build a pytest fixture function that validates YAML snippets.

    Use it in a ``conftest.py``::

        import pytest
        from grmodel.testing import make_validate_fixture

        check = pytest.fixture(make_validate_fixture())

    and in a test: ``def test_x(check): assert codes(check(TEXT, select=["MTG"]))``.

    :param pm_factory: makes the plugin manager; by default one with only the
        built-in plugins (pass ``get_plugin_manager`` to include installed ones).
    """

    def fixture(tmp_path: Path) -> ValidateYaml:
        manager = pm_factory() if pm_factory is not None else None

        def run(text: str, *, select: Sequence[str] = ()) -> list[Finding]:
            return validate_yaml(text, select=select, pm=manager, tmp_dir=tmp_path)

        return run

    return fixture
