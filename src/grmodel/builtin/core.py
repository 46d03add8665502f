"""Essential built-in plugin ``grmodel.core``: the core record types, GR's bodies, the
LOAD rules, and kind detection by the importers' confidence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from grmodel.errors import GrmodelError
from grmodel.model import CORE_RECORD_TYPES, Body, Record
from grmodel.plugins import hookimpl
from grmodel.rules.base import Rule

if TYPE_CHECKING:
    from grmodel.importing.base import Importer, SourceDocument

DETECT_THRESHOLD = 0.5
"""An importer's ``detect`` must be more confident than this to be chosen."""


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


@hookimpl(trylast=True)
def grmodel_detect_kind(document: SourceDocument, importers: Mapping[str, Importer]) -> str | None:
    """The importer whose ``detect`` is most confident (above :data:`DETECT_THRESHOLD`);
    the first registered wins a tie."""
    best, best_score = None, DETECT_THRESHOLD
    for name, importer in importers.items():
        score = _score(importer, document)
        if score > best_score:
            best, best_score = name, score
    return best


def _score(importer: Importer, document: SourceDocument) -> float:
    """An importer's confidence; a ``detect`` that fails is an error naming it."""
    if importer.detect is None:
        return 0.0
    try:
        return importer.detect(document)
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [""])[0]
        raise GrmodelError(
            f"{document.path}: importer {importer.name!r} of plugin {importer.plugin!r}: "
            f"detect failed: {type(exc).__name__}: {first}"
        ) from exc
