"""grmodel-popolo: export records as one Popolo JSON file and read such a file back.

- :func:`build_popolo` / :func:`write_popolo`: records → Popolo
- :func:`read_popolo` / :func:`records_from_popolo`: Popolo → records
- :func:`popolo_validator`: check objects against the Popolo JSON schemas (draft-03)
"""

from __future__ import annotations

from grmodel_popolo.exporter import build_popolo, write_popolo
from grmodel_popolo.importer import read_popolo, records_from_popolo
from grmodel_popolo.validation import COLLECTION_SCHEMAS, PopoloValidator, popolo_validator

__all__ = [
    "COLLECTION_SCHEMAS",
    "PopoloValidator",
    "build_popolo",
    "popolo_validator",
    "read_popolo",
    "records_from_popolo",
    "write_popolo",
]
