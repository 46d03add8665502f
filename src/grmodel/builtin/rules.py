"""Built-in plugin ``grmodel.rules``: the core rule catalogue.

Disable it with ``-p no:grmodel.rules``.
"""

from __future__ import annotations

from grmodel.plugins import hookimpl
from grmodel.rules.base import Rule


@hookimpl
def grmodel_rules() -> list[Rule]:
    """The core rule catalogue (:mod:`grmodel.rules.catalogue`)."""
    from grmodel.rules.catalogue import ALL_RULES

    return list(ALL_RULES)
