"""Pages rendered on every core: Pelican's writing phase shared between forked processes.

Pelican renders every page in one process. Once every generator's context is final (the
writer is made after ``all_generators_finalized`` and the intersite-link refresh), nothing
a page shows can change, so the writing phase can be shared out. :class:`SharedWriter`
(Pelican's ``get_writer`` signal) forks ``BRIEFS_WORKERS - 1`` processes (all cores by
default) when it is made. Every process then runs the same generators' ``generate_output``
calls, in the same order, up to and including the briefs plugin's entity generator; each
write is rendered by exactly one of them (call ``n`` by process ``n % shares``) and merely
accounted for by the others: the duplicate-file checks of Pelican's writer and the
``localsiteurl`` it leaves in the context for relative URLs are kept in every process,
so each page is byte for byte what one process would write. The entity generator waits
for the forked processes at its end (:meth:`SharedWriter.join_shares`); from there on, the
build process alone writes everything (later generators, the static files).

When the page cache holds the last build of the very same content, code and settings
(:meth:`.PageCache.unchanged`), every page is expected to be copied: then no process is
forked (copying shares out for less than forking costs in time and memory).

A forked process that fails ends with a non-zero status, and the build stops naming the
step. Processes cannot be forked on every platform: there, and with ``BRIEFS_WORKERS = 1``,
the writer is Pelican's own. Limitation: ``content_written`` and ``feed_generated`` are
sent in the process that rendered the file; a plugin that collects them in memory sees
only the build process's share (set ``BRIEFS_WORKERS = 1`` for such a plugin).
"""

from __future__ import annotations

import functools
import gc
import logging
import multiprocessing
import signal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pelican.contents import Article
from pelican.generators import Generator
from pelican.paginator import Paginator
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from briefs.cores import default_workers
from briefs.pelican.compat import same_named_subclass
from briefs.pelican.intake import contents_of
from briefs.pelican.page_cache import PageCache, inputs_digest
from briefs.pelican.publishing import SummaryEntry, summary_feeds

logger = logging.getLogger(__name__)


class RenderError(RuntimeError):
    """A process rendering a share of the pages failed; the message names it."""


@dataclass
class RenderPlan:
    """What the writer needs to share the work: the generators, and how many processes."""

    generators: Sequence[Generator] = ()
    shares: int = 1
    last: type | None = None  # the generator class after which the shares join
    pages: PageCache | None = None  # rendered pages kept between builds (BRIEFS_PAGE_CACHE)
    # When the output folder was emptied for this build (briefs.pelican.output_dir).
    output_started: int | None = None


@dataclass
class _Share:
    index: int = 0
    count: int = 1
    calls: dict[str, int] = field(default_factory=dict)  # per kind: pages and feeds alternate
    children: list[Any] = field(default_factory=list)


