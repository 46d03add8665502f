"""The tokens of an attendance run: capitalised and lower-case words, parenthesised
notes, numbers, "§" and separators (read into entries by
:mod:`~grmodel_gr_documents.entries`)."""

from __future__ import annotations

import re

import attrs

from grmodel_gr_documents.names import NAME_WORD

__all__ = ["INITIAL", "NUMBER", "ORG_WORD", "Token", "read_tokens"]

_TOKEN = re.compile(
    r"\((?P<paren>[^()\n]{0,80})\)"
    r"|(?P<comma>[,;])"
    r"|(?P<sect>§§?)"
    r"|(?P<mark>\*)"
    r"|(?P<word>[^\s,;()*]+)"
    r"|(?P<open>\()"
)
INITIAL = re.compile(r"^[A-ZÅÄÖ]\.?$")
ORG_WORD = re.compile(
    r"^(?:[A-ZÅÄÖ]{2,6}(?::s)?|[A-ZÅÄÖ][a-zåäö]+[A-ZÅÄÖ][\w]*|[\wÅÄÖåäö]+/[\wÅÄÖåäö/]+)$"
)
"""An acronym ("GR", "FP"), a word with an inner capital ("FoU") or a slash ("Väst/GR")."""
_ORDINAL = re.compile(r"^[1-3]:[ae]$")
"""An ordinal before a role ("1:e vice ordförande"), read with the role's words."""
NUMBER = re.compile(r"^\d{1,3}(?:\s*[-–]\s*\d{1,3})?[.,;]?$")


@attrs.frozen
class Token:
    """One token of a run, with its offsets."""

    kind: str
    """``word``, ``paren``, ``comma``, ``sect``, ``mark`` (an asterisk before a name,
    "*Anna Ek": a serving ersättare, in many lists) or ``open``."""
    text: str
    start: int
    end: int
    first: bool = False
    """The first token of its line."""

    @property
    def cap(self) -> bool:
        """A capitalised word: a name's, an initial, an organisation's."""
        return self.kind == "word" and bool(
            NAME_WORD.match(self.text) or INITIAL.match(self.text) or ORG_WORD.match(self.text)
        )

    @property
    def lower(self) -> bool:
        """A lower-case word."""
        return self.kind == "word" and (self.text[:1].islower() or bool(_ORDINAL.match(self.text)))


def read_tokens(text: str) -> list[Token]:
    """The tokens of ``text``, in order."""
    out: list[Token] = []
    line_end = -1  # the end of the line the last token stood on
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "word"
        value = m[kind] if kind != "open" else "("
        if kind == "word" and value.startswith("("):
            kind, value = "word", value.lstrip("(")
        first = m.start() > line_end
        if first:
            line_end = text.find("\n", m.start())
            line_end = len(text) if line_end < 0 else line_end
        out.append(Token(kind, value, m.start(), m.end(), first))
    return out
