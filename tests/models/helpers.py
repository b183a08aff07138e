"""Shared by the model tests: a write the database must refuse."""

import pytest
from django.db import IntegrityError, connection, transaction


def assert_refused(write):
    """The write fails with IntegrityError, whether the database checks at once or at commit."""
    with pytest.raises(IntegrityError), transaction.atomic():
        write()
        # PostgreSQL checks deferred constraints at commit; force them inside this block.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
