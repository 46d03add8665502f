"""``grmodel rules``, ``grmodel rule`` and ``grmodel plugins``."""

from __future__ import annotations

import json
from typing import Any

import click

from grmodel.cli import get_pm
from grmodel.cli.options import list_format_option
from grmodel.errors import GrmodelError
from grmodel.plugins import BrokenPlugin, PluginInfo
from grmodel.rules.base import Rule


def rule_json(rule: Rule) -> dict[str, object]:
    """The JSON form of a rule's metadata."""
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "summary": rule.summary,
        "rationale": rule.rationale,
        "hint": rule.hint,
        "legal_basis": rule.legal_basis,
        "applies_to": list(rule.applies_to),
        "scope": "set" if rule.is_set_rule else "record",
        "plugin": rule.plugin,
        "options": {
            name: {"default": option.default, "shape": option.shape, "help": option.help}
            for name, option in rule.options.items()
        },
    }


@click.command("rules")
@list_format_option
@click.option("--select", default="", metavar="PREFIX", help="Only codes with this prefix.")
@click.pass_context
def rules_command(ctx: click.Context, fmt: str, select: str) -> None:
    """List the rule catalogue (every loaded plugin's rules)."""
    rules = [r for r in get_pm(ctx).rules if r.code.startswith(select)]
    if fmt == "json":
        click.echo(json.dumps([rule_json(r) for r in rules], ensure_ascii=False, indent=2))
        return
    for r in rules:
        basis = f" [{r.legal_basis}]" if r.legal_basis else ""
        click.echo(f"{r.code:8s} {r.severity!s:7s} {r.name:34s} {r.summary}{basis}  ({r.plugin})")
    click.echo(f"\n{len(rules)} rules")


@click.command("rule")
@click.argument("code")
@click.pass_context
def rule_command(ctx: click.Context, code: str) -> None:
    """Explain one rule: what it checks, why, how to fix, and an example."""
    rules = {r.code: r for r in get_pm(ctx).rules}
    rule = rules.get(code.upper())
    if rule is None:
        raise GrmodelError(f"no rule {code!r}; see grmodel rules")
    click.echo(
        f"{rule.code} {rule.name} ({rule.severity}, {'set' if rule.is_set_rule else 'record'}"
        f" rule, plugin {rule.plugin})\n"
    )
    click.echo(rule.summary + "\n")
    click.echo("Why: " + rule.rationale + "\n")
    if rule.legal_basis:
        click.echo(f"Legal basis: {rule.legal_basis}\n")
    click.echo("Fix: " + rule.hint)
    if rule.applies_to and rule.applies_to != ("__loader__",):
        click.echo("\nApplies to: " + ", ".join(rule.applies_to))
    if rule.options:
        click.echo(f"\nOptions ([tool.grmodel.rule-options.{rule.code}] in the configuration):")
        for name, option in rule.options.items():
            click.echo(f"    {name} = {option.default!r}: {option.help} ({option.shape})")
    if rule.example:
        click.echo("\nExample that trips it:\n")
        click.echo("".join(f"    {line}\n" for line in rule.example.splitlines()))


def _plugin_json(plugin: PluginInfo | BrokenPlugin) -> dict[str, Any]:
    """A plugin as ``grmodel plugins --format json`` lists it."""
    if isinstance(plugin, PluginInfo):
        builtin, status, error = plugin.builtin, "loaded", None
        provides = (plugin.rules, plugin.importers, plugin.exporters)
    else:
        builtin, status, error = False, "broken", plugin.error
        provides = ((), (), ())
    return {
        "name": plugin.name,
        "version": plugin.version,
        "distribution": plugin.distribution,
        "builtin": builtin,
        "status": status,
        "error": error,
        **{key: list(items) for key, items in zip(_PROVIDES, provides, strict=True)},
    }


_PROVIDES = ("rules", "importers", "exporters")


@click.command("plugins")
@list_format_option
@click.pass_context
def plugins_command(ctx: click.Context, fmt: str) -> None:
    """List loaded plugins with version and what they provide, and plugins that
    failed to load (left out).

    In JSON, one object per plugin: ``status`` is ``"loaded"``, or ``"broken"`` for
    a plugin left out, with ``error`` saying why (``null`` for a loaded one).
    """
    pm = get_pm(ctx)
    infos = pm.plugin_infos()
    if fmt == "json":
        listed = [_plugin_json(i) for i in infos] + [_plugin_json(b) for b in pm.broken_plugins]
        click.echo(json.dumps(listed, ensure_ascii=False, indent=2))
        return
    for i in infos:
        origin = "built-in" if i.builtin else f"{i.distribution} {i.version}"
        click.echo(f"{i.name} ({origin})")
        for label, items in (
            ("rules", i.rules),
            ("importers", i.importers),
            ("exporters", i.exporters),
        ):
            if items:
                click.echo(f"  {label}: {', '.join(items)}")
    for message in pm.broken:
        click.echo(f"BROKEN: {message}")


COMMANDS = [rules_command, rule_command, plugins_command]
