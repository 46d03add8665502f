"""Strict decoding at C speed: msgspec Structs derived from the attrs model.

A record line is decoded by msgspec straight into a Struct of its type (the
``type`` tag picks it), then built into the attrs record by a function generated
once per class. The Structs are derived at run time from the same attrs classes and
type hints the cattrs converter structures with, never kept by hand, and they are
as strict as the converter: unknown and missing fields are refused, nothing is
coerced (``3.7`` is not an integer, ``"1480"`` is not ``1480``, a string is not a
list), enumerations are checked by value and dates are parsed by the converter's own
function, so an impossible date fails as it does there.

The fast path only ever says yes or "don't know": any failure (of decoding, of a
value type's own check) returns ``None``, and the caller structures that record on
the detailed cattrs path, which explains it with the usual messages, field paths
and lines. A type the derivation does not know (a plugin's own value type, a hook a
plugin registered for a type) leaves the record types that use it to the detailed
path too; so does a missing msgspec.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
import weakref
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin

import attrs

from grmodel.converter import GrConverter, _parse_date, _time
from grmodel.model import Record
from grmodel.model.values import Diarienummer, Money, Organisationsnummer, PartialDate

__all__ = ["FastCodec", "FastStructurer", "fast_codec", "fast_structurer"]

FastStructurer = Callable[[str | bytes], Record | None]
"""Decodes and structures one record's JSON text; ``None`` when it cannot say yes."""

Build = Callable[[Any], Any] | None
"""Turns a decoded value into the model's value; ``None`` when it already is one."""


class FastCodec:
    """The fast path of a converter's record types: JSON text to a Struct, a Struct
    to its record, and a Struct to and from msgpack (a record read in one process is
    sent to another as its Struct, not as a pickled record: building it there costs
    a third of pickling's time, and the msgpack is smaller than the JSON)."""

    def __init__(
        self,
        decode: Callable[[str | bytes], Any],
        builders: dict[Any, Callable[[Any], Record]],
        pack: Callable[[Any], bytes],
        unpack: Callable[[bytes], Any],
    ):
        import msgspec

        self._decode = decode
        self._encode = msgspec.json.Encoder().encode
        self._builders = builders
        self.pack = pack
        """A Struct to msgpack."""
        self.unpack = unpack
        """msgpack to its Struct."""

    def decode(self, text: str | bytes) -> Any:
        """JSON text to its Struct; raises when it cannot say yes, a key given twice in
        one object of a text without escapes included (msgspec keeps the last value
        without a word; a text with a backslash is the caller's to check).

        Without escapes, a text's colons are its keys' and those inside its strings;
        the Struct encoded again writes every key once and the same strings, and no
        field it leaves out (one at its default, ``null`` or ``[]`` written out) adds
        one, so it has fewer colons exactly when a key repeats or a default is
        written: either way the detailed path decides, which explains a repeat.
        """
        struct = self._decode(text)
        colon: Any = ":" if isinstance(text, str) else b":"
        if text.count(colon) > self._encode(struct).count(b":"):
            raise ValueError("a key may be given twice")
        return struct

    def build(self, struct: Any) -> Record:
        """The record of a Struct (raises where a value type's own check fails)."""
        return self._builders[type(struct)](struct)

    def structure(self, text: str | bytes) -> Record | None:
        """Decodes and structures one record's JSON text; ``None`` when it cannot say yes
        (the detailed path decides)."""
        try:
            value = self.decode(text)
            return self._builders[type(value)](value)
        except Exception:  # any doubt: the detailed path decides and explains
            return None


_cache: weakref.WeakKeyDictionary[GrConverter, FastCodec | None] = weakref.WeakKeyDictionary()


def fast_codec(converter: GrConverter) -> FastCodec | None:
    """The fast path for a converter's record types, built once per converter;
    ``None`` when msgspec is missing or no record type could be derived."""
    if converter not in _cache:
        _cache[converter] = _make(converter)
    return _cache[converter]


def fast_structurer(converter: GrConverter) -> FastStructurer | None:
    """The fast structurer for a converter's record types (:meth:`FastCodec.structure`);
    ``None`` when there is no fast path."""
    codec = fast_codec(converter)
    return None if codec is None else codec.structure


class _NotDerivable(Exception):
    """A type the fast path does not mirror: its record types take the detailed path."""


def _make(converter: GrConverter) -> FastCodec | None:
    try:
        import msgspec
    except ImportError:  # pragma: no cover - msgspec is a dependency
        return None
    derive = _Deriver(converter, msgspec)
    structs: list[Any] = []
    builders: dict[Any, Callable[[Any], Record]] = {}
    for tag, cls in converter.record_types.items():
        try:
            struct, build = derive.record(cls, tag)
        except _NotDerivable:
            continue
        structs.append(struct)
        builders[struct] = build
    if len(structs) < 2:  # a union of one is not tagged: msgspec would not check the tag
        return None
    union: Any = Union[tuple(structs)]  # noqa: UP007
    return FastCodec(
        msgspec.json.Decoder(union).decode,
        builders,
        msgspec.msgpack.Encoder().encode,
        msgspec.msgpack.Decoder(union).decode,
    )


