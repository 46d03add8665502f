"""Options shared by several commands, defined once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["force_option", "kind_option", "list_format_option", "paths_argument"]


def paths_argument(func: F) -> F:
    """``PATH…``: record files, directories or source documents (none: the example data)."""
    return click.argument(
        "paths", nargs=-1, type=click.Path(exists=True, dir_okay=True, path_type=str)
    )(func)


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
