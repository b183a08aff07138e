"""`make worker`: django-tasks-db's db_worker, plus a sweep every JOB_STALE_SECONDS / 2 that hands the jobs
of a worker that died to new tasks and forgets old finished jobs (claims/models/jobs.py)."""

import logging
import os
import threading
import time

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from claims.jobs import requeue_stale
from claims.models import Job

logger = logging.getLogger(__name__)


def sweep():
    """One pass: returns (jobs requeued, jobs forgotten)."""
    close_old_connections()
    return requeue_stale(), Job.objects.prune()


def _sweep_forever():
    while True:
        time.sleep(max(settings.JOB_STALE_SECONDS / 2, 0.5))
        try:
            requeued, _ = sweep()
        except DatabaseError:
            logger.warning("The job sweep could not reach the database; it tries again later.", exc_info=True)
        else:
            if requeued:
                logger.warning("Requeued %d job(s) whose worker stopped.", requeued)


class Command(db_worker.Command):
    help = "Run the background worker: tasks from the database, and the sweep that requeues lost jobs."

    def handle(self, *args, **options):
        # Under --reload only the child process runs tasks, so only it sweeps.
        if not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            sweep()
            threading.Thread(target=_sweep_forever, daemon=True).start()
        super().handle(*args, **options)
