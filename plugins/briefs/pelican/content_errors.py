"""Content files Pelican cannot read: each is named with its reason, and the build fails.

Pelican's article and page generators catch any exception from ``Readers.read_file`` and
log only ``Could not process FILE`` (the exception itself only with ``--debug``), then build
the rest of the site and exit 0 without that brief. So a brief saved as UTF-16, or with
``Date: 2024-13-45``, silently disappears from a published site.

Here, at ``readers_init``, each ``Readers`` object's ``read_file`` is wrapped
(:class:`ExplainingReader`): when reading a file raises, the reason is worked out from the
exception and the file's bytes (:func:`explain`) and logged as ``FILE:LINE: reason``, the
file is recorded in this build's :class:`UnreadableFiles`, and the exception goes on to
Pelican unchanged, which leaves the file out as before. At ``finalized``, once the rest of
the site is written, :func:`fail_on_unreadable` raises :class:`UnreadableContentError`
listing every such file, and ``pelican`` exits with status 1 (``pelican.main`` logs any
exception from the build and exits with its ``exitcode``, default 1), unless
``BRIEFS_SKIP_UNREADABLE = True`` asks to carry on.

Pelican's ``--fatal errors`` still stops the build at the first such file (it turns every
logged error into an exception), with the reason logged first.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pelican import Pelican
from pelican.readers import BaseReader, Readers

from briefs.pelican.intake import ContentError
from briefs.settings import BriefsSettings

logger = logging.getLogger(__name__)

# Where a build's unreadable files are kept: Pelican's settings object is the one thing the
# readers (``readers_init``) and the finished build (``finalized``) both see. Lower case with
# a dot, so it is never taken for a user setting nor reachable as a template variable.
REGISTRY_KEY = "briefs.unreadable_content"
# Metadata whose value Pelican parses as a date.
DATE_FIELDS = frozenset({"date", "modified"})
DATE_FIX = "write it as 2024-11-14 or 2024-11-14 10:00"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_E = TypeVar("_E", bound=BaseException)


class UnreadableContentError(RuntimeError):
    """Some content files could not be read; the message names each file and its reason."""


class MetadataValueError(ValueError):
    """A reader could not turn one metadata field's value into what Pelican expects."""

    def __init__(self, name: str, value: object, error: Exception) -> None:
        super().__init__(f"{name}: {value!r}: {error}")
        self.name, self.value, self.error = name, value, error


@dataclass(frozen=True, slots=True)
class Unreadable:
    """One content file that could not be read, and why."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class UnreadableFiles:
    """The content files of the current build that could not be read, by full path."""

    files: dict[str, Unreadable] = field(default_factory=dict)

    def add(self, full_path: str, problem: Unreadable) -> None:
        """Record that ``full_path`` could not be read."""
        self.files[full_path] = problem

    def discard(self, full_path: str) -> None:
        """Forget ``full_path``: it was read (again, when Pelican rebuilds on a change)."""
        self.files.pop(full_path, None)

    def take(self) -> list[Unreadable]:
        """Return every recorded file in path order and start afresh for the next build."""
        problems = [self.files[path] for path in sorted(self.files)]
        self.files.clear()
        return problems


@dataclass(frozen=True, slots=True)
class FieldNamingProcessor:
    """A reader's ``process_metadata`` that names the field whose value it cannot process."""

    process: Callable[[str, Any], Any]

    def __call__(self, name: str, value: Any) -> Any:  # noqa: ANN401 (any metadata value)
        """Process one field as the reader would; on failure, say which field it was."""
        try:
            return self.process(name, value)
        except Exception as error:
            raise MetadataValueError(name, value, error) from error


