"""IDN: identifiers — diarienummer, organisationsnummer, and record ids."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from grmodel.model import Document, Municipality, Record
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity
from grmodel.rules.columns import Placed, RecordTable
from grmodel.rules.idindex import IdArray, id_index

__all__ = ["RULES"]


def _diarienummer(record: Document, _ctx: RuleContext) -> Iterator[Issue]:
    number = record.diarienummer
    if number is not None and number.family is None:
        yield Issue(
            message=f"diarienummer {number.value!r} has no known form (e.g. 2019-00368, "
            "08-193.012, KS 2019/123)",
            path=("diarienummer",),
        )


def _organisationsnummer(record: Municipality, _ctx: RuleContext) -> Iterator[Issue]:
    number = record.organisationsnummer
    if number is None:
        return
    if number.digits is None:
        problem = "is not of the form NNNNNN-NNNN"
    elif not number.is_valid:
        problem = (
            "has a third digit below 2"
            if int(number.digits[2]) < 2
            else "fails the Luhn check digit"
        )
    elif not number.is_public_body:
        problem = "does not start with 2, as a municipality's number does"
    else:
        return
    yield Issue(
        message=f"organisationsnummer {number.value} of {record.name} {problem}",
        path=("organisationsnummer",),
    )


class _UniqueIds:
    """First occurrence of each id, packed into one machine integer by the id's number
    in the run's :class:`~grmodel.rules.idindex.IdIndex`: its line (plus one, 0 for
    none), the index of its file and of its record type."""

    _SHIFT = 32
    """Bits for the file's and the type's index below the line."""

    def __init__(self, ctx: RuleContext):
        self._files: dict[str | None, int] = {}
        self._file_names: list[str | None] = []
        self._types: dict[str, int] = {}
        self._type_names: list[str] = []
        self._ids = id_index(ctx)
        self._first = IdArray("q", -1)

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        number = self._ids.number(record.id)
        first = self._first.get(number)
        if first < 0:
            self._first.set(number, self._pack(ref.file, ref.line, record.TYPE))
            return
        line = (first >> self._SHIFT) - 1
        below = first & ((1 << self._SHIFT) - 1)
        file_index, type_index = divmod(below, 1 << 12)
        yield _duplicate(
            record.id,
            self._type_names[type_index],
            self._file_names[file_index],
            line if line >= 0 else None,
        )

    def _pack(self, file: str | None, line: int | None, tag: str) -> int:
        file_index = self._files.setdefault(file, len(self._files))
        if file_index == len(self._file_names):
            self._file_names.append(file)
        type_index = self._types.setdefault(tag, len(self._types))
        if type_index == len(self._type_names):
            self._type_names.append(tag)
        if file_index >= 1 << 20 or type_index >= 1 << 12:  # pragma: no cover - 1M files
            raise ValueError("too many files or record types for the id index")
        below = file_index << 12 | type_index
        return (line + 1 if line is not None else 0) << self._SHIFT | below

    def finish(self) -> Iterator[Issue]:
        return iter(())


def _duplicate(record_id: str, type_tag: str, file: str | None, line: int | None) -> Issue:
    return Issue(
        message=f"id {record_id!r} is already used by a {type_tag} record at {file}:{line}",
        path=("id",),
    )


class _UniqueIdColumns:
    """Duplicate ids as a whole-set operation on the record table's id column: a row
    whose id first occurs at another row is a duplicate of that row."""

    def __init__(self, _ctx: RuleContext):
        pass

    def collect(self, record: Record, seq: int) -> None:
        """Nothing: the record table has every id."""

    def tables(self) -> dict[str, Any]:
        return {}

    def finish(self, records: RecordTable, tables: dict[str, Any]) -> Iterator[Placed]:
        import pyarrow as pa
        import pyarrow.compute as pc

        first = records.first_seq(records.ids)
        seqs = pa.array(range(records.count), pa.int32())
        for seq in pc.filter(seqs, pc.not_equal(first, seqs)).to_pylist():
            at, earlier = records.ref(seq), records.ref(first[seq].as_py())
            issue = _duplicate(at.id, earlier.type, earlier.file, earlier.line)
            yield Placed(seq, attrs.evolve(issue, at=at))


RULES: list[Rule] = [
    Rule(
        code="IDN001",
        name="diarienummer-format",
        severity=Severity.WARNING,
        summary="A diarienummer has no known form.",
        rationale="Diarienummer link documents across systems. Known forms: GR's 2019-00368 "
        "(YYYY-NNNNN) and older 08-193.012, and other organisations' KS 2019/123, "
        "RS 2018-05211, Dnr 106-156/2013, KS/2012:628-805. Another shape is usually an "
        "extraction error (a lost digit, a space).",
        hint="Write the number exactly as the document does; check for lost digits.",
        applies_to=("document",),
        check=_diarienummer,
        example='type: document\nid: d1\nkind: tjänsteskrivelse\ndiarienummer: "2019-0368"\n',
    ),
    Rule(
        code="IDN002",
        name="organisationsnummer-invalid",
        severity=Severity.ERROR,
        summary="A municipality's organisationsnummer is malformed or fails its check digit.",
        rationale="An organisationsnummer is ten digits (NNNNNN-NNNN) whose last digit is a "
        "Luhn check digit over the first nine; the third digit is at least 2, and public "
        "bodies' numbers start with 2 (Göteborgs Stad 212000-1355).",
        hint="Copy the number again from the source; a failed check digit means a typo.",
        applies_to=("municipality",),
        check=_organisationsnummer,
        example='type: municipality\nid: kommun-1480\ncode: "1480"\nname: Göteborg\n'
        'county: "14"\norganisationsnummer: "212000-1356"\n',
    ),
    Rule(
        code="IDN003",
        name="duplicate-id",
        severity=Severity.ERROR,
        summary="Two records of the set have the same id.",
        rationale="Records refer to each other by id; a duplicate makes every reference to it "
        "ambiguous, and exporters would merge or drop one of them.",
        hint="Give one of the records another id (see grmodel.ids for the conventions).",
        make_set_rule=_UniqueIds,
        make_column_rule=_UniqueIdColumns,
        example="type: person\nid: kent-lagrell\nname: Kent Lagrell\n---\n"
        "type: person\nid: kent-lagrell\nname: Kent Lagrell\n",
    ),
]
