"""Set rules over columns: compact rows collected in the pass, checked as a whole.

A column rule (:class:`ColumnRule`) is the columnar form of a set rule. During the
one streaming pass it copies the few values it needs from each record into
:class:`Columns` — plain Python lists only until a chunk is full, then Arrow arrays
(pyarrow), strings dictionary-encoded per chunk — and keeps nothing else. At the
end it checks every row at once with Arrow's whole-array operations: a reference
is an anti-join (:meth:`RecordTable.first_seq`), duplicate ids a group-by, a
membership on the day a join with a range filter. Only the rows that fail come
back to Python, where the rule's own per-object code words the finding, so the
findings are those of the plain set rule it mirrors: the same messages, lines and
order.

Every record of a run is a row of the run's :class:`RecordTable` (id, type, file,
line), numbered in the order of the pass: its *seq*. Rules keep a record's seq, not
its id or a :class:`~grmodel.rules.base.RecordRef`, and the table turns a seq back
into a ref for the findings. A finding is :class:`Placed` either at a record's seq
(where the plain set rule would have reported it during the pass) or with ``seq``
``None`` (at the end, where the plain rule's ``finish`` reports).

Collected rows are plain Arrow tables (:meth:`ColumnRule.tables`), so a run cut
into partitions can collect them in each partition and check them once over the
concatenation (:func:`concat_partitions` shifts each partition's seqs).

A rule declares its columnar form beside its plain one
(:attr:`~grmodel.rules.base.Rule.make_column_rule`); the plain set rule stays the
rule's reference and runs where pyarrow is not installed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import attrs

from grmodel.model import Record
from grmodel.rules.base import Issue, RecordRef, RuleContext

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "CHUNK_ROWS",
    "ColumnRule",
    "Columns",
    "Groups",
    "Interned",
    "Keys",
    "Placed",
    "RecordTable",
    "SourceLine",
    "available",
    "concat_partitions",
    "index_in",
    "lookups",
]

CHUNK_ROWS = 1 << 14
"""Rows kept as Python values before they become one Arrow chunk."""


ENABLE = "GRMODEL_COLUMN_RULES"
"""The environment variable that turns the column forms on (``1``). They are opt-in:
measured on 1M records they cost more memory and CPU than the plain forms
(``benchmarks/README.md``, "Set rules over columns")."""


def available() -> bool:
    """True when the column forms are turned on (``GRMODEL_COLUMN_RULES`` is ``1``) and pyarrow
    can be imported; else the plain forms run, with the same findings."""
    if os.environ.get(ENABLE) != "1":
        return False
    try:
        import pyarrow.compute  # noqa: F401
    except ImportError:  # the columnar extra is not installed
        return False
    return True


class Placed(NamedTuple):
    """A column rule's issue, and where in the run's order it goes."""

    seq: int | None
    """The seq of the record whose visit would have reported it in the plain set rule
    (the issue goes among that record's findings), or ``None``: at the end, among the
    set rules' closing findings. ``issue.at`` names the record either way."""
    issue: Issue


@attrs.frozen
class SourceLine:
    """A stand-in for a nested value's ``source`` span (an imported document's line),
    for :attr:`~grmodel.rules.base.Issue.node` of an issue a column rule words after
    the record is gone."""

    line: int

    @property
    def source(self) -> SourceLine:
        """Itself: it has the ``line`` a span has."""
        return self


class Interned:
    """Small integers for the few distinct values of a column (types, paths, parties)."""

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}
        """The integers, by value (in a hot loop, ``index.get(value)`` first saves a call)."""
        self.values: list[Any] = []
        """The values, by their integer."""

    def __call__(self, value: Any) -> int:
        """The value's integer (a new one for a new value)."""
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.values)
            self.values.append(value)
        return found


def _arrow_type(kind: str) -> pa.DataType:
    import pyarrow as pa

    types: dict[str, Callable[[], pa.DataType]] = {
        "int16": pa.int16,
        "int32": pa.int32,
        "int64": pa.int64,
        "string": pa.string,
        "text": lambda: pa.dictionary(pa.int32(), pa.string()),
    }
    return types[kind]()


