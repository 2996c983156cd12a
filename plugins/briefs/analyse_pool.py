"""Analyse many briefs at once: in this process, a pool of worker processes, or a Dask cluster.

The analysis of one brief needs nothing from the others, so the briefs the cache does not
have are sent to workers through the standard :class:`concurrent.futures.Executor`
interface: a :class:`~concurrent.futures.ProcessPoolExecutor` of ``BRIEFS_WORKERS``
processes (all cores by default), or, when ``BRIEFS_DASK_SCHEDULER`` names a scheduler,
the executor of a Dask distributed ``Client`` (``pip install -e .[dask]``), so the same
code runs on a cluster. A task carries only picklable text: the brief's HTML body,
language, title and overrides, and a :class:`WorkerContext` (the analysis settings and the
editors' entities, a few kilobytes). Each worker builds the gazetteer once (0.1 s) and
keeps it for every later task of the same build: pickling the built gazetteer (400 KB)
with every task would cost as much as a third of the analysis itself.

Failures stay local: a task that raises, runs past ``BRIEFS_ANALYSIS_TIMEOUT`` seconds or
loses its worker (a crashed process, a lost Dask worker) comes back as an
:class:`Outcome` with the reason, and the caller publishes that brief without
annotations. Results are returned in the order of the tasks, whatever order they finish
in, so the site is the same with one worker or many. Ctrl-C cancels what has not started
and stops the pool; workers ignore SIGINT so only this process decides, and they write
nothing: the caller stores the results in the cache (atomically).
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from briefs.analysis.boilerplate import removal_ranges
from briefs.analysis.entities import Gazetteer, SiteEntities, site_gazetteer
from briefs.analysis.pipeline import AnalysisConfig, analyse_brief
from briefs.cache import CachedAnalysis
from briefs.cores import default_workers
from briefs.markup.htmltext import drop_text_ranges, extract_body

logger = logging.getLogger(__name__)

#: Tasks submitted a worker at a time (a Dask cluster counts as BRIEFS_WORKERS workers):
#: enough to keep every worker busy, few enough that finished results are not all held.
IN_FLIGHT = 4
#: Called after each finished brief with (done, total).
Progress = Callable[[int, int], None]
#: Called with (task index, outcome) as each brief finishes.
Consumer = Callable[[int, "Outcome"], None]


class AnalysisTimeout(Exception):
    """The analysis of one brief ran past ``BRIEFS_ANALYSIS_TIMEOUT``."""


@dataclass(frozen=True, slots=True)
class AnalysisTask:
    """One brief to analyse: picklable text only."""

    source: str  # the content file, for messages
    html: str  # the body as Pelican read it (sanitised)
    lang: str
    title: str
    overrides: tuple[tuple[str, str], ...]  # (Quote_* key, value)


@dataclass(frozen=True, slots=True)
class WorkerContext:
    """What every task of one build shares: settings and the editors' entities (small)."""

    config: AnalysisConfig
    site: SiteEntities
    key: str  # identifies the gazetteer built from ``site`` (the build's entities salt)
    timeout: float = 0.0  # seconds per brief; 0: no limit


@dataclass(frozen=True, slots=True)
class Outcome:
    """One task's result: the analysis, or why there is none."""

    entry: CachedAnalysis | None
    error: str | None = None
    broken_pool: bool = False  # the pool broke (a worker died): maybe not this brief's fault


def analyse_html(task: AnalysisTask, config: AnalysisConfig,
                 gazetteer: Gazetteer | None) -> CachedAnalysis:
    """Analyse one brief's HTML body: its text is read once, and kept with the analysis.

    Also says whether the body's text without its trailing boilerplate is the analysed
    text: when it is not, offsets would point at the wrong words, and no markup is written.
    """
    body = extract_body(task.html)
    document, warnings = analyse_brief(body.text, lang=task.lang, title=task.title,
                                       overrides=dict(task.overrides), config=config,
                                       gazetteer=gazetteer)
    kept = drop_text_ranges(body, removal_ranges(body.text, document.boilerplate))
    return CachedAnalysis(document, tuple(warnings), body, kept.text == document.text)


# Per worker process: the gazetteer of the build being analysed, built once (see above).
# Keyed by WorkerContext.key, so a long-lived Dask worker serving two sites never mixes them.
_GAZETTEERS: dict[str, Gazetteer] = {}


def _gazetteer(context: WorkerContext) -> Gazetteer:
    gazetteer = _GAZETTEERS.get(context.key)
    if gazetteer is None:
        _GAZETTEERS.clear()
        gazetteer = _GAZETTEERS[context.key] = site_gazetteer(context.site)
    return gazetteer


