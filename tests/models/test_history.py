"""History: append-only, and read newest first."""

import pytest
from django.db import connection, models

from claims.models import HistoryEntry, HistoryIsAppendOnly
from tests.factories import create_source
from tests.models.helpers import assert_refused


def test_history_rows_cannot_be_changed_or_deleted_through_the_orm(article):
    entry = HistoryEntry.objects.get(article=article)
    entry.action = HistoryEntry.Action.REMOVED
    with pytest.raises(HistoryIsAppendOnly):
        entry.save()
    with pytest.raises(HistoryIsAppendOnly):
        entry.delete()
    with pytest.raises(HistoryIsAppendOnly):
        HistoryEntry.objects.filter(pk=entry.pk).update(action="removed")
    with pytest.raises(HistoryIsAppendOnly):
        HistoryEntry.objects.all().delete()
    assert HistoryEntry.objects.get(pk=entry.pk).action == HistoryEntry.Action.IMPORTED


def test_history_rows_cannot_be_rewritten_by_plain_sql_or_a_bulk_write_past_the_orm(article):
    entry = HistoryEntry.objects.get(article=article)
    table = HistoryEntry._meta.db_table
    assert_refused(lambda: _execute(f"UPDATE {table} SET action = 'removed' WHERE id = %s", [entry.pk]))
    assert_refused(lambda: _execute(f"DELETE FROM {table} WHERE id = %s", [entry.pk]))
    # models.QuerySet, not HistoryQuerySet: the bulk write the model's own guard never sees.
    assert_refused(lambda: models.QuerySet(HistoryEntry).filter(pk=entry.pk).update(action="removed"))
    assert_refused(lambda: models.QuerySet(HistoryEntry).filter(pk=entry.pk)._raw_delete(connection.alias))
    assert HistoryEntry.objects.get(pk=entry.pk).action == HistoryEntry.Action.IMPORTED
    HistoryEntry.record(actor=None, action=HistoryEntry.Action.UPDATED, obj=article)  # adding still works
    assert HistoryEntry.objects.filter(article=article).count() == 2


def _execute(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_a_sources_history_is_newest_first(db, editor):
    source = create_source(name="Mayor")
    source.update_record(by=editor, version=1, role="mayor")
    source.update_record(by=editor, version=2, role="former mayor")
    create_source(name="Other").update_record(by=editor, version=1, role="x")
    assert [entry.after["role"] for entry in HistoryEntry.objects.for_source(source.pk)] == ["former mayor", "mayor"]
