"""History is append-only in the database itself: a trigger refuses UPDATE and DELETE on history rows, on
PostgreSQL and SQLite, so neither QuerySet.update() nor plain SQL can rewrite the record (the model's
save() and delete() refuse too, with a clearer message).

PostgreSQL's TRUNCATE fires no row trigger, and `manage.py flush` (which empties every table, as the
test runner does between tests) on SQLite lifts the triggers for its own statements (see
workbench/sqlite_backend).
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    """
    CREATE FUNCTION claims_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'history rows cannot be changed or deleted (history_is_append_only)'
            USING ERRCODE = 'restrict_violation';
    END $$
    """,
    """
    CREATE TRIGGER history_is_append_only BEFORE UPDATE OR DELETE ON claims_historyentry
    FOR EACH ROW EXECUTE FUNCTION claims_history_is_append_only()
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER history_is_append_only ON claims_historyentry",
    "DROP FUNCTION claims_history_is_append_only()",
]
SQLITE_FORWARD = [
    f"CREATE TRIGGER history_is_append_only_{event.lower()} BEFORE {event} ON claims_historyentry "
    f"BEGIN SELECT RAISE(ABORT, 'history rows cannot be changed or deleted (history_is_append_only)'); END"
    for event in ("UPDATE", "DELETE")
]
SQLITE_REVERSE = [f"DROP TRIGGER history_is_append_only_{event}" for event in ("update", "delete")]
STATEMENTS = {"postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_REVERSE), "sqlite": (SQLITE_FORWARD, SQLITE_REVERSE)}


def run(direction):
    def step(apps, schema_editor):
        for statement in STATEMENTS.get(schema_editor.connection.vendor, ((), ()))[direction]:
            schema_editor.execute(statement, params=None)

    return step


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0008_sentence_text"),
    ]

    operations = [migrations.RunPython(run(0), run(1))]
