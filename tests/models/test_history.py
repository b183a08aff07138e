"""History: append-only, and read newest first."""

import pytest

from claims.models import HistoryEntry, HistoryIsAppendOnly
from tests.factories import create_source


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


def test_a_sources_history_is_newest_first(db, editor):
    source = create_source(name="Mayor")
    source.update_record(by=editor, version=1, role="mayor")
    source.update_record(by=editor, version=2, role="former mayor")
    create_source(name="Other").update_record(by=editor, version=1, role="x")
    assert [entry.after["role"] for entry in HistoryEntry.objects.for_source(source.pk)] == ["former mayor", "mayor"]
