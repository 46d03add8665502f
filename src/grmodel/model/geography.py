"""Municipalities and counties."""

from __future__ import annotations

from typing import ClassVar

import attrs

from grmodel.model.base import Record
from grmodel.model.refs import refdata_ref
from grmodel.model.values import Organisationsnummer, Period

__all__ = ["County", "Municipality"]


@attrs.frozen(kw_only=True)
class County(Record):
    """A county (län), identified by its two-digit SCB code."""

    TYPE: ClassVar[str] = "county"

    code: str
    """Two-digit SCB county code, e.g. ``"14"``."""
    name: str
    """Official name, e.g. ``"Västra Götalands län"``."""
    valid: Period | None = None
    """When the county existed with this code, where that changed."""


@attrs.frozen(kw_only=True)
class Municipality(Record):
    """A municipality (kommun), identified by its four-digit SCB kommunkod."""

    TYPE: ClassVar[str] = "municipality"

    code: str
    """Four-digit SCB kommunkod: the county code plus two digits (``"1480"``)."""
    name: str
    """Official short name, e.g. ``"Göteborg"``."""
    county: str = refdata_ref("county")
    """Two-digit code of the county the municipality belongs to."""
    valid: Period | None = None
    """When the municipality existed under this code (Knivsta from 2003-01-01)."""
    organisationsnummer: Organisationsnummer | None = None
    """The municipality's organisation number, where known."""
