"""The header's search on SQLite (claims/search.py): an FTS5 index of every sentence's words, kept in step by
triggers on claims_sentence. A later migration that makes SQLite rebuild claims_sentence drops them, and
must put them back (as 0008 does for 0002's). PostgreSQL has its own index (0014)."""

from django.db import migrations

STATEMENTS = [
    "CREATE VIRTUAL TABLE claims_sentence_words USING fts5(text, content='claims_sentence', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO claims_sentence_words(rowid, text) SELECT id, text FROM claims_sentence",
    "CREATE TRIGGER claims_sentence_words_insert AFTER INSERT ON claims_sentence BEGIN "
    "INSERT INTO claims_sentence_words(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER claims_sentence_words_delete AFTER DELETE ON claims_sentence BEGIN "
    "INSERT INTO claims_sentence_words(claims_sentence_words, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER claims_sentence_words_update AFTER UPDATE OF text ON claims_sentence BEGIN "
    "INSERT INTO claims_sentence_words(claims_sentence_words, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO claims_sentence_words(rowid, text) VALUES (new.id, new.text); END",
]
DROP = [
    "DROP TRIGGER claims_sentence_words_update",
    "DROP TRIGGER claims_sentence_words_delete",
    "DROP TRIGGER claims_sentence_words_insert",
    "DROP TABLE claims_sentence_words",
]


def run(statements):
    def step(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return step


class Migration(migrations.Migration):
    dependencies = [("claims", "0014_search_indexes")]

    operations = [migrations.RunPython(run(STATEMENTS), run(DROP))]
