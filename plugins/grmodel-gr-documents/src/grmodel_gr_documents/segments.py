"""Segmentation independent of line breaks: the stream as a flat sequence of typed
segments with spans.

Two kinds of marker cut the stream. *Item starts* ("§ 38.", "§24", "3.", "Punkt 4",
"Sn 49", a number whose § a transcript lost) are found by their numbering: a § at
a line's start or after a sentence; a plain number at a line's start, or inside a
line only where it is the next number expected. *Vocabulary hits* (headings,
labels, closing markers: :mod:`~grmodel_gr_documents.vocabulary`) are found
anywhere in the region before the first item and in the closing. Each marker's
segment runs to the next marker; the text before the first is the *title*.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import attrs

from grmodel_gr_documents.entries import given_names
from grmodel_gr_documents.stream import Stream
from grmodel_gr_documents.vocabulary import (
    LOCAL_PREFIX,
    Hit,
    Vocabulary,
    finite_verb,
    load_vocabulary,
)

__all__ = [
    "ItemStart",
    "TextSegment",
    "find_item_starts",
    "item_heading",
    "listed_items",
    "segment",
    "split_diarienummer",
    "toc_entries",
]


@attrs.frozen
class TextSegment:
    """A typed piece of the stream."""

    cue: str
    """``title``, or a vocabulary cue (``attendance``, ``label``, ``justerare``,
    ``closing``, ``signature``, ``toc``)."""
    meaning: str
    """The phrase's meaning (``present``, ``time``, …); ``""`` for the title."""
    head: str
    """The marker as written."""
    value: str
    """The text after the marker, up to the next one."""
    start: int
    """Stream offset of the marker."""
    value_start: int
    """Stream offset of the value."""
    end: int
    """Stream offset after the value."""


def segment(
    stream: Stream,
    vocabulary: Vocabulary,
    cues: Sequence[str],
    start: int = 0,
    end: int | None = None,
) -> list[TextSegment]:
    """The region ``start..end`` of the stream as segments at the vocabulary hits of
    ``cues``; the text before the first hit is a ``title`` segment."""
    stop = len(stream.text) if end is None else end
    hits = vocabulary.find(stream.text, cues, start, stop)
    out: list[TextSegment] = []
    first = hits[0].start if hits else stop
    if stream.text[start:first].strip():
        out.append(TextSegment("title", "", "", stream.text[start:first], start, start, first))
    for index, hit in enumerate(hits):
        following = hits[index + 1].start if index + 1 < len(hits) else stop
        out.append(_from_hit(stream.text, hit, following))
    return out


def _from_hit(text: str, hit: Hit, end: int) -> TextSegment:
    head = text[hit.start : hit.end]
    return TextSegment(
        hit.phrase.cue, hit.phrase.meaning, head, text[hit.end : end], hit.start, hit.end, end
    )


# --- items -------------------------------------------------------------------------

