"""The attribution engine is pure: these tests run without Django too,
`python -m pytest -q tests/attribution -p no:django --confcutdir=tests/attribution`."""

import sys

import pytest

from claims.attribution import suggest_attributions
from tests.attribution.helpers import ROOT, SEED

sys.path.insert(0, str(ROOT / "bench"))  # attribution_eval: the evaluation set and its scoring


@pytest.fixture(scope="session")
def seed():
    return SEED, suggest_attributions(SEED)
