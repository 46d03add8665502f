"""FUN: funding arithmetic — own shares, amounts as stated, sub-projects' totals.

"Ansökan till Länsstyrelsen är 535 000 kr varav 35 00 kr är egen finansiering"
(a real source) states a total and an own share; the share is implausibly small
and its digit grouping is broken, which these rules report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from grmodel.model import Money, Project, Record
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity

__all__ = ["RULES", "parse_stated"]

_Path = tuple[str | int, ...]
_IMPLAUSIBLE_PERCENT = 1

_SCALES = (
    (re.compile(r"miljard|mdkr|mdr", re.IGNORECASE), 1_000_000_000),
    (re.compile(r"mkr|miljon|mnkr|msek", re.IGNORECASE), 1_000_000),
    (re.compile(r"tkr|tusen", re.IGNORECASE), 1_000),
)
_NUMBER = re.compile(r"\d[\d\s\u00a0\u202f]*(?:,\d+)?")


def parse_stated(text: str) -> tuple[list[Decimal], bool] | None:
    """The amounts (kronor) in a stated text, and whether the digit grouping is regular.

    ``"265 000 kr"`` → ``([265000], True)``; ``"2,5–3 mkr"`` → ``([2500000, 3000000],
    True)``; ``"35 00 kr"`` → ``([3500], False)``. ``None`` when no number is found.
    """
    scale = 1
    for pattern, factor in _SCALES:
        if pattern.search(text):
            scale = factor
            break
    values: list[Decimal] = []
    regular = True
    for match in _NUMBER.finditer(text):
        raw = match[0].strip()
        integer, _, fraction = raw.partition(",")
        groups = re.split(r"[\s\u00a0\u202f]+", integer.strip())
        if len(groups) > 1 and (any(len(g) != 3 for g in groups[1:]) or len(groups[0]) > 3):
            regular = False
        try:
            value = Decimal("".join(groups) + ("." + fraction if fraction else ""))
        except InvalidOperation:
            continue
        values.append(value * scale)
    return (values, regular) if values else None


def _money_fields(record: Project) -> Iterator[tuple[Money, _Path, object]]:
    for i, line in enumerate(record.funding):
        yield line.amount, ("funding", i, "amount"), line
        if line.own_share is not None:
            yield line.own_share, ("funding", i, "own_share"), line


def _own_share_exceeds(record: Project, _ctx: RuleContext) -> Iterator[Issue]:
    for i, line in enumerate(record.funding):
        share = line.own_share
        if share is None:
            continue
        top = line.amount.max_amount if line.amount.max_amount is not None else line.amount.amount
        if share.amount > top:
            yield Issue(
                message=f"own share {share} exceeds the amount {line.amount} ({line.funder})",
                path=("funding", i, "own_share"),
                node=line,
            )


def _implausible(record: Project, _ctx: RuleContext) -> Iterator[Issue]:
    for i, line in enumerate(record.funding):
        share = line.own_share
        amount = line.amount.amount
        if share is None or share.amount <= 0 or amount <= 0:
            continue
        if share.amount * 100 < amount * _IMPLAUSIBLE_PERCENT:
            stated = f" (stated {share.stated!r})" if share.stated else ""
            percent = share.amount * 100 / amount
            yield Issue(
                message=f"own share {share}{stated} is {percent:.2f} % of {line.amount} "
                f"({line.funder}); a digit lost?",
                path=("funding", i, "own_share"),
                node=line,
            )


def _stated(record: Project, _ctx: RuleContext) -> Iterator[Issue]:
    for money, path, node in _money_fields(record):
        if not money.stated:
            continue
        parsed = parse_stated(money.stated)
        if parsed is None:
            continue
        values, regular = parsed
        if not regular:
            yield Issue(
                message=f"{money.stated!r} has irregular digit grouping (recorded as {money})",
                path=path,
                node=node,
            )
        expected = [money.amount] + ([money.max_amount] if money.max_amount is not None else [])
        if len(values) == len(expected) and [int(v) for v in values] != expected:
            yield Issue(
                message=f"{money.stated!r} says {' – '.join(f'{int(v):,}' for v in values)} "
                f"kr but the amount is recorded as {money}".replace(",", " "),
                path=path,
                node=node,
            )


class _SubProjects:
    """Project id → total funding; parent id → children's total."""

    def __init__(self, _ctx: RuleContext):
        self._totals: dict[str, tuple[int, RecordRef]] = {}
        self._children: dict[str, tuple[int, int]] = {}

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if isinstance(record, Project):
            total = sum(line.amount.amount for line in record.funding)
            if total:
                self._totals[record.id] = (total, ref)
            if record.parent and total:
                sum_, n = self._children.get(record.parent, (0, 0))
                self._children[record.parent] = (sum_ + total, n + 1)
        return iter(())

    def finish(self) -> Iterator[Issue]:
        for parent, (children_total, n) in self._children.items():
            found = self._totals.get(parent)
            if found is not None and children_total > found[0]:
                yield Issue(
                    message=f"the funding of {n} sub-projects of {parent} totals "
                    f"{Money(amount=children_total)}, more than its own "
                    f"{Money(amount=found[0])}",
                    path=("funding",),
                    at=found[1],
                )


