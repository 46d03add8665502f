"""The plugin module: what the ``oparl`` entry point points at.

grmodel registers this module with its plugin manager; pluggy finds the
functions marked with :data:`grmodel.plugins.hookimpl`.
"""

from __future__ import annotations

from grmodel.exporting.base import Exporter
from grmodel.importing.base import Importer
from grmodel.plugins import hookimpl


@hookimpl
def grmodel_exporters() -> list[Exporter]:
    """The ``oparl`` export format (:mod:`grmodel_oparl.exporter`)."""
    from grmodel_oparl.exporter import EXPORTER

    return [EXPORTER]


@hookimpl
def grmodel_importers() -> list[Importer]:
    """The ``oparl`` importer (:mod:`grmodel_oparl.importer`)."""
    from grmodel_oparl.importer import IMPORTER

    return [IMPORTER]
