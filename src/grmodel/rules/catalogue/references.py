"""REF: references between records resolve to records of the right type.

Which fields are references, and to what, is declared on the model
(:func:`grmodel.model.refs.ref`; :func:`~grmodel.model.refs.iter_refs` walks them),
so plugin record types are checked the same way. One streaming pass: ids seen so
far are indexed by type; a reference to an id not yet seen is kept as a compact
candidate (id, expected types, record, path) and resolved at the end against the
whole set and the reference bodies.
"""

from __future__ import annotations

from collections.abc import Iterator

from grmodel.model import Record, iter_refs
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity

__all__ = ["RULES"]

_Path = tuple[str | int, ...]


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
        for ref_id, types, path in iter_refs(record):
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
