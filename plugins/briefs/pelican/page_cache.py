"""Rendered pages kept between builds: a page is rendered again only when what it shows changed.

A page is a pure function of the values its templates read. So each ``write_file`` call
gets a digest of:

* the code: the plugin's modules, the theme's files and the versions of Pelican, Jinja,
  Markdown and Babel (:func:`code_digest`), and every setting (:func:`settings_digest`);
* the call: the output name, ``relative_urls``, the template's name, how the writer
  paginates, and every keyword value the template reads;
* the context values the template can read: Jinja's own list of the names a template (with
  everything it extends, includes or imports) does not define itself
  (``jinja2.meta.find_undeclared_variables``). A template that names another one through a
  variable cannot be listed: its pages are always rendered.

Values are digested by pickling them (no memo: the bytes depend on the values only),
with replacements: an article, a page or a URL wrapper (tag, category, author, entity) by
its *signature* (:class:`Signatures`: what the page is about in full, what it lists without
its own links, what those link to by reference); an analysed brief's document by the
analysis cache key it comes from; a dataclass by its fields, less those marked
``metadata={"on_pages": False}`` (the related-brief score, for the JSON API only); a set
that is a context value, a keyword, an attribute or a dataclass field by its sorted items
(set order changes from one Python process to the next; the pickler cannot be asked about
sets, so one deeper in a list or a dict would change the digest from build to build and
its page would be rendered every time); a function by its name and compiled code. A value
that cannot be pickled makes the page render (no digest: never a guess). Feeds are kept the
same way, from their entries and the context names Pelican's feed writer reads.

The page's bytes are kept in ``CACHE_PATH/briefs-pages/`` under the digest of the call and
the file's name. When a build asks for a page whose entry exists, the entry is copied to
the output instead of rendering the template; otherwise the template is rendered and the
entry written (to a temporary name, then renamed: an interrupted build leaves no partial
entry). Entries no page of the build used are removed at the end.

A build whose inputs are those of the last build that finished (the same code, settings,
content files with their dates and statuses, and analyses: :func:`inputs_digest`)
makes the same calls with the same values, so it takes each page by its name from the entry
the last build noted for it (:meth:`PageCache.kept`), without working out the call's digest
(a third of a warm build of 10,000 briefs). A page the last build did not note is digested
as usual.

What this cannot see: a template that reads what a listed object links to (the related
briefs of a brief on a tag page), a relation not marked as one, or a value hidden behind
an object that is not pickled by value (a callable's result). The theme reads none of
these; ``tests/test_page_cache.py`` builds a site, adds, edits and deletes briefs, and
checks that every page is byte for byte what a build without the cache writes. A page that
is copied sends no ``content_written`` signal (``BRIEFS_PAGE_CACHE = False`` for a plugin
that needs it).
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import logging
import operator
import os
import pickle
import re
import shutil
import tempfile
import types
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from briefs.pelican.articles import Brief
from briefs.pelican.output_dir import remove_stale
from briefs.settings import BriefsSettings

logger = logging.getLogger(__name__)

CACHE_DIR = "briefs-pages"
# The code, settings and content digests of the last build that finished, and the entry of
# each page it wrote (one line each: name, tab, entry).
INPUTS_FILE = "inputs.txt"
PLUGIN_ROOT = Path(__file__).resolve().parents[1]
# Keys of an article's attributes that are the whole site's, digested once as the settings.
_SHARED_ATTRIBUTES = frozenset({"_context", "settings"})
_VERSIONED = ("pelican", "jinja2", "markdown", "babel")
# What Pelican's writer itself reads of a ``write_file`` call: the page's name and URL, how
# it paginates (``paginated``, else the ``articles`` and ``dates`` keywords) and writes.
_WRITER_KEYWORDS = frozenset({"name", "relative_urls", "paginated", "template_name",
                              "override_output", "url", "articles", "dates"})
# The keywords under which the generators give a page its subject.
_SUBJECTS = frozenset({"article", "page", "tag", "category", "author", "entity", "speaker"})
# What Pelican's feed writer reads from the context (the rest comes from the entries).
_FEED_CONTEXT = ("SITEURL", "FEED_DOMAIN", "SITENAME", "SITESUBTITLE")
# Settings that change how a build runs, never what a page shows.
_NOT_SHOWN = frozenset({"BRIEFS_WORKERS", "BRIEFS_DASK_SCHEDULER", "BRIEFS_ANALYSIS_TIMEOUT",
                        "BRIEFS_PAGE_CACHE", "OUTPUT_PATH", "CACHE_PATH", "LOG_FILTER",
                        "DELETE_OUTPUT_DIRECTORY", "OUTPUT_RETENTION"})


class _Undigestable(Exception):
    """A value the digest cannot cover: the page is rendered."""


def code_digest(roots: Iterable[Path]) -> str:
    """Return a digest of every file under ``roots`` and of the rendering libraries' versions."""
    sha = hashlib.sha256()
    for name in _VERSIONED:
        try:
            sha.update(f"{name}={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            sha.update(f"{name}=-\n".encode())
    for root in roots:
        for path in sorted(p for p in Path(root).rglob("*")
                           if p.is_file() and "__pycache__" not in p.parts):
            sha.update(str(path.relative_to(root)).encode() + b"\0")
            sha.update(path.read_bytes())
    return sha.hexdigest()


def settings_digest(settings: dict[str, Any]) -> str:
    """Return a digest of the settings; a value that cannot be pickled counts by its type.

    Functions (Jinja filters given in a settings file) count by their name and compiled code.
    """
    sha = hashlib.sha256()
    for key in sorted(settings):
        if key in _NOT_SHOWN:
            continue
        if key == "BRIEFS":  # the build's runtime object: its validated settings count
            value: Any = getattr(settings[key], "settings", None)
            if isinstance(value, BriefsSettings):
                value = replace(value, workers=0, dask_scheduler=None, analysis_timeout=0)
        else:
            value = settings[key]
        sha.update(key.encode() + b"\0")
        try:
            sha.update(_pickle(value, None))
        except _Undigestable:
            sha.update(type(value).__qualname__.encode())
    return sha.hexdigest()


def _function(_digester: object, function: Any) -> tuple[Any, ...]:  # noqa: ANN401 - any callable
    """Pickle a function by its name and compiled code (a changed filter changes pages)."""
    if isinstance(function, functools.partial):
        return (tuple, ((function.func, function.args, function.keywords),))
    code = getattr(function, "__code__", None)
    body = hashlib.sha256(_code_bytes(code)).hexdigest() if code is not None else ""
    owner = getattr(function, "__self__", None)
    bound = type(owner).__qualname__ if owner is not None and not isinstance(
        owner, types.ModuleType) else ""
    return (str, (f"{getattr(function, '__module__', '')}.{bound}."
                  f"{getattr(function, '__qualname__', '')}:{body}",))


def _code_bytes(code: types.CodeType) -> bytes:
    """Return a function's compiled code with its constants (nested code by its own bytes:
    the repr of a code object names its address, which changes from one run to the next)."""
    consts = b"".join(_code_bytes(const) if isinstance(const, types.CodeType)
                      else repr(const).encode() for const in code.co_consts)
    return code.co_code + b"\0" + consts


class _Digester(pickle.Pickler):
    """Pickles a value for its digest: articles by signature, sets sorted, functions by code."""

    def __init__(self, buffer: io.BytesIO, nested: Callable[[Subject], str] | None,
                 relations: bool = True) -> None:
        super().__init__(buffer, protocol=5)
        self.relations = relations
        # No memo: with it the bytes would say which equal values are one object, and that
        # changes with how the build made them (read from the cache or not), not with them.
        self.fast = True
        self.nested = nested

    def reducer_override(self, obj: Any) -> Any:  # noqa: ANN401 - pickle's protocol
        # Called for every object of every digest (half a million a warm build of 1,000
        # briefs): one dict lookup a call.
        cls = type(obj)
        reducer = _REDUCER_OF.get(cls, _UNSEEN)
        if reducer is _UNSEEN:
            reducer = _REDUCER_OF[cls] = _reducer_for(cls)
        return NotImplemented if reducer is None else reducer(self, obj)

    def content(self, content: Content | URLWrapper) -> tuple[Any, ...]:
        """An article, page or URL wrapper stands as its signature."""
        if self.nested is None:
            raise _Undigestable(type(content).__name__)
        return (str, (self.nested(content),))


def _record(digester: _Digester, obj: Any) -> tuple[Any, ...]:  # noqa: ANN401
    """A dataclass by its fields' values (the generated __getstate__ calls fields(): slow);
    in a shallow signature, without its relations."""
    cls = type(obj)
    values = (_FIELDS if digester.relations else _SHALLOW_FIELDS)[cls](obj)
    return (tuple, ((cls.__qualname__, *values),))


def _brief(digester: _Digester, brief: Brief) -> tuple[Any, ...]:
    """A brief with its analysis key in place of the document the key names."""
    if brief.document is not None and brief.analysis_key:
        return (tuple, ((replace(brief, document=None), brief.analysis_key),))
    return _record(digester, brief)


def _wrapper(digester: _Digester, wrapper: URLWrapper) -> tuple[Any, ...]:
    """A tag, category, author or entity page stands as its signature, as an article does."""
    return digester.content(wrapper)


def _template(_digester: _Digester, template: jinja2.Template) -> tuple[Any, ...]:
    """A template by its name (its source is in the code digest)."""
    return (str, (f"template:{template.name}",))


Reducer = Callable[["_Digester", Any], tuple[Any, ...]]
_UNSEEN = object()
_REDUCER_OF: dict[type, Reducer | None] = {}  # None: pickled as pickle does
# Per dataclass: the values of the fields pages may show (with and without relations).
_FIELDS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
_SHALLOW_FIELDS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _reducer_for(cls: type) -> Reducer | None:
    """Return how the digest pickles instances of ``cls`` (decided once a type)."""
    stand_ins: tuple[tuple[type, Reducer], ...] = (
        (Content, _Digester.content), (Brief, _brief), (URLWrapper, _wrapper),
        (jinja2.Template, _template))
    for base, reducer in stand_ins:
        if issubclass(cls, base):
            if reducer is _brief:
                _note_shown_fields(cls)
            return reducer
    if is_dataclass(cls):
        _note_shown_fields(cls)
        return _record
    if issubclass(cls, types.FunctionType | types.BuiltinFunctionType | types.MethodType |
                  functools.partial):
        return _function
    return None


def _values_of(names: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
    """Return a function giving an object's attributes ``names`` as a tuple."""
    if not names:
        return lambda _obj: ()
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    return operator.attrgetter(*names)


def _note_shown_fields(cls: type) -> None:
    """Note the fields of a dataclass that pages may show (``metadata={"on_pages": False}``
    marks one that only orders things or goes to the JSON API), and those a page listing
    the object shows (``metadata={"relation": True}``: links shown on its own page only)."""
    shown = [f for f in fields(cls) if f.metadata.get("on_pages", True)]
    _FIELDS[cls] = _values_of([f.name for f in shown])
    _SHALLOW_FIELDS[cls] = _values_of([f.name for f in shown if not f.metadata.get("relation")])
    if any(_MAY_BE_A_SET.search(str(f.type)) for f in shown):
        for table in (_FIELDS, _SHALLOW_FIELDS):
            table[cls] = functools.partial(_values_in_order, table[cls])


# A field annotation that may hold a set (annotations are strings here: no import needed).
_MAY_BE_A_SET = re.compile(r"\b(?:frozenset|set|Set|AbstractSet|MutableSet)\b")


def _values_in_order(values: Callable[[Any], tuple[Any, ...]], obj: Any) -> tuple[Any, ...]:  # noqa: ANN401
    return tuple(map(_in_order, values(obj)))


def _in_order(value: Any) -> Any:  # noqa: ANN401 - any value a page reads
    """Return a set as its sorted items (set order changes from one process to the next),
    anything else as it is. The pickler handles sets itself, never asking a reducer.

    >>> _in_order({"b", "a"}), _in_order(["b", "a"])
    (('a', 'b'), ['b', 'a'])
    """
    if isinstance(value, set | frozenset):
        return tuple(sorted(value, key=repr))
    return value


def _pickle(value: Any, nested: Callable[[Subject], str] | None, *,  # noqa: ANN401
            relations: bool = True) -> bytes:
    """Return the bytes a value is digested by; ``nested`` gives an article's stand-in."""
    buffer = io.BytesIO()
    try:
        _Digester(buffer, nested, relations).dump(value)
        return buffer.getvalue()
    except _Undigestable:
        raise
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError, ValueError) as error:
        raise _Undigestable(str(error)) from error
    finally:
        # A pickler with a reducer_override holds itself (the bound method), and with it
        # its buffer, until the cycle collector runs: paused for the build (pelican.heap),
        # the buffers of every signature stayed, 110 MB at 10,000 briefs. Closing the
        # buffer lets its bytes go now.
        buffer.close()


Subject = Content | URLWrapper  # what a page can be about: an article, a tag, an entity…


def _reference(subject: Subject) -> str:
    """An object as a link to it shows it: an article by its path (it is digested on its own
    elsewhere), a tag, category, author or entity by its name and URL."""
    if isinstance(subject, Content):
        return f"ref:{subject.source_path}"
    return f"ref:{type(subject).__name__}:{subject.slug}:{subject.name}:{subject.url}"


@dataclass
class Signatures:
    """The signatures of articles, pages and URL wrappers, made once per build.

    Three depths, so that adding a brief changes the pages that show it and not every page
    of the site through chains of related briefs and companion entities:

    * *full*, for what a page is about (its article, tag or entity): all its attributes; an
      article it refers to (a related brief, a thread, a brief naming the entity) by its
      shallow signature, a tag or entity it links to by name and URL;
    * *shallow*, for an object a page lists (a brief on a tag page, an entity on the index):
      its attributes without its relations (an article's related briefs and thread, an
      entity's briefs and companions: ``metadata={"relation": True}`` on a dataclass field,
      ``page_relations`` on a class), and what they refer to by reference;
    * *reference*: see :func:`_reference`.
    """

    _full: dict[int, str] = field(default_factory=dict)
    _shallow: dict[int, str] = field(default_factory=dict)

    def full(self, subject: Subject) -> str:
        """Return the signature of what a page is about."""
        made = self._full.get(id(subject))
        if made is None:
            made = self._full[id(subject)] = _signature(subject, self.linked, relations=True)
        return made

    def shallow(self, subject: Subject) -> str:
        """Return the signature of an object a page lists."""
        made = self._shallow.get(id(subject))
        if made is None:
            made = self._shallow[id(subject)] = _signature(subject, _reference,
                                                           relations=False)
        return made

    def linked(self, subject: Subject) -> str:
        """Return the signature of an object the subject of a page refers to."""
        return self.shallow(subject) if isinstance(subject, Content) else _reference(subject)


@functools.cache
def _left_out(cls: type, relations: bool) -> frozenset[str]:
    """Return the attributes a signature leaves out: the site-wide ones; copies of what a
    property computes (``functools.cached_property``, or what Pelican's
    ``URLWrapper.as_dict`` writes into the instance): whether one is there yet depends on
    which page was rendered first, and the signature digests the shown values itself; and
    without relations, the class's ``page_relations``."""
    cached = {name for klass in cls.__mro__ for name, value in vars(klass).items()
              if isinstance(value, functools.cached_property | property)}
    relation = () if relations else getattr(cls, "page_relations", frozenset())
    return frozenset({*_SHARED_ATTRIBUTES, *cached, *relation})


def _signature(subject: Subject, nested: Callable[[Subject], str], *, relations: bool) -> str:
    """Digest an object's attributes (not the site-wide settings and context it holds) and
    what templates read through its properties: an article's final HTML (intrasite links
    resolved against the other articles' URLs), its summary, and the URLs."""
    left_out = _left_out(type(subject), relations)
    # By name: the order attributes were set in is no input of a page (a brief's markup
    # taken from the cache sets them in another order than one written anew).
    state = {name: _in_order(value) for name, value in sorted(vars(subject).items())
             if name not in left_out}
    if isinstance(subject, Content):
        # Links resolved against one base, not the page rendered last (``localsiteurl``
        # with relative URLs): the page's own name, in its digest, gives its base.
        shown: tuple[Any, ...] = (subject.get_content(""), subject.get_summary(""),
                                  subject.url, subject.save_as)
    else:
        shown = (subject.name, subject.slug, subject.url, subject.save_as)
    return hashlib.sha256(_pickle((type(subject).__name__, state, shown), nested,
                                  relations=relations)).hexdigest()


@dataclass
class PageCache:
    """The rendered pages of earlier builds, looked up by the digest of a page's inputs."""

    folder: Path
    base: str  # code and settings digest
    output: Path = Path("output")  # OUTPUT_PATH, absolute
    signatures: Signatures = field(default_factory=Signatures)
    used: set[str] = field(default_factory=set)
    # The files of the output this process copied from the cache or kept, each with the
    # entry it came from or went to (relative path → entry name).
    entries: dict[str, str] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    _names: dict[str, frozenset[str] | None] = field(default_factory=dict)
    _names_changed: bool = False
    _folders: set[str] = field(default_factory=set)
    broken: bool = False  # the cache folder could not be written: keep nothing more
    inputs: str = ""  # digest of the build's content (see inputs_digest)
    # When this build's inputs are the last build's: the entry of each page it wrote, by name.
    trusted: dict[str, str] = field(default_factory=dict)

    @classmethod
    def open(cls, settings: dict[str, Any], translations: Path) -> PageCache:
        """Return the cache of this build (``CACHE_PATH/briefs-pages``).

        Its code is the plugin's modules, the theme and the theme's translations.
        """
        roots = (PLUGIN_ROOT, Path(settings["THEME"]), translations)
        base = hashlib.sha256(
            (code_digest(roots) + settings_digest(settings)).encode()).hexdigest()
        return cls(_folder(settings), base, _output(settings))

    @staticmethod
    def previous_outputs(settings: dict[str, Any]) -> set[str]:
        """Return the files the page cache wrote into ``OUTPUT_PATH`` in the last build
        (relative paths; empty when it is not known)."""
        return _read_outputs(_outputs_file(_folder(settings), _output(settings)))

    def unchanged(self, inputs: str) -> bool:
        """Note this build's inputs (:func:`inputs_digest`); return True when the last
        build that finished had the same inputs, code and settings: then every page is
        expected to come from the cache, each from the entry that build noted for it."""
        self.inputs = inputs
        try:
            last = (self.folder / INPUTS_FILE).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        first, _, pages = last.partition("\n")
        if first != f"{self.base} {inputs}":
            return False
        self.trusted = _pages_and_entries(pages)
        return True

    def kept(self, names: Iterable[str]) -> dict[str, Path] | None:
        """Return the entries the pages ``names`` (relative to the output) are copied from
        when the last build had this build's inputs (:meth:`unchanged`) and kept every one
        of them; else None: the call is digested."""
        if not self.trusted:
            return None
        found = {}
        for name in names:
            key = self.trusted.get(Path(name).as_posix())
            if key is None:
                return None
            entry = self.folder / key[:2] / key
            if not entry.is_file():
                return None
            found[name] = entry
        self.used.update(entry.name for entry in found.values())
        return found

    def template_names(self, template: jinja2.Template) -> frozenset[str] | None:
        """Return the context names ``template`` may read; None if they cannot be listed.

        Listing them compiles the templates again (a quarter of a second each): the lists
        are kept beside the pages, for this code.
        """
        name = template.name or ""
        if name not in self._names:
            if not self._names:
                self._names.update(self._load_names())
            if name not in self._names:
                self._names[name] = _free_names(template.environment, name, set())
                self._names_changed = True
        return self._names[name]

    @property
    def _names_file(self) -> Path:
        return self.folder / f"names-{self.base[:16]}.json"

    def _load_names(self) -> dict[str, frozenset[str] | None]:
        try:
            kept = json.loads(self._names_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {name: None if names is None else frozenset(names)
                for name, names in kept.items()}

    def _save_names(self) -> None:
        for old in self.folder.glob("names-*.json"):
            old.unlink(missing_ok=True)
        self._write_atomic(self._names_file, json.dumps(
            {name: None if names is None else sorted(names)
             for name, names in sorted(self._names.items())}))

    def call_digest(self, template: jinja2.Template, context: dict[str, Any],
                    call: dict[str, Any]) -> str | None:
        """Return the digest of one ``write_file`` call; None when the page must be rendered."""
        names = self.template_names(template)
        if names is None:
            return None
        read = {name: _in_order(context[name]) for name in sorted(names)
                if name in context and name not in call}
        # A keyword counts if the template reads it or the writer paginates it (Pelican
        # gives tag pages every article as ``all_articles``, which no template here reads).
        # What the page is about counts with its relations; what it lists, without them.
        call = {key: self.signatures.full(value)
                if key in _SUBJECTS and isinstance(value, Content | URLWrapper)
                else _in_order(value)
                for key, value in call.items()
                if key in names or key in _WRITER_KEYWORDS}
        try:
            body = _pickle((template.name, call, read), self.signatures.shallow)
        except _Undigestable as why:
            logger.debug("page cache: %s is rendered every time: %s", template.name, why)
            return None
        return hashlib.sha256(self.base.encode() + body).hexdigest()

    def entry(self, digest: str, name: str) -> Path:
        """Return where the page ``name`` of the call ``digest`` is kept."""
        key = hashlib.sha256(f"{digest}\0{name}".encode()).hexdigest()
        self.used.add(key)
        return self.folder / key[:2] / key

    def feed_digest(self, elements: list[Any], context: dict[str, Any],
                    call: dict[str, Any]) -> str | None:
        """Return the digest of one ``write_feed`` call; None when the feed must be written.

        Pelican's feed writer reads the entries and, from the context, the names below;
        the ``feed_generated`` receivers are code (in the code digest).
        """
        read = {name: context.get(name) for name in _FEED_CONTEXT}
        try:
            body = _pickle(("feed", call, elements, read), self.signatures.shallow)
        except _Undigestable:
            return None
        return hashlib.sha256(self.base.encode() + body).hexdigest()

    def restore(self, entry: Path, target: str) -> None:
        """Copy a kept page to ``target``, unless the last build left that very page there
        (see :mod:`briefs.pelican.output_dir`)."""
        self._note_output(target, entry)
        if _same_bytes(entry, target):
            return
        folder = os.path.dirname(target)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        shutil.copyfile(entry, target)

    def _note_output(self, target: str, entry: Path) -> None:
        """Note a file written into the output (absolute path) and its entry."""
        self.entries[Path(os.path.relpath(target, self.output)).as_posix()] = entry.name

    def keep_file(self, entry: Path, written: str) -> None:
        """Keep a file just written (a feed: Pelican writes it itself)."""
        self._note_output(written, entry)
        if not self.broken:
            self.keep(entry, Path(written).read_text(encoding="utf-8"))

    def keep(self, entry: Path, output: str, name: str | None = None) -> None:
        """Keep the page just rendered (to be written to ``name`` in the output). A cache
        that cannot be written is reported once and left alone: the site is built all the
        same, every page rendered."""
        if name:
            self.entries[Path(name).as_posix()] = entry.name
        if self.broken:
            return
        try:
            self._write_atomic(entry, output)
        except OSError as error:
            self.broken = True
            logger.warning("page cache: cannot write %s (%s); the pages of this build are "
                           "not kept (BRIEFS_PAGE_CACHE = False turns the cache off)",
                           entry, error.strerror or error)

    @staticmethod
    def _write_atomic(path: Path, text: str) -> None:
        """Write to a temporary name, then rename: a build stopped midway leaves no part."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            raise

    def report_used(self) -> None:
        """In a forked process: leave the entries used and the counts for the build process."""
        if self.broken:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / f".used-{os.getpid()}").write_text(
                f"{self.hits} {self.misses}\n" + "\n".join(sorted(self.used)), encoding="ascii")
            (self.folder / f".entries-{os.getpid()}").write_text(
                "".join(f"{path}\t{name}\n" for path, name in sorted(self.entries.items())),
                encoding="utf-8")
        except OSError:  # reported by keep(); the build process then prunes nothing
            self.broken = True

    def finish(self, started: int | None = None) -> tuple[int, int]:
        """In the build process, once every page is written: gather the forked processes'
        reports, remove the entries nothing used; return the pages copied and rendered.

        ``started``: when the output folder was emptied (:mod:`briefs.pelican.output_dir`);
        then the pages of the last build that this one did not write are removed.
        """
        used, hits, misses = set(self.used), self.hits, self.misses
        try:
            for report in sorted(self.folder.glob(".used-*")):
                counts, _, keys = report.read_text(encoding="ascii").partition("\n")
                copied, rendered = counts.split()
                hits, misses = hits + int(copied), misses + int(rendered)
                used.update(keys.split())
                report.unlink()
            written = self.page_entries()
            outputs = set(written)
            for report in self.folder.glob(".entries-*"):
                report.unlink()
            if started is not None:
                remove_stale(self.output, _read_outputs(_outputs_file(self.folder, self.output)),
                             outputs, started)
            if not self.broken:  # a cache that could not be written is left as it is
                self.prune(used)
                self._write_atomic(_outputs_file(self.folder, self.output),
                                   "\n".join(sorted(outputs)) + "\n")
            if self._names_changed and not self.broken:
                self._save_names()
            if self.inputs and not self.broken:
                pages = "".join(f"{path}\t{entry}\n" for path, entry in sorted(written.items()))
                self._write_atomic(self.folder / INPUTS_FILE,
                                   f"{self.base} {self.inputs}\n{pages}")
        except (OSError, ValueError) as error:
            logger.warning("page cache: %s: %s; nothing was pruned", self.folder, error)
        logger.info("briefs: %d pages rendered, %d copied from the page cache", misses, hits)
        return hits, misses

    def page_entries(self) -> dict[str, str]:
        """Return the entry each file of this build was copied from or kept under (relative
        path → entry name), the forked processes' files included (from their reports)."""
        found: dict[str, str] = {}
        for report in sorted(self.folder.glob(".entries-*")):
            try:
                found.update(_pages_and_entries(report.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
        found.update(self.entries)
        return found

    def read_notes(self, name: str) -> dict[str, Any]:
        """Return what a later step noted of the kept pages, by entry name (``name``: a JSON
        file beside them; empty when it is missing or unreadable)."""
        try:
            notes = json.loads((self.folder / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return notes if isinstance(notes, dict) else {}

    def write_notes(self, name: str, notes: dict[str, Any]) -> None:
        """Keep ``notes`` (by entry name) for the next build; a cache that cannot be written
        keeps nothing."""
        if self.broken:
            return
        try:
            self._write_atomic(self.folder / name, json.dumps(notes, ensure_ascii=False,
                                                              sort_keys=True))
        except OSError:
            self.broken = True

    def prune(self, used: Iterable[str]) -> int:
        """Remove the entries no page of this build used; return how many went."""
        keep = set(used)
        removed = 0
        if not self.folder.is_dir():
            return 0
        for entry in self.folder.glob("*/*"):
            if entry.name not in keep:
                entry.unlink(missing_ok=True)
                removed += 1
        return removed


def _folder(settings: dict[str, Any]) -> Path:
    return Path(settings.get("CACHE_PATH", "cache")) / CACHE_DIR


def _output(settings: dict[str, Any]) -> Path:
    # Made absolute as Pelican's writer makes its targets (os.path.abspath, symbolic links
    # kept), so that a target's path relative to it is the page's name.
    return Path(os.path.abspath(settings.get("OUTPUT_PATH", "output")))


def _outputs_file(folder: Path, output: Path) -> Path:
    """The list of the files the page cache wrote into ``output`` (one cache may serve
    several output folders)."""
    return folder / f"outputs-{hashlib.sha256(str(output).encode()).hexdigest()[:16]}.txt"


def inputs_digest(contents: Iterable[Content]) -> str:
    """Return a digest of what the pages are made of besides code and settings: every
    content file's path and bytes, its status and dates as read (a date taken from the
    file's time, a brief dated in the future that is a draft until then), each brief's
    analysis key (which also covers the entity lists and corrections the analysis read)."""
    digest = hashlib.sha256()

    def add(part: bytes) -> None:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)

    for content in sorted(contents, key=lambda item: item.source_path or ""):
        path = content.source_path or ""
        try:
            data = Path(path).read_bytes()
        except OSError:
            data = b"\0unreadable"
        brief = getattr(content, "brief", None)
        read = (getattr(content, "status", ""), getattr(content, "date", None),
                getattr(content, "modified", None))
        for part in (path.encode("utf-8", "surrogatepass"), data,
                     getattr(brief, "analysis_key", "").encode(), repr(read).encode()):
            add(part)
    return digest.hexdigest()


def _pages_and_entries(listed: str) -> dict[str, str]:
    """Read lines of a page's name, a tab and its entry's name. Split at the last tab: an
    entry's name is hexadecimal, a page's name may hold one.

    >>> _pages_and_entries("a\\tb.html\\t0f\\nindex.html\\tab\\n")
    {'a\\tb.html': '0f', 'index.html': 'ab'}
    """
    return {page: entry for page, _, entry in
            (line.rpartition("\t") for line in listed.splitlines()) if page}


def _read_outputs(path: Path) -> set[str]:
    try:
        listed = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {line for line in listed.splitlines() if line}


def _same_bytes(entry: Path, target: str) -> bool:
    """Tell whether ``target`` holds the bytes of ``entry`` (reading costs less than
    writing: the file system keeps the file and its folder as they are)."""
    try:
        if os.stat(target).st_size != entry.stat().st_size:
            return False
        with open(target, "rb") as existing:
            return existing.read() == entry.read_bytes()
    except OSError:
        return False


def _free_names(env: jinja2.Environment, name: str, seen: set[str]) -> frozenset[str] | None:
    """Return the names ``name`` and the templates it uses read from their context."""
    if name in seen:
        return frozenset()
    seen.add(name)
    try:
        source = env.loader.get_source(env, name)[0] if env.loader else None
    except jinja2.TemplateNotFound:
        return None
    if source is None:
        return None
    tree = env.parse(source)
    names = set(jinja2.meta.find_undeclared_variables(tree))
    for referenced in jinja2.meta.find_referenced_templates(tree):
        if referenced is None:  # a template named by a variable: cannot be followed
            return None
        more = _free_names(env, referenced, seen)
        if more is None:
            return None
        names |= more
    return frozenset(names)
