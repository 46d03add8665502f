"""Checking a Popolo export against the Popolo JSON schemas (draft-03).

The schemas (``schemas/*.json`` of popolo-spec, CC BY 4.0, not shipped here:
pass their directory) refer to each other by absolute ids
(``http://www.popoloproject.com/schemas/person.json#``); a :mod:`referencing`
registry of all the files resolves them offline. ``date-time`` values are
checked (ISO 8601 with an offset); jsonschema leaves that format unchecked
without extra packages.

Needs :mod:`jsonschema` (``pip install jsonschema``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

__all__ = ["COLLECTION_SCHEMAS", "PopoloValidator", "popolo_validator"]

COLLECTION_SCHEMAS = {
    "persons": "person",
    "organizations": "organization",
    "memberships": "membership",
    "events": "event",
    "motions": "motion",
    "vote_events": "vote_event",
}
"""The schema of the objects of each collection of an export file."""

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


class PopoloValidator:
    """Validates Popolo objects with :class:`jsonschema.Draft3Validator`."""

    def __init__(self, schema_dir: Path):
        import jsonschema  # type: ignore[import-untyped,unused-ignore]
        import referencing
        import referencing.jsonschema

        self.schemas: dict[str, dict[str, Any]] = {
            path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(schema_dir.glob("*.json"))
        }
        """The schemas by name (``"person"``)."""
        self.registry: referencing.Registry[Any] = referencing.Registry().with_resources(
            (
                schema["id"].rstrip("#"),
                referencing.Resource.from_contents(
                    schema, default_specification=referencing.jsonschema.DRAFT3
                ),
            )
            for schema in self.schemas.values()
        )
        checker = jsonschema.FormatChecker(formats=())
        checker.checks("date-time")(_is_date_time)
        self._checker = checker
        self._cls = jsonschema.Draft3Validator

    def errors(self, obj: Any, schema_name: str) -> list[str]:
        """Every error of ``obj`` against schema ``schema_name``, as ``path: message``."""
        validator = self._cls(
            self.schemas[schema_name], registry=self.registry, format_checker=self._checker
        )
        out = []
        for error in sorted(validator.iter_errors(obj), key=lambda e: list(e.absolute_path)):
            where = "$" + "".join(
                f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path
            )
            out.append(f"{where}: {error.message}")
        return out

    def export_errors(self, export: dict[str, Any]) -> list[str]:
        """Every error of every object of an export file, with collection and index."""
        out = []
        if not isinstance(export, dict):
            return ["$: a Popolo export is a JSON object"]
        for collection, schema_name in COLLECTION_SCHEMAS.items():
            objects = export.get(collection, [])
            if not isinstance(objects, list):
                out.append(f"$.{collection}: not a list")
                continue
            for n, obj in enumerate(objects):
                out += [f"{collection}[{n}]{e[1:]}" for e in self.errors(obj, schema_name)]
        return out


def popolo_validator(schema_dir: Path) -> PopoloValidator:
    """A validator over the Popolo schema files in ``schema_dir``."""
    return PopoloValidator(schema_dir)
