"""Authors' HTML made safe to publish: an allowlist fit for news copy, through ammonia (nh3).

Briefs are pasted from the web and published under the newsroom's name, so a body or a
summary may carry someone else's script. Every body and summary goes through
:func:`sanitise_html` once, when Pelican has read the file (see :mod:`briefs.pelican.intake`);
the templates can then mark them safe. The allowlist keeps what news copy uses (paragraphs,
headings, lists, quotations, tables, figures, links, emphasis, footnotes) and drops the rest:

- tags: scripts, styles, forms, frames, embedded objects and the page's own structure
  (``<article>``, ``<nav>``…) are gone; ``script``, ``style``, ``template``, ``iframe``,
  ``object``, ``noscript`` and ``textarea`` lose their content too, the others keep their text;
- attributes: no event handlers, no ``style`` (the Content-Security-Policy forbids inline
  styles), no classes but the footnotes' (so text cannot pose as the plugin's markup);
- URLs: ``http``, ``https``, ``mailto`` and relative ones only (Pelican's ``{filename}``
  and ``{static}`` links are relative);
- ids: prefixed with ``text-`` (and in-page ``#…`` links with them), as ammonia's
  ``id_prefix`` does, so an author's ``id="main"`` cannot clobber the theme's anchors.
"""

from __future__ import annotations

import functools

import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    "var", "wbr",
})
# Tags whose content is not text for a reader: dropped with the tag.
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "template", "iframe", "object", "noscript", "textarea", "select",
})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"lang", "dir", "title", "id"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "data": {"value"},
}
# Python-Markdown's footnotes (Pelican's default "extra" extension) keep their classes.
ALLOWED_CLASSES = {
    "a": {"footnote-ref", "footnote-backref"},
    "div": {"footnote"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
ID_PREFIX = "text-"


def _prefix_ids(tag: str, attribute: str, value: str) -> str | None:
    """Prefix author ids, and the in-page links that point at them, with ``ID_PREFIX``."""
    if attribute == "id":
        return ID_PREFIX + value if value else None
    if attribute == "href" and value.startswith("#") and len(value) > 1:
        return f"#{ID_PREFIX}{value[1:]}"
    return value


@functools.cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS), clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in ALLOWED_CLASSES.items()},
        url_schemes=set(URL_SCHEMES), attribute_filter=_prefix_ids, link_rel=None,
        strip_comments=True)


def sanitise_html(html: str) -> str:
    """Return ``html`` with only the allowlisted tags, attributes and URLs.

    >>> sanitise_html('<p onclick="x()">Hi <a href="javascript:alert(1)">there</a></p>'
    ...               '<script>alert(1)</script>')
    '<p>Hi <a>there</a></p>'
    >>> print(sanitise_html('<p id="main"><sup id="r1"><a class="footnote-ref" '
    ...                     'href="#n1">1</a></sup></p>'))
    <p id="text-main"><sup id="text-r1"><a class="footnote-ref" href="#text-n1">1</a></sup></p>
    >>> sanitise_html('<a href="{filename}/other.md" style="color:red">this</a>')
    '<a href="{filename}/other.md">this</a>'
    """
    return _cleaner().clean(html)
