"""Names and roles: whether a text is a person's name, and the role a word states
("ordf.", "v. ordf.", "vice ordförande"). Attendance entries themselves are read by
:mod:`~grmodel_gr_documents.entries`.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import attrs

from grmodel.model import Role
from grmodel.refdata import ReferenceData

__all__ = [
    "NAME_WORD",
    "ORG_WORDS",
    "PARTICLES",
    "Entry",
    "given_names",
    "is_given_name",
    "is_person_name",
    "parse_role",
]

_ROLE_WORDS: tuple[tuple[re.Pattern[str], Role], ...] = (
    (
        re.compile(
            r"(?i)^(?:(?:1|2|3|för|and|tredj)(?::?e|ste|re|e)?\s+)?(?:vice\s+ordf(?:örande|\.)?|v\.?\s*ordf\.?(?:örande)?|vice\s+ordf)$"
        ),
        Role.VICE_ORDFORANDE,
    ),
    (re.compile(r"(?i)^ordf(?:örande|\.)?$"), Role.ORDFORANDE),
    (re.compile(r"(?i)^ledamot$"), Role.LEDAMOT),
    (re.compile(r"(?i)^(?:ej\s+tjänstgörande\s+)?ersättare$"), Role.ERSATTARE),
    (re.compile(r"(?i)^sekreterare$"), Role.SEKRETERARE),
    (re.compile(r"(?i)^adjungerad$"), Role.ADJUNGERAD),
)
ORG_WORDS = re.compile(
    r"(?i)(?:kontoret|förvaltning(?:en)?|nämnden|regionen|centrum|centret|enheten|avdelningen|"
    r"styrelsen|myndigheten|polisen|länsstyrelsen|verket|förbund(?:et)?|stad|kommun|"
    r"bolag(?:et)?|institut(?:et)?|universitet(?:et)?|högskola(?:n)?|sjukhus(?:et)?|gruppen|"
    r"nätverket|rådet|fonden|\bab\b|ideell|föreningen|landsting(?:et)?|huset|salen|rummet)$"
)
"""A word that ends like an organisation's name ("Stadsledningskontoret", "Miljöenheten"),
or a meeting place's ("Kommunhuset", "A-salen", "Sammanträdesrummet")."""
OCCUPATION = re.compile(
    r"(?i)^[\wåäö-]*(?:chef|direktör|ledare|handläggare|utredare|sekreterare|strateg|samordnare|"
    r"controller|ekonom|jurist|koordinator|analytiker|kontrollant|inspektör|assistent|"
    r"utvecklare|planerare|rådgivare|ingenjör|arkitekt|konsult|registrator|notarie|revisor|"
    r"ombudsman|[\wåäö]+ordförande)$"
)
"""A word that is an occupation or office, never a person's name ("Förbundsdirektör",
"Nämndsekreterare", "Utbildningschef", "Kommunstyrelseordförande"); a bare
"Ordförande" is a role (:func:`parse_role`)."""
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
NAME_WORD = re.compile(
    rf"^[{_UPPER}][{_LOWER}'´`-]*(?:-[{_UPPER}]?[{_LOWER}]+)*(?:-[{_UPPER}]\.?)?\.?$"
)
"""One word of a person's name, in the Latin letters of any European name ("Rose-Marie",
"Andréasson", "Claës-L", "F.")."""
PARTICLES = {
    "af",
    "von",
    "van",
    "de",
    "der",
    "la",
    "le",
    "di",
    "da",
    "du",
    "el",
    "al",
    "bin",
    "dos",
}
"""Lower-case particles inside a name ("Rebelo da Silva")."""
_NOT_NAMES = {
    "informationen",
    "styrgruppen",
    "beslut",
    "protokoll",
    "göteborgsregionen",
    "ordförande",
    "justeras",
    "vid",
    "övriga",
    "närvarande",
    "ledamöter",
    "ersättare",
    "sekreterare",
    "frånvarande",
    "förhinder",
    "dagordning",
    "tjänstgörande",
    "adjungerade",
}


@attrs.frozen
class Entry:
    """One attendance entry as written."""

    name: str
    """Full name."""
    party: str | None = None
    """Party abbreviation as written, without parentheses."""
    municipality: str | None = None
    """Municipality as written."""
    role: Role | None = None
    """Stated role (ordförande, vice ordförande …)."""
    serving: bool = False
    """True for "tjänstgörande"."""
    replaces: str | None = None
    """Name of the ledamot a serving ersättare replaces."""
    title: str | None = None
    """Job title (officials)."""
    organisation: str | None = None
    """Organisation (officials, guests)."""
    paragraphs: tuple[int, ...] = ()
    """§ or item numbers the presence is limited to."""
    excluded: tuple[int, ...] = ()
    """§ or item numbers the person was not present for ("ej § 5")."""


def parse_role(text: str) -> Role | None:
    """``"ordf."`` → ordförande, ``"v. ordf."`` → vice ordförande, …"""
    text = text.strip(" .,()")
    for pattern, role in _ROLE_WORDS:
        if pattern.match(text) or pattern.match(text + "."):
            return role
    return None


def is_person_name(text: str, refdata: ReferenceData | None = None) -> bool:
    """True when ``text`` looks like a person's full name (2–5 capitalised words)."""
    text = re.sub(r"\([^)]*\)", " ", text).strip(" ,;.")
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text) or ":" in text:
        return False
    if words[0].casefold() in _NOT_NAMES or ORG_WORDS.search(words[-1]):
        return False
    if not all(NAME_WORD.match(w) or w in PARTICLES for w in words):
        return False
    if not NAME_WORD.match(words[0]) or not NAME_WORD.match(words[-1]):
        return False
    return refdata is None or refdata.municipality(text) is None


@functools.cache
def given_names() -> frozenset[str]:
    """The given-name gazetteer (``data/given_names.txt``)."""
    text = resources.files("grmodel_gr_documents").joinpath("data/given_names.txt")
    words = [
        w
        for line in text.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
        for w in line.split()
    ]
    return frozenset(w.casefold() for w in words)


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a given name of the gazetteer; a double one ("Sten-Åke") by
    its first part."""
    return word.casefold().split("-")[0] in given_names()
