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
from typing import Any

import attrs

from grmodel.model import Record, iter_refs
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity
from grmodel.rules.columns import Columns, Interned, Placed, RecordTable, lookups
from grmodel.rules.idindex import IdArray, id_index

__all__ = ["RULES"]

_Path = tuple[str | int, ...]


def _expected(types: tuple[str, ...]) -> str:
    return " or ".join(types) if types else "record"


class _Resolve:
    """The type of the first record of each id (by the id's number in the run's
    :class:`~grmodel.rules.idindex.IdIndex`, one byte each); references to no record
    met before are kept until the end."""

    def __init__(self, ctx: RuleContext):
        self._reference_bodies = set(ctx.refdata.bodies)
        self._ids = id_index(ctx)
        self._type_of_id = IdArray("B", 0)
        """Per id number: 0, or one more than the index of its first record's type."""
        self._tags: list[str] = []
        self._tag_index: dict[str, int] = {}
        self._open: list[tuple[str, tuple[str, ...], RecordRef, _Path]] = []

    def _type_of(self, ref_id: str) -> str | None:
        number = self._ids.find(ref_id)
        tag = self._type_of_id.get(number) if number is not None else 0
        if tag:
            return self._tags[tag - 1]
        return "body" if ref_id in self._reference_bodies else None

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        type_of_id, find = self._type_of_id, self._ids.find
        number = self._ids.number(record.id)
        if not type_of_id.get(number):
            tag = self._tag_index.get(record.TYPE)
            if tag is None:
                self._tags.append(record.TYPE)
                tag = self._tag_index[record.TYPE] = len(self._tags)
            type_of_id.set(number, tag)
        tags, reference_bodies = self._tags, self._reference_bodies
        for ref_id, types, path in iter_refs(record):
            found_number = find(ref_id)  # inlines _type_of, per reference
            tag = type_of_id.get(found_number) if found_number is not None else 0
            found = tags[tag - 1] if tag else ("body" if ref_id in reference_bodies else None)
            if found is None:
                self._open.append((ref_id, types, ref, path))
            elif types and found not in types:
                yield _wrong_type(ref_id, types, path, found)

    def finish(self) -> Iterator[Issue]:
        for ref_id, types, ref, path in self._open:
            issue = _unresolved(ref_id, types, path, self._type_of(ref_id), ref)
            if issue is not None:
                yield issue


def _wrong_type(ref_id: str, types: tuple[str, ...], path: _Path, found: str) -> Issue:
    """A reference to a record met before (or a reference body) of the wrong type."""
    return Issue(
        message=f"{path[-1] if isinstance(path[-1], str) else path[-2]} "
        f"{ref_id!r} names a {found}, not a {_expected(types)}",
        path=path,
    )


def _unresolved(
    ref_id: str, types: tuple[str, ...], path: _Path, found: str | None, ref: RecordRef
) -> Issue | None:
    """A reference to no record met before, told at the end: to none, or to a later
    record of the wrong type."""
    field = ".".join(str(p) for p in path)
    if found is None:
        return Issue(
            message=f"{ref.type} {ref.id}: {field} {ref_id!r} names no "
            f"{_expected(types)} in the record set",
            path=path,
            at=ref,
        )
    if types and found not in types:
        return Issue(
            message=f"{ref.type} {ref.id}: {field} {ref_id!r} names a {found}, "
            f"not a {_expected(types)}",
            path=path,
            at=ref,
        )
    return None


class _ResolveColumns:
    """References as an anti-join: every reference a row (the referring record's seq,
    the id, the acceptable types, the path), looked up at the end in the record
    table's ids; a reference resolves as the plain rule resolves it in the pass (to
    the first record with the id met before it, else a reference body, else at the
    end to the first record with the id)."""

    def __init__(self, ctx: RuleContext):
        self._reference_bodies = sorted(ctx.refdata.bodies)
        self._rows = Columns(seq="int32", target="text", types="int16", path="int32")
        self._types = Interned()
        self._paths = Interned()

    def collect(self, record: Record, seq: int) -> None:
        seqs, targets, kinds, paths = self._rows.lists
        types, intern_path = self._types, self._paths
        known_types, known_paths = types.index, intern_path.index
        for ref_id, accepted, path in iter_refs(record):
            seqs.append(seq)
            targets.append(ref_id)
            found = known_types.get(accepted)
            kinds.append(types(accepted) if found is None else found)
            found = known_paths.get(path)
            paths.append(intern_path(path) if found is None else found)
        self._rows.added()

    def tables(self) -> dict[str, Any]:
        return {"refs": self._rows.table()}

    def finish(self, records: RecordTable, tables: dict[str, Any]) -> Iterator[Placed]:
        import pyarrow as pa
        import pyarrow.compute as pc

        refs = tables["refs"]
        bodies = pa.array(self._reference_bodies, pa.string())
        body_tag = records.types("body")
        tags, mismatches = records.table()["type"], self._mismatches(records)
        # Chunk by chunk, each distinct id looked up once for the whole column.
        looked_up = lookups(refs["target"], records.ids, bodies)
        for batch, (first, reference_body) in zip(refs.to_batches(), looked_up, strict=True):
            seen = pc.fill_null(pc.less_equal(first, batch["seq"]), False)
            body = pc.and_(pc.invert(seen), pc.is_valid(reference_body))
            found = pc.if_else(body, body_tag, pc.take(tags, first))
            accepted = pc.multiply(pc.cast(batch["types"], pa.int32()), 1 << 16)
            wrong = pc.is_in(pc.add(accepted, found), mismatches)
            failing = pc.or_(pc.fill_null(wrong, False), pc.is_null(found))
            rows = pa.Table.from_batches([batch]).append_column("found", found)
            rows = rows.append_column("placed", pc.or_(seen, body))
            for row in rows.filter(failing).to_pylist():
                yield self._explain(row, records)

    def _mismatches(self, records: RecordTable) -> Any:
        """``types * 2**16 + type`` of every (acceptable types, type found) that fails."""
        import pyarrow as pa

        tags = records.types.values
        return pa.array(
            [
                index << 16 | tag
                for index, accepted in enumerate(self._types.values)
                if accepted
                for tag, name in enumerate(tags)
                if name not in accepted
            ],
            pa.int32(),
        )

    def _explain(self, row: dict[str, Any], records: RecordTable) -> Placed:
        types: tuple[str, ...] = self._types.values[row["types"]]
        path: _Path = self._paths.values[row["path"]]
        found = records.types.values[row["found"]] if row["found"] is not None else None
        at = records.ref(row["seq"])
        if row["placed"]:  # reported in the pass, at the record
            assert found is not None
            issue = _wrong_type(row["target"], types, path, found)
            return Placed(row["seq"], attrs.evolve(issue, at=at))
        explained = _unresolved(row["target"], types, path, found, at)
        assert explained is not None
        return Placed(None, explained)


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
        make_column_rule=_ResolveColumns,
        example="type: membership\nid: sg-kent-lagrell\nperson: kent-lagrell\n"
        "body: gr-styrgruppen-social-valfard\nrole: ordförande\n",
    ),
]
