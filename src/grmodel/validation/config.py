"""Validation settings: command-line options merged over ``[tool.grmodel]`` or ``grmodel.toml``.

Example ``pyproject.toml``::

    [tool.grmodel]
    paths = ["records"]
    select = ["ALL"]
    ignore = ["FIG"]
    extend-select = []
    fail-on = "warning"
    max-findings = 1000

    [tool.grmodel.severity]
    PTY002 = "error"

    [tool.grmodel.per-file-ignores]
    "legacy/*.yaml" = ["NUM"]

    [tool.grmodel.rule-options.IMP008]
    unplaced-share = 0.3

``paths`` (what ``grmodel validate`` checks when given no path) and the
per-file-ignore globs are relative to the directory of the file that holds them.
Every rule code or prefix named, on the command line or in the file, must match
a loaded rule: a typo is an error, not a check quietly switched off. So must each
rule option (``rule-options``): a rule's code, one of its options (``grmodel rule
CODE`` lists them), a value of the option's shape.
"""

from __future__ import annotations

import difflib
import fnmatch
import functools
import os
import re
import tomllib
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from grmodel.bundled import provider_hint
from grmodel.errors import GrmodelError
from grmodel.rules.base import RuleOption, Severity

__all__ = ["ValidationConfig", "find_config_file", "load_config"]


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
    paths: tuple[str, ...] = ()
    """What to validate when no path is given (relative to ``root``)."""
    rule_options: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    """Rule options set, by rule code and option name (the others keep their
    defaults, :attr:`~grmodel.rules.base.Rule.options`)."""
    root: Path | None = None
    """Directory of the configuration file; ``paths`` and per-file-ignore globs are
    relative to it (``None``: globs match files as named)."""

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
        relative, name = _glob_forms(file, self.root)
        for pattern, codes in self.per_file_ignores.items():
            matches = fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(name, pattern)
            if matches and _longest(code, codes) >= 0:
                return True
        return False

    def default_paths(self) -> list[Path]:
        """``paths`` from the configuration (resolved against ``root``), else the
        current directory: what ``grmodel validate`` checks when given no path."""
        if not self.paths:
            return [Path(".")]
        return [(self.root or Path(".")) / path for path in self.paths]


@functools.lru_cache(maxsize=4096)
def _glob_forms(file: str, root: Path | None) -> tuple[str, str]:
    """A file's path as per-file-ignore globs see it (relative to ``root`` when it lies
    below it, else absolute), and its name."""
    path = Path(file)
    if root is None:
        return path.as_posix(), path.name
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix(), path.name
    except ValueError:
        return absolute.as_posix(), path.name


