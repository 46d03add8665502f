"""grmodel-gr-practice: validation rules from GR's own practice (codes ``GRP``).

The plugin module registered under the ``grmodel`` entry-point group is
:mod:`grmodel_gr_practice.plugin`; the rules themselves live in
:mod:`grmodel_gr_practice.rules`.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
