"""The id conventions shared by importers, the example data and plugins.

Stable ids are derived from what a document states, so that importing the same
document twice, or hand-encoding it, yields the same ids:

=================  ====================================================
record             id
=================  ====================================================
person             ``slug(name)``: ``kent-lagrell``
meeting            ``{body}-{date}``: ``gr-styrgruppen-social-valfard-2019-11-07``
agenda item        ``{meeting}-p{§}`` for paragraphs, else ``{meeting}-i{ordinal}``
decision           ``{item}-d{n}`` (1-based, in order)
membership         ``{body}-{person}``
protocol/agenda    ``{meeting}-protokoll`` / ``{meeting}-dagordning``
basis document     ``dnr-{diarienummer slug}`` when it has one
=================  ====================================================
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "agenda_item_id",
    "decision_id",
    "document_id",
    "meeting_id",
    "membership_id",
    "person_id",
    "slug",
]

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "ae", "ø": "o"})


def slug(text: str) -> str:
    """Lower-case ASCII slug: ``"Britt-Marie Kuylenstierna"`` → ``"britt-marie-kuylenstierna"``."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def person_id(name: str) -> str:
    """Id of a person by full name."""
    return slug(name)


def meeting_id(body: str, date: str) -> str:
    """Id of a meeting of ``body`` on ``date`` (ISO)."""
    return f"{body}-{date}"


def agenda_item_id(meeting: str, *, paragraph: int | None = None, ordinal: int) -> str:
    """Id of an agenda item: by § number when it has one, else by position."""
    return f"{meeting}-p{paragraph}" if paragraph is not None else f"{meeting}-i{ordinal}"


def decision_id(item: str, n: int) -> str:
    """Id of the ``n``-th (1-based) decision under an item."""
    return f"{item}-d{n}"


def membership_id(body: str, person: str) -> str:
    """Id of a person's membership of a body."""
    return f"{body}-{person}"


def document_id(
    *,
    diarienummer: str | None = None,
    meeting: str | None = None,
    kind: str | None = None,
    date: str | None = None,
    title: str | None = None,
) -> str:
    """Id of a document: ``dnr-…`` when it has a diarienummer, ``{meeting}-{kind}`` for a
    meeting's protocol or agenda, else ``{kind}-{date}-{title slug}``."""
    if diarienummer:
        return f"dnr-{slug(diarienummer)}"
    if meeting and kind:
        return f"{meeting}-{slug(kind)}"
    parts = [p for p in (slug(kind or ""), date, _shorten(slug(title or ""), 40)) if p]
    return "-".join(parts) or "document"


def _shorten(text: str, limit: int) -> str:
    """Cut a slug to at most ``limit`` characters at a word boundary (a ``-``)."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    return head.rsplit("-", 1)[0] if "-" in head else text[:limit]
