"""What an attendance entry is (:class:`ParsedEntry`), and the shapes of a run the
reader of :mod:`~grmodel_gr_documents.entries` goes by: presence marks, a table's
numbered rows, an occupation after a name."""

from __future__ import annotations

import attrs

from grmodel.model import Role
from grmodel_gr_documents.entry_tokens import Token
from grmodel_gr_documents.names import OCCUPATION

__all__ = ["PRESENCE_MARKS", "ROWS_NUMBERED", "ParsedEntry", "occupation_cut", "row_numbers"]


@attrs.define
class ParsedEntry:
    """One attendance entry as written, with where it stands in the run."""

    name: str = ""
    start: int = 0
    end: int = 0
    party: str | None = None
    municipality: str | None = None
    organisation: str | None = None
    role: Role | None = None
    serving: bool = False
    replaces: str | None = None
    title: str | None = None
    paragraphs: list[int] = attrs.field(factory=list)
    excluded: list[int] = attrs.field(factory=list)
    marked: bool = False
    """An "x" in a presence column (tabular närvarolistor)."""
    absent: bool = False
    """Marked absent after the name ("ej närvarande")."""


PRESENCE_MARKS = {"X": True, "x": True, "Ja": True, "Nej": False}
"""What a närvarolista's presence column holds after an entry: present or not."""


def occupation_cut(words: list[str]) -> list[str]:
    """``words`` up to an occupation after a name ("Mats Ek Utbildningschef …")."""
    for cut in range(2, len(words)):
        if OCCUPATION.match(words[cut]):
            return words[:cut]
    return words


def row_numbers(tokens: list[Token]) -> int:
    """How many numbers stand between an entry's party or mark and the next name."""
    return sum(
        1
        for i in range(1, len(tokens) - 1)
        if tokens[i].kind == "word"
        and tokens[i].text.isdigit()
        and tokens[i + 1].cap
        and (tokens[i - 1].kind == "paren" or tokens[i - 1].text in PRESENCE_MARKS)
    )


ROWS_NUMBERED = 3