_CONTAINERS = "_container_hooks.<locals>"
"""Where the converter's list and optional hook factories live (their hooks'
qualified names start so); mappings' and money's are in ``_dict_factory`` and
``_money_hooks``."""


def _is_core_hook(hook: Callable[..., Any], name: str) -> bool:
    """True when ``hook`` is the converter module's own hook ``name`` (not a plugin's)."""
    qualname = getattr(hook, "__qualname__", "")
    return getattr(hook, "__module__", None) == "grmodel.converter" and (
        qualname == name or qualname.startswith(f"{name}.")
    )


def _is_generated(hook: Callable[..., Any]) -> bool:
    code = getattr(hook, "__code__", None)
    return code is not None and code.co_filename.startswith("<cattrs generated structure")


class _Deriver:
    """Derives Structs and build functions per type, memoised (classes are shared)."""

    def __init__(self, converter: GrConverter, msgspec: Any):
        self._hook = converter.cattrs.get_structure_hook
        self._msgspec = msgspec
        self._classes: dict[type[Any], tuple[Any, Build]] = {}

    def record(self, cls: type[Record], tag: str) -> tuple[Any, Callable[[Any], Record]]:
        if not _is_generated(self._hook(cls)):
            raise _NotDerivable(cls)
        struct, build = self._attrs(cls, tag)
        assert build is not None
        return struct, build

    def derive(self, tp: Any) -> tuple[Any, Build]:
        """The Struct-side type of ``tp`` and how to build the model's value from it."""
        try:
            hook = self._hook(tp)
        except Exception as exc:  # cattrs has no hook for it: neither do we
            raise _NotDerivable(tp) from exc
        if tp in (str, int, bool):
            if not _is_core_hook(hook, f"_strict_{tp.__name__}"):
                raise _NotDerivable(tp)
            return tp, None
        if tp is float:
            if not _is_core_hook(hook, "_strict_float"):
                raise _NotDerivable(tp)
            return float, None
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            if not _is_core_hook(hook, "_structure_enum") or not _plain_enum(tp):
                raise _NotDerivable(tp)
            return tp, None
        return self._value_type(tp, hook)

    def _value_type(self, tp: Any, hook: Callable[..., Any]) -> tuple[Any, Build]:
        if tp is PartialDate and _is_core_hook(hook, "_partial_date"):
            return str, _parse_date
        if tp is dt.time and _is_core_hook(hook, "_time"):
            return str, _build_time
        if tp in (Diarienummer, Organisationsnummer) and _is_core_hook(hook, "_ident_structurer"):
            return str, tp
        if tp is Money and _is_core_hook(hook, "_money_hooks.<locals>.structure_money"):
            return self._money()
        origin = get_origin(tp)
        if origin is tuple and _is_core_hook(hook, f"{_CONTAINERS}.tuple_factory"):
            return self._tuple(tp)
        if origin is dict and _is_core_hook(hook, "_dict_factory.<locals>.dict_factory"):
            return self._dict(tp)
        if origin in (typing.Union, types.UnionType) and _is_core_hook(
            hook, f"{_CONTAINERS}.optional_factory"
        ):
            return self._optional(tp)
        if attrs.has(tp) and _is_generated(hook):
            return self._attrs(tp, None)
        raise _NotDerivable(tp)

    def _tuple(self, tp: Any) -> tuple[Any, Build]:
        args = get_args(tp)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise _NotDerivable(tp)
        inner, build = self.derive(args[0])
        if build is None:
            return tuple[inner, ...], None  # type: ignore[valid-type]
        return tuple[inner, ...], _Each(build)  # type: ignore[valid-type]

    def _dict(self, tp: Any) -> tuple[Any, Build]:
        key, value_type = get_args(tp) or (str, Any)
        if key is not str:
            raise _NotDerivable(tp)
        inner, build = self.derive(value_type)
        if build is None:
            return dict[str, inner], None  # type: ignore[valid-type]
        return dict[str, inner], lambda value: {k: build(v) for k, v in value.items()}  # type: ignore[valid-type]

    def _optional(self, tp: Any) -> tuple[Any, Build]:
        args = get_args(tp)
        if len(args) != 2 or type(None) not in args:
            raise _NotDerivable(tp)
        inner, build = self.derive(next(a for a in args if a is not type(None)))
        if build is None:
            return inner | None, None
        return inner | None, _OrNone(build)

    def _money(self) -> tuple[Any, Build]:
        mapping, build = self._attrs(Money, None)
        assert build is not None
        return (
            int | mapping,
            lambda value: Money(amount=value) if type(value) is int else build(value),
        )

    def _attrs(self, cls: type[Any], tag: str | None) -> tuple[Any, Build]:
        if cls in self._classes and tag is None:
            return self._classes[cls]
        hints = typing.get_type_hints(cls)
        fields: list[tuple[Any, ...]] = []
        plan: list[tuple[str, str, Build, bool]] = []
        for field in attrs.fields(cls):
            if field.name.startswith("_") or not field.init or field.alias != field.name:
                raise _NotDerivable(cls)
            inner, build = self.derive(hints[field.name])
            if field.default is attrs.NOTHING:
                fields.append((field.name, inner))
                plan.append((field.name, field.alias, build, False))
                continue
            default = _mirrored_default(field.default, build)
            unset = default is self._msgspec.UNSET
            fields.append(
                (field.name, inner | self._msgspec.UnsetType if unset else inner, default)
            )
            plan.append((field.name, field.alias, build, unset))
        options: dict[str, Any] = {"tag": tag, "tag_field": "type"} if tag else {}
        struct = self._msgspec.defstruct(
            f"Fast{cls.__name__}",
            fields,
            kw_only=True,
            forbid_unknown_fields=True,
            gc=False,  # decoded from JSON: a tree, never a cycle
            omit_defaults=True,  # sent to another process as msgpack: what is set
            **options,
        )
        result = struct, _make_builder(cls, plan, self._msgspec.UNSET)
        if tag is None:
            self._classes[cls] = result
        return result


