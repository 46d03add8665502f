"""Fixtures of the rule tests: ``check`` validates a YAML snippet (see grmodel.testing)."""

from __future__ import annotations

import pytest

from grmodel.testing import make_validate_fixture

check = pytest.fixture(make_validate_fixture())
