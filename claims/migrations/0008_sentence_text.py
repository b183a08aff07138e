"""Sentence.text: each sentence keeps a copy of its words (see the field), filled from the article."""

import importlib

from django.db import migrations, models
from django.db.models import F, Q
from django.db.models.functions import Length


def copy_words(apps, schema_editor):
    Article, Sentence = apps.get_model("claims", "Article"), apps.get_model("claims", "Sentence")
    for article in Article.objects.only("pk", "text").iterator(chunk_size=20):
        sentences = list(Sentence.objects.filter(article=article).only("pk", "start", "end"))
        for sentence in sentences:
            sentence.text = article.text[sentence.start : sentence.end]
        Sentence.objects.bulk_update(sentences, ["text"], batch_size=1000)


# SQLite rebuilds a table to add a column or a constraint, which drops the triggers on it and breaks those
# that name it: migration 0002's triggers go before the rebuild and come back after it.
integrity = importlib.import_module("claims.migrations.0002_cross_row_integrity")


def on_sqlite(step):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            step(apps, schema_editor)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0007_refold_source_names"),
    ]

    operations = [
        migrations.RunPython(on_sqlite(integrity.reverse), on_sqlite(integrity.forward)),
        migrations.AddField(
            model_name="sentence",
            name="text",
            field=models.TextField(default="", editable=False),
            preserve_default=False,
        ),
        migrations.RunPython(copy_words, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="sentence",
            constraint=models.CheckConstraint(
                condition=Q(end=F("start") + Length("text")), name="sentence_text_fits_span"
            ),
        ),
        migrations.RunPython(on_sqlite(integrity.forward), on_sqlite(integrity.reverse)),
    ]
