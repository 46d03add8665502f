"""Tables of projects (with funding), agreements, collaborations and stated figures."""

from __future__ import annotations

from grmodel.exporting.tables.schema import (
    Table,
    boolean,
    choice,
    date_columns,
    fk,
    integer,
    list_table,
    lookup_column,
    money_columns,
    period_columns,
    record_table,
    ref_column,
    span_columns,
    table,
    text,
)
from grmodel.exporting.tables.values import (
    RowFunction,
    Rows,
    common,
    date_values,
    list_rows,
    money_values,
    period_values,
    span_values,
    value,
)
from grmodel.model import (
    Agreement,
    AgreementKind,
    Area,
    Collaboration,
    CollaborationKind,
    FigureMeasure,
    FundingLine,
    FundingStatus,
    Project,
    Record,
    StatedFigure,
)

__all__ = ["ROWS", "TABLES"]

_PROJECT = ("project_id", "projects")
_AGREEMENT = ("agreement_id", "agreements")
_COLLABORATION = ("collaboration_id", "collaborations")

TABLES: tuple[Table, ...] = (
    record_table(
        "projects",
        "A time-limited project",
        (
            text("name", "Project name"),
            text("owner", "Owner (body id or organisation as written)"),
            text("operator", "Who runs it, if not the owner"),
            *period_columns("period", "Project period"),
            ref_column("parent_id", Project, "parent", "Id of the project it is part of"),
            text("description", "What the project is"),
        ),
        origin=True,
    ),
    list_table(
        "project_participants",
        "A participating municipality or organisation",
        _PROJECT,
        (
            text(
                "participant",
                "Participant (kommunkod, name or organisation) as written",
                required=True,
            ),
            lookup_column("participant", Project, "participants"),
        ),
    ),
    list_table(
        "project_areas",
        "An area a project concerns",
        _PROJECT,
        (choice("area", Area, "The area", required=True),),
    ),
    list_table(
        "project_goals",
        "A stated goal of a project",
        _PROJECT,
        (text("goal", "The goal", required=True),),
    ),
    list_table(
        "project_bodies",
        "One of a project's own bodies",
        _PROJECT,
        (ref_column("body_id", Project, "bodies", "Id of the body", required=True),),
    ),
    list_table(
        "funding_lines",
        "One line of a project's funding",
        _PROJECT,
        (
            text("funder", "Who funds (or is applied to)", required=True),
            *money_columns("amount", "Amount", required=True),
            *money_columns("own_share", "Own funding"),
            choice("status", FundingStatus, "Applied, granted…", required=True),
            *period_columns("period", "Period the funding covers"),
            ref_column(
                "document_id", FundingLine, "document", "Id of the document that states the line"
            ),
            *span_columns(),
        ),
    ),
    record_table(
        "agreements",
        "An agreement, guideline or recommendation",
        (
            choice("kind", AgreementKind, "Avtal, överenskommelse, riktlinje…", required=True),
            text("title", "Title", required=True),
            *period_columns("period", "When it applies"),
            *date_columns("signed", "When it was signed or decided"),
            text("description", "What it regulates"),
        ),
    ),
    list_table(
        "agreement_parties",
        "A party to an agreement (id or name as written)",
        _AGREEMENT,
        (
            text("party", "The party as written", required=True),
            lookup_column("party", Agreement, "parties"),
        ),
    ),
    list_table(
        "agreement_areas",
        "An area an agreement concerns",
        _AGREEMENT,
        (choice("area", Area, "The area", required=True),),
    ),
    record_table(
        "collaborations",
        "An inter-municipal collaboration, as a mapping counts them",
        (
            text("name", "Name as written", required=True),
            choice("kind", CollaborationKind, "Network, guideline…", required=True),
            boolean("gr_participation", "Whether GR takes part (empty: not stated)"),
            *period_columns("period", "When it runs or ran"),
            text("description", "What it is"),
            text("record", "Id of the fuller record (project, agreement, body)"),
            ref_column(
                "source_id", Collaboration, "source", "Id of the document that describes it"
            ),
        ),
    ),
    list_table(
        "collaboration_participants",
        "A participant of a collaboration (kommunkod or name)",
        _COLLABORATION,
        (
            text(
                "participant",
                "Participant (kommunkod, name or organisation) as written",
                required=True,
            ),
            lookup_column("participant", Collaboration, "participants"),
        ),
    ),
    list_table(
        "collaboration_areas",
        "An area under which a collaboration is listed",
        _COLLABORATION,
        (choice("area", Area, "The area", required=True),),
    ),
    record_table(
        "stated_figures",
        "An aggregate fact a document states about records",
        (
            text("statement", "The statement as written", required=True),
            choice("measure", FigureMeasure, "What is counted", required=True),
            integer("value", "The stated number", required=True),
            text("record_type", "For record_count: the type tag counted"),
            text("subject", "For participant_count: id of the record"),
            integer("out_of", "A stated whole"),
            ref_column(
                "source_id", StatedFigure, "source", "Id of the document that states the figure"
            ),
        ),
    ),
    table(
        "stated_figure_filters",
        "A filter of a record_count figure: field → value",
        (
            text("figure_id", "Id of the stated figure", required=True),
            text("field", "Field name", required=True),
            text("value", "Value", required=True),
        ),
        ("figure_id", "field"),
        foreign_keys=(fk("figure_id", "stated_figures"),),
    ),
)