class _Each:
    """Builds every item of a list (inlined as ``tuple(map(...))`` in generated code)."""

    def __init__(self, build: Callable[[Any], Any]):
        self.build = build

    def __call__(self, value: Any) -> tuple[Any, ...]:
        return tuple(map(self.build, value))


class _OrNone:
    """Builds a value that may be null (inlined in generated code)."""

    def __init__(self, build: Callable[[Any], Any]):
        self.build = build

    def __call__(self, value: Any) -> Any:
        return None if value is None else self.build(value)


def _plain_enum(cls: type[enum.Enum]) -> bool:
    """msgspec matches str- or int-valued enumerations by value, as the converter does."""
    kinds = {type(member.value) for member in cls}
    return kinds in ({str}, {int})


def _build_time(value: str) -> dt.time:
    return _time(value, dt.time)


def _mirrored_default(default: Any, build: Build) -> Any:
    """The Struct-side default for an attrs default, or ``UNSET`` (then attrs applies it).

    Only defaults that need no building are mirrored (``None``, ``()``, primitives,
    enum members); any other is left to attrs.
    """
    import msgspec

    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return msgspec.UNSET
    if default is None or (build is None and (default == () or isinstance(default, _SCALARS))):
        return default
    return msgspec.UNSET


_SCALARS = (str, int, float, bool, enum.Enum)


def _expression(index: int, value: str, build: Build, namespace: dict[str, Any]) -> str:
    """Source of the expression that builds ``value`` (a name or ``s.field``)."""
    if build is None:
        return value
    name = f"b{index}"
    if isinstance(build, _Each):
        namespace[name] = build.build
        return f"tuple(map({name}, {value}))"
    if isinstance(build, _OrNone):
        namespace[name] = build.build
        return f"(None if (v := {value}) is None else {name}(v))"
    namespace[name] = build
    return f"{name}({value})"


def _make_builder(
    cls: type[Any], plan: list[tuple[str, str, Build, bool]], unset: Any
) -> Callable[[Any], Any]:
    """Generate ``build(struct) -> cls(...)`` for one class: plain fields are copied,
    fields of a value type are built, fields left unset are left to attrs' default."""
    namespace: dict[str, Any] = {"cls": cls, "UNSET": unset}
    direct: list[str] = []
    later: list[str] = []
    for index, (name, alias, build, may_be_unset) in enumerate(plan):
        if may_be_unset:
            value = _expression(index, "u", build, namespace)
            later.append(
                f"    u = s.{name}\n    if u is not UNSET:\n        kw[{alias!r}] = {value}\n"
            )
        else:
            direct.append(f"{alias}={_expression(index, f's.{name}', build, namespace)}")
    if later:
        source = "def build(s):\n    kw = dict(" + ", ".join(direct) + ")\n" + "".join(later)
        source += "    return cls(**kw)\n"
    else:
        source = "def build(s):\n    return cls(" + ", ".join(direct) + ")\n"
    where = f"<grmodel fast build {cls.__module__}.{cls.__qualname__}>"
    exec(compile(source, where, "exec"), namespace)
    build_function: Callable[[Any], Any] = namespace["build"]
    return build_function
