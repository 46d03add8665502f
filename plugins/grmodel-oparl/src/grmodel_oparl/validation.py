"""Checking objects against the official OParl 1.1 JSON schemas.

The official schemas (``schema/*.json`` of the OParl specification, CC BY-SA 4.0,
not shipped here: pass their directory) are almost Draft 4 JSON Schema, with
three gaps this module closes:

- an embedded object is declared with the custom keyword ``"schema":
  "File.json"``, which a generic validator ignores; here it is a keyword that
  validates the embedded object against that file's schema (resolved through a
  :mod:`referencing` registry of all the schema files);
- ``"format": "url"`` is non-standard; here it must be an absolute http(s) URL;
- ``date-time`` and ``date`` are checked (ISO 8601; a date-time needs an offset).

Needs :mod:`jsonschema` (``pip install jsonschema``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["OParlValidator", "oparl_validator"]

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _is_url(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


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


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


class OParlValidator:
    """Validates OParl objects (and their embedded objects) by their ``type``."""

    def __init__(self, schema_dir: Path):
        import jsonschema  # type: ignore[import-untyped,unused-ignore]
        import referencing
        import referencing.jsonschema

        self.schemas: dict[str, dict[str, Any]] = {
            path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(schema_dir.glob("*.json"))
        }
        """The schemas by object type name (``"Meeting"``)."""
        registry: referencing.Registry[Any] = referencing.Registry().with_resources(
            (
                f"{name}.json",
                referencing.Resource.from_contents(
                    schema, default_specification=referencing.jsonschema.DRAFT4
                ),
            )
            for name, schema in self.schemas.items()
        )
        self.registry = registry

        def embedded(
            validator: Any, value: str, instance: Any, schema: dict[str, Any]
        ) -> Iterator[Any]:
            if not isinstance(instance, dict):
                return
            target = registry.get_or_retrieve(value).value.contents
            yield from validator.descend(instance, target)

        checker = jsonschema.FormatChecker(formats=())
        checker.checks("url")(_is_url)
        checker.checks("date-time")(_is_date_time)
        checker.checks("date")(_is_date)
        self._cls = jsonschema.validators.extend(jsonschema.Draft4Validator, {"schema": embedded})
        self._checker = checker

    def errors(self, obj: dict[str, Any], type_name: str | None = None) -> list[str]:
        """Every schema error of ``obj`` (by its ``type``, or ``type_name``), as
        ``path: message`` lines; empty when the object is valid."""
        name = type_name or str(obj.get("type", "")).rsplit("/", 1)[-1]
        schema = self.schemas.get(name)
        if schema is None:
            return [f"$: no OParl 1.1 schema for type {obj.get('type')!r}"]
        validator = self._cls(schema, registry=self.registry, format_checker=self._checker)
        out = []
        for error in sorted(validator.iter_errors(obj), key=lambda e: list(e.absolute_path)):
            where = "$" + "".join(
                f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path
            )
            out.append(f"{where}: {error.message}")
        return out


def oparl_validator(schema_dir: Path) -> OParlValidator:
    """A validator over the OParl 1.1 schema files in ``schema_dir``."""
    return OParlValidator(schema_dir)
