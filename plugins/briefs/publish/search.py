"""Pagefind search over the published briefs, indexed by the Pagefind binary in cached shards.

Only briefs are indexed: each brief becomes one Pagefind record whose content is the
normalised text of its title and body (:mod:`briefs.publish.searchnorm`), so that
clitics, spelling variants, harakat and tatweel do not hide a brief. The records come from
what the build already holds (each brief's title, language, date and analysed body text),
never from re-reading the written pages.

Each record is written as a minimal HTML page (the normalised text in
``data-pagefind-body``, the title, summary, language and date as ``data-pagefind-meta``) at
the page's own URL, and the binary from the ``pagefind[bin]`` wheel indexes a folder of
them with one call (Pagefind's Python API takes records one at a time, about 0.1 s each).

**Shards.** The binary needs about 340 KB of memory a record (3.2 GB for 10,000 briefs) and
indexes everything again on every build. So the records are sorted by date, then URL, and
cut into consecutive shards of at most ``BRIEFS_SEARCH_SHARD_SIZE`` records
(:data:`DEFAULT_SHARD_SIZE`), each indexed by a separate call. The binary works on one
core, so two shards are indexed at once (:data:`MAX_PAGEFIND_PROCESSES`, fewer with
``BRIEFS_WORKERS = 1``) while the next shard's pages are written: the peak memory is two
shards', whatever the archive's size. The cut follows the date because new briefs are
the newest: a brief added to the archive changes the last shard only, and an edited brief
changes its own shard. The cost of this cut: a brief dated before the others (an old brief published
late) shifts every later shard by one record, so all of those are indexed again (once).
The search page merges the shards in the browser with Pagefind's ``mergeIndex``: the first
shard's bundle is ``pagefind/`` (with ``pagefind.js``), the others are
``pagefind/shards/<k>/`` (only their index: the browser searches them with the first one's
WebAssembly), listed in ``pagefind/mujaz-shards.json``, which ``search.js`` reads (the
Content-Security-Policy allows no inline script). Each shard is ranked on its own
statistics; the tests and ``eval/search.py`` check the merged ranking keeps its hit rate.

**Cache.** A shard's finished bundle is kept as ``CACHE_PATH/search/<digest>.zip`` (when
``BRIEFS_CACHE`` is on; one uncompressed file a shard, not its thousand files), the
digest taken over the exact bytes and URLs of the shard's pages, the site language, the
Pagefind version and its options (:func:`shard_digest`); an unchanged shard is extracted
from there instead of indexed. Pagefind's output is the same for the same pages, so an
extracted shard is byte for byte the shard it stands for. An entry is written as a
temporary file and renamed when complete, and it lists every file with its SHA-256,
checked as it is extracted: a partial or damaged entry is dropped and the shard indexed
again. Entries this build did not use are removed once unused for
:data:`CACHE_KEEP_SECONDS` (other builds sharing the cache, such as the same site in
another language, keep theirs meanwhile).

Normalising, writing, indexing and copying run in a helper process while Pelican renders
(:class:`SearchJob`); the bundle is moved into the output when it is done. The pages are
written to a memory file system where there is one (:data:`MEMORY_FOLDER`). All records go
into one language, the site's: the search page is in the site language, and Pagefind loads
the index of the page's ``<html lang>``. A step that fails raises :class:`SearchIndexError`
naming the step and the file.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import json
import logging
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import weakref
import zipfile
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import IO, Any

from briefs.cores import default_workers
from briefs.publish.searchnorm import index_text

logger = logging.getLogger(__name__)

# Pagefind writes its bundle here, below the output folder (no underscore since 1.0).
BUNDLE_DIR = "pagefind"
# The second and later shards, below the bundle: pagefind/shards/1/, pagefind/shards/2/, ...
SHARDS_DIR = "shards"
# The list of those shards (paths relative to the bundle), read by search.js.
SHARDS_FILE = "mujaz-shards.json"
SUMMARY_CHARS = 220
# Files the bundle must hold for the search page to work.
# Every shard's index opens with this file; a shard folder without it is no shard.
ENTRY_FILE = "pagefind-entry.json"
REQUIRED_FILES = ("pagefind.js", ENTRY_FILE, SHARDS_FILE)
# Records a shard: Pagefind needs about 340 KB of memory a record (340 MB here, about 3 s
# of one core), and the browser loads one small index per shard (10 at 10,000 briefs).
DEFAULT_SHARD_SIZE = 1000
# Shards indexed at once: the binary works on one core, and each of its processes holds one
# shard (about 340 MB), so the step's peak memory is this many shards'.
MAX_PAGEFIND_PROCESSES = 2
# Where the pages Pagefind reads are written, when it exists: a memory file system. On a
# disk, creating a thousand small files takes seconds (2.7 s a shard on the benchmark's
# machine, against 0.1 s here), and they are read once and deleted.
MEMORY_FOLDER = Path("/dev/shm")
# Options given to the binary besides the folders (part of the cache key).
PAGEFIND_OPTIONS = ("--quiet",)
# Bump when the pages, the options or the layout of a cache entry change.
CACHE_FORMAT = 1
CACHE_DIR = "search"
MANIFEST = "manifest.json"
# An entry no build has used for this long is removed (as are stale temporary files).
CACHE_KEEP_SECONDS = 3600


class SearchIndexError(RuntimeError):
    """The search index could not be built; the message names the step and the file."""


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """One brief as the search index sees it."""

    url: str  # relative to the site root, as Pagefind joins it to its base URL
    title: str
    lang: str
    date: str  # as the brief page writes it
    summary: str
    text: str  # title and body, whitespace squeezed
    when: str = ""  # the brief's date, sortable (UTC, ISO 8601): the shards follow it


def search_record(*, url: str, title: str, lang: str, date: str, body: str,
                  when: datetime | str | None = None) -> SearchRecord:
    """Return the record of one brief from its title and body text.

    ``when`` is the brief's date (a datetime, or already a sortable string): the records
    are cut into shards in its order.

    >>> record = search_record(url="briefs/a.html", title=" عنوان ", lang="ar", date="١ يناير",
    ...                        body="نص\\n\\nثان")
    >>> record.text, record.summary
    ('عنوان نص ثان', 'نص ثان')
    >>> from datetime import timedelta, timezone
    >>> search_record(url="a", title="", lang="en", date="", body="",
    ...               when=datetime(2024, 1, 2, 3, 0, tzinfo=timezone(timedelta(hours=3)))).when
    '2024-01-02T00:00:00'
    """
    title = " ".join(title.split())
    body = " ".join(body.split())
    summary = body if len(body) <= SUMMARY_CHARS else body[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    return SearchRecord(url=url, title=title, lang=lang, date=date, summary=summary,
                        text=f"{title} {body}".strip(), when=_sortable(when))


def _sortable(when: datetime | str | None) -> str:
    if when is None:
        return ""
    if isinstance(when, datetime):
        if when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
        return when.isoformat()
    return str(when)


def record_page(record: SearchRecord, language: str) -> str:
    """Return the minimal page Pagefind indexes for one record.

    The normalised text is the only indexed content; the metadata stand outside it.

    >>> page = record_page(SearchRecord("a.html", "A & B", "en", "", "", "A & B"), "en")
    >>> '<main data-pagefind-body>a b</main>' in page
    True
    >>> 'data-pagefind-meta="title">A &amp; B<' in page
    True
    """
    meta = "".join(f'<p data-pagefind-meta="{key}">{escape(value)}</p>'
                   for key, value in (("title", record.title), ("summary", record.summary),
                                      ("lang", record.lang), ("date", record.date)))
    return (f'<!DOCTYPE html><html lang="{escape(language)}"><head><meta charset="utf-8">'
            f"<title></title></head><body>{meta}<main data-pagefind-body>"
            f"{escape(index_text(record.text))}</main></body></html>\n")


def sort_records(records: Iterable[SearchRecord]) -> list[SearchRecord]:
    """Return the records oldest first (then by URL): the order the shards are cut in."""
    return sorted(records, key=lambda record: (record.when, record.url))


def cut_shards(records: Sequence[SearchRecord], size: int) -> list[Sequence[SearchRecord]]:
    """Cut sorted records into consecutive shards of at most ``size`` (one, empty, if none).

    >>> [len(shard) for shard in cut_shards(list(range(5)), 2)]
    [2, 2, 1]
    >>> cut_shards([], 2)
    [[]]
    """
    if size < 1:
        msg = f"search: a shard holds at least one brief, not {size!r}"
        raise SearchIndexError(msg)
    return [records[start:start + size] for start in range(0, len(records), size)] or [[]]


def shard_digest(pages: Sequence[tuple[str, bytes]], language: str, version: str) -> str:
    """Return the cache key of a shard: everything its bundle depends on.

    ``pages`` are the shard's (URL, page bytes) in order; ``version`` is what the binary
    says its version is.
    """
    digest = hashlib.sha256()
    header = [f"mujaz-search-shard/{CACHE_FORMAT}", version, language, *PAGEFIND_OPTIONS]
    digest.update("\0".join(header).encode("utf-8") + b"\0\0")
    for url, page in pages:
        name = url.encode("utf-8")
        digest.update(b"%d\0%b\0%d\0%b" % (len(name), name, len(page), page))
    return digest.hexdigest()


def shard_size_problem(size: object) -> str | None:
    """Return what is wrong with a ``BRIEFS_SEARCH_SHARD_SIZE`` value, or None if nothing.

    >>> shard_size_problem(1000) is None, shard_size_problem(0)
    (True, 'BRIEFS_SEARCH_SHARD_SIZE must be a whole number of briefs, at least 1, not 0')
    """
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        return ("BRIEFS_SEARCH_SHARD_SIZE must be a whole number of briefs, at least 1, "
                f"not {size!r}")
    return None


def search_options(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Return :class:`SearchJob`'s shard size, cache folder and Pagefind processes from
    Pelican's settings."""
    size = settings.get("BRIEFS_SEARCH_SHARD_SIZE", DEFAULT_SHARD_SIZE)
    problem = shard_size_problem(size)
    if problem:
        raise SearchIndexError(problem)
    cache = (Path(settings.get("CACHE_PATH") or "cache") / CACHE_DIR
             if settings.get("BRIEFS_CACHE", True) else None)
    return {"shard_size": size, "cache_dir": cache, "processes": pagefind_processes(settings)}


