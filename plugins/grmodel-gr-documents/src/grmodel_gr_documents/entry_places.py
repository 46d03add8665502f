"""The gazetteers an attendance run is read with: parties, and the municipalities and
organisations that stand beside a name (from the reference data, and by their shape).

Where a run writes the place after the name with no comma between ("Anna Berg
Kungälv"), only the run as a whole tells it from a double surname ("Anna Svensson
Berg"): two or more names with a municipality after them make the layout.
"""

from __future__ import annotations

import re

from grmodel.refdata import ReferenceData
from grmodel_gr_documents.entry_tokens import Token
from grmodel_gr_documents.name_runs import org_prefix
from grmodel_gr_documents.names import is_given_name

__all__ = ["Places"]

_PARTY_SHAPE = re.compile(r"^[A-ZÅÄÖa-zåäö]{1,5}$")
_PLACES_AFTER = 2
"""How many names with a place after them make a run one of "Name Place" entries."""


class Places:
    """The gazetteers for one run of ``tokens``."""

    def __init__(self, refdata: ReferenceData, tokens: list[Token]):
        self.refdata = refdata
        self.placed_after = self.places_after_names(tokens) >= _PLACES_AFTER
        """Whether the run writes municipalities after names with no comma between."""

    def is_party(self, word: str, *, bare: bool = False) -> bool:
        """A party abbreviation: known to the reference data, or (in parentheses) of a
        party's shape ("(FiA)", a local party)."""
        word = word.strip(" .")
        if not _PARTY_SHAPE.match(word):
            return False
        if self.refdata.party(word) is not None:
            return True
        return not bare and (word.isupper() or word.islower() or len(word) <= 3)

    def municipality_prefix(self, words: list[str]) -> int:
        """How many of ``words`` (from the start) name a municipality or an
        organisation: 0 when none."""
        for size in (3, 2, 1):
            if len(words) < size:
                continue
            phrase = " ".join(words[:size]).strip(" ,.")
            if self.refdata.municipality(phrase) is not None and phrase[:1].isupper():
                return size
        return org_prefix(words)

    def places_after_names(self, tokens: list[Token]) -> int:
        """How many municipalities stand right after a name of two capitalised words,
        the second no given name ("Anna Berg Kungälv")."""
        return sum(
            1
            for i in range(2, len(tokens))
            if tokens[i].cap
            and tokens[i - 1].cap
            and tokens[i - 2].cap
            and not is_given_name(tokens[i - 1].text)
            and self.refdata.municipality(tokens[i].text) is not None
        )

    def without_place(self, name: list[str]) -> list[str]:
        """A name without the municipality or organisation written after it with no
        comma between ("Anna Berg Kungälv", "Per Lind GR"), where the run writes
        places so more than once (a double surname "Anna Svensson Berg" stays); a
        given name before the place keeps it ("Anna Maria Lund")."""
        if len(name) < 3 or not self.placed_after:
            return name
        for size in (2, 1):
            rest = name[:-size]
            if len(rest) < 2 or is_given_name(rest[-1]):
                continue
            place = " ".join(name[-size:])
            if self.refdata.municipality(place) is not None or (
                size == 1 and org_prefix(name[-1:]) and not all(w.isupper() for w in rest)
            ):
                return rest
        return name
