"""For the benches that measure inside Django: DEBUG off, as in production, and a test database of their own
on the DATABASE_URL of the environment, dropped afterwards."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_in_test_database(measure, *, name):
    os.environ.update(DEBUG="0", SECRET_KEY=name, ALLOWED_HOSTS="testserver")
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
    import django

    django.setup()
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        measure()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
