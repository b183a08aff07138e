"""Background work a person started: a big import, a ZIP of many articles, suggestions run again. The Job
row is what its starter watches (phase, progress, the result or a one-line failure); the work itself runs
as a django-tasks task (claims/jobs.py) on the worker. A worker that dies leaves its job running with a
stale heartbeat; claims.jobs.requeue_stale() hands it to a new task, and each attempt writes only while it
is the job's current one, so a slow attempt that wakes up late cannot save twice."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from .articles import Article

USER = settings.AUTH_USER_MODEL
# A running job writes its progress at most this often (seconds); each write is also its heartbeat.
REPORT_EVERY = 0.5


class JobKind(models.TextChoices):
    IMPORT = "import", "Import"
    EXPORT = "export", "Export"
    SUGGEST = "suggest", "Suggestions"


class JobStatus(models.TextChoices):
    PENDING = "pending", "Waiting for the worker"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Superseded(Exception):
    """This attempt is no longer the job's current one (it was handed to another worker)."""


class JobRefused(Exception):
    """The work cannot be done as asked (bad file, articles gone); str() is one line for its starter."""


class JobQuerySet(models.QuerySet):
    def stale(self):
        """Running jobs whose heartbeat stopped: their worker died or lost the database."""
        cutoff = timezone.now() - timedelta(seconds=settings.JOB_STALE_SECONDS)
        return self.filter(status=JobStatus.RUNNING, touched_at__lt=cutoff)

    def recent_for(self, user, *, hours=24, limit=5):
        """What the article list shows its reader of their own background work."""
        since = timezone.now() - timedelta(hours=hours)
        return self.filter(started_by=user, created_at__gte=since).defer("payload", "result")[:limit]

    def prune(self):
        """Forget finished jobs (and their stored files) after JOB_KEEP_DAYS."""
        cutoff = timezone.now() - timedelta(days=settings.JOB_KEEP_DAYS)
        return self.filter(status__in=[JobStatus.DONE, JobStatus.FAILED], finished_at__lt=cutoff).delete()[0]


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=10, choices=JobKind.choices)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING)
    title = models.CharField(max_length=300)
    started_by = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    # What the work needs: the uploaded file, and the form's choices.
    payload = models.BinaryField(null=True, blank=True)
    params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    touched_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    lost = models.PositiveSmallIntegerField(default=0)  # attempts whose worker died, since the last Try again
    task_id = models.UUIDField(null=True, blank=True)
    phase = models.CharField(max_length=100, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=500, blank=True)
    can_retry = models.BooleanField(default=False)
    # The import's new article, or the article whose suggestions run again.
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    result = models.BinaryField(null=True, blank=True)
    result_name = models.CharField(max_length=200, blank=True)
    summary = models.CharField(max_length=300, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "touched_at"]), models.Index(fields=["started_by", "-created_at"])]

    def __str__(self):
        return self.title

    @property
    def finished(self):
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    def lost_message(self):
        return f"The worker stopped {self.lost + 1} times while running this; nothing half-done was saved."

    def begin(self):
        """Claim the job for a new attempt; False when it finished already (a task run twice)."""
        with transaction.atomic():
            job = Job.objects.select_for_update().get(pk=self.pk)
            if job.finished:
                return False
            self.attempts = job.attempts + 1
            self.article_id = job.article_id
            self.status, self.touched_at, self.phase, self.done, self.total = (
                JobStatus.RUNNING,
                timezone.now(),
                "Starting",
                0,
                0,
            )
            self.save(update_fields=["attempts", "status", "touched_at", "phase", "done", "total"])
        self._reported_at = 0.0
        return True

    def report(self, phase, done=0, total=0):
        """Progress for the starter's page; written outside any transaction so it shows at once, and at most
        every REPORT_EVERY seconds unless the phase changes. Raises Superseded for an attempt that lost the job."""
        now = timezone.now()
        if phase == self.phase and (now.timestamp() - self._reported_at) < REPORT_EVERY and done < total:
            return
        self.phase, self.done, self.total, self._reported_at = phase, done, total, now.timestamp()
        if not self._current().update(phase=phase[:100], done=done, total=total, touched_at=now):
            raise Superseded

    def attach(self, article):
        """Inside the transaction that saves the work: record its article, which also locks the row, and
        refuse unless this attempt still owns the job."""
        if not self._current().update(article=article):
            raise Superseded
        self.article = article

    def finish(self, *, article=None, result=None, result_name="", summary=""):
        self.article = article or self.article
        self.result, self.result_name, self.summary = result, result_name, summary[:300]
        self._end(JobStatus.DONE)

    def fail(self, message, *, can_retry):
        self._end(JobStatus.FAILED, message=message[:500], can_retry=can_retry)

    def _end(self, status, *, message="", can_retry=False):
        self.status, self.message, self.can_retry = status, message, can_retry
        self.finished_at = self.touched_at = timezone.now()
        self.payload = None if status == JobStatus.DONE else self.payload
        fields = "status message can_retry finished_at touched_at payload article_id result result_name summary"
        if not self._current().update(**{name: getattr(self, name) for name in fields.split()}):
            raise Superseded

    def _current(self):
        return Job.objects.filter(pk=self.pk, attempts=self.attempts, status=JobStatus.RUNNING)
