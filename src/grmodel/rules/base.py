"""Rule descriptions, findings and the context rules run in.

A rule is a frozen :class:`Rule` description plus a check. Record rules look at
one record at a time; set rules (:class:`SetRule`) see every record once in a
streaming pass (``visit``) and report at the end (``finish``), keeping only
compact indexes in between.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from grmodel.model import Record

if TYPE_CHECKING:
    from grmodel.refdata import ReferenceData
    from grmodel.rules.columns import ColumnRule

__all__ = [
    "LOADER_TAG",
    "Issue",
    "RecordCheck",
    "RecordRef",
    "Rule",
    "RuleContext",
    "RuleOption",
    "SetRule",
    "Severity",
    "option_values",
]


LOADER_TAG = "__loader__"
"""The ``applies_to`` tag of rules whose findings the loader reports (the ``LOAD``
rules): they run on no record."""


class Severity(enum.IntEnum):
    """How serious a finding is; higher is worse."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Parse ``"error"``, ``"warning"`` or ``"info"`` (case-insensitive)."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (error, warning, info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@attrs.frozen
class RecordRef:
    """A compact handle on a record seen in a pass: enough to report on it later."""

    id: str
    """The record's id."""
    type: str
    """Its type tag."""
    file: str | None
    """File it was read from."""
    line: int | None
    """Line the record starts at."""


@attrs.frozen(kw_only=True)
class Issue:
    """What a rule's check reports; the engine turns it into a :class:`~grmodel.pipeline.Finding`.

    Give ``path`` (a field path inside the record) so the finding points at the
    right line of the record's file; give ``node`` (a nested value with a
    ``source`` span, such as an :class:`~grmodel.Attendance`) so findings on an
    imported document point at the document's line. For set rules, ``at`` names
    the record the issue is about.
    """

    message: str
    """One line saying what is wrong, with the values involved."""
    path: tuple[str | int, ...] = ()
    """Field path inside the record."""
    node: Any = None
    """A nested value with a ``source`` span, if any."""
    hint: str | None = None
    """A specific fix hint; the rule's general hint is used when ``None``."""
    at: RecordRef | None = None
    """For set rules: the record the issue is about."""
    severity: Severity | None = None
    """This finding's own severity, where it differs from the rule's default; a
    configured severity for the code still wins. ``None``: the code's severity."""
    code: str | None = None
    """The code to report under: one of the rules that name this rule in
    ``reported_by`` (a nämnd rule's steering-group variant). ``None``: the rule's own."""


class RuleContext(Protocol):
    """What a check may use besides the record: reference data and the run's options."""

    @property
    def refdata(self) -> ReferenceData:
        """Shipped reference data: municipalities, counties, parties, bodies."""

    def option(self, code: str, name: str) -> Any:
        """The run's value of the option ``name`` of rule ``code``
        (:attr:`Rule.options`): the configured one, else its default."""


@attrs.frozen(kw_only=True)
class RuleOption:
    """A setting of a rule, given in the configuration
    (``[tool.grmodel.rule-options.CODE]``) and read by its check with
    :meth:`RuleContext.option`."""

    default: Any
    """The value when the configuration gives none."""
    fits: Callable[[Any], bool]
    """Whether a configured value is allowed."""
    shape: str
    """What a value must be, as an error says it (``"a number from 0 to 1"``)."""
    help: str
    """One line: what the option sets."""


def option_values(
    rules: Iterable[Rule], configured: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Every option of every rule, by code and name: the configured value (checked
    by the configuration's loader), else the default — what a run's context answers
    :meth:`RuleContext.option` from."""
    return {
        rule.code: {
            name: configured.get(rule.code, {}).get(name, option.default)
            for name, option in rule.options.items()
        }
        for rule in rules
        if rule.options
    }


RecordCheck = Callable[[Any, RuleContext], Iterable[Issue]]
"""A record rule's check: takes one record and the context, yields issues."""


class SetRule(Protocol):
    """The state of a set (cross-record) rule during one validation run.

    A fresh instance is made per run by :attr:`Rule.make_set_rule`. ``visit``
    is called once per record, in file order; ``finish`` once at the end.
    Keep only compact indexes (ids, keys, counts) between calls.
    """

    def visit(self, record: Record, ref: RecordRef) -> Iterable[Issue]:
        """See one record; may yield issues about it straight away."""

    def finish(self) -> Iterable[Issue]:
        """Yield the issues that need the whole set; each should set ``at``."""


@attrs.frozen(kw_only=True)
class Rule:
    """A validation rule: metadata plus a record check or a set-rule factory.

    Register rules through the :func:`~grmodel.hookspecs.grmodel_rules` hook.
    """

    code: str
    """Stable code, letters then digits (``"MTG001"``); select and ignore use it."""
    name: str
    """Short kebab-case name (``"quorum"``)."""
    severity: Severity
    """Default severity."""
    summary: str
    """One line: what the rule checks."""
    rationale: str
    """Why it matters; for nämnd rules applied to steering groups, say so."""
    hint: str
    """How to fix a finding, in general."""
    legal_basis: str | None = None
    """Legal basis cited as in DOMAIN.md, e.g. ``"KL 6:27"``."""
    applies_to: tuple[str, ...] = ()
    """Type tags of the records the rule looks at: a record check runs on these types, a
    set rule's ``visit`` sees only these (empty: every type)."""
    check: RecordCheck | None = None
    """The record check, for record rules."""
    make_set_rule: Callable[[RuleContext], SetRule] | None = None
    """Factory of a fresh set-rule state, for set rules."""
    make_column_rule: Callable[[RuleContext], ColumnRule] | None = None
    """For a set rule: the factory of its columnar form (:mod:`grmodel.rules.columns`),
    which runs instead of ``make_set_rule`` where pyarrow is installed and finds the
    same issues, placed as the set rule would report them."""
    example: str | None = None
    """A small YAML record set that trips the rule, for ``grmodel rule CODE``."""
    options: Mapping[str, RuleOption] = attrs.field(factory=dict, hash=False)
    """The rule's settings, by name (kebab-case), each with its default: the
    configuration may set them (``[tool.grmodel.rule-options.CODE]``), and the check
    reads the run's value with :meth:`RuleContext.option`."""
    plugin: str = ""
    """Name of the plugin that provides the rule (filled in at registration)."""
    reported_by: str | None = None
    """For a code whose findings another rule's check reports (with
    :attr:`Issue.code`), that rule's code. Such a rule is declared without a check;
    at registration it is given its reporter's (so its scope shows), but only the
    reporter runs. It is documented, selected, ignored and given a severity like any
    other. GR's steering groups are checked against nämnd rules this way: one
    check, two codes."""

    def __attrs_post_init__(self) -> None:
        checks = (self.check is not None) + (self.make_set_rule is not None)
        if checks > 1 or (checks == 0 and self.reported_by is None):
            raise ValueError(
                f"rule {self.code}: give exactly one of check, make_set_rule (or reported_by)"
            )
        if self.make_column_rule is not None and self.make_set_rule is None:
            raise ValueError(f"rule {self.code}: a column rule needs its plain make_set_rule")

    @property
    def is_set_rule(self) -> bool:
        """True for cross-record rules."""
        return self.make_set_rule is not None


def issues(*found: Issue | None) -> Iterator[Issue]:
    """Yield the issues that are not ``None`` (a small helper for checks)."""
    return (issue for issue in found if issue is not None)
