"""A nämnd rule and its steering-group variant: one check, two codes, each selectable."""

from __future__ import annotations

import pytest

from grmodel.errors import GrmodelError
from grmodel.plugins import get_plugin_manager, hookimpl
from grmodel.rules.base import Rule, Severity
from grmodel.testing import validate_yaml

PAIRS = [("MTG001", "MTG002"), ("JUS003", "JUS004"), ("ATT003", "ATT004")]


@pytest.mark.parametrize(("namnd", "steering"), PAIRS)
def test_one_check_two_codes(namnd: str, steering: str) -> None:
    rules = {r.code: r for r in get_plugin_manager(load_entrypoints=False).rules}
    assert rules[steering].reported_by == namnd
    # It shares its reporter's check (and so its scope); only the reporter runs.
    assert rules[steering].make_set_rule is rules[namnd].make_set_rule
    assert rules[steering].is_set_rule
    assert rules[namnd].severity is Severity.ERROR
    assert rules[steering].severity is Severity.WARNING


@pytest.mark.parametrize(("namnd", "steering"), PAIRS)
def test_each_code_is_selected_on_its_own(namnd: str, steering: str) -> None:
    rules = {r.code: r for r in get_plugin_manager(load_entrypoints=False).rules}
    board, group = rules[namnd].example, rules[steering].example
    assert board is not None and group is not None
    # The steering group's finding comes under its own code, as a warning, even when
    # only that code is selected (the nämnd rule's check runs for it).
    (found,) = validate_yaml(group, select=[steering])
    assert (found.code, found.severity, found.rule) == (
        steering,
        Severity.WARNING,
        rules[steering].name,
    )
    assert validate_yaml(group, select=[namnd]) == []
    # And the board's finding only under the nämnd code.
    assert [f.code for f in validate_yaml(board, select=[namnd])] == [namnd]
    assert validate_yaml(board, select=[steering]) == []


def test_reported_by_must_name_a_registered_rule() -> None:
    orphan = Rule(
        code="XYZ002",
        name="orphan",
        severity=Severity.WARNING,
        summary="s",
        rationale="r",
        hint="h",
        reported_by="XYZ001",
    )
    plugin = type("P", (), {"grmodel_rules": hookimpl(staticmethod(lambda: [orphan]))})()
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("p", plugin)])
    with pytest.raises(
        GrmodelError, match="XYZ002 of plugin 'p' is reported by XYZ001, which no plugin registers"
    ):
        _ = pm.rules
