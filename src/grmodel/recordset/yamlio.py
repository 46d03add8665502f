"""YAML reading and writing with a YAML 1.2-like core schema.

PyYAML follows YAML 1.1, where ``2019-11-07`` becomes a date, ``9:30`` the
integer 570 and ``no`` the boolean false. Record sets must not change meaning
silently, so this loader resolves only ``true``/``false``, ``null``/``~``,
decimal integers and plain floats; everything else stays a string.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any, ClassVar

import yaml

from grmodel.converter import FieldPath
from grmodel.recordset.base import LoadLimits, LoadProblem, RawRecord
from grmodel.recordset.fieldlines import (
    SCALAR,
    FieldLines,
    FieldLocator,
    Shape,
    Shapes,
    map_shape,
    seq_shape,
)

__all__ = ["GrLoader", "dump_documents", "iter_yaml", "load_all", "load_one"]

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class GrLoader(_BaseLoader):  # type: ignore[misc]
    """A safe YAML loader with the YAML 1.2 core schema's implicit types.

    A key given twice in one mapping is an error at the second key (PyYAML would
    keep the last value and drop the first without a word).
    """

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: dict[tuple[str, str], int] = {}
            for key_node, _value in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"duplicate key {key_node.value!r} (first given on line {seen[key]})",
                        key_node.start_mark,
                    )
                seen[key] = key_node.start_mark.line + 1
        return dict(super().construct_mapping(node, deep))


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


_INT_FORMS = re.compile(r"^[-+]?(?:[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)$")
_MAX_INT_DIGITS = 4300
"""Python's own bound on converting digits to an integer (``sys.int_info``)."""


def _int_from_decimal(loader: Any, node: Any) -> int:
    """Decimal integers; an explicit ``!!int`` also takes YAML 1.2's ``0x1F`` and ``0o17``."""
    text = str(loader.construct_scalar(node)).replace("_", "")
    if not _INT_FORMS.match(text):
        raise yaml.constructor.ConstructorError(
            None, None, f"{text[:40]!r} is not an integer", node.start_mark
        )
    if len(text) > _MAX_INT_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"an integer of {len(text)} digits is too large", node.start_mark
        )
    digits = text.lstrip("+-")
    base = {"0x": 16, "0o": 8}.get(digits[:2], 10)
    value = int(digits[2:] if base != 10 else digits, base)
    return -value if text.startswith("-") else value


GrLoader.add_constructor("tag:yaml.org,2002:int", _int_from_decimal)


def load_all(text: str) -> list[Any]:
    """Load every document in a YAML text."""
    return list(yaml.load_all(text, Loader=GrLoader))


def load_one(text: str) -> Any:
    """Load a single YAML document."""
    return yaml.load(text, Loader=GrLoader)


_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {bool: "tag:yaml.org,2002:bool", int: "tag:yaml.org,2002:int"}
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _Dumper(_BaseDumper):  # type: ignore[misc]
    pass


def _str_representer(dumper: Any, value: str) -> Any:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar(_STR, value, style=style)


_Dumper.add_representer(str, _str_representer)

# Quote by the loader's own (YAML 1.2-style) rules too: a plain "0180" or "1e3" would
# otherwise be written bare (YAML 1.1 thinks it is a string) and read back as a number.
for _first, _resolvers in list(GrLoader.yaml_implicit_resolvers.items()):
    for _tag, _pattern in _resolvers:
        _Dumper.add_implicit_resolver(_tag, _pattern, [_first])

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_DUMP_OPTIONS: dict[str, Any] = {
    "sort_keys": False,
    "allow_unicode": True,
    "explicit_start": True,
    "width": 100,
}


class _Unusual(Exception):
    """A value :class:`_Events` leaves to PyYAML's own representer and serializer."""


