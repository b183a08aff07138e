"""How a function's time grows with its input, for tests that guard against quadratic work without
depending on the machine's speed (speed itself is measured by bench/)."""

import time


def growth(run, small, large):
    """The best of three timings of run(large) over the best of three of run(small)."""
    return _best(run, large) / _best(run, small)


def _best(run, argument):
    times = []
    for _ in range(3):
        started = time.perf_counter()
        run(argument)
        times.append(time.perf_counter() - started)
    return min(times)
