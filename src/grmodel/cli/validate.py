"""``grmodel validate``."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from grmodel.cli import EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_OK, get_pm
from grmodel.cli.options import (
    complete_codes,
    config_options,
    engine_context,
    engine_options,
    examples_option,
    kind_option,
    limits_option,
    load_run_config,
    paths_argument,
    record_targets,
)
from grmodel.cli.watch import watch
from grmodel.io import atomic_write_text
from grmodel.pipeline import validate
from grmodel.pipeline.parallel import available_jobs
from grmodel.recordset.base import LoadLimits
from grmodel.reporting import FORMATS, ReportOptions

if TYPE_CHECKING:
    from grmodel.pipeline.cluster import DaskEngine


def _codes(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


@click.command("validate")
@paths_argument
@click.option(
    "--format",
    "--output-format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to a file (atomically, replacing an earlier report) instead of stdout.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Let -o replace a symbolic link, FIFO or socket (an earlier report file is "
    "always replaced).",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Only the findings: no summary line, progress or notes."
)
@click.option(
    "--exit-zero", is_flag=True, help="Exit with 0 even when findings remain (2 still for errors)."
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report (auto: on a terminal, unless NO_COLOR is set).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    shell_complete=complete_codes,
    help="Run only these codes or prefixes (comma-separated, repeatable).",
)
@click.option(
    "--extend-select",
    multiple=True,
    metavar="CODES",
    shell_complete=complete_codes,
    help="Add codes or prefixes to the selection.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    shell_complete=complete_codes,
    help="Skip these codes or prefixes.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Exit 1 when a finding at or above this severity remains [default: error].",
)
@click.option("--statistics", is_flag=True, help="Add counts per rule.")
@click.option(
    "--docs-url",
    metavar="URL",
    envvar="GRMODEL_DOCS_URL",
    help="Base URL of the published docs: SARIF rules link to their catalogue entry.",
)
@click.option(
    "--max-findings",
    type=click.IntRange(min=0),
    default=None,
    help="Report at most N findings (a 'truncated' note says so).",
)
@config_options
@examples_option
@click.option(
    "--watch",
    "watch_changes",
    is_flag=True,
    help="Validate again whenever a record file changes (Ctrl-C stops; the configuration "
    "is read once).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Processes that read the record files and run the record rules (0: one per "
    "CPU); the findings do not change.",
)
@engine_options
@kind_option
@limits_option
@click.pass_context
def validate_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str,
    output: Path | None,
    force: bool,
    quiet: bool,
    exit_zero: bool,
    color: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    statistics: bool,
    docs_url: str | None,
    max_findings: int | None,
    config_file: Path | None,
    no_config: bool,
    examples: bool,
    watch_changes: bool,
    jobs: int,
    engine: str,
    scheduler: str | None,
    kind: str | None,
    limits: LoadLimits,
) -> None:
    """Validate record sets or source documents against every selected rule.

    PATH is a record file (YAML, JSON, JSON Lines, CSV), a source document (text
    or PDF) that an importer reads on the fly, or a directory of either or both
    (its .txt and .pdf documents are imported too); findings on a document point
    at its lines. With no PATH, the configured ``paths`` (``[tool.grmodel]``) or
    else the current directory; --examples validates the bundled example data
    set. Finding no record file and no document is an error.

    With --engine dask the record files are read and the record rules run on a
    dask.distributed cluster (the one at --scheduler, or a local one of --jobs
    processes); the findings are the same.

    Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or I/O error,
    3 a rule crashed (the run is incomplete).
    """
    pm = get_pm(ctx)
    config = load_run_config(
        ctx,
        config_file,
        no_config,
        select=_codes(select),
        extend_select=_codes(extend_select),
        ignore=_codes(ignore),
        fail_on=fail_on,
        max_findings=max_findings,
    )
    targets = record_targets(paths, examples, config)

    def run_once(cluster: DaskEngine | None) -> int:
        progress = _ProgressBar() if sys.stderr.isatty() and not quiet else None
        started = dt.datetime.now(dt.UTC)
        try:
            report = validate(
                targets,
                pm,
                config,
                kind=kind,
                progress=progress,
                limits=limits,
                jobs=jobs or available_jobs(),
                engine=cluster,
            )
        finally:
            if progress is not None:
                progress.close()
        _warn_missed(cluster)
        options = ReportOptions(
            statistics=statistics,
            fail_on=config.fail_on,
            docs_url=docs_url,
            started=started,
            summary=not quiet,
            color=_use_color(color, output),
        )
        text = FORMATS[fmt](report, options)
        if output is not None:
            # a report is regenerated output: an earlier report file is replaced
            replace = force or (output.is_file() and not output.is_symlink())
            atomic_write_text(output, text, force=replace, errors="backslashreplace")
            if not quiet:
                click.echo(f"grmodel: wrote {output}", err=True)
        else:
            click.echo(text, nl=False, color=options.color)
        if report.crashed:
            click.echo(
                f"grmodel: rule(s) {', '.join(report.crashed)} crashed (see their findings); "
                "the run is incomplete",
                err=True,
            )
            return EXIT_INCOMPLETE
        failed = report.failed(config.fail_on) and not exit_zero
        return EXIT_FINDINGS if failed else EXIT_OK

    with engine_context(engine, scheduler, jobs) as cluster:
        if watch_changes:
            watch(lambda: run_once(cluster), targets)
        else:
            ctx.exit(run_once(cluster))


def _warn_missed(cluster: DaskEngine | None) -> None:
    answers = cluster.last if cluster is not None else None
    if answers is not None and answers.missed:
        click.echo(
            f"grmodel: warning: {answers.missed:,} record(s) were checked on the client, not "
            f"on the cluster ({answers.failure or 'no answer from a worker'}); the findings "
            "are complete",
            err=True,
        )


def _use_color(choice: str, output: Path | None) -> bool:
    """``always``/``never``, or (``auto``) on a terminal and without ``NO_COLOR``
    (https://no-color.org) — never in a file."""
    if choice != "auto":
        return choice == "always"
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


class _ProgressBar:
    """A rich progress bar on stderr: files done and records read, shown once a run
    takes more than a moment (many files, or one large one)."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None
        self._files = (0, 0, "")
        self._records = 0
        self._started = time.monotonic()

    def __call__(self, done: int, total: int, file: str) -> None:
        self._files = (done, total, Path(file).name or "done")
        self._show()

    def records(self, count: int) -> None:
        """Called by the engine every 1,000 records."""
        self._records = count
        self._show()

    def _show(self) -> None:
        done, total, name = self._files
        if self._bar is None:
            if total < 20 and time.monotonic() - self._started < 1.0:
                return
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
            # one file: no share of files to show, so the bar pulses as its records count
            self._task = self._bar.add_task("validating", total=total if total > 1 else None)
        self._bar.update(
            self._task, completed=done, description=f"{name} · {self._records:,} records"
        )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


COMMANDS = [validate_command]
