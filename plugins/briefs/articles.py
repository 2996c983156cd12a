"""Turn each article read by Pelican into a brief: analyse its body and attach what was found.

Glue only: the text work is done by :mod:`briefs.analysis`, the markup by :mod:`briefs.render`.
Reads and writes ``article._content`` only, never ``article.content`` (memoised: an early
read would freeze the page's HTML; getpelican/pelican#1986).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from pelican.contents import Article

from briefs.analysis.boilerplate import strip_trailing_boilerplate
from briefs.analysis.model import Dateline, Document, Span
from briefs.analysis.pipeline import analyse
from briefs.htmltext import BodyText, apply_wraps, extract_body, keep_leading_blocks
from briefs.i18n import text_direction
from briefs.render import isolation_wraps, key_quote_wraps
from briefs.settings import BriefsSettings

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class KeyQuote:
    """A quote shown in the sidebar, linked to its place in the body and back."""

    number: int
    text: str
    speaker: str | None
    cue: str | None
    lang: str
    direction: str
    anchor: str  # id of the quote in the body
    backref: str  # id of the quote's figure in the sidebar
    parts: tuple[Span, ...]  # where the quote stands in the body text, one span a paragraph


@dataclass(frozen=True, slots=True)
class Brief:
    """What the templates show beside a brief's body."""

    lang: str
    direction: str
    dateline: Dateline | None
    boilerplate: tuple[str, ...]
    key_quotes: tuple[KeyQuote, ...]
    document: Document | None  # the whole analysis; None when the analysis failed


def key_quotes_of(document: Document) -> tuple[KeyQuote, ...]:
    """Number the document's key quotes in reading order; give each its body and sidebar ids."""
    direction = text_direction(document.lang)
    in_reading_order = sorted(document.key_quotes, key=lambda quote: quote.start)
    return tuple(
        KeyQuote(number=number, text=quote.text, speaker=quote.speaker, cue=quote.cue,
                 lang=document.lang, direction=direction, anchor=f"quote-{number}",
                 backref=f"key-quote-{number}", parts=quote.parts)
        for number, quote in enumerate(in_reading_order, start=1)
    )


def analyse_brief(article: Article, settings: BriefsSettings) -> tuple[BodyText, Brief]:
    """Analyse one article; return its body without boilerplate and the brief's data."""
    body = extract_body(article._content or "")
    lang = getattr(article, "lang", None) or settings.site_lang
    document = analyse(body.text, lang=lang, title=str(getattr(article, "title", "")),
                       config=settings.analysis)
    if document.boilerplate:
        body = keep_leading_blocks(body, len(document.paragraphs))
    if body.text != document.text:
        # Offsets would point at the wrong words: keep the analysis, write no markup from it.
        logger.warning("%s: the analysed text differs from the page body; quotes are not "
                       "marked in the text", article.source_path)
        document = Document(text=body.text, lang=lang, direction=text_direction(lang),
                            title=document.title, boilerplate=document.boilerplate)
    if not document.text:
        what = "only boilerplate" if document.boilerplate else "empty"
        logger.warning("%s: the body is %s; the brief has no text", article.source_path, what)
    brief = Brief(lang=lang, direction=document.direction, dateline=document.dateline,
                  boilerplate=document.boilerplate, key_quotes=key_quotes_of(document),
                  document=document)
    return body, brief


def fallback_brief(article: Article, settings: BriefsSettings) -> tuple[BodyText, Brief]:
    """Without analysis: still drop trailing boilerplate, so a failure never shows it."""
    body = extract_body(article._content or "")
    kept, removed = strip_trailing_boilerplate(
        [block.text for block in body.blocks], settings.boilerplate_patterns)
    lang = getattr(article, "lang", None) or settings.site_lang
    brief = Brief(lang=lang, direction=text_direction(lang), dateline=None,
                  boilerplate=tuple(removed), key_quotes=(), document=None)
    return keep_leading_blocks(body, kept), brief


def prepare_brief(article: Article, settings: BriefsSettings) -> None:
    """Analyse one article and write its markup; a failing analysis is reported by file."""
    try:
        body, brief = analyse_brief(article, settings)
    except Exception:  # any analysis bug: publish the brief, report the file
        logger.exception("%s: the analysis failed; the brief is published without quotes",
                         article.source_path)
        body, brief = fallback_brief(article, settings)
    wraps = []
    if settings.isolate_ltr and brief.direction == "rtl":
        wraps += isolation_wraps(body)
    wraps += key_quote_wraps(brief.key_quotes)
    article._content = apply_wraps(body, wraps)
    article.brief = brief


def prepare_briefs(articles: list[Article], settings: BriefsSettings) -> None:
    """Prepare every article; one that fails is reported by file and published as written."""
    for article in articles:
        try:
            prepare_brief(article, settings)
        except Exception:  # one bad article must not stop the site
            logger.exception("%s: could not be prepared as a brief; it is published as written",
                             article.source_path)
