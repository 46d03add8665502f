"""Every record id of a run as a small integer, kept once, for set rules' indexes.

A set rule that keeps something per record id (its first place, its type, its date)
keys it by the id's *number* in the run's :class:`IdIndex` and keeps the values in
an :class:`IdArray` — a machine-integer array indexed by that number — instead of a
dict of its own over every id. The rules of a run share one index
(:func:`id_index` finds it on the run's context), so each id's text is kept once
however many rules key by it: at a million records a dict over every id costs
about 40 bytes an entry, and the id text 50-70 bytes, per rule that keeps one; the
index keeps an id in its UTF-8 text and about 17 bytes more (37 bytes an id of 20
characters, a million of them; it was 45 with 64-bit hashes and ends).

An :class:`IdArray` is what a ``dict[str, int]`` over ids would be, value for
value: a number never set reads as the array's ``missing`` value.
"""

from __future__ import annotations

from array import array

from grmodel.rules.base import RecordRef, RuleContext

__all__ = ["RECENT", "IdArray", "IdIndex", "PackedRefs", "RefArray", "id_index"]


RECENT = 1 << 13
"""Ids whose numbers an :class:`IdIndex` keeps in a dict for the next look-ups."""


_LOW = (1 << 32) - 1


class IdIndex:
    """The ids met in a run, each numbered 0, 1, 2 … in the order first asked for.

    An open-addressing hash table over machine-integer arrays, not a dict: the ids'
    texts are kept once, as UTF-8 in one buffer, and an id costs its text and about 17
    bytes (a dict of str keys and int values costs 130 an id). Equal texts are told by comparing
    the texts, never by the hash alone.
    """

    _EMPTY = -1

    def __init__(self) -> None:
        self._slots = array("i", [self._EMPTY]) * 1024
        """The table: an id number, or empty (a power of two long)."""
        self._hashes = array("I")
        """Per id number, the low 32 bits of its text's hash (the table is at most
        2**31 slots: the bits that place an id, and the ones that tell most others)."""
        self._ends = array("I")
        """Per id number, where its text ends in :attr:`_text` (64-bit once the text
        is past 4 GiB)."""
        self._text = bytearray()
        self._recent: dict[str, int] = {}
        """The numbers of the ids looked up lately (a record's id is asked for by rule
        after rule, and the persons of a body's meetings over and over): a dict look-up
        before the table's, bounded by :data:`RECENT`."""

    def _slot(self, text: str, hashed: int) -> int:
        """The slot of ``text``, or the empty slot where it goes."""
        slots, hashes = self._slots, self._hashes
        mask = len(slots) - 1
        low = hashed & _LOW
        index = low & mask
        while True:
            number = slots[index]
            if number == self._EMPTY or (hashes[number] == low and self._is(number, text)):
                return index
            index = (index + 1) & mask

    def _is(self, number: int, text: str) -> bool:
        start = self._ends[number - 1] if number else 0
        return self._text[start : self._ends[number]] == text.encode("utf-8", "surrogatepass")

    def number(self, text: str) -> int:
        """The id's number (a new one for an id not met before)."""
        recent = self._recent
        found = recent.get(text)
        if found is not None:
            return found
        hashed = hash(text)
        slot = self._slot(text, hashed)
        found = self._slots[slot]
        if found == self._EMPTY:
            found = self._slots[slot] = len(self._hashes)
            self._hashes.append(hashed & _LOW)
            self._text += text.encode("utf-8", "surrogatepass")
            if len(self._text) > _LOW and self._ends.typecode == "I":
                self._ends = array("q", self._ends)
            self._ends.append(len(self._text))
            if 3 * len(self._hashes) > 2 * len(self._slots):
                self._grow()
        if len(recent) >= RECENT:
            recent.clear()
        recent[text] = found
        return found

    def text(self, number: int) -> str:
        """The id of a number."""
        start = self._ends[number - 1] if number else 0
        return self._text[start : self._ends[number]].decode("utf-8", "surrogatepass")

    def find(self, text: str) -> int | None:
        """The id's number, or ``None`` for an id not numbered (nothing keyed by it)."""
        recent = self._recent
        found = recent.get(text)
        if found is not None:
            return found
        found = self._slots[self._slot(text, hash(text))]
        if found == self._EMPTY:
            return None
        if len(recent) >= RECENT:
            recent.clear()
        recent[text] = found
        return found

    def _grow(self) -> None:
        slots = self._slots = array("i", [self._EMPTY]) * (2 * len(self._slots))
        mask = len(slots) - 1
        for number, hashed in enumerate(self._hashes):
            index = hashed & mask
            while slots[index] != self._EMPTY:
                index = (index + 1) & mask
            slots[index] = number

    def __len__(self) -> int:
        return len(self._hashes)


