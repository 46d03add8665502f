"""Validation's parts below the plugin manager: the configuration (rule selection,
severities) and the rule runner. Running a validation over paths is
:func:`grmodel.pipeline.validate`."""

from grmodel.validation.config import ValidationConfig, load_config

__all__ = ["ValidationConfig", "load_config"]