def find_config_file(start: Path) -> Path | None:
    """The nearest ``grmodel.toml``, or ``pyproject.toml`` with ``[tool.grmodel]``, from
    ``start`` upwards."""
    for folder in (start, *start.parents):
        candidate = folder / "grmodel.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "grmodel" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def _read_toml(file: Path) -> dict[str, Any]:
    """A TOML file's contents.

    :raises GrmodelError: ``FILE:LINE: invalid TOML: …`` or ``FILE: cannot read: …``.
    """
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
        where = f"{file}:{found.group(1)}" if found else str(file)
        message = str(exc)[: found.start()].strip() if found else str(exc)
        raise GrmodelError(f"{where}: invalid TOML: {message}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
        raise GrmodelError(f"{file}: cannot read: {reason}") from exc


def _is_strings(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    )


def _is_table(value: Any, of: Callable[[Any], bool]) -> bool:
    return isinstance(value, dict) and all(of(v) for v in value.values())


_SHAPES: dict[str, tuple[Callable[[Any], bool], str]] = {
    **dict.fromkeys(
        ("paths", "select", "ignore", "extend-select"), (_is_strings, "a list of strings")
    ),
    "severity": (
        lambda v: _is_table(v, lambda level: isinstance(level, str)),
        'a table of rule codes and severities (MTG001 = "warning")',
    ),
    "per-file-ignores": (
        lambda v: _is_table(v, _is_strings),
        'a table of globs and lists of codes ("legacy/*.yaml" = ["NUM"])',
    ),
    "fail-on": (lambda v: isinstance(v, str), "one of error, warning, info"),
    "max-findings": (
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
        "a whole number, 0 or more",
    ),
    "rule-options": (
        lambda v: _is_table(v, lambda options: isinstance(options, dict)),
        "a table of rule codes and tables of their options "
        "([tool.grmodel.rule-options.IMP008] unplaced-share = 0.3)",
    ),
}
"""Each setting: whether a value has its type, and what the error says it must be."""


def _check_settings(data: Mapping[str, Any], file: Path) -> None:
    """Every setting known and of its type.

    :raises GrmodelError: ``FILE:LINE: …`` naming the first setting that is not.
    """
    unknown = sorted(set(data) - set(_SHAPES))
    if unknown:
        close = difflib.get_close_matches(unknown[0], sorted(_SHAPES), n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"settings: {', '.join(sorted(_SHAPES))}"
        raise GrmodelError(
            f"{_line_of(file, unknown[0])}: unknown grmodel setting {unknown[0]!r} ({hint})"
        )
    for key, (fits, shape) in _SHAPES.items():
        if key in data and not fits(data[key]):
            raise GrmodelError(f"{_line_of(file, key)}: {key!r} must be {shape}")


def _severity(level: Any, file: Path | None, *, fail_on: bool) -> Severity:
    """A severity from the configuration (``file``) or from ``--fail-on``.

    :raises GrmodelError: ``FILE:LINE: unknown severity …`` naming the line that sets it.
    """
    try:
        return Severity.parse(level)
    except (ValueError, AttributeError) as exc:
        key = "fail-on" if fail_on else "severity"
        where = f"{_line_of(file, str(level))}: {key}" if file is not None else f"--{key}"
        raise GrmodelError(f"{where}: {exc}") from exc


def _str_tuple(value: str | list[str]) -> tuple[str, ...]:
    """A setting that :func:`_check_settings` passed as strings, as a tuple."""
    return (value,) if isinstance(value, str) else tuple(value)


def load_config(
    file: Path | None = None,
    *,
    select: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    fail_on: str | None = None,
    max_findings: int | None = None,
    known_codes: Collection[str] | None = None,
    unknown_hint: Callable[[str], str] | None = None,
    known_options: Mapping[str, Mapping[str, RuleOption]] | None = None,
) -> ValidationConfig:
    """Read a config file (if any) and apply command-line options over it.

    :param known_codes: the codes of the loaded rules; when given, every code or
        prefix named (options and file) must match one of them.
    :param unknown_hint: what to add to the error for an unknown code (default: the
        bundled plugin that provides it, :func:`~grmodel.bundled.provider_hint`).
    :param known_options: the options of the loaded rules, by code; when given,
        every rule option set must be one of them, with a value it allows.
    :raises GrmodelError: for an unreadable file, bad settings, an unknown rule
        code, or a rule option unknown or of a wrong value (one line, with the
        file's line and a "did you mean").
    """
    data: dict[str, Any] = {}
    if file is not None:
        parsed = _read_toml(file)
        data = parsed if file.name == "grmodel.toml" else parsed.get("tool", {}).get("grmodel", {})
        _check_settings(data, file)
    severity = {
        code: _severity(level, file, fail_on=False)
        for code, level in data.get("severity", {}).items()
    }
    config_fail = (
        _severity(fail_on, None, fail_on=True)
        if fail_on
        else _severity(data.get("fail-on", "error"), file, fail_on=True)
    )
    per_file = {
        pattern: _str_tuple(codes) for pattern, codes in data.get("per-file-ignores", {}).items()
    }
    config = ValidationConfig(
        select=tuple(select) or _str_tuple(data.get("select", ["ALL"])),
        extend_select=(*_str_tuple(data.get("extend-select", [])), *extend_select),
        ignore=(*_str_tuple(data.get("ignore", [])), *ignore),
        severity=severity,
        per_file_ignores=per_file,
        fail_on=config_fail,
        max_findings=max_findings if max_findings is not None else data.get("max-findings"),
        paths=_str_tuple(data.get("paths", [])),
        rule_options=data.get("rule-options", {}),
        root=Path(os.path.abspath(file.parent)) if file is not None else None,
    )
    if known_codes is not None:
        hint = unknown_hint or (lambda code: provider_hint(code=code))
        _check_codes(data, file, known_codes, hint)
        options = {"select": select, "extend-select": extend_select, "ignore": ignore}
        _check_codes(options, None, known_codes, hint)
    if known_options is not None and file is not None:
        _check_options(data.get("rule-options", {}), file, known_options)
    return config


def _check_options(
    given: Mapping[str, Mapping[str, Any]],
    file: Path,
    known: Mapping[str, Mapping[str, RuleOption]],
) -> None:
    """Raise for the first rule option set that no rule has, or of a value its rule
    does not allow."""
    for code, options in given.items():
        if code not in known:
            which = ", ".join(sorted(known)) or "none"
            raise GrmodelError(
                f"{_line_of(file, code)}: rule-options: rule {code!r} has no options "
                f"(rules with options: {which})"
            )
        for name, value in options.items():
            option = known[code].get(name)
            where = f"{_line_of(file, name)}: rule-options {code}"
            if option is None:
                names = ", ".join(sorted(known[code]))
                raise GrmodelError(f"{where}: unknown option {name!r} (options: {names})")
            if not option.fits(value):
                raise GrmodelError(f"{where}: {name!r} must be {option.shape}, not {value!r}")


def _check_codes(
    data: Mapping[str, Any],
    file: Path | None,
    known: Collection[str],
    unknown_hint: Callable[[str], str],
) -> None:
    """Raise for the first code or prefix in ``data``'s rule lists that matches no known
    rule (``severity`` and ``rule-options`` take whole codes only)."""
    lists: list[tuple[str, Iterable[str]]] = [
        (key, [data[key]] if isinstance(data[key], str) else data[key])
        for key in ("select", "extend-select", "ignore", "severity", "rule-options")
        if key in data
    ]
    lists.extend(
        (f"per-file-ignores {pattern!r}", [codes] if isinstance(codes, str) else codes)
        for pattern, codes in data.get("per-file-ignores", {}).items()
    )
    for key, codes in lists:
        whole = key in ("severity", "rule-options")
        for code in codes:
            if code in known or (not whole and (code == "ALL" or _is_prefix(code, known))):
                continue
            where = f"{_line_of(file, code)}: {key}" if file is not None else f"--{key}"
            what = "rule code" if whole else "rule code or prefix"
            hint = unknown_hint(code) or _did_you_mean(code, known, prefixes=not whole)
            raise GrmodelError(f"{where}: unknown {what} {code!r}{hint}")


def _is_prefix(code: str, known: Collection[str]) -> bool:
    return any(k.startswith(code) for k in known)


def _did_you_mean(code: str, known: Collection[str], *, prefixes: bool) -> str:
    heads = {m.group() for k in known if (m := re.match(r"[A-Z]+", k))}
    choices = sorted({*known, *heads}) if prefixes else sorted(known)
    close = difflib.get_close_matches(code.upper(), choices, n=3, cutoff=0.6)
    if close:
        return f" (did you mean {' or '.join(repr(c) for c in close)}?)"
    return f" (known prefixes: {', '.join(sorted(heads))})"


def _line_of(file: Path, code: str) -> str:
    """``FILE:LINE`` of the first line naming ``code`` in quotes (``FILE`` when none does)."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return str(file)
    needles = (f'"{code}"', f"'{code}'")
    setting = re.compile(
        rf"\s*({re.escape(code)}\s*=|\[(tool\.grmodel\.)?([\w-]+\.)?{re.escape(code)}\])"
    )
    for number, line in enumerate(lines, 1):
        if any(needle in line for needle in needles) or setting.match(line):
            return f"{file}:{number}"
    return str(file)
