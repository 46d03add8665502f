"""JUnit XML: failures only at or above fail-on, time and timestamp, classnames that
viewers do not split; read back with junitparser as CI tools do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import junitparser
import pytest

from grmodel.pipeline import validate
from grmodel.plugins import get_plugin_manager
from grmodel.reporting import ReportOptions, render_junit
from grmodel.reporting.junit import junit_classname
from grmodel.rules.base import Severity
from grmodel.validation import ValidationConfig

# LOAD002 (error, line 3) and, with the severity override below, LOAD004 as a warning.
BROKEN = "type: person\nid: p\nname: 3\nnmae: x\n"


def _parse(tmp_path: Path, fail_on: Severity) -> junitparser.JUnitXml:
    file = tmp_path / "2019-11-07.protokoll.yaml"
    file.write_text(BROKEN, encoding="utf-8")
    config = ValidationConfig(severity={"LOAD004": Severity.WARNING})
    report = validate([file], get_plugin_manager(), config)
    started = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
    out = tmp_path / "junit.xml"
    out.write_text(render_junit(report, ReportOptions(fail_on=fail_on, started=started)))
    return junitparser.JUnitXml.fromfile(str(out))


def _cases(xml: junitparser.JUnitXml) -> dict[str, junitparser.TestCase]:
    return {case.name.split()[0]: case for suite in xml for case in suite}


def test_only_findings_at_or_above_fail_on_are_failures(tmp_path: Path) -> None:
    xml = _parse(tmp_path, Severity.ERROR)
    cases = _cases(xml)
    assert set(cases) == {"LOAD002", "LOAD004"}
    assert [type(r).__name__ for r in cases["LOAD002"].result] == ["Failure"]
    assert cases["LOAD004"].is_passed
    assert "warning" in (cases["LOAD004"].system_out or "")
    assert xml.failures == 1 and xml.tests == 2
    (suite,) = xml
    assert suite.failures == 1 and suite.tests == 2


def test_fail_on_warning_fails_both(tmp_path: Path) -> None:
    xml = _parse(tmp_path, Severity.WARNING)
    assert xml.failures == 2
    assert not any(case.is_passed for case in _cases(xml).values())


def test_time_timestamp_and_classname(tmp_path: Path) -> None:
    xml = _parse(tmp_path, Severity.ERROR)
    (suite,) = xml
    assert suite.timestamp == "2024-05-06T07:08:09"
    assert xml._elem.get("timestamp") == "2024-05-06T07:08:09"
    assert float(xml._elem.get("time")) >= 0
    assert suite.time is not None
    for case in suite:
        assert "." not in case.classname
        assert case.classname.endswith("2019-11-07_protokoll_yaml")
        assert case.time is not None


@pytest.mark.parametrize(
    ("file", "classname"), [("a/b.c.yaml", "a/b_c_yaml"), ("a\\b.yaml", "a/b_yaml")]
)
def test_junit_classname(file: str, classname: str) -> None:
    assert junit_classname(file) == classname
