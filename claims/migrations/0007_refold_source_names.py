"""Refill name_folded with claims.names.fold, which now folds letters such as "ł" that Unicode does not
decompose, as the name matcher always did ("Radosław" is found by "Radoslaw")."""

from django.db import migrations

from claims.names import fold


def refold(apps, schema_editor):
    for model_name in ("Source", "SourceAlias"):
        model = apps.get_model("claims", model_name)
        rows = list(model.objects.only("pk", "name", "name_folded"))
        changed = [row for row in rows if row.name_folded != fold(row.name)]
        for row in changed:
            row.name_folded = fold(row.name)
        model.objects.bulk_update(changed, ["name_folded"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0006_history_at_index"),
    ]

    operations = [
        # The column is derived data; going back leaves the better fold in place.
        migrations.RunPython(refold, migrations.RunPython.noop),
    ]
