"""What ``grmodel import`` tells of how well each document was read: the
import-quality rules (the IMP family) run on the document record it imported."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from grmodel.importing.base import ImportResult
from grmodel.pipeline.validation import Finding, RunContext, format_path
from grmodel.plugins import GrPluginManager
from grmodel.rules.base import Issue, Rule, Severity, option_values
from grmodel.validation.running import crash_message, run_checks

__all__ = ["IMPORT_RULES", "import_findings"]

IMPORT_RULES = "IMP"
"""The code family of the import-quality rules, which ``grmodel import`` runs on each
document it imports."""


def import_findings(
    result: ImportResult,
    pm: GrPluginManager,
    file: str,
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Finding]:
    """The findings of the import-quality rules (:data:`IMPORT_RULES`, at their own
    severities) on the record of a document imported from ``file``, at the
    document's lines: what ``grmodel import`` tells of how well each document was
    read (``grmodel validate`` of the records written finds the same). A rule that
    crashes is an error finding of its code, as in a validation run.

    :param options: the rule options set in the configuration
        (:attr:`~grmodel.validation.config.ValidationConfig.rule_options`); the
        others keep their defaults.
    """
    document = result.document
    first = document.provenance.line if document.provenance is not None else None
    checks = [
        (rule, rule.check)
        for rule in pm.rules
        if rule.code.startswith(IMPORT_RULES) and rule.check is not None
        if not rule.applies_to or document.TYPE in rule.applies_to
    ]
    found: list[Finding] = []

    def emit(rule: Rule, issue: Issue) -> None:
        source = getattr(issue.node, "source", None)
        found.append(
            Finding(
                code=issue.code or rule.code,
                severity=issue.severity or rule.severity,
                message=issue.message,
                file=file,
                line=getattr(source, "line", None) or first,
                path=format_path(issue.path),
                record=document.id,
                plugin=rule.plugin,
                hint=issue.hint or rule.hint,
                rule=rule.name,
            )
        )

    def crash(rule: Rule, exc: Exception) -> None:
        message = crash_message(exc)
        emit(rule, Issue(message=message, severity=Severity.ERROR))

    ctx = RunContext(refdata=pm.refdata, options=option_values(pm.rules, options or {}))
    run_checks(checks, document, ctx, emit, crash)
    return found
