"""A content-addressed cache of analysed documents, so an unchanged brief is analysed once.

The key hashes everything the analysis reads: the body text, language, title, the editor's
overrides, the settings, the editors' entity file (the cache's ``salt``), and the analyser
itself (the source and data files of :mod:`briefs.analysis`), so a code, model or
entities.yml change invalidates every entry. An entry keeps the override warnings too, so a
cached brief still reports them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefs.analysis.model import Document

logger = logging.getLogger(__name__)

ANALYSIS_PACKAGE = Path(__file__).resolve().parent / "analysis"


@functools.cache
def analyser_version() -> str:
    """Return a hash of the analysis package's code and data (changes when either does)."""
    digest = hashlib.sha256()
    for path in sorted(ANALYSIS_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".yml", ".json", ".crfsuite"}:
            digest.update(str(path.relative_to(ANALYSIS_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class CachedAnalysis:
    """One brief's analysis and the warnings its overrides gave."""

    document: Document
    warnings: tuple[str, ...]


class AnalysisCache:
    """Analyses pickled under ``<directory>/<key[:2]>/<key>.pickle``; None disables it.

    The cache only saves time: nothing read from it or written to it may cost a brief its
    analysis. A damaged entry is a miss (analysed again, then overwritten), and a cache that
    cannot be written is reported once and otherwise ignored.
    """

    def __init__(self, directory: Path | None, salt: str = "") -> None:
        self.directory = directory
        self.salt = salt
        self.hits = 0
        self.misses = 0
        self._write_failed = False

    def key(self, parts: Iterable[str]) -> str:
        """Return the key of one analysis: a hash of the analyser, the salt and the inputs."""
        digest = hashlib.sha256(analyser_version().encode())
        for part in (self.salt, *parts):
            digest.update(b"\x00")
            digest.update(part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path | None:
        return None if self.directory is None else self.directory / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> CachedAnalysis | None:
        """Return the cached analysis, or None when there is none or it cannot be used."""
        path = self._path(key)
        entry = None if path is None else self._load(path)
        if entry is None:
            self.misses += 1
            return None
        self.hits += 1
        return entry

    @staticmethod
    def _load(path: Path) -> CachedAnalysis | None:
        """Unpickle one entry; None when it is missing or damaged in any way.

        A truncated write, a disk error or an entry pickled by other code can fail with
        almost any exception (UnicodeDecodeError, ModuleNotFoundError, ValueError…): each
        is a miss, so the brief is analysed again and ``put`` replaces the entry.
        """
        try:
            entry = pickle.loads(path.read_bytes())  # our own cache files, never downloaded
        except FileNotFoundError:
            return None
        except Exception as error:  # noqa: BLE001 - see above: any damage is a miss
            logger.debug("analysis cache entry %s unreadable (%s: %s): analysing again",
                         path, type(error).__name__, error)
            return None
        if not isinstance(entry, CachedAnalysis) or not isinstance(entry.document, Document):
            logger.debug("analysis cache entry %s holds a %s: analysing again",
                         path, type(entry).__name__)
            return None
        return entry

    def put(self, key: str, entry: CachedAnalysis) -> None:
        """Store an analysis; a cache that cannot be written only costs time.

        The entry is written to a temporary file of its own (two builds writing one key
        never share one) and moved into place atomically, so a reader never sees half an
        entry; a failed write leaves no temporary file behind.
        """
        path = self._path(key)
        if path is None:
            return
        temporary: str | None = None
        try:
            data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f"{key}.",
                                                 suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except Exception as error:  # noqa: BLE001 - the cache must never fail a brief
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
            # Once a build: a read-only cache would otherwise repeat it for every brief.
            log = logger.debug if self._write_failed else logger.warning
            log("analysis cache %s cannot be written (%s: %s); the build goes on without it",
                self.directory, type(error).__name__, error)
            self._write_failed = True
