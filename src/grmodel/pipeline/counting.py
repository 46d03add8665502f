"""Counting records by field values: the view behind ``grmodel count``.

The 2009 mapping counts collaborations "by type, area and whether GR takes
part"; :func:`count_records` does the same for any record type and fields,
streaming the record set. A list field (``areas``, ``participants``) counts a
record once under each of its values, as the mapping counts a collaboration
listed under two areas in both.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import attrs

from grmodel.errors import GrmodelError, SourceError
from grmodel.pipeline.source import RecordSource
from grmodel.plugins import GrPluginManager
from grmodel.recordset.loading import LoadedRecord, LoadLimits, LoadProblem, format_problem
from grmodel.rules.support import field_texts

__all__ = ["count_records"]


def count_records(
    paths: Sequence[str | os.PathLike[str]],
    pm: GrPluginManager,
    record_type: str,
    by: Sequence[str],
    filters: Iterable[tuple[str, str]] = (),
    *,
    limits: LoadLimits | None = None,
    on_problem: Callable[[LoadProblem], None] | None = None,
) -> tuple[Counter[tuple[str, ...]], int]:
    """Count records of ``record_type`` by the values of the fields ``by``.

    :param filters: ``(field, value)`` pairs a record must match (a list field
        matches when it contains the value).
    :returns: counts keyed by one value per field of ``by``, and the number of
        records that matched (list fields can count one record more than once).
    :param limits: bounds on file size, nesting and alias expansion.
    :param on_problem: told of each record or path that does not load (so that a
        count never leaves one out silently); without it the first one is raised.
    :raises GrmodelError: for an unknown record type or field.
    """
    cls = pm.converter.record_types.get(record_type)
    if cls is None:
        known = ", ".join(sorted(pm.converter.record_types))
        raise GrmodelError(f"unknown record type {record_type!r} (known: {known})")
    names = {f.name for f in attrs.fields(cls)}
    wanted = [*by, *(f for f, _ in filters)]
    unknown = [f for f in wanted if f not in names]
    if unknown:
        raise GrmodelError(
            f"{record_type} has no field {unknown[0]!r} (fields: {', '.join(sorted(names))})"
        )
    conditions = list(filters)
    counts: Counter[tuple[str, ...]] = Counter()
    matched = 0
    for entry, _imported in RecordSource(paths, pm, limits=limits).entries():
        if isinstance(entry, LoadProblem):
            if on_problem is None:
                raise SourceError(format_problem(entry))
            on_problem(entry)
            continue
        if not isinstance(entry, LoadedRecord) or record_type != entry.record.TYPE:
            continue
        record = entry.record
        if all(value in field_texts(record, field) for field, value in conditions):
            matched += 1
            for key in itertools.product(*(field_texts(record, field) for field in by)):
                counts[key] += 1
    return counts, matched
