"""Item titles: where a title ends in the text after its number, and the
diarienummer or cross-references written before it.

A title is the rest of its number's line (with the next where it goes on); in a
run-on paragraph it ends where the item's text starts: a body section's heading
("Beslut", "Sammanfattning"), a sentence, a subject with its verb ("Justerare | Eva
Borg utses …"), a capitalised word after a content word. Wherever it stands, a
dotted leader to a page number, a diarienummer after it or a web page's "<br>"
ends it.
"""

from __future__ import annotations

import re

from grmodel_gr_documents.bodies import BODY_NOUN, BODY_WORD
from grmodel_gr_documents.names import given_names
from grmodel_gr_documents.vocabulary import LOCAL_PREFIX, finite_verb, load_vocabulary

__all__ = [
    "inner_diarienummer",
    "item_heading",
    "run_on_title",
    "split_diarienummer",
    "trailing_diarienummer",
]

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
    "respektive",
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
    decision = _DECISION_HEADING.search(title)
    before = title[: decision.start()].split() if decision else []
    if decision and before and before[-1].casefold() not in _FUNCTION_WORDS:
        return title[
            : decision.start()
        ].rstrip(), decision.start()  # not "Motion om Nämndens beslut"
    sentence = _closing_sentence(title)
    if sentence is not None:
        return title[:sentence].rstrip(), sentence
    end = _TITLE_END.search(title)
    if end and title[: end.start()].strip():
        return title[: end.start()], end.start() if end.group("leader") is None else at
    restated = _restated(title)
    if restated is not None:
        return title[:restated].rstrip(), restated
    return title, at


_DECISION_HEADING = re.compile(
    rf"(?<!\S)(?=[A-ZÅÄÖ])[\wÅÄÖåäö-]*?(?i:{BODY_NOUN})s\s+(?:beslut|förslag\s+till\s+beslut)\b"
)
"""A body's decision heading run on after the title ("Godkännande av dagordning
Kommunfullmäktiges beslut Dagordningen godkännes", "… Nämndens förslag till beslut")."""
_SENTENCE_WORDS = 8
"""The most words of a plain sentence run on after a title on its line ("Allmänhetens
frågestund Inga frågor ställs.")."""


def _closing_sentence(title: str) -> int | None:
    """Where a short plain sentence starts, run on after the title on its line
    ("Allmänhetens frågestund | Inga frågor ställs.", "… dagordning | Ärende §5
    föredras efter §10. I övrigt …"): the line ends in a period and the words say
    where the title ends; ``None`` for a title of its own."""
    if not re.search(r"[a-zåäö]\.$", title) or "\n" in title:
        return None
    head, at = _title_by_words(title)
    one = re.match(r"\S+\s+(?=[A-ZÅÄÖ])", title)
    if at >= len(title) and one:  # a one-word title ("Övrigt | Inga övriga frågor.")
        head, at = title[: one.end()].rstrip(), one.end()
    rest = title[at:]
    if not head.strip() or not rest[:1].isupper() or not re.search(r"\s[a-zåäö]", rest):
        return None  # "Delårsrapport Augusti 2016." is a title: no sentence in lower case
    first = re.split(r"(?<=[a-zåäö0-9][.!?])\s+(?=[A-ZÅÄÖ])", rest, maxsplit=1)[0]
    return at if len(first.split()) <= _SENTENCE_WORDS else None


_STEM_LEAST = 5
"""The fewest letters of a title's word that a decision restating it begins with."""


def _restated(title: str) -> int | None:
    """Where the decision starts that restates the title's noun after it, its words
    run on into the title ("Fastställande av dagordning Dagordningen fastställs",
    "… av dagordning att fastställa dagordningen"): a capitalised form of a title
    word before a finite verb, or "att" + a verb before one."""
    words = list(re.finditer(r"\S+", title))
    for index in range(2, len(words) - 1):
        word, following = words[index][0], words[index + 1][0]
        if word == "att" and index + 2 < len(words):
            restates, at = words[index + 2][0], words[index].start()
        elif word[:1].isupper() and finite_verb(following):
            restates, at = word, words[index].start()
        else:
            continue
        stems = {w[0].casefold() for w in words[:index] if len(w[0]) >= _STEM_LEAST}
        if any(restates.casefold().startswith(stem) for stem in stems):
            return at
    return None


