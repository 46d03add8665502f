"""``grmodel import`` and ``grmodel export``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from grmodel.cli import EXIT_USAGE, echo_problem, get_pm
from grmodel.cli.options import (
    complete_formats,
    config_options,
    engine_context,
    engine_options,
    examples_option,
    force_option,
    kind_option,
    limits_option,
    load_run_config,
    paths_argument,
    record_targets,
)
from grmodel.errors import GrmodelError
from grmodel.exporting.base import ExportOptions
from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.importing.write import import_target, write_import
from grmodel.pipeline import source_documents
from grmodel.pipeline.exporting import export
from grmodel.pipeline.import_quality import import_findings
from grmodel.pipeline.importing import DOCUMENT_SUFFIXES, import_source
from grmodel.plugins import GrPluginManager
from grmodel.recordset.base import LoadLimits, LoadProblem


@click.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory to write one record set per document into.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="Record set format.",
)
@force_option
@kind_option
@config_options
@engine_options
@click.pass_context
def import_command(
    ctx: click.Context,
    sources: tuple[Path, ...],
    outdir: Path,
    fmt: str,
    force: bool,
    kind: str | None,
    config_file: Path | None,
    no_config: bool,
    engine: str,
    scheduler: str | None,
) -> None:
    """Import source documents (protocols, agendas, staff reports) into record sets.

    SOURCE is a document (.txt, .pdf) or a directory of them (read recursively, as
    validate reads one; its record files are left out). Writes
    OUTPUT/<document name>.yaml per document and reports the share of lines placed
    in records, and the findings of the import-quality rules (IMP) on each. A
    document that cannot be imported or written is one line on stderr naming it;
    the others are still imported and written, and the exit code is 2. Two
    documents of one name (in different directories) are refused before any is
    read, and existing files are not overwritten without --force. The rule options of
    the configuration (--config, else the nearest grmodel.toml or pyproject.toml) are
    honoured, e.g. IMP008's unplaced-share. With --engine dask the
    documents are read and imported by the workers of a dask.distributed cluster and
    written here, the same files in the same order.
    """
    pm = get_pm(ctx)
    options = load_run_config(ctx, config_file, no_config).rule_options
    skipped: list[LoadProblem] = []
    documents = source_documents(sources, skipped)
    for problem in skipped:  # a special file, an unreadable directory: never read
        click.echo(f"grmodel: error: {problem.file}: {problem.message}", err=True)
    if not documents and skipped:
        ctx.exit(EXIT_USAGE)
    if not documents:
        where = ", ".join(map(str, sources))
        raise GrmodelError(f"no documents ({', '.join(sorted(DOCUMENT_SUFFIXES))}) in {where}")
    targets: dict[Path, Path] = {}
    for source in documents:
        target = import_target(source, outdir, fmt)
        if target in targets:
            raise GrmodelError(
                f"{source} and {targets[target]} would both be written to {target}; "
                "import them into different directories"
            )
        targets[target] = source
    with engine_context(engine, scheduler) as cluster:
        imported = (
            cluster.imports(documents, pm, kind)
            if cluster is not None
            else (_import_one(source, pm, kind) for source in documents)
        )
        failed = 0
        for source, outcome in zip(documents, imported, strict=False):
            try:
                if isinstance(outcome, GrmodelError):
                    raise outcome
                _write_one(source, outcome, outdir, pm, fmt=fmt, force=force, options=options)
            except GrmodelError as exc:  # one line; the other documents go on
                failed += 1
                click.echo(f"grmodel: error: {exc}", err=True)
    failed += len(skipped)
    if failed:
        total = len(documents) + len(skipped)
        if total > 1:
            click.echo(
                f"grmodel: {failed} of {total} documents not imported (each named "
                f"above); the other {total - failed} written",
                err=True,
            )
        ctx.exit(EXIT_USAGE)


def _import_one(
    source: Path, pm: GrPluginManager, kind: str | None
) -> tuple[SourceDocument, ImportResult] | GrmodelError:
    """A document imported, or the error that stopped it (as a cluster yields it)."""
    try:
        return import_source(source, pm, kind=kind)
    except GrmodelError as exc:
        return exc


def _write_one(
    source: Path,
    imported: tuple[SourceDocument, ImportResult],
    outdir: Path,
    pm: GrPluginManager,
    *,
    fmt: str,
    force: bool,
    options: Mapping[str, Mapping[str, Any]],
) -> None:
    """Write one imported document and report it: a line of counts, then each finding
    of the import-quality rules on it (:func:`~grmodel.pipeline.import_quality.import_findings`).

    :raises GrmodelError: when it cannot be written.
    """
    read, result = imported
    target = write_import(result, outdir, pm.converter, fmt=fmt, force=force)
    doc = result.document
    click.echo(
        f"{source}: {doc.kind}, {read.encoding} → {target} "
        f"({len(result.records)} records, "
        f"coverage {result.coverage_text}, {len(doc.unplaced)} unplaced segment(s), "
        f"{len(doc.dropped)} line(s) of page furniture or site chrome dropped, "
        f"{len(doc.cut)} page number(s) cut from lines)"
    )
    for finding in import_findings(result, pm, str(source), options):
        where = f"{source}:{finding.line}" if finding.line else str(source)
        click.echo(f"  {where}: {finding.code} {finding.severity} {finding.message}")


def _parse_extra(values: tuple[str, ...]) -> dict[str, str]:
    extra = {}
    for value in values:
        key, sep, item = value.partition("=")
        if not sep:
            raise GrmodelError(f"-O takes key=value, not {value!r}")
        extra[key.strip()] = item
    return extra


@click.command("export")
@paths_argument
@click.option(
    "--to",
    "fmt",
    metavar="FORMAT",
    shell_complete=complete_formats,
    help="Export format (see --list).",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file or directory.")
@click.option("--list", "list_formats", is_flag=True, help="List the export formats and exit.")
@click.option(
    "--base-url",
    default="https://example.org/grmodel",
    show_default=True,
    help="Id prefix for linked-data formats (OParl).",
)
@click.option(
    "-O", "extra", multiple=True, metavar="KEY=VALUE", help="Format-specific option (repeatable)."
)
@click.option(
    "--no-source-paths",
    is_flag=True,
    help="Leave out the records' source file paths (kept relative to PATH by default).",
)
@examples_option
@force_option
@kind_option
@limits_option
@click.pass_context
def export_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str | None,
    output: Path | None,
    list_formats: bool,
    base_url: str,
    extra: tuple[str, ...],
    no_source_paths: bool,
    examples: bool,
    force: bool,
    kind: str | None,
    limits: LoadLimits,
) -> None:
    """Export records to another format: OParl, Popolo, datapackage, SQLite, iCalendar…

    PATH as for validate: none reads the configured ``paths`` ([tool.grmodel]) or
    else the current directory, --examples the bundled example data set; finding
    no record file is an error. The output is written
    atomically and an existing one is not overwritten without --force; a
    directory is never replaced by a file, and an input never by its export.
    Nothing is written when the record set has a problem (a record that does not
    load, a duplicate id): each is reported on stderr and the exit code is 1.
    """
    pm = get_pm(ctx)
    if list_formats:
        for name, exporter in sorted(pm.exporters.items()):
            click.echo(f"{name:12s} {exporter.summary}  [{exporter.plugin}]")
            for key, what in exporter.options.items():
                click.echo(f"{'':12s}   -O {key}=…  {what}")
        return
    if fmt is None or output is None:
        raise click.UsageError("give --to FORMAT and -o OUTPUT (or --list)")
    targets = record_targets(paths, examples)
    export(
        fmt,
        targets,
        output,
        pm,
        force=force,
        kind=kind,
        options=ExportOptions(
            base_url=base_url, extra=_parse_extra(extra), source_paths=not no_source_paths
        ),
        limits=limits,
        on_problem=echo_problem,
    )
    click.echo(f"grmodel: wrote {fmt} to {output}", err=True)


COMMANDS = [import_command, export_command]
