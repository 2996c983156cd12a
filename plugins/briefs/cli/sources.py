"""Read one content file outside Pelican: Markdown with Pelican metadata, or a raw text article.

Used by the ``mujaz`` command (and the evaluation scripts) so that an editor gets, from one
file, the same body text the site build analyses: Markdown is rendered with Python-Markdown
and its block texts are taken from the HTML, exactly as the plugin does with Pelican's HTML.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import markdown

from briefs.markup.htmltext import extract_body

# Pelican's default Markdown extensions, so the CLI sees what the site build sees.
MARKDOWN_EXTENSIONS = ("markdown.extensions.extra", "markdown.extensions.meta")
#: The kind of file each suffix means: Markdown with Pelican metadata, or a plain article.
SUFFIXES = {".md": "md", ".markdown": "md", ".mkd": "md", ".txt": "txt"}
KINDS = ("md", "txt")
#: The first line and the continuation lines of a metadata block, as Markdown's meta
#: extension reads them.
_METADATA_LINE = re.compile(r"[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*.*")
_METADATA_MORE = re.compile(r"[ ]{4,}.*")


class ContentFileError(ValueError):
    """A content file cannot be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class ContentFile:
    """One article as read from disk: metadata (lower-case keys) and the body text."""

    path: Path  # the file, or ``<stdin>``: its name in messages
    metadata: dict[str, str]
    body: str  # block texts joined by blank lines: what the analysis reads

    @property
    def lang(self) -> str | None:
        """Return the ``Lang`` metadata, if any."""
        return self.metadata.get("lang")

    @property
    def title(self) -> str:
        """Return the ``Title`` metadata, or an empty string."""
        return self.metadata.get("title", "")


def read_content_file(path: Path, kind: str | None = None) -> ContentFile:
    """Read a ``.md`` (Pelican metadata + Markdown) or ``.txt`` (plain article) file.

    ``kind`` (``md`` or ``txt``) overrides the suffix. Raises :class:`ContentFileError`
    naming the file when it is missing, not a regular file (checked before opening it, so
    a FIFO or a device never blocks), not UTF-8, of an unknown kind or nested too deeply.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise ContentFileError(f"{path}: cannot be read: {error.strerror or error}") from error
    if not stat.S_ISREG(mode):
        raise ContentFileError(f"{path}: not a regular file")
    if kind is None:
        kind = SUFFIXES.get(path.suffix.lower())
        if kind is None:
            msg = f"{path}: unknown kind of file; expected one of {', '.join(SUFFIXES)}"
            raise ContentFileError(msg)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ContentFileError(f"{path}: cannot be read: {error.strerror or error}") from error
    return parse_content(raw, path, kind)


def read_content_stream(stream: BinaryIO, kind: str | None = None,
                        name: Path = Path("<stdin>")) -> ContentFile:
    """Read an article from a stream (standard input); ``kind`` None guesses it."""
    return parse_content(stream.read(), name, kind)


def guess_kind(text: str) -> str:
    """Return ``md`` when the text opens with a Pelican metadata block naming a Title.

    Pelican skips an article without ``Title``, so every brief has one; asking for it keeps
    a plain article whose first line happens to read like ``LONDON: …`` from losing that
    line to the metadata.

    >>> guess_kind("Title: x\\nLang: ar\\n\\nنص"), guess_kind("LONDON: text\\n\\nmore")
    ('md', 'txt')
    """
    keys = []
    for line in text.splitlines():
        if not line.strip():
            break
        match = _METADATA_LINE.fullmatch(line)
        if match:
            keys.append(match["key"].lower())
        elif not (keys and _METADATA_MORE.fullmatch(line)):
            return "txt"
    return "md" if "title" in keys else "txt"


def parse_content(raw: bytes, path: Path, kind: str | None = None) -> ContentFile:
    """Decode and read an article's bytes as ``kind`` (None: guess it from the text)."""
    unmarked = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = unmarked.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = error.start + len(raw) - len(unmarked)  # counted from the file's first byte
        msg = f"{path}: not valid UTF-8 (byte {byte}); save the file as UTF-8"
        raise ContentFileError(msg) from error
    kind = kind or guess_kind(text)
    if kind not in KINDS:
        raise ContentFileError(f"{path}: unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if kind == "txt":
        return ContentFile(path=path, metadata={}, body=text.replace("\r\n", "\n"))
    converter = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
    try:
        body = extract_body(converter.convert(text)).text
    except RecursionError as error:
        # Python-Markdown parses nested lists and quotes recursively: thousands of levels
        # exhaust the stack. No article is written so; name the file rather than crash.
        msg = f"{path}: the Markdown is nested too deeply (lists or quotes inside each other)"
        raise ContentFileError(msg) from error
    meta = getattr(converter, "Meta", {})
    # A value continued over several lines (a list of overrides) keeps one item a line.
    metadata = {key.lower(): "\n".join(values).strip() for key, values in meta.items()}
    return ContentFile(path=path, metadata=metadata, body=body)
