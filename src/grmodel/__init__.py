"""grmodel: typed, validated, exchangeable records of Swedish inter-municipal cooperation."""

from grmodel.model import *  # noqa: F403
from grmodel.model import __all__ as _model_all

__version__ = "0.1.0"

__all__ = ["__version__", *_model_all]