class _Events:
    """The events PyYAML's representer and serializer make of records unstructured to
    plain values (dicts, lists, strings, integers, booleans, ``None``, floats), sent
    straight to the dumper's emitter: the same text without a node tree, and each
    scalar's implicit tag resolved once per value rather than twice per scalar."""

    def __init__(self, dumper: Any):
        self._dumper = dumper
        self._emit = dumper.emit
        self._tags: dict[str, str] = {}
        self._seen: set[int] = set()

    def document(self, data: Any) -> None:
        self._emit(yaml.DocumentStartEvent(explicit=True))
        self._seen.clear()
        self._value(data)
        self._emit(yaml.DocumentEndEvent(explicit=False))

    def _scalar(self, tag: str, value: str, style: str | None = None) -> None:
        plain = self._tags.get(value)  # the tag a plain value is read as
        if plain is None:
            plain = self._tags[value] = self._dumper.resolve(yaml.ScalarNode, value, (True, False))
        self._emit(yaml.ScalarEvent(None, tag, (plain == tag, tag == _STR), value, style=style))

    def _value(self, data: Any) -> None:
        kind = type(data)
        if kind is str:
            self._scalar(_STR, data, "|" if "\n" in data else None)
        elif kind is dict or kind is list:
            if id(data) in self._seen:  # met twice: an alias, left to PyYAML
                raise _Unusual
            self._seen.add(id(data))
            if kind is dict:
                self._emit(yaml.MappingStartEvent(None, _MAP, True, flow_style=False))
                for key, value in data.items():
                    self._value(key)
                    self._value(value)
                self._emit(yaml.MappingEndEvent())
            else:
                self._emit(yaml.SequenceStartEvent(None, _SEQ, True, flow_style=False))
                for value in data:
                    self._value(value)
                self._emit(yaml.SequenceEndEvent())
        elif kind is bool or kind is int or kind is float or data is None:
            node = self._dumper.represent_data(data)
            self._scalar(node.tag, node.value, node.style)
        else:
            raise _Unusual


def dump_documents(documents: list[Any]) -> str:
    """Dump documents as multi-document YAML, keys in the given order.

    Strings that YAML 1.1 readers would misread (``"2019-11-07"``, ``"no"``,
    ``"09:00"``) are quoted, so the output means the same to every reader.
    The text is what ``yaml.dump_all`` writes with ``_Dumper``; plain values
    skip PyYAML's Python representer and serializer (about a fifth of an
    import's time), anything else goes through them.
    """
    stream = io.StringIO()
    dumper = _Dumper(stream, default_flow_style=False, **_DUMP_OPTIONS)
    try:
        dumper.open()
        events = _Events(dumper)
        for data in documents:
            events.document(data)
        dumper.close()
    except _Unusual:
        return yaml.dump_all(documents, Dumper=_Dumper, **_DUMP_OPTIONS)  # type: ignore[no-any-return]
    finally:
        dumper.dispose()
    return stream.getvalue()


# --- reading records ------------------------------------------------------------


def _node_line(node: yaml.Node, path: FieldPath) -> int:
    for key in path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == key:
                    if not isinstance(value_node, (yaml.MappingNode, yaml.SequenceNode)):
                        node = key_node
                    else:
                        node = value_node
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return int(node.start_mark.line) + 1


class _Locator(FieldLocator):
    """Lines of a record's fields, from its node tree."""

    __slots__ = ("_node",)

    def __init__(self, node: yaml.Node):
        self._node = node

    def __call__(self, path: FieldPath) -> int:
        return _node_line(self._node, path)

    def field_lines(self, shapes: Shapes, line: int) -> FieldLines | None:
        lines: list[int] = []
        shape = _shape(self._node, shapes, lines, set())
        return FieldLines.pack(shape, lines, line)


