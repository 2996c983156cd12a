"""A content-addressed cache of analysed documents, so an unchanged brief is analysed once.

The key hashes everything the analysis reads: the body text, language, title, the editor's
overrides, the settings, the editors' entity file, and the analyser itself (the source and
data files of :mod:`briefs.analysis`), so a code or model change invalidates every entry.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
from collections.abc import Iterable
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


def cache_key(parts: Iterable[str]) -> str:
    """Return the cache key of one analysis: a hash of the analyser and its inputs."""
    digest = hashlib.sha256(analyser_version().encode())
    for part in parts:
        digest.update(b"\x00")
        digest.update(part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class AnalysisCache:
    """Documents pickled under ``<directory>/<key[:2]>/<key>.pickle``; None disables it."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path | None:
        return None if self.directory is None else self.directory / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Document | None:
        """Return the cached document, or None (a damaged entry counts as missing)."""
        path = self._path(key)
        if path is None or not path.is_file():
            self.misses += 1
            return None
        try:
            document = pickle.loads(path.read_bytes())  # our own cache files, never downloaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError) as error:
            logger.debug("analysis cache entry %s unreadable (%s): analysing again", path, error)
            self.misses += 1
            return None
        if not isinstance(document, Document):
            self.misses += 1
            return None
        self.hits += 1
        return document

    def put(self, key: str, document: Document) -> None:
        """Store a document; a cache that cannot be written only costs time."""
        path = self._path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(path)
        except OSError as error:
            logger.warning("analysis cache %s cannot be written: %s", self.directory, error)
