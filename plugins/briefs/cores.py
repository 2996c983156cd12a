"""How many cores a build may use: one small module, so that a process that only indexes
the search (:mod:`briefs.publish.search`) does not import the analysis to ask."""

from __future__ import annotations

import os


def default_workers() -> int:
    """Return how many worker processes ``BRIEFS_WORKERS = 0`` means: the usable cores."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
