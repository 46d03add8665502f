"""The hook specifications: the whole contract between grmodel and its plugins.

Every hook is named ``grmodel_…``, fully typed, called with keyword arguments,
and documented with one template: what it does, when it is called, what its
return value means, its parameters, and version notes. New parameters may be
added to a hook; none is ever renamed or removed (pluggy passes only the
parameters an implementation names).

The core registers its own record types, rules and formats through these same
hooks (see :mod:`grmodel.builtin`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from collections.abc import Mapping

    import cattrs
    import click

    from grmodel.exporting.base import Exporter
    from grmodel.importing.base import Importer, SourceDocument
    from grmodel.model import Body, Record
    from grmodel.rules.base import Rule

__all__ = [
    "grmodel_cli_commands",
    "grmodel_configure_converter",
    "grmodel_detect_kind",
    "grmodel_exporters",
    "grmodel_importers",
    "grmodel_record_types",
    "grmodel_reference_bodies",
    "grmodel_rules",
    "hookspec",
]

PROJECT_NAME = "grmodel"
"""The pluggy project name; also the entry-point group plugins register under."""

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
"""Marker for hook specifications (used only in this module)."""


# ---------------------------------------------------------------------------
# Model: record types and serialisation
# ---------------------------------------------------------------------------


@hookspec
def grmodel_record_types() -> list[type[Record]]:
    """Register record types.

    Called once when a plugin manager builds its converter.

    :returns: attrs classes deriving from :class:`grmodel.Record`, each with a
        unique ``TYPE`` tag. They become loadable from record sets, get a JSON
        Schema, and are structured by the shared converter.

    .. versionadded:: 0.1
    """


@hookspec
def grmodel_configure_converter(converter: cattrs.Converter) -> None:
    """Extend the converter with structure and unstructure hooks.

    Called once per converter, after the core's hooks for primitives and value
    types and *before* the record union (dispatch on ``type``) is set up, so a
    plugin can teach the converter its own value types. Implementations run in
    pluggy's order (the latest registered first), so where two plugins register
    a hook for the same type, the earlier-registered plugin's hook is the one
    cattrs keeps.

    :param converter: the strict :class:`cattrs.Converter` being built.
    :returns: nothing; register hooks on ``converter``.

    .. versionadded:: 0.1
    """


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


@hookspec
def grmodel_rules() -> list[Rule]:
    """Register validation rules.

    Called once per plugin manager; the rules are cached and run by the engine
    in plain loops (this hook is not on the per-record path).

    :returns: :class:`~grmodel.rules.base.Rule` descriptions. Codes must be unique
        across all plugins; use a prefix of your own.

    .. versionadded:: 0.1
    """


@hookspec
def grmodel_reference_bodies() -> list[Body]:
    """Register reference bodies (an association and its organs).

    Called when reference data is first needed. Use it to add a municipality
    association other than GR, with its bodies' seat allocations, so that
    composition and quorum rules can check its meetings.

    :returns: :class:`~grmodel.Body` records.

    .. versionadded:: 0.1
    """


# ---------------------------------------------------------------------------
# Import and export
# ---------------------------------------------------------------------------


@hookspec
def grmodel_importers() -> list[Importer]:
    """Register importers for kinds of source documents.

    Called once per plugin manager.

    :returns: :class:`~grmodel.importing.base.Importer` descriptions; ``name`` is the
        kind used by ``grmodel import --kind``.

    .. versionadded:: 0.1
    """


@hookspec(firstresult=True)
def grmodel_detect_kind(document: SourceDocument, importers: Mapping[str, Importer]) -> str | None:
    """Detect the kind of a source document.

    Called once per source document given to ``grmodel import`` or
    ``grmodel validate`` without ``--kind``. The first non-``None`` answer wins;
    the core's own implementation (in :mod:`grmodel.builtin.core`)
    is ``trylast``: it asks every importer's ``detect`` function for a confidence.

    :param document: the decoded source document.
    :param importers: every registered importer, by name.
    :returns: the name of an importer, or ``None`` to let others decide.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       The ``importers`` parameter.
    """


@hookspec
def grmodel_exporters() -> list[Exporter]:
    """Register export formats.

    Called once per plugin manager.

    :returns: :class:`~grmodel.exporting.base.Exporter` descriptions; ``name`` is the
        format used by ``grmodel export --to``.

    .. versionadded:: 0.1
    """


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


@hookspec
def grmodel_cli_commands() -> list[click.Command]:
    """Add commands to the ``grmodel`` command line.

    Called once when the CLI starts.

    :returns: click commands (or groups); names must not clash with built-in
        commands.

    .. versionadded:: 0.1
    """
