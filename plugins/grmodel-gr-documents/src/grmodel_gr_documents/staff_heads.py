"""A run-on staff report's head that names its handler first:
"Tjänsteskrivelse KFN Handläggare: <name> <addressee> <title> Sammanfattning …".

The value of "Handläggare:" is one person's name; the addressee, a body's name
("Kultur- och föreningsnämnden", "Kommunstyrelsen", "Tekniska nämnden"), follows it,
then the title up to the head's end. A report whose head lost its date is dated by
its Beslutsunderlag where that names the paper itself: the addressee's paper of the
report's own kind ("Kultur- och föreningsnämndens tjänsteskrivelse den 26 oktober
2011").
"""

from __future__ import annotations

import re

import attrs

from grmodel_gr_documents.bodies import BODY_NOUN, BodyNames
from grmodel_gr_documents.names import is_person_name

__all__ = ["HandlerHead", "basis_date", "handler_head"]

_HANDLER = re.compile(r"\bHandläggare\s*:\s*")
_BODY_PHRASE = re.compile(
    r"(?:[A-ZÅÄÖ][\wåäö]*-\s+(?:och|&)\s+[\wåäö]*"
    r"|[A-ZÅÄÖ][\wåäö]+a\s+[a-zåäö]*"
    r"|[A-ZÅÄÖ][\wåäö]*)"
    rf"{BODY_NOUN}(?![\wåäö])"
)
"""A body's name: "Kultur- och föreningsnämnden", "Tekniska nämnden", "Kommunstyrelsen"."""
_NAME_WORDS = (2, 3)


@attrs.frozen
class HandlerHead:
    """What a head after "Handläggare:" holds."""

    handler: str
    addressee: str | None
    title: str


def _body_at(text: str, bodies: BodyNames) -> str | None:
    m = _BODY_PHRASE.match(text)
    if m:
        return m[0]
    found = bodies.find(text[:80])
    return found[0].name if found and found[0].start == 0 else None


def handler_head(head: str, bodies: BodyNames) -> HandlerHead | None:
    """The handler, addressee and title of ``head`` (one line) after its
    "Handläggare:" label, or ``None``."""
    label = _HANDLER.search(head)
    if label is None:
        return None
    rest = head[label.end() :].strip()
    words = rest.split()
    plain: HandlerHead | None = None
    for count in _NAME_WORDS:
        name = " ".join(words[:count])
        if len(words) <= count or not is_person_name(name):
            continue
        after = rest[len(name) :].strip()
        body = _body_at(after, bodies)
        if body is not None:
            return HandlerHead(name, body, after[len(body) :].strip(" ,.:"))
        plain = plain or HandlerHead(name, None, after.strip(" ,.:"))
    return plain


_KINDS_OF = r"(?:tjänsteskrivelse|tjänsteutlåtande)"
_DATE = r"\d{1,2}\s+[a-zåäö]+\s+\d{4}|(?:19|20)\d{2}-\d{2}-\d{2}"


def basis_date(text: str, addressee: str, kind: str) -> str | None:
    """The date a Beslutsunderlag gives the report itself: "<addressee>s <kind> den
    <date>" (the kind being the report's own), as written; ``None`` when the basis
    names no such paper."""
    basis = re.search(r"\bBeslutsunderlag\b", text)
    if basis is None or not re.fullmatch(_KINDS_OF, kind, re.IGNORECASE):
        return None
    own = re.compile(
        rf"(?i)(?<![\wåäö]){re.escape(addressee)}s\s+{re.escape(kind)}\s+(?:den\s+)?(?P<d>{_DATE})"
    )
    m = own.search(text, basis.end(), basis.end() + 600)
    return m["d"] if m else None
