"""Turn each article read by Pelican into a brief: clean its body and attach what was found.

Glue only: the text work is done by :mod:`briefs.analysis`, the markup by :mod:`briefs.render`.
Reads and writes ``article._content`` only, never ``article.content`` (memoised: an early
read would freeze the page's HTML; getpelican/pelican#1986).
"""

from __future__ import annotations

import logging

from pelican.contents import Article

from briefs.analysis.boilerplate import strip_trailing_boilerplate
from briefs.htmltext import apply_wraps, extract_body, keep_leading_blocks
from briefs.i18n import text_direction
from briefs.render import isolation_wraps
from briefs.settings import BriefsSettings

logger = logging.getLogger(__name__)


def prepare_brief(article: Article, settings: BriefsSettings) -> None:
    """Clean one article's body and write its presentation markup."""
    body = extract_body(article._content or "")
    kept, removed = strip_trailing_boilerplate(
        [block.text for block in body.blocks], settings.boilerplate_patterns
    )
    if removed:
        logger.debug("%s: removed trailing boilerplate %r", article.source_path, removed)
        body = keep_leading_blocks(body, kept)
    lang = getattr(article, "lang", None) or settings.site_lang
    direction = text_direction(lang)
    wraps = isolation_wraps(body) if settings.isolate_ltr and direction == "rtl" else []
    article._content = apply_wraps(body, wraps)
    article.direction = direction
    article.boilerplate = removed


def prepare_briefs(articles: list[Article], settings: BriefsSettings) -> None:
    """Prepare every article; one that fails is reported by file and left as it was."""
    for article in articles:
        try:
            prepare_brief(article, settings)
        except Exception:
            logger.exception("%s: could not be prepared as a brief; it is published as written",
                             article.source_path)
