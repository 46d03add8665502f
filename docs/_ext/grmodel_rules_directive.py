"""A Sphinx directive that writes the rule catalogue from rule metadata.

``.. grmodel-rules::`` builds a fresh plugin manager with every installed plugin
(``get_plugin_manager(load_entrypoints=True)``) and emits one section per plugin
and, inside it, one section per rule: code, name, severity, scope, legal basis,
summary, rationale, hint and the example record set. Nothing is written by hand,
so the page cannot fall behind the rules. Each rule section has the label
``rule-<code>`` (``:ref:`rule-GRP001```).

Options:

``:select: PREFIX``
    only rules whose code starts with PREFIX.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from grmodel.errors import GrmodelError
from grmodel.plugins import get_plugin_manager
from grmodel.rules.base import Rule

_ENV_KEY = "grmodel_rules_docs"
logger = logging.getLogger(__name__)


def _field(name: str, body: nodes.Node) -> nodes.field:
    para = nodes.paragraph()
    para += body
    return nodes.field("", nodes.field_name(text=name), nodes.field_body("", para))


def _paragraphs(text: str) -> list[nodes.paragraph]:
    """Plain paragraphs (no reST parsing: rule text is shown as written)."""
    chunks = [chunk for chunk in text.split("\n\n") if chunk.strip()]
    return [nodes.paragraph(text=" ".join(chunk.split())) for chunk in chunks]


class RuleCatalogue(SphinxDirective):
    """``.. grmodel-rules::``: the rule catalogue of every installed plugin."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"select": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        docs: set[str] = getattr(self.env, _ENV_KEY, set())
        docs.add(self.env.docname)
        setattr(self.env, _ENV_KEY, docs)

        prefix = self.options.get("select", "")
        try:
            pm = get_plugin_manager(load_entrypoints=True)
            all_rules = pm.rules
        except GrmodelError as exc:  # e.g. an installed plugin that fails to import
            logger.warning("cannot build the rule catalogue: %s", exc, location=self.get_location())
            return [nodes.paragraph(text=f"The rule catalogue could not be built: {exc}")]
        rules = [rule for rule in all_rules if rule.code.startswith(prefix)]
        by_plugin: dict[str, list[Rule]] = {}
        for rule in rules:
            by_plugin.setdefault(rule.plugin, []).append(rule)

        out: list[nodes.Node] = []
        for plugin in sorted(by_plugin, key=lambda p: (not p.startswith("grmodel."), p)):
            section = self._section(f"plugin-{plugin}", f"Plugin {plugin}")
            plugin_rules = by_plugin[plugin]
            section += nodes.paragraph(
                text=f"{len(plugin_rules)} rule(s): "
                + ", ".join(rule.code for rule in plugin_rules)
                + "."
            )
            for rule in plugin_rules:
                section += self._rule(rule)
            out.append(section)
        if not out:
            out.append(nodes.paragraph(text="No rules are registered."))
        return out

    def _section(self, name: str, title: str) -> nodes.section:
        section = nodes.section(ids=[nodes.make_id(name)], names=[nodes.fully_normalize_name(name)])
        section += nodes.title(text=title)
        self.state.document.note_explicit_target(section, section)
        return section

    def _rule(self, rule: Rule) -> nodes.section:
        section = self._section(f"rule-{rule.code}", f"{rule.code} {rule.name}")
        fields = nodes.field_list()
        fields += _field("Severity", nodes.Text(str(rule.severity)))
        scope = "set rule (sees the whole record set)" if rule.is_set_rule else "record rule"
        fields += _field("Scope", nodes.Text(scope))
        applies = [t for t in rule.applies_to if t != "__loader__"]
        if applies:
            fields += _field("Applies to", nodes.Text(", ".join(applies)))
        elif rule.applies_to == ("__loader__",):
            fields += _field("Applies to", nodes.Text("files, as they are loaded"))
        if rule.legal_basis:
            fields += _field("Legal basis", nodes.Text(rule.legal_basis))
        for name, option in rule.options.items():
            text = f"{name} = {option.default!r} ({option.shape}): {option.help}"
            fields += _field("Option", nodes.Text(text))
        fields += _field("Plugin", nodes.literal(text=rule.plugin))
        section += fields
        section += nodes.paragraph("", "", nodes.strong(text=rule.summary))
        section += _paragraphs(rule.rationale)
        hint = nodes.paragraph()
        hint += nodes.strong(text="Fix: ")
        hint += nodes.Text(rule.hint)
        section += hint
        if rule.example:
            section += nodes.paragraph(text="An example that trips the rule:")
            block = nodes.literal_block(rule.example, rule.example, language="yaml")
            section += block
        return section


def _always_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Re-read catalogue pages on every build: installed plugins may have changed."""
    return sorted(getattr(env, _ENV_KEY, set()) - removed)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, _ENV_KEY, set()).discard(docname)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    mine: set[str] = getattr(env, _ENV_KEY, set())
    mine |= getattr(other, _ENV_KEY, set())
    setattr(env, _ENV_KEY, mine)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("grmodel-rules", RuleCatalogue)
    app.connect("env-get-outdated", _always_outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
