"""A site in the spirit of Pelican's sample site builds with the project's settings.

tests/pelicansite/content has what an existing Pelican site has beside briefs: Markdown and
reStructuredText articles, a draft, an article and its translation, pages (a hidden one, a
translated one), an image in ``images/`` linked with ``{static}``, and a ``{filename}`` link.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from htmlquery import Element, parse, select
from support import build_site

pytestmark = pytest.mark.slow

CONTENT = Path(__file__).resolve().parent / "pelicansite" / "content"
RST_TITLE = "Storm closes the port & talks resume"


@pytest.fixture(scope="module")
def pelican_site(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess]:
    """The Pelican-style fixture site, built with pelicanconf.py (and ``--fatal errors``)."""
    output = tmp_path_factory.mktemp("pelican-site")
    return output, build_site(CONTENT, output)


def page(output: Path, relative: str) -> str:
    return (output / relative).read_text(encoding="utf-8")


def resolve(output: Path, from_page: str, link: str) -> Path:
    """Return the file a relative link on ``from_page`` points to (no query or fragment)."""
    return ((output / from_page).parent / unquote(urlsplit(link).path)).resolve()


def links(html: str) -> list[str]:
    """Every href and src of a page."""
    return [element.attrs[name] for element in parse(html) for name in ("href", "src")
            if name in element.attrs]


def descendants(element: Element) -> Iterator[Element]:
    for child in element.children:
        yield child
        yield from descendants(child)


def menu(html: str) -> list[tuple[str, str]]:
    """The text and href of every link in the site's main menu."""
    (nav,) = select(html, "nav", class_="site-nav")
    return [(a.text, a.attrs["href"]) for a in descendants(nav) if a.tag == "a"]


def test_the_site_builds_without_errors(pelican_site) -> None:
    output, result = pelican_site
    assert result.returncode == 0
    assert "Processed 4 articles, 1 draft, 0 hidden articles, 2 pages, 1 hidden page" in (
        " ".join(result.stdout.split()))
    assert (output / "index.html").is_file()


def test_a_draft_is_written_under_drafts_and_listed_nowhere(pelican_site) -> None:
    output, _ = pelican_site
    (title,) = select(page(output, "drafts/draft-budget-en.html"), "h1")
    assert title.text == "Harbour budget, still a draft"
    for listing in ["index.html", "archives.html", "tags.html"]:
        assert "draft-budget" not in page(output, listing), listing
    assert not list(output.glob("briefs/draft-budget*"))


def test_pages_and_the_hidden_page_are_written_but_only_pages_are_in_the_menu(
        pelican_site) -> None:
    output, _ = pelican_site
    (about,) = select(page(output, "pages/about.html"), "h1")
    assert about.text == "عن الموقع"
    (hidden,) = select(page(output, "pages/corrections-en.html"), "h1")
    assert hidden.text == "Corrections log"
    links = menu(page(output, "index.html"))
    assert ("عن الموقع", "./pages/about.html") in links
    assert all("corrections" not in href for _, href in links)


@pytest.mark.parametrize(("original", "translation"), [
    ("briefs/market-day.html", "briefs/market-day.en.html"),
    ("pages/about.html", "pages/about-en.html"),
])
def test_an_article_or_page_and_its_translation_link_to_each_other(
        pelican_site, original: str, translation: str) -> None:
    output, _ = pelican_site
    for here, there in [(original, translation), (translation, original)]:
        targets = [resolve(output, here, a.attrs["href"]) for a in select(page(output, here), "a")
                   if "hreflang" in a.attrs]
        assert (output / there).resolve() in targets, f"{here} does not link to {there}"


def test_an_rst_title_shows_as_its_text(pelican_site) -> None:
    """Docutils gives the title as HTML (``<em>``, ``&amp;``); readers see its text once."""
    output, _ = pelican_site
    brief = page(output, "briefs/storm-and-talks.en.html")
    (heading,) = select(brief, "h1")
    assert heading.text == RST_TITLE
    (title,) = select(brief, "title")
    assert title.text.startswith(f"{RST_TITLE} · ")
    teasers = [a.text for a in select(page(output, "index.html"), "a", rel="bookmark")]
    assert RST_TITLE in teasers


def test_an_rst_title_is_plain_text_in_the_briefs_api(pelican_site) -> None:
    output, _ = pelican_site
    briefs = json.loads(page(output, "api/briefs.json"))["briefs"]
    assert RST_TITLE in [brief["title"] for brief in briefs]


def test_the_briefs_api_lists_translations_too(pelican_site) -> None:
    output, _ = pelican_site
    briefs = json.loads(page(output, "api/briefs.json"))["briefs"]
    assert {"briefs/market-day.html", "briefs/market-day.en.html"} <= {b["url"] for b in briefs}


def test_a_static_image_is_copied_and_its_link_resolves(pelican_site) -> None:
    output, _ = pelican_site
    (image,) = select(page(output, "briefs/harbour-reopens.en.html"), "img")
    target = resolve(output, "briefs/harbour-reopens.en.html", image.attrs["src"])
    assert target == (output / "images" / "quay-marker.png").resolve()
    assert target.read_bytes() == (CONTENT / "images" / "quay-marker.png").read_bytes()


def test_a_filename_link_resolves_to_the_written_article(pelican_site) -> None:
    output, _ = pelican_site
    (link,) = [a for a in select(page(output, "briefs/harbour-reopens.en.html"), "a")
               if a.text == "read the storm report"]
    target = resolve(output, "briefs/harbour-reopens.en.html", link.attrs["href"])
    assert target == (output / "briefs" / "storm-and-talks.en.html").resolve()


def test_every_local_link_on_every_page_resolves(pelican_site) -> None:
    output, _ = pelican_site
    broken = []
    for html_file in output.rglob("*.html"):
        relative = str(html_file.relative_to(output))
        for link in links(html_file.read_text(encoding="utf-8")):
            if urlsplit(link).scheme or link.startswith(("#", "//")):
                continue
            target = resolve(output, relative, link)
            if target.is_dir():
                target /= "index.html"
            if not target.is_file():
                broken.append(f"{relative} -> {link}")
    assert not broken
