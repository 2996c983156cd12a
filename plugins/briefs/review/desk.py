"""The review desk without its web page: briefs analysed as the build does, corrections
written to the content files, the undo list and the background count of doubtful items.

Nothing is kept outside the content files but what a session needs in memory (analyses,
counts, the corrections it may undo). Every correction names the versions of the files the
page was showing; a file changed on disk since is never overwritten (:class:`ConflictError`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from briefs.analysis.entities import Gazetteer, site_gazetteer
from briefs.analysis.entities.keys import name_key
from briefs.analysis.entities.model import TYPES, EntityRef
from briefs.analysis.entities.site import EntitiesFileError, SiteEntities, parse_site_entities
from briefs.analysis.model import Document, Quote
from briefs.analysis.overrides import quote_contains
from briefs.analysis.pipeline import DEFAULT_CONFIG, OVERRIDE_KEYS, AnalysisConfig, analyse_brief
from briefs.cli.sources import ContentFileError, parse_content

from . import edits
from .queue import BriefRow, list_briefs

logger = logging.getLogger(__name__)

#: How many analysed briefs the desk keeps whole (the counts of the others are kept).
KEPT_ANALYSES = 32
#: How many corrections can be undone.
UNDO_DEPTH = 50
QUOTE_ACTIONS = frozenset({"accept-quote", "speaker", "hide", "not-quote"})
ENTITY_ACTIONS = frozenset({"accept-entity", "rename", "retype", "merge", "exclude",
                            "add-entity"})


@dataclasses.dataclass(frozen=True, slots=True)
class DeskSettings:
    """What the desk reads: the content folder, the editors' file and the build's settings."""

    content: Path
    entities_file: Path
    analysis: AnalysisConfig = DEFAULT_CONFIG
    review_confidence: float = 0.9
    site_lang: str = "ar"
    page_paths: tuple[str, ...] = ("pages",)


@dataclasses.dataclass(frozen=True, slots=True)
class EntitiesState:
    """The editors' file as it is on disk: parsed, or the error that stops it parsing."""

    text: str
    version: str
    site: SiteEntities | None
    error: EntitiesFileError | None
    gazetteer: Gazetteer


@dataclasses.dataclass(frozen=True, slots=True)
class Analysed:
    """One brief analysed: the versions it was made from, the document and its warnings."""

    brief_version: str
    entities_version: str
    document: Document
    warnings: tuple[str, ...]
    metadata: Mapping[str, str]


@dataclasses.dataclass(frozen=True, slots=True)
class Count:
    """A brief's doubtful items, for the versions they were counted on."""

    brief_version: str
    entities_version: str
    quotes: int
    entities: int


@dataclasses.dataclass(frozen=True, slots=True)
class Edit:
    """One correction written: the file and its text before and after (for undo)."""

    path: Path
    before: str
    after: str
    created: bool = False  # the correction made the file (entities.yml): undo removes it


def doubtful_quote(quote: Quote, threshold: float) -> bool:
    """Tell whether a quote needs the editor: its speaker is missing or less sure than
    ``threshold``. Fragments, hidden quotes and the editor's own speakers do not."""
    if quote.fragment or quote.hidden or quote.sieve == "editor":
        return False
    return quote.confidence is None or quote.confidence < threshold


def doubtful_entity(entity: EntityRef, threshold: float) -> bool:
    """Tell whether an entity is less sure than ``threshold``."""
    return entity.confidence is not None and entity.confidence < threshold


def quote_needle(document: Document, quote: Quote) -> str:
    """Return the words that name ``quote`` in a ``Quote_*`` line: the shortest opening of
    its first paragraph (four words or more) that no other quote of the brief contains."""
    first = quote.parts[0].slice(document.text) if quote.parts else quote.text
    words = first.split()
    for count in range(min(4, len(words)), len(words) + 1):
        needle = " ".join(words[:count])
        if sum(quote_contains(other, needle) for other in document.quotes) == 1:
            return needle
    return " ".join(words)


