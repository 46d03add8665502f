"""A body outside the reference data, as a document names it: a nämnd or styrelse
of a municipality ("Miljönämnden", "Miljö- och samhällsbyggnadsutskottet"), with the
municipality where the document names it ("Marks kommun", a place in it)."""

from __future__ import annotations

import re

from grmodel.ids import slug
from grmodel.model import Body, BodyKind, Municipality, Provenance
from grmodel.refdata import ReferenceData
from grmodel_gr_documents.bodies import BODY_NOUN

__all__ = ["body_municipality", "own_body", "stated_body"]

_BODY_NAME = re.compile(
    r"(?P<n>(?=[A-ZÅÄÖ])(?:[A-ZÅÄÖ][a-zåäö]+a\s+)?[\wåäö]*"
    r"(?:-\s+och\s+[\wåäö]+|\s+och\s+[\wåäö]+)?"
    rf"(?:{BODY_NOUN}|nämnd|rådet))(?![\wåäö])"
)
"""A body's name as a nämnd or styrelse writes it ("Miljönämnden", "Miljö- och
samhällsbyggnadsutskottet")."""
_GROUP_NAME = re.compile(
    r"(?P<n>\b(?:Nätverket|Styrgruppen|Arbetsgruppen|Referensgruppen|Ledningsgruppen|"
    r"Samrådsgruppen|Beredningsgruppen|Projektgruppen|Rådet|Beredningen|Presidiet)"
    r"\s+(?:för|inom)\s+[^\n\d,.:;()]{3,60})"
)
"""A group named by what it is for ("Nätverket för kulturchefer", "Styrgruppen för
IT-frågor"), where no body of the reference data is named."""
_FROM_MEETING = re.compile(
    r"(?i)protokoll\s+från\s+(?:sammanträde\s+med\s+|möte\s+med\s+)?(?P<n>[^\d,]+?)(?:\s+\d|,|$)"
)
_KOMMUN = re.compile(r"(?P<m>[A-ZÅÄÖ][\wåäö]+(?:\s[A-ZÅÄÖ][\wåäö]+)?)\s+(?:kommun|stad)\b")
_PLACE_WORD = re.compile(r"[A-ZÅÄÖ][\wåäö]+(?:\s[A-ZÅÄÖ][\wåäö]+)?")


def stated_body(texts: list[str]) -> str | None:
    """The body's name the first of ``texts`` that states one gives: a name ending as
    a body's does, a group's named by its purpose, or what a "Protokoll från
    (sammanträde med) …" title names."""
    for text in texts:
        flat = text.replace("\n", " ")
        m = _BODY_NAME.search(flat)
        if m:
            name = m["n"]
            return name[:1].upper() + name[1:]
        m = _GROUP_NAME.search(flat) or _FROM_MEETING.search(flat)
        if m:
            return m["n"].strip()
    return None


def body_municipality(
    refdata: ReferenceData, texts: list[str], place: str | None = None
) -> Municipality | None:
    """The municipality a document names: "X kommun" or "X stad" in the first of
    ``texts`` that has one, else a municipality's name in the meeting's place."""
    for where in texts:
        for m in _KOMMUN.finditer(where):
            found = refdata.municipality(m["m"]) or refdata.municipality(m["m"].removesuffix("s"))
            if found is not None:
                return found
    for word in _PLACE_WORD.findall(place or ""):
        found = refdata.municipality(word)
        if found is not None:
            return found
    return None


def own_body(name: str, municipality: Municipality | None, provenance: Provenance) -> Body:
    """The body record of a body outside the reference data (its id the slug of the
    municipality and the name)."""
    return Body(
        id=slug(f"{municipality.name} {name}") if municipality else slug(name),
        name=name,
        kind=BodyKind.BOARD if "styrelse" in name.casefold() else BodyKind.OTHER,
        municipality=municipality.code if municipality else None,
        description=f"{name}, {municipality.name}" if municipality else None,
        provenance=provenance,
    )
