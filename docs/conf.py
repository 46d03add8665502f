"""Sphinx configuration for grmodel's documentation.

Build (warnings are errors, nitpicky)::

    python -m sphinx -W --keep-going -b html docs docs/_build/html
    python -m sphinx -W --keep-going -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import builtins
import importlib
import re
import sys
from pathlib import Path

import attrs
from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import grmodel  # noqa: E402

project = "grmodel"
author = "grmodel developers"
copyright = "grmodel developers"
version = release = grmodel.__version__
language = "en"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "sphinx.ext.doctest",
    "sphinx_click",
    "sphinx_copybutton",
    "grmodel_rules_directive",  # docs/_ext: the rule catalogue, generated from rule metadata
    "grmodel_tables_directive",  # docs/_ext: the export tables, from their declarations
]

exclude_patterns = ["_build"]
templates_path: list[str] = []
html_static_path: list[str] = []
html_theme = "furo"
html_title = f"grmodel {release}"
pygments_style = "sphinx"
pygments_dark_style = "monokai"
default_role = "code"  # `text` is code, never a guessed cross-reference
# Commands are shown as typed: no "smart" quotes or dashes ("--by" must not become "–by").
smartquotes = False

# The copy button copies only what follows a prompt ("$ ", ">>> ", "... "), so a
# pasted console block is the commands without their output.
copybutton_prompt_text = r"\$ |>>> |\.\.\. "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

# -- Strictness ----------------------------------------------------------------------

nitpicky = True

# The build must work offline, so intersphinx has no inventories: references to
# the standard library and to third-party packages cannot resolve and are ignored
# by module. Everything of grmodel's own must resolve.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

nitpick_ignore_regex = [
    # Standard library (no intersphinx offline).
    (
        r"py:(class|obj|exc|data|func|meth|mod)",
        r"(collections|pathlib|datetime|dt|os|enum|re|io|types|typing|importlib"
        r"|contextlib|xml|json|csv|tomllib|calendar|array)(\..*)?",
    ),
    # Third-party packages grmodel builds on (no intersphinx offline).
    (
        r"py:(class|obj|exc|data|func|meth|mod)",
        r"(attrs|attr|cattrs|pluggy|click|yaml|pa|pyarrow)(\..*)?",
    ),
    # The optional dask extra (its Client is imported for type checking only).
    (r"py:(class|obj|exc|data|func|meth|mod)", r"(dask|distributed)(\..*)?|Client"),
]

# pluggy's HookspecMarker/HookimplMarker are callables whose signature uses pluggy's
# private TypeVar _F (shown for grmodel.hookspecs.hookspec and grmodel.plugins.hookimpl).
nitpick_ignore: list[tuple[str, str]] = [("py:class", "_F")]
# The type variables of grmodel.rules.support's generic helpers.
nitpick_ignore += [
    (role, f"grmodel.rules.support.{name}") for role in ("py:class", "py:obj") for name in "ARS"
]
nitpick_ignore += [(role, "grmodel.validation.columnar.F") for role in ("py:class", "py:obj")]

# -- autodoc ---------------------------------------------------------------------------

autodoc_typehints = "description"
autodoc_typehints_format = "fully-qualified"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_class_signature = "separated"

# -- doctest ---------------------------------------------------------------------------

doctest_global_setup = """
import os
os.environ.pop("GRMODEL_DISABLE_PLUGIN_AUTOLOAD", None)


def has_importer(name):
    # Importers come from plugins; tutorials skip their import examples without one.
    from grmodel.plugins import get_plugin_manager

    return name in get_plugin_manager().importers
