"""``grmodel count``."""

from __future__ import annotations

import json

import click

from grmodel.cli import EXIT_FINDINGS, echo_problem, get_pm
from grmodel.cli.options import (
    examples_option,
    limits_option,
    list_format_option,
    paths_argument,
    record_targets,
)
from grmodel.errors import GrmodelError
from grmodel.pipeline.counting import count_records
from grmodel.recordset.base import LoadLimits, LoadProblem


def _filter(value: str) -> tuple[str, str]:
    field, sep, wanted = value.partition("=")
    if not sep:
        raise GrmodelError(f"--where takes FIELD=VALUE, not {value!r}")
    return field.strip(), wanted.strip()


@click.command("count")
@paths_argument
@click.option(
    "--type",
    "record_type",
    default="collaboration",
    show_default=True,
    help="Record type to count.",
)
@click.option(
    "--by",
    "by",
    multiple=True,
    metavar="FIELD",
    help="Field to count by (repeatable); a list field counts each value.",
)
@click.option(
    "--where",
    "where",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Count only records whose field has this value (repeatable).",
)
@list_format_option
@examples_option
@limits_option
@click.pass_context
def count_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    record_type: str,
    by: tuple[str, ...],
    where: tuple[str, ...],
    fmt: str,
    examples: bool,
    limits: LoadLimits,
) -> None:
    """Count records by field values, e.g. collaborations by kind and GR participation.

    \b
    grmodel count --examples --by kind --by gr_participation
    grmodel count records/ --by areas --where gr_participation=true

    PATH as for validate: none reads the configured ``paths`` ([tool.grmodel]) or
    else the current directory, --examples the bundled example data set; finding
    no record file is an error. Compare the counts with
    a document's own totals; rule FIG001 does that for stated figures.

    A record or path that does not load is reported on stderr (as by validate)
    and makes the exit code 1: the counts then leave it out.
    """
    problems: list[LoadProblem] = []

    def report(problem: LoadProblem) -> None:
        problems.append(problem)
        echo_problem(problem)

    counts, matched = count_records(
        record_targets(paths, examples),
        get_pm(ctx),
        record_type,
        by,
        [_filter(w) for w in where],
        limits=limits,
        on_problem=report,
    )
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        click.echo(
            json.dumps(
                [{**dict(zip(by, key, strict=True)), "count": n} for key, n in rows],
                ensure_ascii=False,
                indent=2,
            )
        )
        _fail_on(ctx, problems)
        return
    width = [max([len(field), *(len(key[i]) for key, _ in rows)]) for i, field in enumerate(by)]
    if by:
        click.echo("  ".join(f.ljust(w) for f, w in zip(by, width, strict=True)) + "  count")
    for key, n in rows:
        click.echo(
            "  ".join(k.ljust(w) for k, w in zip(key, width, strict=True))
            + ("  " if by else "")
            + f"{n:5d}"
        )
    click.echo(f"\n{matched} {record_type} record(s)" + (f", by {', '.join(by)}" if by else ""))
    _fail_on(ctx, problems)


def _fail_on(ctx: click.Context, problems: list[LoadProblem]) -> None:
    if problems:
        click.echo(
            f"grmodel: {len(problems)} problem(s) in the record set; "
            "the counts leave out what did not load",
            err=True,
        )
        ctx.exit(EXIT_FINDINGS)


COMMANDS = [count_command]
