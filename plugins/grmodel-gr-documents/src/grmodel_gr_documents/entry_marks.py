"""What the words around a name in an attendance run say: serving marks ("tjg
ers för", "Ersätter"), absence ("ej närvarande"), paragraphs taken part in or not
("deltog inte under 227"), taking part from afar ("närvarar på distans"), a
närvarolista's presence column ("Erik Berg S 1"), and where the words turn to prose.
Read by :mod:`~grmodel_gr_documents.entries`."""

from __future__ import annotations

import re

from grmodel.refdata import ReferenceData

__all__ = [
    "ABSENT_MARK",
    "CAPITAL_ROLE",
    "CAPITAL_SERVING",
    "EXCLUDED",
    "EXCLUDING",
    "NOTE",
    "PROSE_WORDS",
    "REMOTE",
    "REPLACING",
    "SERVING_WORDS",
    "counts_as_prose",
    "marked_rows",
    "paragraph_numbers",
]

SERVING_WORDS = re.compile(
    r"(?i)^(?:tjänstgörande|tjänstgör|tjg\.?|tgj\.?|tjänstg\.?|tj\.?(?=\s+ers))(?:\s+ers(?:ättare)?\.?)?"
    r"(?:\s+(?:för|i\s+stället\s+för|istället\s+för))?$"
    r"|^(?:ersätter|ersättande|ers(?:ättare)?\.?\s+för|i\s+stället\s+för|istället\s+för)$"
)
CAPITAL_SERVING = re.compile(
    r"(?m)(?:(?<=[\w)] )|^)(?:Ersätter(?= [A-ZÅÄÖ])"
    r"|(?:Ersättare|Ers\.|Tjg\.?|Tj\.g\.|Tjänstgör|Tjänstgörande)(?= för\b))"
)
"""A serving mark written with a capital inside a run or at a line's start ("Anna Ek
(S) Ersättare för …", "Bo Holm (m) Ersätter Per Lind (m)", "Eje Ek (s) Tjänstgör för
A Malm (s)")."""
CAPITAL_ROLE = re.compile(
    r"(?m)^(?:(?:[1-3]:[ae]|Förste|Andre|Tredje) vice ordförande|Vice ordf(?:örande|\.)"
    r"|Ordförande|Ordf\.|Ledamot|Tjänstgörande(?: ersättare)?|Tjg\.?(?: ers\.?| ersättare)?)"
    r"(?= [A-ZÅÄÖ])"
)
"""A role or a serving mark written with a capital before the name at a line's start
("Ordförande Anna Berg (S)", "Vice ordförande Per Lind (M)", "Tjänstgörande ersättare
Karl Ny (L)"): read as the role words it is."""
REPLACING = re.compile(r"(?i)(?:för|ersätter|ersättande|tjg\.?|tjänstgör)$")
NOTE = re.compile(
    r"(?i)^(?:kom|gick|från|till|fr\.?o\.?m\.?|t\.?o\.?m\.?|ej|information|del\s+av)\b"
)
EXCLUDED = re.compile(
    r"(?i)^(?:ej|utom|förutom)\s+(?:§§?|p\.?|punkt(?:erna)?)?\s*(?P<n>[\d\s,–-]+(?:och\s+\d+)?)$"
)
ABSENT_MARK = re.compile(r"(?i)^(?:ej|inte|icke)\s+närvarande$|^frånvarande$")
"""An absence written after the entry ("Per Lind (s) ej närvarande")."""
EXCLUDING = re.compile(r"(?i)^(?:deltog|närvarade|var)\s+(?:ej|inte)(?:\s+(?:under|i|vid))?$")
"""Paragraphs the entry took no part in follow ("… deltog inte under 227")."""
REMOTE = re.compile(
    r"(?i)(?:^|\s)(?:(?:närvarar|närvarade|deltar|deltog)\s+)?(?:på\s+distans|digitalt|via\s+länk)$"
)
"""Taking part from afar, written after an entry ("närvarar på distans")."""
PROSE_WORDS = 5


def paragraph_numbers(text: str) -> list[int]:
    """The paragraph numbers a note names ("36, 37", "§§ 130-133", "5 och 7")."""
    out: list[int] = []
    for part in re.split(r"\s*(?:,|och|&)\s*", text):
        bounds = [int(x) for x in re.findall(r"\d+", part)]
        if len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 500:
            out.extend(range(bounds[0], bounds[1] + 1))
        elif bounds:
            out.append(bounds[0])
    return out


def counts_as_prose(word: str) -> bool:
    """A lower-case word that counts towards prose: not a conjunction, nor the first
    part of a compound ("barn- och ungdomsförvaltningen och gymnasieförvaltningen" is an
    organisation's name, not a sentence)."""
    return word not in ("och", "samt") and not word.endswith("-")


_MARKED_ROW = re.compile(r"(?<=[a-zåäöé]) (?P<party>[A-ZÅÄÖ]{1,2}) (?P<mark>[1xX]|[-–])(?=\s|$)")
"""A flattened närvarolista's row end: the party bare, then its presence column ("Erik
Berg S 1 Ordförande", "Per Lind C -")."""


def marked_rows(text: str, refdata: ReferenceData) -> str:
    """A närvarolista's rows "Name P 1" / "Name P -" (three or more) rewritten as the
    grammar reads a presence mark, offsets kept: "Name(P)x" / "Name(P)  "."""
    rows = [m for m in _MARKED_ROW.finditer(text) if refdata.party(m["party"]) is not None]
    if len(rows) < 3:
        return text
    out, at = [], 0
    for m in rows:
        party = f"({m['party']})"
        mark = "x" if m["mark"] in "1xX" else " "
        out += [text[at : m.start()], party, mark.ljust(m.end() - m.start() - len(party))]
        at = m.end()
    return "".join([*out, text[at:]])
