"""Text of an article's HTML body, with a map back to the HTML, and markup written at text offsets.

The analysis works on plain text: the body's block texts (paragraphs, list items, headings)
joined by blank lines. Everything it finds is a character span of that text. This module
extracts that text from the rendered HTML, remembering for every character where it stands
in the HTML source, so that markup can later be inserted around a text span without
re-serialising the document (which would change bytes the author wrote). Wrapping follows
Python-Markdown's abbr extension: insert from the end backwards, and split a span at element
boundaries so that the result always nests.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose text is one paragraph of the analysed body.
BLOCK_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "td", "th", "figcaption"}
)
# Elements whose content is never analysed (code is not prose; scripts are not text).
SKIPPED_TAGS = frozenset({"pre", "code", "script", "style", "template", "svg", "math"})
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class TextBlock:
    """The text of one block element and, per character, its place in the HTML source."""

    text: str
    html_start: int  # where the block's start tag begins
    html_end: int  # just past the block's end tag (or its last text if never closed)
    char_starts: tuple[int, ...]  # html offset of the source of text[i]
    char_ends: tuple[int, ...]  # html offset just past the source of text[i]
    # [start, end) of the block's text inside the author's own links: no link may nest there.
    links: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Wrap:
    """Markup to put around the body-text span [start, end).

    A span crossing element or block boundaries is wrapped piece by piece; the first piece
    opens with ``first_open_tag`` when one is given (where an ``id`` must appear only once).
    """

    start: int
    end: int
    open_tag: str
    close_tag: str
    first_open_tag: str | None = None


@dataclass(frozen=True, slots=True)
class BodyText:
    """An HTML body and its analysable text (blocks joined by a blank line)."""

    html: str
    blocks: tuple[TextBlock, ...]

    @property
    def text(self) -> str:
        """Return the body text that every analysis offset refers to."""
        return PARAGRAPH_SEPARATOR.join(block.text for block in self.blocks)

    def link_spans(self) -> list[tuple[int, int]]:
        """Return the body-text spans inside the author's links (``<a>`` in the HTML).

        >>> extract_body("<p>One</p><p>See <a href='https://x.org'>the report</a></p>").link_spans()
        [(9, 19)]
        """
        return [(start + offset, end + offset)
                for offset, block in zip(self.block_starts(), self.blocks, strict=True)
                for start, end in block.links]

    def block_starts(self) -> list[int]:
        """Return the body-text offset at which each block begins."""
        starts, position = [], 0
        for block in self.blocks:
            starts.append(position)
            position += len(block.text) + len(PARAGRAPH_SEPARATOR)
        return starts


class _BlockCollector(HTMLParser):
    """Collect block texts with a source offset for every character."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        for index, char in enumerate(source):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.blocks: list[TextBlock] = []
        self.skip_depth = 0
        self.link_depth = 0
        # The open block: [tag, html_start, chars, starts, ends, in_link]
        self.current: tuple[str, int, list[str], list[int], list[int], list[bool]] | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _flush(self, html_end: int) -> None:
        if self.current is None:
            return
        _tag, html_start, chars, starts, ends, in_link = self.current
        self.current = None
        # Strip outer whitespace, keeping the per-character maps aligned.
        first, last = 0, len(chars)
        while first < last and chars[first].isspace():
            first += 1
        while last > first and chars[last - 1].isspace():
            last -= 1
        if first == last:
            return
        self.blocks.append(
            TextBlock(
                text="".join(chars[first:last]),
                html_start=html_start,
                html_end=html_end,
                char_starts=tuple(starts[first:last]),
                char_ends=tuple(ends[first:last]),
                links=_runs(in_link[first:last]),
            )
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        offset = self._offset()
        if tag in SKIPPED_TAGS and tag not in VOID_TAGS:
            self.skip_depth += 1
        if tag == "a":
            self.link_depth += 1
        if tag in BLOCK_TAGS:
            self._flush(offset)
            self.current = (tag, offset, [], [], [], [])
        elif tag == "br" and self.current is not None and not self.skip_depth:
            # A line break is a newline of the block's text; it maps to the tag itself.
            end = offset + len(self.get_starttag_text() or "")
            self._add("\n", offset, end)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        offset = self._offset()
        if tag in SKIPPED_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag == "a" and self.link_depth:
            self.link_depth -= 1
        if tag in BLOCK_TAGS and self.current is not None and self.current[0] == tag:
            end = self.source.find(">", offset)
            self._flush(end + 1 if end >= 0 else len(self.source))

    def _add(self, text: str, start: int, end: int) -> None:
        if self.current is None:
            return
        _tag, _html_start, chars, starts, ends, in_link = self.current
        chars.append(text)
        starts.append(start)
        ends.append(end)
        in_link.append(self.link_depth > 0)

    def handle_data(self, data: str) -> None:
        if self.current is None or self.skip_depth:
            return
        # Each character maps to itself in the source: added as a run (the body's text is
        # a few thousand characters, each one call of _add was a fifth of an analysis).
        offset = self._offset()
        _tag, _html_start, chars, starts, ends, in_link = self.current
        chars.extend(data)
        starts.extend(range(offset, offset + len(data)))
        ends.extend(range(offset + 1, offset + len(data) + 1))
        in_link.extend([self.link_depth > 0] * len(data))

    def _reference(self, raw: str) -> None:
        if self.current is None or self.skip_depth:
            return
        offset = self._offset()
        decoded = html.unescape(raw)
        for char in decoded:
            # Every character a reference decodes to maps to the whole reference.
            self._add(char, offset, offset + len(raw))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def close(self) -> None:
        super().close()
        self._flush(len(self.source))


def _runs(flags: list[bool]) -> tuple[tuple[int, int], ...]:
    """Return the [start, end) runs of True in ``flags``.

    >>> _runs([False, True, True, False, True])
    ((1, 3), (4, 5))
    """
    runs, start = [], None
    for index, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            runs.append((start, index))
            start = None
    return tuple(runs)


def extract_body(source: str) -> BodyText:
    """Extract the analysable block texts of an HTML fragment.

    >>> body = extract_body("<p>قال &quot;نعم&quot;</p>\\n<pre>x = 1</pre><p>Two</p>")
    >>> body.text
    'قال "نعم"\\n\\nTwo'
    """
    collector = _BlockCollector(source)
    collector.feed(source)
    collector.close()
    return BodyText(html=source, blocks=tuple(collector.blocks))


def _segments(block: TextBlock, start: int, end: int) -> list[tuple[int, int]]:
    """Split [start, end) of a block into runs with no markup between their characters."""
    runs: list[tuple[int, int]] = []
    run_start = start
    for index in range(start + 1, end):
        if block.char_starts[index] != block.char_ends[index - 1]:
            runs.append((run_start, index))
            run_start = index
    runs.append((run_start, end))
    return runs


def apply_wraps(body: BodyText, wraps: list[Wrap]) -> str:
    """Return the HTML with each wrap's markup around its text span.

    A span is split at element boundaries and at block boundaries, so the result nests.
    Where two wraps overlap without one containing the other, the later-starting one is
    dropped: markup must nest.

    >>> body = extract_body("<p>Mark <em>Rutte</em> said</p>")
    >>> apply_wraps(body, [Wrap(0, 10, "<b>", "</b>")])
    '<p><b>Mark </b><em><b>Rutte</b></em> said</p>'
    """
    starts = body.block_starts()
    accepted: list[Wrap] = []
    # Outer spans first, so an inner span can be checked against the ones that contain it.
    for wrap in sorted(wraps, key=lambda w: (w.start, -w.end)):
        if wrap.start >= wrap.end:
            continue
        if any(w.start < wrap.start < w.end < wrap.end for w in accepted):
            continue
        accepted.append(wrap)

    # (html offset, order, markup): at one offset closers come before openers; outer
    # openers before inner ones, inner closers before outer ones.
    insertions: list[tuple[int, int, int, str]] = []
    for rank, wrap in enumerate(accepted):
        open_tag = wrap.first_open_tag or wrap.open_tag
        for block_index, block in enumerate(body.blocks):
            block_start = starts[block_index]
            local_start = max(wrap.start - block_start, 0)
            local_end = min(wrap.end - block_start, len(block.text))
            if local_start >= local_end:
                continue
            for run_start, run_end in _segments(block, local_start, local_end):
                length = wrap.end - wrap.start
                insertions.append((block.char_starts[run_start], 1, -length * 10_000 + rank,
                                   open_tag))
                open_tag = wrap.open_tag
                insertions.append((block.char_ends[run_end - 1], 0, length * 10_000 - rank,
                                   wrap.close_tag))
    insertions.sort(key=lambda item: (item[0], item[1], item[2]))
    pieces, position = [], 0
    for offset, _kind, _order, markup in insertions:
        pieces.append(body.html[position:offset])
        pieces.append(markup)
        position = offset
    pieces.append(body.html[position:])
    return "".join(pieces)


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")


def _balanced(source: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """Widen ``source[start:end]`` (within ``[low, high)``) so it holds whole elements.

    A cut that ends inside a link must take the link's end tag too, or the page would keep
    a tag that closes nothing (or one that never closes).

    >>> html = "<p>a <a href='x'>b c</a></p>"
    >>> _balanced(html, 17, 24, 0, len(html))
    (5, 24)
    """
    for _ in range(8):
        opened: list[tuple[str, int]] = []
        widened = False
        for match in _TAG.finditer(source, start, end):
            closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
            if self_closing or name in VOID_TAGS:
                continue
            if not closing:
                opened.append((name, match.start()))
            elif opened and opened[-1][0] == name:
                opened.pop()
            else:  # closes an element opened before the cut: take its start tag too
                begin = source.rfind(f"<{name}", low, start)
                if begin >= 0:
                    start, widened = begin, True
                    break
        else:
            if opened:  # opened inside the cut, closed after it: take its end tag too
                name = opened[-1][0]
                close = source.find(f"</{name}", end, high)
                if close >= 0:
                    end = source.find(">", close) + 1
                    widened = True
        if not widened:
            break
    return start, end


def drop_text_ranges(body: BodyText, ranges: list[tuple[int, int]]) -> BodyText:
    """Return the body with the text ranges ``[start, end)`` cut out of its HTML.

    A range covering a whole block removes the block's element; a range inside a block
    (lines of a paragraph) cuts the HTML those characters came from, widened to whole
    inline elements. Ranges must not cross blocks.

    >>> body = extract_body("<p>One</p>\\n<p>Two\\nShare</p>\\n<p>Share</p>\\n")
    >>> drop_text_ranges(body, [(8, 14), (16, 21)]).html
    '<p>One</p>\\n<p>Two</p>\\n\\n'
    """
    if not ranges:
        return body
    starts = body.block_starts()
    cuts: list[tuple[int, int]] = []
    for start, end in ranges:
        for index, block in enumerate(body.blocks):
            local_start, local_end = start - starts[index], end - starts[index]
            if local_end <= 0 or local_start >= len(block.text):
                continue
            local_start, local_end = max(local_start, 0), min(local_end, len(block.text))
            if local_start == 0 and local_end == len(block.text):
                cuts.append((block.html_start, block.html_end))
            else:
                html_start = block.char_starts[local_start]
                html_end = block.char_ends[local_end - 1]
                cuts.append(_balanced(body.html, html_start, html_end, block.html_start,
                                      block.html_end))
    pieces, position = [], 0
    for start, end in sorted(cuts):
        pieces.append(body.html[position:max(start, position)])
        position = max(position, end)
    pieces.append(body.html[position:])
    return extract_body("".join(pieces))
