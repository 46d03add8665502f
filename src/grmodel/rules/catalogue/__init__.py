"""The core rule catalogue, one module per topic.

Each module defines ``RULES: list[Rule]``; :data:`ALL_RULES` gathers them and
the built-in plugin ``grmodel.rules`` registers them through
:func:`~grmodel.hookspecs.grmodel_rules`, exactly as a third-party plugin would.
"""

from __future__ import annotations

import importlib
import pkgutil

from grmodel.rules.base import Rule

__all__ = ["ALL_RULES", "load_catalogue"]


def load_catalogue() -> list[Rule]:
    """Import every topic module of the catalogue and return its rules."""
    rules: list[Rule] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        rules.extend(getattr(module, "RULES", ()))
    return rules


ALL_RULES: tuple[Rule, ...] = tuple(load_catalogue())
"""Every rule of the core catalogue."""
