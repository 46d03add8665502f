"""Bodies (organs, groups, networks) and parties."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from grmodel.model.base import Record
from grmodel.model.refs import ref, refdata_ref
from grmodel.model.values import Period

__all__ = ["Body", "BodyKind", "BodyName", "Party", "SeatAllocation"]


class BodyKind(enum.StrEnum):
    """What kind of body a :class:`Body` is."""

    ASSOCIATION = "association"
    """A kommunalförbund or other association of municipalities (GR itself)."""
    ASSEMBLY = "assembly"
    """Förbundsfullmäktige or another assembly."""
    BOARD = "board"
    """Förbundsstyrelsen or another board (styrelse, nämnd)."""
    PRESIDIUM = "presidium"
    """A presidium (chair and vice chairs), e.g. an arbetsutskott."""
    STEERING_GROUP = "steering_group"
    """A political steering group (politisk styrgrupp): preparatory, not a nämnd."""
    NETWORK = "network"
    """A network of officials (e.g. IFO-chefer)."""
    WORKING_GROUP = "working_group"
    """A working group (arbetsgrupp)."""
    KNOWLEDGE_CENTRE = "knowledge_centre"
    """A kunskapscentrum, e.g. Dialoga."""
    PROJECT_GROUP = "project_group"
    """A project's own steering or working group."""
    MEETING_PLACE = "meeting_place"
    """A recurring conference (Mötesplats)."""
    EXTERNAL_AUTHORITY = "external_authority"
    """An authority outside the association (Länsstyrelsen, Migrationsverket…)."""
    OTHER = "other"
    """Any other body."""


@attrs.frozen(kw_only=True)
class SeatAllocation:
    """How many seats (ledamöter) a body has and how they are shared out.

    GR's steering groups: ``total=15``, ``default_per_member=1`` and
    ``per_municipality={"1480": 3}`` (Göteborg three, one per other member).
    """

    total: int | None = None
    """Number of ledamöter, where known."""
    per_municipality: dict[str, int] = refdata_ref(  # noqa: RUF009 (an attrs.field)
        "municipality", factory=dict
    )
    """Seats of named municipalities (by kommunkod or name) that differ from the default."""
    default_per_member: int | None = None
    """Seats of every other member municipality of the parent association."""
    substitutes: int | None = None
    """Number of ersättare, where known."""


@attrs.frozen(kw_only=True)
class BodyName:
    """A name a body has carried, with when."""

    name: str
    """The name as used."""
    period: Period | None = None
    """When the name was in use."""


@attrs.frozen(kw_only=True)
class Body(Record):
    """An organ or group: assembly, board, steering group, presidium, network…"""

    TYPE: ClassVar[str] = "body"

    name: str
    """Current (or last) name."""
    kind: BodyKind
    """What kind of body this is."""
    parent: str | None = ref("body", default=None)
    """Id of the body it belongs to or reports to (a steering group's board)."""
    members: tuple[str, ...] = refdata_ref("municipality", default=())
    """Member municipalities (kommunkod or name), for associations."""
    seats: SeatAllocation | None = None
    """Seat allocation, where known."""
    names: tuple[BodyName, ...] = ()
    """Names the body has carried over time (records keep the name used then)."""
    predecessor: str | None = ref("body", default=None)
    """Id of the body this one continues, if it replaced another."""
    municipality: str | None = refdata_ref("municipality", default=None)
    """Kommunkod of the municipality whose body it is (a nämnd or kommunstyrelse), where
    it belongs to one municipality."""
    period: Period | None = None
    """When the body existed."""
    description: str | None = None
    """What the body does."""


@attrs.frozen(kw_only=True)
class Party(Record):
    """A political party, by abbreviation, with its period of validity."""

    TYPE: ClassVar[str] = "party"

    abbreviation: str
    """The abbreviation in upper-case canonical form (``"S"``, ``"MP"``, ``"VägV"``)."""
    name: str
    """Full name."""
    valid: Period | None = None
    """When the abbreviation was in use (FP until 2015-11-21, L from 2015-11-22)."""
    successor: str | None = refdata_ref("party", default=None)
    """Abbreviation of the party that took over (FP → L, KDS → KD)."""
    aliases: tuple[str, ...] = ()
    """Other spellings seen in documents (``"fp"``, ``"s"``)."""
    local: bool = False
    """True for a local party (e.g. D, Demokraterna, Göteborg)."""
