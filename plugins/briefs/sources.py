"""Read one content file outside Pelican: Markdown with Pelican metadata, or a raw text article.

Used by the ``mujaz`` command (and the evaluation scripts) so that an editor gets, from one
file, the same body text the site build analyses: Markdown is rendered with Python-Markdown
and its block texts are taken from the HTML, exactly as the plugin does with Pelican's HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import markdown

from briefs.htmltext import extract_body

# Pelican's default Markdown extensions, so the CLI sees what the site build sees.
MARKDOWN_EXTENSIONS = ("markdown.extensions.extra", "markdown.extensions.meta")
SUFFIXES = (".md", ".markdown", ".mkd", ".txt")


class ContentFileError(ValueError):
    """A content file cannot be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class ContentFile:
    """One article as read from disk: metadata (lower-case keys) and the body text."""

    path: Path
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


def read_content_file(path: Path) -> ContentFile:
    """Read a ``.md`` (Pelican metadata + Markdown) or ``.txt`` (plain article) file.

    Raises :class:`ContentFileError` naming the file when it is missing, not UTF-8 or of an
    unknown kind.
    """
    if path.suffix.lower() not in SUFFIXES:
        msg = f"{path}: unknown kind of file; expected one of {', '.join(SUFFIXES)}"
        raise ContentFileError(msg)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ContentFileError(f"{path}: cannot be read: {error.strerror or error}") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        msg = f"{path}: not valid UTF-8 (byte {error.start}); save the file as UTF-8"
        raise ContentFileError(msg) from error
    if path.suffix.lower() == ".txt":
        return ContentFile(path=path, metadata={}, body=text.replace("\r\n", "\n"))
    converter = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
    html = converter.convert(text)
    meta = getattr(converter, "Meta", {})
    # A value continued over several lines (a list of overrides) keeps one item a line.
    metadata = {key.lower(): "\n".join(values).strip() for key, values in meta.items()}
    return ContentFile(path=path, metadata=metadata, body=extract_body(html).text)
