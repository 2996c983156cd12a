"""A content-addressed cache of analysed documents, so an unchanged brief is analysed once.

The key hashes everything the analysis reads: the body text, language, title, the editor's
overrides, the settings, the editors' entity file (the cache's ``salt``), and the analyser
itself (the source and data files of :mod:`briefs.analysis`), so a code, model or
entities.yml change invalidates every entry. An entry keeps the override warnings too, so a
cached brief still reports them, and the body's text read from its HTML (with the map back
to the HTML that markup needs), so a warm build never parses a body again.

The body is kept in a file of its own (``<key>.body``) and read only when the brief's
markup is written: a body's map holds two integers a character (about 300 KB in memory for
a 600-word brief), so a build must never hold them all at once. A cache without a folder
keeps the bodies pickled in memory (about 30 KB a brief) for the one build. The markup
written from the body is kept too (``<key>.markup``, :class:`BriefMarkup`), so that a brief
whose markup inputs did not change needs neither the body nor the markup step.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from briefs.analysis.model import Document
from briefs.markup.htmltext import BodyText

logger = logging.getLogger(__name__)

PLUGIN_PACKAGE = Path(__file__).resolve().parent
ANALYSIS_PACKAGE = PLUGIN_PACKAGE / "analysis"


def _files_digest(root: Path) -> str:
    """Return a hash of the code and data files under ``root``."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".yml", ".json", ".crfsuite"}:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def analyser_version() -> str:
    """Return a hash of the analysis package's code and data (changes when either does)."""
    return _files_digest(ANALYSIS_PACKAGE)


@functools.cache
def plugin_version() -> str:
    """Return a hash of the whole plugin's code and data, and of the Pelican it runs in (its
    summary rules): what a brief's markup is made by."""
    return f"{_files_digest(PLUGIN_PACKAGE)}:pelican={metadata.version('pelican')}"


@dataclass(frozen=True, slots=True)
class CachedAnalysis:
    """One brief's analysis, the warnings its overrides gave, and its body's text."""

    document: Document
    warnings: tuple[str, ...]
    body: BodyText | None = None  # the whole body (see AnalysisCache.get_body)
    text_matches: bool = True  # the body's text, without boilerplate, is the document's


@dataclass(frozen=True, slots=True)
class BriefMarkup:
    """A brief's body with its markup written in (packed: :mod:`briefs.pelican.bodies`),
    and the summary cut before the markup.

    ``digest`` covers everything the markup was made from (see
    :func:`briefs.pelican.articles.markup_digest`): a warm build whose brief, entity pages
    and settings are unchanged takes the markup from here instead of reading the body and
    writing it again.
    """

    digest: str
    packed: bytes
    summary: str | None  # None: the brief has its own ``Summary:``


def _unpickle(read: Callable[[], bytes], path: Path | None) -> object | None:
    """Unpickle what ``read`` gives (a cache file of ours, never downloaded); None when it is
    missing or damaged in any way.

    A truncated write, a disk error or a file pickled by other code can fail with almost
    any exception (UnicodeDecodeError, ModuleNotFoundError, ValueError…): each is a miss,
    and the caller makes the value again.
    """
    try:
        return pickle.loads(read())
    except FileNotFoundError:
        return None
    except Exception as error:  # noqa: BLE001 - see above: any damage is a miss
        logger.debug("cache file %s unreadable (%s: %s)", path, type(error).__name__, error)
        return None


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
        self._bodies: dict[str, bytes] = {}  # pickled bodies that could not go to disk

    def key(self, parts: Iterable[str]) -> str:
        """Return the key of one analysis: a hash of the analyser, the salt and the inputs."""
        digest = hashlib.sha256(analyser_version().encode())
        for part in (self.salt, *parts):
            digest.update(b"\x00")
            digest.update(part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str, suffix: str = ".pickle") -> Path | None:
        return None if self.directory is None else self.directory / key[:2] / f"{key}{suffix}"

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
        """Unpickle one entry; None when it is missing or damaged (:func:`_unpickle`), so
        the brief is analysed again and ``put`` replaces the entry."""
        entry = _unpickle(path.read_bytes, path)
        if entry is None:
            return None
        if not isinstance(entry, CachedAnalysis) or not isinstance(entry.document, Document) \
                or not isinstance(entry.body, BodyText | None):
            logger.debug("analysis cache entry %s holds a %s: analysing again",
                         path, type(entry).__name__)
            return None
        return entry

    def get_body(self, key: str) -> BodyText | None:
        """Return the body stored with the analysis of ``key``; None if it is gone or damaged."""
        kept = self._bodies.get(key)
        path = self._path(key, ".body")
        if kept is not None:
            body = _unpickle(lambda: kept, path)
        else:
            body = None if path is None else _unpickle(path.read_bytes, path)
        return body if isinstance(body, BodyText) else None

    def get_markup(self, key: str, digest: str) -> BriefMarkup | None:
        """Return the markup written for the analysis ``key`` with the inputs ``digest``."""
        path = self._path(key, ".markup")
        kept = None if path is None else _unpickle(path.read_bytes, path)
        return kept if isinstance(kept, BriefMarkup) and kept.digest == digest else None

    def put_markup(self, key: str, markup: BriefMarkup) -> None:
        """Keep a brief's markup beside its analysis (one a brief: the latest replaces it)."""
        if self.directory is not None:
            self._write(key, ".markup", pickle.dumps(markup, protocol=pickle.HIGHEST_PROTOCOL))

    def put(self, key: str, entry: CachedAnalysis) -> None:
        """Store an analysis (its body apart, see the module); failures only cost time."""
        if entry.body is not None:
            body = pickle.dumps(entry.body, protocol=pickle.HIGHEST_PROTOCOL)
            if self.directory is None or not self._write(key, ".body", body):
                self._bodies[key] = body
            entry = CachedAnalysis(entry.document, entry.warnings, None, entry.text_matches)
        if self.directory is not None:
            self._write(key, ".pickle", pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def _write(self, key: str, suffix: str, data: bytes) -> bool:
        """Write one file of an entry; return False when it could not be written.

        The file is written to a temporary file of its own (two builds writing one key
        never share one) and moved into place atomically, so a reader never sees half an
        entry; a failed write leaves no temporary file behind.
        """
        path = self._path(key, suffix)
        if path is None:
            return False
        # Named before it exists, so that whatever stops the write (Ctrl-C included, even
        # while the file is being made) the ``finally`` below knows what to remove.
        temporary: Path | None = path.with_name(
            f"{key}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("xb") as stream:
                stream.write(data)
            os.replace(temporary, path)
            temporary = None
            return True
        except Exception as error:  # noqa: BLE001 - the cache must never fail a brief
            # Once a build: a read-only cache would otherwise repeat it for every brief.
            log = logger.debug if self._write_failed else logger.warning
            log("analysis cache %s cannot be written (%s: %s); the build goes on without it",
                self.directory, type(error).__name__, error)
            self._write_failed = True
            return False
        finally:
            # Whatever stopped the write, Ctrl-C included, leaves no temporary file.
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
