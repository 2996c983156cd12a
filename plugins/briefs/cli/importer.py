"""Bring a raw article (plain text, or a page saved from a browser) into ``content/`` as Markdown.

The article text is kept as it came: boilerplate at its end is dropped at build time by the
boilerplate rule, never by editing. Only what Markdown would misread is escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefs.cli.sources import ContentFileError
from briefs.markup.htmltext import extract_body

# A line Markdown would read as a heading, list, quote block or rule.
_BLOCK_SYNTAX = re.compile(r"^(\s*)(#|>|[-*+](\s|$)|\d+[.)](\s|$)|={3,}|-{3,})")
_ARTICLE = re.compile(r"<article\b.*?</article>", re.IGNORECASE | re.DOTALL)
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """What the editor said about the article being imported."""

    source_path: Path
    content_dir: Path
    lang: str
    title: str
    date: datetime
    slug: str
    source: str = ""
    dateline: str = ""


def article_text(path: Path) -> str:
    """Return the article's paragraphs (joined by blank lines) from a .txt or saved .html file."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise ContentFileError(f"{path}: cannot be read: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        msg = f"{path}: not valid UTF-8 (byte {error.start}); save the file as UTF-8"
        raise ContentFileError(msg) from error
    if path.suffix.lower() in {".html", ".htm"}:
        # A saved page: the <article> element when there is one, else every paragraph.
        match = _ARTICLE.search(raw)
        raw = extract_body(match.group(0) if match else raw).text
    elif path.suffix.lower() != ".txt":
        raise ContentFileError(f"{path}: unknown kind of file; expected .txt, .html or .htm")
    text = raw.replace("\r\n", "\n").strip()
    if not text:
        raise ContentFileError(f"{path}: has no article text")
    return text


def escape_markdown(text: str) -> str:
    """Escape what Markdown would misread, leaving the words as they are.

    Markup and links are the page's, not the brief's: ``<`` and ``[`` are escaped, so no
    tag, link or reference definition (``[ref]: javascript:…``) comes alive in the brief.

    >>> escape_markdown("# 1. <b>")
    '\\\\# 1. &lt;b>'
    >>> print(escape_markdown("[x](javascript:alert(1))"))
    \\[x](javascript:alert(1))
    """
    lines = []
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("[", "\\[")
    for line in text.split("\n"):
        match = _BLOCK_SYNTAX.match(line)
        lines.append(f"{line[:match.end(1)]}\\{line[match.end(1):]}" if match else line)
    return "\n".join(lines)


def ascii_slug(text: str) -> str:
    """Return a short ASCII slug (empty when the text has no ASCII letters or digits).

    >>> ascii_slug("NATO presses China, 2024!")
    'nato-presses-china-2024'
    """
    return _SLUG_CHARS.sub("-", text.lower()).strip("-")[:60].strip("-")


def write_brief(request: ImportRequest) -> Path:
    """Write the imported article as ``<content>/<date>-<slug>.<lang>.md``; never overwrite."""
    body = escape_markdown(article_text(request.source_path))
    slug = ascii_slug(request.slug)
    if not slug:
        raise ContentFileError(f"{request.source_path}: give --slug with ASCII letters or digits")
    target = request.content_dir / f"{request.date:%Y-%m-%d}-{slug}.{request.lang}.md"
    if target.exists():
        raise ContentFileError(f"{target}: already exists; choose another --slug")
    metadata = {
        "Title": request.title,
        "Date": f"{request.date:%Y-%m-%d %H:%M}",
        "Lang": request.lang,
        "Slug": slug,
        "Source": request.source,
        "Dateline": request.dateline,
    }
    # One line a value: a newline in a value would start a metadata line of its own.
    header = "".join(f"{key}: {' '.join(value.split())}\n"
                     for key, value in metadata.items() if value.strip())
    request.content_dir.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as output:
        output.write(f"{header}\n{body}\n")
    return target
