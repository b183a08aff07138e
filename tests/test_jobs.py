"""Background jobs (claims/jobs.py, claims/models/jobs.py): each kind's work run by the real worker code,
its progress and failures, and the hand-over of a job whose worker died."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from claims.importing.metadata import Metadata
from claims.jobs import WORK, requeue_stale, retry, run_job, start_export, start_import, start_suggestions
from claims.models import Article, Claim, HistoryEntry, Job, Suggestion
from claims.models.jobs import Superseded
from claims.suggesting import suggest_claims
from tests.factories import create_article
from tests.worker import run_queued_tasks

QUOTES = "\n\n".join(f"Speaker{n} Surname{n} said the bridge would reopen on day {n}." for n in range(40))
QUOTES_FILE = QUOTES.encode()


def import_job(user, data=QUOTES_FILE, **options):
    options = {"filename": "quotes.txt", "fmt": "auto", "meta": Metadata(title="Quotes"), **options}
    return start_import(data, by=user, allow_restore=False, **options)


def reloaded(job):
    return Job.objects.get(pk=job.pk)


def test_an_import_job_waits_for_the_worker_then_imports_and_suggests(editor):
    job = import_job(editor, meta=Metadata(title="Quotes", outlet="Wire", language="en"))
    task = DBTaskResult.objects.get(pk=job.task_id)
    assert (job.status, task.status, task.args_kwargs["args"]) == ("pending", "READY", [str(job.pk)])
    assert not Article.objects.exists()

    assert run_queued_tasks() == 1

    job = reloaded(job)
    article = Article.objects.get()
    assert (job.status, job.article, job.attempts, job.message) == ("done", article, 1, "")
    assert (article.title, article.outlet, article.imported_by) == ("Quotes", "Wire", editor)
    assert article.sentences.count() == 40
    assert article.suggestions.count() == 40 and job.summary == "40 sentences, 40 suggestions."
    assert job.payload is None  # the upload is not kept once it is imported
    assert DBTaskResult.objects.get(pk=job.task_id).status == "SUCCESSFUL"


def test_a_refused_file_fails_with_its_message_and_saves_nothing(editor):
    job = import_job(editor, data=b"   \n ")
    run_queued_tasks()
    job = reloaded(job)
    assert (job.status, job.message, job.can_retry) == ("failed", "The file contains no text.", False)
    assert not Article.objects.exists() and not HistoryEntry.objects.exists()


def test_an_internal_error_fails_with_a_plain_message_and_may_be_retried(editor):
    job = import_job(editor)
    Job.objects.filter(pk=job.pk).update(params={})  # the work cannot read its own choices
    run_queued_tasks()
    job = reloaded(job)
    assert (job.status, job.can_retry) == ("failed", True)
    assert job.message.startswith("The import stopped on an internal error; nothing was saved.")
    assert DBTaskResult.objects.get(pk=job.task_id).status == "FAILED"  # its traceback is kept there

    Job.objects.filter(pk=job.pk).update(params=import_job(editor).params)
    retry(job)
    assert reloaded(job).status == "pending"
    run_queued_tasks()
    assert reloaded(job).status == "done" and Article.objects.filter(title="Quotes").count() == 2


def test_progress_is_written_at_once_at_each_phase_and_at_most_twice_a_second_within_one(editor):
    job = import_job(editor)
    assert job.begin()
    job.report("Finding attributions", 1, 40)
    assert (reloaded(job).phase, reloaded(job).done, reloaded(job).percent) == ("Finding attributions", 1, 2)
    job.report("Finding attributions", 2, 40)
    assert reloaded(job).done == 1  # too soon after the last write
    job.report("Finding attributions", 40, 40)
    assert reloaded(job).done == 40  # the last step of a phase is always written
    job.report("Saving suggestions")
    assert (reloaded(job).phase, reloaded(job).total) == ("Saving suggestions", 0)


def test_a_stale_job_is_handed_to_a_new_task_and_the_old_attempt_can_save_nothing(editor):
    job = import_job(editor)
    first_task = job.task_id
    lost = Job.objects.get(pk=job.pk)
    assert lost.begin()  # a worker took it, then died
    DBTaskResult.objects.filter(pk=first_task).update(status="RUNNING")
    assert requeue_stale() == 0  # its heartbeat is fresh
    Job.objects.filter(pk=job.pk).update(touched_at=timezone.now() - timedelta(minutes=5))

    assert requeue_stale() == 1

    job = reloaded(job)
    assert (job.status, job.lost) == ("pending", 1) and job.task_id != first_task
    assert DBTaskResult.objects.get(pk=first_task).status == "FAILED"
    with pytest.raises(Superseded):
        lost.report("Reading the file")
    run_queued_tasks()
    assert (reloaded(job).status, reloaded(job).attempts) == ("done", 2)
    assert Article.objects.count() == 1


def test_an_attempt_that_lost_its_job_rolls_its_import_back(editor):
    job = import_job(editor)
    slow = Job.objects.get(pk=job.pk)
    slow.begin()
    Job.objects.filter(pk=job.pk).update(attempts=2)  # meanwhile another worker took the job over
    with pytest.raises(Superseded):
        WORK[slow.kind](slow)
    assert not Article.objects.exists() and not HistoryEntry.objects.exists()


def test_after_too_many_lost_workers_the_job_fails_and_may_be_tried_again(editor, settings):
    settings.JOB_MAX_ATTEMPTS = 2
    job = import_job(editor)
    for _ in range(2):
        Job.objects.get(pk=job.pk).begin()
        Job.objects.filter(pk=job.pk).update(touched_at=timezone.now() - timedelta(minutes=5))
        requeue_stale()
    job = reloaded(job)
    assert (job.status, job.can_retry) == ("failed", True)
    assert job.message == "The worker stopped 2 times while running this; nothing half-done was saved."
    retry(job)
    assert (reloaded(job).status, reloaded(job).lost) == ("pending", 0)


def test_a_job_run_twice_does_the_work_once(editor):
    job = import_job(editor)
    run_queued_tasks()
    run_job.call(str(job.pk))  # a duplicate delivery finds it finished
    assert Article.objects.count() == 1 and reloaded(job).attempts == 1


def test_old_finished_jobs_are_forgotten(editor, settings):
    settings.JOB_KEEP_DAYS = 7
    old, recent, waiting = import_job(editor), import_job(editor), import_job(editor)
    Job.objects.filter(pk__in=[old.pk, recent.pk]).update(status="done", finished_at=timezone.now())
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=8))
    assert Job.objects.prune() == 1
    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}


def test_an_export_job_zips_every_article_in_every_format(editor):
    articles = [create_article(title=f"Story {n}", sentences=3) for n in range(3)]
    job = start_export(articles, ["md", "csv"], approved_only=None, by=editor)
    run_queued_tasks()
    job = reloaded(job)
    names = zipfile.ZipFile(io.BytesIO(bytes(job.result))).namelist()
    assert job.status == "done" and job.result_name == "workbench-export.zip"
    assert len(names) == 6 and {name.rsplit(".", 1)[1] for name in names} == {"md", "csv"}
    assert (job.phase, job.done, job.total) == ("Writing the files", 3, 3)


def test_an_export_of_articles_deleted_meanwhile_fails_with_a_message(editor):
    article = create_article(sentences=2)
    job = start_export([article, create_article(sentences=2)], ["md"], approved_only=None, by=editor)
    Article.objects.all().delete()
    run_queued_tasks()
    job = reloaded(job)
    assert (job.status, job.message, job.can_retry) == ("failed", "None of the chosen articles exists any more.", False)
    assert article.pk not in Article.objects.values_list("pk", flat=True)


def test_suggestions_run_again_replace_the_pending_ones_and_keep_decisions(editor):
    article = create_article(text=QUOTES)
    suggest_claims(article)
    first, second, third = article.suggestions.order_by("start")[:3]
    first.dismiss(by=editor)
    claim = second.accept(by=editor)
    Suggestion.objects.filter(pk=third.pk).update(cue="stale")
    job = start_suggestions(article, by=editor)
    run_queued_tasks()

    assert reloaded(job).status == "done"
    pending = article.suggestions.pending()
    assert pending.count() == 38 and not pending.filter(cue="stale").exists()
    assert not pending.filter(start__in=[first.start, second.start]).exists()  # dismissed, and claimed
    assert Suggestion.objects.get(pk=first.pk).status == "dismissed"
    assert Claim.objects.get(pk=claim.pk).removed_at is None
    assert reloaded(job).summary == "38 pending suggestions."
