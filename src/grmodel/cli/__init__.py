"""The ``grmodel`` command line.

Each command parses its arguments and calls a library function; nothing here
is needed to use grmodel as a library. Errors meant for the user are one line
on stderr with exit code 2, never a traceback (set ``GRMODEL_DEBUG=1`` to see
one).
"""

from __future__ import annotations

import errno
import os
import sys

import click

from grmodel import __version__
from grmodel.errors import GrmodelError, RecordSetProblemsError
from grmodel.plugins import GrPluginManager, get_plugin_manager
from grmodel.recordset.base import LoadProblem, format_problem

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INCOMPLETE",
    "EXIT_OK",
    "EXIT_USAGE",
    "cli",
    "echo_problem",
    "get_pm",
    "main",
]

EXIT_OK = 0
"""No finding at or above ``--fail-on``."""
EXIT_FINDINGS = 1
"""Findings at or above ``--fail-on``."""
EXIT_USAGE = 2
"""Usage or I/O error."""
EXIT_INCOMPLETE = 3
"""A rule crashed: its findings are missing, so the run is incomplete."""


def get_pm(ctx: click.Context) -> GrPluginManager:
    """The run's plugin manager, built once from the ``-p`` options."""
    root = ctx.find_root()
    pm = root.meta.get("grmodel.pm")
    if pm is None:
        opts = root.params.get("plugin_options") or ()
        disabled = [opt[3:] for opt in opts if opt.startswith("no:")]
        bad = [opt for opt in opts if not opt.startswith("no:")]
        if bad:
            raise GrmodelError(f"-p takes no:NAME to disable a plugin, not {bad[0]!r}")
        pm = get_plugin_manager(disabled=disabled, on_broken=_warn_broken)
        root.meta["grmodel.pm"] = pm
    return pm


def _warn_broken(message: str) -> None:
    click.echo(f"grmodel: warning: {message} (left out; the rest works)", err=True)


def echo_problem(problem: LoadProblem) -> None:
    """Report a problem of a record set on stderr, one line as in a text report."""
    click.echo(format_problem(problem), err=True)


class _Group(click.Group):
    """Adds plugin commands after the built-in ones."""

    def _plugin_commands(self, ctx: click.Context) -> dict[str, click.Command]:
        try:
            commands = get_pm(ctx).cli_commands()
        except GrmodelError:
            return {}
        return {c.name: c for c in commands if c.name and c.name not in self.commands}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*super().list_commands(ctx), *sorted(self._plugin_commands(ctx))]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, cmd_name) or self._plugin_commands(ctx).get(cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:  # a plugin that did not load may provide it
            hint = get_pm(ctx).missing_hint()
            if not hint or ctx.resilient_parsing:
                raise
            raise click.UsageError(f"{exc.message.rstrip('.')}{hint}", exc.ctx) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="grmodel")
@click.option(
    "-p",
    "plugin_options",
    multiple=True,
    metavar="no:NAME",
    help="Disable a plugin by name (repeatable), e.g. -p no:grmodel-kf.",
)
def cli(plugin_options: tuple[str, ...]) -> None:
    """Validate, import and export records of Swedish inter-municipal cooperation.

    Set GRMODEL_DISABLE_PLUGIN_AUTOLOAD=1 to load no installed plugins.
    """


def _register() -> None:
    from grmodel.cli import convert, count, data, explore, validate

    for module in (validate, convert, data, explore, count):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def _usage_line(exc: click.ClickException) -> str:
    """A usage error as one line naming the command (click would print three)."""
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "grmodel"
    more = f" (see {where} --help)" if ctx is not None else ""
    return f"{where}: error: {exc.format_message()}{more}"


def _os_error_line(exc: OSError) -> str:
    name = exc.filename if exc.filename is not None else ""
    what = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        what += " (disk full; nothing was replaced)"
    return f"grmodel: error: {name}: {what}" if name else f"grmodel: error: {what}"


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``grmodel`` console script."""
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 still prints
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        result = cli.main(args=argv, prog_name="grmodel", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(_usage_line(exc), err=True)
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("grmodel: aborted", err=True)
        sys.exit(EXIT_USAGE)
    except RecordSetProblemsError as exc:  # each problem was reported: bad data, not usage
        click.echo(f"grmodel: {exc}", err=True)
        sys.exit(EXIT_FINDINGS)
    except GrmodelError as exc:
        click.echo(f"grmodel: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as exc:  # the environment (permissions, a full disk), not a bug
        if os.environ.get("GRMODEL_DEBUG"):
            raise
        click.echo(_os_error_line(exc), err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        click.echo("grmodel: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("GRMODEL_DEBUG"):
            raise
        click.echo(
            f"grmodel: internal error: {type(exc).__name__}: {exc} "
            "(set GRMODEL_DEBUG=1 for a traceback, and please report it)",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    # Without standalone mode, click returns ctx.exit()'s code instead of exiting.
    sys.exit(result if isinstance(result, int) else EXIT_OK)
