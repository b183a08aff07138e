"""Background jobs: what a big import, a ZIP of several articles and a fresh run of suggestions do on the
worker (`make worker`), and the calls that start them. A view starts a job with start_import, start_export
or start_suggestions, which save the Job row and its django-tasks task in one transaction, and sends the
person to the job's page (views/jobs.py); run_job is the task. Each kind's work saves in one transaction,
so a failure or a killed worker leaves nothing half-saved; see claims/models/jobs.py for the retries."""

import contextlib
import logging
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from .exporting import export_zip
from .importing.metadata import ImportRefused, Metadata
from .importing.pipeline import import_article
from .models import Article
from .models.jobs import Job, JobKind, JobRefused, JobStatus, Superseded
from .suggesting import suggest_claims

logger = logging.getLogger(__name__)

FAILED = {
    JobKind.IMPORT: "The import stopped on an internal error; nothing was saved. Try again, or tell an admin.",
    JobKind.EXPORT: "The export stopped on an internal error. Try again, or tell an admin.",
    JobKind.SUGGEST: "The suggestions stopped on an internal error; the old ones are unchanged. Try again.",
}


def start_import(data, *, filename, fmt, meta, by, allow_restore):
    params = {
        "filename": filename,
        "format": fmt,
        "allow_restore": allow_restore,
        "meta": {**meta.__dict__, "published": meta.published.isoformat() if meta.published else None},
    }
    title = f"Importing {filename or meta.title or 'pasted text'}"
    return _start(kind=JobKind.IMPORT, title=title, started_by=by, payload=data, params=params)


def start_export(articles, formats, *, approved_only, by):
    params = {"articles": [article.pk for article in articles], "formats": formats, "approved_only": approved_only}
    title = f"Exporting {len(articles)} articles as {', '.join(formats)}"
    return _start(kind=JobKind.EXPORT, title=title, started_by=by, params=params)


def start_suggestions(article, *, by):
    title = f"Suggestions for “{article.title[:200]}”"
    return _start(kind=JobKind.SUGGEST, title=title, started_by=by, article=article)


def _start(**fields):
    with transaction.atomic():
        job = Job.objects.create(**fields)
        enqueue(job)
    return job


def enqueue(job):
    """Give the job a new task (inside the caller's transaction: the worker sees both or neither). A task
    of an earlier attempt still marked running (its worker died) is closed as failed."""
    if job.task_id:
        DBTaskResult.objects.filter(pk=job.task_id, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.FAILED, finished_at=timezone.now(), exception_class_path="claims.jobs.WorkerLost"
        )
    job.status, job.message, job.can_retry, job.finished_at = JobStatus.PENDING, "", False, None
    job.task_id = run_job.enqueue(str(job.pk)).id
    job.save(update_fields=["status", "message", "can_retry", "finished_at", "task_id", "lost"])


def requeue_stale():
    """Give every stale job (its worker died) a new task, or fail it after JOB_MAX_ATTEMPTS; returns how
    many were requeued. Safe from several workers at once: each job row is locked and checked again."""
    requeued = 0
    for pk in Job.objects.stale().values_list("pk", flat=True):
        with transaction.atomic():
            job = Job.objects.stale().select_for_update().defer("payload", "result").filter(pk=pk).first()
            if job is None:
                continue
            if job.lost + 1 >= settings.JOB_MAX_ATTEMPTS:
                job.fail(job.lost_message(), can_retry=True)
            else:
                job.lost += 1
                enqueue(job)
                requeued += 1
    return requeued


def retry(job):
    """The starter's Try again: a new task for a failed job that may be retried; any other job is left alone."""
    with transaction.atomic():
        job = Job.objects.select_for_update().defer("payload", "result").get(pk=job.pk)
        if job.status == JobStatus.FAILED and job.can_retry:
            job.lost = 0
            enqueue(job)


@task()
def run_job(job_id):
    job = Job.objects.select_related("started_by", "article").filter(pk=job_id).first()
    if job is None or not job.begin():
        return
    try:
        WORK[job.kind](job)
    except Superseded:
        logger.warning("Job %s was handed to another attempt; this one stops.", job_id)
    except (ImportRefused, JobRefused) as refusal:
        _fail(job, str(refusal), can_retry=False)
    except Exception:
        _fail(job, FAILED[job.kind], can_retry=True)
        raise


def _fail(job, message, *, can_retry):
    with contextlib.suppress(Superseded):  # another attempt owns the job now: its outcome counts
        job.fail(message, can_retry=can_retry)


def _import(job):
    if job.article is None:
        params, meta = job.params, dict(job.params["meta"])
        meta["published"] = date.fromisoformat(meta["published"]) if meta["published"] else None
        article = import_article(
            bytes(job.payload),
            filename=params["filename"],
            fmt=params["format"],
            meta=Metadata(**meta),
            by=job.started_by,
            allow_restore=params["allow_restore"],
            progress=job.report,
            inside=job.attach,
        )
    else:
        article = job.article  # an earlier attempt saved it; its suggestions were left to do
    made = suggest_claims(article, progress=job.report)
    sentences = article.sentences.count()
    job.finish(article=article, summary=f"{sentences:,} sentences, {made:,} suggestions.")


def _export(job):
    params = job.params
    found = Article.objects.in_bulk(params["articles"])
    articles = [found[pk] for pk in params["articles"] if pk in found]
    if not articles:
        raise JobRefused("None of the chosen articles exists any more.")
    content = export_zip(articles, params["formats"], approved_only=params["approved_only"], progress=job.report)
    summary = f"{len(articles)} articles, {len(articles) * len(params['formats'])} files, {len(content):,} bytes."
    job.finish(result=content, result_name="workbench-export.zip", summary=summary)


def _suggest(job):
    if job.article is None:
        raise JobRefused("The article was deleted before its suggestions could run.")
    made = suggest_claims(job.article, again=True, progress=job.report, inside=job.attach)
    job.finish(summary=f"{made:,} pending suggestions.")


WORK = {JobKind.IMPORT: _import, JobKind.EXPORT: _export, JobKind.SUGGEST: _suggest}
