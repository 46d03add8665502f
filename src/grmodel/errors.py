"""Exceptions that the command line turns into one-line errors (exit code 2)."""

from __future__ import annotations

__all__ = [
    "GrmodelError",
    "OutputExistsError",
    "PluginLoadError",
    "RecordSetProblemsError",
    "SourceError",
]


class GrmodelError(Exception):
    """Base of errors meant for the user: the message is shown as one line."""


class PluginLoadError(GrmodelError):
    """A plugin could not be loaded; the message names it and its distribution."""


class SourceError(GrmodelError):
    """A file could not be read or parsed at all (``file:line: message``)."""


class OutputExistsError(GrmodelError):
    """An output exists and ``--force`` was not given."""


class RecordSetProblemsError(SourceError):
    """A command that needs a record set that loads found problems in it (each was
    reported already); the command line exits 1, as for findings."""