_PARAGRAPH = re.compile(r"(?<!§)§\s*(?P<n>\d{1,4})(?![\d-])\s*[.:)]?\s+(?=[A-ZÅÄÖ\"”„'(]|\d{4})")
"""A § item: "§ 38.", "§24", "§ 3:"."""
_PARAGRAPH_AFTER = re.compile(r"(?m)^(?P<n>\d{1,4})\s*§\s+(?=[A-ZÅÄÖ\"”„'(])")
"""A § written after its number at a line's start ("53 § Sammanträdets öppnande")."""
_LOCAL_SHAPE = (
    r"(?P<prefix>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4})\s+§?\s*(?P<n>\d{1,4})(?P<year>/\d{2,4})?"
    r"[.:]?\s+(?=[A-ZÅÄÖ])"
)
_LOCAL = re.compile(rf"(?m)^{_LOCAL_SHAPE}")
"""A § with a local prefix at a line's start ("Sn 49", "KS § 12", "KS 353/2008")."""
_LOCAL_AFTER_NAME = re.compile(rf"(?<=[a-zåäö] ){_LOCAL_SHAPE}")
"""A § with a local prefix after a page's running header, its body's name last
("… Kommunfullmäktige Kf 88 Anmälda förhinder")."""
_NUMBERED = re.compile(
    r"(?:(?<![\w§.,:/-])(?P<n>\d{1,3})(?P<p>[.)])?|\b[Pp]unkt\s+(?P<q>\d{1,3})[.):]?)\s+"
    r"(?=[A-ZÅÄÖ\"”„(]|[A-ZÅÄÖ]{2,}:)"
)
"""A numbered item: "3.", "3)", "3 " before a capital, "Punkt 3"."""
_SECOND = re.compile(r"(?<![\w§.,:/-])2[.)]\s+[A-ZÅÄÖ]")
"""A "2." after a run-on "1.": the start of a numbered list inside a line."""
_AFTER_SENTENCE = re.compile(r"(?:[.!?:)”\"]|\(bilaga\)|\(bilagor\))\s*$")


@attrs.frozen
class ItemStart:
    """Where an item (a § or numbered agenda point) starts."""

    start: int
    """Stream offset of its number."""
    end: int
    """Stream offset after the number (where the title starts)."""
    number: str
    """The number as written ("§ 38.", "3.")."""
    value: int
    """The number."""
    paragraph: bool
    """True for a § (or its local-prefix form)."""


def _paragraphs(stream: Stream) -> list[ItemStart]:
    out = []
    for m in _PARAGRAPH.finditer(stream.text):
        before = stream.before(m.start())
        if before.strip() and not _AFTER_SENTENCE.search(before):
            continue
        out.append(ItemStart(m.start(), m.end(), m[0].strip(), int(m["n"]), True))
    if not out:
        out = [
            ItemStart(m.start(), m.end(), m[0].strip(), int(m["n"]), True)
            for m in _PARAGRAPH_AFTER.finditer(stream.text)
        ]
    return out


def _local(stream: Stream) -> list[ItemStart]:
    """Items under a local prefix: one the vocabulary knows ("KF", "SN", "Mbhn"), or
    any prefix written before two or more numbers; never a diarienummer's year. Inside
    a line, only a prefix the vocabulary knows, right after a capitalised name (the
    body's: "Kommunstyrelsen KS 235 …")."""
    vocabulary = load_vocabulary()
    inline = [
        m
        for m in _LOCAL_AFTER_NAME.finditer(stream.text)
        if vocabulary.lookup("prefix", m["prefix"]) is not None
        and not m["year"]  # "Protokoll Mn 87/2014": the protocol's own number
        and stream.before(m.start()).split()[-1][:1].isupper()
    ]
    found = sorted([*_LOCAL.finditer(stream.text), *inline], key=lambda m: m.start())
    found = [m for m in found if not (m["year"] and int(m["n"]) >= 1900)]
    prefixes = [m["prefix"] for m in found]
    return [
        ItemStart(m.start(), m.end(), m[0].strip(), int(m["n"]), True)
        for m in found
        if prefixes.count(m["prefix"]) >= 2 or vocabulary.lookup("prefix", m["prefix"]) is not None
    ]


def _titled(stream: Stream, m: re.Match[str], titles: dict[int, str], value: int) -> bool:
    """A number a table of contents lists, followed by its title there (a § the
    transcript lost: "… SAMMANTRÄDESPROTOKOLL 35 Information 1) …")."""
    title = titles.get(value)
    following = stream.text[m.end() : m.end() + len(title or "") + 1]
    return bool(title) and following.casefold().startswith(str(title).casefold()[:40])


_RUN = 3
"""Numbers in a row that make a list even where nothing else marks them."""
_RUN_REACH = 1500
"""How far (characters) the next number of a run may be from the one before."""