def _render_share(plan: RenderPlan, output_path: str, settings: dict[str, Any],
                  index: int) -> None:
    """A forked process: run the writing phase, rendering only share ``index``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build process's to handle
    writer = SharedWriter(output_path, settings=settings, share=(index, plan.shares))
    for generator in plan.generators:
        if hasattr(generator, "generate_output"):
            generator.generate_output(writer)
        if plan.last is not None and isinstance(generator, plan.last):
            break
    if plan.pages is not None:  # the build process prunes the cache: tell it what was used
        plan.pages.report_used()


class SharedWriter(Writer):
    """Pelican's writer, rendering only its share of the pages (see the module).

    The plan comes from the build's ``BRIEFS`` object (``settings["BRIEFS"].render``),
    filled by the plugin when the generators are final.
    """

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None,
                 share: tuple[int, int] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self._share = _Share()
        self._summary_feeds = summary_feeds(self.settings)
        plan = getattr(self.settings.get("BRIEFS"), "render", None)
        self._pages = plan.pages if plan is not None else None
        if share is not None:  # a forked process
            self._share.index, self._share.count = share
            return
        if plan is None or plan.shares <= 1 or \
                "fork" not in multiprocessing.get_all_start_methods():
            return
        self._share.count = plan.shares
        # Objects made so far (every article, analysis, index) stay where they are: the
        # collector would otherwise touch them in each process and copy their pages.
        gc.freeze()
        context = multiprocessing.get_context("fork")
        for index in range(1, plan.shares):
            child = context.Process(target=_render_share, name=f"briefs-render-{index}",
                                    args=(plan, output_path, self.settings, index), daemon=True)
            child.start()
            self._share.children.append(child)
        logger.info("briefs: rendering pages in %d processes", plan.shares)

    @property
    def forked(self) -> bool:
        """Return True in a forked process (it must write nothing outside the writer)."""
        return self._share.index != 0

    def _mine(self, kind: str) -> bool:
        """Return whether this process renders the next call of ``kind`` (round robin).

        Pages and feeds are counted apart: an entity's page and its feed come in turn,
        and one count would give every feed to the same process.
        """
        share = self._share
        if share.count <= 1:
            return True
        number = share.calls.get(kind, 0)
        share.calls[kind] = number + 1
        return number % share.count == share.index

    def join_shares(self) -> None:
        """Wait for the forked processes; from now on this process writes everything.

        Raises:
            RenderError: a forked process failed (its error was logged above).
        """
        children, self._share.children = self._share.children, []
        self._share.count = 1
        failed = []
        for child in children:
            child.join()
            if child.exitcode != 0:
                failed.append(f"{child.name} (exit status {child.exitcode})")
        if failed:
            msg = (f"rendering: {', '.join(failed)} failed; see the error above "
                   "(BRIEFS_WORKERS = 1 renders in one process)")
            raise RenderError(msg)

    def write_feed(self, elements: Any, context: dict[str, Any], path: str | None = None,  # noqa: ANN401, PLR0917 - Pelican's
                   url: str | None = None, feed_type: str = "atom",
                   override_output: bool = False, feed_title: str | None = None) -> Any:  # noqa: ANN401
        """Render the feed if it is this process's; else only account for its file.

        A tag feed carries its briefs' summaries, as an entity feed does.
        """
        if self._mine("feed"):
            if path and self._summary_feeds and self._summary_feeds.fullmatch(path):
                elements = [SummaryEntry(element, element.url) for element in elements]
            return self._feed(elements, context, path, url, feed_type, override_output,
                              feed_title)
        if path:
            self._claim(sanitised_join(self.output_path, path), override_output)
        return None

    def _feed(self, elements: Any, context: dict[str, Any], path: str | None,  # noqa: ANN401, PLR0917
              url: str | None, feed_type: str, override_output: bool,
              feed_title: str | None) -> Any:  # noqa: ANN401 - Pelican's feed
        """Write the feed, or copy it from the page cache if it is kept."""
        pages = self._pages
        kept = pages.kept([path]) if pages is not None and path else None
        if kept is not None and path:
            target = sanitised_join(self.output_path, path)
            if self._claim(target, override_output):
                pages.restore(kept[path], target)
            pages.hits += 1
            return None
        digest = None if pages is None or not path else pages.feed_digest(
            list(elements[:self.settings["FEED_MAX_ITEMS"]]), context,
            {"path": path, "url": url, "type": feed_type, "override": override_output,
             "title": feed_title})
        if pages is None or digest is None or not path:
            return super().write_feed(elements, context, path, url, feed_type,
                                      override_output, feed_title)
        entry, target = pages.entry(digest, path), sanitised_join(self.output_path, path)
        if entry.is_file():
            if self._claim(target, override_output):
                pages.restore(entry, target)
            pages.hits += 1
            return None
        pages.misses += 1
        # Pelican skips a file an earlier write overrode: then there is nothing to keep.
        skipped = target in self._overridden_files and not override_output
        feed = super().write_feed(elements, context, path, url, feed_type, override_output,
                                  feed_title)
        if not skipped:
            pages.keep_file(entry, target)
        return feed

    def write_file(self, name: str, template: Any, context: dict[str, Any],  # noqa: ANN401, PLR0917 - Pelican's
                   relative_urls: bool = False, paginated: dict[str, Any] | None = None,
                   template_name: str | None = None, override_output: bool = False,
                   url: str | None = None, **kwargs: Any) -> None:  # noqa: ANN401
        """Render the page(s) if they are this process's; else only account for them."""
        if not name:
            return
        if self._mine("page"):
            self._render(name, template, context, relative_urls, paginated, template_name,
                         override_output, url, kwargs)
            return
        names = self._page_names(name, paginated, template_name, url, kwargs)
        for page_name in names:
            self._claim(sanitised_join(self.output_path, page_name), override_output)
        if relative_urls:  # what Pelican's _write_file leaves in the context
            context["localsiteurl"] = path_to_url(get_relative_path(names[-1]))

    def _render(self, name: str, template: Any, context: dict[str, Any],  # noqa: ANN401, PLR0917
                relative_urls: bool, paginated: dict[str, Any] | None,
                template_name: str | None, override_output: bool, url: str | None,
                kwargs: dict[str, Any]) -> None:
        """Render the page(s) of one call, or copy them from the page cache if they are kept.

        The call's digest covers every value the template reads (see
        :mod:`briefs.pelican.page_cache`); its pages are copied only when all are kept.
        """
        pages = self._pages
        if pages is None:
            super().write_file(name, template, context, relative_urls, paginated,
                               template_name, override_output, url, **kwargs)
            return
        names = self._page_names(name, paginated, template_name, url, kwargs)
        kept = pages.kept(names)
        if kept is not None:
            self._restore(pages, kept, override_output, relative_urls, context)
            return
        digest = pages.call_digest(template, context, {
            "name": name, "relative_urls": relative_urls, "paginated": paginated,
            "template_name": template_name, "override_output": override_output, "url": url,
            **kwargs})
        if digest is None:
            super().write_file(name, template, context, relative_urls, paginated,
                               template_name, override_output, url, **kwargs)
            return
        entries = {page_name: pages.entry(digest, page_name) for page_name in names}
        if all(entry.is_file() for entry in entries.values()):
            self._restore(pages, entries, override_output, relative_urls, context)
            return
        pages.misses += len(names)
        super().write_file(name, KeepingTemplate(template, pages, entries), context,
                           relative_urls, paginated, template_name, override_output, url,
                           **kwargs)

    def _restore(self, pages: PageCache, entries: dict[str, Any], override_output: bool,
                 relative_urls: bool, context: dict[str, Any]) -> None:
        """Copy the pages of one call from their entries (page name → entry)."""
        for page_name, entry in entries.items():
            target = sanitised_join(self.output_path, page_name)
            if self._claim(target, override_output):
                pages.restore(entry, target)
        pages.hits += len(entries)
        if relative_urls:  # what Pelican's _write_file leaves in the context
            context["localsiteurl"] = path_to_url(get_relative_path(list(entries)[-1]))

    def _page_names(self, name: str, paginated: dict[str, Any] | None,
                    template_name: str | None, url: str | None,
                    kwargs: dict[str, Any]) -> list[str]:
        """Return the files one ``write_file`` call writes, as Pelican's writer names them."""
        if paginated is None:
            paginated = {key: value for key, value in kwargs.items()
                         if key in {"articles", "dates"}}
        if not paginated or template_name not in self.settings["PAGINATED_TEMPLATES"]:
            return [name]
        per_page = (self.settings["PAGINATED_TEMPLATES"][template_name]
                    or self.settings["DEFAULT_PAGINATION"])
        paginator = Paginator(name, url, next(iter(paginated.values())), self.settings,
                              per_page)
        return [paginator.page(number).save_as for number in range(1, paginator.num_pages + 1)]

    def _claim(self, filename: str, override: bool) -> bool:
        """Account for a file written elsewhere: Pelican's duplicate checks, no I/O.

        Returns False where Pelican's writer would skip the file (an earlier write of it
        was an override).
        """
        if filename in self._overridden_files:
            if override:
                msg = f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                raise FileOverwriteFailedError(msg)
            return False
        if filename in self._written_files and not override:
            msg = (f'Failed to overwrite "{filename}" as Pelican has already written to it '
                   "previously (set `override=True` if intended)")
            raise FileOverwriteFailedError(msg)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return True


