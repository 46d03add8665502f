"""Running an exporter: gather records, write atomically, refuse to overwrite."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from grmodel.errors import GrmodelError, RecordSetProblemsError, SourceError
from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.exporting.paths import SourcePaths
from grmodel.exporting.unique import unique_records
from grmodel.io import atomic_output, refuse_input_target
from grmodel.model import Record
from grmodel.pipeline.source import RecordSource
from grmodel.plugins import GrPluginManager
from grmodel.recordset.loading import LoadLimits, LoadProblem, format_problem

__all__ = ["ProblemCallback", "export", "iter_records"]

ProblemCallback = Callable[[LoadProblem], None]
"""Told of each problem of a record set as it is found."""


def _raise(problem: LoadProblem) -> None:
    raise SourceError(f"{format_problem(problem)} (run grmodel validate for every problem)")


def iter_records(
    paths: Sequence[str | os.PathLike[str]],
    pm: GrPluginManager,
    kind: str | None = None,
    *,
    limits: LoadLimits | None = None,
    on_problem: ProblemCallback | None = None,
) -> Iterator[Record]:
    """Records of record files and imported documents, in order (a
    :class:`~grmodel.pipeline.source.RecordSource`; source paths as read —
    :func:`export` makes them portable, :class:`~grmodel.exporting.paths.SourcePaths`).

    A record that does not load, a path that cannot be read and a second record
    with an id already seen are problems: each is passed to ``on_problem`` (and the
    record left out), or, without it, raised. Ids are checked with a few bytes per
    record (``grmodel.exporting.unique``), as the records stream: the source is
    read once.

    :raises GrmodelError: on the first problem when ``on_problem`` is not given.
    """
    source = RecordSource(paths, pm, kind=kind, limits=limits)
    entries = (entry for entry, _imported in source.entries())
    return unique_records(entries, on_problem or _raise)


_ENVIRONMENT = frozenset(
    {
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EFBIG,
        errno.EIO,
        errno.EROFS,
        errno.EACCES,
        errno.EPERM,
        errno.EMFILE,
        errno.ENFILE,
        errno.ENAMETOOLONG,
    }
)
"""Errors of the environment (a full disk, permissions), not of the exporter."""


def _write(
    exporter: Exporter, records: Iterator[Record], tmp: Path, options: ExportOptions, plugin: str
) -> None:
    """Run an exporter; a failure that is not an I/O or user error, a value returned
    (``write`` writes, and returns ``None``) or a file where a directory belongs (or
    the other way round) names it and its ``plugin``; a text that cannot be written
    (a lone surrogate) names the last record read."""
    last: list[str] = ["none"]
    who = f"exporter {exporter.name!r} of {plugin}"

    def read() -> Iterator[Record]:
        for record in records:
            last[0] = repr(record.id)
            yield record

    try:
        result = exporter.write(read(), tmp, options)  # type: ignore[func-returns-value]
    except GrmodelError:
        raise
    except OSError as exc:
        if exc.errno in _ENVIRONMENT:
            raise
        raise GrmodelError(f"{who} failed: {type(exc).__name__}: {exc}") from exc
    except UnicodeEncodeError as exc:
        raise GrmodelError(
            f"{exporter.name} export: a text with a lone surrogate "
            f"{exc.object[exc.start : exc.start + 1]!a} (not Unicode) cannot be written; "
            f"last record read: {last[0]}"
        ) from exc
    except Exception as exc:
        raise GrmodelError(f"{who} failed: {type(exc).__name__}: {exc}") from exc
    if result is not None:
        raise GrmodelError(
            f"{who} returned {type(result).__name__}, not None (an exporter writes to the "
            "path it is given); nothing written"
        )
    wanted = "directory" if exporter.directory else "file"
    if tmp.is_dir() != exporter.directory or not tmp.exists():
        raise GrmodelError(f"{who} did not write a {wanted}; nothing written")


def export(
    fmt: str,
    paths: Sequence[str | os.PathLike[str]],
    output: Path,
    pm: GrPluginManager,
    *,
    force: bool = False,
    options: ExportOptions | None = None,
    kind: str | None = None,
    limits: LoadLimits | None = None,
    on_problem: ProblemCallback | None = None,
) -> None:
    """Export records to ``output`` in format ``fmt``, atomically.

    Nothing is written when the record set has a problem (a record that does not
    load, an unreadable path, a duplicate id): with ``on_problem`` every problem is
    reported before the export is refused, without it the first one is raised.

    :raises GrmodelError: for an unknown format or ``-O`` option, an existing output
        without ``force``, an output that is one of the inputs, or a record set with
        problems.
    """
    exporter = pm.exporters.get(fmt)
    if exporter is None:
        known = ", ".join(sorted(pm.exporters))
        hint = pm.missing_hint(exporter=fmt)
        raise GrmodelError(f"unknown export format {fmt!r} (known: {known}){hint}")
    unknown = sorted(set((options or ExportOptions()).extra) - set(exporter.options))
    if unknown:
        takes = ", ".join(sorted(exporter.options)) or "none"
        raise GrmodelError(f"{fmt} export: unknown option -O {unknown[0]} (options: {takes})")
    refuse_input_target(output, paths)
    count = 0

    def counted(problem: LoadProblem) -> None:
        nonlocal count
        count += 1
        (on_problem or _raise)(problem)

    with atomic_output(output, directory=exporter.directory, force=force) as tmp:
        run_options = pm.export_options(options)
        portable = SourcePaths(paths, keep=run_options.source_paths)
        records = iter_records(paths, pm, kind, limits=limits, on_problem=counted)
        label = pm.plugin_label(exporter.plugin)
        _write(exporter, map(portable, records), tmp, run_options, label)
        if count:
            raise RecordSetProblemsError(
                f"{count} problem(s) in the record set; nothing written to {output} "
                "(run grmodel validate for details)"
            )
