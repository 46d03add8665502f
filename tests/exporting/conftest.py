"""A small record set that exercises every table of the export formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from grmodel.model import Record
from grmodel.plugins import GrPluginManager
from grmodel.recordset.loading import LoadedRecord, load_records

SMALL_SET = """\
---
type: county
id: lan-14
code: "14"
name: Västra Götalands län
---
type: municipality
id: kommun-1480
code: "1480"
name: Göteborg
county: "14"
organisationsnummer: "212000-1355"
---
type: party
id: parti-fp
abbreviation: FP
name: Folkpartiet liberalerna
valid: {end: "2015-11-21"}
successor: L
aliases: [fp, "(fp)"]
---
type: body
id: test-arbetsgrupp
name: Arbetsgruppen för test
kind: working_group
parent: gr-styrgruppen-social-valfard
members: ["1480", "1481"]
seats: {total: 3, per_municipality: {"1480": 2}, default_per_member: 1}
names:
  - name: Testgruppen
    period: {start: "2015", end: "2017-06"}
period: {start: "2015"}
---
type: person
id: anna-andersson
name: Anna Andersson
given_name: Anna
family_name: Andersson
---
type: person
id: bo-berg
name: Bo Berg
---
type: person
id: cecilia-ceder
name: Cecilia Ceder
title: avdelningschef
organisation: Göteborgsregionen
---
type: membership
id: gr-styrgruppen-social-valfard-anna-andersson
person: anna-andersson
body: gr-styrgruppen-social-valfard
role: ordförande
party: S
municipality: "1480"
period: {start: "2019-01-01", end: "2022-12-31"}
---
type: document
id: dnr-2019-00368
kind: tjänsteskrivelse
title: Förslag om regional överenskommelse
date: "2019-10-20"
diarienummer: "2019-00368"
proposed_clauses: [godkänna överenskommelsen, "ge förbundsdirektören i uppdrag, att"]
---
type: document
id: gr-styrgruppen-social-valfard-2019-11-07-protokoll
kind: protokoll
date: "2019-11-07"
meeting: gr-styrgruppen-social-valfard-2019-11-07
source_file: protokoll.txt
line_count: 120
unplaced:
  - span: {line: 3, end_line: 4}
    text: "Sida 1 av 4"
    reason: page header
---
type: meeting
id: gr-styrgruppen-social-valfard-2019-11-07
body: gr-styrgruppen-social-valfard
body_name: Styrgruppen för social välfärd
date: "2019-11-07"
start_time: "09:00"
end_time: "12:00"
place: GR, Anders Personsgatan 8, Göteborg
secretary: cecilia-ceder
documents: [gr-styrgruppen-social-valfard-2019-11-07-protokoll]
stated_paragraphs: {first: 38, last: 39}
attendance:
  - person: anna-andersson
    status: present
    role: ordförande
    party: S
    municipality: Göteborg
  - person: bo-berg
    status: serving_substitute
    party: M
    replaces: anna-andersson
    paragraphs: [39]
  - person: cecilia-ceder
    status: secretary
justering:
  justerare: [bo-berg]
  date: "2019-11-14"
  signatories: [anna-andersson, bo-berg]
items:
  - id: gr-styrgruppen-social-valfard-2019-11-07-p38
    ordinal: 1
    title: Regional överenskommelse
    number: "§ 38."
    paragraph: 38
    kind: beslutsärende
    presenters: [cecilia-ceder]
    basis: [dnr-2019-00368]
    decisions:
      - id: gr-styrgruppen-social-valfard-2019-11-07-p38-d1
        kind: proposal
        text: Styrgruppen beslutar att föreslå förbundsstyrelsen
        clauses: [godkänna överenskommelsen, "ge förbundsdirektören i uppdrag"]
        target_body: gr-forbundsstyrelsen
        reservations:
          - person: bo-berg
            party: M
            reason: Skriftlig reservation
        votes:
          yes: 1
          no: 1
          roll_call:
            - {person: anna-andersson, choice: "yes"}
            - {person: bo-berg, choice: "no"}
        immediate_justering: true
        source: {line: 40, end_line: 44}
  - id: gr-styrgruppen-social-valfard-2019-11-07-p39
    ordinal: 2
    title: Information om projektet
    paragraph: 39
    kind: informationsärende
    decisions:
      - id: gr-styrgruppen-social-valfard-2019-11-07-p39-d1
        kind: noted
        text: Informationen antecknas
---
type: meeting
id: gr-styrgruppen-social-valfard-2020-02-06
body: gr-styrgruppen-social-valfard
date: "2020-02-06"
items:
  - id: gr-styrgruppen-social-valfard-2020-02-06-i1
    ordinal: 1
    title: Nästa års överenskommelse
    decisions:
      - id: gr-styrgruppen-social-valfard-2020-02-06-i1-d1
        kind: proposal
        target_body: gr-forbundsstyrelsen
        clauses: [anta överenskommelsen]
---
type: meeting
id: test-arbetsgrupp-2019-03-19
body: test-arbetsgrupp
date: "2019-03-19"
end_date: "2019-03-20"
kind: residential
place: Hotell Marstrand
---
type: meeting
id: gr-styrgruppen-social-valfard-2020-12-10
body: gr-styrgruppen-social-valfard
date: "2020-12-10"
start_time: "13:00"
status: planned
announced_in: gr-styrgruppen-social-valfard-2019-11-07
---
type: meeting
id: gr-styrgruppen-social-valfard-2020-03-19
body: gr-styrgruppen-social-valfard
date: "2020-03-19"
status: cancelled
---
type: meeting
id: test-arbetsgrupp-2018-05
body: test-arbetsgrupp
date: "2018-05"
---
type: project
id: projekt-trygg
name: Trygg i regionen
owner: gr-styrgruppen-social-valfard
participants: ["1480", Mölndal]
period: {start: "2019-01", end: "2021"}
areas: [individ_och_familjeomsorg]
goals: [Färre våldsutsatta]
bodies: [test-arbetsgrupp]
funding:
  - funder: Länsstyrelsen
    amount: 265000
    own_share: 132500
    status: applied
    document: dnr-2019-00368
  - funder: ESF
    amount: {amount: 2500000, max_amount: 3000000, stated: "2,5–3 mkr"}
---
type: project
id: projekt-trygg-del-1
name: Trygg i regionen, del 1
parent: projekt-trygg
---
type: agreement
id: overenskommelse-2019
kind: överenskommelse
title: Regional överenskommelse
parties: [gr, Västra Götalandsregionen]
signed: "2019-12"
areas: [psykiatri, hälso_och_sjukvård]
---
type: collaboration
id: samarbete-1
name: Barnahus
kind: agreement
areas: [individ_och_familjeomsorg]
gr_participation: true
participants: ["1480", "1481"]
record: overenskommelse-2019
source: dnr-2019-00368
---
type: stated_figure
id: figur-1
statement: 1 samarbete med GR:s delaktighet
measure: record_count
value: 1
record_type: collaboration
filters: {gr_participation: "true"}
source: dnr-2019-00368
"""


@pytest.fixture
def small_set(tmp_path: Path) -> Path:
    """A record file with one or more records of every core type."""
    path = tmp_path / "records" / "small.yaml"
    path.parent.mkdir()
    path.write_text(SMALL_SET, encoding="utf-8")
    return path


@pytest.fixture
def small_records(small_set: Path, core_pm: GrPluginManager) -> list[Record]:
    """The small record set, loaded."""
    out = []
    for entry in load_records([small_set], core_pm.converter):
        assert isinstance(entry, LoadedRecord), entry
        out.append(entry.record)
    return out
