"""Finding GR's bodies in text by the names they carried ("Sociala styrgruppen",
"Styrgruppen för social välfärd", "förbundsstyrelsens" …)."""

from __future__ import annotations

import re
from collections import Counter

import attrs

from grmodel.ids import slug
from grmodel.refdata import ReferenceData
from grmodel_gr_documents.patterns import alternation, finditer

__all__ = ["BODY_NOUN", "BODY_WORD", "BodyMention", "BodyNames"]

BODY_NOUN = "(?:nämnden|styrelsen|fullmäktige|utskottet|beredningen|direktionen)"
"""The definite noun a body's name ends in ("Tekniska nämnden", "Kommunstyrelsen",
"Beredningen"), as regex source."""
BODY_WORD = re.compile(BODY_NOUN + "$")
"""A word that ends as a body's name does ("gymnasienämnden", "fullmäktige")."""

_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "gr-styrgruppen-utbildning": ("Styrgruppen för utbildning", "Utbildningsgruppen"),
    "gr-styrgruppen-social-valfard": (
        "Styrgruppen för det sociala området",
        "Sociala styrgruppen",
        "Social styrgruppen",
        "Den sociala styrgruppen",
    ),
    "gr-forbundsstyrelsen": ("Förbundsstyrelsen", "GR:s styrelse", "GR:s förbundsstyrelse"),
    "gr-forbundsfullmaktige": ("Förbundsfullmäktige",),
}


@attrs.frozen
class BodyMention:
    """A body named in text."""

    start: int
    """Offset."""
    end: int
    """Offset after the name."""
    body: str
    """Body id."""
    name: str
    """The name as written."""
    canonical: str
    """The reference form of that name."""


class BodyNames:
    """Names of the reference bodies, longest first, with genitive forms."""

    def __init__(self, refdata: ReferenceData):
        self.refdata = refdata
        names: dict[str, tuple[str, str]] = {}
        for body in refdata.bodies.values():
            if body.kind in ("association",):
                continue
            forms = [body.name, *(n.name for n in body.names), *_EXTRA_NAMES.get(body.id, ())]
            for form in forms:
                names.setdefault(form.casefold(), (body.id, form))
        self._names = names
        longest_first = sorted(names, key=len, reverse=True)
        alternatives = alternation([re.escape(n) + "s?" for n in longest_first])
        self._pattern = re.compile(rf"(?i)(?<![\wåäö]){alternatives}(?![\wåäö])")

    def find(self, text: str) -> list[BodyMention]:
        """Every body name in ``text``, in order."""
        out = []
        for m in finditer(self._pattern, text):
            key = m[0].casefold()
            entry = self._names.get(key) or self._names.get(key[:-1])
            if entry is not None:
                out.append(BodyMention(m.start(), m.end(), entry[0], m[0], entry[1]))
        return out

    def resolve(self, name: str) -> str | None:
        """Body id of a name as written, or ``None``."""
        mentions = self.find(name.strip())
        return mentions[0].body if mentions else None

    def kind(self, body_id: str) -> str | None:
        """The kind of a reference body."""
        body = self.refdata.body(body_id)
        return str(body.kind) if body else None

    def acting_body(self, header: str, text: str) -> tuple[str, str] | None:
        """The body whose document this is: named in the header, else the body the
        text names most often, steering groups first when the text speaks of
        "Styrgruppen" as the deciding body.

        :returns: (body id, name as the reference writes it), or ``None``.
        """
        mentions = self.find(header)
        if mentions:
            return mentions[0].body, mentions[0].canonical
        all_mentions = self.find(text)
        if not all_mentions:
            return None
        counts = Counter(m.body for m in all_mentions)
        if re.search(
            r"(?m)(?:^|\. )Styrgruppen\s+(?:beslutar|beslöt|godkänner|ger|föreslår)", text
        ):
            steering = {b: c for b, c in counts.items() if self.kind(b) == "steering_group"}
            if steering:
                best = max(steering, key=lambda b: steering[b])
                return best, next(m.canonical for m in all_mentions if m.body == best)
        best = counts.most_common(1)[0][0]
        return best, next(m.canonical for m in all_mentions if m.body == best)


def stated_body_id(name: str) -> str:
    """Id for a body that is not in the reference data: the slug of its name."""
    return slug(name) or "okant-organ"
