"""Strict pydantic v2 models derived from grmodel's attrs classes, for ``bench.py``.

The same walk over attrs fields and type hints as the fast path's: strict mode (no
coercion), unknown fields forbidden, dates and times as patterned strings (pydantic
cannot call ``PartialDate.parse`` inside ``validate_json`` without a Python
validator, so impossible dates pass here), a discriminated union on ``type``.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import attrs
import pydantic

from grmodel.model import Money, Record
from grmodel.model.values import Diarienummer, Organisationsnummer, PartialDate

_STRICT = pydantic.ConfigDict(strict=True, extra="forbid")
_DATE = Annotated[str, pydantic.StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
_TIME = Annotated[str, pydantic.StringConstraints(pattern=r"^([01]?\d|2[0-3])[:.][0-5]\d$")]


def record_adapter(record_types: typing.Iterable[type[Record]]) -> pydantic.TypeAdapter[Any]:
    """A ``TypeAdapter`` for any of ``record_types``, picked by the ``type`` tag."""
    models: dict[type[Any], Any] = {}
    union = tuple(_model(cls, models, cls.TYPE) for cls in record_types)
    return pydantic.TypeAdapter(
        Annotated[Union[union], pydantic.Field(discriminator="type")]  # noqa: UP007
    )


def _model(cls: type[Any], models: dict[type[Any], Any], tag: str | None = None) -> Any:
    if tag is None and cls in models:
        return models[cls]
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {"type": (Literal[tag], ...)} if tag else {}
    for field in attrs.fields(cls):
        tp = _type(hints[field.name], models)
        if field.default is attrs.NOTHING:
            fields[field.name] = (tp, ...)
        else:
            fields[field.name] = (tp, None)  # the value does not matter: only validity
    model = pydantic.create_model(f"P{cls.__name__}", __config__=_STRICT, **fields)
    if tag is None:
        models[cls] = model
    return model


def _type(tp: Any, models: dict[type[Any], Any]) -> Any:
    simple = {PartialDate: _DATE, dt.time: _TIME, Diarienummer: str, Organisationsnummer: str}
    if tp in (str, int, bool, float, type(None)) or tp in simple:
        return simple.get(tp, tp)
    if tp is Money:
        return int | _model(Money, models)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp
    origin, args = get_origin(tp), get_args(tp)
    if origin is tuple:
        return tuple[_type(args[0], models), ...]  # type: ignore[misc]
    if origin is dict:
        return dict[str, _type(args[1], models)]  # type: ignore[misc]
    if origin in (typing.Union, types.UnionType):
        return Union[tuple(_type(a, models) for a in args)]  # noqa: UP007
    if attrs.has(tp):
        return _model(tp, models)
    raise TypeError(f"no pydantic type for {tp!r}")
