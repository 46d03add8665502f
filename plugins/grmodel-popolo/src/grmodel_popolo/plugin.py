"""The plugin module: what the ``popolo`` entry point points at.

grmodel registers this module with its plugin manager; pluggy finds the
functions marked with :data:`grmodel.plugins.hookimpl`.
"""

from __future__ import annotations

from grmodel.exporting.base import Exporter
from grmodel.importing.base import Importer
from grmodel.plugins import hookimpl


@hookimpl
def grmodel_exporters() -> list[Exporter]:
    """The ``popolo`` export format (:mod:`grmodel_popolo.exporter`)."""
    from grmodel_popolo.exporter import EXPORTER

    return [EXPORTER]


@hookimpl
def grmodel_importers() -> list[Importer]:
    """The ``popolo`` importer (:mod:`grmodel_popolo.importer`)."""
    from grmodel_popolo.importer import IMPORTER

    return [IMPORTER]
