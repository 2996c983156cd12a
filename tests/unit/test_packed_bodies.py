"""A brief's marked-up body is kept packed between its markup and its pages."""

from __future__ import annotations

from pelican.contents import Article, Content
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import SafeDatetime

from briefs.pelican.bodies import keep_packed, pack


def _article(html: str) -> Article:
    settings = {**DEFAULT_CONFIG, "ARTICLE_URL": "briefs/{slug}.html",
                "ARTICLE_SAVE_AS": "briefs/{slug}.html"}
    return Article(html, metadata={"title": "روتي", "slug": "rutte",
                                           "date": SafeDatetime(2024, 11, 14)},
                   settings=settings, context={"localsiteurl": ""})


def test_a_packed_body_reads_as_written_and_is_not_kept_unpacked() -> None:
    html = "<p>وقال <a href=\"https://example.org/x.html\">روتي</a> إن «…»</p>" * 50
    article = _article("<p>unmarked</p>")
    keep_packed(article, pack(html))
    assert article.content == html and article.get_content("") == html
    assert "_content" not in vars(article)  # only the packed bytes are kept
    assert len(article._packed) < len(html.encode()) / 4
    # the class keeps its name, by which Pelican reads ARTICLE_URL
    assert type(article).__name__ == "Article" and isinstance(article, Article)
    assert article.url == "briefs/rutte.html"
    # written again (as the markup step does), the body is packed again
    article._content = "<p>new</p>"
    assert article.content == "<p>new</p>" and "_content" not in vars(article)
    # Pelican memoises get_content for every article; a packed one is read anew each time
    memo = Content.__dict__["get_content"].cache
    assert not [key for key in memo if key and key[0] is article]
