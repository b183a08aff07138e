"""The full-text index for the header's search on PostgreSQL (claims/search.py): the words of every
sentence, as to_tsvector('simple') reads them. SQLite searches without it."""

from django.db import migrations

INDEXES = {"sentence_text_search": "claims_sentence"}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, table in INDEXES.items():
            schema_editor.execute(
                f"CREATE INDEX {name} ON {table} USING gin (to_tsvector('simple'::regconfig, COALESCE(\"text\", '')))"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX {name}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0013_claim_summary_source_wikidata")]

    operations = [migrations.RunPython(create, drop)]
