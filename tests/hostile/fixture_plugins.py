"""Broken plugins for the isolation tests: each fails in its own way."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.importing.base import Importer, ImportResult, SourceDocument
from grmodel.model import Document, DocumentKind, Person, Record
from grmodel.plugins import hookimpl
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity


class WrongSignature:
    """A hook implementation with an argument its spec does not have."""

    @hookimpl
    def grmodel_rules(self, bogus_argument: object) -> list[Rule]:
        return []


class UnknownHook:
    """A hook implementation of no known hook (a typo)."""

    @hookimpl
    def grmodel_ruels(self) -> list[Rule]:
        return []


def _raises(record: Record, ctx: RuleContext) -> Iterator[Issue]:
    raise ZeroDivisionError("division by zero")


def _returns_none(record: Record, ctx: RuleContext) -> Iterator[Issue]:
    return None  # type: ignore[return-value]


def _yields_strings(record: Record, ctx: RuleContext) -> Iterator[Issue]:
    yield "not an issue"  # type: ignore[misc]


class _CrashingSet:
    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        raise KeyError(record.id)

    def finish(self) -> Iterator[Issue]:
        return iter(())


def _rule(code: str, **kwargs: object) -> Rule:
    return Rule(
        code=code,
        name=f"broken-{code.lower()}",
        severity=Severity.WARNING,
        summary="A broken rule.",
        rationale="Tests isolation.",
        hint="None.",
        **kwargs,  # type: ignore[arg-type]
    )


class CrashingRules:
    """Rules that raise, return None, yield strings, and a set rule that raises."""

    @hookimpl
    def grmodel_rules(self) -> list[Rule]:
        return [
            _rule("ZZZ001", check=_raises),
            _rule("ZZZ002", check=_returns_none),
            _rule("ZZZ003", check=_yields_strings),
            _rule("ZZZ004", make_set_rule=lambda ctx: _CrashingSet()),
        ]


def _parse_raises(document: SourceDocument) -> ImportResult:
    raise IndexError("list index out of range")


def _parse_person(document: SourceDocument) -> ImportResult:
    return ImportResult(document=Person(id="p", name="P"))  # type: ignore[arg-type]


def _parse_garbage(document: SourceDocument) -> ImportResult:
    return "garbage"  # type: ignore[return-value]


class BadImporters:
    """Importers that raise, return a Person as the document, and return a string."""

    @hookimpl
    def grmodel_importers(self) -> list[Importer]:
        return [
            Importer(name="raises", summary="raises", parse=_parse_raises),
            Importer(name="person", summary="a Person as document", parse=_parse_person),
            Importer(name="garbage", summary="a string", parse=_parse_garbage),
        ]


wrong_signature = WrongSignature()
unknown_hook = UnknownHook()
crashing_rules = CrashingRules()


class RaisingHooks:
    """Describing hooks that raise, or return what they cannot register."""

    @hookimpl
    def grmodel_rules(self) -> list[Rule]:
        raise RuntimeError("rules table missing")

    @hookimpl
    def grmodel_exporters(self) -> list[Exporter]:
        return ["json", 3]  # type: ignore[list-item]

    @hookimpl
    def grmodel_importers(self) -> list[Importer]:
        return "protocol"  # type: ignore[return-value]


raising_hooks = RaisingHooks()


class _FinishesWithNone:
    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        return iter(())

    def finish(self) -> Iterator[Issue]:
        return None  # type: ignore[return-value]


class _FinishesWithGarbage(_FinishesWithNone):
    def finish(self) -> Iterator[Issue]:
        yield 42  # type: ignore[misc]


def _cannot_make(ctx: RuleContext) -> Any:
    raise MemoryError("no room for the index")


class UnmadeRules:
    """Set rules whose factory raises, whose ``finish`` returns None or yields garbage,
    a record rule that works (YYY004: one warning per person), and a set rule whose
    column form cannot be made (YYY005; its plain form finds nothing)."""

    @hookimpl
    def grmodel_rules(self) -> list[Rule]:
        return [
            _rule("YYY001", make_set_rule=_cannot_make),
            _rule("YYY002", make_set_rule=lambda ctx: _FinishesWithNone()),
            _rule("YYY003", make_set_rule=lambda ctx: _FinishesWithGarbage()),
            _rule("YYY004", check=_flags_people, applies_to=("person",)),
            _rule("YYY005", make_set_rule=lambda ctx: _Quiet(), make_column_rule=_cannot_make),
        ]


class _Quiet:
    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        return iter(())

    def finish(self) -> Iterator[Issue]:
        return iter(())


def _flags_people(record: Record, ctx: RuleContext) -> Iterator[Issue]:
    yield Issue(message="a person")


unmade_rules = UnmadeRules()


def _returns_text(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    return "\n".join(record.id for record in records)  # type: ignore[return-value]


def _writes_a_directory(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    path.unlink()
    path.mkdir()


def _clashes(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    path.mkdir()  # the path exists (a file): FileExistsError, the exporter's own bug


def _fails(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    raise ValueError("no template for person")


class BadExporters:
    """Exporters that return their text instead of writing it, write a directory for
    a file, trip over their own path, and raise."""

    @hookimpl
    def grmodel_exporters(self) -> list[Exporter]:
        return [
            Exporter(name="returns", summary="s", suffix=".txt", write=_returns_text),
            Exporter(name="folder", summary="s", suffix=".txt", write=_writes_a_directory),
            Exporter(name="clash", summary="s", suffix=".txt", write=_clashes),
            Exporter(name="fails", summary="s", suffix=".txt", write=_fails),
        ]


bad_exporters = BadExporters()


def _calm(document: SourceDocument) -> ImportResult:
    lines = len(document.lines)
    made = Document(id=document.path.stem, kind=DocumentKind.OTHER, line_count=lines)
    return ImportResult(document=made, placed_lines=frozenset(range(1, lines + 1)))


def _fails_to_read(document: SourceDocument) -> ImportResult:
    raise OSError(errno.EIO, "Input/output error", str(document.path.with_suffix(".xml")))


class FailingImporters:
    """An importer that works (text with CALM), one whose parse raises ``OSError``
    (text with FAIL), and one whose ``detect`` does (text with GUESS)."""

    @hookimpl
    def grmodel_importers(self) -> list[Importer]:
        def marked(word: str) -> Callable[[SourceDocument], float]:
            return lambda document: 1.0 if word in document.text else 0.0

        def guess(document: SourceDocument) -> float:
            if "GUESS" in document.text:
                raise PermissionError(errno.EACCES, "Permission denied", "/etc/boom.conf")
            return 0.0

        return [
            Importer(name="calm", summary="works", parse=_calm, detect=marked("CALM")),
            Importer(
                name="failing", summary="OSError", parse=_fails_to_read, detect=marked("FAIL")
            ),
            Importer(name="guessing", summary="detect fails", parse=_calm, detect=guess),
        ]


failing_importers = FailingImporters()
