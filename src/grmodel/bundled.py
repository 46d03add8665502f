"""The plugin distributions that ship with grmodel's source, under ``plugins/``.

They are not published on a package index, so they are installed from a
checkout (``python3 -m pip install ./plugins/grmodel-oparl``). When a format,
importer or rule code is asked for that only such a plugin provides, messages
name the distribution and that install command (:func:`provider_hint`). The
table below is checked against the plugins themselves by the test suite.
"""

from __future__ import annotations

import attrs

__all__ = ["BUNDLED", "Bundled", "install_command", "provider", "provider_hint"]


@attrs.frozen
class Bundled:
    """What one bundled plugin distribution adds."""

    distribution: str
    """Distribution name, also its folder under ``plugins/``."""
    importers: tuple[str, ...] = ()
    """Importer names (``--kind``)."""
    exporters: tuple[str, ...] = ()
    """Export format names (``--to``)."""
    rule_prefixes: tuple[str, ...] = ()
    """Prefixes of its rule codes."""


BUNDLED: tuple[Bundled, ...] = (
    Bundled(
        "grmodel-gr-documents",
        importers=("protocol", "notes", "agenda", "staff-report", "combined"),
    ),
    Bundled("grmodel-oparl", importers=("oparl",), exporters=("oparl",)),
    Bundled("grmodel-popolo", importers=("popolo",), exporters=("popolo",)),
    Bundled("grmodel-gr-practice", rule_prefixes=("GRP",)),
)
"""The distributions under ``plugins/``."""


def install_command(distribution: str) -> str:
    """How to install a bundled plugin from the root of a grmodel checkout.

    >>> from grmodel.bundled import install_command
    >>> install_command("grmodel-oparl")
    'python3 -m pip install ./plugins/grmodel-oparl'
    """
    return f"python3 -m pip install ./plugins/{distribution}"


def provider(*, importer: str = "", exporter: str = "", code: str = "") -> Bundled | None:
    """The bundled plugin that provides that importer, export format or rule code."""
    for bundled in BUNDLED:
        if (
            (importer and importer in bundled.importers)
            or (exporter and exporter in bundled.exporters)
            or (code and code.startswith(bundled.rule_prefixes))
        ):
            return bundled
    return None


def provider_hint(*, importer: str = "", exporter: str = "", code: str = "") -> str:
    """``"; the plugin grmodel-oparl provides it (from a grmodel checkout: …)"``, or ``""``
    when no bundled plugin provides that importer, export format or rule code."""
    bundled = provider(importer=importer, exporter=exporter, code=code)
    if bundled is None:
        return ""
    return (
        f"; the plugin {bundled.distribution} provides it "
        f"(from a grmodel checkout: {install_command(bundled.distribution)})"
    )
