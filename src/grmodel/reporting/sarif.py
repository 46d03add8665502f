"""SARIF 2.1.0 reports, as GitHub code scanning and the SARIF Multitool read them.

File locations are relative to the run's root (``%SRCROOT%``, declared in
``originalUriBaseIds``) and percent-encoded per RFC 3986, so a file named
``möte #1, utkast.yaml`` is one URI and not a URI with a fragment; a file outside
the root is an absolute ``file:`` URI. Each result carries a fingerprint that
does not depend on its line, so a code-scanning alert survives edits above it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from grmodel import __version__
from grmodel.pipeline.validation import Finding, Report
from grmodel.reporting.base import ReportOptions, sorted_findings
from grmodel.rules.base import Rule, Severity

__all__ = ["FINGERPRINT_KEY", "SARIF_SCHEMA", "SRCROOT", "artifact_location", "render_sarif"]

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
"""The ``$schema`` written: the OASIS SARIF 2.1.0 schema (errata 01)."""
SRCROOT = "%SRCROOT%"
"""The ``uriBaseId`` of files below the run's root."""
FINGERPRINT_KEY = "grmodelFinding/v1"
"""Key of the line-independent fingerprint in ``partialFingerprints``."""

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(file: str, root: Path) -> dict[str, str]:
    """A file's SARIF ``artifactLocation``: relative to ``root`` (under ``%SRCROOT%``)
    when it lies below it, else an absolute ``file:`` URI; percent-encoded either way.
    A relative ``file`` is relative to the current directory, as given on the command line.

    >>> from pathlib import Path
    >>> from grmodel.reporting.sarif import artifact_location
    >>> artifact_location("/repo/records/möte #1.yaml", Path("/repo"))
    {'uri': 'records/m%C3%B6te%20%231.yaml', 'uriBaseId': '%SRCROOT%'}
    >>> artifact_location("/tmp/a,b.yaml", Path("/repo"))
    {'uri': 'file:///tmp/a%2Cb.yaml'}
    """
    absolute = Path(os.path.abspath(file))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _fingerprint(finding: Finding, location: dict[str, str] | None) -> str:
    """A hash of what the finding is about, not where it is: code, file, record, field
    and message (the line only for findings outside any record)."""
    where = finding.record if finding.record is not None else f"line {finding.line}"
    uri = location["uri"] if location else ""
    parts = (finding.code, uri, where, finding.path, finding.message)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _rule(rule: Rule, options: ReportOptions) -> dict[str, Any]:
    help_text = f"{rule.summary}\n\n{rule.rationale}\n\nFix: {rule.hint}"
    if rule.legal_basis:
        help_text += f"\n\nLegal basis: {rule.legal_basis}"
    out: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {
            "plugin": rule.plugin,
            **({"legalBasis": rule.legal_basis} if rule.legal_basis else {}),
        },
    }
    if options.docs_url:
        base = options.docs_url.rstrip("/")
        out["helpUri"] = f"{base}/reference/rules.html#rule-{rule.code.lower()}"
    return out


def _result(finding: Finding, index: dict[str, int], root: Path) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message + (f" Hint: {finding.hint}" if finding.hint else "")},
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    location = artifact_location(finding.file, root) if finding.file else None
    if location is not None:
        result["locations"] = [
            {
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": {"startLine": finding.line or 1},
                }
            }
        ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: _fingerprint(finding, location)}
    if finding.record:
        result["properties"] = {"record": finding.record, "path": finding.path}
    return result


def _invocation(report: Report, options: ReportOptions) -> dict[str, Any]:
    started = options.start_time(report)
    ended = started + dt.timedelta(seconds=round(report.summary.seconds))
    invocation: dict[str, Any] = {
        "executionSuccessful": True,
        "exitCode": 1 if report.failed(options.fail_on) else 0,
        "startTimeUtc": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "endTimeUtc": ended.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    if report.summary.truncated:
        shown, total = len(report.findings), report.summary.total
        invocation["toolExecutionNotifications"] = [
            {
                "level": "warning",
                "message": {"text": f"max-findings: showing {shown} of {total} findings"},
            }
        ]
    return invocation


def render_sarif(report: Report, options: ReportOptions | None = None) -> str:
    """SARIF 2.1.0: one run, ``tool.driver.name`` "grmodel", rules with help text."""
    options = options or ReportOptions()
    root = options.root_dir()
    used = {f.code for f in report.findings}
    rules = [r for r in report.rules if r.code in used] + [
        r for r in report.rules if r.code not in used
    ]
    index = {r.code: i for i, r in enumerate(rules)}
    driver: dict[str, Any] = {"name": "grmodel", "version": __version__}
    if options.docs_url:
        driver["informationUri"] = options.docs_url
    driver["rules"] = [_rule(r, options) for r in rules]
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
                "invocations": [_invocation(report, options)],
                "results": [_result(f, index, root) for f in sorted_findings(report)],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