def _shape(node: yaml.Node, shapes: Shapes, lines: list[int], open_nodes: set[int]) -> Shape:
    """``node``'s shape; its lines in preorder go to ``lines`` (as :func:`_node_line`
    finds them: a key's line for a scalar value, the value's for a collection)."""
    own = int(node.start_mark.line) + 1
    lines.append(own)
    if not isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) or id(node) in open_nodes:
        return SCALAR
    open_nodes.add(id(node))
    children: list[Shape] = []
    if isinstance(node, yaml.SequenceNode):
        children.extend(_shape(child, shapes, lines, open_nodes) for child in node.value)
        shape = seq_shape(shapes, children)
    else:
        keys: list[str | None] = []
        for key_node, value_node in node.value:
            keys.append(key_node.value if isinstance(key_node.value, str) else None)
            if isinstance(value_node, (yaml.MappingNode, yaml.SequenceNode)):
                children.append(_shape(value_node, shapes, lines, open_nodes))
            else:
                lines.append(int(key_node.start_mark.line) + 1)
                children.append(SCALAR)
        shape = map_shape(shapes, keys, children)
    open_nodes.discard(id(node))
    return shape


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def _over_limit(root: yaml.Node, limits: LoadLimits) -> str | None:
    """Why a record's node graph is too big (aliases expanded) or too deep, or ``None``.

    Aliases make nodes shared, so sizes and heights are computed once per node: the
    walk is linear in the document even when the expansion is exponential.
    """
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            height[key] = 1 + max((height[id(c)] for c in children), default=0)
            if size[key] > limits.nodes:
                return (
                    f"a record of more than {limits.nodes:,} values with its aliases "
                    "expanded (limit 'nodes')"
                )
            if height[key] > limits.depth:
                return f"a record nested deeper than {limits.depth} levels (limit 'depth')"
            continue
        if key in size:
            continue
        if key in open_nodes:
            return "a record that contains itself through an alias"
        open_nodes.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                return "a record that contains itself through an alias"
            if id(child) not in size:
                stack.append((child, False))
    return None


def _may_exceed(text: str, limits: LoadLimits) -> bool:
    """Whether a record of ``text`` could be over a limit at all (else the walk is
    skipped): only anchors make a record bigger than its text, and a level of
    nesting takes a bracket or a column of indentation."""
    if "&" in text:
        return True
    if text.count("[") + text.count("{") >= limits.depth:
        return True
    return re.search(f"^ {{{limits.depth},}}", text, re.M) is not None


def _construct(
    loader: Any, node: yaml.Node, file: str, limits: LoadLimits, item: bool, check: bool
) -> RawRecord | LoadProblem | None:
    line = node.start_mark.line + 1
    reason = _over_limit(node, limits) if check else None
    if reason is not None:
        return LoadProblem(file, line, f"refused: {reason}", "limit")
    try:
        data = loader.construct_document(node)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        kind = "duplicate" if "duplicate key" in str(exc.problem) else "parse"
        return LoadProblem(file, mark.line + 1 if mark else line, f"YAML: {exc.problem}", kind)
    except (ValueError, TypeError, OverflowError) as exc:  # a tag's constructor refused
        return LoadProblem(file, line, f"YAML: cannot construct a value: {exc}", "parse")
    if data is None and not item:  # an empty document
        return None
    return RawRecord(data, file, line, _Locator(node))


def iter_yaml(
    text: str, file: str, limits: LoadLimits | None = None
) -> Iterator[RawRecord | LoadProblem]:
    """Records of a YAML text: one per document, or one per item of a document
    that is a list. A record that cannot be constructed (a duplicate key, a bad
    tagged value, over a limit) is a problem at its line; the others still load."""
    limits = limits or LoadLimits()
    check = _may_exceed(text, limits)
    loader = GrLoader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            listed = isinstance(node, yaml.SequenceNode)
            for item in node.value if listed else [node]:
                entry = _construct(loader, item, file, limits, listed, check)
                if entry is not None:
                    yield entry
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        yield LoadProblem(file, line, f"YAML syntax error: {exc.problem or exc.context}", "parse")
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        yield LoadProblem(
            file, line, f"YAML: the character U+{code:04X} is not allowed in YAML text", "parse"
        )
    except yaml.YAMLError as exc:
        first = (str(exc).strip().splitlines() or [""])[0]
        yield LoadProblem(file, 1, f"YAML error: {first}", "parse")
    finally:
        loader.dispose()