_DNR_LABEL = r"(?:dnr|diarienr|diarienummer)"
"""A diarienummer's label, in any case (the patterns below say where it stands)."""
_TITLE_END = re.compile(
    r"(?P<leader>\s*(?:\.{3,}|…+)\s*\d{0,3}\s*$)"
    rf"|\.?\s+(?={_DNR_LABEL}\b(?:\.?:?\s*\S*\d|\.?:))"
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
    return run_on_title(text)


def run_on_title(text: str) -> tuple[str, int]:
    """A run-on item's title: up to a body section's heading ("Beslut",
    "Ärendebeskrivning") or where the words say its text starts."""
    lead = len(text) - len(text.lstrip())
    filed = DNR_PREFIX.match(text[lead:])
    if filed and lead + filed.end() < len(text):
        # the diarienummer first ("Dnr 2017/00065 Godkännande av dagordning Dnr …"): the
        # title is read after it, the number kept for the caller to split off
        after = lead + filed.end()
        title, at = run_on_title(text[after:])
        return text[:after] + title, after + at
    title, at = _title_by_words(text)
    for hit in load_vocabulary().find(text, ["section"], 0, min(at, _TITLE_MAX + 40)):
        if text[: hit.start].strip():
            # a lettered point before the section is the body's ("… Folkhälsa A. Sammanfattning")
            head = _LETTERED.sub("", text[: hit.start].rstrip())
            return head, hit.start
    return title, at


_LOWER = re.compile(r"[a-zåäöé]")
_CAPITAL_WORD = re.compile(r"\b[A-ZÅÄÖ]{4,}\b")


def _in_capitals(title: str) -> bool:
    """Whether a title so far is written in capitals: no lower-case letter, and a word
    of capitals (not only abbreviations: "6 PM 2004 RII")."""
    return not _LOWER.search(title) and _CAPITAL_WORD.search(title) is not None


_GENITIVE = re.compile(r"[a-zåäö]{3,}(?:ens|ets|ns|s)")
"""A lower-case word in the genitive ("kommuns", "regionens"): its head comes next."""
_LETTERED = re.compile(r"\s+[A-ZÅÄÖa-zåäö][.)]$")


def _title_goes_on(text: str, words: list[re.Match[str]], index: int) -> bool:
    """Whether the capitalised word at ``index`` goes on the title: a title in capitals
    ("… LAG (2009:730) OM HANDEL …"), or the head after a genitive ("Östersunds
    kommuns Kulturstrategi"), unless a person's name starts there."""
    word, previous = words[index][0], words[index - 1][0]
    if word.isupper() and _in_capitals(text[: words[index].start()]):
        return True
    return (
        _GENITIVE.fullmatch(previous) is not None
        and not finite_verb(previous)
        and not _person(words, index)
    )


def _subject_starts(words: list[re.Match[str]], index: int) -> bool:
    """Whether the capitalised word at ``index`` starts the subject of a finite verb:
    the verb follows it, after at most two more capitalised words or numbers
    ("Ordföranden förklarade", "Eva Borg utses", "Projekt Dialoga Relationsvåldcentrum
    löper", "Våren 2016 beviljades")."""
    for at, following in enumerate(words[index + 1 : index + 4]):
        if finite_verb(following[0]):
            return True
        if at == 0 and re.fullmatch(r"[§$]?\d{1,4}", following[0]):
            continue  # a number after it ("Våren 2016 beviljades", "Ärende §5 föredras")
        if not following[0][:1].isupper() and not BODY_WORD.search(following[0]):
            return False  # a body's name goes on in lower case ("Tekniska nämnden har …")
    return False


def _person(words: list[re.Match[str]], index: int) -> bool:
    """Whether a given name and a capitalised family name start at ``index`` ("…
    programmet Ulrika Frick (MP), och …"): a person, so the item's text."""
    return (
        index + 1 < len(words)
        and words[index][0].casefold() in given_names()
        and words[index + 1][0][:1].isupper()
    )


_PERSON_REACH = 8
"""The most words between a person's name and the verb of the sentence it starts."""


def _person_acts(words: list[re.Match[str]], index: int) -> bool:
    """Whether a person's name at ``index`` is the subject of a finite verb within its
    sentence ("… Högskolan | Pelle Pellby från Högskolan i Byn informerar."): the
    item's text."""
    if not _person(words, index):
        return False
    for following in words[index + 2 : index + 2 + _PERSON_REACH]:
        if finite_verb(following[0]):
            return True
        if re.search(r"[.!?]$", following[0]):
            return False
    return False


def _title_by_words(text: str) -> tuple[str, int]:
    words = list(re.finditer(r"\S+", text[: _TITLE_MAX + 40]))
    colon: int | None = None  # the index of the word after the title's colon
    for index in range(1, len(words)):
        word, previous = words[index][0], words[index - 1][0]
        if colon is None and previous.endswith(":"):
            colon = index
        if (
            re.search(r"[.!?]$", previous)
            and not re.fullmatch(r"\w\.", previous)
            and not word[:1].isdigit()  # "… enligt 6 kap. 6 §"
        ):
            return text[: words[index - 1].end()], words[index].start()
        if finite_verb(word) and index + 1 < len(words) and words[index + 1][0] == "att":
            # the decision, its subject lost ("Val av justerare | beslutar att utse …")
            return text[: words[index - 1].end()], words[index].start()
        if re.fullmatch(r"\d{1,2}[.)]|[a-h]\)", word):
            # a numbered or lettered point under the item ("… ARBETSFORMER a) Minnesanteckningar")
            return text[: words[index - 1].end()], words[index].start()
        if not word[:1].isupper() or word[:1] in '"”„(' or previous.endswith(":"):
            continue  # after a colon the title goes on ("Remiss: Ingen får vara …")
        if re.fullmatch(r"[A-ZÅÄÖ]{3,}\d{1,3}", word):
            # a page's heading, its page number glued on ("… FRÅGOR MINNESANTECKNINGAR1")
            return text[: words[index - 1].end()], words[index].start()
        if _title_goes_on(text, words, index):
            continue
        if _subject_starts(words, index) or _person_acts(words, index):
            # the item's text starts with its subject ("Inledning | Ordföranden förklarade",
            # "Justerare | Eva Borg utses …")
            return text[: words[index - 1].end()], words[index].start()
        if text.count("(", 0, words[index].start()) > text.count(")", 0, words[index].start()):
            continue  # inside brackets ("… Västra Götaland (muntlig information) (Nils-Gunnar …)")
        if colon is not None and colon < index and not _person(words, index):
            continue  # a named document after "Remiss:" ("… Ingen får vara Svarte Petter SOU …")
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


DNR_PREFIX = re.compile(
    rf"(?i)^{_DNR_LABEL}\.?:?\s*(?P<dnr>(?:[A-ZÅÄÖ]{{1,6}}\s*)?[\d.:/-]+)"
    r"(?:\s+(?:kod\s+)?\d{3}(?:[.:]\d{1,3})*(?=\s+[A-ZÅÄÖ]))?\s*"
)
"""A diarienummer before a title ("Dnr 36/2009", "Dnr H 00:189"), with the archive's
class code after it ("Dnr 36/2009 049 Uppföljning …", "Dnr 191/2013 Kod 623 …")."""


_FILED_BEFORE = re.compile(r"(?P<dnr>\d{2}/[A-ZÅÄÖ]{1,6}\s*\d{1,5})\s+(?=[A-ZÅÄÖ])")
"""A diarienummer without its label before a title ("TN 2 09/TN 0044 Mål och …")."""
_BARE_DNR = re.compile(rf"(?i:{_DNR_LABEL})\.?:?\s+(?=[A-ZÅÄÖ])")

_CROSS_REFERENCE = re.compile(rf"(?P<prefix>{LOCAL_PREFIX})\s+(?P<n>\d{{1,4}})\s+")


def split_diarienummer(title: str) -> tuple[str | None, str]:
    """(diarienummer, title) of a heading that starts with its diarienummer, after
    the numbers the item had in other bodies ("Au 84 Sn 34 Dnr 2019/12 …": the
    working committee's paragraphs, dropped from the title)."""
    vocabulary = load_vocabulary()
    while (ref := _CROSS_REFERENCE.match(title)) and vocabulary.lookup("prefix", ref["prefix"]):
        title = title[ref.end() :]
    m = DNR_PREFIX.match(title) or _FILED_BEFORE.match(title)
    if m is None or not title[m.end() :].strip():
        bare = _BARE_DNR.match(title)  # the label kept, its value lost ("Dnr ANMÄLAN …")
        return None, title[bare.end() :] if bare else title
    return m["dnr"].strip(), title[m.end() :]


_MONTH_SERIAL = r"[A-ZÅÄÖ]{2,4}\s?\d{4}-\d{4}"
"""A landsting's diarienummer: its prefix, the year and month, a serial ("LS 0806-0619")."""
_DNR_BEFORE = rf"(?:\s+|(?<=[a-zåäö)])(?={_MONTH_SERIAL}))(?:(?i:{_DNR_LABEL})\.?:?\s*)?"
"""What stands before a diarienummer after a title: a space (none before a landsting's,
glued on by a web page), its label or not."""
_NOT_REPORT = r"(?!(?:SOU|Ds|Prop|SFS)\b)"
"""Not a government report's or statute's number ("SOU 2009:38")."""
_TRAILING_DNR = re.compile(
    r"(?<!\bSOU)(?<!\bDs)(?<!\bProp)(?<!\bSFS)"
    rf"{_DNR_BEFORE}(?P<dnr>{_NOT_REPORT}(?:[A-ZÅÄÖ]{{1,6}}\s*)?(?:19|20)\d{{2}}[/:]\d{{1,5}}"
    rf"|{_MONTH_SERIAL})\s*$"
)
"""A diarienummer after a title, in a list's "Dnr" column ("Delegationsbeslut MBN 2019/12",
"Budget 2021 Dnr KS 2020/12", "Arbetsordning (förslag 1)LS 0702-0239", glued on by a
web page); never a government report's number ("… Svarte Petter SOU 2009:38")."""


_INNER_DNR = re.compile(
    rf"{_DNR_BEFORE}(?P<dnr>{_NOT_REPORT}[A-ZÅÄÖ]{{1,6}}\s*(?:19|20)\d{{2}}[/:]\d{{1,5}}"
    rf"|{_MONTH_SERIAL})(?=\s|$)"
)
"""A body's diarienummer inside an item's text ("Delårsbokslut 2015 HN 2015/41 familj",
"… (förslag 2)LS 0812-1168 Landstingsstyrelsens förslag"): the list's "Dnr" column,
with the text of a column beside it run on after it."""


def inner_diarienummer(text: str) -> tuple[str | None, str, str]:
    """(diarienummer, title, what follows) of an item's text that holds its list's
    diarienummer before more text; (None, text, "") where it holds none."""
    m = _INNER_DNR.search(text)
    if m is None or not text[: m.start()].strip():
        return None, text, ""
    return m["dnr"], text[: m.start()], text[m.end() :].strip()


def trailing_diarienummer(title: str) -> tuple[str | None, str]:
    """(diarienummer, title) of a title followed by its diarienummer."""
    m = _TRAILING_DNR.search(title)
    if m is None or not title[: m.start()].strip():
        return None, title
    return m["dnr"], title[: m.start()]
