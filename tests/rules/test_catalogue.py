"""The catalogue as a whole: metadata, honest examples, and a clean realistic set."""

from __future__ import annotations

import re

import pytest

from grmodel.plugins import get_plugin_manager
from grmodel.rules.base import Rule
from grmodel.testing import codes, validate_yaml

from .good_set import GOOD

_PM = get_plugin_manager(load_entrypoints=False)
CATALOGUE = [r for r in _PM.rules if not r.code.startswith("LOAD")]
_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def test_catalogue_has_at_least_thirty_rules() -> None:
    assert len(CATALOGUE) >= 30


def test_codes_unique_and_well_formed() -> None:
    all_codes = [r.code for r in get_plugin_manager().rules]
    assert len(all_codes) == len(set(all_codes))
    for code in all_codes:
        assert re.match(r"^[A-Z]{2,5}\d{3}$", code), code


@pytest.mark.parametrize("rule", get_plugin_manager().rules, ids=lambda r: r.code)
def test_metadata_complete(rule: Rule) -> None:
    assert rule.summary.strip() and rule.rationale.strip() and rule.hint.strip()
    assert _KEBAB.match(rule.name), rule.name
    if rule.legal_basis is not None:
        assert re.match(r"^KL \d+:\d+$", rule.legal_basis), rule.legal_basis


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda r: r.code)
def test_example_trips_the_rule(rule: Rule) -> None:
    assert rule.example, f"{rule.code} has no example"
    findings = validate_yaml(rule.example, select=[rule.code], pm=_PM)
    assert rule.code in codes(findings), f"{rule.code}'s example does not trip it"
    for finding in findings:
        assert finding.line is not None and finding.file is not None


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda r: r.code)
def test_realistic_set_passes(rule: Rule) -> None:
    findings = validate_yaml(GOOD, select=[rule.code], pm=_PM)
    assert findings == [], [f.message for f in findings]


def test_steering_group_nämnd_rules_say_so() -> None:
    for rule in CATALOGUE:
        if rule.name.endswith("steering-group"):
            assert rule.severity.name == "WARNING"
            assert "not nämnder" in rule.rationale


def test_load_rules_still_listed() -> None:
    assert {"LOAD001", "LOAD003"} <= {r.code for r in _PM.rules}
