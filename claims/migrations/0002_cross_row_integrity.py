"""Integrity rules a row-level CHECK cannot express, enforced by the database itself:

- sentence_within_article_text: a sentence ends inside its article's text;
- sentence_ranges_do_not_overlap: an article's sentences never overlap;
- claim_within_sentence: a claim's span lies inside its sentence, of the same article.

PostgreSQL (production) checks them at commit (deferred), so a multi-step edit such as merging two
sentences may pass through intermediate states. SQLite has no deferred triggers: its triggers check
immediately, and the claim check fires on span changes only, so claims can be moved to a merged
sentence before the old one is deleted.
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

POSTGRESQL_FORWARD = [
    """
    ALTER TABLE claims_sentence ADD CONSTRAINT sentence_ranges_do_not_overlap
    EXCLUDE USING gist (article_id WITH =, int4range(start, "end") WITH &&) DEFERRABLE INITIALLY DEFERRED
    """,
    """
    CREATE FUNCTION claims_sentence_within_article_text() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE current claims_sentence;
    BEGIN
        -- Deferred: judge the row as it is at commit, not as this event saw it.
        SELECT * INTO current FROM claims_sentence WHERE id = NEW.id;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
        IF current."end" > (SELECT text_length FROM claims_article WHERE id = current.article_id) THEN
            RAISE EXCEPTION 'sentence % ends after its article text', current.id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'sentence_within_article_text';
        END IF;
        IF EXISTS (SELECT 1 FROM claims_claim WHERE sentence_id = current.id
                   AND (start < current.start OR "end" > current."end")) THEN
            RAISE EXCEPTION 'sentence % no longer contains all its claims', current.id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'claim_within_sentence';
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE CONSTRAINT TRIGGER sentence_within_article_text AFTER UPDATE ON claims_sentence
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION claims_sentence_within_article_text()
    """,
    # New sentences are checked once per INSERT statement: an import adds thousands at a time, and
    # a new sentence has no claims yet.
    """
    CREATE FUNCTION claims_inserted_sentences_within_article_text() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM inserted JOIN claims_article a ON a.id = inserted.article_id
                   WHERE inserted."end" > a.text_length) THEN
            RAISE EXCEPTION 'a sentence ends after its article text'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'sentence_within_article_text';
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER sentence_within_article_text_insert AFTER INSERT ON claims_sentence
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT
    EXECUTE FUNCTION claims_inserted_sentences_within_article_text()
    """,
    """
    CREATE FUNCTION claims_claim_within_sentence() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE current claims_claim;
    BEGIN
        SELECT * INTO current FROM claims_claim WHERE id = NEW.id;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM claims_sentence WHERE id = current.sentence_id
                       AND article_id = current.article_id AND start <= current.start AND current."end" <= "end") THEN
            RAISE EXCEPTION 'claim % is not inside its sentence', current.id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'claim_within_sentence';
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE CONSTRAINT TRIGGER claim_within_sentence AFTER INSERT OR UPDATE ON claims_claim
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION claims_claim_within_sentence()
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER claim_within_sentence ON claims_claim",
    "DROP FUNCTION claims_claim_within_sentence()",
    "DROP TRIGGER sentence_within_article_text_insert ON claims_sentence",
    "DROP FUNCTION claims_inserted_sentences_within_article_text()",
    "DROP TRIGGER sentence_within_article_text ON claims_sentence",
    "DROP FUNCTION claims_sentence_within_article_text()",
    "ALTER TABLE claims_sentence DROP CONSTRAINT sentence_ranges_do_not_overlap",
]

# The overlap check only needs the neighbour with the greatest start before NEW.end: the sentences
# already stored do not overlap one another, so no earlier one can reach NEW.start.
SQLITE_OVERLAP = """
    (SELECT "end" > NEW.start FROM claims_sentence
     WHERE article_id = NEW.article_id AND start < NEW."end" AND id IS NOT NEW.id
     ORDER BY start DESC LIMIT 1)
"""
SQLITE_OUTSIDE_ARTICLE = 'NEW."end" > (SELECT text_length FROM claims_article WHERE id = NEW.article_id)'
SQLITE_CLAIM_OUTSIDE = """
    NOT EXISTS (SELECT 1 FROM claims_sentence WHERE id = NEW.sentence_id
                AND article_id = NEW.article_id AND start <= NEW.start AND NEW."end" <= "end")
"""


def sqlite_trigger(name, event, condition):
    return (
        f"CREATE TRIGGER {name}_{event.split()[0].lower()} BEFORE {event} "
        f"FOR EACH ROW WHEN {condition} BEGIN SELECT RAISE(ABORT, '{name}'); END"
    )


SQLITE_TRIGGERS = [
    ("sentence_within_article_text", "INSERT ON claims_sentence", SQLITE_OUTSIDE_ARTICLE),
    ("sentence_within_article_text", 'UPDATE OF start, "end" ON claims_sentence', SQLITE_OUTSIDE_ARTICLE),
    ("sentence_ranges_do_not_overlap", "INSERT ON claims_sentence", SQLITE_OVERLAP),
    ("sentence_ranges_do_not_overlap", 'UPDATE OF start, "end" ON claims_sentence', SQLITE_OVERLAP),
    ("claim_within_sentence", "INSERT ON claims_claim", SQLITE_CLAIM_OUTSIDE),
    ("claim_within_sentence", 'UPDATE OF start, "end" ON claims_claim', SQLITE_CLAIM_OUTSIDE),
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = POSTGRESQL_FORWARD
    elif vendor == "sqlite":
        statements = [sqlite_trigger(*trigger) for trigger in SQLITE_TRIGGERS]
    else:
        return
    for statement in statements:
        schema_editor.execute(statement, params=None)


def reverse(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = POSTGRESQL_REVERSE
    elif vendor == "sqlite":
        statements = [f"DROP TRIGGER {name}_{event.split()[0].lower()}" for name, event, _ in SQLITE_TRIGGERS]
    else:
        return
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(forward, reverse),
    ]
