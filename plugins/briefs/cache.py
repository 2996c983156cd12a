"""A content-addressed cache of analysed documents, so an unchanged brief is analysed once.

The key hashes everything the analysis reads: the body text, language, title, the editor's
overrides, the settings, the editors' entity file (the cache's ``salt``), and the analyser
itself (the source and data files of :mod:`briefs.analysis`), so a code, model or
entities.yml change invalidates every entry. An entry keeps the override warnings too, so a
cached brief still reports them.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
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
    """Analyses pickled under ``<directory>/<key[:2]>/<key>.pickle``; None disables it."""

    def __init__(self, directory: Path | None, salt: str = "") -> None:
        self.directory = directory
        self.salt = salt
        self.hits = 0
        self.misses = 0

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
        """Return the cached analysis, or None (a damaged entry counts as missing)."""
        path = self._path(key)
        if path is None or not path.is_file():
            self.misses += 1
            return None
        try:
            entry = pickle.loads(path.read_bytes())  # our own cache files, never downloaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError) as error:
            logger.debug("analysis cache entry %s unreadable (%s): analysing again", path, error)
            self.misses += 1
            return None
        if not isinstance(entry, CachedAnalysis):
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, key: str, entry: CachedAnalysis) -> None:
        """Store an analysis; a cache that cannot be written only costs time."""
        path = self._path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(path)
        except OSError as error:
            logger.warning("analysis cache %s cannot be written: %s", self.directory, error)