class Columns:
    """Rows of a few typed columns, appended value by value, kept as Arrow chunks.

    Column kinds: ``"int16"`` (small numbers: interned values, list indexes),
    ``"int32"``, ``"int64"``, ``"string"`` (distinct texts, like ids)
    and ``"text"`` (texts that repeat, dictionary-encoded per chunk). Append a row's
    values to the lists of :attr:`lists` (in the order the columns were given), then
    call :meth:`added`.
    """

    def __init__(self, **kinds: str):
        self.names = tuple(kinds)
        self._types = tuple(_arrow_type(kind) for kind in kinds.values())
        self.lists: tuple[list[Any], ...] = tuple([] for _ in kinds)
        """One list per column, of the rows not yet in a chunk."""
        self._chunks: list[pa.RecordBatch] = []

    def added(self) -> None:
        """A row (or several) was appended: make a chunk when enough are."""
        if len(self.lists[0]) >= CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if not self.lists[0]:
            return
        arrays = [
            pa.array(values, type=t) for values, t in zip(self.lists, self._types, strict=True)
        ]
        self._chunks.append(pa.record_batch(arrays, names=list(self.names)))
        for values in self.lists:
            values.clear()

    def table(self) -> pa.Table:
        """Every row so far, as one table (chunked)."""
        import pyarrow as pa

        self._flush()
        schema = pa.schema(list(zip(self.names, self._types, strict=True)))
        return pa.Table.from_batches(self._chunks, schema=schema)