def segments(document: Document) -> list[list[dict[str, Any]]]:
    """Cut each paragraph where a quote or an entity mention starts or ends: the pieces the
    page marks up (quote number, entity id) without ever parsing HTML."""
    quote_parts = [(part.start, part.end, number) for number, quote in enumerate(document.quotes)
                   for part in quote.parts]
    mentions = [(mention.start, mention.end, entity.id)
                for entity in document.entities for mention in entity.mentions]
    out = []
    for paragraph in document.paragraphs:
        cuts = {paragraph.start, paragraph.end}
        for start, end, _ in (*quote_parts, *mentions):
            cuts.update(cut for cut in (start, end) if paragraph.start < cut < paragraph.end)
        ordered = sorted(cuts)
        pieces = []
        for start, end in itertools.pairwise(ordered):
            quote = next((n for s, e, n in quote_parts if s <= start and end <= e), None)
            entity = next((i for s, e, i in mentions if s <= start and end <= e), None)
            pieces.append({"text": document.text[start:end], "quote": quote, "entity": entity})
        out.append(pieces)
    return out


class Desk:
    """The review desk of one content folder, shared by the web page's requests."""

    def __init__(self, settings: DeskSettings,
                 today: Callable[[], date] = date.today) -> None:
        self.settings = settings
        self.today = today
        self._write_lock = threading.RLock()
        # The recogniser's CRF tagger is one object: analyses run one at a time.
        self._analysis_lock = threading.Lock()
        self._entities: EntitiesState | None = None
        self._analyses: OrderedDict[str, Analysed] = OrderedDict()
        self._counts: dict[str, Count] = {}
        self._site_entities: dict[str, dict[str, tuple[str, str]]] = {}
        self._undo: list[Edit] = []
        self._wake = threading.Event()
        # The background count steps aside while the page waits for an answer (one Python
        # process: both would share one interpreter lock).
        self._requests = 0
        self._requests_lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()
        self._stopped = threading.Event()
        self._worker: threading.Thread | None = None

    # ── files ──

    def entities(self) -> EntitiesState:
        """Return the editors' file as it is now (parsed again only when it changed)."""
        text, version = edits.read_version(self.settings.entities_file)
        state = self._entities
        if state is not None and state.version == version:
            return state
        try:
            site: SiteEntities | None = parse_site_entities(text, self.settings.entities_file)
            error = None
        except EntitiesFileError as problem:
            site, error = None, problem
        gazetteer = site_gazetteer(site or SiteEntities(path=str(self.settings.entities_file)))
        state = EntitiesState(text, version, site, error, gazetteer)
        self._entities = state
        return state

    def brief_path(self, relative: str) -> Path:
        """Return the file of a brief named by the page; refuse any other path."""
        content = self.settings.content.resolve()
        path = (content / relative).resolve()
        if (not path.is_relative_to(content) or path.suffix.lower() not in {".md", ".markdown",
                                                                           ".mkd"}
                or not path.is_file()):
            raise edits.EditError(f"no brief {relative!r} in the content folder")
        return path

    def queue(self) -> list[dict[str, Any]]:
        """Return the queue rows, newest first, with the doubtful counts known so far."""
        entities_version = self.entities().version
        rows = []
        for row in list_briefs(self.settings.content, self.settings.site_lang,
                               self.settings.page_paths):
            count = self._counts.get(row.path)
            fresh = (count is not None and count.brief_version == row.version
                     and count.entities_version == entities_version)
            rows.append({"path": row.path, "title": row.title, "date": row.date,
                         "lang": row.lang, "reviewed": row.reviewed,
                         "doubtful": ({"quotes": count.quotes, "entities": count.entities}
                                      if fresh and count else None)})
        self._wake.set()
        return rows

    # ── analysis ──

    def analyse(self, relative: str) -> Analysed:
        """Analyse a brief as ``mujaz annotate`` and the build do (its overrides applied)."""
        path = self.brief_path(relative)
        data = path.read_bytes()
        version = edits.version_of(data)
        state = self.entities()
        kept = self._analyses.get(relative)
        if kept and kept.brief_version == version and kept.entities_version == state.version:
            self._analyses.move_to_end(relative)
            return kept
        try:
            content = parse_content(data, path, "md")
        except ContentFileError as error:
            raise edits.EditError(str(error)) from error
        overrides = {key: content.metadata.get(key) for key in OVERRIDE_KEYS}
        with self._analysis_lock:  # any failure of the analysis reaches the caller
            document, warnings = analyse_brief(
                content.body, lang=content.lang or self.settings.site_lang, title=content.title,
                overrides=overrides, config=self.settings.analysis, gazetteer=state.gazetteer)
        analysed = Analysed(version, state.version, document, tuple(warnings), content.metadata)
        self._remember(relative, analysed)
        return analysed

    def _remember(self, relative: str, analysed: Analysed) -> None:
        threshold = self.settings.review_confidence
        document = analysed.document
        self._counts[relative] = Count(
            analysed.brief_version, analysed.entities_version,
            sum(doubtful_quote(quote, threshold) for quote in document.quotes),
            sum(doubtful_entity(entity, threshold) for entity in document.entities))
        self._site_entities[relative] = {entity.id: (entity.name, entity.type)
                                         for entity in document.entities}
        self._analyses[relative] = analysed
        self._analyses.move_to_end(relative)
        while len(self._analyses) > KEPT_ANALYSES:
            self._analyses.popitem(last=False)

    @contextlib.contextmanager
    def serving(self) -> Iterator[None]:
        """Mark a request of the page as in progress: the background count waits for it."""
        with self._requests_lock:
            self._requests += 1
            self._idle.clear()
        try:
            yield
        finally:
            with self._requests_lock:
                self._requests -= 1
                if not self._requests:
                    self._idle.set()

    def start_counting(self) -> None:
        """Count the doubtful items of every brief in a background thread, newest first."""
        self._worker = threading.Thread(target=self._count_all, name="mujaz-review-count",
                                        daemon=True)
        self._worker.start()
        self._wake.set()

    def stop(self) -> None:
        """Stop the background count."""
        self._stopped.set()
        self._wake.set()
        if self._worker is not None:
            self._worker.join(timeout=5)

    def _count_all(self) -> None:
        while not self._stopped.is_set():
            self._wake.wait()
            self._wake.clear()
            for row in self._stale_rows():
                self._idle.wait()
                if self._stopped.is_set():
                    return
                try:
                    self.analyse(row.path)
                except Exception as error:  # noqa: BLE001 - one bad brief never stops the count
                    logger.warning("mujaz review: %s: %s", row.path, error)

    def _stale_rows(self) -> list[BriefRow]:
        entities_version = self.entities().version
        rows = list_briefs(self.settings.content, self.settings.site_lang,
                           self.settings.page_paths)
        return [row for row in rows
                if (count := self._counts.get(row.path)) is None
                or count.brief_version != row.version
                or count.entities_version != entities_version]

    def wait_counted(self, timeout: float = 60.0) -> bool:
        """Wait until every brief is counted (tests and benchmarks); True when done."""
        deadline = time.monotonic() + timeout
        while self._stale_rows():
            if time.monotonic() > deadline:
                return False
            self._stopped.wait(0.05)
        return True

    # ── what the page shows ──

    def view(self, relative: str) -> dict[str, Any]:
        """Return everything the brief's page shows, doubtful items first."""
        analysed = self.analyse(relative)
        document = analysed.document
        threshold = self.settings.review_confidence
        state = self.entities()
        quotes = []
        for number, quote in enumerate(document.quotes):
            mention = quote.speaker_mention
            quotes.append({
                "number": number, "start": quote.start, "text": quote.text,
                "speaker": quote.speaker, "speaker_id": quote.speaker_id,
                "speaker_words": mention.slice(document.text) if mention else None,
                "sieve": quote.sieve, "confidence": quote.confidence,
                "fragment": quote.fragment, "hidden": quote.hidden,
                "doubtful": doubtful_quote(quote, threshold)})
        quotes.sort(key=lambda item: (not item["doubtful"], item["fragment"], item["start"]))
        entities = [{"id": entity.id, "name": entity.name, "type": entity.type,
                     "aliases": list(entity.aliases), "confidence": entity.confidence,
                     "mentions": len(entity.mentions),
                     "doubtful": doubtful_entity(entity, threshold)}
                    for entity in document.entities]
        entities.sort(key=lambda item: (not item["doubtful"], item["confidence"] or 0,
                                        name_key(item["name"])))
        error = state.error
        return {
            "path": relative,
            "title": document.title,
            "lang": document.lang,
            "dir": document.direction,
            "date": analysed.metadata.get("date", ""),
            "reviewed": analysed.metadata.get("reviewed"),
            "threshold": threshold,
            "versions": {"brief": analysed.brief_version, "entities": state.version},
            "paragraphs": segments(document),
            "quotes": quotes,
            "entities": entities,
            "types": list(TYPES),
            "warnings": list(analysed.warnings),
            "entities_error": ({"line": error.line, "message": str(error)} if error else None),
        }

    def search_entities(self, query: str, limit: int = 20) -> list[dict[str, str]]:
        """Return the site's entities (of the briefs analysed so far) whose name or id
        contains ``query`` (loose keys), most briefs first."""
        wanted = name_key(query)
        found: dict[str, tuple[str, str, int]] = {}
        for known in list(self._site_entities.values()):
            for entity_id, (name, etype) in known.items():
                if wanted and wanted not in name_key(name) and query.casefold() not in entity_id:
                    continue
                _name, _type, briefs = found.get(entity_id, (name, etype, 0))
                found[entity_id] = (name, etype, briefs + 1)
        ranked = sorted(found.items(), key=lambda item: (-item[1][2], name_key(item[1][0])))
        return [{"id": entity_id, "name": name, "type": etype, "briefs": str(briefs)}
                for entity_id, (name, etype, briefs) in ranked[:limit]]

    # ── corrections ──

    def correct(self, relative: str, action: str, params: Mapping[str, Any],
                versions: Mapping[str, Any]) -> dict[str, Any]:
        """Write one correction and return its diff and the brief analysed again.

        Raises :class:`edits.ConflictError` when the brief or the editors' file changed
        since the page was loaded, :class:`edits.EditError` when the correction cannot be
        made (the message says why); nothing is written then.
        """
        with self._write_lock:
            path = self.brief_path(relative)
            brief_text, brief_version = edits.read_version(path)
            state = self.entities()
            if versions.get("brief") != brief_version or versions.get("entities") != state.version:
                raise edits.ConflictError("the brief or entities.yml changed on disk since the "
                                          "page was loaded; nothing was written")
            analysed = self.analyse(relative)
            if action in QUOTE_ACTIONS or action == "reviewed":
                target, before = path, brief_text
                after = self._brief_edit(analysed.document, brief_text, action, params)
            elif action in ENTITY_ACTIONS:
                if state.error is not None:
                    raise edits.EditError(f"entities.yml does not parse ({state.error}); the "
                                          "desk is read-only for entities until it is fixed")
                target, before = self.settings.entities_file, state.text
                after = self._entities_edit(analysed.document, state.text, action, params)
            else:
                raise edits.EditError(f"unknown correction {action!r}")
            return self._write(relative, target, before, after)

    def _write(self, relative: str, target: Path, before: str, after: str,
               remove: bool = False) -> dict[str, Any]:
        """Write ``after`` (or remove the file, undoing its creation); analyse the brief."""
        content = self.settings.content.resolve()
        name = (target.resolve().relative_to(content).as_posix()
                if target.resolve().is_relative_to(content) else target.name)
        if after == before and not remove:
            return {"diff": "", "file": name, "brief": self.view(relative), "changed": False}
        created = not target.exists()
        if remove:
            target.unlink()
        else:
            edits.write_atomic(target, after)
        try:
            view = self.view(relative)
        except Exception as error:
            # The build would publish the brief without its annotations: take it back.
            if created:
                target.unlink()
            else:
                edits.write_atomic(target, before)
            raise edits.EditError(f"the analysis fails with this correction "
                                  f"({type(error).__name__}: {error}); nothing was written"
                                  ) from error
        self._undo.append(Edit(target, before, after, created))
        del self._undo[:-UNDO_DEPTH]
        self._wake.set()
        return {"diff": edits.diff_of(before, after, name), "file": name, "brief": view,
                "changed": True}

    def undo(self, relative: str) -> dict[str, Any]:
        """Undo the last correction, if its file is still as the correction left it."""
        with self._write_lock:
            if not self._undo:
                raise edits.EditError("nothing to undo")
            last = self._undo[-1]
            now, _version = edits.read_version(last.path)
            if now != last.after:
                raise edits.ConflictError(f"{last.path.name} changed on disk since the "
                                          "correction; nothing was undone")
            self._undo.pop()
            result = self._write(relative, last.path, last.after, last.before,
                                 remove=last.created)
            self._undo.pop()  # the undo itself is not a correction to undo
            return result

    @property
    def undo_depth(self) -> int:
        """How many corrections can be undone."""
        return len(self._undo)

    @staticmethod
    def _quote(document: Document, params: Mapping[str, Any]) -> Quote:
        start = params.get("start")
        quote = next((q for q in document.quotes if q.start == start), None)
        if quote is None:
            raise edits.ConflictError("that quote is no longer in the brief; reload")
        return quote

    def _brief_edit(self, document: Document, text: str, action: str,
                    params: Mapping[str, Any]) -> str:
        if action == "reviewed":
            return edits.set_metadata(text, "Reviewed", self.today().isoformat())
        quote = self._quote(document, params)
        needle = quote_needle(document, quote)
        if action == "accept-quote":
            return edits.add_metadata_entry(text, "Quote_speaker",
                                            f"{needle} => {quote.speaker or 'none'}")
        if action == "speaker":
            name = " ".join(str(params.get("name") or "").split())
            if not name:
                raise edits.EditError("give the speaker's name")
            return edits.add_metadata_entry(text, "Quote_speaker", f"{needle} => {name}")
        key = "Quote_hide" if action == "hide" else "Quote_remove"
        return edits.add_metadata_entry(text, key, needle)

    def _entities_edit(self, document: Document, text: str, action: str,
                       params: Mapping[str, Any]) -> str:
        path = self.settings.entities_file
        if action == "add-entity":
            return edits.add_entity(text, str(params.get("words") or ""),
                                    str(params.get("type") or ""), path)
        entity = next((e for e in document.entities if e.id == params.get("id")), None)
        if entity is None:
            raise edits.ConflictError("that entity is no longer in the brief; reload")
        # The words that named it in this brief are the aliases the file will keep.
        facts = dataclasses.replace(
            entity, aliases=tuple(dict.fromkeys(mention.text for mention in entity.mentions)))
        if action == "accept-entity":
            return edits.accept_entity(text, facts, path)
        if action == "rename":
            return edits.rename_entity(text, facts, str(params.get("name") or ""), path)
        if action == "retype":
            return edits.retype_entity(text, facts, str(params.get("type") or ""), path)
        if action == "merge":
            into = str(params.get("into") or "").strip()
            if not into:
                raise edits.EditError("choose the entity to merge into")
            known = into in self.entities().gazetteer.entries or any(
                into in found for found in list(self._site_entities.values()))
            if not known:
                raise edits.EditError(f"no entity {into!r} on the site; pick one the search "
                                      "offers")
            return edits.merge_entity(text, entity.id, into, path)
        return edits.exclude_entity(text, entity.id, path)