def _run_ahead(
    stream: Stream, found: Sequence[re.Match[str]], index: int, length: int = _RUN
) -> bool:
    """Whether the number of ``found[index]`` is followed by the ``length - 1`` next
    numbers, in order, each within reach of the one before and on the line of its
    title, all written alike ("274 Inledning … 275 Kungörelse … 276 Justering": a
    list whose § the transcript lost). Page numbers are no run: numbers that all
    start their lines, or one starting a page's line, or come after one repeated
    word or a document's kind ("PROTOKOLL 2 … PROTOKOLL 3"), or before a page
    count ("2 (15)")."""
    first = found[index]
    run, want = [first], _value(first) + 1
    for m in itertools.islice(found, index + 1, None):
        if m.start() - run[-1].end() > _RUN_REACH or len(run) == length:
            break
        if _value(m) == want:
            run.append(m)
            want += 1
    if len(run) < length or len({m["p"] for m in run}) > 1:
        return False
    text = stream.text
    if any("\n" in m[0] or _PAGE_COUNT.match(text, m.end()) for m in run):
        return False
    words = [(stream.before(m.start()).split() or [""])[-1] for m in run]
    vocabulary = load_vocabulary()
    if any(word[:1].isupper() and vocabulary.lookup("kind", word) for word in words):
        return False  # a page's running header ("PROTOKOLL 2"; not "… dagens protokoll 4")
    if any(
        stream.line_at(m.start()) in stream.page_starts and stream.line_start(m.start())
        for m in run
    ):
        return False  # a page's number, its page prefix cut
    if all(stream.line_start(m.start()) for m in run):
        # one per line: a list of titles, unless the lines are pages of text
        return all(len(stream.line(m.start())) <= _LIST_LINE for m in run)
    return len(set(words)) > 1


_PAGE_COUNT = re.compile(r"\(\d{1,3}\)")
_LIST_LINE = 250
"""The longest line an item of a one-per-line list takes (a page's text is longer)."""


def _value(m: re.Match[str]) -> int:
    return int(m["n"] or m["q"])


def _numbered(stream: Stream, start: int, expected: dict[int, str]) -> list[ItemStart]:
    """Numbered items from ``start``: a number at a line's start that goes on the
    count (or skips ahead), or inside a line the next number expected; anywhere, a
    number that starts a run of the next numbers. Once two items are numbered
    alike ("1 …", "2 …"), a number written otherwise ("3." of a list inside an
    item) is no item, unless a table of contents lists it."""
    known = set(expected)
    hits = load_vocabulary().find(stream.text, ["attendance", "label"], 0, start + 20000)
    front = hits[0].start if hits else len(stream.text)  # where a protocol's front shows
    found = list(_NUMBERED.finditer(stream.text, start))
    out: list[ItemStart] = []
    previous: int | None = None
    in_run = False  # the items so far are a run of bare numbers
    styles: list[str | None] = []
    for index, m in enumerate(found):
        value = _value(m)
        style = "punkt" if m["q"] is not None else m["p"]
        alike = len(styles) >= 2 and styles[-1] == styles[-2]
        if alike and styles[-1] != style and not _titled(stream, m, expected, value):
            continue
        at_line = stream.line_start(m.start())
        before = stream.before(m.start())
        marked = m["p"] is not None or m["q"] is not None
        if _titled(stream, m, expected, value) and (previous is None or value > previous):
            ok = True
        elif previous is None:
            ok = (
                (m["p"] is None and m.start() > front and _page_head(stream, m))
                or (
                    (at_line or _AFTER_SENTENCE.search(before) is not None)
                    and (value in known or value == 1 or (at_line and m["p"] is not None))
                )
                or (
                    value == 1
                    and m["p"] is not None
                    and _SECOND.search(stream.text, m.end(), m.end() + 400) is not None
                )
            )
            in_run = not ok and _run_ahead(stream, found, index)
            ok = ok or in_run
        elif value == previous + 1 and (in_run or _run_ahead(stream, found, index, 2)):
            ok = True
        elif at_line:
            ok = value == previous + 1 or (
                previous < value <= previous + 3
                and (marked or _page_head(stream, m) or _run_ahead(stream, found, index, 2))
            )
        else:
            ok = value == previous + 1 and (
                marked or _AFTER_SENTENCE.search(before) is not None or value in known
            )
        if ok:
            out.append(ItemStart(m.start(), m.end(), m[0].strip(), value, False))
            previous = value
            styles.append(style)
    return out


