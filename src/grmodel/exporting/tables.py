"""Records flattened into normalised tables with a declared schema.

Shared by the ``datapackage`` and ``sqlite`` exporters. :data:`TABLES` declares
every table: its columns and their types, its primary key and its foreign keys.
:func:`flatten` turns a stream of records into a stream of rows, one
``(table name, row)`` pair at a time, so an exporter can write rows as they come.

Layout
    One table per record type (``persons``, ``bodies``, ``meetings``, …) keyed by
    the record ``id``, and one child table per nested list (``attendance``,
    ``agenda_items``, ``decisions``, ``decision_clauses``, …). Agenda items and
    decisions have ids of their own; other child rows are keyed by their parent
    and a 1-based ``ordinal`` (position in the list).

Column types
    ``string``, ``integer``, ``boolean``, ``date`` (a complete calendar date) and
    ``time``. A partial date (``2019``, ``2019-11``, ``2019-11-07``) is a
    ``string`` column in ISO form, which sorts and compares as text
    (``date >= '2019' AND date < '2020'`` selects 2019). The single dates of
    meetings, justering, documents and agreements also get ``<name>_first_day``
    and ``<name>_last_day``: the first and last day the partial date can mean, as
    ``date`` columns. Periods become ``<name>_start`` and ``<name>_end`` (partial
    dates). Lists of plain values nested deeper than a record (a § list of one
    attendance entry) become child tables too; a plugin's own record types go to
    ``extra_records`` as JSON.

Foreign keys and references outside the record set
    Every reference to a record by id is a foreign key (``memberships.person_id →
    persons.id``, ``decisions.target_body_id → bodies.id``, …). References that are
    names or ids *or* names as written (a municipality "kommunkod or name", a
    project owner "body id or organisation") are plain columns. So that foreign
    keys always hold, the tables that references point to (``bodies``,
    ``persons``, ``documents``, ``meetings``, ``projects``) have an ``origin``
    column: ``record`` for records of the set; ``refdata`` for a reference body
    (GR's bodies, and plugins' reference bodies) that the set refers to but does
    not define (such as ``gr-forbundsstyrelsen``), added in full with the bodies it
    in turn refers to; and ``stub`` for a row holding only the id of any other
    referenced record the set lacks (``grmodel validate`` reports those).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal

import attrs

from grmodel.converter import GrConverter, make_converter
from grmodel.model import (
    AgendaItem,
    Agreement,
    AgreementKind,
    Area,
    AttendanceStatus,
    Body,
    BodyKind,
    Collaboration,
    CollaborationKind,
    County,
    Decision,
    DecisionKind,
    Document,
    DocumentKind,
    FigureMeasure,
    FundingStatus,
    ItemKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    Money,
    Municipality,
    PartialDate,
    Party,
    Period,
    Person,
    Project,
    Record,
    Role,
    Span,
    StatedFigure,
)

__all__ = [
    "PARTIAL_DATE_PATTERN",
    "REFERENCE_TABLES",
    "TABLES",
    "TABLES_BY_NAME",
    "Column",
    "ColumnType",
    "ForeignKey",
    "Row",
    "Table",
    "flatten",
]

ColumnType = Literal["string", "integer", "boolean", "date", "time"]
"""The column types of the tables (Table Schema type names)."""

PARTIAL_DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2})?)?"
"""What a partial-date column holds (the whole value matches): ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``."""

Row = dict[str, Any]
"""A row: column name → value (``str``, ``int``, ``bool``, date, time or ``None``)."""


@attrs.frozen(kw_only=True)
class Column:
    """One column of a table."""

    name: str
    """Column name."""
    type: ColumnType
    """Column type."""
    description: str = ""
    """What the column holds."""
    required: bool = False
    """True when every row has a value."""
    enum: tuple[str, ...] = ()
    """The allowed values, for a column that holds an enumeration."""
    pattern: str | None = None
    """A regular expression every value matches."""


@attrs.frozen(kw_only=True)
class ForeignKey:
    """A reference from columns of one table to the key of another (or the same)."""

    columns: tuple[str, ...]
    """Referring columns."""
    table: str
    """Referenced table."""
    ref_columns: tuple[str, ...] = ("id",)
    """Referenced columns (the referenced table's primary key)."""


@attrs.frozen(kw_only=True)
class Table:
    """A table: columns, primary key, foreign keys and the columns worth an index."""

    name: str
    """Table name (also the CSV file's stem and the SQLite table's name)."""
    description: str
    """What one row is."""
    columns: tuple[Column, ...]
    """Columns, in order."""
    primary_key: tuple[str, ...]
    """Primary key columns."""
    foreign_keys: tuple[ForeignKey, ...] = ()
    """Foreign keys."""
    indexed: tuple[str, ...] = ()
    """Further columns to index (dates); foreign key columns are always indexed."""

    @property
    def column_names(self) -> tuple[str, ...]:
        """Column names, in order."""
        return tuple(c.name for c in self.columns)

    def values(self, row: Row) -> tuple[Any, ...]:
        """A row's values in column order (``None`` where absent)."""
        return tuple(row.get(name) for name in self.column_names)


# --- column helpers ------------------------------------------------------------


def _s(name: str, description: str = "", *, required: bool = False) -> Column:
    return Column(name=name, type="string", description=description, required=required)


def _i(name: str, description: str = "", *, required: bool = False) -> Column:
    return Column(name=name, type="integer", description=description, required=required)


def _b(name: str, description: str = "", *, required: bool = False) -> Column:
    return Column(name=name, type="boolean", description=description, required=required)


def _e(
    name: str, values: type[enum.Enum], description: str = "", *, required: bool = False
) -> Column:
    return Column(
        name=name,
        type="string",
        description=description,
        required=required,
        enum=tuple(str(m.value) for m in values),
    )


def _pd(name: str, description: str = "", *, required: bool = False) -> Column:
    return Column(
        name=name,
        type="string",
        description=f"{description} (partial date YYYY[-MM[-DD]])".strip(),
        required=required,
        pattern=PARTIAL_DATE_PATTERN,
    )


def _date(name: str, description: str, *, required: bool = False) -> tuple[Column, ...]:
    return (
        _pd(name, description, required=required),
        Column(
            name=f"{name}_first_day",
            type="date",
            description=f"First day {name} can mean",
            required=required,
        ),
        Column(
            name=f"{name}_last_day",
            type="date",
            description=f"Last day {name} can mean",
            required=required,
        ),
    )


def _period(name: str, description: str) -> tuple[Column, ...]:
    return (
        _pd(f"{name}_start", f"{description}: start"),
        _pd(f"{name}_end", f"{description}: end"),
    )


def _span(prefix: str = "source") -> tuple[Column, ...]:
    return (
        _i(f"{prefix}_line", "First line of the source"),
        _i(f"{prefix}_end_line", "Last line of the source"),
    )


def _money(name: str, description: str, *, required: bool = False) -> tuple[Column, ...]:
    return (
        _i(name, f"{description}: whole kronor (low end of a range)", required=required),
        _i(f"{name}_max", f"{description}: high end of a range"),
        _s(f"{name}_stated", f"{description} as written"),
    )


_ID = _s("id", "Stable identifier", required=True)
_ORIGIN = Column(
    name="origin",
    type="string",
    description="record (in the record set), refdata (a reference body) or stub (id only)",
    required=True,
    enum=("record", "refdata", "stub"),
)
_COMMON = (
    _s("note", "Note by the data steward"),
    _s("provenance_source", "Source file or document the record came from"),
    _i("provenance_line", "First line of the record in its source"),
    _i("provenance_end_line", "Last line of the record in its source"),
    _s("provenance_document", "Id of the document the record was imported from"),
)


def _fk(column: str, table: str) -> ForeignKey:
    return ForeignKey(columns=(column,), table=table)


def _record_table(
    name: str,
    description: str,
    columns: Iterable[Column],
    *,
    origin: bool = False,
    foreign_keys: tuple[ForeignKey, ...] = (),
    indexed: tuple[str, ...] = (),
) -> Table:
    return Table(
        name=name,
        description=description,
        columns=(_ID, *columns, *((_ORIGIN,) if origin else ()), *_COMMON),
        primary_key=("id",),
        foreign_keys=foreign_keys,
        indexed=indexed,
    )


def _list_table(
    name: str,
    description: str,
    parent: tuple[str, str],
    columns: Iterable[Column],
    *,
    foreign_keys: tuple[ForeignKey, ...] = (),
) -> Table:
    """A child table keyed by its parent's id and a 1-based ordinal."""
    column, table = parent
    return Table(
        name=name,
        description=description,
        columns=(
            _s(column, f"Id of the row in {table}", required=True),
            _i("ordinal", "Position in the list, 1-based", required=True),
            *columns,
        ),
        primary_key=(column, "ordinal"),
        foreign_keys=(_fk(column, table), *foreign_keys),
    )


# --- the tables ----------------------------------------------------------------

TABLES: tuple[Table, ...] = (
    _record_table(
        "counties",
        "A county (län)",
        (
            _s("code", "Two-digit SCB county code", required=True),
            _s("name", "Official name", required=True),
            *_period("valid", "When the county existed with this code"),
        ),
    ),
    _record_table(
        "municipalities",
        "A municipality (kommun)",
        (
            _s("code", "Four-digit SCB kommunkod", required=True),
            _s("name", "Official short name", required=True),
            _s("county", "Two-digit code of the county", required=True),
            *_period("valid", "When the municipality existed under this code"),
            _s("organisationsnummer", "Organisation number as written"),
        ),
    ),
    _record_table(
        "parties",
        "A political party",
        (
            _s("abbreviation", "Canonical abbreviation", required=True),
            _s("name", "Full name", required=True),
            *_period("valid", "When the abbreviation was in use"),
            _s("successor", "Abbreviation of the party that took over"),
            _b("local", "True for a local party", required=True),
        ),
    ),
    _list_table(
        "party_aliases",
        "Another spelling of a party's abbreviation",
        ("party_id", "parties"),
        (_s("alias", "The spelling", required=True),),
    ),
    _record_table(
        "bodies",
        "An organ or group (assembly, board, steering group, network…)",
        (
            _s("name", "Current (or last) name"),
            _e("kind", BodyKind, "What kind of body"),
            _s("parent_id", "Id of the body it belongs or reports to"),
            _s("predecessor_id", "Id of the body it continues"),
            *_period("period", "When the body existed"),
            _s("description", "What the body does"),
            _i("seats_total", "Number of ledamöter"),
            _i("seats_default_per_member", "Seats of every other member municipality"),
            _i("seats_substitutes", "Number of ersättare"),
        ),
        origin=True,
        foreign_keys=(_fk("parent_id", "bodies"), _fk("predecessor_id", "bodies")),
    ),
    _list_table(
        "body_members",
        "A member municipality of an association",
        ("body_id", "bodies"),
        (_s("member", "Kommunkod or name", required=True),),
    ),
    _list_table(
        "body_names",
        "A name a body has carried",
        ("body_id", "bodies"),
        (_s("name", "The name", required=True), *_period("period", "When it was in use")),
    ),
    Table(
        name="body_seats",
        description="Seats of a named municipality that differ from the default",
        columns=(
            _s("body_id", "Id of the body", required=True),
            _s("municipality", "Kommunkod or name", required=True),
            _i("seats", "Number of seats", required=True),
        ),
        primary_key=("body_id", "municipality"),
        foreign_keys=(_fk("body_id", "bodies"),),
    ),
    _record_table(
        "persons",
        "A person: politician, official or other participant",
        (
            _s("name", "Full name as written"),
            _s("given_name", "Given name"),
            _s("family_name", "Family name"),
            _s("title", "Job title"),
            _s("organisation", "Employer or organisation"),
        ),
        origin=True,
    ),
    _record_table(
        "memberships",
        "A person's seat in a body",
        (
            _s("person_id", "Id of the person", required=True),
            _s("body_id", "Id of the body", required=True),
            _e("role", Role, "Role in the body", required=True),
            _s("party", "Party abbreviation as written"),
            _s("municipality", "Municipality represented (kommunkod or name)"),
            *_period("period", "When the membership held"),
        ),
        foreign_keys=(_fk("person_id", "persons"), _fk("body_id", "bodies")),
    ),
    _record_table(
        "documents",
        "A document: protocol, agenda, staff report…",
        (
            _e("kind", DocumentKind, "What kind of document"),
            _s("title", "Title or subject line"),
            *_date("date", "Date of the document"),
            _s("diarienummer", "Registration number as written"),
            _s("author", "Author as written (or a person id)"),
            _s("addressee", "Addressee (body id or name as written)"),
            _s("organisation", "Issuing organisation or body id"),
            _s("meeting_id", "Id of the meeting it belongs to"),
            _s("part_of", "Id of the document it is part of"),
            _s("source_file", "File it was imported from"),
            _i("line_count", "Number of lines in the source"),
        ),
        origin=True,
        foreign_keys=(_fk("meeting_id", "meetings"), _fk("part_of", "documents")),
        indexed=("date",),
    ),
    _list_table(
        "document_proposed_clauses",
        "A proposed att-clause of a document",
        ("document_id", "documents"),
        (_s("text", "The clause without the leading att", required=True),),
    ),
    Table(
        name="document_segments",
        description="Text of a document not placed in a record (unplaced) or dropped",
        columns=(
            _s("document_id", "Id of the document", required=True),
            Column(
                name="disposition",
                type="string",
                description="unplaced, dropped (a page header or footer) or cut (a page "
                "number cut from a line)",
                required=True,
                enum=("unplaced", "dropped", "cut"),
            ),
            _i("ordinal", "Position in its list, 1-based", required=True),
            _i("line", "First line", required=True),
            _i("end_line", "Last line"),
            _s("text", "The text as in the source"),
            _s("reason", "Why it was not placed"),
        ),
        primary_key=("document_id", "disposition", "ordinal"),
        foreign_keys=(_fk("document_id", "documents"),),
    ),
    _record_table(
        "meetings",
        "A meeting of a body, held, planned or cancelled",
        (
            _s("body_id", "Id of the body that met"),
            *_date("date", "Date of the meeting (first day)"),
            *_date("end_date", "Last day of a meeting over several days"),
            _s("body_name", "The body's name as used at the time"),
            Column(name="start_time", type="time", description="Start time"),
            Column(name="end_time", type="time", description="End time"),
            _s("place", "Where the meeting was held"),
            _e("kind", MeetingKind, "Ordinary, extraordinary, residential…"),
            _e("status", MeetingStatus, "Held, planned or cancelled"),
            _s("secretary_id", "Id of the secretary"),
            *_date("justering_date", "When the protocol was justerat"),
            _s("justering_place", "Where it was justerat"),
            *_span("justering_source"),
            _i("stated_paragraphs_first", "First § of a range the document states"),
            _i("stated_paragraphs_last", "Last § of that range"),
            _s("announced_in", "For a planned meeting: id of the meeting that announced it"),
        ),
        origin=True,
        foreign_keys=(
            _fk("body_id", "bodies"),
            _fk("secretary_id", "persons"),
            _fk("announced_in", "meetings"),
        ),
        indexed=("date", "date_first_day"),
    ),
    _list_table(
        "meeting_documents",
        "A document of a meeting (protocol, agenda)",
        ("meeting_id", "meetings"),
        (_s("document_id", "Id of the document", required=True),),
        foreign_keys=(_fk("document_id", "documents"),),
    ),
    _list_table(
        "justerare",
        "A person chosen to justera a meeting's protocol",
        ("meeting_id", "meetings"),
        (_s("person_id", "Id of the person", required=True),),
        foreign_keys=(_fk("person_id", "persons"),),
    ),
    _list_table(
        "justering_signatories",
        "A person who signed a protocol's justering",
        ("meeting_id", "meetings"),
        (_s("person_id", "Id of the person", required=True),),
        foreign_keys=(_fk("person_id", "persons"),),
    ),
    _list_table(
        "attendance",
        "One person's attendance at a meeting",
        ("meeting_id", "meetings"),
        (
            _s("person_id", "Id of the person", required=True),
            _e("status", AttendanceStatus, "Present, absent, serving substitute…", required=True),
            _e("role", Role, "Role at this meeting as stated"),
            _s("party", "Party abbreviation as written"),
            _s("municipality", "Municipality as written"),
            _s("organisation", "Organisation (officials, guests)"),
            _s("title", "Job title (officials, guests)"),
            _b("whole_meeting", "True when the person attended the whole meeting", required=True),
            _s("replaces_id", "For a serving substitute: id of the ledamot replaced"),
            *_span(),
        ),
        foreign_keys=(_fk("person_id", "persons"), _fk("replaces_id", "persons")),
    ),
    Table(
        name="attendance_paragraphs",
        description="A § a person attended, where attendance was limited to some",
        columns=(
            _s("meeting_id", "Id of the meeting", required=True),
            _i("attendance_ordinal", "Ordinal of the attendance row", required=True),
            _i("ordinal", "Position in the list, 1-based", required=True),
            _i("paragraph", "§ (or item) number", required=True),
        ),
        primary_key=("meeting_id", "attendance_ordinal", "ordinal"),
        foreign_keys=(
            ForeignKey(
                columns=("meeting_id", "attendance_ordinal"),
                table="attendance",
                ref_columns=("meeting_id", "ordinal"),
            ),
        ),
    ),
    Table(
        name="agenda_items",
        description="An agenda item or protocol paragraph (§)",
        columns=(
            _ID,
            _s("meeting_id", "Id of the meeting", required=True),
            _i("ordinal", "Position in the meeting, 1-based", required=True),
            _s("title", "Title as written", required=True),
            _s("number", "Number as written"),
            _i("paragraph", "§ number"),
            _e("kind", ItemKind, "Item kind as the agenda marks it"),
            _s("text", "The item's text"),
            _b("attachment", "True where a document is attached", required=True),
            *_span(),
        ),
        primary_key=("id",),
        foreign_keys=(_fk("meeting_id", "meetings"),),
    ),
    _list_table(
        "item_presenters",
        "A person presenting an agenda item",
        ("item_id", "agenda_items"),
        (_s("person_id", "Id of the person", required=True),),
        foreign_keys=(_fk("person_id", "persons"),),
    ),
    _list_table(
        "item_basis_documents",
        "A basis document (beslutsunderlag) of an agenda item",
        ("item_id", "agenda_items"),
        (_s("document_id", "Id of the document", required=True),),
        foreign_keys=(_fk("document_id", "documents"),),
    ),
    Table(
        name="decisions",
        description="A decision under an agenda item",
        columns=(
            _ID,
            _s("item_id", "Id of the agenda item", required=True),
            _s("meeting_id", "Id of the meeting (the item's)", required=True),
            _i("ordinal", "Position under the item, 1-based", required=True),
            _e("kind", DecisionKind, "Decided, proposal, assignment or noted", required=True),
            _s("text", "The lead text"),
            _s("target_body_id", "For a proposal: id of the body it goes to"),
            _s("assignee", "For an assignment: who (id or role as written)"),
            _b("immediate_justering", "True when immediately justerad", required=True),
            _i("votes_yes", "Votes for"),
            _i("votes_no", "Votes against"),
            _i("votes_abstain", "Abstentions"),
            _s("votes_description", "The propositions voted on"),
            *_span(),
        ),
        primary_key=("id",),
        foreign_keys=(
            _fk("item_id", "agenda_items"),
            _fk("meeting_id", "meetings"),
            _fk("target_body_id", "bodies"),
        ),
        indexed=("kind",),
    ),
    _list_table(
        "decision_clauses",
        "An att-clause of a decision",
        ("decision_id", "decisions"),
        (_s("text", "The clause without the leading att", required=True),),
    ),
    _list_table(
        "reservations",
        "A reservation against a decision",
        ("decision_id", "decisions"),
        (
            _s("person_id", "Id of the person", required=True),
            _s("party", "Party as written"),
            _s("municipality", "Municipality as written"),
            _s("reason", "The stated reason"),
            *_span(),
        ),
        foreign_keys=(_fk("person_id", "persons"),),
    ),
    _list_table(
        "roll_call_votes",
        "One person's vote in a roll-call vote (votering)",
        ("decision_id", "decisions"),
        (
            _s("person_id", "Id of the person", required=True),
            _s("choice", "yes, no or abstain", required=True),
        ),
        foreign_keys=(_fk("person_id", "persons"),),
    ),
    _record_table(
        "projects",
        "A time-limited project",
        (
            _s("name", "Project name"),
            _s("owner", "Owner (body id or organisation as written)"),
            _s("operator", "Who runs it, if not the owner"),
            *_period("period", "Project period"),
            _s("parent_id", "Id of the project it is part of"),
            _s("description", "What the project is"),
        ),
        origin=True,
        foreign_keys=(_fk("parent_id", "projects"),),
    ),
    _list_table(
        "project_participants",
        "A participating municipality or organisation",
        ("project_id", "projects"),
        (_s("participant", "Kommunkod or name", required=True),),
    ),
    _list_table(
        "project_areas",
        "An area a project concerns",
        ("project_id", "projects"),
        (_e("area", Area, "The area", required=True),),
    ),
    _list_table(
        "project_goals",
        "A stated goal of a project",
        ("project_id", "projects"),
        (_s("goal", "The goal", required=True),),
    ),
    _list_table(
        "project_bodies",
        "One of a project's own bodies",
        ("project_id", "projects"),
        (_s("body_id", "Id of the body", required=True),),
        foreign_keys=(_fk("body_id", "bodies"),),
    ),
    _list_table(
        "funding_lines",
        "One line of a project's funding",
        ("project_id", "projects"),
        (
            _s("funder", "Who funds (or is applied to)", required=True),
            *_money("amount", "Amount", required=True),
            *_money("own_share", "Own funding"),
            _e("status", FundingStatus, "Applied, granted…", required=True),
            *_period("period", "Period the funding covers"),
            _s("document_id", "Id of the document that states the line"),
            *_span(),
        ),
        foreign_keys=(_fk("document_id", "documents"),),
    ),
    _record_table(
        "agreements",
        "An agreement, guideline or recommendation",
        (
            _e("kind", AgreementKind, "Avtal, överenskommelse, riktlinje…", required=True),
            _s("title", "Title", required=True),
            *_period("period", "When it applies"),
            *_date("signed", "When it was signed or decided"),
            _s("description", "What it regulates"),
        ),
    ),
    _list_table(
        "agreement_parties",
        "A party to an agreement (id or name as written)",
        ("agreement_id", "agreements"),
        (_s("party", "The party", required=True),),
    ),
    _list_table(
        "agreement_areas",
        "An area an agreement concerns",
        ("agreement_id", "agreements"),
        (_e("area", Area, "The area", required=True),),
    ),
    _record_table(
        "collaborations",
        "An inter-municipal collaboration, as a mapping counts them",
        (
            _s("name", "Name as written", required=True),
            _e("kind", CollaborationKind, "Network, guideline…", required=True),
            _b("gr_participation", "Whether GR takes part (empty: not stated)"),
            *_period("period", "When it runs or ran"),
            _s("description", "What it is"),
            _s("record", "Id of the fuller record (project, agreement, body)"),
            _s("source_id", "Id of the document that describes it"),
        ),
        foreign_keys=(_fk("source_id", "documents"),),
    ),
    _list_table(
        "collaboration_participants",
        "A participant of a collaboration (kommunkod or name)",
        ("collaboration_id", "collaborations"),
        (_s("participant", "The participant", required=True),),
    ),
    _list_table(
        "collaboration_areas",
        "An area under which a collaboration is listed",
        ("collaboration_id", "collaborations"),
        (_e("area", Area, "The area", required=True),),
    ),
    _record_table(
        "stated_figures",
        "An aggregate fact a document states about records",
        (
            _s("statement", "The statement as written", required=True),
            _e("measure", FigureMeasure, "What is counted", required=True),
            _i("value", "The stated number", required=True),
            _s("record_type", "For record_count: the type tag counted"),
            _s("subject", "For participant_count: id of the record"),
            _i("out_of", "A stated whole"),
            _s("source_id", "Id of the document that states the figure"),
        ),
        foreign_keys=(_fk("source_id", "documents"),),
    ),
    Table(
        name="stated_figure_filters",
        description="A filter of a record_count figure: field → value",
        columns=(
            _s("figure_id", "Id of the stated figure", required=True),
            _s("field", "Field name", required=True),
            _s("value", "Value", required=True),
        ),
        primary_key=("figure_id", "field"),
        foreign_keys=(_fk("figure_id", "stated_figures"),),
    ),
    Table(
        name="extra_records",
        description="A record of a type a plugin adds, as canonical JSON",
        columns=(
            _ID,
            _s("type", "The record's type tag", required=True),
            _s("data", "The record as JSON (what grmodel import writes)", required=True),
        ),
        primary_key=("id",),
        indexed=("type",),
    ),
)
"""Every table, parents before children."""

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
"""Tables by name."""

REFERENCE_TABLES: tuple[str, ...] = ("bodies", "persons", "documents", "meetings", "projects")
"""Tables that references point to; they have an ``origin`` column."""


# --- flattening ----------------------------------------------------------------


def _v(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _date_values(name: str, value: PartialDate | None) -> Row:
    if value is None:
        return {}
    return {
        name: str(value),
        f"{name}_first_day": value.earliest(),
        f"{name}_last_day": value.latest(),
    }


def _period_values(name: str, period: Period | None) -> Row:
    if period is None:
        return {}
    return {
        f"{name}_start": str(period.start) if period.start else None,
        f"{name}_end": str(period.end) if period.end else None,
    }


def _span_values(span: Span | None, prefix: str = "source") -> Row:
    if span is None:
        return {}
    return {f"{prefix}_line": span.line, f"{prefix}_end_line": span.end_line}


def _money_values(name: str, money: Money | None) -> Row:
    if money is None:
        return {}
    return {name: money.amount, f"{name}_max": money.max_amount, f"{name}_stated": money.stated}


def _common(record: Record) -> Row:
    row: Row = {"id": record.id, "note": record.note}
    if record.provenance is not None:
        p = record.provenance
        row.update(
            provenance_source=p.source,
            provenance_line=p.line,
            provenance_end_line=p.end_line,
            provenance_document=p.document,
        )
    return row


def _list_rows(
    table: str, parent_column: str, parent_id: str, column: str, values: Iterable[Any]
) -> Iterator[tuple[str, Row]]:
    for ordinal, value in enumerate(values, 1):
        yield table, {parent_column: parent_id, "ordinal": ordinal, column: _v(value)}


class _Flattener:
    """Turns records into rows and keeps track of ids referred to and defined."""

    def __init__(self, converter: GrConverter, reference_bodies: Mapping[str, Body]):
        self._converter = converter
        self._reference_bodies = reference_bodies
        self._defined: dict[str, set[str]] = {t: set() for t in REFERENCE_TABLES}
        self._referenced: dict[str, set[str]] = {t: set() for t in REFERENCE_TABLES}
        self._handlers: dict[type[Record], Callable[[Any], Iterator[tuple[str, Row]]]] = {
            County: self._county,
            Municipality: self._municipality,
            Party: self._party,
            Body: self._body,
            Person: self._person,
            Membership: self._membership,
            Document: self._document,
            Meeting: self._meeting,
            Project: self._project,
            Agreement: self._agreement,
            Collaboration: self._collaboration,
            StatedFigure: self._stated_figure,
        }

    def _ref(self, table: str, value: str | None) -> str | None:
        if value is not None:
            self._referenced[table].add(value)
        return value

    def _define(self, table: str, record_id: str) -> None:
        self._defined[table].add(record_id)

    def rows(self, record: Record) -> Iterator[tuple[str, Row]]:
        """The rows of one record."""
        handler = self._handlers.get(type(record))
        if handler is None:
            data = self._converter.unstructure_record(record)
            yield (
                "extra_records",
                {
                    "id": record.id,
                    "type": record.TYPE,
                    "data": json.dumps(data, ensure_ascii=False, sort_keys=False),
                },
            )
            return
        yield from handler(record)

    def closing_rows(self) -> Iterator[tuple[str, Row]]:
        """Rows for referenced records the set lacks: reference bodies, then stubs."""
        while True:
            missing = sorted(
                (table, ref)
                for table in REFERENCE_TABLES
                for ref in self._referenced[table] - self._defined[table]
            )
            if not missing:
                return
            for table, ref in missing:
                if ref in self._defined[table]:
                    continue
                if table == "bodies" and ref in self._reference_bodies:
                    yield from self._body(self._reference_bodies[ref], origin="refdata")
                else:
                    self._define(table, ref)
                    yield table, {"id": ref, "origin": "stub"}

    # -- record types --------------------------------------------------------

    def _county(self, c: County) -> Iterator[tuple[str, Row]]:
        yield (
            "counties",
            {**_common(c), "code": c.code, "name": c.name, **_period_values("valid", c.valid)},
        )

    def _municipality(self, m: Municipality) -> Iterator[tuple[str, Row]]:
        yield (
            "municipalities",
            {
                **_common(m),
                "code": m.code,
                "name": m.name,
                "county": m.county,
                **_period_values("valid", m.valid),
                "organisationsnummer": m.organisationsnummer.value
                if m.organisationsnummer
                else None,
            },
        )

    def _party(self, p: Party) -> Iterator[tuple[str, Row]]:
        yield (
            "parties",
            {
                **_common(p),
                "abbreviation": p.abbreviation,
                "name": p.name,
                **_period_values("valid", p.valid),
                "successor": p.successor,
                "local": p.local,
            },
        )
        yield from _list_rows("party_aliases", "party_id", p.id, "alias", p.aliases)

    def _body(self, b: Body, origin: str = "record") -> Iterator[tuple[str, Row]]:
        self._define("bodies", b.id)
        seats = b.seats
        yield (
            "bodies",
            {
                **_common(b),
                "name": b.name,
                "kind": _v(b.kind),
                "parent_id": self._ref("bodies", b.parent),
                "predecessor_id": self._ref("bodies", b.predecessor),
                **_period_values("period", b.period),
                "description": b.description,
                "seats_total": seats.total if seats else None,
                "seats_default_per_member": seats.default_per_member if seats else None,
                "seats_substitutes": seats.substitutes if seats else None,
                "origin": origin,
            },
        )
        yield from _list_rows("body_members", "body_id", b.id, "member", b.members)
        for ordinal, name in enumerate(b.names, 1):
            yield (
                "body_names",
                {
                    "body_id": b.id,
                    "ordinal": ordinal,
                    "name": name.name,
                    **_period_values("period", name.period),
                },
            )
        if seats is not None:
            for municipality, count in seats.per_municipality.items():
                yield (
                    "body_seats",
                    {"body_id": b.id, "municipality": municipality, "seats": count},
                )

    def _person(self, p: Person) -> Iterator[tuple[str, Row]]:
        self._define("persons", p.id)
        yield (
            "persons",
            {
                **_common(p),
                "name": p.name,
                "given_name": p.given_name,
                "family_name": p.family_name,
                "title": p.title,
                "organisation": p.organisation,
                "origin": "record",
            },
        )

    def _membership(self, m: Membership) -> Iterator[tuple[str, Row]]:
        yield (
            "memberships",
            {
                **_common(m),
                "person_id": self._ref("persons", m.person),
                "body_id": self._ref("bodies", m.body),
                "role": _v(m.role),
                "party": m.party,
                "municipality": m.municipality,
                **_period_values("period", m.period),
            },
        )

    def _document(self, d: Document) -> Iterator[tuple[str, Row]]:
        self._define("documents", d.id)
        yield (
            "documents",
            {
                **_common(d),
                "kind": _v(d.kind),
                "title": d.title,
                **_date_values("date", d.date),
                "diarienummer": d.diarienummer.value if d.diarienummer else None,
                "author": d.author,
                "addressee": d.addressee,
                "organisation": d.organisation,
                "meeting_id": self._ref("meetings", d.meeting),
                "part_of": self._ref("documents", d.part_of),
                "source_file": d.source_file,
                "line_count": d.line_count,
                "origin": "record",
            },
        )
        yield from _list_rows(
            "document_proposed_clauses", "document_id", d.id, "text", d.proposed_clauses
        )
        for disposition, segments in (
            ("unplaced", d.unplaced),
            ("dropped", d.dropped),
            ("cut", d.cut),
        ):
            for ordinal, segment in enumerate(segments, 1):
                yield (
                    "document_segments",
                    {
                        "document_id": d.id,
                        "disposition": disposition,
                        "ordinal": ordinal,
                        "line": segment.span.line,
                        "end_line": segment.span.end_line,
                        "text": segment.text,
                        "reason": segment.reason,
                    },
                )

    def _meeting(self, m: Meeting) -> Iterator[tuple[str, Row]]:
        self._define("meetings", m.id)
        j = m.justering
        yield (
            "meetings",
            {
                **_common(m),
                "body_id": self._ref("bodies", m.body),
                **_date_values("date", m.date),
                **_date_values("end_date", m.end_date),
                "body_name": m.body_name,
                "start_time": m.start_time,
                "end_time": m.end_time,
                "place": m.place,
                "kind": _v(m.kind),
                "status": _v(m.status),
                "secretary_id": self._ref("persons", m.secretary),
                **(_date_values("justering_date", j.date) if j else {}),
                "justering_place": j.place if j else None,
                **_span_values(j.source if j else None, "justering_source"),
                "stated_paragraphs_first": m.stated_paragraphs.first
                if m.stated_paragraphs
                else None,
                "stated_paragraphs_last": m.stated_paragraphs.last if m.stated_paragraphs else None,
                "announced_in": self._ref("meetings", m.announced_in),
                "origin": "record",
            },
        )
        for ordinal, doc in enumerate(m.documents, 1):
            yield (
                "meeting_documents",
                {
                    "meeting_id": m.id,
                    "ordinal": ordinal,
                    "document_id": self._ref("documents", doc),
                },
            )
        if j is not None:
            for table, people in (
                ("justerare", j.justerare),
                ("justering_signatories", j.signatories),
            ):
                for ordinal, person in enumerate(people, 1):
                    yield (
                        table,
                        {
                            "meeting_id": m.id,
                            "ordinal": ordinal,
                            "person_id": self._ref("persons", person),
                        },
                    )
        for ordinal, a in enumerate(m.attendance, 1):
            yield (
                "attendance",
                {
                    "meeting_id": m.id,
                    "ordinal": ordinal,
                    "person_id": self._ref("persons", a.person),
                    "status": _v(a.status),
                    "role": _v(a.role),
                    "party": a.party,
                    "municipality": a.municipality,
                    "organisation": a.organisation,
                    "title": a.title,
                    "whole_meeting": not a.paragraphs,
                    "replaces_id": self._ref("persons", a.replaces),
                    **_span_values(a.source),
                },
            )
            for index, paragraph in enumerate(a.paragraphs, 1):
                yield (
                    "attendance_paragraphs",
                    {
                        "meeting_id": m.id,
                        "attendance_ordinal": ordinal,
                        "ordinal": index,
                        "paragraph": paragraph,
                    },
                )
        for item in m.items:
            yield from self._item(m, item)

    def _item(self, m: Meeting, item: AgendaItem) -> Iterator[tuple[str, Row]]:
        yield (
            "agenda_items",
            {
                "id": item.id,
                "meeting_id": m.id,
                "ordinal": item.ordinal,
                "title": item.title,
                "number": item.number,
                "paragraph": item.paragraph,
                "kind": _v(item.kind),
                "text": item.text,
                "attachment": item.attachment,
                **_span_values(item.source),
            },
        )
        for ordinal, person in enumerate(item.presenters, 1):
            yield (
                "item_presenters",
                {"item_id": item.id, "ordinal": ordinal, "person_id": self._ref("persons", person)},
            )
        for ordinal, doc in enumerate(item.basis, 1):
            yield (
                "item_basis_documents",
                {
                    "item_id": item.id,
                    "ordinal": ordinal,
                    "document_id": self._ref("documents", doc),
                },
            )
        for ordinal, decision in enumerate(item.decisions, 1):
            yield from self._decision(m, item, ordinal, decision)

    def _decision(
        self, m: Meeting, item: AgendaItem, ordinal: int, d: Decision
    ) -> Iterator[tuple[str, Row]]:
        votes = d.votes
        yield (
            "decisions",
            {
                "id": d.id,
                "item_id": item.id,
                "meeting_id": m.id,
                "ordinal": ordinal,
                "kind": _v(d.kind),
                "text": d.text,
                "target_body_id": self._ref("bodies", d.target_body),
                "assignee": d.assignee,
                "immediate_justering": d.immediate_justering,
                "votes_yes": votes.yes if votes else None,
                "votes_no": votes.no if votes else None,
                "votes_abstain": votes.abstain if votes else None,
                "votes_description": votes.description if votes else None,
                **_span_values(d.source),
            },
        )
        yield from _list_rows("decision_clauses", "decision_id", d.id, "text", d.clauses)
        for index, r in enumerate(d.reservations, 1):
            yield (
                "reservations",
                {
                    "decision_id": d.id,
                    "ordinal": index,
                    "person_id": self._ref("persons", r.person),
                    "party": r.party,
                    "municipality": r.municipality,
                    "reason": r.reason,
                    **_span_values(r.source),
                },
            )
        for index, cast in enumerate(votes.roll_call if votes else (), 1):
            yield (
                "roll_call_votes",
                {
                    "decision_id": d.id,
                    "ordinal": index,
                    "person_id": self._ref("persons", cast.person),
                    "choice": cast.choice,
                },
            )

    def _project(self, p: Project) -> Iterator[tuple[str, Row]]:
        self._define("projects", p.id)
        yield (
            "projects",
            {
                **_common(p),
                "name": p.name,
                "owner": p.owner,
                "operator": p.operator,
                **_period_values("period", p.period),
                "parent_id": self._ref("projects", p.parent),
                "description": p.description,
                "origin": "record",
            },
        )
        yield from _list_rows(
            "project_participants", "project_id", p.id, "participant", p.participants
        )
        yield from _list_rows("project_areas", "project_id", p.id, "area", p.areas)
        yield from _list_rows("project_goals", "project_id", p.id, "goal", p.goals)
        for ordinal, body in enumerate(p.bodies, 1):
            yield (
                "project_bodies",
                {"project_id": p.id, "ordinal": ordinal, "body_id": self._ref("bodies", body)},
            )
        for ordinal, line in enumerate(p.funding, 1):
            yield (
                "funding_lines",
                {
                    "project_id": p.id,
                    "ordinal": ordinal,
                    "funder": line.funder,
                    **_money_values("amount", line.amount),
                    **_money_values("own_share", line.own_share),
                    "status": _v(line.status),
                    **_period_values("period", line.period),
                    "document_id": self._ref("documents", line.document),
                    **_span_values(line.source),
                },
            )

    def _agreement(self, a: Agreement) -> Iterator[tuple[str, Row]]:
        yield (
            "agreements",
            {
                **_common(a),
                "kind": _v(a.kind),
                "title": a.title,
                **_period_values("period", a.period),
                **_date_values("signed", a.signed),
                "description": a.description,
            },
        )
        yield from _list_rows("agreement_parties", "agreement_id", a.id, "party", a.parties)
        yield from _list_rows("agreement_areas", "agreement_id", a.id, "area", a.areas)

    def _collaboration(self, c: Collaboration) -> Iterator[tuple[str, Row]]:
        yield (
            "collaborations",
            {
                **_common(c),
                "name": c.name,
                "kind": _v(c.kind),
                "gr_participation": c.gr_participation,
                **_period_values("period", c.period),
                "description": c.description,
                "record": c.record,
                "source_id": self._ref("documents", c.source),
            },
        )
        yield from _list_rows(
            "collaboration_participants", "collaboration_id", c.id, "participant", c.participants
        )
        yield from _list_rows("collaboration_areas", "collaboration_id", c.id, "area", c.areas)

    def _stated_figure(self, f: StatedFigure) -> Iterator[tuple[str, Row]]:
        yield (
            "stated_figures",
            {
                **_common(f),
                "statement": f.statement,
                "measure": _v(f.measure),
                "value": f.value,
                "record_type": f.record_type,
                "subject": f.subject,
                "out_of": f.out_of,
                "source_id": self._ref("documents", f.source),
            },
        )
        for field, value in f.filters.items():
            yield "stated_figure_filters", {"figure_id": f.id, "field": field, "value": value}


def flatten(
    records: Iterable[Record],
    *,
    converter: GrConverter | None = None,
    reference_bodies: Iterable[Body] | None = None,
) -> Iterator[tuple[str, Row]]:
    """Flatten records into ``(table name, row)`` pairs, one record at a time.

    After the records come the rows that keep foreign keys whole: reference
    bodies the set refers to but does not define, and ``stub`` rows for any other
    missing referenced id (see the module documentation).

    :param converter: unstructures records of plugin types into ``extra_records``
        (default: a core converter).
    :param reference_bodies: bodies to draw referenced-but-undefined bodies from
        (default: GR's bodies, :func:`grmodel.refdata.load_gr_bodies`).
    """
    if reference_bodies is None:
        from grmodel.refdata import load_gr_bodies

        reference_bodies = load_gr_bodies()
    flattener = _Flattener(converter or make_converter(), {b.id: b for b in reference_bodies})
    for record in records:
        yield from flattener.rows(record)
    yield from flattener.closing_rows()
