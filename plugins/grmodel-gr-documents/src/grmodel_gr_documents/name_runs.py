"""How a run of capitalised words divides into names: the words never a name's, an
organisation's words at a run's start, and where two names run together ("Klas
Karlsson Sonny Landerberg", "Maud Bengtsson Mussa Selim"), by the given-name
gazetteer (``data/given_names.txt``)."""

from __future__ import annotations

import functools
import re

from grmodel_gr_documents.entry_tokens import INITIAL, ORG_WORD
from grmodel_gr_documents.names import ORG_WORDS, PARTICLES, given_names, is_given_name
from grmodel_gr_documents.vocabulary import load_vocabulary

__all__ = ["non_names", "org_prefix", "plausible", "split_names"]


@functools.cache
def non_names() -> frozenset[str]:
    return frozenset(p.text.casefold() for p in load_vocabulary().phrases if p.cue == "nonname")


def org_prefix(words: list[str]) -> int:
    """How many words at the start of ``words`` are an organisation: an acronym
    ("GR", "VGR"), a word with an inner capital ("FoU") or a slash ("Väst/GR"), a
    genitive place with "Stad"/"kommun" ("Göteborgs Stad"), a word ending like an
    organisation ("Stadsledningskontoret")."""
    first = words[0].strip(" ,.")
    if (
        len(words) >= 2
        and words[1].casefold() in ("stad", "kommun", "stads")
        and first.endswith("s")
    ):
        return 2
    if len(words) >= 3 and words[1] == "i" and ORG_WORD.match(first):
        return 3
    if re.fullmatch(r"[A-ZÅÄÖ]{2,6}(?::s)?", first) or "/" in first:
        return 1
    if re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]+[A-ZÅÄÖ]\w*", first):
        return 1
    if ORG_WORDS.search(first) and len(first) > 6:
        return 1
    return 0


def plausible(words: list[str]) -> bool:
    if len({w.casefold() for w in words}) == 1:
        return False  # "KF KF": a table's columns, no name
    never = non_names()
    odd = [i for i, w in enumerate(words) if w.casefold().strip(".:") in never]
    given = is_given_name(words[0])
    if odd and not (odd == [1] and len(words) == 2 and given):
        return False  # but a given name's surname, whatever the word ("Bertil Bilaga")
    return any(len(w.strip(".")) >= 2 for w in words) and not INITIAL.match(words[-1])


def split_names(words: list[str]) -> list[list[str]]:
    """A run of capitalised words as names: two names run together are split at a
    given name ("Klas Karlsson Sonny Landerberg"); a non-name word before a name is
    split off ("Välkomsthälsning Roger Larsson")."""
    given = given_names()
    if len(words) >= 3 and ORG_WORDS.search(words[-1]) and len(words[-1]) > 6:
        return [*split_names(words[:-1]), [words[-1]]]
    folded = [w.casefold().split("-")[0] for w in words]
    if (
        len(words) == 3
        and folded[0] not in given
        and folded[1] in given
        and not INITIAL.match(words[1])
    ):
        return [[words[0]], words[1:]]
    if len(words) >= 4:
        for cut in range(2, len(words) - 1):
            if folded[cut] in given and folded[cut - 1] not in given:
                return [*split_names(words[:cut]), *split_names(words[cut:])]
        if not any(w.casefold() in PARTICLES for w in words) and (
            len(words) >= 5 or _two_pairs(words, folded, given)
        ):
            return [words[:2], *split_names(words[2:])]
    return [words]


def _two_pairs(words: list[str], folded: list[str], given: frozenset[str]) -> bool:
    """Whether four words are two names of two: the second is no given name ("Maud
    Bengtsson Mussa Selim"), the first is a double given name already ("Sten-Åke Kjell
    Jorge Pereira") or the first and third are given names ("Per Kjell Eva Berg");
    "Anna Maria Svensson Berg" stays one."""
    return len(words) == 4 and (
        folded[1] not in given
        or ("-" in words[0] and folded[0] in given)
        or (folded[0] in given and folded[2] in given)
    )
