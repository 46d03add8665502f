"""IMP: import quality — where an importer did not read a document well.

An importer notes what it could not read (an attendance heading with nobody read
under it, a protocol without attendance or items, a meeting date taken from
outside the document's header, no body named) on the document record; each note
becomes a finding at its line. A document of which much text reached no record
(``document.unplaced``) is one finding more (IMP008; how much is its option
``unplaced-share``). So ``grmodel import`` and
``grmodel validate DOC`` alone tell a steward whether a document was read well.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from grmodel.model import IMPORT_NOTES, Document, Record, Segment
from grmodel.rules.base import Issue, Rule, RuleContext, RuleOption, Severity

__all__ = ["RULES", "UNPLACED_OPTION", "UNPLACED_SHARE"]


def _noted(reason: str) -> Callable[[Record, RuleContext], Iterator[Issue]]:
    def check(document: Record, _ctx: RuleContext) -> Iterator[Issue]:
        assert isinstance(document, Document)
        for index, note in enumerate(document.notes):
            if note.reason == reason:
                yield Issue(
                    message=f"{document.id}: {IMPORT_NOTES[reason]}: {note.text[:80]!r}",
                    path=("notes", index),
                    node=note,
                )

    return check


_EXAMPLE_NOTES: dict[str, tuple[str, str, str]] = {
    "unread-key": ("popolo-export", "other", "'persons[0].email'"),
}
"""The document and note text of a rule's example, where not a protocol's heading."""


def _example(reason: str) -> str:
    document, kind, text = _EXAMPLE_NOTES.get(reason, ("protokoll-1", "protokoll", "Närvarande"))
    return (
        f"type: document\nid: {document}\nkind: {kind}\nnotes:\n"
        f"  - {{span: {{line: 4}}, text: {text}, reason: {reason}}}\n"
    )


_RULES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "IMP001",
        "empty-attendance-heading",
        "An attendance heading with no entry read under it.",
        "A heading the importer knows stood over text it could not read as entries: "
        "the attendance is incomplete, and quorum and justering findings rest on it.",
        "Check the entries under the heading in the source; add the attendance by hand, "
        "or report the layout so the importer learns it.",
    ),
    (
        "IMP002",
        "no-attendance",
        "A protocol from which no attendance was read.",
        "Every protocol states who took part; none read means the importer did not "
        "recognise the attendance (or it is in an attachment, a separate närvarolista).",
        "Check the source for its attendance list; add it by hand if it is elsewhere.",
    ),
    (
        "IMP003",
        "no-items",
        "A protocol from which no item (§) was read.",
        "A protocol records its decisions under numbered paragraphs; none read means "
        "the importer did not recognise their numbering.",
        "Check how the paragraphs are numbered in the source.",
    ),
    (
        "IMP004",
        "date-outside-header",
        "The meeting date was not taken from the document's own header.",
        "The date came from the web site's title of the document or only a year was "
        "found; it may be the upload date or wrong.",
        "Check the meeting date against the source.",
    ),
    (
        "IMP005",
        "body-not-named",
        "No body is named in the document's header.",
        "The meeting is filed under an unknown body; its memberships and quorum cannot "
        "be checked against a body.",
        "Give the body in the record set (the meeting's body field).",
    ),
    (
        "IMP006",
        "attendance-conflict",
        "A person the importer read both as taking part and as absent.",
        "Where a flattened cover puts headings side by side ('Justerande Ej närvarande "
        "Anna Ek …'), a name can come out under two statuses; the importer keeps the "
        "first and notes the second, rather than report a contradiction the document "
        "may not hold.",
        "Check the person's attendance in the source and correct it by hand.",
    ),
    (
        "IMP007",
        "justerare-unread",
        "More names under a justerare heading than a protocol has justerare.",
        "Where a flattened cover puts its headings in one row and their values after it "
        "('Övriga deltagare Utses att justera Anna Ek (M) Bo Lind (S), …'), the names after "
        "the justerare heading belong to the headings before it; the importer takes none "
        "as justerare rather than report every one as absent from the meeting.",
        "Give the meeting's justerare by hand from the source.",
    ),
    (
        "IMP009",
        "unread-key",
        "A key of a JSON source (Popolo, OParl) that the importer did not read.",
        "The Popolo and OParl importers read back what grmodel's exporters write; a key "
        "they do not know (an e-mail address, links, a biography added by another tool), "
        "or a derived property whose value the export of the records read does not "
        "repeat (an edited meeting name), reaches no record. It is kept on the document "
        "record as unplaced text (its JSON path and value, at its lines), so the import's "
        "coverage is below 100 %, and this finding names it: never a key dropped without "
        "a word.",
        "Move what the key holds into the records by hand (a note, a field), or drop it "
        "from the source if it is not wanted; keys the importer should read are a "
        "request to the importer's authors.",
    ),
)

UNPLACED_SHARE = 0.5
"""IMP008 reports a document when more than this share of its lines (those not
dropped as page furniture) is unplaced text: its coverage below 50 %, unless the
configuration sets the option ``unplaced-share`` (:data:`UNPLACED_OPTION`). (On the 177
corpus documents the importers read, 9 are reported at 50 %, 49 at 30 %, 104 at
20 %: a line is placed only when each of its significant words reached a record,
and the usual remainder — a posting certificate, a place, a signer's title — is
unplaced text too.)"""
_FIRST = 5
"""How many of the first unplaced lines IMP008 names."""
_WORD = re.compile(r"[^\W_]+")


def _lines(segments: tuple[Segment, ...]) -> int:
    return sum(segment.span.last - segment.span.line + 1 for segment in segments)


def _share(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1


UNPLACED_OPTION = "unplaced-share"
"""The name of IMP008's option: the share of a document's lines that may be
unplaced text without a finding (:data:`UNPLACED_SHARE` by default)."""


def _unplaced_text(document: Record, ctx: RuleContext) -> Iterator[Issue]:
    assert isinstance(document, Document)
    if not document.unplaced or not document.line_count:
        return
    read = document.line_count - _lines(document.dropped)
    lines = _lines(document.unplaced)
    if read <= 0 or lines <= ctx.option("IMP008", UNPLACED_OPTION) * read:
        return
    words = sum(len(_WORD.findall(segment.text)) for segment in document.unplaced)
    first = ", ".join(str(segment.span.line) for segment in document.unplaced[:_FIRST])
    more = ", …" if len(document.unplaced) > _FIRST else ""
    yield Issue(
        message=(
            f"{document.id}: {lines} of {read} lines ({lines / read:.0%}) not placed in a "
            f"record, {words} word(s) of unplaced text; from line(s) {first}{more}"
        ),
        path=("unplaced", 0),
        node=document.unplaced[0],
    )


_UNPLACED_EXAMPLE = (
    "type: document\nid: protokoll-1\nkind: protokoll\nline_count: 10\nunplaced:\n"
    '  - {span: {line: 2, end_line: 4}, text: "Presentation laddar.\\nVänta.\\nx"}\n'
    "  - {span: {line: 6, end_line: 8}, text: Sidan kunde inte visas}\n"
)

RULES: list[Rule] = [
    Rule(
        code=code,
        name=name,
        severity=Severity.WARNING,
        summary=summary,
        rationale=rationale,
        hint=hint,
        applies_to=("document",),
        check=_noted(name),
        example=_example(name),
    )
    for code, name, summary, rationale, hint in _RULES
]
RULES.append(
    Rule(
        code="IMP008",
        name="unplaced-text",
        severity=Severity.WARNING,
        summary="Much of a document's text reached no record.",
        rationale=(
            "An importer keeps every line it could not place in a record as unplaced text "
            "on the document record, and of a line partly read the words that reached no "
            f"record. Where more than {UNPLACED_SHARE:.0%} of the lines (those not dropped "
            "as page furniture) are unplaced, the importer met a layout it does not know, "
            "and the records made may lack attendance, items or decisions; less unplaced "
            "text is the usual remainder (a posting certificate, a place, a signer's "
            "title), kept on the document record all the same. The share is the rule's "
            f"option {UNPLACED_OPTION} ([tool.grmodel.rule-options.IMP008] in the "
            "configuration, honoured by grmodel validate and grmodel import)."
        ),
        hint=(
            "Read the unplaced text (document.unplaced, with its lines) against the source; "
            "encode what it holds by hand, or report the layout to the importer's authors."
        ),
        applies_to=("document",),
        check=_unplaced_text,
        example=_UNPLACED_EXAMPLE,
        options={
            UNPLACED_OPTION: RuleOption(
                default=UNPLACED_SHARE,
                fits=_share,
                shape="a number from 0 to 1",
                help="the share of a document's lines (those not dropped) that may be "
                "unplaced text without a finding; 0 reports any unplaced text",
            )
        },
    )
)
