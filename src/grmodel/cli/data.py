"""``grmodel schema``, ``grmodel refdata`` and ``grmodel examples``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from grmodel.cli import get_pm
from grmodel.cli.options import force_option, list_format_option
from grmodel.examples import example_data_path
from grmodel.io import copy_tree


@click.command("schema")
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Directory to write into.",
)
@click.option("--check", is_flag=True, help="Exit 1 if the files in OUTPUT are stale.")
@click.pass_context
def schema_command(ctx: click.Context, outdir: Path, check: bool) -> None:
    """Generate a Draft 2020-12 JSON Schema per record type, plus record.json."""
    from grmodel.schema import generate_schemas, schema_files_stale, write_schemas

    schemas = generate_schemas(get_pm(ctx).converter)
    if check:
        stale = schema_files_stale(schemas, outdir)
        for name in stale:
            click.echo(f"{outdir / name}: stale or missing", err=True)
        ctx.exit(1 if stale else 0)
    write_schemas(schemas, outdir)
    click.echo(f"wrote {len(schemas)} schemas to {outdir}")


@click.command("refdata")
@click.argument("table", type=click.Choice(["municipalities", "counties", "parties", "bodies"]))
@list_format_option
@click.option(
    "--at",
    "at",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Municipalities valid on this date (default: today).",
)
@click.pass_context
def refdata_command(ctx: click.Context, table: str, fmt: str, at: dt.datetime | None) -> None:
    """Print shipped reference data: municipalities, counties, parties or bodies.

    The keys of --format json are named as the columns of the table exports (a
    municipality's county is there by county_code; county here is its name).
    """
    from grmodel.exporting.tables.values import validity_values

    refdata = get_pm(ctx).refdata
    rows: list[dict[str, object]]
    if table == "municipalities":
        day = at.date() if at else None
        rows = [
            {
                "code": m.code,
                "name": m.name,
                "county_code": m.county,
                "county": refdata.counties[m.county].name,
                **validity_values(m.valid),
            }
            for m in refdata.municipalities(day)
        ]
    elif table == "counties":
        rows = [
            {"code": c.code, "name": c.name, **validity_values(c.valid)}
            for c in refdata.counties.values()
        ]
    elif table == "parties":
        rows = [
            {
                "abbreviation": p.abbreviation,
                "name": p.name,
                **validity_values(p.valid),
                "successor": p.successor,
                "aliases": list(p.aliases),
                "local": p.local,
            }
            for p in refdata.parties
        ]
    else:
        conv = get_pm(ctx).converter
        rows = [conv.unstructure_record(b) for b in refdata.bodies.values()]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(
            "  ".join(
                str(v) for k, v in row.items() if v not in (None, [], {}) and k not in ("type",)
            )
        )
    click.echo(f"\n{len(rows)} {table}")


@click.group("examples")
def examples_group() -> None:
    """The bundled example data set (GR's seeds, encoded by hand)."""


@examples_group.command("path")
def examples_path() -> None:
    """Print where the example data set is installed."""
    click.echo(str(example_data_path()))


@examples_group.command("copy")
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
@force_option
def examples_copy(target: Path, force: bool) -> None:
    """Copy the example data set to TARGET, to start a record set of your own."""
    copy_tree(example_data_path(), target, force=force)
    click.echo(f"copied the example data set to {target}")


COMMANDS = [schema_command, refdata_command, examples_group]
