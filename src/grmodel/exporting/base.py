"""Exporter descriptions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import attrs

from grmodel.converter import GrConverter
from grmodel.errors import GrmodelError
from grmodel.model import Body, Record
from grmodel.refdata import ReferenceData

__all__ = ["ExportOptions", "Exporter"]


@attrs.frozen(kw_only=True)
class ExportOptions:
    """Options every exporter receives."""

    base_url: str = "https://example.org/grmodel"
    """Prefix for ids in linked-data formats (OParl)."""
    extra: Mapping[str, str] = attrs.field(factory=dict)
    """Format-specific options (``-O key=value``)."""
    source_paths: bool = True
    """Keep the records' source paths (made relative to the record set, never
    absolute; :mod:`grmodel.exporting.paths`); ``False`` leaves them out."""
    reference_bodies: Mapping[str, Body] = attrs.field(factory=dict)
    """Reference bodies (GR's and plugins'), by id; set by ``export()``."""
    converter: GrConverter | None = None
    """The run's converter (record types, unstructuring); set by ``export()``."""
    refdata: ReferenceData | None = None
    """The run's reference data (parties, municipalities, every plugin's reference
    bodies); set by ``export()``."""

    def require_converter(self) -> GrConverter:
        """The run's converter; an exporter never builds one of its own.

        :raises GrmodelError: when it is not set (run exporters through
            :func:`~grmodel.pipeline.exporting.export`, or give ``converter``).
        """
        if self.converter is None:
            raise GrmodelError(
                "ExportOptions.converter is not set: "
                "export through grmodel.pipeline.exporting.export"
            )
        return self.converter

    def require_refdata(self) -> ReferenceData:
        """The run's reference data; an exporter never loads its own.

        :raises GrmodelError: when it is not set (as :meth:`require_converter`).
        """
        if self.refdata is None:
            raise GrmodelError(
                "ExportOptions.refdata is not set: export through grmodel.pipeline.exporting.export"
            )
        return self.refdata


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
    options: Mapping[str, str] = attrs.field(factory=dict)
    """The format-specific options it takes (``-O key=value``): key → what it does.
    Any other key is an error."""
    plugin: str = ""
    """Name of the providing plugin (filled in at registration)."""
