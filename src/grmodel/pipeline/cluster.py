"""``--engine dask``: the engine's partitioned work on a ``dask.distributed`` cluster.

An optional extra (from a grmodel checkout: ``python3 -m pip install '.[dask]'``).
The engine is the one of ``--jobs`` (:mod:`grmodel.pipeline.parallel`), with a
cluster's workers in place of forked processes:

- **validate**: each partition of the record set (a record file, or a byte range of
  a large JSON Lines file with the global number of its first line) is a task. A
  worker reads it, structures its records and runs the record rules on them; the
  task returns the partition's records (as compact Structs) with those rules'
  findings, and its loading problems. The client reads no record file itself: it
  takes each file's entries from the tasks, in the order one job reads them, and
  runs the set rules (cross-record rules: references, duplicates, memberships,
  composition), so the findings are those of one job, in the same order. What is
  distributed is the reading and the per-record work; the set rules are not (yet).
  A few tasks per worker thread are in flight at a time.
- **import**: the documents are a bag of tasks, one document each; a worker reads
  and imports it and returns the records, and the client writes them, in the
  order of the local import (the same files, the same messages).

Workers build their own plugin manager from the plugins installed where they run;
before any work, each worker is checked to have the client's grmodel version and
plugins (same names and versions) and to see the data at the client's paths
(relative paths are read under the client's working directory). A worker that
does not is a one-line error, never a silent difference.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from grmodel import __version__
from grmodel.errors import GrmodelError
from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.pipeline import parallel
from grmodel.pipeline.importing import import_read, read_source
from grmodel.plugins import GrPluginManager, get_plugin_manager
from grmodel.recordset.fast import fast_codec
from grmodel.recordset.loading import LoadLimits
from grmodel.rules.base import RuleContext

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["INSTALL", "DaskEngine", "require_dask"]

INSTALL = "from a grmodel checkout: python3 -m pip install '.[dask]'"
"""What installs the extra (grmodel is on no package index)."""


def require_dask() -> None:
    """Check that ``dask.distributed`` can be imported.

    :raises GrmodelError: when it cannot, naming the extra that installs it.
    """
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise GrmodelError(
            f"--engine dask needs dask.distributed ({exc.name or 'dask'} is not installed): "
            f"{INSTALL}"
        ) from exc


@attrs.frozen
class WorkerSpec:
    """What a worker needs to work as the client does."""

    version: str
    """The client's grmodel version."""
    plugins: tuple[tuple[str, str], ...]
    """The client's plugins: (name, version), in registration order."""
    codes: tuple[str, ...] = ()
    """The run's rules (those that run, in the run's order)."""
    root: str = ""
    """The client's working directory: relative paths are read under it."""
    limits: LoadLimits | None = None
    """Bounds on file size, nesting and alias expansion."""


def _plugins(pm: GrPluginManager) -> tuple[tuple[str, str], ...]:
    return tuple((info.name, info.version) for info in pm.plugin_infos())


_MANAGERS: dict[tuple[tuple[str, str], ...], GrPluginManager | str] = {}
"""A worker's plugin managers by the client plugins they mirror (or why none can)."""


def _worker_pm(spec: WorkerSpec) -> GrPluginManager:
    """The plugin manager of a worker, with the client's plugins and no others.

    :raises GrmodelError: when the worker lacks a plugin, or has another version.
    """
    found = _MANAGERS.get(spec.plugins)
    if found is None:
        found = _MANAGERS[spec.plugins] = _mirror(spec)
    if isinstance(found, str):
        raise GrmodelError(found)
    return found


def _mirror(spec: WorkerSpec) -> GrPluginManager | str:
    if spec.version != __version__:
        return f"grmodel {__version__} is installed, the client has {spec.version}"
    pm = get_plugin_manager(on_broken=lambda _message: None)
    here = dict(_plugins(pm))
    wanted = dict(spec.plugins)
    missing = sorted(name for name in wanted if name not in here)
    if missing:
        return f"plugin(s) {', '.join(missing)} not installed (the client has them)"
    other = sorted(f"{n} {here[n]} (client: {v})" for n, v in wanted.items() if here[n] != v)
    if other:
        return f"other plugin version(s): {', '.join(other)}"
    extra = [name for name in here if name not in wanted]
    return get_plugin_manager(disabled=extra, on_broken=lambda _message: None) if extra else pm


def _check_worker(spec: WorkerSpec, probe: str | None) -> str | None:
    """Why this worker cannot work for the client, or ``None``."""
    try:
        pm = _worker_pm(spec)
    except GrmodelError as exc:
        return str(exc)
    codes = {rule.code for rule in pm.rules}
    unknown = [code for code in spec.codes if code not in codes]
    if unknown:
        return f"rule(s) {', '.join(unknown)} unknown here"
    if probe is not None and not os.path.exists(os.path.join(spec.root, probe)):
        return f"cannot see {os.path.join(spec.root, probe)} (data must be at the same path)"
    return None


_BOUND: dict[tuple[tuple[str, str], ...], tuple[tuple[str, ...], parallel.Bound]] = {}
"""A worker's record rules, bound once per run's rule selection."""


