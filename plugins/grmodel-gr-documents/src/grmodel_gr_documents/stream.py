"""The document as one flat text: its kept lines joined by ``\\n``, with a map from
offsets back to source lines. Every layer above the text layer reads the stream, so
that headings, labels and items are found anywhere in a line, and a run-on
paragraph and a one-entry-per-line list read alike."""

from __future__ import annotations

import bisect

from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.normalise import strip_bullet

__all__ = ["Stream"]


class Stream:
    """Content lines joined with ``\\n`` and a map from offsets back to lines."""

    def __init__(
        self, b: Builder, start: int = 1, end: int | None = None, *, bullets: bool = False
    ):
        self.lines: list[int] = b.tracker.content(start, end)
        parts: list[str] = []
        self.starts: list[int] = []
        offset = 0
        for n in self.lines:
            self.starts.append(offset)
            # a list bullet before a numbered item ("• 1. Val av justerare") is no part
            # of the item; ``bullets`` keeps them (a protocol's bulleted clauses)
            text = b.tracker.text(n) if bullets else strip_bullet(b.tracker.text(n))
            parts.append(text)
            offset += len(text) + 1
        self.text = "\n".join(parts)
        self.page_starts: frozenset[int] = frozenset(
            seg.span.line for seg in b.tracker.cut_segments
        ).intersection(self.lines)
        """Lines that begin a page: a page number or running header was cut from them."""

    def line_at(self, offset: int) -> int:
        """Line number of the character at ``offset``."""
        if not self.lines:
            return 1
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.lines[index]

    def lines_between(self, start: int, end: int) -> list[int]:
        """Lines touched by ``text[start:end]``."""
        if not self.lines or end <= start:
            return []
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        last = max(0, bisect.bisect_right(self.starts, max(start, end - 1)) - 1)
        return self.lines[first : last + 1]

    def line_begin(self, offset: int) -> int:
        """The offset where the line of ``offset`` begins."""
        if not self.starts:
            return 0
        return self.starts[max(0, bisect.bisect_right(self.starts, offset) - 1)]

    def line(self, offset: int) -> str:
        """The line of ``offset``, without its break."""
        begin = self.line_begin(offset)
        end = self.text.find("\n", offset)
        return self.text[begin : len(self.text) if end < 0 else end]

    def before(self, offset: int, width: int = 24) -> str:
        """The text just before ``offset`` on its line (at most ``width`` characters):
        enough to tell a sentence's end, and constant work however long the line."""
        return self.text[max(self.line_begin(offset), offset - width) : offset]

    def line_start(self, offset: int) -> bool:
        """True when only white space stands between the start of its line and ``offset``."""
        begin = self.line_begin(offset)
        if offset - begin > 64 and self.text[offset - 64 : offset].strip():
            return False  # constant work on a long line
        return not self.text[begin:offset].strip()
