"""Projects, agreements, collaborations and stated figures."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from grmodel.model.base import Record
from grmodel.model.refs import ref, refdata_ref
from grmodel.model.values import Area, Money, PartialDate, Period, Span

__all__ = [
    "Agreement",
    "AgreementKind",
    "Collaboration",
    "CollaborationKind",
    "FigureMeasure",
    "FundingLine",
    "FundingStatus",
    "Project",
    "StatedFigure",
]


class FundingStatus(enum.StrEnum):
    """Where a funding line stands."""

    APPLIED = "applied"
    """Applied for (ansökan)."""
    GRANTED = "granted"
    """Granted (beviljat)."""
    REJECTED = "rejected"
    """Rejected (avslag)."""
    PLANNED = "planned"
    """Planned or proposed."""
    UNKNOWN = "unknown"
    """Not stated."""


@attrs.frozen(kw_only=True)
class FundingLine:
    """One line of a project's funding: funder, amount and own share.

    "Ansökan till Länsstyrelsen är 265 000 kr varav 132 500 kr är egen
    finansiering" is ``funder="Länsstyrelsen"``, ``amount=265000``,
    ``own_share=132500``.
    """

    funder: str
    """Who funds (or is applied to)."""
    amount: Money
    """The amount."""
    own_share: Money | None = None
    """The part of the amount that is own funding (egen finansiering)."""
    status: FundingStatus = FundingStatus.UNKNOWN
    """Applied, granted, …"""
    period: Period | None = None
    """The period the funding covers."""
    document: str | None = ref("document", default=None)
    """Id of the document that states the line."""
    source: Span | None = None
    """Lines of the source that state it."""


@attrs.frozen(kw_only=True)
class Project(Record):
    """A time-limited project run by or with municipalities."""

    TYPE: ClassVar[str] = "project"

    name: str
    """Project name."""
    owner: str | None = None
    """Project owner (body id or organisation as written)."""
    operator: str | None = None
    """Who runs it, if not the owner (``"Social resursförvaltning, Göteborgs Stad"``)."""
    participants: tuple[str, ...] = refdata_ref("municipality", loose=True, default=())
    """Participating municipalities (kommunkod or name) or organisations."""
    period: Period | None = None
    """Project period."""
    areas: tuple[Area, ...] = ()
    """Areas the project concerns."""
    funding: tuple[FundingLine, ...] = ()
    """Funding lines."""
    goals: tuple[str, ...] = ()
    """Stated goals."""
    parent: str | None = ref("project", default=None)
    """Id of the project this one is part of."""
    bodies: tuple[str, ...] = ref("body", default=())
    """Ids of the project's own bodies (styrgrupp, arbetsgrupp)."""
    description: str | None = None
    """What the project is."""


class AgreementKind(enum.StrEnum):
    """Kinds of agreement and agreement-like instruments."""

    AVTAL = "avtal"
    """A contract."""
    OVERENSKOMMELSE = "överenskommelse"
    """An agreement (memorandum)."""
    SAMVERKANSAVTAL = "samverkansavtal"
    """A cooperation agreement."""
    RAMAVTAL = "ramavtal"
    """A framework agreement."""
    RIKTLINJE = "riktlinje"
    """A guideline."""
    REKOMMENDATION = "rekommendation"
    """A recommendation."""


@attrs.frozen(kw_only=True)
class Agreement(Record):
    """An agreement, guideline or recommendation between parties."""

    TYPE: ClassVar[str] = "agreement"

    kind: AgreementKind
    """Avtal, överenskommelse, riktlinje…"""
    title: str
    """Title or short description."""
    parties: tuple[str, ...] = refdata_ref("municipality", loose=True, default=())
    """Parties (municipalities, authorities, bodies) as ids or names."""
    period: Period | None = None
    """When it applies."""
    signed: PartialDate | None = None
    """When it was signed or decided."""
    areas: tuple[Area, ...] = ()
    """Areas it concerns."""
    description: str | None = None
    """What it regulates."""


class CollaborationKind(enum.StrEnum):
    """The five kinds of collaboration of GR's 2009 mapping."""

    NETWORK = "network"
    """Nätverk."""
    GUIDELINE = "guideline"
    """Riktlinjer."""
    RECOMMENDATION = "recommendation"
    """Rekommendation (from the board or a steering group)."""
    AGREEMENT = "agreement"
    """Avtal/överenskommelser."""
    PROJECT = "project"
    """Projekt."""


@attrs.frozen(kw_only=True)
class Collaboration(Record):
    """An inter-municipal collaboration, as a mapping counts them."""

    TYPE: ClassVar[str] = "collaboration"

    name: str
    """Name as written."""
    kind: CollaborationKind
    """Network, guideline, recommendation, agreement or project."""
    areas: tuple[Area, ...] = ()
    """Areas under which the source lists it."""
    gr_participation: bool | None = None
    """True when GR takes part, False when not, ``None`` when not stated."""
    participants: tuple[str, ...] = refdata_ref("municipality", loose=True, default=())
    """Participating municipalities (kommunkod or name), districts or organisations."""
    period: Period | None = None
    """When it runs or ran."""
    description: str | None = None
    """What it is."""
    record: str | None = ref("project", "agreement", "body", default=None)
    """Id of the fuller record (Project, Agreement, Body) it corresponds to."""
    source: str | None = ref("document", default=None)
    """Id of the document that describes it."""


class FigureMeasure(enum.StrEnum):
    """What a stated figure counts."""

    RECORD_COUNT = "record_count"
    """The number of records of ``record_type`` that match ``filters``."""
    PARTICIPANT_COUNT = "participant_count"
    """The number of participants of the record ``subject``."""


@attrs.frozen(kw_only=True)
class StatedFigure(Record):
    """An aggregate fact a document states about records, to be checked.

    "27 samarbeten med GR:s delaktighet" is ``measure=record_count``,
    ``record_type="collaboration"``, ``filters={"gr_participation": "true",
    "source": "kartlaggning-2009"}``, ``value=27``. "elva av GR:s tretton
    kommuner" is ``measure=participant_count``, ``subject=<project id>``,
    ``value=11``, ``out_of=13``.
    """

    TYPE: ClassVar[str] = "stated_figure"

    statement: str
    """The statement as written in the source."""
    measure: FigureMeasure
    """What is counted."""
    value: int
    """The stated number."""
    record_type: str | None = None
    """For ``record_count``: the type tag of the records counted."""
    filters: dict[str, str] = attrs.field(factory=dict)
    """For ``record_count``: field → value; a list field matches if it contains the value."""
    subject: str | None = ref(default=None)
    """For ``participant_count``: id of the record whose participants are counted."""
    out_of: int | None = None
    """A stated whole ("av tretton"), where given."""
    source: str | None = ref("document", default=None)
    """Id of the document that states the figure."""
