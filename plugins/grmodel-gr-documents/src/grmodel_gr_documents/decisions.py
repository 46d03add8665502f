"""Decision language: leads, ``att``-clauses, kinds, reservations, votes, justerare.

"Styrgruppen beslutar att föreslå förbundsstyrelsen" (a proposal with its target
body), "att …" clauses or verb-first clauses ("Uppdra åt …"), "Informationen
antecknas" (noted), "ger i uppdrag till avdelningschefen att …" (an assignment),
"X (D), Göteborg, reserverar sig mot beslutet på grund av …", "Omröstning … 8
ja-röster", and the phrasings that name justerare.
"""

from __future__ import annotations

import re

import attrs

from grmodel.ids import person_id
from grmodel.model import DecisionKind, Vote, VoteCast
from grmodel_gr_documents.bodies import BodyNames
from grmodel_gr_documents.patterns import fold, quick_match

__all__ = [
    "CLAUSE",
    "IMMEDIATE",
    "STRONG_DECISION",
    "Classified",
    "ReservationText",
    "classify",
    "clause_text",
    "inline_clause",
    "is_lead_only",
    "justerare_names",
    "parse_vote",
    "reservations",
    "roll_call",
    "sentences",
    "strip_separator",
]

_VERBS = (
    r"(?:beslutar|beslöt|beslutade|beslutas|beslutades|godkänner|godkände|godkänns|godkändes|"
    r"antecknas|antecknades|noteras|noterades|läggs\s+till\s+handlingarna|lades\s+till\s+handlingarna|"
    r"fastställer|fastställs|fastställdes|antar|antogs|föreslår|föreslog|tillstyrker|avstyrker|"
    r"ger\s+(?:[\wåäö-]+\s+){0,4}?i\s+uppdrag|uppdrar|uppdrogs|återremitterar|återremitteras|"
    r"bordlägger|bordläggs|utses|utsågs|valdes|väljer|bifaller|avslår|avslogs|tackar\s+för\s+informationen)"
)
STRONG_DECISION = re.compile(rf"(?i)^(?:[\wåäöÅÄÖ:()-]+\s+){{0,6}}?{_VERBS}\b")
"""A sentence that states a decision ("Styrgruppen beslutar …", "Informationen antecknas")."""

CLAUSE = re.compile(
    r"(?i)^(?:att\s+(?P<att>.+)|[-–•*]\s*(?:att\s+)?(?P<bullet>.+)|"
    r"(?P<verb>(?:uppdra|ge|godkänna|godkänn|anta|fastställa|fastställ|avsätta|bevilja|överlämna|"
    r"tillstyrka|föreslå|förklara|lägga|notera|uppmana|rekommendera|ställa|utse|delegera|"
    r"återremittera|avslå|bifalla|hemställa|anmoda|besluta|teckna|inrätta|avveckla)\s.+))$"
)
"""An ``att``-clause, a bulleted clause, or a verb-first clause ("Uppdra åt …")."""

IMMEDIATE = re.compile(r"(?i)omedelbar(?:t)?\s+juster")
"""Omedelbar justering of the paragraph."""

_LEAD_ONLY = re.compile(
    r"(?i)(?:\b(?:beslutar|beslöt|beslutade)(?:\s+efter\s+överläggning)?(?:\s+att)?"
    r"(?:\s+föreslå\s+[\wåäö ]+?(?:\s+besluta)?(?:\s+att)?)?|\bföreslår\s+[\wåäö ]+?"
    r"(?:\s+besluta)?(?:\s+att)?|\bföreslås\s+besluta(?:\s+att)?)\s*[:,]?\s*$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"”])")


def sentences(text: str) -> list[str]:
    """Split at sentence ends (a full stop followed by a capital letter)."""
    last, split = _LAST_SPLIT[0]
    if text is not last and text != last:
        split = [s for s in _SENTENCE_END.split(text.strip()) if s]
        _LAST_SPLIT[0] = (text, split)
    return list(split)


_LAST_SPLIT: list[tuple[str, list[str]]] = [("", [])]
"""The last text split (a paragraph's text is split by each reader of it in turn)."""


def is_lead_only(text: str) -> bool:
    """True for a lead waiting for its clauses ("Styrgruppen beslutar att föreslå
    förbundsstyrelsen", "… föreslår förbundsstyrelsen besluta att:")."""
    return bool(_LEAD_ONLY.search(text)) and len(text) < 250


_LIST_SEPARATOR = re.compile(r"(?i)(?:\s*[,;]\s*(?:och|samt|eller)?|\s+(?:och|samt))\s*$")


def strip_separator(clause: str) -> str:
    """A clause without the list separator that joins it to the next
    ("…förslaget," / "…, och" / "… samt"); otherwise verbatim."""
    return _LIST_SEPARATOR.sub("", clause.strip()).strip()


