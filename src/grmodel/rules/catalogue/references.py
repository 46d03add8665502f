"""REF: references between records resolve to records of the right type.

One streaming pass: ids seen so far are indexed by type; a reference to an id
not yet seen is kept as a compact candidate (id, expected types, record, path)
and resolved at the end against the whole set and GR's reference bodies.
"""

from __future__ import annotations

from collections.abc import Iterator

from grmodel.model import (
    Body,
    Collaboration,
    Document,
    Meeting,
    Membership,
    Project,
    Record,
    StatedFigure,
)
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity

__all__ = ["RULES", "references"]

_Path = tuple[str | int, ...]
_ANY: tuple[str, ...] = ()


def references(record: Record) -> Iterator[tuple[str, tuple[str, ...], _Path]]:
    """Every id a record names: (id, acceptable type tags (empty: any), field path)."""
    if isinstance(record, Membership):
        yield record.person, ("person",), ("person",)
        yield record.body, ("body",), ("body",)
    elif isinstance(record, Meeting):
        yield record.body, ("body",), ("body",)
        if record.secretary:
            yield record.secretary, ("person",), ("secretary",)
        if record.announced_in:
            yield record.announced_in, ("meeting",), ("announced_in",)
        for i, doc in enumerate(record.documents):
            yield doc, ("document",), ("documents", i)
        for i, entry in enumerate(record.attendance):
            yield entry.person, ("person",), ("attendance", i, "person")
            if entry.replaces:
                yield entry.replaces, ("person",), ("attendance", i, "replaces")
        if record.justering is not None:
            for i, person in enumerate(record.justering.justerare):
                yield person, ("person",), ("justering", "justerare", i)
            for i, person in enumerate(record.justering.signatories):
                yield person, ("person",), ("justering", "signatories", i)
        for i, item in enumerate(record.items):
            for k, person in enumerate(item.presenters):
                yield person, ("person",), ("items", i, "presenters", k)
            for k, doc in enumerate(item.basis):
                yield doc, ("document",), ("items", i, "basis", k)
            for j, decision in enumerate(item.decisions):
                if decision.target_body:
                    yield (
                        decision.target_body,
                        ("body",),
                        ("items", i, "decisions", j, "target_body"),
                    )
                for k, reservation in enumerate(decision.reservations):
                    path = ("items", i, "decisions", j, "reservations", k, "person")
                    yield reservation.person, ("person",), path
    elif isinstance(record, Document):
        if record.meeting:
            yield record.meeting, ("meeting",), ("meeting",)
        if record.part_of:
            yield record.part_of, ("document",), ("part_of",)
    elif isinstance(record, Project):
        if record.parent:
            yield record.parent, ("project",), ("parent",)
        for i, body in enumerate(record.bodies):
            yield body, ("body",), ("bodies", i)
        for i, line in enumerate(record.funding):
            if line.document:
                yield line.document, ("document",), ("funding", i, "document")
    elif isinstance(record, Body):
        if record.parent:
            yield record.parent, ("body",), ("parent",)
        if record.predecessor:
            yield record.predecessor, ("body",), ("predecessor",)
    elif isinstance(record, Collaboration):
        if record.record:
            yield record.record, ("project", "agreement", "body"), ("record",)
        if record.source:
            yield record.source, ("document",), ("source",)
    elif isinstance(record, StatedFigure):
        if record.subject:
            yield record.subject, _ANY, ("subject",)
        if record.source:
            yield record.source, ("document",), ("source",)


def _expected(types: tuple[str, ...]) -> str:
    return " or ".join(types) if types else "record"


class _Resolve:
    def __init__(self, ctx: RuleContext):
        self._reference_bodies = set(ctx.refdata.bodies)
        self._types: dict[str, str] = {}
        self._open: list[tuple[str, tuple[str, ...], RecordRef, _Path]] = []

    def _type_of(self, ref_id: str) -> str | None:
        found = self._types.get(ref_id)
        if found is None and ref_id in self._reference_bodies:
            return "body"
        return found

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        known = self._types
        known.setdefault(record.id, record.TYPE)
        reference_bodies = self._reference_bodies
        for ref_id, types, path in references(record):
            found = known.get(ref_id)  # inlines _type_of, per reference
            if found is None and ref_id in reference_bodies:
                found = "body"
            if found is None:
                self._open.append((ref_id, types, ref, path))
            elif types and found not in types:
                yield Issue(
                    message=f"{path[-1] if isinstance(path[-1], str) else path[-2]} "
                    f"{ref_id!r} names a {found}, not a {_expected(types)}",
                    path=path,
                )

    def finish(self) -> Iterator[Issue]:
        for ref_id, types, ref, path in self._open:
            found = self._type_of(ref_id)
            field = ".".join(str(p) for p in path)
            if found is None:
                yield Issue(
                    message=f"{ref.type} {ref.id}: {field} {ref_id!r} names no "
                    f"{_expected(types)} in the record set",
                    path=path,
                    at=ref,
                )
            elif types and found not in types:
                yield Issue(
                    message=f"{ref.type} {ref.id}: {field} {ref_id!r} names a {found}, "
                    f"not a {_expected(types)}",
                    path=path,
                    at=ref,
                )


RULES: list[Rule] = [
    Rule(
        code="REF001",
        name="unresolved-reference",
        severity=Severity.ERROR,
        summary="A field names a record id that is not in the set (or is of the wrong type).",
        rationale="Records refer to each other by id: a membership to its person and body, a "
        "meeting to its body, attendance, justerare and reservations to persons, an agenda "
        "item to its basis documents, a project to its parent. A dangling id breaks every "
        "check and export that follows the link. GR's reference bodies count as present.",
        hint="Add the missing record, or correct the id (see grmodel.ids for the conventions).",
        make_set_rule=_Resolve,
        example="type: membership\nid: sg-kent-lagrell\nperson: kent-lagrell\n"
        "body: gr-styrgruppen-social-valfard\nrole: ordförande\n",
    ),
]
