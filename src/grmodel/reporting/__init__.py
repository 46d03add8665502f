"""Report formats for validation results: text, json, sarif, junit, github.

Each format is a function ``render(report, options=None) -> str`` in
:data:`FORMATS`; :class:`~grmodel.reporting.base.ReportOptions` says how
(statistics, ``fail_on``, the root that file locations are relative to, the
documentation's URL).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import groupby
from typing import Any

import click

from grmodel import __version__
from grmodel.pipeline.validation import Report
from grmodel.reporting.base import ReportOptions, sorted_findings
from grmodel.reporting.junit import render_junit
from grmodel.reporting.sarif import render_sarif
from grmodel.rules.base import Severity

__all__ = [
    "FORMATS",
    "JSON_REPORT_VERSION",
    "ReportOptions",
    "render_github",
    "render_json",
    "render_junit",
    "render_sarif",
    "render_text",
    "summary_line",
]

JSON_REPORT_VERSION = 1
"""Version of the JSON report layout; bumped only on incompatible changes."""


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


_SEVERITY_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render_text(report: Report, options: ReportOptions | None = None) -> str:
    """Findings grouped by file: ``file:line: CODE severity message`` and a hint line."""
    options = options or ReportOptions()

    def paint(text: str, **style: Any) -> str:
        return click.style(text, **style) if options.color else text

    lines: list[str] = []
    for file, group in groupby(sorted_findings(report), key=lambda f: f.file or "<record set>"):
        lines.append(paint(file, bold=True))
        for f in group:
            where = f"{file}:{f.line}" if f.line else file
            record = (
                f" [{f.record}{'.' + f.path if f.path else ''}]"
                if f.record
                else (f" [{f.path}]" if f.path else "")
            )
            severity = paint(str(f.severity), fg=_SEVERITY_COLOR[f.severity])
            lines.append(f"  {where}: {paint(f.code, bold=True)} {severity}{record} {f.message}")
            if f.hint:
                lines.append(paint(f"      hint: {f.hint}", dim=True))
        lines.append("")
    if options.statistics:
        names = {r.code: r.name for r in report.rules}
        lines.append("Statistics:")
        for code, count in sorted(report.summary.by_code.items(), key=lambda kv: -kv[1]):
            lines.append(f"  {count:6d}  {code:8s} {names.get(code, '')}")
        lines.append("")
    if options.summary:
        lines.append(summary_line(report))
    elif lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def render_json(report: Report, options: ReportOptions | None = None) -> str:
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
        "findings": [f.to_json() for f in sorted_findings(report)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render_github(report: Report, options: ReportOptions | None = None) -> str:
    """GitHub Actions workflow commands (``::error file=…,line=…::message``)."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for f in sorted_findings(report):
        props = [f"title={_gh_escape(f.code + ' ' + f.rule, True)}"]
        if f.file:
            props.insert(0, f"file={_gh_escape(f.file, True)}")
            if f.line:
                props.insert(1, f"line={f.line}")
        message = f.message + (f" (hint: {f.hint})" if f.hint else "")
        lines.append(f"::{level[f.severity]} {','.join(props)}::{_gh_escape(message)}")
    if (options or ReportOptions()).summary:
        lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Callable[[Report, ReportOptions | None], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "junit": render_junit,
    "github": render_github,
}
"""Report renderers by format name."""
