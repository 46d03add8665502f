"""Built-in plugin ``grmodel.formats``: the simpler export formats (json, yaml, datapackage,
sqlite, ics, schema)."""

from __future__ import annotations

from grmodel.exporting.base import Exporter
from grmodel.plugins import hookimpl


@hookimpl
def grmodel_exporters() -> list[Exporter]:
    """The built-in export formats (:mod:`grmodel.exporting.formats`)."""
    from grmodel.exporting.formats import load_formats

    return load_formats()