def _pagefind_executable() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        msg = "search: the Pagefind binary is missing: install pagefind[bin] (pip install -e .)"
        raise SearchIndexError(msg) from error
    return str(get_executable())


def _pagefind_version(executable: str) -> str | None:
    """Return what the binary says its version is (None if it says nothing)."""
    try:
        done = subprocess.run([executable, "--version"], capture_output=True, check=False)
    except OSError:
        return None  # indexing will say why the binary does not start
    version = done.stdout.decode("utf-8", "replace").strip()
    return version if done.returncode == 0 and version else None


@dataclass(frozen=True, slots=True)
class ShardOutcome:
    """How one shard was made: indexed by Pagefind or copied from the cache."""

    number: int
    records: int
    first: str  # URL of its first and last record
    last: str
    digest: str
    cached: bool
    seconds: float
    kept: bool = False  # already in the output folder, as the last build installed it


class _Failure(Exception):
    """A step of the helper failed: the exit status and the message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class ShardCache:
    """Finished shard bundles, one file a shard: ``folder/<digest>.zip``.

    One uncompressed zip a shard rather than its thousand files: writing, copying and
    restoring a CI cache of a few files is fast. Its first member lists every other with
    its SHA-256, checked as each is extracted (the zip's CRC catches the rest).
    """

    def __init__(self, folder: Path, notes: list[str] | None = None) -> None:
        self.folder = folder
        self.notes = notes if notes is not None else []  # warnings for the build's log

    def entry(self, digest: str) -> Path:
        """Return the file of the entry ``digest``."""
        return self.folder / f"{digest}.zip"

    def fetch(self, digest: str, target: Path) -> bool:
        """Extract the entry's bundle to ``target``; False (and no ``target``) if unusable."""
        entry = self.entry(digest)
        try:
            with zipfile.ZipFile(entry) as archive:
                manifest = json.loads(archive.read(MANIFEST))
                files = manifest["files"]
                if manifest.get("digest") != digest or not isinstance(files, dict) or not files:
                    raise ValueError("a manifest of another entry")
                for name, expected in sorted(files.items()):
                    if Path(name).is_absolute() or ".." in Path(name).parts:
                        raise ValueError(f"a path outside the entry: {name}")
                    data = archive.read(f"bundle/{name}")
                    if hashlib.sha256(data).hexdigest() != expected:
                        raise ValueError(f"{name} is damaged")
                    copy = target / name
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    copy.write_bytes(data)
        except FileNotFoundError:
            shutil.rmtree(target, ignore_errors=True)
            return False  # not cached (or removed meanwhile by another build's pruning)
        except (OSError, ValueError, KeyError, TypeError, AttributeError,
                zipfile.BadZipFile) as error:
            shutil.rmtree(target, ignore_errors=True)
            self.notes.append(f"search: cache entry {entry} is unusable ({error}); "
                              "indexing again")
            self._remove(entry)
            return False
        with contextlib.suppress(OSError):
            os.utime(entry)  # used now: pruning keeps it
        return True

    def store(self, digest: str, bundle: Path) -> None:
        """Keep a copy of ``bundle`` as the entry ``digest`` (complete, or not at all)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".tmp-{digest[:12]}-", dir=self.folder)
            os.close(handle)
        except OSError as error:
            self.notes.append(f"search: cannot cache a shard in {self.folder}: {error}")
            return
        temporary = Path(name)
        try:
            files: dict[str, str] = {}
            with zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED) as archive:
                contents = [(path.relative_to(bundle).as_posix(), path.read_bytes())
                            for path in sorted(bundle.rglob("*")) if path.is_file()]
                files = {name: hashlib.sha256(data).hexdigest() for name, data in contents}
                archive.writestr(MANIFEST, json.dumps({"digest": digest, "files": files},
                                                      sort_keys=True))
                for name, data in contents:
                    archive.writestr(f"bundle/{name}", data)
            os.replace(temporary, self.entry(digest))  # whole, or not there at all
        except OSError as error:
            temporary.unlink(missing_ok=True)
            self.notes.append(f"search: cannot cache a shard in {self.folder}: {error}")

    def prune(self, keep: set[str], now: float | None = None) -> int:
        """Remove the entries not in ``keep`` unused for CACHE_KEEP_SECONDS, and stale
        temporary files; return how many."""
        now = time.time() if now is None else now
        kept = {self.entry(digest).name for digest in keep}
        removed = 0
        try:
            entries = sorted(self.folder.iterdir())
        except OSError:
            return 0
        for entry in entries:
            if entry.name in kept:
                continue
            try:
                old = now - entry.stat().st_mtime > CACHE_KEEP_SECONDS
            except OSError:
                continue
            if old:
                self._remove(entry)
                removed += 1
        return removed

    @staticmethod
    def _remove(entry: Path) -> None:
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()  # a build reading it keeps its open file


def _shard_role_files(bundle: Path) -> None:
    """Leave in a second or later shard only what ``mergeIndex`` loads (no scripts, no UI,
    no WebAssembly: the browser searches it with the first shard's)."""
    for path in bundle.iterdir():
        if path.is_file() and (path.suffix in {".js", ".css"} or path.name.startswith("wasm.")):
            path.unlink()


def _die_with_parent() -> None:
    """In Pagefind's process before it starts: end it when the helper ends (Ctrl-C)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _write_pages(pages: Sequence[tuple[str, bytes]], site: Path) -> None:
    for url, page in pages:
        path = site / url
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(page)
        except OSError as error:
            raise _Failure(2, f"writing {path}: {error}") from error


@dataclass(frozen=True, slots=True)
class _Indexing:
    """A shard to index: its records, and where the binary reads and writes it."""

    number: int
    shard: Sequence[SearchRecord]
    digest: str
    site: Path
    bundle: Path
    started: float


class _Pagefind:
    """The shards the binary indexes, up to ``processes`` at once, finished oldest first.

    The binary works on one core: with two processes both cores index, and the next
    shard's pages are made while they do. Each finished bundle is cached.
    """

    def __init__(self, executable: str, language: str, *, processes: int, shards: int,
                 cache: ShardCache | None, notes: list[str]) -> None:
        self.executable = executable
        self.language = language
        self.processes = max(1, processes)
        self.shards = shards
        self.cache = cache
        self.notes = notes
        # Each shard indexing, its process and the temporary file the process prints to.
        self.running: deque[tuple[_Indexing, subprocess.Popen[bytes], IO[bytes]]] = deque()

    def start(self, indexing: _Indexing, pages: Sequence[tuple[str, bytes]]) -> list[ShardOutcome]:
        """Write the shard's pages and start indexing them once a process is free; return
        the shards finished meanwhile."""
        try:
            _write_pages(pages, indexing.site)
        except _Failure as failure:
            raise self._failure(failure, indexing) from failure
        finished = []
        while len(self.running) >= self.processes:
            finished.append(self.finish_oldest())
        command = [self.executable, "--site", str(indexing.site), "--output-path",
                   str(indexing.bundle), "--force-language", self.language, *PAGEFIND_OPTIONS]
        # What it prints goes to a file, not a pipe: nobody reads while the next shards are
        # made. The file is closed when the shard is finished (or stopped).
        output = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            process = subprocess.Popen(
                command, stdout=output, stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent if sys.platform == "linux" else None)  # noqa: PLW1509
        except OSError as error:
            output.close()
            failure = _Failure(2, f"starting {command[0]}: {error}")
            raise self._failure(failure, indexing) from error
        self.running.append((indexing, process, output))
        return finished

    def finish_oldest(self) -> ShardOutcome:
        """Wait for the oldest shard, cache its bundle; raise if Pagefind failed."""
        indexing, process, output = self.running.popleft()
        try:
            status = process.wait()
            output.seek(0)
            log = output.read().decode("utf-8", "replace").strip()
        finally:
            output.close()
            shutil.rmtree(indexing.site, ignore_errors=True)
        if status != 0:
            raise self._failure(_Failure(status, log), indexing)
        if log:
            self.notes.append(f"search: Pagefind says: {log}")
        if self.cache is not None:
            self.cache.store(indexing.digest, indexing.bundle)
        return _outcome(indexing, cached=False)

    def stop(self) -> None:
        """End the shards still indexing (another one failed: their bundles are not wanted)."""
        for _indexing, process, output in self.running:
            process.kill()
            process.wait()
            output.close()
        self.running.clear()

    def _failure(self, failure: _Failure, indexing: _Indexing) -> SearchIndexError:
        shard = indexing.shard
        where = (f" (shard {indexing.number + 1} of {self.shards}: {shard[0].url} … "
                 f"{shard[-1].url})" if self.shards > 1 else "")
        return SearchIndexError(f"search: Pagefind failed ({failure.status}) indexing "
                                f"{len(shard)} briefs{where}: "
                                f"{failure.message[-2000:] or 'no message'}")


def _outcome(indexing: _Indexing, *, cached: bool) -> ShardOutcome:
    shard = indexing.shard
    return ShardOutcome(number=indexing.number, records=len(shard),
                        first=shard[0].url if shard else "", last=shard[-1].url if shard else "",
                        digest=indexing.digest, cached=cached,
                        seconds=time.perf_counter() - indexing.started)


def _prepare(shard: Sequence[SearchRecord], language: str,
             version: str) -> tuple[list[tuple[str, bytes]], str]:
    """Return a shard's pages (URL, bytes) and its digest."""
    pages = [(record.url, record_page(record, language).encode("utf-8")) for record in shard]
    return pages, shard_digest(pages, language, version)


def make_pages_folder() -> Path:
    """Return a new temporary folder for the pages Pagefind reads, in :data:`MEMORY_FOLDER`
    where it can be written."""
    memory = MEMORY_FOLDER if os.access(MEMORY_FOLDER, os.W_OK | os.X_OK) else None
    return Path(tempfile.mkdtemp(prefix="briefs-search-pages-", dir=memory))


def pagefind_processes(settings: Mapping[str, Any]) -> int:
    """Return how many shards Pagefind indexes at once: ``BRIEFS_WORKERS`` (0: one per
    core), at most :data:`MAX_PAGEFIND_PROCESSES`."""
    workers = settings.get("BRIEFS_WORKERS", 0)
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        workers = default_workers()
    return min(workers, MAX_PAGEFIND_PROCESSES)


def index_shards(shards: Sequence[Sequence[SearchRecord]], language: str, folder: Path, *,
                 cache_dir: Path | None = None,
                 processes: int = 1,
                 pages_dir: Path | None = None,
                 notes: list[str] | None = None,
                 executable: str | None = None,
                 present: Sequence[str | None] = ()) -> list[ShardOutcome]:
    """Make the whole bundle in ``folder/pagefind``, shard by shard; return how each was made.

    ``present``: the digest of each shard the output folder already holds
    (:func:`installed_digests`). A shard whose digest is there is neither indexed nor
    copied: ``folder/pagefind`` then lacks it, and :func:`install_bundle` keeps the
    output's copy.

    ``shards``: the sorted records (:func:`sort_records`) cut by :func:`cut_shards` (or a
    :class:`ShardFile` of them, read a shard at a time). Each shard is copied from the cache
    or indexed by the binary, ``processes`` shards at once, and then cached. The bundle is
    the same whatever ``processes``. The pages Pagefind reads are written below
    ``pages_dir`` (``folder`` if None) and removed once indexed. What the build should warn
    about (Pagefind's messages, an unusable cache entry) is added to ``notes``.
    ``executable``: the Pagefind binary (default: the one of the ``pagefind[bin]`` wheel).

    Raises:
        SearchIndexError: a step failed; the message names the shard and the file.
    """
    executable = executable or _pagefind_executable()
    version = _pagefind_version(executable)
    notes = notes if notes is not None else []
    cache = ShardCache(cache_dir, notes) if cache_dir is not None else None
    if cache is not None and version is None:
        notes.append(f"search: {executable} --version says nothing: the shards are not "
                     "cached in this build")
        cache = None
    pagefind = _Pagefind(executable, language, processes=processes, shards=len(shards),
                         cache=cache, notes=notes)
    outcomes: list[ShardOutcome] = []
    try:
        for number, shard in enumerate(shards):
            started = time.perf_counter()
            pages, digest = _prepare(shard, language, version or "")
            indexing = _Indexing(number, shard, digest,
                                 (pages_dir or folder) / f"site-{number}",
                                 folder / "bundles" / str(number), started)
            if number < len(present) and present[number] == digest:
                outcomes.append(replace(_outcome(indexing, cached=True), kept=True))
            elif cache is not None and cache.fetch(digest, indexing.bundle):
                outcomes.append(_outcome(indexing, cached=True))
            else:
                outcomes += pagefind.start(indexing, pages)
        while pagefind.running:
            outcomes.append(pagefind.finish_oldest())
    finally:
        pagefind.stop()
    outcomes.sort(key=lambda outcome: outcome.number)
    _assemble(folder, outcomes)
    if cache is not None:
        cache.prune({outcome.digest for outcome in outcomes})
    return outcomes


def _assemble(folder: Path, outcomes: Sequence[ShardOutcome]) -> None:
    """Gather the shards made in ``folder/bundles`` into ``folder/pagefind`` (the first
    one's files at the top, the others below ``shards/``) with the list of them all."""
    target = folder / BUNDLE_DIR
    target.mkdir()
    for outcome in outcomes:
        if outcome.kept:
            continue
        bundle = folder / "bundles" / str(outcome.number)
        if outcome.number == 0:
            for entry in bundle.iterdir():
                entry.rename(target / entry.name)
        else:
            _shard_role_files(bundle)
            (target / SHARDS_DIR).mkdir(exist_ok=True)
            bundle.rename(target / SHARDS_DIR / str(outcome.number))
    extra = [f"{SHARDS_DIR}/{number}/" for number in range(1, len(outcomes))]
    listing = {"shards": extra, "digests": [outcome.digest for outcome in outcomes]}
    (target / SHARDS_FILE).write_text(json.dumps(listing) + "\n", encoding="utf-8")


def installed_digests(bundle: Path) -> list[str | None]:
    """Return the digest of each shard installed in ``bundle`` (``OUTPUT_PATH/pagefind``) by
    the last build, as its ``mujaz-shards.json`` lists them; None for a shard whose folder
    lacks its ``pagefind-entry.json``, and nothing for a bundle that lists none."""
    try:
        listing = json.loads((bundle / SHARDS_FILE).read_text(encoding="utf-8"))
        digests = listing["digests"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    if not isinstance(digests, list) or not all(isinstance(d, str) for d in digests):
        return []
    return [digest if _installed(bundle, number) else None
            for number, digest in enumerate(digests)]


def _shard_folder(bundle: Path, number: int) -> Path:
    return bundle if number == 0 else bundle / SHARDS_DIR / str(number)


def _installed(bundle: Path, number: int) -> bool:
    return (_shard_folder(bundle, number) / ENTRY_FILE).is_file()


def install_bundle(made: Path, target: Path, outcomes: Sequence[ShardOutcome]) -> None:
    """Put the bundle made in ``made`` (by :func:`index_shards`) at ``target``, keeping
    there the shards it already holds (``kept``), so that an unchanged shard's thousand
    files are not written again. ``target`` then holds exactly the bundle a build into an
    empty folder makes. Its shard list is removed first and written last: a build stopped
    half way leaves no list claiming shards that are not there."""
    if not any(outcome.kept for outcome in outcomes):
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(made), str(target))
        return
    (target / SHARDS_FILE).unlink(missing_ok=True)
    numbers = {str(outcome.number) for outcome in outcomes if outcome.number > 0}
    for outcome in outcomes:
        if outcome.kept:
            continue
        if outcome.number == 0:
            for entry in target.iterdir():
                if entry.name != SHARDS_DIR:
                    _remove(entry)
            for entry in made.iterdir():
                if entry.name not in {SHARDS_DIR, SHARDS_FILE}:
                    shutil.move(str(entry), str(target / entry.name))
        else:
            shard = _shard_folder(target, outcome.number)
            _remove(shard)
            shard.parent.mkdir(exist_ok=True)
            shutil.move(str(_shard_folder(made, outcome.number)), str(shard))
    if (target / SHARDS_DIR).is_dir():
        for entry in (target / SHARDS_DIR).iterdir():
            if entry.name not in numbers:
                _remove(entry)  # a shard of a larger archive than this build's
    shutil.move(str(made / SHARDS_FILE), str(target / SHARDS_FILE))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _run(shards: Sequence[Sequence[SearchRecord]], language: str, folder: Path,
         options: Mapping[str, Any]) -> dict[str, Any]:
    """Make the bundle; return the report the build logs (status 0, or the failure)."""
    started, cpu = time.perf_counter(), _cpu_seconds()
    notes: list[str] = []
    try:
        outcomes = index_shards(shards, language, folder, notes=notes, **options)
    except SearchIndexError as error:
        return {"status": 1, "error": str(error), "seconds": time.perf_counter() - started}
    except OSError as error:
        return {"status": 1, "error": f"search: writing the index in {folder}: {error}",
                "seconds": time.perf_counter() - started}
    return {"status": 0,
            "shards": [{**asdict(o), "seconds": round(o.seconds, 3)} for o in outcomes],
            "notes": notes, "seconds": time.perf_counter() - started,
            "cpu": _cpu_seconds() - cpu}


def _cpu_seconds() -> float:
    """Return the user and system time of this process and its waited-for children (the
    Pagefind processes): on shared cores the wall time also counts other processes' turns."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class ShardFile(Sequence[list[SearchRecord]]):
    """Shards of records pickled one after the other in a file, read one at a time: the
    helper process holds one shard's records, not the archive's."""

    def __init__(self, path: Path, offsets: Sequence[int]) -> None:
        self.path = path
        self.offsets = tuple(offsets)

    @classmethod
    def write(cls, path: Path, shards: Iterable[Sequence[SearchRecord]]) -> ShardFile:
        """Pickle ``shards`` into ``path`` (written as pickled: no copy in memory)."""
        offsets = []
        with path.open("wb") as stream:
            for shard in shards:
                offsets.append(stream.tell())
                pickle.dump(list(shard), stream, protocol=pickle.HIGHEST_PROTOCOL)
        return cls(path, offsets)

    def __len__(self) -> int:
        return len(self.offsets)

    def __getitem__(self, number: int) -> list[SearchRecord]:  # type: ignore[override]
        with self.path.open("rb") as stream:
            stream.seek(self.offsets[number])
            return pickle.load(stream)

    def __iter__(self) -> Iterator[list[SearchRecord]]:
        return (self[number] for number in range(len(self)))


# The helper's program: the build's import path first (the plugin may live anywhere in it),
# then the job the build pickled. Not multiprocessing's "spawn", which imports the build's
# main module again in the new process: a build script without a __main__ guard would run
# the whole build a second time there.
_HELPER = ("import json, pickle, sys; sys.path[:0] = json.loads(sys.argv[1]); "
           "from briefs.publish.search import index_in_background; "
           "index_in_background(sys.argv[2])")


def index_in_background(job_file: str) -> None:
    """The helper process: read the job, normalise, write and index, then leave the
    report beside the job."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    with open(job_file, "rb") as stream:
        shards, language, folder, options = pickle.load(stream)
    report = _run(shards, language, folder, options)
    (folder / "report.json").write_text(json.dumps(report), encoding="utf-8")
    sys.exit(report["status"])


class SearchJob:
    """The search index made in the background while Pelican renders.

    ``start`` starts a helper process that normalises the records' text (a few seconds of
    Python for a large archive), and for each shard copies its bundle from the cache or
    writes its pages and runs the Pagefind binary, so all of it runs on another core;
    ``finish`` waits for it and moves the bundle to ``OUTPUT_PATH/pagefind``. Without
    ``start``, ``finish`` does the work itself. Used as a context manager, the temporary
    folders go whatever happens (an interrupted build stops the helper). ``shards``
    tells, after ``finish``, how each shard was made.

    The helper is a new Python process, given the records in a file: a forked
    one shared the build's memory, and each object it made went into a free slot of a
    page the build had written, which the kernel then copied (330 MB at 10,000 briefs,
    for a helper that needs a tenth of that).
    """

    def __init__(self, records: Iterable[SearchRecord], language: str, *,
                 shard_size: int = DEFAULT_SHARD_SIZE, cache_dir: Path | None = None,
                 processes: int = 1, output: Path | None = None) -> None:
        self.records = sort_records(records)
        # The output folder the bundle goes to: the shards the last build installed there
        # and this one would make the same stay where they are (read at start, before
        # anything is written).
        self.output = output
        self.count = len(self.records)
        self.language = language
        self.shard_size = shard_size
        self.cache_dir = cache_dir
        self.processes = processes
        self.shards: list[ShardOutcome] = []
        cut_shards([], shard_size)  # a bad size fails here, not in the helper
        self._folder = Path(tempfile.mkdtemp(prefix="briefs-search-"))
        self._pages = make_pages_folder()
        self._helpers: list[subprocess.Popen[bytes]] = []
        self._started = 0.0
        # A build stopped before finish() (an error, Ctrl-C) still stops the helper and
        # removes the folders, at the latest when Python exits.
        self._cleanup = weakref.finalize(self, _stop_and_remove, self._helpers,
                                         (self._folder, self._pages),
                                         os.getpid())

    def start(self) -> SearchJob:
        """Start the helper process."""
        self._started = time.perf_counter()
        shards = ShardFile.write(self._folder / "records.pickle",
                                 cut_shards(self.records, self.shard_size))
        job = self._folder / "job.pickle"
        with job.open("wb") as stream:
            pickle.dump((shards, self.language, self._folder, self._options()), stream)
        self._helpers.append(subprocess.Popen(
            [sys.executable, "-c", _HELPER, json.dumps(sys.path), str(job)],
            stdin=subprocess.DEVNULL))
        self.records = []  # the helper reads its own copy: let this process's go
        return self

    def _options(self) -> dict[str, Any]:
        """Return :func:`index_shards`' options (the binary is found here, in the build
        process: a missing one is reported when the index is made)."""
        try:
            executable: str | None = _pagefind_executable()
        except SearchIndexError:
            executable = None
        present = installed_digests(self.output / BUNDLE_DIR) if self.output else []
        return {"cache_dir": self.cache_dir, "processes": self.processes,
                "pages_dir": self._pages, "executable": executable, "present": present}

    def finish(self, output: Path) -> int:
        """Wait for the index, move it to ``output/pagefind``; return the record count.

        Raises:
            SearchIndexError: Pagefind failed, or its bundle lacks a file the page needs.
        """
        if self._helpers:
            helper = self._helpers[0]
            helper.wait()
            report_file = self._folder / "report.json"
            try:
                report = json.loads(report_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                report = {"status": 1, "error": f"search: the indexing process ended with "
                          f"status {helper.returncode} and no report"}
        else:
            self._started = self._started or time.perf_counter()
            report = _run(cut_shards(self.records, self.shard_size), self.language,
                          self._folder, self._options())
        if report["status"] != 0:
            raise SearchIndexError(report["error"])
        for note in report["notes"]:
            logger.warning("%s", note)
        self.shards = [ShardOutcome(**shard) for shard in report["shards"]]
        bundle, target = self._folder / BUNDLE_DIR, output / BUNDLE_DIR
        for shard in self.shards:
            if shard.kept and not _installed(target, shard.number):
                raise SearchIndexError(
                    f"search: {_shard_folder(target, shard.number)} was removed during the "
                    "build; build again")
        # Checked before anything is installed: a broken bundle leaves the old one in place.
        first_kept = bool(self.shards) and self.shards[0].kept
        for required in REQUIRED_FILES:
            made = target if first_kept and required != SHARDS_FILE else bundle
            if not (made / required).is_file():
                raise SearchIndexError(f"search: Pagefind wrote no {target / required}")
        try:
            install_bundle(bundle, target, self.shards)
        except OSError as error:
            raise SearchIndexError(f"search: writing the index to {target}: {error}") from error
        if not self.count:
            logger.warning("search: no brief to index; the search page will find nothing")
        indexed = [shard.number + 1 for shard in self.shards if not shard.cached]
        kept = sum(shard.kept for shard in self.shards)
        logger.info("search: indexed %d briefs into %s: %.1f s of indexing (normalising, "
                    "writing, Pagefind; CPU %.1f s), beside the rendering; %d shards of at "
                    "most %d, %d from the cache, %d already in the output, indexed: %s",
                    self.count, target, report["seconds"], report["cpu"], len(self.shards),
                    self.shard_size, len(self.shards) - len(indexed) - kept, kept,
                    ", ".join(map(str, indexed)) or "none")
        return self.count

    def close(self) -> None:
        """Stop the helper if it still runs and remove the temporary folders."""
        self._cleanup()

    def __enter__(self) -> SearchJob:
        """Return the job; ``close`` runs on the way out."""
        return self

    def __exit__(self, *_exc: object) -> None:
        """Stop the helper and remove the temporary folders."""
        self.close()


def _stop_and_remove(helpers: list[subprocess.Popen[bytes]],
                     folders: Iterable[Path], owner: int) -> None:
    if os.getpid() != owner:  # a forked process (rendering pages) owns none of it
        return
    for helper in helpers:
        if helper.poll() is None:
            helper.kill()  # its Pagefind child ends when its pipe closes
        helper.wait()
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def build_search_index(records: Iterable[SearchRecord], output: Path, language: str, *,
                       shard_size: int = DEFAULT_SHARD_SIZE,
                       cache_dir: Path | None = None, processes: int = 1) -> int:
    """Index ``records`` into ``output/pagefind`` and wait; return how many were indexed."""
    with SearchJob(records, language, shard_size=shard_size, cache_dir=cache_dir,
                   processes=processes) as job:
        return job.start().finish(output)
