"""grmodel importers for the documents of Göteborgsregionens kommunalförbund (GR).

Importers: ``protocol``, ``agenda``, ``staff-report`` and ``combined``; see
:mod:`grmodel_gr_documents.plugin`.
"""

from grmodel_gr_documents.agenda import parse_agenda
from grmodel_gr_documents.combined import parse_combined
from grmodel_gr_documents.protocol import parse_protocol
from grmodel_gr_documents.staff_report import parse_staff_report

__all__ = ["parse_agenda", "parse_combined", "parse_protocol", "parse_staff_report"]
