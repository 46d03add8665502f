"""LOAD: structural problems found while reading a record set.

These rules have no check of their own: the loader reports the problems and the
engine files them under these codes, so that they can be selected, ignored and
explained like any other rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from grmodel.rules.base import LOADER_TAG, Issue, Rule, Severity

__all__ = ["RULES"]


def _reported_by_loader(_record: object, _ctx: object) -> Iterator[Issue]:
    return iter(())


def _load_rule(code: str, name: str, summary: str, rationale: str, hint: str, example: str) -> Rule:
    return Rule(
        code=code,
        name=name,
        severity=Severity.ERROR,
        summary=summary,
        rationale=rationale,
        hint=hint,
        applies_to=(LOADER_TAG,),
        check=_reported_by_loader,
        example=example,
    )


RULES = [
    _load_rule(
        "LOAD001",
        "parse-error",
        "A file cannot be parsed (YAML, JSON, CSV syntax).",
        "A file that cannot be parsed hides every record after the error; the line "
        "where parsing stopped is reported.",
        "Fix the syntax at the reported line.",
        "type: person\nid: [unclosed\n",
    ),
    _load_rule(
        "LOAD002",
        "wrong-type",
        "A field has a value of the wrong type.",
        "grmodel never coerces silently: 3.7 is not an integer and 1480 is not the "
        'string "1480", so a typo cannot change meaning unnoticed.',
        "Write the value in the expected type; quote codes and dates in YAML.",
        "type: person\nid: p1\nname: 3\n",
    ),
    _load_rule(
        "LOAD003",
        "missing-field",
        "A required field is missing.",
        "Required fields carry the facts a record cannot be understood without.",
        "Add the field.",
        "type: person\nid: p1\n",
    ),
    _load_rule(
        "LOAD004",
        "unknown-field",
        "A record has a field its type does not know.",
        "An unknown field is usually a typo; kept silently it would be lost on export.",
        "Rename the field (see the hint) or remove it.",
        "type: person\nid: p1\nname: A\nnmae: B\n",
    ),
    _load_rule(
        "LOAD005",
        "bad-value",
        "A field's value is not allowed (bad date, unknown enumeration value).",
        "Dates must name real days; enumerations have a fixed set of values.",
        "Use one of the values the message lists.",
        'type: meeting\nid: m1\nbody: b\ndate: "2019-13-01"\n',
    ),
    _load_rule(
        "LOAD006",
        "unknown-record-type",
        "A record's type tag is missing or unknown.",
        "The type tag decides how a record is read; an unknown one may be a typo or a "
        "plugin that is not installed.",
        "Fix the tag or install the plugin that provides the type.",
        "type: persn\nid: p1\nname: A\n",
    ),
    _load_rule(
        "LOAD007",
        "import-error",
        "A source document could not be imported.",
        "A document that no importer can read yields no records.",
        "Give --kind, or check that the document has a text layer.",
        "",
    ),
    _load_rule(
        "LOAD008",
        "duplicate-key",
        "A key is given twice in one record, or a CSV column twice.",
        "YAML and JSON readers keep one of the two values and drop the other without "
        "a word; grmodel refuses the record instead, at the second key's line.",
        "Remove one of the two keys, or merge their values.",
        "type: person\nid: p1\nname: A\nname: B\n",
    ),
    _load_rule(
        "LOAD009",
        "unreadable-path",
        "A file or directory of the record set cannot be read.",
        "Records that cannot be read are neither validated nor exported; a FIFO, "
        "device or socket is skipped without being opened, so that it cannot hang a run.",
        "Fix the permissions, or remove the path from the record set.",
        "",
    ),
    _load_rule(
        "LOAD010",
        "over-limit",
        "A file or record is over a resource limit (size, nesting, alias expansion).",
        "Bounds keep a hostile or broken input (an alias bomb, a file nested thousands "
        "deep) from exhausting memory and time.",
        "Check the input; raise the limit with --limit NAME=VALUE if it is genuine.",
        "",
    ),
]
