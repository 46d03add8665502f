"""Report formats for validation results: text, json, sarif, junit, github.

Each format is a function ``render(report) -> str`` in :data:`FORMATS`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import groupby
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from grmodel import __version__
from grmodel.rules.base import Severity
from grmodel.validation.engine import Finding, Report

__all__ = [
    "FORMATS",
    "JSON_REPORT_VERSION",
    "render_github",
    "render_json",
    "render_junit",
    "render_sarif",
    "render_text",
    "summary_line",
]

JSON_REPORT_VERSION = 1
"""Version of the JSON report layout; bumped only on incompatible changes."""


def _sorted(report: Report) -> list[Finding]:
    return sorted(report.findings, key=lambda f: (f.file or "", f.line or 0, f.code))


def summary_line(report: Report) -> str:
    """``"1520 records in 6 files: 2 errors, 3 warnings, 1 info (0.41 s)"``."""
    s = report.summary
    parts = [
        f"{s.by_severity.get('error', 0)} error(s)",
        f"{s.by_severity.get('warning', 0)} warning(s)",
        f"{s.by_severity.get('info', 0)} info",
    ]
    text = (
        f"{s.records} records in {s.files} file(s), {s.rules_run} rules: "
        f"{', '.join(parts)} ({s.seconds:.2f} s)"
    )
    if s.truncated:
        text += f"; truncated: showing {len(report.findings)} of {s.total} findings"
    return text


def render_text(report: Report, statistics: bool = False) -> str:
    """Findings grouped by file: ``file:line: CODE severity message`` and a hint line."""
    lines: list[str] = []
    for file, group in groupby(_sorted(report), key=lambda f: f.file or "<record set>"):
        lines.append(file)
        for f in group:
            where = f"{file}:{f.line}" if f.line else file
            record = (
                f" [{f.record}{'.' + f.path if f.path else ''}]"
                if f.record
                else (f" [{f.path}]" if f.path else "")
            )
            lines.append(f"  {where}: {f.code} {f.severity}{record} {f.message}")
            if f.hint:
                lines.append(f"      hint: {f.hint}")
        lines.append("")
    if statistics:
        names = {r.code: r.name for r in report.rules}
        lines.append("Statistics:")
        for code, count in sorted(report.summary.by_code.items(), key=lambda kv: -kv[1]):
            lines.append(f"  {count:6d}  {code:8s} {names.get(code, '')}")
        lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def render_json(report: Report, statistics: bool = False) -> str:
    """The stable JSON report: ``{"version", "summary", "findings"}``."""
    s = report.summary
    data: dict[str, Any] = {
        "version": JSON_REPORT_VERSION,
        "tool": {"name": "grmodel", "version": __version__},
        "summary": {
            "files": s.files,
            "records": s.records,
            "findings": s.total,
            "by_severity": s.by_severity,
            "by_code": s.by_code,
            "seconds": round(s.seconds, 3),
            "truncated": s.truncated,
            "rules_run": s.rules_run,
        },
        "findings": [f.to_json() for f in _sorted(report)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(report: Report, statistics: bool = False) -> str:
    """SARIF 2.1.0: one run, ``tool.driver.name`` "grmodel", rules with help text."""
    used = {f.code for f in report.findings}
    rules = [r for r in report.rules if r.code in used] + [
        r for r in report.rules if r.code not in used
    ]
    index = {r.code: i for i, r in enumerate(rules)}
    driver_rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.rationale},
            "help": {
                "text": f"{r.summary}\n\n{r.rationale}\n\nFix: {r.hint}"
                + (f"\n\nLegal basis: {r.legal_basis}" if r.legal_basis else "")
            },
            "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
            "properties": {
                "plugin": r.plugin,
                **({"legalBasis": r.legal_basis} if r.legal_basis else {}),
            },
        }
        for r in rules
    ]
    results = []
    for f in _sorted(report):
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message + (f" Hint: {f.hint}" if f.hint else "")},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.file:
            region = {"startLine": f.line or 1}
            result["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.file.replace("\\", "/")},
                        "region": region,
                    }
                }
            ]
        if f.record:
            result["properties"] = {"record": f.record, "path": f.path}
        results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "grmodel",
                        "version": __version__,
                        "informationUri": "https://github.com/grmodel/grmodel",
                        "rules": driver_rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def render_junit(report: Report, statistics: bool = False) -> str:
    """JUnit XML: one test suite per file, one failing test case per finding."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    s = report.summary
    failures = len(report.findings)
    out.append(
        f'<testsuites name="grmodel" tests="{max(failures, 1)}" failures="{failures}" '
        f'time="{s.seconds:.3f}">'
    )
    if not report.findings:
        out.append('  <testsuite name="grmodel" tests="1" failures="0">')
        out.append('    <testcase name="record set is valid" classname="grmodel"/>')
        out.append("  </testsuite>")
    for file, group in groupby(_sorted(report), key=lambda f: f.file or "<record set>"):
        items = list(group)
        out.append(
            f'  <testsuite name={quoteattr(file)} tests="{len(items)}" failures="{len(items)}">'
        )
        for f in items:
            name = f"{f.code} line {f.line}" + (f" {f.record}" if f.record else "")
            out.append(f"    <testcase name={quoteattr(name)} classname={quoteattr(file)}>")
            body = escape(f"{file}:{f.line}: {f.message}" + (f"\nhint: {f.hint}" if f.hint else ""))
            out.append(
                f"      <failure type={quoteattr(str(f.severity))} "
                f"message={quoteattr(f.message)}>{body}</failure>"
            )
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render_github(report: Report, statistics: bool = False) -> str:
    """GitHub Actions workflow commands (``::error file=…,line=…::message``)."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for f in _sorted(report):
        props = [f"title={_gh_escape(f.code + ' ' + f.rule, True)}"]
        if f.file:
            props.insert(0, f"file={_gh_escape(f.file, True)}")
            if f.line:
                props.insert(1, f"line={f.line}")
        message = f.message + (f" (hint: {f.hint})" if f.hint else "")
        lines.append(f"::{level[f.severity]} {','.join(props)}::{_gh_escape(message)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "junit": render_junit,
    "github": render_github,
}
"""Report renderers by format name."""