class KeepingTemplate:
    """A template whose every rendered page is also kept in the page cache."""

    def __init__(self, template: Any, pages: PageCache, entries: dict[str, Any]) -> None:  # noqa: ANN401
        self.template = template
        self.pages = pages
        self.entries = entries

    def render(self, context: dict[str, Any]) -> str:
        """Render as the template does, and keep the page under its entry."""
        output = self.template.render(context)
        entry = self.entries.get(context.get("output_file", ""))
        if entry is not None:
            self.pages.keep(entry, output, context.get("output_file"))
        return output


def freeze_urls(articles: Iterable[Article]) -> None:
    """Work out each article's ``url`` and ``save_as`` once, now that they are final
    (an article whose are already frozen is left as it is).

    Pelican computes them anew at every read (about 30 µs: the metadata, the source path
    made relative, the setting formatted), and a build reads them hundreds of thousands of
    times (links in lists, feeds, related briefs). Each article's class becomes a subclass
    of the same name whose two properties are cached on first use.
    """
    frozen: dict[type, type] = {}
    for article in articles:
        cls = type(article)
        if getattr(cls, "_urls_frozen", False):
            continue
        if cls not in frozen:
            frozen[cls] = _with_cached_urls(cls)
        article.__class__ = frozen[cls]


def _with_cached_urls(cls: type) -> type:
    def cached(name: str) -> functools.cached_property[str]:
        prop = getattr(cls, name)
        attribute = functools.cached_property(prop.fget)
        attribute.__set_name__(cls, name)
        return attribute

    return same_named_subclass(cls, {"url": cached("url"), "save_as": cached("save_as"),
                                     "_urls_frozen": True})


def plan_rendering(plan: RenderPlan, generators: Sequence[Generator], workers: int,
                   last: type, pages: PageCache | None = None) -> None:
    """Fill the plan once the generators are final: ``BRIEFS_WORKERS`` (0: every core)."""
    plan.generators = list(generators)
    plan.pages = pages
    plan.shares = workers or default_workers()
    plan.last = last if any(isinstance(g, last) for g in generators) else None
    unchanged = pages is not None and pages.unchanged(inputs_digest(contents_of(generators)))
    if plan.last is None:  # no point where the shares could join: render in one process
        plan.shares = 1
    elif unchanged and plan.shares > 1:
        # Every page is expected from the cache, each by its name (a page the last build did
        # not note is digested): forking would cost more time and memory than sharing out
        # the copies saves.
        logger.info("briefs: nothing changed since the last build: the pages are copied "
                    "in one process")
        plan.shares = 1