_PROJECT = """\
type: project
id: dialoga-basutbildning
name: Basutbildning med integrering i ordinarie verksamhet
funding:
  - funder: Länsstyrelsen
    amount: 535000
    own_share: {share}
"""

RULES: list[Rule] = [
    Rule(
        code="FUN001",
        name="own-share-exceeds-amount",
        severity=Severity.ERROR,
        summary="A funding line's own share is larger than its amount.",
        rationale="'X kr varav Y kr är egen finansiering' states Y as part of X; a share "
        "above the whole is a typo or swapped amounts.",
        hint="Check amount and own_share against the document.",
        applies_to=("project",),
        check=_own_share_exceeds,
        example=_PROJECT.format(share=5350000),
    ),
    Rule(
        code="FUN002",
        name="own-share-implausible",
        severity=Severity.WARNING,
        summary="A funding line's own share is below 1 % of its amount.",
        rationale="Own funding is usually a substantial share (often half) of an application; "
        "a share below 1 % is most likely a digit lost in the source or in extraction "
        "('35 00 kr' of 535 000 kr).",
        hint="Check the source; keep what it states in own_share.stated and note the reading.",
        applies_to=("project",),
        check=_implausible,
        example=_PROJECT.format(share='{amount: 3500, stated: "35 00 kr"}'),
    ),
    Rule(
        code="FUN003",
        name="stated-amount",
        severity=Severity.WARNING,
        summary="An amount's stated text has broken digit grouping or disagrees with it.",
        rationale="grmodel keeps what a document stated next to the computed amount; "
        "'35 00 kr' (groups of two) shows a typo in the source, and a stated text that reads "
        "as another number than the recorded amount shows an encoding error.",
        hint="Check the amount against the stated text ('2,5–3 mkr' is 2 500 000–3 000 000).",
        applies_to=("project",),
        check=_stated,
        example=_PROJECT.format(share='{amount: 3500, stated: "35 00 kr"}'),
    ),
    Rule(
        code="FUN004",
        name="subproject-funding",
        severity=Severity.WARNING,
        summary="Sub-projects' funding adds up to more than their parent project's.",
        rationale="Where a parent project states its funding, the funding of its parts "
        "(projects with parent set) should not exceed it.",
        hint="Check the amounts, or whether the parent's funding is complete.",
        applies_to=("project",),
        make_set_rule=_SubProjects,
        example="type: project\nid: dialoga\nname: Dialoga\nfunding:\n"
        "  - {funder: Länsstyrelsen, amount: 500000}\n---\n"
        "type: project\nid: dialoga-a\nname: A\nparent: dialoga\nfunding:\n"
        "  - {funder: Länsstyrelsen, amount: 265000}\n---\n"
        "type: project\nid: dialoga-b\nname: B\nparent: dialoga\nfunding:\n"
        "  - {funder: Länsstyrelsen, amount: 430000}\n",
    ),
]
