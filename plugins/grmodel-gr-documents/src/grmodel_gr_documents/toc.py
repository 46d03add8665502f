"""Tables of contents: their entries as (number, title), however a transcript ran
them together — title before or after its number, page numbers and diarienummer
around the titles, numbers lost.
"""

from __future__ import annotations

import itertools
import re

from grmodel_gr_documents.chrome import PAGE_COLUMN
from grmodel_gr_documents.titles import DNR_PREFIX, run_on_title, split_diarienummer
from grmodel_gr_documents.vocabulary import LOCAL_PREFIX, load_vocabulary

__all__ = ["toc_entries"]

_LEADER = re.compile(r"\.{2,}\s*\d{1,3}\b|\[\d{1,3}\]")
"""A dotted leader to a page number ("Information... 3"), a page reference "[1]"."""
_TOC_NUMBER = re.compile(r"(?<![\w/:.-])(?:§\s*)?(\d{1,4})(?:/\d{2})?(?![\w/:-]|\.\d)")


_PAGE_BEFORE = re.compile(r"[ \t]+(?:\d|[a-zåäö])")
"""What follows a page number on a title's line: the next entry's number ("… jäv 2
84 Val …"), or the wrapped title going on ("… totala 9 budgeterade …"); an entry's
number is followed by its title."""
_TOC_WINDOW = 3000
_LEADERED = 3
"""How many dotted leaders make a table one whose entries end at their page."""


