"""Validation settings: command-line options merged over ``[tool.grmodel]`` or ``grmodel.toml``.

Example ``pyproject.toml``::

    [tool.grmodel]
    select = ["ALL"]
    ignore = ["FIG"]
    extend-select = []
    fail-on = "warning"
    max-findings = 1000

    [tool.grmodel.severity]
    PTY002 = "error"

    [tool.grmodel.per-file-ignores]
    "legacy/*.yaml" = ["NUM"]
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from grmodel.errors import GrmodelError
from grmodel.rules.base import Severity

__all__ = ["ValidationConfig", "find_config_file", "load_config"]

_KEYS = {
    "select",
    "ignore",
    "extend-select",
    "severity",
    "per-file-ignores",
    "fail-on",
    "max-findings",
}


def _longest(code: str, prefixes: Iterable[str]) -> int:
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


@attrs.frozen(kw_only=True)
class ValidationConfig:
    """Which rules run, at which severity, and when the run fails."""

    select: tuple[str, ...] = ("ALL",)
    """Codes or prefixes to run (``ALL`` for every rule)."""
    extend_select: tuple[str, ...] = ()
    """Codes or prefixes added to ``select``."""
    ignore: tuple[str, ...] = ()
    """Codes or prefixes not to run; a longer matching prefix wins over a shorter one."""
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    """Severity overrides by code."""
    per_file_ignores: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    """Glob pattern → codes or prefixes ignored in matching files."""
    fail_on: Severity = Severity.ERROR
    """Exit with 1 when a finding at or above this severity remains."""
    max_findings: int | None = None
    """Keep at most this many findings in the report (counts stay complete)."""

    def enabled(self, code: str) -> bool:
        """True when ``code`` is selected by a longer prefix than any ignoring it (ties ignore)."""
        chosen = _longest(code, (*self.select, *self.extend_select))
        return chosen >= 0 and chosen > _longest(code, self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The severity of ``code`` after overrides."""
        return self.severity.get(code, default)

    def ignored_in(self, code: str, file: str | None) -> bool:
        """True when a per-file ignore covers ``code`` in ``file``."""
        if file is None or not self.per_file_ignores:
            return False
        posix = Path(file).as_posix()
        for pattern, codes in self.per_file_ignores.items():
            matches = fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(Path(file).name, pattern)
            if matches and _longest(code, codes) >= 0:
                return True
        return False


def find_config_file(start: Path) -> Path | None:
    """The nearest ``grmodel.toml``, or ``pyproject.toml`` with ``[tool.grmodel]``, from
    ``start`` upwards."""
    for folder in (start, *start.parents):
        candidate = folder / "grmodel.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, OSError):
                continue
            if "grmodel" in data.get("tool", {}):
                return candidate
    return None


def _str_tuple(value: Any, key: str, file: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise GrmodelError(f"{file}: '{key}' must be a list of rule codes")


def load_config(
    file: Path | None = None,
    *,
    select: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    fail_on: str | None = None,
    max_findings: int | None = None,
) -> ValidationConfig:
    """Read a config file (if any) and apply command-line options over it.

    :raises GrmodelError: for an unreadable file or bad settings (one line).
    """
    data: dict[str, Any] = {}
    if file is not None:
        try:
            parsed = tomllib.loads(file.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise GrmodelError(f"{file}: invalid TOML: {exc}") from exc
        except OSError as exc:
            raise GrmodelError(f"{file}: cannot read: {exc.strerror}") from exc
        data = parsed if file.name == "grmodel.toml" else parsed.get("tool", {}).get("grmodel", {})
        unknown = set(data) - _KEYS
        if unknown:
            raise GrmodelError(f"{file}: unknown grmodel setting(s): {', '.join(sorted(unknown))}")
    try:
        severity = {
            code: Severity.parse(level) for code, level in dict(data.get("severity", {})).items()
        }
        config_fail = Severity.parse(fail_on or data.get("fail-on", "error"))
    except (ValueError, AttributeError) as exc:
        raise GrmodelError(f"{file or 'options'}: {exc}") from exc
    per_file = {
        pattern: _str_tuple(codes, "per-file-ignores", file or Path("."))
        for pattern, codes in dict(data.get("per-file-ignores", {})).items()
    }
    base = file or Path(".")
    return ValidationConfig(
        select=tuple(select) or _str_tuple(data.get("select", ["ALL"]), "select", base),
        extend_select=(
            *_str_tuple(data.get("extend-select", []), "extend-select", base),
            *extend_select,
        ),
        ignore=(*_str_tuple(data.get("ignore", []), "ignore", base), *ignore),
        severity=severity,
        per_file_ignores=per_file,
        fail_on=config_fail,
        max_findings=max_findings if max_findings is not None else data.get("max-findings"),
    )
