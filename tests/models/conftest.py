import pytest

from tests.factories import create_article


@pytest.fixture
def article(db):
    return create_article(sentences=3)
