"""Running grmodel over paths: the layer above the plugin manager.

:class:`~grmodel.pipeline.source.RecordSource` is the one place that turns paths
into records; validation (:func:`validate`), export
(:mod:`grmodel.pipeline.exporting`), import (:mod:`grmodel.pipeline.importing`) and
counting (:mod:`grmodel.pipeline.counting`) read through it.
"""

from grmodel.pipeline.source import (
    ProgressCallback,
    RecordSource,
    Sourced,
    discover_inputs,
    source_documents,
)
from grmodel.pipeline.validation import Finding, Report, Summary, validate

__all__ = [
    "Finding",
    "ProgressCallback",
    "RecordSource",
    "Report",
    "Sourced",
    "Summary",
    "discover_inputs",
    "source_documents",
    "validate",
]