def _validate_partition(
    partition: parallel.Partition, spec: WorkerSpec, ctx: RuleContext, located: parallel.Located
) -> parallel.Shipped:
    """A task: one partition read, with its record rules' findings."""
    pm = _worker_pm(spec)
    codes, bound = _BOUND.get(spec.plugins, ((), {}))
    if codes != spec.codes:
        by_code = {rule.code: rule for rule in pm.rules}
        rules = [by_code[code] for code in spec.codes]
        bound = parallel.bind(rules, tuple(pm.converter.record_types))
        _BOUND[spec.plugins] = (spec.codes, bound)
    root = Path(spec.root)
    return parallel.work(partition, pm, bound, ctx, located, spec.limits, root)


def _import_document(
    name: str, spec: WorkerSpec, kind: str | None
) -> tuple[SourceDocument, ImportResult] | str:
    """A task: one document read and imported, or the one-line message of its error."""
    pm = _worker_pm(spec)
    full = os.path.join(spec.root, name)
    try:
        read = attrs.evolve(read_source(Path(full)), path=Path(name))
        return import_read(read, pm, kind)
    except GrmodelError as exc:  # named as the client names it
        return str(exc).replace(full, name)


class DaskEngine:
    """The engine's work on a ``dask.distributed`` cluster.

    :param scheduler: the scheduler's address (``tcp://host:8786``); without it, a
        local cluster of ``workers`` processes is started (and stopped by
        :meth:`close`).
    :param workers: worker processes of a local cluster (default: one per CPU).
    :param client: a client already connected (``scheduler`` is then not used).
    :raises GrmodelError: when dask is not installed, or the scheduler cannot be
        reached.
    """

    def __init__(
        self,
        scheduler: str | None = None,
        *,
        workers: int | None = None,
        client: Client | None = None,
    ):
        require_dask()
        self._own: list[Any] = []
        self.client: Client = client if client is not None else self._connect(scheduler, workers)
        self.last: parallel.RecordRules | None = None
        """The record rules' answers of the last validation (how many came from
        workers, how many the client checked itself, and why)."""

    def _connect(self, scheduler: str | None, workers: int | None) -> Client:
        from distributed import Client, LocalCluster

        try:
            if scheduler is not None:
                client = Client(scheduler, timeout="10s")
            else:
                count = workers or parallel.available_jobs()
                cluster = LocalCluster(
                    n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None
                )
                self._own.append(cluster)
                client = Client(cluster)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise GrmodelError(f"dask scheduler {scheduler}: cannot connect ({exc})") from exc
        self._own.insert(0, client)
        return client

    def close(self) -> None:
        """Disconnect, and stop a local cluster started here."""
        while self._own:
            self._own.pop(0).close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _spec(self, pm: GrPluginManager, codes: Sequence[str] = (), **kw: Any) -> WorkerSpec:
        return WorkerSpec(__version__, _plugins(pm), tuple(codes), os.getcwd(), **kw)

    def _check(self, spec: WorkerSpec, probe: Path | None) -> None:
        """Every worker works as the client does, or a one-line error names one."""
        answers: dict[str, str | None] = self.client.run(
            _check_worker, spec, None if probe is None else str(probe)
        )
        if not answers:
            raise GrmodelError("the dask cluster has no workers")
        for address, problem in sorted(answers.items()):
            if problem is not None:
                raise GrmodelError(
                    f"dask worker {address}: {problem}; install the same grmodel and plugins "
                    "on every worker, with the data at the same path"
                )

    def record_rules(
        self, paths: Sequence[Path], run: parallel.RunRules
    ) -> parallel.RecordRules | None:
        """The record rules over the partitions of ``paths``, as tasks (see
        :class:`grmodel.pipeline.parallel.Distributor`)."""
        self.last = None
        workers = self.client.scheduler_info()["workers"].values()
        threads = sum(w.get("nthreads", 1) for w in workers) or 1
        plan = parallel.plan_partitions(paths, threads)
        record_types = tuple(run.pm.converter.record_types)
        if not plan or not parallel.bind(run.rules, record_types):
            return None
        spec = self._spec(run.pm, [rule.code for rule in run.rules], limits=run.limits)
        self._check(spec, Path(plan[0].file))
        [ctx] = self.client.scatter([run.ctx], broadcast=True, hash=False)  # reference data
        client, located, pm, limits = self.client, run.located, run.pm, run.limits

        def submit(partition: parallel.Partition) -> parallel.Answer:
            future: parallel.Answer = client.submit(
                _validate_partition, partition, spec=spec, ctx=ctx, located=located, pure=False
            )
            return future

        self.last = parallel.RecordRules(
            plan,
            submit,
            lambda: None,
            lambda partition: parallel.Reading(partition, pm, limits),
            fast_codec(pm.converter),
            parallel.AHEAD * threads,
        )
        return self.last

    def imports(
        self, documents: Sequence[Path], pm: GrPluginManager, kind: str | None = None
    ) -> Iterator[tuple[SourceDocument, ImportResult] | GrmodelError]:
        """Each document imported by a task, in the order given; a document that
        fails is its error (as :func:`~grmodel.pipeline.importing.import_source` raises
        it), and the others go on.

        :raises GrmodelError: when the cluster cannot work for the client.
        """
        import dask.bag

        if not documents:
            return
        spec = self._spec(pm)
        self._check(spec, documents[0])
        names = [str(document) for document in documents]
        bag = dask.bag.from_sequence(names, partition_size=1)
        pending = self.client.compute(bag.map(_import_document, spec, kind).to_delayed())
        try:
            for future in pending:
                for done in future.result():
                    yield GrmodelError(done) if isinstance(done, str) else done
        finally:
            for future in pending:
                future.cancel()
