"""``grmodel validate --watch``: validate again whenever a record file changes."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence

import click

from grmodel.errors import GrmodelError
from grmodel.pipeline import discover_inputs

__all__ = ["snapshot", "watch"]

Snapshot = dict[str, tuple[int, int]]


def snapshot(targets: Sequence[str]) -> Snapshot:
    """Modification time and size of every record file and document under ``targets``
    (and of the targets themselves, so a new or deleted file counts as a change)."""
    state: Snapshot = {}
    for path in [*targets, *map(str, discover_inputs(targets))]:
        try:
            info = os.stat(path)
        except OSError:
            continue
        state[path] = (info.st_mtime_ns, info.st_size)
    return state


def watch(
    run: Callable[[], int],
    targets: Sequence[str],
    *,
    interval: float = 0.5,
    max_runs: int | None = None,
) -> None:
    """Call ``run`` now and after every change under ``targets``, until interrupted
    (Ctrl-C) or ``max_runs`` runs. A run's own error (exit 2) is shown and watching
    goes on."""
    runs = 0
    state: Snapshot | None = None
    while max_runs is None or runs < max_runs:
        current = snapshot(targets)
        if current != state:
            state = current
            runs += 1
            try:
                code = run()
            except GrmodelError as exc:
                click.echo(f"grmodel: error: {exc}", err=True)
                code = 2
            click.echo(f"grmodel: exit {code}; watching for changes (Ctrl-C to stop)", err=True)
            continue
        time.sleep(interval)
