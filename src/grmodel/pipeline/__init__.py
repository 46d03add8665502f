"""Running grmodel over paths: the layer above the plugin manager.

:class:`~grmodel.pipeline.source.RecordSource` is the one place that turns paths
into records; validation, export and counting read through it.
"""

from grmodel.pipeline.source import (
    ProgressCallback,
    RecordSource,
    Sourced,
    discover_inputs,
    source_documents,
)

__all__ = ["ProgressCallback", "RecordSource", "Sourced", "discover_inputs", "source_documents"]