def _chain(numbers: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The longest chain of item numbers, each the next after the one before (or up
    to two more: numbers lost), in text order."""
    best: list[tuple[int, int, int]] = []
    for index, first in enumerate(numbers):
        chain = [first]
        for candidate in numbers[index + 1 :]:
            if 1 <= candidate[0] - chain[-1][0] <= 3:
                chain.append(candidate)
        if len(chain) > len(best):
            best = chain
    return best


_GROUP_HEADING = re.compile(r"(?:\s+(?:[A-ZÅÄÖ]{3,}|AV|OCH|TILL))+\s*$")
"""A group heading in capitals after a title ("… BESLUTAS AV KOMMUNFULLMÄKTIGE")."""


def _toc_title(text: str) -> str:
    text = DNR_PREFIX.sub("", text.strip(" .,;:\n"))
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    text = re.sub(r"\s+forts\.?$", "", text)  # "forts." where a page breaks the table
    heading = _GROUP_HEADING.search(text)
    if heading and len(heading[0].split()) >= 2:
        text = text[: heading.start()]
    return text.strip(" .,;:")


def toc_entries(text: str, cut: bool = False) -> list[tuple[int, str]]:
    """A table of contents as (number, title): "Information 35 Delårsrapport 36 …"
    (title before its number), "101 Informationspunkt … 102 Riktlinjer …",
    "165. Godkännande av dagordningen" or "§ 63/20 Fastställande av dagordning"
    (number first), "26 Dnr KS 2018/14 Information... 3" (a diarienummer and a page
    number around the title); the longest chain of consecutive numbers. ``cut``: the
    text is where a fragment of the document ends, so a number-first entry that runs
    to its end was cut there ("78 Godkännande av … ansvarsfr") and is no entry."""
    cut = cut and len(text) <= _TOC_WINDOW
    window = _LEADER.sub(" ", text[:_TOC_WINDOW])
    found = [(int(m[1]), m.start(), m.end()) for m in _TOC_NUMBER.finditer(window)]
    paging = found and PAGE_COLUMN.search(window, 0, found[0][1]) is not None
    numbers = [n for n in found if not (paging and _PAGE_BEFORE.match(window, n[2]))]
    chain = _chain(numbers)
    if len(chain) == 1:
        return _first_only(window, chain[0])
    if len(chain) < 2:
        return []
    out: list[tuple[int, str]] = []
    runs_on: set[int] = set()  # entries whose text holds a lost number's title too
    prefix = _toc_prefix(window, chain)
    # pages between the entries stand after the titles: the numbers come first
    paged = sum(chain[0][1] < n[1] < chain[-1][1] for n in found if n not in numbers) >= 2
    # entries that end in a dotted leader to their page ("215 Information...4 216 …"):
    # each number stands before its title
    leadered = len(_LEADER.findall(text[:_TOC_WINDOW])) >= _LEADERED
    number_first = paged or leadered or _number_first(window, chain, prefix)
    for index, (number, start, end) in enumerate(chain):
        if number_first:
            following = chain[index + 1] if index + 1 < len(chain) else None
            stop = min(following[1] if following else len(window), _toc_end(window, end))
            title = _toc_title(window[end:stop])
            if prefix and title.endswith(" " + prefix):
                title = title[: -len(prefix) - 1]
            if following[0] > number + 1 if following else len(title) > _RUN_ON_ENTRY:
                runs_on.add(number)
            if following is None and cut and not window[stop:].strip(" \t"):
                continue  # the fragment ends inside this entry (no line's end after it)
        else:
            begin = chain[index - 1][2] if index else 0
            title = _toc_title(window[begin:start])
        if title and len(title) <= 250:
            out.append((number, title))
    return [
        (number, run_on_title(title)[0] if number in runs_on else title)
        for number, title in _without_page_numbers(out)
    ]


def _first_only(window: str, first: tuple[int, int, int]) -> list[tuple[int, str]]:
    """A run-on table whose numbers after its first were lost ("Innehållsförteckning
    163 Information från AB Bostäder Motion om …"): its first entry, when the number
    opens the table, titled up to where the next title starts."""
    number, start, end = first
    before = window[:start]
    before = load_vocabulary().without(before, ["column"])
    if re.search(r"[^\W\d_]", before):
        return []
    _, titled = split_diarienummer(run_on_title(window[end:])[0].lstrip())  # "Dnr 2017/0065 …"
    title = _toc_title(_YEAR_FRAGMENT.split(titled, 1)[0])
    return [(number, title)] if title else []


_YEAR_FRAGMENT = re.compile(r"\s+(?:19|20)\d{2}/")
"""A diarienummer's year left between two titles ("Val av justerare 2019/ Information")."""
_RUN_ON_ENTRY = 100
"""A last entry longer than this ran on into the titles whose numbers were lost."""

_PAGE_AT_END = re.compile(r"\s(\d{1,3})$")
_PAGE_INSIDE = re.compile(r"\s(\d{1,3})(?=\s+[a-zåäö])")
"""A page number inside a title its line wrapped ("… kommunens totala 9 budgeterade
resultat uppnås": the page's column stood beside the title's first line)."""


def _without_page_numbers(entries: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Titles of a table whose page numbers ran onto them ("Ekonomisk rapport 5", or
    inside where the title wrapped): most titles hold one, and those numbers never
    go down."""
    pages = [_PAGE_AT_END.search(title) or _PAGE_INSIDE.search(title) for _, title in entries]
    numbers = [int(m[1]) for m in pages if m]
    if len(numbers) < 2 or len(numbers) * 2 <= len(entries) or numbers != sorted(numbers):
        return entries
    return [
        (number, (title[: m.start()] + title[m.end() :]).rstrip(" .") if m else title)
        for (number, title), m in zip(entries, pages, strict=True)
    ]


_DOTTED = re.compile(r"\d\.\s+[A-ZÅÄÖ]")
"""A number with a period before a capital: an entry's number before its title."""


def _number_first(window: str, chain: list[tuple[int, int, int]], prefix: str | None) -> bool:
    """Whether a table of contents writes each number before its title: most of its
    numbers start their lines (after a "§" or the local prefix) rather than end
    them; in a run-on table, nothing but column headers ("Sid.", "Paragraf") and
    the prefix before its first number."""
    if all(_DOTTED.match(window, end - 1) for _, _, end in chain):
        return True  # "165. Godkännande av dagordningen 166. Informationspunkter"
    marks = " §" + (prefix or "")
    starts = sum(1 for _, at, _ in chain if not window[:at].rsplit("\n", 1)[-1].strip(marks))
    ends = sum(1 for _, _, end in chain if not window[end:].split("\n", 1)[0].strip())
    if starts != ends:
        return starts > ends
    before = window[: chain[0][1]]
    before = load_vocabulary().without(before, ["column"])
    if prefix:
        before = before.replace(prefix, "")
    if not re.search(r"[^\W\d_]", before):
        return True
    # a title before the first number is one title long; more is entries whose
    # numbers were lost before a number-first table's first
    between = sorted(len(window[a[2] : b[1]].strip()) for a, b in itertools.pairwise(chain))
    return len(before.strip()) > 1.5 * between[len(between) // 2] if between else False


def _toc_prefix(window: str, chain: list[tuple[int, int, int]]) -> str | None:
    """A local prefix written before every number of a table of contents ("Mbhn 12
    Information Mbhn 13 …"): the word before most of the numbers."""
    words = [
        window[:start].rsplit(None, 1)[-1] if window[:start].strip() else ""
        for _, start, _ in chain
    ]
    common = max(set(words), key=words.count)
    if common and words.count(common) * 2 > len(words) and re.fullmatch(LOCAL_PREFIX, common):
        return common
    return None


def _toc_end(text: str, start: int) -> int:
    """Where the last entry of a number-first table ends: its line's end."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end
