"""How a function's time grows with its input, for tests that guard against quadratic work without
depending on the machine's speed (speed itself is measured by bench/)."""

import time


def growth(run, small, large, rounds=5):
    """The best timing of run(large) over the best of run(small), the two taken in turns, so that a machine
    whose speed drifts from one second to the next slows both alike."""
    best = {small: float("inf"), large: float("inf")}
    for _ in range(rounds):
        for argument in (small, large):
            started = time.perf_counter()
            run(argument)
            best[argument] = min(best[argument], time.perf_counter() - started)
    return best[large] / best[small]
