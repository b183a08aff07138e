import os
import shutil

import pytest

from claims.permissions import EDITOR, REVIEWER
from tests.factories import create_user

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Personas are created in nearly every test; the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    # Rows are rolled back between tests and their ids come again: a cached page must not outlive its test.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def editor(db):
    return create_user(username="alice", role=EDITOR)


@pytest.fixture
def second_editor(db):
    return create_user(username="bob", role=EDITOR)


@pytest.fixture
def reviewer(db):
    return create_user(username="charlie", role=REVIEWER)


@pytest.fixture
def admin_user(db):
    return create_user(username="dana", is_superuser=True)


@pytest.fixture
def outsider(db):
    """Signed in, but in no role."""
    return create_user(username="eve")


def pytest_collection_modifyitems(config, items):
    # Browser tests need Debian's chromium. Outside CI they are skipped without it; in CI
    # (CI set) a missing browser is a failure, never a skip.
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM) or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def pytest_runtest_logreport(report):
    if os.environ.get("CI") and report.skipped and "browser" in report.keywords:
        report.outcome = "failed"
        report.longrepr = f"browser tests are required in CI, but this one was skipped: {report.longrepr}"
