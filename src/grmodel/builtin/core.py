"""Essential built-in plugin ``grmodel.core``: the core record types and GR's bodies."""

from __future__ import annotations

from grmodel.model import CORE_RECORD_TYPES, Body, Record
from grmodel.plugins import hookimpl
from grmodel.rules.base import Rule


@hookimpl
def grmodel_record_types() -> list[type[Record]]:
    """The core record types."""
    return list(CORE_RECORD_TYPES)


@hookimpl
def grmodel_reference_bodies() -> list[Body]:
    """GR and its bodies, from the shipped reference data."""
    from grmodel.refdata import load_gr_bodies

    return list(load_gr_bodies())


@hookimpl
def grmodel_rules() -> list[Rule]:
    """The LOAD rules for structural problems (essential: they cannot be disabled)."""
    from grmodel.rules.load import RULES

    return list(RULES)