def clause_text(text: str) -> str | None:
    """The clause of a clause line, without a leading ``att`` or bullet and without
    a trailing list separator; else ``None``. A reservation or vote sentence after
    the clause is not part of it."""
    m = CLAUSE.match(text.strip())
    if m is None:
        return None
    clause = (m["att"] or m["bullet"] or m["verb"] or "").strip()
    kept: list[str] = []
    for index, sentence in enumerate(sentences(clause)):
        if index and (_RESERVE.match(sentence) or _VOTE.search(sentence)):
            break
        kept.append(sentence)
    return strip_separator(" ".join(kept)) if kept else strip_separator(clause)


def inline_clause(text: str) -> str | None:
    """The clause after the decision verb's ``att`` in one sentence ("Styrgruppen
    beslutar att ge avdelningschefen i uppdrag att …" → "ge avdelningschefen …")."""
    first = sentences(text)[0] if sentences(text) else text
    if justerare_names(first):
        return None
    m = re.search(rf"(?i){_VERBS}", first)
    if m is None:
        return None
    rest = first[m.end() :]
    at = re.search(r"(?i)(?:^|\s)att\s+", rest)
    if at is None or len(rest[: at.start()].split()) > 6:
        return None
    clause = strip_separator(rest[at.end() :])
    return clause or None


@attrs.frozen
class Classified:
    """What a decision's lead says."""

    kind: DecisionKind
    """The decision's kind."""
    target_body: str | None = None
    """For a proposal: the body it goes to."""
    assignee: str | None = None
    """For an assignment: who is assigned, as written."""


_ASSIGN = (
    re.compile(r"(?i)\bger\s+i\s+uppdrag\s+(?:till|åt)\s+(?P<a>.+?)\s+att\b"),
    re.compile(r"(?i)\buppdrar\s+(?:till|åt)\s+(?P<a>.+?)\s+att\b"),
    re.compile(r"(?i)\b(?:ger|ge)\s+(?P<a>(?:[\wåäö-]+\s+){0,4}?)i\s+uppdrag\b"),
    re.compile(r"(?i)^uppdra\s+(?:till|åt)\s+(?P<a>.+?)\s+att\b"),
)
_NOTED = re.compile(
    r"(?i)\b(?:antecknas|antecknades|noteras|noterades|till\s+handlingarna|tas\s+till\s+protokollet|"
    r"tackar\s+för\s+informationen)\b"
)
_PROPOSE = re.compile(r"(?i)\bföresl(?:å|år|og|ås)\b(?P<rest>.*)$")


def classify(text: str, bodies: BodyNames) -> Classified:
    """Kind of the decision a lead states, with target body or assignee."""
    m = _PROPOSE.search(text)
    if m and not re.search(r"(?i)\bföreslås\s+besluta\b", text[: m.end()]):
        mentions = bodies.find(m["rest"][:120])
        target = mentions[0].body if mentions else None
        if target is not None or re.search(r"(?i)\b(?:styrelsen|fullmäktige)\b", m["rest"]):
            return Classified(kind=DecisionKind.PROPOSAL, target_body=target)
    for pattern in _ASSIGN:
        a = pattern.search(text)
        if a and a["a"].strip():
            return Classified(kind=DecisionKind.ASSIGNMENT, assignee=a["a"].strip(" ,"))
    if _NOTED.search(text):
        return Classified(kind=DecisionKind.NOTED)
    return Classified(kind=DecisionKind.DECIDED)


@attrs.frozen
class ReservationText:
    """A reservation as written: who (as written) and the reason."""

    who: str
    """The persons, as written ("Mariette Risberg (D), Göteborg")."""
    reason: str | None
    """The stated reason."""
    sentence: str
    """The whole sentence."""


_RESERVE = re.compile(
    r"(?i)^(?:reservation\s*:?\s*)?(?P<who>.+?)\s+reserver(?:ar|ade)\s+sig\b(?P<rest>.*)$"
)
_REASON = re.compile(
    r"(?i)^\s*(?:mot\s+(?:beslutet|besluten|detta|förslaget)\s*)?,?\s*"
    r"(?:(?:på\s+grund\s+av|med\s+motiveringen(?:\s+att)?|med\s+hänvisning\s+till|eftersom|"
    r"då|till\s+förmån\s+för|till\s+förmån\s+för\s+eget\s+yrkande|i\s+förmån\s+för)\s+(?P<reason>.+?))?\s*\.?\s*$"
)


def reservations(text: str) -> list[ReservationText]:
    """Every reservation sentence in ``text``."""
    out = []
    for sentence in sentences(text):
        m = quick_match(_RESERVE, sentence, fold(sentence))
        if m is None:
            continue
        r = _REASON.match(m["rest"])
        reason = r["reason"] if r and r["reason"] else (m["rest"].strip(" .") or None)
        if reason and reason.lower().startswith("mot beslutet"):
            reason = reason[len("mot beslutet") :].strip(" ,.") or None
        out.append(ReservationText(who=m["who"].strip(" ,"), reason=reason, sentence=sentence))
    return out


