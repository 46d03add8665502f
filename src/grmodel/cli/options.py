"""Options shared by several commands, defined once."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from grmodel.errors import GrmodelError
from grmodel.recordset.base import LoadLimits, LoadProblem

if TYPE_CHECKING:
    from grmodel.pipeline.cluster import DaskEngine
    from grmodel.validation import ValidationConfig

F = TypeVar("F", bound=Callable[..., Any])

__all__ = [
    "complete_codes",
    "complete_formats",
    "config_options",
    "engine_context",
    "engine_options",
    "examples_option",
    "force_option",
    "kind_option",
    "limits_option",
    "list_format_option",
    "load_run_config",
    "paths_argument",
    "record_targets",
]


def _pm(ctx: click.Context) -> Any:
    from grmodel.cli import get_pm

    return get_pm(ctx)


def complete_codes(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of rule codes and prefixes (after the last comma)."""
    head, _, last = incomplete.rpartition(",")
    prefix = f"{head}," if head else ""
    codes = {rule.code for rule in _pm(ctx).rules}
    families = {code.rstrip("0123456789") for code in codes}
    return sorted(prefix + c for c in codes | families | {"ALL"} if c.startswith(last.upper()))


def complete_formats(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of export formats (``--to``)."""
    return sorted(name for name in _pm(ctx).exporters if name.startswith(incomplete))


def complete_kinds(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of importers (``--kind``)."""
    return sorted(name for name in _pm(ctx).importers if name.startswith(incomplete))


def paths_argument(func: F) -> F:
    """``PATH…``: record files, directories or source documents (none: see
    :func:`record_targets`)."""
    return click.argument("paths", nargs=-1, type=click.Path(dir_okay=True, path_type=str))(func)


def examples_option(func: F) -> F:
    """``--examples``: read the bundled example data set instead of PATH."""
    return click.option(
        "--examples", is_flag=True, help="Read the bundled example data set (instead of PATH)."
    )(func)


def record_targets(
    paths: tuple[str, ...], examples: bool, config: ValidationConfig | None = None
) -> list[str]:
    """What a command reads: its PATHs; with ``--examples`` the bundled example data;
    with neither, the configured ``paths`` (``[tool.grmodel]``) or else the current
    directory, as ruff does.

    :param config: the run's configuration; by default the nearest configuration
        file's (see :func:`~grmodel.validation.config.find_config_file`).
    :raises click.UsageError: for PATH and ``--examples`` together.
    :raises GrmodelError: when the targets hold no record file, no source document and
        no path that cannot be used (a check that checks nothing must not pass; naming
        where it looked), or the configuration file is broken.
    """
    from grmodel.examples import example_data_path
    from grmodel.pipeline import discover_inputs
    from grmodel.pipeline.importing import DOCUMENT_SUFFIXES
    from grmodel.recordset.loading import RECORD_SUFFIXES
    from grmodel.validation import load_config
    from grmodel.validation.config import find_config_file

    if examples and paths:
        raise click.UsageError("give PATH or --examples, not both")
    if examples:
        return [str(example_data_path())]
    if paths:
        targets = list(paths)
    else:
        config = config or load_config(find_config_file(Path.cwd()))
        targets = [str(path) for path in config.default_paths()]
    unusable: list[LoadProblem] = []  # special files and the like: the loader reports them
    if not discover_inputs(targets, unusable) and not unusable:
        where = ", ".join(os.path.abspath(target) for target in targets)
        kinds = ", ".join(sorted(RECORD_SUFFIXES))
        documents = ", ".join(sorted(DOCUMENT_SUFFIXES))
        raise GrmodelError(f"no record files ({kinds}) or documents ({documents}) in {where}")
    return targets


def config_options(func: F) -> F:
    """``--config FILE`` and ``--no-config``: which configuration file the run reads."""
    func = click.option("--no-config", is_flag=True, help="Ignore configuration files.")(func)
    return click.option(
        "--config",
        "config_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Configuration file (default: nearest grmodel.toml or pyproject.toml).",
    )(func)


def load_run_config(
    ctx: click.Context, config_file: Path | None, no_config: bool, **overrides: Any
) -> ValidationConfig:
    """The run's configuration (:func:`~grmodel.validation.config.load_config`): the
    file given with ``--config``, else the nearest one, none with ``--no-config``;
    every rule code and rule option in it checked against the loaded rules.

    :param overrides: the command-line settings (``select``, ``fail_on``, …).
    :raises GrmodelError: for a broken configuration (one line naming file and line).
    """
    from grmodel.validation import load_config
    from grmodel.validation.config import find_config_file

    pm = _pm(ctx)
    file = None if no_config else (config_file or find_config_file(Path.cwd()))
    return load_config(
        file,
        known_codes={rule.code for rule in pm.rules},
        unknown_hint=lambda code: pm.missing_hint(code=code),
        known_options={rule.code: rule.options for rule in pm.rules if rule.options},
        **overrides,
    )


def force_option(func: F) -> F:
    """``--force``: overwrite existing outputs."""
    return click.option("--force", is_flag=True, help="Overwrite existing output.")(func)


def kind_option(func: F) -> F:
    """``--kind``: the importer for source documents."""
    return click.option(
        "--kind",
        metavar="KIND",
        shell_complete=complete_kinds,
        help="Importer for source documents (default: detected).",
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


def engine_options(func: F) -> F:
    """``--engine local|dask`` and ``--scheduler ADDRESS``: where the work runs."""
    func = click.option(
        "--scheduler",
        metavar="ADDRESS",
        envvar="GRMODEL_DASK_SCHEDULER",
        help="With --engine dask: the scheduler's address (tcp://host:8786); without it, "
        "a local cluster of one worker process per CPU (--jobs N above 1: N).",
    )(func)
    return click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="Run on this machine, or on a dask.distributed cluster (the optional extra, "
        "from a grmodel checkout: python3 -m pip install '.[dask]'); the results do not "
        "change.",
    )(func)


@contextlib.contextmanager
def engine_context(
    engine: str, scheduler: str | None, jobs: int = 0
) -> Iterator[DaskEngine | None]:
    """The Dask engine the options ask for (closed at the end), or ``None`` (local).

    :raises click.UsageError: for ``--scheduler`` without ``--engine dask``.
    :raises GrmodelError: when dask is not installed or the scheduler cannot be reached.
    """
    if engine != "dask":
        if scheduler is not None:
            raise click.UsageError("--scheduler needs --engine dask")
        yield None
        return
    from grmodel.pipeline.cluster import DaskEngine

    with DaskEngine(scheduler, workers=jobs if jobs > 1 else None) as running:
        yield running
