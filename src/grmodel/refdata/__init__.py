"""Reference data shipped with grmodel: municipalities, counties, parties, GR's bodies.

Load it once with :func:`load_reference_data` (the plugin manager's
:attr:`~grmodel.plugins.GrPluginManager.refdata` caches it) and look things up
through :class:`ReferenceData`.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from grmodel.model import Body, BodyName, County, Municipality, PartialDate, Party, Period

__all__ = ["ReferenceData", "load_gr_bodies", "load_reference_data", "normalise_name"]

_DATA = resources.files("grmodel.refdata") / "data"


def _period(start: str, end: str) -> Period | None:
    if not start and not end:
        return None
    return Period(
        start=PartialDate.parse(start) if start else None,
        end=PartialDate.parse(end) if end else None,
    )


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = (_DATA / name).read_text(encoding="utf-8")
    yield from csv.DictReader(io.StringIO(text, newline=""))


def normalise_name(text: str) -> str:
    """Fold case, accents-preserving whitespace and punctuation for name lookups."""
    text = unicodedata.normalize("NFC", text).casefold().strip()
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"(?:s)? (?:kommun|stad)$", "", text)


@functools.cache
def _municipalities() -> tuple[Municipality, ...]:
    return tuple(
        Municipality(
            id=f"kommun-{row['code']}",
            code=row["code"],
            name=row["name"],
            county=row["county_code"],
            valid=_period(row["valid_from"], row["valid_to"]),
        )
        for row in _rows("municipalities.csv")
    )


@functools.cache
def _counties() -> tuple[County, ...]:
    return tuple(
        County(
            id=f"lan-{row['code']}",
            code=row["code"],
            name=row["name"],
            valid=_period(row["valid_from"], row["valid_to"]),
        )
        for row in _rows("counties.csv")
    )


@functools.cache
def _parties() -> tuple[Party, ...]:
    return tuple(
        Party(
            id=f"parti-{row['abbreviation'].lower()}",
            abbreviation=row["abbreviation"],
            name=row["name"],
            valid=_period(row["valid_from"], row["valid_to"]),
            successor=row["successor"] or None,
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            local=row["abbreviation"] in {"VägV", "D"},
        )
        for row in _rows("parties.csv")
    )


def _body_from_yaml(entry: dict[str, Any]) -> Body:
    from grmodel.model import BodyKind, SeatAllocation

    seats = entry.get("seats")
    names = tuple(
        BodyName(name=n["name"], period=_period(str(n.get("start") or ""), str(n.get("end") or "")))
        for n in entry.get("names", ())
    )
    return Body(
        id=entry["id"],
        name=entry["name"],
        kind=BodyKind(entry["kind"]),
        parent=entry.get("parent"),
        members=tuple(entry.get("members", ())),
        seats=SeatAllocation(**seats) if seats else None,
        names=names,
        description=entry.get("description"),
    )


@functools.cache
def load_gr_bodies() -> tuple[Body, ...]:
    """GR and its bodies, from the shipped ``bodies.yaml``."""
    from grmodel.recordset.yamlio import load_one

    entries = load_one((_DATA / "bodies.yaml").read_text(encoding="utf-8"))
    return tuple(_body_from_yaml(entry) for entry in entries)


class ReferenceData:
    """Lookups over the shipped reference data (and plugin-contributed bodies)."""

    def __init__(
        self,
        municipalities: Iterable[Municipality],
        counties: Iterable[County],
        parties: Iterable[Party],
        bodies: Iterable[Body],
    ):
        self.all_municipalities: tuple[Municipality, ...] = tuple(municipalities)
        """Every municipality row, historical ones included."""
        self.counties: dict[str, County] = {c.code: c for c in counties}
        """Counties by code."""
        self.parties: tuple[Party, ...] = tuple(parties)
        """Every party."""
        self.bodies: dict[str, Body] = {b.id: b for b in bodies}
        """Reference bodies by id."""
        self._by_code: dict[str, list[Municipality]] = {}
        self._by_name: dict[str, list[Municipality]] = {}
        for m in self.all_municipalities:
            self._by_code.setdefault(m.code, []).append(m)
            self._by_name.setdefault(normalise_name(m.name), []).append(m)
        # Rules ask the same few questions millions of times: memoise the answers
        # (reference data does not change after construction).
        self._party_memo: dict[tuple[str, dt.date | None], Party | None] = {}
        self._municipality_memo: dict[tuple[str, dt.date | None], Municipality | None] = {}
        self._party_keys: dict[str, list[Party]] = {}
        for p in self.parties:
            for key in {p.abbreviation, *p.aliases}:
                self._party_keys.setdefault(key, []).append(p)

    def municipalities(self, at: dt.date | None = None) -> list[Municipality]:
        """Municipalities valid on ``at`` (default: today), sorted by code."""
        day = at or dt.date.today()
        return sorted(
            (m for m in self.all_municipalities if m.valid is None or m.valid.contains(day)),
            key=lambda m: m.code,
        )

    def municipality(self, ref: str, at: dt.date | None = None) -> Municipality | None:
        """Resolve a kommunkod or a name ("Göteborg", "Göteborgs stad", "1480").

        With ``at``, prefer the row valid on that day (Heby is 1917 before 2007).
        """
        key = (ref, at)
        if key not in self._municipality_memo:
            self._municipality_memo[key] = self._municipality(ref, at)
        return self._municipality_memo[key]

    def _municipality(self, ref: str, at: dt.date | None) -> Municipality | None:
        key = ref.strip()
        candidates = self._by_code.get(key) or self._by_name.get(normalise_name(key)) or []
        if at is not None:
            valid = [m for m in candidates if m.valid is None or m.valid.contains(at)]
            candidates = valid or candidates
        if not candidates:
            return None
        return max(
            candidates,
            key=lambda m: m.valid.start.earliest() if m.valid and m.valid.start else dt.date.min,
        )

    def suggest_municipality(self, ref: str, n: int = 3) -> list[str]:
        """Names close to ``ref`` ("Stenungssund" → "Stenungsund")."""
        names = {m.name: None for m in self.all_municipalities}
        by_norm = {normalise_name(name): name for name in names}
        close = difflib.get_close_matches(normalise_name(ref), list(by_norm), n=n, cutoff=0.75)
        return [by_norm[c] for c in close]

    def party(self, text: str, at: dt.date | None = None) -> Party | None:
        """Resolve a party abbreviation or alias ("S", "(m)", "fp"), valid on ``at`` if given.

        Returns the party even if it was not valid on ``at`` when no valid one
        matches; compare :attr:`~grmodel.Party.valid` to tell.
        """
        key = (text, at)
        try:
            return self._party_memo[key]  # one look-up: the rules ask per attendance entry
        except KeyError:
            found = self._party_memo[key] = self._party(text, at)
            return found

    def _party(self, text: str, at: dt.date | None) -> Party | None:
        key = text.strip().strip("()").strip()
        candidates = self._party_keys.get(key) or self._party_keys.get(key.upper()) or []
        if at is not None:
            valid = [p for p in candidates if p.valid is None or p.valid.contains(at)]
            candidates = valid or candidates
        return candidates[0] if candidates else None

    def county(self, code: str) -> County | None:
        """A county by two-digit code."""
        return self.counties.get(code)

    def body(self, body_id: str) -> Body | None:
        """A reference body by id."""
        return self.bodies.get(body_id)


def load_reference_data(extra_bodies: Iterable[Body] = ()) -> ReferenceData:
    """Load the shipped reference data; ``extra_bodies`` are added to (or replace) GR's."""
    bodies = {b.id: b for b in load_gr_bodies()}
    bodies.update({b.id: b for b in extra_bodies})
    return ReferenceData(_municipalities(), _counties(), _parties(), bodies.values())
