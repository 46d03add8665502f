"""``grmodel validate``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from grmodel.cli import EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_OK, get_pm
from grmodel.cli.options import force_option, kind_option, limits_option, paths_argument
from grmodel.examples import example_data_path
from grmodel.io import atomic_write_text
from grmodel.recordset.base import LoadLimits
from grmodel.reporting import FORMATS
from grmodel.validation import load_config, validate
from grmodel.validation.config import find_config_file
from grmodel.validation.parallel import available_jobs


def _codes(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


@click.command("validate")
@paths_argument
@click.option(
    "--format",
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
    help="Write the report to a file (atomically) instead of stdout.",
)
@force_option
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Run only these codes or prefixes (comma-separated, repeatable).",
)
@click.option(
    "--extend-select",
    multiple=True,
    metavar="CODES",
    help="Add codes or prefixes to the selection.",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these codes or prefixes.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Exit 1 when a finding at or above this severity remains [default: error].",
)
@click.option("--statistics", is_flag=True, help="Add counts per rule.")
@click.option(
    "--max-findings",
    type=click.IntRange(min=0),
    default=None,
    help="Report at most N findings (a 'truncated' note says so).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Configuration file (default: nearest grmodel.toml or pyproject.toml).",
)
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Processes for the record rules (0: one per CPU); the findings do not change.",
)
@kind_option
@limits_option
@click.pass_context
def validate_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str,
    output: Path | None,
    force: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    statistics: bool,
    max_findings: int | None,
    config_file: Path | None,
    no_config: bool,
    jobs: int,
    kind: str | None,
    limits: LoadLimits,
) -> None:
    """Validate record sets or source documents against every selected rule.

    PATH is a record file (YAML, JSON, JSON Lines, CSV), a directory of them, or
    a source document (text or PDF) that an importer reads on the fly; findings
    then point at lines of the document. With no PATH the bundled example data
    set is validated.

    Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or I/O error,
    3 a rule crashed (the run is incomplete).
    """
    pm = get_pm(ctx)
    targets = list(paths) or [str(example_data_path())]
    file = None if no_config else (config_file or find_config_file(Path.cwd()))
    config = load_config(
        file,
        select=_codes(select),
        extend_select=_codes(extend_select),
        ignore=_codes(ignore),
        fail_on=fail_on,
        max_findings=max_findings,
    )
    progress = _ProgressBar() if sys.stderr.isatty() else None
    try:
        report = validate(
            targets,
            pm,
            config,
            kind=kind,
            progress=progress,
            limits=limits,
            jobs=jobs or available_jobs(),
        )
    finally:
        if progress is not None:
            progress.close()
    text = FORMATS[fmt](report, statistics=statistics)
    if output is not None:
        atomic_write_text(output, text, force=force, errors="backslashreplace")
        click.echo(f"grmodel: wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    if report.crashed:
        click.echo(
            f"grmodel: rule(s) {', '.join(report.crashed)} crashed (see their findings); "
            "the run is incomplete",
            err=True,
        )
        ctx.exit(EXIT_INCOMPLETE)
    ctx.exit(EXIT_FINDINGS if report.failed(config.fail_on) else EXIT_OK)


class _ProgressBar:
    """A rich progress bar on stderr, shown only for runs over a few files."""

    def __init__(self) -> None:
        self._bar: object | None = None
        self._task: object | None = None

    def __call__(self, done: int, total: int, file: str) -> None:
        if total < 20:
            return
        from rich.progress import Progress

        if self._bar is None:
            from rich.console import Console

            bar = Progress(console=Console(stderr=True), transient=True)
            bar.start()
            self._bar, self._task = bar, bar.add_task("validating", total=total)
        self._bar.update(self._task, completed=done, description=Path(file).name or "done")  # type: ignore[attr-defined]

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()  # type: ignore[attr-defined]


COMMANDS = [validate_command]
