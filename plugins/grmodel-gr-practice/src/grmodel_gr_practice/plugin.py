"""The plugin module: what the ``gr-practice`` entry point points at.

grmodel registers this module with its plugin manager; pluggy finds the
functions marked with :data:`grmodel.plugins.hookimpl` whose names match hook
specifications in :mod:`grmodel.hookspecs`.
"""

from __future__ import annotations

from grmodel.plugins import hookimpl
from grmodel.rules.base import Rule


@hookimpl
def grmodel_rules() -> list[Rule]:
    """The GRP rules (see :mod:`grmodel_gr_practice.rules`)."""
    from grmodel_gr_practice.rules import RULES

    return list(RULES)
