"""JUnit XML reports, as GitLab, Jenkins and junitparser read them.

Only findings at or above ``fail_on`` are failures, so a CI view is red exactly
when ``grmodel validate`` exits with 1; the others are passing test cases that
carry their severity as a property and the finding as ``system-out``.
"""

from __future__ import annotations

from itertools import groupby
from xml.sax.saxutils import escape, quoteattr

from grmodel.pipeline.validation import Finding, Report
from grmodel.reporting.base import ReportOptions, sorted_findings

__all__ = ["junit_classname", "render_junit"]


def junit_classname(file: str) -> str:
    """The ``classname`` of a file's test cases: its path with dots made underscores,
    since JUnit viewers split a classname at its last dot into package and class.

    >>> from grmodel.reporting.junit import junit_classname
    >>> junit_classname("records/2019-11-07.protokoll.yaml")
    'records/2019-11-07_protokoll_yaml'
    """
    return file.replace("\\", "/").replace(".", "_")


def _testcase(finding: Finding, file: str, failing: bool) -> list[str]:
    name = f"{finding.code} line {finding.line}" + (f" {finding.record}" if finding.record else "")
    text = f"{file}:{finding.line}: {finding.severity} {finding.message}"
    if finding.hint:
        text += f"\nhint: {finding.hint}"
    out = [
        f"    <testcase name={quoteattr(name)} classname={quoteattr(junit_classname(file))} "
        'time="0.000">'
    ]
    if failing:
        out.append(
            f"      <failure type={quoteattr(str(finding.severity))} "
            f"message={quoteattr(finding.message)}>{escape(text)}</failure>"
        )
    else:
        out.append("      <properties>")
        out.append(f'        <property name="severity" value="{finding.severity}"/>')
        out.append(f'        <property name="code" value={quoteattr(finding.code)}/>')
        out.append("      </properties>")
        out.append(f"      <system-out>{escape(text)}</system-out>")
    out.append("    </testcase>")
    return out


def render_junit(report: Report, options: ReportOptions | None = None) -> str:
    """JUnit XML: one test suite per file, one test case per finding; a failure only
    for a finding at or above ``options.fail_on``."""
    options = options or ReportOptions()
    stamp = options.start_time(report).strftime("%Y-%m-%dT%H:%M:%S")
    findings = sorted_findings(report)
    failing = sum(1 for f in findings if f.severity >= options.fail_on)
    seconds = f"{report.summary.seconds:.3f}"
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    out.append(
        f'<testsuites name="grmodel" tests="{max(len(findings), 1)}" failures="{failing}" '
        f'errors="0" time="{seconds}" timestamp="{stamp}">'
    )
    if not findings:
        out.append(
            f'  <testsuite name="grmodel" tests="1" failures="0" errors="0" skipped="0" '
            f'time="{seconds}" timestamp="{stamp}">'
        )
        out.append('    <testcase name="record set is valid" classname="grmodel" time="0.000"/>')
        out.append("  </testsuite>")
    for file, group in groupby(findings, key=lambda f: f.file or "<record set>"):
        items = list(group)
        fails = [f.severity >= options.fail_on for f in items]
        out.append(
            f'  <testsuite name={quoteattr(file)} tests="{len(items)}" '
            f'failures="{sum(fails)}" errors="0" skipped="0" time="0.000" timestamp="{stamp}">'
        )
        for finding, fails_run in zip(items, fails, strict=True):
            out.extend(_testcase(finding, file, fails_run))
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"