_HEAD_DNR = re.compile(r"[A-ZÅÄÖ]{2,}[\w.]*[/-]\d{2,4}(?:[:.-]\d{1,5})*")
"""A diarienummer standing before an item's number at a page's head ("KSKF/2014:1")."""


def _page_head(stream: Stream, m: re.Match[str]) -> bool:
    """Whether a bare number starts a page's text (its page number and running header
    cut), or follows only a diarienummer there: a protocol that starts each § on a
    new page, the § lost ("301 Upprop", "KSKF/2014:1 235 Val till …"). (Only after
    the front's first heading or label: a number before it is no item; nor one
    before a kind word or a label, "11 Hultsfreds kommun SAMMANTRÄDESPROTOKOLL": a
    page's header.)"""
    if stream.line_at(m.start()) not in stream.page_starts:
        return False
    head = stream.text[stream.line_begin(m.start()) : m.start()].strip()
    if head and _HEAD_DNR.fullmatch(head) is None:
        return False
    return not load_vocabulary().find(stream.text, _PAGE_HEADER_CUES, m.end(), m.end() + 60)


_PAGE_HEADER_CUES = ("kind", "label", "attendance")


_LISTED_LINE = re.compile(r"(?m)^(?P<n>\d{1,3})[ \t]+(?P<t>[A-ZÅÄÖ][^\n]{1,250})$")


def listed_items(stream: Stream) -> list[tuple[int, str, int]]:
    """A meeting page's list of its items before its § paragraphs ("1 Sammanträdets
    öppnande" … "16 Nämndens frågor", then "§1 Sammanträdets öppnande …"): the list
    is the page's table of contents, (number, title, offset of its last line); three
    numbered lines or more, the numbers going up (a few lost between)."""
    paragraphs = _paragraphs(stream)
    if not paragraphs:
        return []
    entries: list[tuple[int, str, int]] = []
    for m in _LISTED_LINE.finditer(stream.text, 0, paragraphs[0].start):
        number = int(m["n"])
        if entries and not 0 < number - entries[-1][0] <= 3:
            continue
        title = item_heading(m["t"])[0].strip(" .")
        entries.append((number, title, m.start()))
    if len(entries) < 3:
        return []
    last = entries[-1][2]
    return [(number, title, last) for number, title, _ in entries]


def find_item_starts(
    stream: Stream, start: int = 0, expected: dict[int, str] | None = None
) -> list[ItemStart]:
    """The items of a document, in order.

    § items win where there are any (plain numbers are then points inside them);
    else a local prefix repeated ("Sn 49"); else numbered items as counted.
    """
    paragraphs = [i for i in _paragraphs(stream) if i.start >= start]
    if paragraphs:
        return paragraphs
    local = [i for i in _local(stream) if i.start >= start]
    if local:
        return local
    return _numbered(stream, start, expected or {})


_FUNCTION_WORDS = {
    "och",
    "samt",
    "av",
    "till",
    "för",
    "i",
    "om",
    "med",
    "på",
    "över",
    "från",
    "mot",
    "vid",
    "inom",
    "under",
    "efter",
    "enligt",
    "inför",
    "kring",
    "angående",
    "gällande",
    "avseende",
    "den",
    "det",
    "de",
    "en",
    "ett",
    "eller",
    "the",
    "of",
    "and",
    "–",
    "-",
    "&",
}
_CONTINUES = re.compile(
    r"(?:[,:–-]|\b(?:och|samt|av|till|för|i|om|med|på|över|från|mot|vid|inom))\s*$"
)
_TITLE_MAX = 200
_SUB_POINT = re.compile(r"[a-zåäö][.)]\s")
"""A lettered point under an item ("a) Minnesanteckningar …"): no title's continuation."""


