"""A staff report's funding applications ("Projekt - X Ansökan till Länsstyrelsen är
265 000 kr varav 132 500 kr är egen finansiering …", or a project named in running
text) as :class:`~grmodel.Project` records."""

from __future__ import annotations

import re

from grmodel.ids import slug
from grmodel.model import FundingLine, FundingStatus, Project, Span
from grmodel_gr_documents.amounts import find_own_shares
from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.stream import Stream

__all__ = ["read_projects"]

_PROJECT = re.compile(
    r"Projekt\s*[-–]\s*(?P<name>.+?)(?=\s+(?:Ansökan|Bakgrund|Syfte|Mål|Målgrupp|Budget)\b|[.\n]|$)"
)
_FUNDER = re.compile(
    r"(?:Ansökan\s+till\s+)?(?P<f>[A-ZÅÄÖ][\wåäöÅÄÖ-]+(?:\s+i\s+[A-ZÅÄÖ][\wåäö ]+?)?)\s+(?:är\s+)?$"
)


_NAMED_PROJECT = re.compile(
    r"\b[Pp]rojekte[tn]\s+(?:[\"”“'](?P<q>[^\"”“']{2,60})[\"”“']|"
    r"(?P<n>[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+[\wåäöÅÄÖ-]+){0,4}?)"
    r"(?=\s+(?:har|hade|är|var|ska|skall|som|med|i|under|drivs|drevs|pågår|startade|avser|för|"
    r"och|till|kommer|söker|ansöker|beviljades|vars|inom|kostar|omfattar)\b|\s*[.,;:)]|\s*$))"
)
"""A project named in running text ("projektet Unga in har …", 'projektet "Unga in"')."""


def _project_name(text: str, title: str | None) -> str | None:
    """The project a funding statement is about, from the text before it or the title."""
    for where in (text[-400:], title or ""):
        found = list(_NAMED_PROJECT.finditer(where))
        if found:
            m = found[-1]
            return (m["q"] or m["n"]).strip()
    return None


def read_projects(b: Builder, stream: Stream, title: str | None) -> None:
    """The funding applications of a report ("Projekt - X Ansökan till … är 265 000 kr
    varav …") as :class:`~grmodel.Project` records."""
    text = stream.text
    projects = list(_PROJECT.finditer(text))
    for index, pm2 in enumerate(projects):
        end = projects[index + 1].start() if index + 1 < len(projects) else len(text)
        stop = re.search(r"(?m)\bFörslag\b|^Förslag", text[pm2.end() : end])
        if stop:
            end = pm2.end() + stop.start()
        name = pm2["name"].strip(" -–")
        funding = _funding(b, stream, pm2.start(), min(end, pm2.start() + 1500))
        covered = stream.lines_between(pm2.start(), end)
        b.tracker.place_all(covered)
        b.add(
            Project(
                id=slug(name) or f"projekt-{index + 1}",
                name=name,
                funding=tuple(funding),
                description=text[pm2.end() : end].strip() or None,
                provenance=b.prov(covered[0], covered[-1]) if covered else b.prov(1),
            )
        )
    if not projects:
        _named_projects(b, stream, title)


def _named_projects(b: Builder, stream: Stream, title: str | None) -> None:
    """A funding statement in running text: the project is named by its context
    ("Projektet Unga in har drivits … Ansökan till ESF är 2 400 000 kr varav …")."""
    text = stream.text
    for share in find_own_shares(text):
        named = _project_name(text[: share.start], title)
        if named is None:
            continue
        funding = _funding(b, stream, share.start, share.end, floor=0)
        covered = stream.lines_between(share.start, share.end)
        first = stream.line_at(share.start)
        b.tracker.place_all(covered)
        b.add(
            Project(
                id=slug(named) or "projekt",
                name=named,
                funding=tuple(funding),
                provenance=b.prov(first, covered[-1] if covered else None),
            )
        )


def _funding(
    b: Builder, stream: Stream, start: int, end: int, floor: int | None = None
) -> list[FundingLine]:
    """The funding lines of the own-share statements in ``stream.text[start:end]``;
    the funder is named in the 80 characters before each ("Ansökan till ESF är"),
    looked for no further back than ``floor`` (default ``start``)."""
    text = stream.text
    floor = start if floor is None else floor
    funding = []
    for share in find_own_shares(text[start:end]):
        at = start + share.start
        fm2 = _FUNDER.search(text[max(floor, at - 80) : at])
        funding.append(
            FundingLine(
                funder=fm2["f"] if fm2 else "okänd",
                amount=share.total,
                own_share=share.own,
                status=FundingStatus.APPLIED,
                document=b.doc_id,
                source=Span(stream.line_at(at)),
            )
        )
    return funding
