"""Options shared by several commands, defined once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from grmodel.recordset.base import LoadLimits

F = TypeVar("F", bound=Callable[..., Any])

__all__ = [
    "force_option",
    "kind_option",
    "limits_option",
    "list_format_option",
    "paths_argument",
]


def paths_argument(func: F) -> F:
    """``PATH…``: record files, directories or source documents (none: the example data)."""
    return click.argument("paths", nargs=-1, type=click.Path(dir_okay=True, path_type=str))(func)


def force_option(func: F) -> F:
    """``--force``: overwrite existing outputs."""
    return click.option("--force", is_flag=True, help="Overwrite existing output.")(func)


def kind_option(func: F) -> F:
    """``--kind``: the importer for source documents."""
    return click.option(
        "--kind", metavar="KIND", help="Importer for source documents (default: detected)."
    )(func)


def list_format_option(func: F) -> F:
    """``--format text|json`` for listing commands."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="Output format.",
    )(func)


_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30}


def _parse_limits(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> LoadLimits:
    limits = LoadLimits()
    for value in values:
        name, sep, number = value.partition("=")
        number = number.strip().upper().removesuffix("B")
        unit = number[-1:] if number[-1:] in _UNITS else ""
        digits = number.removesuffix(unit) if unit else number
        if not sep or not digits.isdigit():
            raise click.BadParameter(f"takes NAME=NUMBER (e.g. file-size=1G), not {value!r}")
        try:
            limits = limits.with_value(name.strip(), int(digits) * _UNITS[unit])
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    return limits


def limits_option(func: F) -> F:
    """``--limit NAME=N``: raise a bound on what a record set may make the loader do."""
    return click.option(
        "--limit",
        "limits",
        multiple=True,
        metavar="NAME=N",
        callback=_parse_limits,
        help="Raise a resource limit (repeatable): file-size (bytes of a YAML or JSON "
        "file, e.g. 1G; default 256M), depth (nesting of a record; 100), nodes (values "
        "of a YAML record with aliases expanded; 1000000).",
    )(func)