"""

# -- Where the API is documented -----------------------------------------------------
#
# Model classes are documented where users import them from (``grmodel.Meeting``),
# and validation's classes as ``grmodel.pipeline.Finding``; type hints name the
# module that defines them (``grmodel.model.meeting.Meeting``). This maps the
# defining modules to the documented ones, so type hints link.

REEXPORTED_FROM = {
    "grmodel.model.base": "grmodel",
    "grmodel.model.documents": "grmodel",
    "grmodel.model.geography": "grmodel",
    "grmodel.model.meeting": "grmodel",
    "grmodel.model.organisation": "grmodel",
    "grmodel.model.people": "grmodel",
    "grmodel.model.projects": "grmodel",
    "grmodel.model.values": "grmodel",
    "grmodel.model": "grmodel",
    "grmodel.pipeline.validation": "grmodel.pipeline",
    "grmodel.validation.config": "grmodel.validation",
}


def _resolve_reexport(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    """Resolve ``grmodel.model.meeting.Meeting`` to the documented ``grmodel.Meeting``."""
    if node.get("refdomain") != "py":
        return None
    target: str = node["reftarget"]
    # Attributes and methods: grmodel.model.meeting.Meeting.date → grmodel.Meeting.date
    for defining, documented in REEXPORTED_FROM.items():
        if target.startswith(defining + "."):
            alias = documented + target[len(defining) :]
            break
    else:
        return None
    domain = env.get_domain("py")
    new = node.copy()
    new["reftarget"] = alias
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], alias, new, contnode
    )


class _BuiltinsAreBuiltins(SphinxPostTransform):
    """Resolve a bare builtin in a type hint (``type[Record]``) to the builtin itself.

    Without intersphinx, Sphinx's fuzzy lookup would otherwise match ``type`` to
    every documented attribute named ``type`` (``RecordRef.type``,
    ``Collaboration.type``) and warn that the reference is ambiguous.
    """

    default_priority = 5  # before sphinx's ReferencesResolver (10)

    def run(self, **kwargs: object) -> None:
        for node in list(self.document.findall(pending_xref)):
            target = node.get("reftarget", "")
            if (
                node.get("refdomain") == "py"
                and node.get("reftype") in ("class", "obj")
                and isinstance(getattr(builtins, target, None), type)
            ):
                node.replace_self(node[0] if node.children else nodes.Text(target))


def _attrs_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show an attrs field's factory default as ``name=dict()``, not ``name=NOTHING``."""
    if not signature or "NOTHING" not in signature:
        return None
    cls = _owner(name if what != "class" else name + ".__init__")
    factories = {}
    if cls is not None and attrs.has(cls):
        for field in attrs.fields(cls):
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                factory = field.default.factory
                factories[field.name] = f"{getattr(factory, '__name__', 'factory')}()"
    fixed = re.sub(
        r"(\w+)=NOTHING",
        lambda m: f"{m.group(1)}={factories.get(m.group(1), '<factory>')}",
        signature,
    )
    return fixed, return_annotation


def _attrs_docstring(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Replace attrs' "Method generated by attrs for class X." with what the method does."""
    if lines and lines[0].startswith("Method generated by attrs"):
        method = name.rsplit(".", 1)[-1]
        lines[:] = [_GENERATED.get(method, "Generated by attrs.")]


_GENERATED = {
    "__init__": "Create the object: each argument sets the attribute of the same name.",
    "__eq__": "Equal when every field is equal.",
    "__ne__": "Not equal when some field differs.",
    "__lt__": "Ordered by the fields, in order.",
    "__le__": "Ordered by the fields, in order.",
    "__gt__": "Ordered by the fields, in order.",
    "__ge__": "Ordered by the fields, in order.",
    "__repr__": "The class name and every field.",
}


def _owner(method: str) -> type | None:
    """The class of ``package.module.Class.__init__``."""
    parts = method.split(".")[:-1]
    for cut in range(len(parts) - 1, 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            target = getattr(target, attr, None)
        return target if isinstance(target, type) else None
    return None


def setup(app: Sphinx) -> None:
    app.connect("autodoc-process-signature", _attrs_signature)
    app.connect("autodoc-process-docstring", _attrs_docstring)
    app.connect("missing-reference", _resolve_reexport)
    app.add_post_transform(_BuiltinsAreBuiltins)
