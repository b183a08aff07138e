"""Real concurrent transactions on PostgreSQL: of two reviewers deciding one proposal, exactly one
decision is recorded; of two editors saving one claim, the second is told instead of overwriting.

Thread A pauses right after taking its row lock, while thread B arrives and has to wait for it."""

import threading
import time

import pytest
from django.db import connection, connections

from claims.models import AlreadyDecided, Claim, HistoryEntry, Label, StaleEdit
from tests.factories import create_article, create_claim, create_label

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def race(first, second, *, pause_after):
    """Run first() and second() in two threads with their own connections. first() pauses for a moment
    after running a query that contains `pause_after`, holding its locks; second() starts then."""
    locked = threading.Event()
    results = {}

    def hold(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if pause_after in sql and not locked.is_set():
            locked.set()
            time.sleep(0.5)
        return result

    def run(name, work, wrapper=None):
        try:
            if wrapper:
                with connections["default"].execute_wrapper(wrapper):
                    results[name] = work()
            else:
                locked.wait(5)
                results[name] = work()
        except Exception as error:  # the outcome is what the test inspects
            results[name] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=("first", first, hold)),
        threading.Thread(target=run, args=("second", second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    return results["first"], results["second"]


def test_two_reviewers_at_once_record_exactly_one_decision(editor, reviewer, admin_user):
    article = create_article(sentences=3)
    label = create_label(claim=create_claim(sentence=article.sentences.first()), by=editor)

    first, second = race(
        lambda: Label.objects.get(pk=label.pk).approve(by=reviewer),
        lambda: Label.objects.get(pk=label.pk).reject(by=admin_user, comment="Not convinced."),
        pause_after="FOR UPDATE",
    )
    assert isinstance(first, Label) and first.status == "approved"
    assert isinstance(second, AlreadyDecided)
    assert "charlie already approved this label" in str(second)
    label.refresh_from_db()
    assert (label.status, label.reviewed_by) == ("approved", reviewer)
    assert HistoryEntry.objects.filter(object_type="label", action__in=["approved", "rejected"]).count() == 1


def test_editor_saving_a_claim_changed_meanwhile_is_told(editor, second_editor):
    article = create_article(sentences=3)
    claim = create_claim(sentence=article.sentences.first())
    loaded = claim.version

    def save(by, channel):
        fresh = Claim.objects.select_related("article", "sentence").get(pk=claim.pk)
        fresh.annotate(by=by, version=loaded, changes={"channel": channel}, label=None)
        return channel

    first, second = race(lambda: save(editor, "Telegram"), lambda: save(second_editor, "TASS"), pause_after="UPDATE")
    assert first == "Telegram"
    assert isinstance(second, StaleEdit)
    claim.refresh_from_db()
    assert (claim.channel, claim.version) == ("Telegram", loaded + 1)
    assert HistoryEntry.objects.filter(claim=claim, action="updated").count() == 1