class IdArray:
    """One machine integer per id number (``typecode`` of :mod:`array`); a number
    never set reads as ``missing``."""

    def __init__(self, typecode: str = "q", missing: int = -1):
        self._values = array(typecode)
        self._missing = missing

    def get(self, number: int) -> int:
        """The value at ``number`` (``missing`` when never set)."""
        values = self._values
        return values[number] if number < len(values) else self._missing

    def set(self, number: int, value: int) -> None:
        """Set the value at ``number``."""
        values = self._values
        if number >= len(values):
            values.extend(array(values.typecode, [self._missing]) * (number + 1 - len(values)))
        values[number] = value


class PackedRefs:
    """Records' refs, each packed into one integer: its line, the index of its file
    and of its type, and its id's number in an :class:`IdIndex` (a
    :class:`~grmodel.rules.base.RecordRef` kept costs about 150 bytes with its id
    and line, a packed one about 40).

    The engine keeps a record's field lines (for the findings at the end) while a set
    rule keeps its ref; a rule that packs the ref instead keeps the record's lines too,
    since :meth:`pack` holds the last ref it packed until the next one.
    """

    _FILE_BITS = 20
    _TYPE_BITS = 12

    def __init__(self, ids: IdIndex):
        self._ids = ids
        self._files: dict[str | None, int] = {}
        self._file_names: list[str | None] = []
        self._types: dict[str, int] = {}
        self._type_names: list[str] = []
        self._last: RecordRef | None = None

    def pack(self, ref: RecordRef) -> int:
        """The ref as one integer."""
        self._last = ref
        file = self._files.get(ref.file)
        if file is None:
            file = self._files[ref.file] = len(self._file_names)
            self._file_names.append(ref.file)
        tag = self._types.get(ref.type)
        if tag is None:
            tag = self._types[ref.type] = len(self._type_names)
            self._type_names.append(ref.type)
        if file >= 1 << self._FILE_BITS or tag >= 1 << self._TYPE_BITS:  # pragma: no cover
            raise ValueError("too many files or record types for packed refs")
        line = ref.line + 1 if ref.line is not None else 0
        below = (file << self._TYPE_BITS | tag) << 32 | self._ids.number(ref.id)
        return line << (self._FILE_BITS + self._TYPE_BITS + 32) | below

    def ref(self, packed: int) -> RecordRef:
        """The ref of a packed one."""
        number = packed & 0xFFFFFFFF
        tag = packed >> 32 & ((1 << self._TYPE_BITS) - 1)
        file = packed >> (32 + self._TYPE_BITS) & ((1 << self._FILE_BITS) - 1)
        line = (packed >> (self._FILE_BITS + self._TYPE_BITS + 32)) - 1
        return RecordRef(
            self._ids.text(number),
            self._type_names[tag],
            self._file_names[file],
            line if line >= 0 else None,
        )


class RefArray:
    """Records' refs in two machine-integer arrays, 16 bytes a ref (a packed ref kept
    in a list costs about 50): :meth:`append` gives each its index. The refs of many
    arrays may share one :class:`PackedRefs` (its files and types, and the last ref
    it packed, for the record's field lines)."""

    __slots__ = ("_high", "_low", "_refs")

    _LOW = (1 << 64) - 1

    def __init__(self, refs: PackedRefs):
        self._refs = refs
        self._low = array("Q")
        self._high = array("q")

    def append(self, ref: RecordRef) -> int:
        """Keep ``ref``; its index."""
        packed = self._refs.pack(ref)
        self._low.append(packed & self._LOW)
        self._high.append(packed >> 64)
        return len(self._low) - 1

    def __getitem__(self, index: int) -> RecordRef:
        return self._refs.ref(self._high[index] << 64 | self._low[index])

    def __len__(self) -> int:
        return len(self._low)


def id_index(ctx: RuleContext) -> IdIndex:
    """The run's shared index (the engine's context has one, ``ctx.ids``); a context
    without one (a rule made in a test or by another engine) gets an index of its own."""
    found = getattr(ctx, "ids", None)
    return found if isinstance(found, IdIndex) else IdIndex()
