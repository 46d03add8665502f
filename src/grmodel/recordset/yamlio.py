"""YAML reading and writing with a YAML 1.2-like core schema.

PyYAML follows YAML 1.1, where ``2019-11-07`` becomes a date, ``9:30`` the
integer 570 and ``no`` the boolean false. Record sets must not change meaning
silently, so this loader resolves only ``true``/``false``, ``null``/``~``,
decimal integers and plain floats; everything else stays a string.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

__all__ = ["GrLoader", "dump_documents", "load_all", "load_one"]

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class GrLoader(_BaseLoader):  # type: ignore[misc]
    """A safe YAML loader with the YAML 1.2 core schema's implicit types."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}


def _add(tag: str, pattern: str, first: list[str] | str) -> None:
    GrLoader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))


_add("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_add("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])
_add("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789")
_add(
    "tag:yaml.org,2002:float",
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    "-+0123456789.",
)


def _int_from_decimal(loader: Any, node: Any) -> int:
    return int(loader.construct_scalar(node))


GrLoader.add_constructor("tag:yaml.org,2002:int", _int_from_decimal)


def load_all(text: str) -> list[Any]:
    """Load every document in a YAML text."""
    return list(yaml.load_all(text, Loader=GrLoader))


def load_one(text: str) -> Any:
    """Load a single YAML document."""
    return yaml.load(text, Loader=GrLoader)


class _Dumper(_BaseDumper):  # type: ignore[misc]
    pass


def _str_representer(dumper: Any, value: str) -> Any:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)

# Quote by the loader's own (YAML 1.2-style) rules too: a plain "0180" or "1e3" would
# otherwise be written bare (YAML 1.1 thinks it is a string) and read back as a number.
for _first, _resolvers in list(GrLoader.yaml_implicit_resolvers.items()):
    for _tag, _pattern in _resolvers:
        _Dumper.add_implicit_resolver(_tag, _pattern, [_first])


def dump_documents(documents: list[Any]) -> str:
    """Dump documents as multi-document YAML, keys in the given order.

    Strings that YAML 1.1 readers would misread (``"2019-11-07"``, ``"no"``,
    ``"09:00"``) are quoted, so the output means the same to every reader.
    """
    return yaml.dump_all(
        documents,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        explicit_start=True,
        width=100,
    )
