"""Objects a build keeps to its end, kept out of the cyclic garbage collector's way.

A warm build of 10,000 briefs reads back about two million objects (the cached analyses)
and keeps most of them to its end. While they are made, CPython's collector runs a full
collection each time the objects made since the last one reach a quarter of those it
holds: over a heap that only grows, it scans every analysis again and again. Read alone,
10,000 analyses took 6.3 s of CPU with the collector and 2.6 s without it.

:func:`kept_to_the_end` pauses the collector while such objects are made, then runs one
full collection (the reference cycles made meanwhile that are garbage already go) and
freezes what is left (:func:`gc.freeze`): the collections of the rest of the build no
longer scan it, and a forked process does not write to its pages (see
:mod:`briefs.pelican.render_pool`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def kept_to_the_end() -> Iterator[None]:
    """Make long-lived objects without the collector, then freeze them (see the module)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.freeze()
        if enabled:
            gc.enable()


def hand_back(_sender: object = None) -> None:
    """Give the frozen objects back to the collector once the build is written: a server
    that rebuilds on every change (``pelican --autoreload``) builds again in this process,
    and the last build's objects must be collectable."""
    gc.unfreeze()
