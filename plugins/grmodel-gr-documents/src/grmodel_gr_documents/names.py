"""Attendance entries: names with party, municipality, role, title and paragraphs.

Forms read: "Name (Party), Municipality", "Name, Municipality (Party)", without
party, lower-case parties "(m)", roles ", ordförande", "(ordf.)", "v. ordf.",
"vice ordförande", "tjänstgörande", "(tjänstgörande)", "tjänstgörande ersättare
för X", officials "Name, title, organisation", and presence limited to some
paragraphs ("§ 39", "§§ 18-32", "p 4", "(punkt 3)"). A paragraph that runs
several entries on, separated by commas, semicolons or " och ", is split by
:func:`split_entries`.
"""

from __future__ import annotations

import re

import attrs

from grmodel.model import Role
from grmodel.refdata import ReferenceData

__all__ = [
    "Entry",
    "is_person_name",
    "paragraph_refs",
    "parse_entry",
    "parse_role",
    "split_entries",
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
_SERVING = re.compile(
    r"(?i)^(?:tjänstg(?:örande|\.)?|tjg\.?)(?:\s+ersättare)?"
    r"(?:\s+(?:för|i stället för|istället för|ersätter)\s+(?P<for>.+))?$"
)
_REPLACES = re.compile(r"(?i)^(?:ersätter|i stället för|istället för|ersättare för)\s+(?P<for>.+)$")
_PARAS = re.compile(
    r"(?i)(?:§§?\s*(?P<a>\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|och|&)\s*\d+(?:\s*[-–]\s*\d+)?)*)"
    r"|\(?\b(?:p|punkt|punkterna|punkt)\.?\s*(?P<b>\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|och)\s*\d+)*)\)?)"
)
_EXCLUDED = re.compile(
    r"(?i)\(?\s*\b(?:ej|utom|förutom|ej\s+närvarande\s+(?:vid|under)|frånvarande\s+(?:vid|under)"
    r"|ej\s+(?:vid|under))\s+(?:§§?\s*|p\.?\s*|punkt(?:erna)?\s*)"
    r"(?P<n>\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|och)\s*\d+(?:\s*[-–]\s*\d+)?)*)\s*\)?"
)
"""Presence limited by exclusion: "(ej § 5)", "utom §§ 3-4", "frånvarande under p 2"."""
_PARTY_SHAPE = re.compile(r"^[A-Za-zÅÄÖåäö]{1,5}$")
_ORG_WORDS = re.compile(
    r"(?i)(?:kontoret|förvaltning(?:en)?|nämnden|regionen|centrum|centret|enheten|avdelningen|"
    r"styrelsen|myndigheten|polisen|länsstyrelsen|verket|förbund(?:et)?|stad|kommun|"
    r"bolag(?:et)?|institut(?:et)?|universitet(?:et)?|högskola(?:n)?|sjukhus(?:et)?|gruppen|"
    r"nätverket|rådet|fonden|\bab\b|ideell|föreningen|landsting(?:et)?)$"
)
_NAME_WORD = re.compile(r"^[A-ZÅÄÖÉÜØÆ][a-zåäöéèüøæ'´`-]*(?:-[A-ZÅÄÖ]?[a-zåäöéü]+)*\.?$")
_PARTICLES = {"af", "von", "van", "de", "der", "la", "le", "di", "da", "du", "el", "al", "bin"}
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


def _numbers(spec: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*(?:,|och|&)\s*", spec):
        bounds = re.findall(r"\d+", part)
        if len(bounds) == 2 and int(bounds[0]) <= int(bounds[1]) <= int(bounds[0]) + 500:
            out.extend(range(int(bounds[0]), int(bounds[1]) + 1))
        elif bounds:
            out.append(int(bounds[0]))
    return out


def paragraph_refs(text: str) -> tuple[str, tuple[int, ...]]:
    """Take "§ 39", "§§ 18-32", "p 4", "(punkt 3)" out of ``text``.

    :returns: the text without them and the numbers, in order.
    """
    numbers: list[int] = []

    def take(m: re.Match[str]) -> str:
        numbers.extend(_numbers(m["a"] or m["b"] or ""))
        return " "

    rest = _PARAS.sub(take, text)
    rest = re.sub(r"\(\s*\)", " ", rest)
    rest = re.sub(r"\s+", " ", rest).strip(" ,;")
    return rest, tuple(dict.fromkeys(numbers))


def parse_role(text: str) -> Role | None:
    """``"ordf."`` → ordförande, ``"v. ordf."`` → vice ordförande, …"""
    text = text.strip(" .,()")
    for pattern, role in _ROLE_WORDS:
        if pattern.match(text) or pattern.match(text + "."):
            return role
    return None


def _is_party(text: str, refdata: ReferenceData) -> bool:
    text = text.strip()
    return bool(_PARTY_SHAPE.match(text)) and (
        refdata.party(text) is not None or text.isupper() or text.islower()
    )


def _municipality(text: str, refdata: ReferenceData) -> bool:
    text = text.strip()
    if not text or not text[0].isupper() or len(text.split()) > 3:
        return False
    if refdata.municipality(text) is not None:
        return True
    return len(text.split()) == 1 and bool(refdata.suggest_municipality(text, n=1))


def is_person_name(text: str, refdata: ReferenceData | None = None) -> bool:
    """True when ``text`` looks like a person's full name (2–5 capitalised words)."""
    text = re.sub(r"\([^)]*\)", " ", text).strip(" ,;.")
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text) or ":" in text:
        return False
    if words[0].casefold() in _NOT_NAMES or _ORG_WORDS.search(words[-1]):
        return False
    if not all(_NAME_WORD.match(w) or w in _PARTICLES for w in words):
        return False
    if not _NAME_WORD.match(words[0]) or not _NAME_WORD.match(words[-1]):
        return False
    return refdata is None or refdata.municipality(text) is None


def _split_commas(text: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


_REPLACES_ANY = re.compile(
    r"(?i)\s*[,(]?\s*\b(?:(?:tjänstgörande|tjänstgör|tjg\.?)(?:\s+ersättare)?\s+"
    r"(?:för|i\s+stället\s+för|istället\s+för)|ersätter|ersättande|i\s+stället\s+för|"
    r"istället\s+för|ersättare\s+för)\s+(?P<for>[A-ZÅÄÖ][^,;()]*?)"
    r"(?:\s*\([^)]*\))?\s*\)?(?=\s*(?:[,;]|$))"
)


def _take_replaces(text: str, refdata: ReferenceData) -> tuple[str, str | None]:
    """Take "tjänstgörande för X", "ersätter X (S), Mölndal", "(i stället för X)" out of
    an entry: the rest of the entry and X."""
    m = _REPLACES_ANY.search(text)
    if m is None or m.start() == 0:
        return text, None
    head, tail = text[: m.start()], text[m.end() :]
    tail_parts = _split_commas(tail)
    if (
        tail_parts
        and _municipality(tail_parts[0], refdata)
        and any(_municipality(p, refdata) for p in _split_commas(re.sub(r"\([^)]*\)", "", head)))
    ):
        tail_parts = tail_parts[1:]  # the replaced ledamot's municipality
    rest = ", ".join([head.strip(" ,"), *tail_parts]) if tail_parts else head.strip(" ,")
    return rest, m["for"].strip(" .")


def parse_entry(text: str, refdata: ReferenceData) -> Entry | None:
    """Parse one attendance entry; ``None`` when it names nobody."""
    text = text.strip(" .-–•*\t")
    excluded: list[int] = []
    for m in list(_EXCLUDED.finditer(text))[::-1]:
        excluded[:0] = _numbers(m["n"])
        text = (text[: m.start()] + " " + text[m.end() :]).strip()
    text, paras = paragraph_refs(text)
    text, replaced = _take_replaces(text, refdata)
    parts = _split_commas(text)
    if not parts:
        return None
    party = role = None
    serving = False
    replaces = municipality = title = organisation = None
    # parentheses anywhere: party, role, tjänstgörande, or an organisation
    expanded: list[str] = []
    for part in parts:
        if _SERVING.match(re.sub(r"\([^)]*\)", "", part).strip()) or _REPLACES.match(part):
            expanded.append(part)
            continue
        inner = re.findall(r"\(([^)]*)\)", part)
        outer = re.sub(r"\([^)]*\)", "\x00", part)
        pieces = [p.strip() for p in outer.split("\x00")]
        expanded.append(pieces[0])
        expanded.extend(p for p in pieces[1:] if p)
        for item in inner:
            item = item.strip()
            if _is_party(item, refdata) and party is None:
                party = item
            elif parse_role(item) is not None:
                role = parse_role(item)
            elif _SERVING.match(item):
                serving = True
                replaces = _SERVING.match(item)["for"] or replaces  # type: ignore[index]
            elif item:
                organisation = item if organisation is None else f"{organisation}, {item}"
    expanded = [p for p in expanded if p]
    if not expanded:
        return None
    name = expanded[0]
    words = name.split()
    if len(words) >= 3 and _ORG_WORDS.search(words[-1]):
        expanded.insert(1, words[-1])
        name = " ".join(words[:-1])
    if len(words) == 3 and _PARTY_SHAPE.match(words[-1]) and words[-1].isupper() and party is None:
        party, name = words[-1], " ".join(words[:-1])
    if not re.search(r"[A-Za-zÅÄÖåäö]", name) or len(name.split()) > 6:
        return None
    for part in expanded[1:]:
        serve = _SERVING.match(part)
        if parse_role(part) is not None and role is None:
            role = parse_role(part)
        elif serve:
            serving = True
            replaces = serve["for"] or replaces
        elif _REPLACES.match(part):
            replaces = _REPLACES.match(part)["for"]  # type: ignore[index]
        elif municipality is None and _municipality(part, refdata):
            municipality = part
        elif party is None and _PARTY_SHAPE.match(part) and refdata.party(part) is not None:
            party = part
        elif part[:1].islower() and title is None:
            title = part
        else:
            organisation = part if organisation is None else f"{organisation}, {part}"
    if replaced:
        replaces, serving = replaced, True
    if replaces:
        serving = True
        replaces = re.sub(r"\s*\([^)]*\)", "", replaces).strip(" .,")
    return Entry(
        name=name,
        party=party,
        municipality=municipality,
        role=role,
        serving=serving,
        replaces=replaces or None,
        title=title,
        organisation=organisation,
        paragraphs=paras,
        excluded=tuple(dict.fromkeys(excluded)),
    )


def split_entries(text: str, refdata: ReferenceData) -> list[str]:
    """Split a run-on list of entries ("A (S), Ale; B (M), Lerum och C (V), Tjörn")."""
    tokens: list[str] = []
    for token in _split_commas(text):
        pieces = re.split(r"\s+(?:och|samt)\s+", token)
        if len(pieces) > 1 and all(
            is_person_name(paragraph_refs(p)[0], refdata) for p in pieces[1:]
        ):
            tokens.extend(pieces)
        else:
            tokens.append(token)
    entries: list[list[str]] = []
    for token in tokens:
        bare = paragraph_refs(token)[0]
        starts = is_person_name(bare, refdata) and not _municipality(bare, refdata)
        if not entries or (starts and _has_name(entries[-1], refdata)):
            entries.append([token])
        else:
            entries[-1].append(token)
    return [", ".join(e) for e in entries]


def _has_name(tokens: list[str], refdata: ReferenceData) -> bool:
    return is_person_name(paragraph_refs(tokens[0])[0], refdata)