class RecordTable:
    """Every record of a run, one row each in the order of the pass (its seq): id,
    type, file and line."""

    def __init__(self) -> None:
        self._rows = Columns(id="string", type="int16", file="int32", line="int32")
        self.types = Interned()
        """The type tags, by their integer in the ``type`` column."""
        self.files = Interned()
        """The files, by their integer in the ``file`` column."""
        self._table: pa.Table | None = None
        self._ids: pa.Array | None = None
        self.count = 0
        """Records added."""

    def add(self, record_id: str, tag: str, file: str, line: int) -> int:
        """Add a record; its seq."""
        ids, types, files, lines = self._rows.lists
        ids.append(record_id)
        found = self.types.index.get(tag)
        types.append(self.types(tag) if found is None else found)
        found = self.files.index.get(file)
        files.append(self.files(file) if found is None else found)
        lines.append(line)
        self._rows.added()
        self.count += 1
        return self.count - 1

    def table(self) -> pa.Table:
        """The rows (seq is the row number), combined into one chunk."""
        if self._table is None:
            self._table = self._rows.table().combine_chunks()
        return self._table

    @property
    def ids(self) -> pa.Array:
        """The id column as one array."""
        if self._ids is None:
            self._ids = self.table()["id"].chunk(0) if self.count else _empty_ids()
        return self._ids

    def first_seq(self, values: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray:
        """For each value, the seq of the first record with that id (null: none).

        The anti-join of references: the nulls are the ids no record has.
        """
        return index_in(values, self.ids)

    def ref(self, seq: int) -> RecordRef:
        """The ref of the record at ``seq``."""
        row = self.table().slice(seq, 1).to_pylist()[0]
        return RecordRef(
            row["id"], self.types.values[row["type"]], self.files.values[row["file"]], row["line"]
        )


def _empty_ids() -> pa.Array:
    import pyarrow as pa

    return pa.array([], pa.string())


def _texts(values: pa.ChunkedArray | pa.Array) -> tuple[pa.Array, list[pa.Array] | None]:
    """A text column's distinct texts (for a dictionary-encoded one, the dictionary all
    its chunks share after unifying) and each chunk's indices into them (``None``: the
    texts are the column itself)."""
    import pyarrow as pa

    if isinstance(values, pa.Array):
        values = pa.chunked_array([values])
    if not pa.types.is_dictionary(values.type):
        return values.combine_chunks(), None
    unified = values.unify_dictionaries()
    if not unified.num_chunks:
        return pa.array([], values.type.value_type), []
    return unified.chunk(0).dictionary, [chunk.indices for chunk in unified.chunks]


def index_in(values: pa.ChunkedArray | pa.Array, value_set: pa.Array) -> pa.ChunkedArray:
    """``pyarrow.compute.index_in`` that takes dictionary-encoded chunks too: each
    distinct text is looked up once."""
    import pyarrow as pa
    import pyarrow.compute as pc

    texts, indices = _texts(values)
    found = pc.index_in(texts, value_set=value_set)
    if indices is None:
        return pa.chunked_array([found], type=pa.int32())
    return pa.chunked_array([pc.take(found, chunk) for chunk in indices], type=pa.int32())


def lookups(values: pa.ChunkedArray, *value_sets: pa.Array) -> Iterator[tuple[pa.Array, ...]]:
    """Chunk by chunk, ``pyarrow.compute.index_in`` of a column in each value set: a
    dictionary-encoded column's distinct texts are looked up once, each chunk's rows
    then only take their answers (so no whole-column answer is ever built)."""
    import pyarrow.compute as pc

    texts, indices = _texts(values)
    if indices is None:  # plain texts: looked up chunk by chunk
        for chunk in values.chunks:
            yield tuple(pc.index_in(chunk, value_set=found) for found in value_sets)
        return
    answers = [pc.index_in(texts, value_set=found) for found in value_sets]
    for chunk in indices:
        yield tuple(pc.take(answer, chunk) for answer in answers)


class Keys:
    """Integer keys for texts (ids) across columns, for joins and group-bys: a
    record's id is its first seq; a text no record has gets a number past them."""

    def __init__(self, records: RecordTable, columns: Iterable[pa.ChunkedArray]):
        import pyarrow as pa
        import pyarrow.compute as pc

        ids = records.ids
        self._columns = [_texts(column) for column in columns]
        missing = [
            pc.filter(texts, pc.invert(pc.is_in(texts, value_set=ids)))
            for texts, _indices in self._columns
        ]
        extra = pc.unique(pa.chunked_array(missing, pa.string())) if missing else _empty_ids()
        self._set = pa.concat_arrays([ids, extra.cast(pa.string())]) if len(extra) else ids
        self.size = len(self._set)
        """One more than the largest key."""

    def of(self, index: int) -> pa.ChunkedArray:
        """The key of each text of the ``index``-th column given (as int64)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        texts, indices = self._columns[index]
        found = pc.cast(pc.index_in(texts, value_set=self._set), pa.int64())
        if indices is None:
            return pa.chunked_array([found])
        return pa.chunked_array([pc.take(found, chunk) for chunk in indices], type=pa.int64())

    def pairs(self, first: int, second: int) -> pa.ChunkedArray:
        """One key for each row's pair of texts of two columns (person and body)."""
        import pyarrow.compute as pc

        return pc.add(pc.multiply(self.of(first), self.size), self.of(second))


class Groups:
    """The rows of a table grouped by an integer key, for joins that do not multiply
    rows: :meth:`nth` gives, for each probe key, the row of its group's ``n``-th
    member (in row order), so a join is a few passes of whole-array lookups over the
    probes (as many as the largest group has members), each as long as the probes."""

    def __init__(self, keys: pa.ChunkedArray | pa.Array):
        import pyarrow as pa
        import pyarrow.compute as pc

        keys = pa.chunked_array([keys]) if isinstance(keys, pa.Array) else keys
        rows = pa.array(range(len(keys)), pa.int64())
        table = pa.table({"key": keys, "row": rows})
        self._order = pc.sort_indices(table, [("key", "ascending"), ("row", "ascending")])
        ordered = pc.take(keys, self._order)
        self._keys = pc.unique(ordered)
        self._offsets = pc.cast(pc.index_in(self._keys, value_set=ordered), pa.int64())
        ends = (
            pa.concat_arrays([self._offsets.slice(1), pa.array([len(keys)], pa.int64())])
            if len(self._keys)
            else pa.array([], pa.int64())
        )
        self._counts = pc.subtract(ends, self._offsets)
        self.widest: int = pc.max(self._counts).as_py() or 0
        """The most members a group has."""

    def nth(self, probes: pa.ChunkedArray | pa.Array, n: int) -> pa.ChunkedArray:
        """For each probe key, the row of its group's ``n``-th member (null: the key
        has no group, or fewer members)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        group = pc.index_in(probes, value_set=self._keys)
        has = pc.less(pa.scalar(n, pa.int64()), pc.take(self._counts, group))
        at = pc.if_else(has, pc.add(pc.take(self._offsets, group), n), None)
        return pc.take(self._order, at)


def concat_partitions(parts: Sequence[tuple[int, pa.Table]]) -> pa.Table:
    """One rule table from the tables of several partitions, each given with the
    seq of its partition's first record: each ``seq`` column is shifted by it."""
    import pyarrow as pa
    import pyarrow.compute as pc

    shifted = []
    for offset, table in parts:
        index = table.schema.get_field_index("seq")
        seqs = pc.add(table["seq"], pa.scalar(offset, table.schema.field("seq").type))
        shifted.append(table.set_column(index, "seq", seqs))
    return pa.concat_tables(shifted)


class ColumnRule(Protocol):
    """The columnar state of a set rule during one run (or one partition of it).

    A fresh instance per run, from :attr:`~grmodel.rules.base.Rule.make_column_rule`.
    ``collect`` sees each record the rule applies to, in the order of the pass,
    with the record's seq in the :class:`RecordTable`; ``finish`` checks everything
    collected and yields the issues, placed.
    """

    def collect(self, record: Record, seq: int) -> None:
        """Copy the values the checks need into the rule's :class:`Columns`."""

    def tables(self) -> dict[str, pa.Table]:
        """What was collected, by table name (each with a ``seq`` column)."""

    def finish(self, records: RecordTable, tables: dict[str, pa.Table]) -> Iterable[Placed]:
        """Check the whole set; the issues, each with ``at`` set, placed."""


MakeColumnRule = Callable[[RuleContext], ColumnRule]
"""A rule's factory of column-rule state."""
