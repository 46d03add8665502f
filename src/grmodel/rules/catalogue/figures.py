"""FIG: figures a document states agree with the records they describe.

"27 samarbeten med GR:s delaktighet" is a record count; "elva av GR:s tretton
kommuner" a participant count with a stated whole. Records are counted in one
pass: each record of a countable type is reduced to its short scalar and list
fields, and identical reductions share one counter entry.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

import attrs

from grmodel.model import (
    Body,
    Collaboration,
    FigureMeasure,
    Project,
    Record,
    StatedFigure,
)
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity
from grmodel.rules.support import BodyIndex, scalar_text

__all__ = ["RULES"]

_BULK_TYPES = frozenset({"meeting", "person", "membership", "document", "stated_figure"})
"""Types not counted: they run to millions in national sets and figures rarely count them."""
_SKIP_FIELDS = frozenset({"id", "note", "provenance", "description", "statement"})
_MAX_VALUE = 80

_Value = str | frozenset[str]


_scalar = scalar_text


def _project(record: Record) -> str:
    """The record's type and countable fields, as the compact JSON text of
    ``[type, [name, value], …]`` (a list of texts for a list field, sorted): equal
    reductions are equal texts, and a text costs a fraction of the tuples of strings."""
    out: list[object] = [record.TYPE]
    cls = type(record)
    for field in attrs.fields(cls):
        if field.name in _SKIP_FIELDS:
            continue
        value = getattr(record, field.name)
        text = _scalar(value)
        if text is not None:
            if len(text) <= _MAX_VALUE:
                out.append((field.name, text))
        elif isinstance(value, tuple) and value:
            items = [_scalar(v) for v in value]
            if all(item is not None for item in items):
                out.append((field.name, sorted({i for i in items if i})))
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def _unproject(text: str) -> tuple[str, dict[str, _Value]]:
    """The type and the fields of a projection (:func:`_project`)."""
    record_type, *pairs = json.loads(text)
    return record_type, {
        name: frozenset(value) if isinstance(value, list) else value for name, value in pairs
    }


def _matches(projection: dict[str, _Value], filters: dict[str, str], record_type: str) -> bool:
    for key, wanted in filters.items():
        value = projection.get(key)
        if value is None:
            return False
        if isinstance(value, frozenset):
            if wanted not in value:
                return False
        elif value != wanted:
            return False
    return True


class _RecordCounts:
    def __init__(self, _ctx: RuleContext):
        self._counts: Counter[str] = Counter()
        self._figures: list[tuple[str, dict[str, str], int, RecordRef]] = []

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if isinstance(record, StatedFigure):
            if record.measure is FigureMeasure.RECORD_COUNT and record.record_type:
                self._figures.append((record.record_type, dict(record.filters), record.value, ref))
        elif record.TYPE not in _BULK_TYPES:
            self._counts[_project(record)] += 1
        return iter(())

    def finish(self) -> Iterator[Issue]:
        if not self._figures:
            return
        by_type: dict[str, list[tuple[dict[str, _Value], int]]] = {}
        for text, n in self._counts.items():
            type_tag, projection = _unproject(text)
            by_type.setdefault(type_tag, []).append((projection, n))
        for record_type, filters, value, ref in self._figures:
            if record_type in _BULK_TYPES:
                continue
            count = sum(
                n
                for projection, n in by_type.get(record_type, ())
                if _matches(projection, filters, record_type)
            )
            if count != value:
                where = ", ".join(f"{k}={v}" for k, v in filters.items()) or "no filter"
                yield Issue(
                    message=f"the document states {value}, but {count} {record_type} records "
                    f"match ({where})",
                    path=("value",),
                    at=ref,
                )


class _Participants:
    def __init__(self, ctx: RuleContext):
        self._bodies = BodyIndex(ctx.refdata)
        self._subjects: dict[str, tuple[int, str | None]] = {}
        self._figures: list[tuple[str, int, int | None, RecordRef]] = []

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if isinstance(record, Body):
            self._bodies.add(record)
        elif isinstance(record, Project):
            self._subjects[record.id] = (len(record.participants), record.owner)
        elif isinstance(record, Collaboration):
            self._subjects[record.id] = (len(record.participants), None)
        elif (
            isinstance(record, StatedFigure)
            and record.subject
            and record.measure is FigureMeasure.PARTICIPANT_COUNT
        ):
            self._figures.append((record.subject, record.value, record.out_of, ref))
        return iter(())

    def finish(self) -> Iterator[Issue]:
        return iter(())


class _ParticipantCount(_Participants):
    def finish(self) -> Iterator[Issue]:
        for subject, value, _out_of, ref in self._figures:
            found = self._subjects.get(subject)
            if found is not None and found[0] != value:
                yield Issue(
                    message=f"the document states {value} participants of {subject}, but it "
                    f"lists {found[0]}",
                    path=("value",),
                    at=ref,
                )


class _OutOf(_Participants):
    def finish(self) -> Iterator[Issue]:
        for subject, value, out_of, ref in self._figures:
            if out_of is None:
                continue
            if value > out_of:
                yield Issue(
                    message=f"the figure states {value} of {out_of}", path=("value",), at=ref
                )
                continue
            found = self._subjects.get(subject)
            owner = found[1] if found is not None else None
            if owner is None:
                continue
            info = self._bodies.get(owner)
            if info is None or not info.members:
                continue
            if len(info.members) != out_of:
                yield Issue(
                    message=f"the figure states {value} of {out_of}, but {owner}, the owner of "
                    f"{subject}, has {len(info.members)} members",
                    path=("out_of",),
                    at=ref,
                )


_COLLABORATIONS = "".join(
    f"type: collaboration\nid: c{n}\nname: Nätverk {n}\nkind: network\n"
    f"gr_participation: {part}\n---\n"
    for n, part in ((1, "true"), (2, "true"), (3, "false"))
)

RULES: list[Rule] = [
    Rule(
        code="FIG001",
        name="record-count",
        severity=Severity.WARNING,
        summary="A stated count disagrees with the number of matching records.",
        rationale="Documents state totals ('27 samarbeten med GR:s delaktighet'); counting "
        "the records that match the figure's filters shows whether the encoding is complete, "
        "or whether the document's own total is wrong. A filter value matches a field's "
        "text (true/false for yes-no fields) or an element of a list field. Meetings, "
        "persons, memberships and documents are not counted (they are too many in national "
        "sets).",
        hint="Look for records missing from the set or with a wrong field; if the records "
        "are right, note that the document's figure is wrong.",
        applies_to=(),  # counts records of every type but the bulk ones
        make_set_rule=_RecordCounts,
        example=_COLLABORATIONS + "type: stated_figure\nid: f1\nstatement: 3 nätverk med GR\n"
        "measure: record_count\nvalue: 3\nrecord_type: collaboration\n"
        'filters: {gr_participation: "true"}\n',
    ),
    Rule(
        code="FIG002",
        name="participant-count",
        severity=Severity.WARNING,
        summary="A stated number of participants disagrees with the subject's participants.",
        rationale="'Elva av GR:s tretton kommuner har valt att delta' should match the "
        "participants listed on the project or collaboration.",
        hint="Complete the subject's participants, or note the document's error.",
        applies_to=("stated_figure", "project", "collaboration"),
        make_set_rule=_ParticipantCount,
        example="type: project\nid: dialoga\nname: Dialoga\nowner: gr\n"
        "participants: [Göteborg, Mölndal]\n---\n"
        "type: stated_figure\nid: f1\nstatement: elva av GR:s tretton kommuner\n"
        "measure: participant_count\nvalue: 11\nsubject: dialoga\nout_of: 13\n",
    ),
    Rule(
        code="FIG003",
        name="out-of",
        severity=Severity.WARNING,
        summary="A stated whole ('av tretton') disagrees with the figure or the association.",
        rationale="A part cannot exceed its whole, and where the subject's owner is an "
        "association ('GR:s tretton kommuner') the whole should be its number of members.",
        hint="Check value and out_of against the document and the association's members.",
        applies_to=("stated_figure", "project", "body"),
        make_set_rule=_OutOf,
        example="type: project\nid: dialoga\nname: Dialoga\nowner: gr\n---\n"
        "type: stated_figure\nid: f1\nstatement: elva av GR:s tolv kommuner\n"
        "measure: participant_count\nvalue: 11\nsubject: dialoga\nout_of: 12\n",
    ),
]
