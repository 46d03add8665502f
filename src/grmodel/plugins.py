"""The plugin manager: a factory, a typed facade, and plugin discovery.

There is no global plugin manager: call :func:`get_plugin_manager` and pass the
result around. Plugins are found through the ``grmodel`` entry-point group;
``GRMODEL_DISABLE_PLUGIN_AUTOLOAD=1`` turns discovery off, and a plugin is
disabled by name with ``-p no:NAME`` on the command line or the ``disabled``
argument here.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.metadata
import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pluggy

from grmodel import hookspecs
from grmodel.errors import GrmodelError, PluginLoadError
from grmodel.hookspecs import PROJECT_NAME

if TYPE_CHECKING:
    import cattrs
    import click

    from grmodel.converter import GrConverter
    from grmodel.exporting.base import Exporter, ExportOptions
    from grmodel.importing.base import Importer, SourceDocument
    from grmodel.model import Body, Record
    from grmodel.refdata import ReferenceData
    from grmodel.rules.base import Rule

__all__ = [
    "AUTOLOAD_ENV",
    "BUILTIN_PLUGINS",
    "ESSENTIAL_PLUGINS",
    "BrokenPlugin",
    "GrPluginManager",
    "PluginInfo",
    "get_plugin_manager",
    "hookimpl",
]

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marker for hook implementations: decorate ``grmodel_…`` functions with it."""

AUTOLOAD_ENV = "GRMODEL_DISABLE_PLUGIN_AUTOLOAD"
"""Set this environment variable (to anything but ``""`` or ``"0"``) to skip entry points."""

ESSENTIAL_PLUGINS: tuple[tuple[str, str], ...] = (("grmodel.core", "grmodel.builtin.core"),)
"""Built-in plugins that cannot be disabled: (name, module)."""

BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("grmodel.rules", "grmodel.builtin.rules"),
    ("grmodel.formats", "grmodel.builtin.formats"),
)
"""Built-in plugins that can be disabled with ``-p no:NAME``: (name, module)."""

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What ``grmodel plugins`` shows about one plugin."""

    name: str
    """Registered name (entry-point name for external plugins)."""
    version: str
    """Version of its distribution (grmodel's version for built-ins)."""
    distribution: str
    """Name of the distribution that provides it."""
    builtin: bool
    """True for grmodel's own plugins."""
    rules: tuple[str, ...] = ()
    """Codes of the rules it provides."""
    importers: tuple[str, ...] = ()
    """Names of the importers it provides."""
    exporters: tuple[str, ...] = ()
    """Names of the exporters it provides."""


@attrs.frozen
class BrokenPlugin:
    """A plugin that failed to load and was left out (``grmodel plugins`` lists it)."""

    name: str
    """Its entry-point name."""
    distribution: str
    """Name of the distribution that provides it."""
    version: str
    """Version of that distribution (``"?"`` when unknown)."""
    error: str
    """Why it failed: the exception's type and the first line of its message."""

    @property
    def message(self) -> str:
        """One line naming the plugin, its distribution and the error."""
        return (
            f"cannot load plugin {self.name!r} from distribution {self.distribution} "
            f"{self.version}: {self.error}"
        )


def _env_disables_autoload() -> bool:
    return os.environ.get(AUTOLOAD_ENV, "") not in ("", "0")


class GrPluginManager:
    """A typed facade over a :class:`pluggy.PluginManager`.

    Each hook is called through pluggy (``pm.hook.grmodel_…``), so hook wrappers
    (``@hookimpl(wrapper=True)``), ``tryfirst``/``trylast`` and pluggy's call
    tracing work as pluggy documents them. Each ``register``-style hook is called
    once and its result cached, every item with the name of the plugin that
    returned it, so the engine runs plain loops.

    Results are listed in *registration order*: ``grmodel.core``, the other
    built-in plugins, entry-point plugins, then the ``plugins`` given to
    :func:`get_plugin_manager` (pluggy calls the implementations in the reverse
    order; ``tryfirst`` moves an implementation to the end of the list,
    ``trylast`` to its start).
    """

    def __init__(
        self,
        pm: pluggy.PluginManager,
        distributions: dict[str, tuple[str, str]],
        broken: Sequence[BrokenPlugin] = (),
    ):
        self.pm = pm
        """The underlying pluggy manager."""
        self._distributions = distributions
        self.broken_plugins: tuple[BrokenPlugin, ...] = tuple(broken)
        """The plugins that failed to load and were left out (see ``on_broken``)."""
        self.broken: tuple[str, ...] = tuple(b.message for b in self.broken_plugins)
        """One line per plugin that failed to load (:attr:`BrokenPlugin.message`)."""

    # -- helpers ---------------------------------------------------------------

    def plugin_label(self, name: str) -> str:
        """How an error names a plugin: ``plugin 'x' of distribution d 1.0``, or
        ``plugin 'x'`` when its distribution is unknown (a plugin given in code)."""
        dist, version = self._distributions.get(name, ("", "?"))
        return f"plugin {name!r}" + (f" of distribution {dist} {version}" if version != "?" else "")

    def _hook(self, hook_name: str) -> pluggy.HookCaller:
        """A hook with each plugin's implementation guarded (:class:`_Guard`) — at the
        call, so a plugin registered on :attr:`pm` after this manager was built is
        guarded too. A wrapper around the call already sees named items, and a
        wrapper's own additions keep the ``plugin`` they were made with.

        pluggy types :attr:`pluggy.HookImpl.function` as final; wrapping the function
        pluggy calls is the one place that can tell which plugin returned an item
        without calling a hook twice.
        """
        caller: pluggy.HookCaller = getattr(self.pm.hook, hook_name)
        for impl in caller.get_hookimpls():
            if impl.wrapper or impl.hookwrapper or isinstance(impl.function, _Guard):
                continue
            label = self.plugin_label(impl.plugin_name)
            guard = _Guard(impl, hook_name, label, lambda: self.importers)
            impl.function = guard  # type: ignore[misc]
        return caller

    def _collect(self, hook_name: str, **kwargs: Any) -> list[Any]:
        """Call a list-returning hook through pluggy; its items in registration order."""
        results: list[list[Any]] = self._hook(hook_name)(**kwargs)
        return [item for result in reversed(results) for item in result or ()]

    def _named(self, hook_name: str, what: str, key: Callable[[Any], str]) -> list[Any]:
        seen: dict[str, str] = {}
        items = self._collect(hook_name)
        for item in items:
            name = key(item)
            if name in seen:
                raise GrmodelError(
                    f"{what} {name!r} is registered by both {seen[name]!r} and {item.plugin!r}"
                )
            seen[name] = item.plugin
        return items

    # -- typed hooks -----------------------------------------------------------

    @functools.cached_property
    def record_types(self) -> tuple[type[Record], ...]:
        """All registered record types."""
        return tuple(self._collect("grmodel_record_types"))

    @functools.cached_property
    def converter(self) -> GrConverter:
        """The converter, built once with every plugin's contributions."""
        from grmodel.converter import make_converter

        def configure(converter: cattrs.Converter) -> None:
            self._hook("grmodel_configure_converter")(converter=converter)

        return make_converter(self.record_types, [configure])

    @functools.cached_property
    def rules(self) -> tuple[Rule, ...]:
        """All registered rules, sorted by code.

        :raises GrmodelError: when two plugins register one code, or a rule's
            ``applies_to`` names a record type nobody registered (a typo would make
            the rule silently never run).
        """
        rules = self._named("grmodel_rules", "rule code", lambda rule: rule.code)
        from grmodel.rules.base import LOADER_TAG

        known = {cls.TYPE for cls in self.record_types}
        by_code = {rule.code: rule for rule in rules}
        for index, rule in enumerate(rules):
            if rule.reported_by is not None:
                reporter = by_code.get(rule.reported_by)
                if reporter is None or reporter.reported_by is not None:
                    raise GrmodelError(
                        f"rule {rule.code} of plugin {rule.plugin!r} is reported by "
                        f"{rule.reported_by}, which no plugin registers with a check"
                    )
                rules[index] = attrs.evolve(
                    rule,
                    check=reporter.check,
                    make_set_rule=reporter.make_set_rule,
                    make_column_rule=reporter.make_column_rule,
                )
            unknown = sorted(set(rule.applies_to) - known - {LOADER_TAG})
            if unknown:
                raise GrmodelError(
                    f"rule {rule.code} of plugin {rule.plugin!r} applies to unknown record "
                    f"type {unknown[0]!r} (known: {', '.join(sorted(known))})"
                )
        return tuple(sorted(rules, key=lambda rule: rule.code))

    @functools.cached_property
    def importers(self) -> dict[str, Importer]:
        """Importers by name."""
        return {i.name: i for i in self._named("grmodel_importers", "importer", lambda i: i.name)}

    @functools.cached_property
    def exporters(self) -> dict[str, Exporter]:
        """Exporters by name."""
        return {e.name: e for e in self._named("grmodel_exporters", "exporter", lambda e: e.name)}

    @functools.cached_property
    def reference_bodies(self) -> tuple[Body, ...]:
        """Reference bodies contributed by plugins (the core's GR bodies included)."""
        return tuple(self._collect("grmodel_reference_bodies"))

    @functools.cached_property
    def refdata(self) -> ReferenceData:
        """Reference data with every plugin's reference bodies."""
        from grmodel.refdata import load_reference_data

        return load_reference_data(extra_bodies=self.reference_bodies)

    def missing_hint(self, *, importer: str = "", exporter: str = "", code: str = "") -> str:
        """What to add to "unknown importer, export format or rule code": the plugins
        that failed to load and may provide it (``"; plugin 'x' of distribution d 1.0
        did not load (…), it may provide it"``), else the bundled plugin that provides
        it (:func:`~grmodel.bundled.provider_hint`), else ``""``."""
        from grmodel.bundled import provider, provider_hint

        bundled = provider(importer=importer, exporter=exporter, code=code)
        wanted = bundled.distribution if bundled is not None else None
        broken = [b for b in self.broken_plugins if wanted in (None, b.distribution)]
        if not broken:
            return provider_hint(importer=importer, exporter=exporter, code=code)
        named = "; ".join(
            f"plugin {b.name!r} of distribution {b.distribution} {b.version} did not load "
            f"({b.error})"
            for b in broken
        )
        return f"; {named}, it may provide it (see grmodel plugins)"

    def export_options(self, options: ExportOptions | None = None) -> ExportOptions:
        """``options`` (default: the defaults) with this manager's converter, reference
        data and reference bodies filled in, as every exporter receives them."""
        from grmodel.exporting.base import ExportOptions

        return attrs.evolve(
            options or ExportOptions(),
            converter=self.converter,
            refdata=self.refdata,
            reference_bodies=self.refdata.bodies,
        )

    def detect_kind(self, document: SourceDocument) -> str | None:
        """Which importer fits a document: the ``grmodel_detect_kind`` hook's first answer
        (the core's own implementation runs last), else ``None``."""
        result: str | None = self._hook("grmodel_detect_kind")(
            document=document, importers=self.importers
        )
        return result

    def cli_commands(self) -> list[click.Command]:
        """Commands contributed by plugins."""
        commands: list[click.Command] = self._collect("grmodel_cli_commands")
        return commands

    def plugin_infos(self) -> list[PluginInfo]:
        """One :class:`PluginInfo` per registered plugin, built-ins first."""
        from grmodel import __version__

        infos = []
        for name, _plugin in self.pm.list_name_plugin():
            dist, version = self._distributions.get(name, ("grmodel", __version__))
            infos.append(
                PluginInfo(
                    name=name,
                    version=version,
                    distribution=dist,
                    builtin=name.startswith("grmodel."),
                    rules=tuple(r.code for r in self.rules if r.plugin == name),
                    importers=tuple(i for i, imp in self.importers.items() if imp.plugin == name),
                    exporters=tuple(e for e, exp in self.exporters.items() if exp.plugin == name),
                )
            )
        return sorted(infos, key=lambda info: (not info.builtin, info.name))


_DESCRIBING_HOOKS = frozenset({"grmodel_rules", "grmodel_importers", "grmodel_exporters"})
"""Hooks whose items (rules, importers, exporters) carry their plugin's name."""


class _Guard:
    """A plugin's hook implementation as the facade calls it: one that raises is a
    one-line error naming the plugin (a :class:`GrmodelError` it raises is one line
    already, and passes); the items of a describing hook are given
    ``plugin=name``, and anything but a list of rules, importers or exporters is
    an error naming it; a kind detected that no importer has is one too."""

    def __init__(
        self, impl: pluggy.HookImpl, hook: str, label: str, kinds: Callable[[], Iterable[str]]
    ):
        functools.update_wrapper(self, impl.function)
        self._function: Callable[..., Any] = impl.function
        self._hook, self._name, self._label, self._kinds = hook, impl.plugin_name, label, kinds

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            result = self._function(*args, **kwargs)
        except GrmodelError:
            raise
        except Exception as exc:
            first = (str(exc).strip().splitlines() or [""])[0]
            raise GrmodelError(
                f"{self._label}: {self._hook} failed: {type(exc).__name__}: {first}"
            ) from exc
        if result is None:
            return None
        if self._hook == "grmodel_detect_kind":
            return self._kind(result)
        if self._hook in _DESCRIBING_HOOKS:
            return self._items(result)
        return result

    def _kind(self, result: Any) -> str:
        if not isinstance(result, str) or result not in self._kinds():
            raise GrmodelError(
                f"{self._label}: grmodel_detect_kind answered {result!r}, which is no "
                "importer's name"
            )
        return result

    def _items(self, result: Any) -> list[Any]:
        wrong = (
            [item for item in result if not attrs.has(type(item))]
            if isinstance(result, (list, tuple))
            else [result]
        )
        if wrong:
            raise GrmodelError(
                f"{self._label}: {self._hook} returned a {type(wrong[0]).__name__}, "
                "not a list of what it registers"
            )
        return [attrs.evolve(item, plugin=self._name) for item in result]


def _given(plugin: object) -> object:
    return plugin


def get_plugin_manager(
    *,
    load_entrypoints: bool | None = None,
    disabled: Iterable[str] = (),
    plugins: Sequence[tuple[str, object]] = (),
    on_broken: Callable[[str], None] | None = None,
) -> GrPluginManager:
    """Build a fresh plugin manager.

    :param load_entrypoints: load plugins from the ``grmodel`` entry-point group;
        ``None`` (the default) means yes unless :data:`AUTOLOAD_ENV` is set.
    :param disabled: names of plugins not to register (built-in or external);
        essential plugins cannot be disabled.
    :param plugins: extra ``(name, plugin object)`` pairs to register, e.g. in tests.
    :param on_broken: told (one line naming plugin and distribution) of each entry
        point that fails to import, and of each plugin (entry point or ``plugins``)
        that fails to register (a hook with a wrong signature, an unknown hook); the
        plugin is then left out and the rest still load. Without it such a plugin
        raises.
    :raises PluginLoadError: when a plugin fails and ``on_broken`` is not given.
    :raises GrmodelError: when an essential plugin is disabled.
    """
    disabled = set(disabled)
    for name, _ in ESSENTIAL_PLUGINS:
        if name in disabled:
            raise GrmodelError(f"plugin {name!r} is essential and cannot be disabled")
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    for name, module in (*ESSENTIAL_PLUGINS, *BUILTIN_PLUGINS):
        if name not in disabled:
            pm.register(importlib.import_module(module), name=name)
    distributions: dict[str, tuple[str, str]] = {}
    broken: list[BrokenPlugin] = []

    def guarded(name: str, load: Callable[[], object], dist: str, version: str) -> bool:
        try:
            pm.register(load(), name=name)
            pm.check_pending()
        except Exception as exc:
            with contextlib.suppress(Exception):
                pm.unregister(name=name)
            first = (str(exc).strip().splitlines() or [""])[0]
            found = BrokenPlugin(name, dist, version, f"{type(exc).__name__}: {first}")
            if on_broken is None:
                raise PluginLoadError(found.message) from exc
            on_broken(found.message)
            broken.append(found)
            return False
        return True

    if load_entrypoints is None:
        load_entrypoints = not _env_disables_autoload()
    if load_entrypoints:
        for ep in importlib.metadata.entry_points(group=PROJECT_NAME):
            if ep.name in disabled or pm.has_plugin(ep.name):
                continue
            dist = ep.dist.name if ep.dist else "unknown distribution"
            version = ep.dist.version if ep.dist else "?"
            if guarded(ep.name, ep.load, dist, version):
                distributions[ep.name] = (dist, version)
    for name, plugin in plugins:
        if name not in disabled:
            guarded(name, functools.partial(_given, plugin), "no distribution (in code)", "?")
    return GrPluginManager(pm, distributions, broken)