def item_heading(text: str, *, run_on: bool = False) -> tuple[str, int]:
    """An item's title from the text after its number, and where its body starts.

    The title is the rest of the number's line (with the next line when the
    title goes on: it ends in a comma or a preposition, or the next line starts in
    lower case). In a run-on paragraph the title ends where a new sentence starts:
    a capitalised word after a content word or a number ("Val av
    justeringsperson | Till att …"), or a sentence end. Wherever it is, a title
    ends before a dotted leader to a page number ("Budget ....... 3"), a
    diarienummer after it ("Budget 2020. Dnr 2019/12") or a web page's "<br>".
    """
    title, at = _heading(text, run_on=run_on)
    end = _TITLE_END.search(title)
    if end and title[: end.start()].strip():
        return title[: end.start()], end.start() if end.group("leader") is None else at
    return title, at


_TITLE_END = re.compile(
    r"(?P<leader>\s*(?:\.{3,}|…+)\s*\d{0,3}\s*$)"
    r"|\.?\s+(?=(?:Dnr|Diarienr|Diarienummer)\b\.?:?\s*\S*\d)"
    r"|\s*<br\s*/?>",
    re.IGNORECASE,
)
"""Where a title ends inside its line: a leader to a page number (the rest is the
table's, not the item's text), a diarienummer, a web page's line break."""


def _heading(text: str, *, run_on: bool) -> tuple[str, int]:
    line_end = text.find("\n")
    line = text if line_end < 0 else text[:line_end]
    if not line.strip() and line_end >= 0:
        rest = text[line_end + 1 :]
        title, at = _heading(rest, run_on=False)
        return title, line_end + 1 + at
    if len(line) <= 160 and not run_on:
        title_end = len(line)
        rest = text[title_end:]
        following = rest.lstrip("\n")
        nxt = following.split("\n", 1)[0]
        if (_CONTINUES.search(line) and nxt and len(nxt) <= 120) or (
            nxt[:1].islower() and len(line) < 90 and not _SUB_POINT.match(nxt)
        ):
            title_end = len(line) + (len(rest) - len(following)) + len(nxt)
        return text[:title_end], title_end
    return _run_on_title(text)


def _run_on_title(text: str) -> tuple[str, int]:
    """A run-on item's title: up to a body section's heading ("Beslut",
    "Ärendebeskrivning") or where the words say its text starts."""
    title, at = _title_by_words(text)
    for hit in load_vocabulary().find(text, ["section"], 0, min(at, _TITLE_MAX + 40)):
        if text[: hit.start].strip():
            # a lettered point before the section is the body's ("… Folkhälsa A. Sammanfattning")
            head = _LETTERED.sub("", text[: hit.start].rstrip())
            return head, hit.start
    return title, at


_LETTERED = re.compile(r"\s+[A-ZÅÄÖa-zåäö][.)]$")


def _subject_starts(words: list[re.Match[str]], index: int) -> bool:
    """Whether the capitalised word at ``index`` is the subject of a finite verb: the
    next word is one, or it is a given name with a family name and then one."""
    following = [m[0] for m in words[index + 1 : index + 3]]
    if following and finite_verb(following[0]):
        return True
    return (
        len(following) == 2
        and words[index][0].casefold() in given_names()
        and following[0][:1].isupper()
        and finite_verb(following[1])
    )


