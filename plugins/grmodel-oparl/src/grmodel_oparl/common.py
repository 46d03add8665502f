"""What the exporter and the importer share: URLs, file paths, extension fields, times."""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, unquote

__all__ = [
    "EXT",
    "MAX_SEGMENT",
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


MAX_SEGMENT = 150
"""Longest path segment of a file name in a directory export (bytes, before ``.json``);
file systems allow 255 bytes per name."""


def bounded_segment(segment: str) -> str:
    """A URL path segment as a file-name segment: itself when at most
    :data:`MAX_SEGMENT` bytes, else its first 120 bytes, ``~`` and a hash of it.

    >>> from grmodel_oparl.common import bounded_segment
    >>> bounded_segment("kent-lagrell")
    'kent-lagrell'
    >>> len(bounded_segment("x" * 300))
    137
    """
    if len(segment.encode("utf-8")) <= MAX_SEGMENT:
        return segment
    head = segment[:120]
    if "%" in head[-2:]:  # never cut a percent-escape in two
        head = head[: head.rindex("%")]
    return f"{head}~{hashlib.sha256(segment.encode('utf-8')).hexdigest()[:16]}"


def oparl_type(name: str) -> str:
    """The ``type`` URL of an OParl 1.1 object type (``"Person"``)."""
    return f"{OPARL_VERSION}{name}"


class UrlScheme:
    """Object URLs under a base URL, and the files of a directory export that hold them.

    ``{base}/person/kent-lagrell`` is stored in ``person/kent-lagrell.json``; a
    grmodel id is percent-encoded into one path segment. A segment too long for a
    file name is shortened with a hash (:func:`bounded_segment`) in the file path
    only, so the URL keeps the whole id.
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
        segments = url[len(self.base) + 1 :].split("/")
        return "/".join(bounded_segment(segment) for segment in segments) + ".json"

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
