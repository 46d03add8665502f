"""Persons and their memberships of bodies."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from grmodel.model.base import Record
from grmodel.model.refs import ref, refdata_ref
from grmodel.model.values import Period

__all__ = ["Membership", "Person", "Role"]


class Role(enum.StrEnum):
    """A person's role in a body or at a meeting."""

    ORDFORANDE = "ordförande"
    """Chair."""
    VICE_ORDFORANDE = "vice_ordförande"
    """Vice chair (also förste/andre vice ordförande)."""
    LEDAMOT = "ledamot"
    """Member with a vote."""
    ERSATTARE = "ersättare"
    """Substitute member."""
    SEKRETERARE = "sekreterare"
    """Secretary."""
    ADJUNGERAD = "adjungerad"
    """Co-opted, without a vote."""
    TJANSTEPERSON = "tjänsteperson"
    """Official attending (föredragande, expert)."""
    OTHER = "other"
    """Any other role."""


@attrs.frozen(kw_only=True)
class Person(Record):
    """A person: politician, official or other participant."""

    TYPE: ClassVar[str] = "person"

    name: str
    """Full name as written."""
    given_name: str | None = None
    """Given name, where it can be told apart."""
    family_name: str | None = None
    """Family name, where it can be told apart."""
    title: str | None = None
    """Job title for officials (``"avdelningschef"``)."""
    organisation: str | None = None
    """Employer or organisation for officials (``"Göteborgs Stad"``)."""


@attrs.frozen(kw_only=True)
class Membership(Record):
    """A person's seat in a body: role, party, municipality, period."""

    TYPE: ClassVar[str] = "membership"

    person: str = ref("person")
    """Id of the :class:`Person`."""
    body: str = ref("body")
    """Id of the :class:`~grmodel.Body`."""
    role: Role
    """Role in the body."""
    party: str | None = refdata_ref("party", default=None)
    """Party abbreviation as written (``"S"``, ``"(m)"`` normalised to ``"m"``)."""
    municipality: str | None = refdata_ref("municipality", default=None)
    """Municipality the person represents (kommunkod or name)."""
    period: Period | None = None
    """When the membership held."""
