"""The bundled example data set: GR's source documents encoded by hand as records."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["example_data_path"]


def example_data_path() -> Path:
    """The directory of the example record set, as installed."""
    return Path(str(resources.files("grmodel.examples") / "data"))
