"""Emptying the output folder without writing the unchanged pages again.

With ``DELETE_OUTPUT_DIRECTORY``, Pelican empties ``OUTPUT_PATH`` before it writes. The
plugin takes that over (a build stopped by bad content keeps the old site: see
:func:`briefs.plugin.check_outputs`). With the page cache on, the pages and feeds the page
cache wrote in the last build into this folder (its list of outputs,
:meth:`briefs.pelican.page_cache.PageCache.previous_outputs`) are left where they are, and
everything else goes as before: a page whose kept copy is byte for byte what is there is
then not written again (at 10,000 briefs, 700 MB a build). Once the site is written, the
listed files that this build neither copied nor wrote (the page of a deleted brief) are
removed, with the folders they leave empty: the folder holds exactly what a build into an
empty folder writes.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

MARKER = ".briefs-build-started"


def empty_output(output: Path, retention: Iterable[str], keep: Iterable[str]) -> int:
    """Remove everything in ``output`` but the top-level names of ``retention`` and the files
    ``keep`` lists (paths relative to ``output``); return the time the writing starts from.

    The time is the change time (``st_ctime_ns``) of a file made in ``output`` now, so that
    it compares with the files' own times on that file system (see :func:`remove_stale`).
    """
    kept = {Path(name) for name in keep}
    folders = {parent for name in kept for parent in name.parents}
    retained = set(retention)

    def empty(folder: Path, relative: Path) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = relative / entry.name
                if (not relative.parts and entry.name in retained) or name in kept:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if name in folders:
                        empty(Path(entry.path), name)
                    else:
                        shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)

    if output.is_dir():
        empty(output, Path())
    elif output.exists() or output.is_symlink():  # a file where the folder goes: as Pelican
        output.unlink()
    output.mkdir(parents=True, exist_ok=True)
    marker = output / MARKER
    marker.touch()
    started = marker.stat().st_ctime_ns
    marker.unlink()
    return started


def remove_stale(output: Path, previous: Iterable[str], current: Iterable[str],
                 started: int) -> int:
    """Remove the files of ``previous`` that are not in ``current`` and that nothing changed
    since ``started``; then the folders they leave empty. Return how many files went.

    A file this build wrote by another way (a page rendered without the cache) has a newer
    change time and stays.
    """
    removed = 0
    for name in sorted(set(previous) - set(current)):
        path = output / name
        try:
            if path.is_symlink() or not path.is_file() or path.stat().st_ctime_ns >= started:
                continue
            path.unlink()
        except OSError:
            continue
        removed += 1
        for folder in path.parents:
            if folder == output or output not in folder.parents:
                break
            try:
                folder.rmdir()
            except OSError:  # not empty: it holds this build's files, and so do its parents
                break
    return removed
