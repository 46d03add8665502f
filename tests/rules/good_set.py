"""A realistic record set that every catalogue rule passes.

It encodes the protocol of Styrgruppen för social välfärd, 2019-11-07 (§§ 38–47),
with its members, a basis document, a project with funding, and stated figures.
"""

from __future__ import annotations

MEMBERS = [
    ("kent-lagrell", "M", "Öckerö", "ordförande"),
    ("patrik-linde", "S", "Härryda", "vice_ordförande"),
    ("marita-henriksson", "SD", "Ale", None),
    ("britt-marie-kuylenstierna", "MP", "Alingsås", None),
    ("mariette-risberg", "D", "Göteborg", None),
    ("kristina-bergman-alme", "L", "Göteborg", None),
    ("pia-gillerstedt", "S", "Kungälv", None),
    ("eva-andersson", "C", "Lerum", None),
    ("ove-droscher", "S", "Mölndal", None),
    ("marie-raask", "S", "Partille", None),
    ("alexandra-odelsheim", "SD", "Stenungsund", None),
    ("nina-miskovsky", "M", "Göteborg", None),
    ("erling-alsin", "V", "Tjörn", None),
]
ABSENT = [
    ("kalle-passe-sundvall", "M", "Kungsbacka"),
    ("linda-holmer-nordlund", "V", "Lilla Edet"),
]
BODY = "gr-styrgruppen-social-valfard"
MEETING = f"{BODY}-2019-11-07"


def _persons() -> str:
    names = [p for p, *_ in MEMBERS] + [p for p, *_ in ABSENT] + ["sara-nordenhielm"]
    return "".join(
        f"---\ntype: person\nid: {p}\nname: {p.replace('-', ' ').title()}\n" for p in names
    )


def _memberships() -> str:
    out = ""
    for person, party, municipality, role in [*MEMBERS, *[(*a, None) for a in ABSENT]]:
        out += (
            f"---\ntype: membership\nid: {BODY}-{person}\nperson: {person}\nbody: {BODY}\n"
            f"role: {role or 'ledamot'}\nparty: {party}\nmunicipality: {municipality}\n"
            'period: {start: "2019-01-01", end: "2022-12-31"}\n'
        )
    return out


def _attendance() -> str:
    out = "attendance:\n"
    for person, party, municipality, role in MEMBERS:
        extra = f", role: {role}" if role else ""
        out += (
            f"  - {{person: {person}, status: present, party: {party}, "
            f"municipality: {municipality}{extra}}}\n"
        )
    for person, party, municipality in ABSENT:
        out += (
            f"  - {{person: {person}, status: absent, party: {party}, "
            f"municipality: {municipality}}}\n"
        )
    out += "  - {person: sara-nordenhielm, status: secretary}\n"
    return out


def _items() -> str:
    out = "items:\n"
    for ordinal, paragraph in enumerate(range(38, 48), start=1):
        out += (
            f"  - id: {MEETING}-p{paragraph}\n    ordinal: {ordinal}\n"
            f'    number: "§ {paragraph}."\n    paragraph: {paragraph}\n    title: Ärende\n'
        )
        if paragraph == 39:
            out += (
                f"    basis: [dnr-2019-00368]\n    decisions:\n"
                f"      - {{id: {MEETING}-p39-d2, kind: proposal, "
                "target_body: gr-forbundsstyrelsen}\n"
            )
        if paragraph == 40:
            out += (
                f"    decisions:\n      - {{id: {MEETING}-p40-d2, kind: assignment, "
                "assignee: avdelningschefen}\n"
            )
        if paragraph == 43:
            out += (
                f"    decisions:\n      - id: {MEETING}-p43-d2\n        kind: decided\n"
                "        reservations:\n"
                "          - {person: mariette-risberg, party: D, municipality: Göteborg}\n"
            )
    return out


GOOD = (
    'type: municipality\nid: kommun-1480\ncode: "1480"\nname: Göteborg\ncounty: "14"\n'
    'organisationsnummer: "212000-1355"\n'
    + _persons()
    + _memberships()
    + "---\ntype: document\nid: dnr-2019-00368\nkind: tjänsteskrivelse\n"
    'date: "2019-10-28"\ndiarienummer: "2019-00368"\n'
    + f"---\ntype: meeting\nid: {MEETING}\nbody: {BODY}\n"
    'date: "2019-11-07"\nstart_time: "09:00"\nend_time: "12:00"\n'
    "secretary: sara-nordenhielm\nstated_paragraphs: {first: 38, last: 47}\n"
    + _attendance()
    + 'justering:\n  justerare: [patrik-linde]\n  date: "2019-11-14"\n'
    + _items()
    + f"---\ntype: meeting\nid: {BODY}-2020-01-24\nbody: {BODY}\n"
    f'date: "2020-01-24"\nstatus: planned\nannounced_in: {MEETING}\n'
    "---\ntype: project\nid: dialoga\nname: Dialoga Relationsvåldscentrum\nowner: gr\n"
    "participants: [Ale, Alingsås, Göteborg, Härryda, Kungälv, Lerum, Lilla Edet, Mölndal, "
    "Partille, Stenungsund, Öckerö]\n"
    'period: {start: "2008-07", end: "2010-06-30"}\n'
    "funding:\n  - funder: Länsstyrelsen\n"
    '    amount: {amount: 265000, stated: "265 000 kr"}\n'
    '    own_share: {amount: 132500, stated: "132 500 kr"}\n'
    "---\ntype: project\nid: dialoga-missbruk\nname: Kvinnor i missbruk och våld\n"
    "parent: dialoga\nfunding:\n  - {funder: Länsstyrelsen, amount: 265000}\n"
    "---\ntype: collaboration\nid: c1\nname: IFO-chefer\nkind: network\n"
    "gr_participation: true\nparticipants: [Göteborg, Mölndal]\n"
    "---\ntype: stated_figure\nid: f1\nstatement: ett nätverk med GR\nmeasure: record_count\n"
    'value: 1\nrecord_type: collaboration\nfilters: {gr_participation: "true", kind: network}\n'
    "---\ntype: stated_figure\nid: f2\nstatement: elva av GR:s tretton kommuner\n"
    "measure: participant_count\nvalue: 11\nout_of: 13\nsubject: dialoga\n"
)
"""The record set, as YAML text."""
