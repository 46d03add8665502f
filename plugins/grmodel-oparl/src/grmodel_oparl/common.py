"""What the exporter and the importer share: URLs, file paths, extension fields, times."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, unquote

__all__ = [
    "EXT",
    "OPARL_VERSION",
    "TIMEZONE",
    "UrlScheme",
    "extension_fields",
    "leftovers",
    "oparl_type",
]

OPARL_VERSION = "https://schema.oparl.org/1.1/"
"""The ``oparlVersion`` of the System object."""

EXT = "grmodel:"
"""Prefix of grmodel's vendor extension properties (OParl allows prefixed extra fields)."""

TIMEZONE = zoneinfo.ZoneInfo("Europe/Stockholm")
"""The time zone meeting times are stated in."""


def oparl_type(name: str) -> str:
    """The ``type`` URL of an OParl 1.1 object type (``"Person"``)."""
    return f"{OPARL_VERSION}{name}"


class UrlScheme:
    """Object URLs under a base URL, and the files of a directory export that hold them.

    ``{base}/person/kent-lagrell`` is stored in ``person/kent-lagrell.json``; a
    grmodel id is percent-encoded into one path segment.
    """

    def __init__(self, base_url: str):
        self.base = base_url.rstrip("/")
        """The base URL without a trailing slash."""

    def url(self, kind: str, record_id: str | None = None) -> str:
        """``{base}/{kind}`` or ``{base}/{kind}/{id}``."""
        if record_id is None:
            return f"{self.base}/{kind}"
        return f"{self.base}/{kind}/{quote(record_id, safe='')}"

    def path(self, url: str) -> str:
        """The relative file path that stores the object at ``url``.

        :raises ValueError: for a URL outside the base URL.
        """
        if not url.startswith(self.base + "/"):
            raise ValueError(f"{url} is not under the export's base URL {self.base}")
        return url[len(self.base) + 1 :] + ".json"

    def record_id(self, url: str) -> str:
        """The grmodel id in an object URL (its last path segment, decoded)."""
        return unquote(url.rstrip("/").rsplit("/", 1)[-1])


def leftovers(data: Mapping[str, Any], carried: Iterable[str]) -> dict[str, Any]:
    """The fields of an unstructured grmodel value that OParl does not carry, as
    ``grmodel:<field>`` extension properties (values in grmodel's own serialisation)."""
    skip = {"type", "id", *carried}
    return {EXT + key: value for key, value in data.items() if key not in skip}


def extension_fields(obj: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """The ``grmodel:<key>`` properties of an OParl object for the given field keys."""
    return {key: obj[EXT + key] for key in keys if EXT + key in obj}


def midnight(day: dt.date) -> dt.datetime:
    """Local midnight of a day, time-zone aware."""
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=TIMEZONE)


def local(day: dt.date, time: dt.time) -> dt.datetime:
    """A local time on a day, time-zone aware."""
    return dt.datetime.combine(day, time, tzinfo=TIMEZONE)


def stamp(value: dt.datetime) -> str:
    """An OParl ``date-time``: ISO 8601 with offset, whole seconds."""
    return value.replace(microsecond=0).isoformat()