def project_rows(p: Project) -> Rows:
    """The rows of a project: itself, its lists and its funding lines."""
    yield (
        "projects",
        {
            **common(p),
            "name": p.name,
            "owner": p.owner,
            "operator": p.operator,
            **period_values("period", p.period),
            "parent_id": p.parent,
            "description": p.description,
            "origin": "record",
        },
    )
    yield from list_rows("project_participants", "project_id", p.id, "participant", p.participants)
    yield from list_rows("project_areas", "project_id", p.id, "area", p.areas)
    yield from list_rows("project_goals", "project_id", p.id, "goal", p.goals)
    yield from list_rows("project_bodies", "project_id", p.id, "body_id", p.bodies)
    for ordinal, line in enumerate(p.funding, 1):
        yield (
            "funding_lines",
            {
                "project_id": p.id,
                "ordinal": ordinal,
                "funder": line.funder,
                **money_values("amount", line.amount),
                **money_values("own_share", line.own_share),
                "status": value(line.status),
                **period_values("period", line.period),
                "document_id": line.document,
                **span_values(line.source),
            },
        )


def agreement_rows(a: Agreement) -> Rows:
    """The rows of an agreement and its parties and areas."""
    yield (
        "agreements",
        {
            **common(a),
            "kind": value(a.kind),
            "title": a.title,
            **period_values("period", a.period),
            **date_values("signed", a.signed),
            "description": a.description,
        },
    )
    yield from list_rows("agreement_parties", "agreement_id", a.id, "party", a.parties)
    yield from list_rows("agreement_areas", "agreement_id", a.id, "area", a.areas)


def collaboration_rows(c: Collaboration) -> Rows:
    """The rows of a collaboration and its participants and areas."""
    yield (
        "collaborations",
        {
            **common(c),
            "name": c.name,
            "kind": value(c.kind),
            "gr_participation": c.gr_participation,
            **period_values("period", c.period),
            "description": c.description,
            "record": c.record,
            "source_id": c.source,
        },
    )
    yield from list_rows(
        "collaboration_participants", "collaboration_id", c.id, "participant", c.participants
    )
    yield from list_rows("collaboration_areas", "collaboration_id", c.id, "area", c.areas)


def stated_figure_rows(f: StatedFigure) -> Rows:
    """The rows of a stated figure and its filters."""
    yield (
        "stated_figures",
        {
            **common(f),
            "statement": f.statement,
            "measure": value(f.measure),
            "value": f.value,
            "record_type": f.record_type,
            "subject": f.subject,
            "out_of": f.out_of,
            "source_id": f.source,
        },
    )
    for field, text_value in f.filters.items():
        yield "stated_figure_filters", {"figure_id": f.id, "field": field, "value": text_value}


ROWS: dict[type[Record], RowFunction] = {
    Project: project_rows,
    Agreement: agreement_rows,
    Collaboration: collaboration_rows,
    StatedFigure: stated_figure_rows,
}