def _title_by_words(text: str) -> tuple[str, int]:
    words = list(re.finditer(r"\S+", text[: _TITLE_MAX + 40]))
    for index in range(1, len(words)):
        word, previous = words[index][0], words[index - 1][0]
        if re.search(r"[.!?]$", previous) and not re.fullmatch(r"\w\.", previous):
            return text[: words[index - 1].end()], words[index].start()
        if re.fullmatch(r"\d{1,2}[.)]", word):
            return text[: words[index - 1].end()], words[index].start()
        if not word[:1].isupper() or word[:1] in '"”„(' or previous.endswith(":"):
            continue  # after a colon the title goes on ("Remiss: Ingen får vara …")
        if _subject_starts(words, index):
            # the item's text starts with its subject ("Inledning | Ordföranden förklarade",
            # "Justerare | Eva Borg utses …")
            return text[: words[index - 1].end()], words[index].start()
        if previous.isalpha() and previous.isupper() and len(previous) >= 4 and not word.isupper():
            # a title in capitals, then the text ("DAGORDNING Dagordningen fastställs")
            return text[: words[index - 1].end()], words[index].start()
        prev = previous.casefold().strip(",")
        if previous.endswith((":", ",", "–", "-")) or prev in _FUNCTION_WORDS:
            continue
        if previous[:1].isupper() and not previous[:1].isdigit():
            continue
        return text[: words[index - 1].end()], words[index].start()
    cut = min(len(text), _TITLE_MAX)
    return text[:cut], cut


_LEADER = re.compile(r"\.{2,}\s*\d{1,3}\b|\[\d{1,3}\]")
"""A dotted leader to a page number ("Information... 3"), a page reference "[1]"."""
_TOC_NUMBER = re.compile(r"(?<![\w/:.-])(?:§\s*)?(\d{1,4})(?:/\d{2})?(?![\w/:-]|\.\d)")
_DNR_PREFIX = re.compile(
    r"(?i)^(?:dnr|diarienr|diarienummer)\.?:?\s*(?P<dnr>(?:[A-ZÅÄÖ]{1,6}\s*)?[\d.:/-]+)"
    r"(?:\s+(?:kod\s+)?\d{3}(?:[.:]\d{1,3})*(?=\s+[A-ZÅÄÖ]))?\s*"
)
"""A diarienummer before a title ("Dnr 36/2009", "Dnr H 00:189"), with the archive's
class code after it ("Dnr 36/2009 049 Uppföljning …", "Dnr 191/2013 Kod 623 …")."""


_CROSS_REFERENCE = re.compile(rf"(?P<prefix>{LOCAL_PREFIX})\s+(?P<n>\d{{1,4}})\s+")


def split_diarienummer(title: str) -> tuple[str | None, str]:
    """(diarienummer, title) of a heading that starts with its diarienummer, after
    the numbers the item had in other bodies ("Au 84 Sn 34 Dnr 2019/12 …": the
    working committee's paragraphs, dropped from the title)."""
    vocabulary = load_vocabulary()
    while (ref := _CROSS_REFERENCE.match(title)) and vocabulary.lookup("prefix", ref["prefix"]):
        title = title[ref.end() :]
    m = _DNR_PREFIX.match(title)
    if m is None or not title[m.end() :].strip():
        return None, title
    return m["dnr"].strip(), title[m.end() :]


_TOC_WINDOW = 3000


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
    text = _DNR_PREFIX.sub("", text.strip(" .,;:\n"))
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    text = re.sub(r"\s+forts\.?$", "", text)  # "forts." where a page breaks the table
    heading = _GROUP_HEADING.search(text)
    if heading and len(heading[0].split()) >= 2:
        text = text[: heading.start()]
    return text.strip(" .,;:")