def _init_worker(key: str, gazetteer: Gazetteer) -> None:
    """Start a pool process: Ctrl-C is the parent's to handle; the gazetteer is ready."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _GAZETTEERS.clear()
    _GAZETTEERS[key] = gazetteer


def _raise_timeout(_signum: int, _frame: object) -> None:
    raise AnalysisTimeout


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`AnalysisTimeout` after ``seconds`` (only where a signal can: a process's
    main thread on Unix, as in the process pool; a Dask worker's threads run unlimited)."""
    usable = (seconds > 0 and hasattr(signal, "SIGALRM")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyse_in_worker(task: AnalysisTask, context: WorkerContext) -> CachedAnalysis:
    """Analyse one task in a worker (a pool process or a Dask worker)."""
    with _time_limit(context.timeout):
        return analyse_html(task, context.config, _gazetteer(context))


def reason(error: BaseException, context: WorkerContext) -> str:
    """Return why a task failed, as the build reports it.

    >>> reason(AnalysisTimeout(), WorkerContext(AnalysisConfig(), SiteEntities(), "", 30))
    'the analysis timed out after 30 s'
    >>> reason(ValueError("bad"), WorkerContext(AnalysisConfig(), SiteEntities(), ""))
    'the analysis failed: ValueError: bad'
    """
    if isinstance(error, AnalysisTimeout):
        return f"the analysis timed out after {context.timeout:g} s"
    if isinstance(error, BrokenProcessPool):
        return "the worker process analysing it stopped (crashed or was killed)"
    name = type(error).__name__
    if name in {"KilledWorker", "CommClosedError", "FutureCancelledError"}:
        return f"the Dask worker analysing it was lost ({name}: {error})"
    return f"the analysis failed: {name}: {error}"


class Analyser:
    """Run analysis tasks on the executor the settings ask for."""

    def __init__(self, context: WorkerContext, gazetteer: Gazetteer, *, workers: int = 0,
                 dask_scheduler: str | None = None, progress: Progress | None = None) -> None:
        self.context = context
        self.gazetteer = gazetteer
        self.workers = workers or default_workers()
        self.dask_scheduler = dask_scheduler
        self.progress = progress
        self._consume: Consumer | None = None

    def run(self, tasks: Sequence[AnalysisTask],
            consume: Consumer | None = None) -> list[Outcome]:
        """Analyse every task; return one outcome per task, in the tasks' order.

        ``consume`` is given each outcome as soon as its brief is done (to store it); the
        outcomes returned then keep no body, so the bodies (about 300 KB each in memory)
        are never all held at once.
        """
        self._consume = consume
        if not tasks:
            return []
        if self.dask_scheduler:
            return self._on_dask(tasks)
        if self.workers <= 1 or len(tasks) == 1:
            return self._inline(tasks)
        return self._on_pool(tasks)

    def _done(self, index: int, outcome: Outcome) -> Outcome:
        """Hand an outcome to the consumer; return what to keep of it.

        What is kept is what a worker process sends back: the document without its token
        layer (a brief analysed in this process would hold its words for the whole build).
        """
        entry = outcome.entry
        if entry is not None and entry.document.tokens is not None:
            outcome = replace(outcome, entry=replace(
                entry, document=replace(entry.document, tokens=None)))
        if self._consume is None:
            return outcome
        self._consume(index, outcome)
        if outcome.entry is None or outcome.entry.body is None:
            return outcome
        return replace(outcome, entry=replace(outcome.entry, body=None))

    def _inline(self, tasks: Sequence[AnalysisTask]) -> list[Outcome]:
        outcomes = []
        for index, task in enumerate(tasks):
            try:
                outcome = Outcome(analyse_html(task, self.context.config, self.gazetteer))
            except Exception as error:
                logger.debug("analysis of %s failed", task.source, exc_info=True)
                outcome = Outcome(None, reason(error, self.context))
            outcomes.append(self._done(index, outcome))
            self._report(index + 1, len(tasks))
        return outcomes

    def _on_pool(self, tasks: Sequence[AnalysisTask]) -> list[Outcome]:
        """Analyse on a process pool; if a worker dies, find whose brief killed it.

        A worker that dies (a crash in native code, the OOM killer) breaks the whole pool:
        every brief still pending fails with it. Those are analysed again one at a time in
        a single-worker pool, so only a brief that kills its worker again is reported.
        """
        outcomes: list[Outcome | None] = [None] * len(tasks)
        done, broken = 0, []
        executor = self._process_pool(min(self.workers, len(tasks)))
        try:
            for index, outcome in self._collect(executor, tasks, range(len(tasks))):
                if outcome.broken_pool:
                    broken.append(index)
                    continue
                outcomes[index] = self._done(index, outcome)
                done += 1
                self._report(done, len(tasks))
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
        if broken:
            logger.warning("briefs: an analysis worker stopped; analysing the %d briefs it "
                           "left one at a time", len(broken))
        single: ProcessPoolExecutor | None = None
        try:
            for index in sorted(broken):
                single = single or self._process_pool(1)
                [(_index, outcome)] = list(self._collect(single, tasks, [index]))
                if outcome.broken_pool:  # this brief's own worker died: it is the culprit
                    single.shutdown(wait=True)
                    single = None
                outcomes[index] = self._done(index, outcome)
                done += 1
                self._report(done, len(tasks))
        finally:
            if single is not None:
                single.shutdown(wait=True, cancel_futures=True)
        return [outcome or Outcome(None, "not analysed") for outcome in outcomes]

    def _process_pool(self, workers: int) -> ProcessPoolExecutor:
        methods = multiprocessing.get_all_start_methods()
        # fork: workers inherit the loaded code and gazetteer (nothing pickled); spawn elsewhere.
        # Frozen objects are left alone by the collector, so forked workers share their pages.
        gc.freeze()
        mp_context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        return ProcessPoolExecutor(max_workers=workers, mp_context=mp_context,
                                   initializer=_init_worker,
                                   initargs=(self.context.key, self.gazetteer))

    def _on_dask(self, tasks: Sequence[AnalysisTask]) -> list[Outcome]:
        try:
            from distributed import Client
        except ImportError as error:
            msg = ("BRIEFS_DASK_SCHEDULER is set but Dask is not installed: "
                   "pip install -e '.[dask]'")
            raise RuntimeError(msg) from error
        outcomes: list[Outcome | None] = [None] * len(tasks)
        with Client(self.dask_scheduler, set_as_default=False) as client:
            logger.info("briefs: analysing %d briefs on the Dask cluster at %s", len(tasks),
                        self.dask_scheduler)
            executor = client.get_executor(pure=False)
            for done, (index, outcome) in enumerate(
                    self._collect(executor, tasks, range(len(tasks))), start=1):
                outcomes[index] = self._done(index, outcome)
                self._report(done, len(tasks))
        return [outcome or Outcome(None, "not analysed") for outcome in outcomes]

    def _collect(self, executor: Executor, tasks: Sequence[AnalysisTask],
                 indexes: Sequence[int]) -> Iterator[tuple[int, Outcome]]:
        """Submit the tasks at ``indexes``; yield (index, outcome) as each finishes.

        At most :data:`IN_FLIGHT` tasks a worker are submitted at a time: a finished
        future keeps its result (the brief's body, about 300 KB in memory) for as long as
        it is referenced, so submitting all of them at once held every body of the archive
        until the last brief was done.
        """
        waiting = iter(indexes)
        futures: dict[Future[Any], int] = {}
        unsent: list[tuple[int, BaseException]] = []

        def send(count: int) -> None:
            for index in itertools.islice(waiting, count):
                try:
                    futures[executor.submit(analyse_in_worker, tasks[index], self.context)] = index
                except BrokenProcessPool as error:  # a worker died: the pool takes no more
                    unsent.append((index, error))

        try:
            send(IN_FLIGHT * self.workers)
            while futures or unsent:
                for index, error in unsent:
                    yield index, Outcome(None, reason(error, self.context), broken_pool=True)
                unsent.clear()
                if not futures:
                    continue
                finished, _pending = wait(futures, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = futures.pop(future)
                    send(1)
                    try:
                        outcome = Outcome(future.result())
                    except Exception as error:  # noqa: BLE001 - reported per brief, the rest goes on
                        outcome = Outcome(None, reason(error, self.context),
                                          broken_pool=isinstance(error, BrokenProcessPool))
                    yield index, outcome
        except BaseException:  # Ctrl-C: nothing new starts; the pool is shut down by the caller
            for future in futures:
                future.cancel()
            raise

    def _report(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)


class ProgressBar:
    """A one-line progress bar on a terminal stream: count, rate and time left."""

    def __init__(self, stream: Any, width: int = 30) -> None:  # noqa: ANN401 - a text stream
        self.stream = stream
        self.width = width
        self.started = time.monotonic()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        """Redraw the bar (at most ten times a second, and always at the end)."""
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        self.stream.write("\r" + self.line(done, total, now - self.started))
        if done == total:
            self.stream.write("\n")
        self.stream.flush()

    def line(self, done: int, total: int, elapsed: float) -> str:
        """Return the bar's text.

        >>> ProgressBar(None, width=10).line(25, 100, 5.0)
        '[##--------] 25/100 briefs  5.0/s  0:15 left'
        """
        filled = self.width * done // max(total, 1)
        rate = done / elapsed if elapsed > 0 else 0.0
        left = int((total - done) / rate) if rate else 0
        return (f"[{'#' * filled}{'-' * (self.width - filled)}] {done}/{total} briefs  "
                f"{rate:.1f}/s  {left // 60}:{left % 60:02d} left")
