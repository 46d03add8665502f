"""Validation: run the rules over a record set (or imported documents) and report findings."""

from grmodel.validation.config import ValidationConfig, load_config
from grmodel.validation.engine import Finding, Report, Summary, validate

__all__ = ["Finding", "Report", "Summary", "ValidationConfig", "load_config", "validate"]
