"""gunicorn's settings for `make serve`, from the environment: PORT (8000), WEB_CONCURRENCY (worker
processes; one per core and one), GUNICORN_TIMEOUT (seconds a request may take, 60)."""

import gc
import multiprocessing
import os

bind = f"{os.environ.get('BIND_ADDRESS', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
# The work is CPU-bound (the database answers in well under a millisecond): more processes than cores only
# take turns. Measured by bench/load_bench.py on 2 cores: 2 workers 198 actions/s, 3 204, 4 191.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# A worker is recycled now and then, so a slow leak never grows without end.
max_requests, max_requests_jitter = 5000, 500
accesslog = "-" if os.environ.get("ACCESS_LOG", "1") != "0" else None
errorlog = "-"
# Django loads once, before the workers fork: they share its memory, and the garbage collector leaves
# the loaded objects alone (gc.freeze), so a collection in a request only walks what the request made.
preload_app = True


def pre_fork(server, worker):
    gc.freeze()


def post_fork(server, worker):
    # A request makes tens of thousands of short-lived objects and a few hundred reference cycles (forms'
    # bound fields, model instances and their caches, template contexts): collect the youngest generation
    # every 10,000 allocations rather than every 700 (Python's default), which cost a request's time for
    # nothing, and rather than every 100,000, whose collections each walked some 80,000 cycles in one
    # 60 ms pause. bench/load_bench.py, no pauses, alternating runs: 206 and 210 actions/s with a p99 of
    # 113 and 108 ms at 10,000; 203 and 198 with 134 and 157 ms at 100,000.
    gc.set_threshold(10_000, 50, 100)