def toc_entries(text: str) -> list[tuple[int, str]]:
    """A table of contents as (number, title): "Information 35 Delårsrapport 36 …"
    (title before its number), "101 Informationspunkt … 102 Riktlinjer …" or
    "§ 63/20 Fastställande av dagordning" (number first), "26 Dnr KS 2018/14
    Information... 3" (a diarienummer and a page number around the title); the
    longest chain of consecutive numbers."""
    window = _LEADER.sub(" ", text[:_TOC_WINDOW])
    numbers = [(int(m[1]), m.start(), m.end()) for m in _TOC_NUMBER.finditer(window)]
    chain = _chain(numbers)
    if len(chain) == 1:
        return _first_only(window, chain[0])
    if len(chain) < 2:
        return []
    out: list[tuple[int, str]] = []
    runs_on: set[int] = set()  # entries whose text holds a lost number's title too
    prefix = _toc_prefix(window, chain)
    number_first = _number_first(window, chain, prefix)
    for index, (number, start, end) in enumerate(chain):
        if number_first:
            following = chain[index + 1] if index + 1 < len(chain) else None
            stop = min(following[1] if following else len(window), _toc_end(window, end))
            title = _toc_title(window[end:stop])
            if prefix and title.endswith(" " + prefix):
                title = title[: -len(prefix) - 1]
            if following[0] > number + 1 if following else len(title) > _RUN_ON_ENTRY:
                runs_on.add(number)
        else:
            begin = chain[index - 1][2] if index else 0
            title = _toc_title(window[begin:start])
        if title and len(title) <= 250:
            out.append((number, title))
    return [
        (number, _run_on_title(title)[0] if number in runs_on else title)
        for number, title in _without_page_numbers(out)
    ]


def _first_only(window: str, first: tuple[int, int, int]) -> list[tuple[int, str]]:
    """A run-on table whose numbers after its first were lost ("Innehållsförteckning
    163 Information från AB Bostäder Motion om …"): its first entry, when the number
    opens the table, titled up to where the next title starts."""
    number, start, end = first
    before = window[:start]
    for hit in reversed(load_vocabulary().find(before, ["column"])):
        before = before[: hit.start] + before[hit.end :]
    if re.search(r"[^\W\d_]", before):
        return []
    title = _toc_title(_YEAR_FRAGMENT.split(_run_on_title(window[end:])[0], 1)[0])
    return [(number, title)] if title else []


_YEAR_FRAGMENT = re.compile(r"\s+(?:19|20)\d{2}/")
"""A diarienummer's year left between two titles ("Val av justerare 2019/ Information")."""
_RUN_ON_ENTRY = 100
"""A last entry longer than this ran on into the titles whose numbers were lost."""

_PAGE_AT_END = re.compile(r"\s(\d{1,3})$")


def _without_page_numbers(entries: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Titles of a table whose page numbers ran onto them ("Ekonomisk rapport 5"):
    most titles end in a number, and those numbers never go down."""
    pages = [_PAGE_AT_END.search(title) for _, title in entries]
    numbers = [int(m[1]) for m in pages if m]
    if len(numbers) < 2 or len(numbers) * 2 <= len(entries) or numbers != sorted(numbers):
        return entries
    return [
        (number, title[: m.start()].rstrip(" .") if m else title)
        for (number, title), m in zip(entries, pages, strict=True)
    ]


def _number_first(window: str, chain: list[tuple[int, int, int]], prefix: str | None) -> bool:
    """Whether a table of contents writes each number before its title: most of its
    numbers start their lines (after a "§" or the local prefix) rather than end
    them; in a run-on table, nothing but column headers ("Sid.", "Paragraf") and
    the prefix before its first number."""
    marks = " §" + (prefix or "")
    starts = sum(1 for _, at, _ in chain if not window[:at].rsplit("\n", 1)[-1].strip(marks))
    ends = sum(1 for _, _, end in chain if not window[end:].split("\n", 1)[0].strip())
    if starts != ends:
        return starts > ends
    before = window[: chain[0][1]]
    for hit in reversed(load_vocabulary().find(before, ["column"])):
        before = before[: hit.start] + before[hit.end :]
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
