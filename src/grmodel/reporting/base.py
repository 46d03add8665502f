"""What every report renderer gets: the report and :class:`ReportOptions`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs

from grmodel.pipeline.validation import Finding, Report
from grmodel.rules.base import Severity

__all__ = ["ReportOptions", "sorted_findings"]


@attrs.frozen(kw_only=True)
class ReportOptions:
    """How to render a report; every field has a default, so ``render_x(report)`` works."""

    statistics: bool = False
    """Add counts per rule (text)."""
    summary: bool = True
    """End with the summary line (text, github); ``False`` for ``--quiet``."""
    color: bool = False
    """Colour severities, codes and files with ANSI escapes (text)."""
    fail_on: Severity = Severity.ERROR
    """Findings at or above this severity fail the run: JUnit failures, the exit code
    in SARIF's invocation."""
    root: Path | None = None
    """Directory that file locations are relative to (SARIF ``%SRCROOT%``; default:
    the current directory)."""
    docs_url: str | None = None
    """Base URL of the published documentation; when set, SARIF rules link to their
    section of the rule catalogue (``helpUri``)."""
    started: dt.datetime | None = None
    """When the run started (UTC; default: its end minus its duration)."""

    def start_time(self, report: Report) -> dt.datetime:
        """The run's start, timezone-aware UTC, to the second."""
        if self.started is not None:
            return self.started.astimezone(dt.UTC).replace(microsecond=0)
        now = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=report.summary.seconds)
        return now.replace(microsecond=0)

    def root_dir(self) -> Path:
        """``root`` made absolute."""
        return (self.root or Path.cwd()).absolute()


def sorted_findings(report: Report) -> list[Finding]:
    """Findings by file, line and code: the order of every format."""
    return sorted(report.findings, key=lambda f: (f.file or "", f.line or 0, f.code))
