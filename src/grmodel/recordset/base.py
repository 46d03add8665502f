"""What loading a record set produces: raw and structured records, problems, limits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import attrs

from grmodel.converter import FieldPath
from grmodel.model import Record

__all__ = [
    "LOAD_CODES",
    "LoadLimits",
    "LoadProblem",
    "LoadedRecord",
    "Locator",
    "RawRecord",
    "format_problem",
]

Locator = Callable[[FieldPath], int]
"""Finds the line of a field path inside a record (1-based)."""

LOAD_CODES = {
    "parse": "LOAD001",
    "type": "LOAD002",
    "missing": "LOAD003",
    "unknown": "LOAD004",
    "value": "LOAD005",
    "record-type": "LOAD006",
    "import": "LOAD007",
    "duplicate": "LOAD008",
    "unreadable": "LOAD009",
    "limit": "LOAD010",
}
"""Codes of structural problems, by problem kind (see :mod:`grmodel.rules.load`)."""


@attrs.frozen(slots=True)
class RawRecord:
    """One record as parsed from a file, before structuring."""

    data: Any
    """The parsed mapping."""
    file: str
    """The file it came from."""
    line: int
    """The line the record starts at."""
    locate: Locator | None = None
    """Resolves field paths to lines, lazily."""
    type_hint: str | None = None
    """Type tag implied by the file (CSV files named after a type)."""


@attrs.frozen(slots=True)
class LoadedRecord:
    """A structured record with where it came from."""

    record: Record
    """The record."""
    file: str
    """The file it came from."""
    line: int
    """The line the record starts at."""
    locate: Locator | None = None
    """Resolves field paths to lines, lazily."""

    def line_of(self, path: FieldPath) -> int:
        """The line of a field path (the record's line when it cannot be told)."""
        if path and self.locate is not None:
            try:
                return self.locate(path)
            except Exception:  # a best-effort lookup must never break a run
                return self.line
        return self.line


@attrs.frozen(slots=True)
class LoadProblem:
    """A structural problem: the file could not be parsed or a record not structured."""

    file: str
    """The file."""
    line: int
    """The line."""
    message: str
    """What is wrong, one line."""
    kind: str
    """A key of ``LOAD_CODES``: ``"parse"``, ``"type"``, ``"duplicate"``, …"""
    path: FieldPath = ()
    """Field path inside the record."""
    record: str | None = None
    """Id of the record, where it has one."""
    hint: str | None = None
    """How to fix it."""

    @property
    def code(self) -> str:
        """The LOAD rule code this problem is filed under."""
        return LOAD_CODES.get(self.kind, "LOAD005")


def format_problem(problem: LoadProblem) -> str:
    """One line for a problem, as the text report writes a finding:
    ``file:line: LOAD001 message``."""
    return f"{problem.file}:{problem.line}: {problem.code} {problem.message}"


@attrs.frozen(kw_only=True)
class LoadLimits:
    """Bounds on what one record set may make the loader do; raise them for big inputs
    (``--limit NAME=VALUE`` on the command line)."""

    file_size: int = 256 * 2**20
    """Bytes of a YAML or JSON file (read whole; JSON Lines and CSV are streamed)."""
    depth: int = 100
    """Nesting levels of one record."""
    nodes: int = 1_000_000
    """Values of one YAML record with its aliases expanded (an "alias bomb" has billions)."""

    NAMES: ClassVar[tuple[str, ...]] = ("file-size", "depth", "nodes")
    """The names ``--limit`` takes."""

    def with_value(self, name: str, value: int) -> LoadLimits:
        """These limits with one changed by its ``--limit`` name."""
        if name not in self.NAMES:
            raise ValueError(f"unknown limit {name!r} (known: {', '.join(self.NAMES)})")
        return attrs.evolve(self, **{name.replace("-", "_"): value})
