"""A finding may carry its own severity; configuration still overrides it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from grmodel.model import Person
from grmodel.pipeline import validate
from grmodel.plugins import GrPluginManager, get_plugin_manager, hookimpl
from grmodel.rules.base import Issue, Rule, RuleContext, Severity
from grmodel.validation.config import ValidationConfig


def _check(person: Person, _ctx: RuleContext) -> Iterator[Issue]:
    # Officials are only worth a note; everyone else is a real problem.
    yield Issue(
        message=f"{person.id} has no given name",
        severity=Severity.INFO if person.title else None,
    )


class GivenNames:
    @hookimpl
    def grmodel_rules(self) -> list[Rule]:
        return [
            Rule(
                code="XYZ001",
                name="given-name",
                severity=Severity.ERROR,
                summary="s",
                rationale="r",
                hint="h",
                applies_to=("person",),
                check=_check,
            )
        ]


def _pm() -> GrPluginManager:
    return get_plugin_manager(load_entrypoints=False, plugins=[("names", GivenNames())])


def _set(tmp_path: Path) -> Path:
    path = tmp_path / "persons.yaml"
    path.write_text(
        "type: person\nid: bo-ek\nname: Bo Ek\n---\n"
        "type: person\nid: eva-ek\nname: Eva Ek\ntitle: utvecklingsledare\n",
        encoding="utf-8",
    )
    return path


def test_a_finding_carries_its_own_severity(tmp_path: Path) -> None:
    report = validate([_set(tmp_path)], _pm(), ValidationConfig(select=("XYZ",)))
    assert [(f.record, f.severity) for f in report.findings] == [
        ("bo-ek", Severity.ERROR),
        ("eva-ek", Severity.INFO),
    ]
    assert report.summary.by_severity == {"info": 1, "warning": 0, "error": 1}
    assert report.failed(Severity.ERROR)


def test_a_configured_severity_wins(tmp_path: Path) -> None:
    config = ValidationConfig(select=("XYZ",), severity={"XYZ001": Severity.WARNING})
    report = validate([_set(tmp_path)], _pm(), config)
    assert {f.severity for f in report.findings} == {Severity.WARNING}
    assert not report.failed(Severity.ERROR)
