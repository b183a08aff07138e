"""Running queued background tasks in the test process with django-tasks-db's own worker code."""

import threading

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def _worker(**options):
    return Worker(
        queue_names=["default"], interval=options.pop("interval", 0), batch=False, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="tests", excluded_queue_names=[], **options,
    )  # fmt: skip


def run_queued_tasks():
    """Run every waiting task now, one by one, as `make worker` would; returns how many ran. (Worker.run
    would close the connection that holds the test's transaction, so the loop is here.)"""
    worker, ran = _worker(), 0
    while (task := DBTaskResult.objects.ready().first()) is not None:
        task.claim(worker.worker_id)
        worker.run_task(task)
        ran += 1
    return ran


class WorkerThread(threading.Thread):
    """The real worker loop beside a live server (browser tests), until stop()."""

    def __init__(self):
        super().__init__(daemon=True)
        self.worker = _worker(interval=0.1)

    def run(self):
        self.worker.run()

    def stop(self):
        self.worker.running = False
        self.join(timeout=30)
