"""Fill name_folded for sources and aliases saved before the column existed. The fold is copied here,
not imported, so this migration keeps working if claims.models.fold changes later."""

import unicodedata

from django.db import migrations


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def fill(apps, schema_editor):
    for model_name in ("Source", "SourceAlias"):
        model = apps.get_model("claims", model_name)
        rows = list(model.objects.only("pk", "name"))
        for row in rows:
            row.name_folded = fold(row.name)
        model.objects.bulk_update(rows, ["name_folded"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_source_folded_names"),
    ]

    operations = [
        # Reversing needs no work: the column goes away with 0003.
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