_VOTE = re.compile(r"(?i)\b(?:omröstning|votering|ja-röst|nej-röst|röstar\s+ja|röstade)\b")


def parse_vote(text: str) -> Vote | None:
    """A vote and its counts ("Omröstning: 8 ja-röster, 5 nej-röster, 2 avstod")."""
    if not _VOTE.search(text):
        return None

    def count(pattern: str) -> int | None:
        m = re.search(pattern, text, re.I)
        return int(m[1]) if m else None

    yes = count(r"(\d+)\s+ja(?:-?röster|\b)") or count(r"\bja(?:-?röster)?\s*:?\s*(\d+)")
    no = count(r"(\d+)\s+nej(?:-?röster|\b)") or count(r"\bnej(?:-?röster)?\s*:?\s*(\d+)")
    abstain = count(r"(\d+)\s+(?:avstod|avstår|avstående|nedlagda|lade\s+ner)") or count(
        r"\b(?:avstår|avstod|avstående|nedlagda)\s*:?\s*(\d+)"
    )
    casts = roll_call(text)
    if casts:
        counted = {c: sum(1 for _, x in casts if x == c) for c in ("yes", "no", "abstain")}
        yes = yes if yes is not None else counted["yes"]
        no = no if no is not None else counted["no"]
        abstain = abstain if abstain is not None else (counted["abstain"] or None)
    return Vote(
        yes=yes,
        no=no,
        abstain=abstain,
        roll_call=tuple(VoteCast(person=person_id(n), choice=c) for n, c in casts),
        description=text,
    )


_ROLL = re.compile(
    r"(?i)(?:^|[\s;.])(?P<c>ja|nej|avstår|avstod|avstående|avstar)(?:-?röster)?\s*:\s*"
    r"(?P<names>[^:;]+?)(?=\s*(?:;|\.\s|\.$|$|\s(?:ja|nej|avstår|avstod|avstående)(?:-?röster)?\s*:))"
)
_CHOICE = {"ja": "yes", "nej": "no"}


def roll_call(text: str) -> list[tuple[str, str]]:
    """Names and choices of a roll-call vote ("Ja: A, B; Nej: C; Avstår: D")."""
    out: list[tuple[str, str]] = []
    for m in _ROLL.finditer(text):
        choice = _CHOICE.get(m["c"].lower(), "abstain")
        for piece in re.split(r"\s*,\s*|\s+och\s+", m["names"]):
            name = re.sub(r"\s*\([^)]*\)", "", piece).strip(" .")
            words = name.split()
            if 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words):
                out.append((name, choice))
    return out


_JUSTERARE = (
    re.compile(
        r"(?i)^(?:till\s+att\s+|att\s+)?(?:jämte|tillsammans\s+med)\s+ordf(?:öranden|\.)\s*justera\s+"
        r"(?:dagens\s+)?protokoll(?:et)?\s+(?:valdes|utsågs|utses|väljs)\s*:?\s*(?P<n>.+?)\.?$"
    ),
    re.compile(
        r"(?i)^(?:att\s+justera\s+(?:dagens\s+)?protokoll(?:et)?|till\s+justerare|som\s+justerare|"
        r"till\s+justeringsperson(?:er)?)\s+(?:valdes|utsågs|utses|väljs)\s*:?\s*(?P<n>.+?)\.?$"
    ),
    re.compile(
        r"(?i)^(?P<n>.+?)\s+(?P<v>utses|utsågs|valdes|väljs|väljes)\s+(?:till\s+(?:justerare|"
        r"justeringsperson(?:er)?)|att\s+(?:jämte|tillsammans\s+med)\s+ordf(?:öranden|\.)\s*justera|"
        r"att\s+justera|till\s+att\s+(?:jämte\s+ordf(?:öranden|\.)\s*)?justera)\b.*$"
    ),
    re.compile(
        r"(?i)^(?:[\wåäö]+:?\s+){0,2}?(?:väljer|utser|utse|välja|välj)\s+(?P<n>.+?)\s+(?:som|till)\s+"
        r"(?:justerare|justeringsperson(?:er)?)\b.*$"
    ),
    re.compile(r"(?i)^(?:justerare|justeringsperson(?:er)?|att\s+justera)\s*:\s*(?P<n>.+?)\.?$"),
)


def justerare_names(sentence: str) -> str | None:
    """The names part of a sentence that chooses justerare, else ``None``."""
    sentence = sentence.strip()
    folded = fold(sentence)
    for pattern in _JUSTERARE:
        m = quick_match(pattern, sentence, folded)
        if m and m["n"].strip():
            if "v" in m.groupdict() and m["v"][:1].isupper():
                continue  # "… Utses att justera: …": a heading, not the sentence's verb
            return m["n"].strip(" .,")
    return None