@dataclass(frozen=True, slots=True)
class ExplainingReader:
    """``Readers.read_file`` that records and logs why a file could not be read."""

    readers: Readers
    read_file: Callable[..., Any]
    registry: UnreadableFiles

    def __call__(self, base_path: str, path: str, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        """Read a content file as Pelican does; if that raises, log the reason, then re-raise."""
        full_path = os.path.abspath(os.path.join(base_path, path))
        for reader in self.readers.readers.values():
            _name_fields(reader)
        try:
            content = self.read_file(base_path, path, *args, **kwargs)
        except Exception as error:
            problem = explain(full_path, error)
            self.registry.add(full_path, problem)
            logger.error("%s", problem)
            raise
        self.registry.discard(full_path)
        return content


def watch_readers(readers: Readers) -> None:
    """Wrap a generator's ``Readers`` so that unreadable files are explained and recorded.

    Connected to ``readers_init``, sent as each generator (articles, pages, static files)
    makes its ``Readers``. The reader objects themselves are made just after the signal;
    :class:`ExplainingReader` wraps their ``process_metadata`` when it first reads.
    """
    if isinstance(readers.read_file, ExplainingReader):
        return
    registry = readers.settings.setdefault(REGISTRY_KEY, UnreadableFiles())
    readers.read_file = ExplainingReader(readers, readers.read_file, registry)


def fail_on_unreadable(pelican: Pelican) -> None:
    """Once the site is written, fail the build if any content file could not be read.

    Connected to ``finalized`` after the plugin's other receivers, so the search index and
    site files are written first. With ``BRIEFS_SKIP_UNREADABLE = True`` only a warning
    sums them up, and the build succeeds without those files.
    """
    registry = pelican.settings.get(REGISTRY_KEY)
    problems = registry.take() if isinstance(registry, UnreadableFiles) else []
    if not problems:
        return
    listing = "".join(f"\n  {problem}" for problem in problems)
    count = f"{len(problems)} content file{'s' if len(problems) > 1 else ''}"
    if BriefsSettings.from_pelican(pelican.settings).skip_unreadable:
        logger.warning("%s left out, as BRIEFS_SKIP_UNREADABLE asks:%s", count, listing)
        return
    msg = (f"{count} could not be read:{listing}\nThe rest of the site was written. Fix "
           "them, or set BRIEFS_SKIP_UNREADABLE = True to publish without them.")
    raise UnreadableContentError(msg)


def explain(full_path: str, error: Exception) -> Unreadable:
    """Return why reading ``full_path`` raised ``error``, with the line when it is known."""
    path = _shown_path(full_path)
    try:
        data = Path(full_path).read_bytes()
    except OSError as os_error:
        return Unreadable(path, f"cannot be opened: {os_error.strerror or os_error}")
    encoding = _encoding_problem(data)
    if encoding is not None:
        reason, line = encoding
        return Unreadable(path, reason, line)
    field_error = _in_chain(error, MetadataValueError)
    if field_error is not None:
        return Unreadable(path, _field_reason(field_error), _field_line(data, field_error))
    if _in_chain(error, RecursionError) is not None:
        return Unreadable(path, "nested too deeply (lists or quotations inside each other, "
                                "hundreds of levels): flatten them")
    door = _in_chain(error, ContentError)
    if door is not None:
        return Unreadable(path, str(door))
    return Unreadable(path, f"{type(error).__name__}: {error}")


def _encoding_problem(data: bytes) -> tuple[str, int] | None:
    """Return the reason and line if ``data`` is not UTF-8 (a UTF-8 BOM is fine)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        at = error.start
        line = data.count(b"\n", 0, at) + 1
        if data.startswith(UTF16_BOMS) or data[:200].count(b"\x00") * 4 > len(data[:200]):
            return f"not valid UTF-8 at byte {at} (it looks like UTF-16: save it as UTF-8)", line
        return f"not valid UTF-8 at byte {at}: save it as UTF-8", line
    return None


def _field_reason(error: MetadataValueError) -> str:
    name = error.name.capitalize()
    value = error.value[0] if isinstance(error.value, list) and error.value else error.value
    if error.name.lower() in DATE_FIELDS:
        # Pelican's get_date drops dateutil's reason ("month must be in 1..12") from the
        # message it raises, but keeps it as the exception's context.
        cause = error.error.__context__
        detail = str(cause).removesuffix(f": {value}") if cause is not None else ""
        because = f" ({detail})" if detail else ""
        return f"{name} {value!r} is not a valid date{because}. Fix: {DATE_FIX}"
    return f"{name} {value!r} cannot be used: {error.error}"


def _field_line(data: bytes, error: MetadataValueError) -> int | None:
    """Return the line that sets the field (``Date:``, ``:date:``, ``name="date"``), if any."""
    text = data.decode("utf-8", errors="replace")
    name = re.compile(rf"(?<![\w-]){re.escape(error.name)}(?![\w-])", re.IGNORECASE)
    value = error.value[0] if isinstance(error.value, list) and error.value else error.value
    first = str(value).strip().splitlines()[0] if str(value).strip() else ""
    for number, line in enumerate(text.splitlines(), start=1):
        if name.search(line) and first in line:
            return number
    return None


def _in_chain(error: BaseException, kind: type[_E]) -> _E | None:
    """Return the first exception of ``kind`` among ``error`` and its causes and contexts."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _name_fields(reader: BaseReader) -> None:
    if not isinstance(reader.process_metadata, FieldNamingProcessor):
        reader.process_metadata = FieldNamingProcessor(reader.process_metadata)


def _shown_path(full_path: str) -> str:
    """Return the path as the user would type it: relative to the working folder if inside."""
    relative = os.path.relpath(full_path)
    return full_path if relative.startswith(os.pardir) else relative
