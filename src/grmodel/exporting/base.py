"""Exporter descriptions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import attrs

from grmodel.converter import GrConverter
from grmodel.model import Body, Record

__all__ = ["ExportOptions", "Exporter"]


@attrs.frozen(kw_only=True)
class ExportOptions:
    """Options every exporter receives."""

    base_url: str = "https://example.org/grmodel"
    """Prefix for ids in linked-data formats (OParl)."""
    extra: Mapping[str, str] = attrs.field(factory=dict)
    """Format-specific options (``-O key=value``)."""
    reference_bodies: Mapping[str, Body] = attrs.field(factory=dict)
    """Reference bodies (GR's and plugins'), by id; set by ``export()``."""
    converter: GrConverter | None = None
    """The run's converter (record types, unstructuring); set by ``export()``."""


@attrs.frozen(kw_only=True)
class Exporter:
    """An export format, registered via ``grmodel_exporters``.

    ``write`` gets the records and a *temporary* target path; the core moves it
    into place atomically once ``write`` returns, so an exporter never has to
    care about half-written outputs.
    """

    name: str
    """Format name for ``--to`` (``"oparl"``)."""
    summary: str
    """One line: what it writes."""
    write: Callable[[Iterable[Record], Path, ExportOptions], None]
    """Write the records to the path (a file, or a directory if ``directory``)."""
    directory: bool = False
    """True when the output is a directory of files."""
    suffix: str = ""
    """Conventional file suffix (``".sqlite"``), for a single-file output."""
    plugin: str = ""
    """Name of the providing plugin (filled in at registration)."""
