"""Built-in export formats, one module per format; each defines ``EXPORTERS: list[Exporter]``."""

from __future__ import annotations

import importlib
import pkgutil

from grmodel.exporting.base import Exporter

__all__ = ["load_formats"]


def load_formats() -> list[Exporter]:
    """Import every format module and return its exporter."""
    exporters: list[Exporter] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        exporters.extend(getattr(module, "EXPORTERS", ()))
    return exporters
