"""Running an exporter: gather records, write atomically, refuse to overwrite."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from grmodel.bundled import provider_hint
from grmodel.errors import GrmodelError
from grmodel.exporting.base import ExportOptions
from grmodel.exporting.paths import SourcePaths
from grmodel.io import atomic_output
from grmodel.model import Record
from grmodel.pipeline.source import RecordSource
from grmodel.plugins import GrPluginManager

__all__ = ["export", "iter_records"]


def iter_records(
    paths: Sequence[str | os.PathLike[str]], pm: GrPluginManager, kind: str | None = None
) -> Iterator[Record]:
    """Records of record files and imported documents, in order (a
    :class:`~grmodel.pipeline.source.RecordSource`; source paths as read —
    :func:`export` makes them portable, :class:`~grmodel.exporting.paths.SourcePaths`).

    :raises GrmodelError: on the first structural problem (export needs a record
        set that loads; run ``grmodel validate`` to see every problem).
    """
    return RecordSource(paths, pm, kind=kind).records()


def export(
    fmt: str,
    paths: Sequence[str | os.PathLike[str]],
    output: Path,
    pm: GrPluginManager,
    *,
    force: bool = False,
    options: ExportOptions | None = None,
    kind: str | None = None,
) -> None:
    """Export records to ``output`` in format ``fmt``, atomically.

    :raises GrmodelError: for an unknown format or ``-O`` option, an existing
        output without ``force``, or a record set that does not load.
    """
    exporter = pm.exporters.get(fmt)
    if exporter is None:
        known = ", ".join(sorted(pm.exporters))
        hint = provider_hint(exporter=fmt)
        raise GrmodelError(f"unknown export format {fmt!r} (known: {known}){hint}")
    unknown = sorted(set((options or ExportOptions()).extra) - set(exporter.options))
    if unknown:
        takes = ", ".join(sorted(exporter.options)) or "none"
        raise GrmodelError(f"{fmt} export: unknown option -O {unknown[0]} (options: {takes})")
    with atomic_output(output, directory=exporter.directory, force=force) as tmp:
        run_options = pm.export_options(options)
        portable = SourcePaths(paths, keep=run_options.source_paths)
        exporter.write(map(portable, iter_records(paths, pm, kind)), tmp, run_options)
