"""grmodel-oparl: export records as OParl 1.1 objects and read such an export back.

- :func:`build_oparl` / :func:`write_oparl`: records → OParl directory
- :func:`read_oparl`: OParl directory → records
- :func:`oparl_validator`: check objects against the official OParl 1.1 schemas,
  embedded objects included
"""

from __future__ import annotations

from grmodel_oparl.exporter import build_oparl, write_oparl
from grmodel_oparl.importer import read_oparl
from grmodel_oparl.validation import OParlValidator, oparl_validator

__all__ = ["OParlValidator", "build_oparl", "oparl_validator", "read_oparl", "write_oparl"]
