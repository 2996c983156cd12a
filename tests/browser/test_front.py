"""The reader's side in a real browser: the front page, calm entity links, entity pages, quotes.

At 390 px (a phone) and 1366 px (a laptop), light and dark, in the Arabic (right-to-left)
and the English (left-to-right) chrome: no horizontal scroll, no overlapping sections, the
front page's sections present and in reading order, at most one link per entity in a brief,
axe-core without serious or critical violations. Screenshots of each page kind at both
widths go to ``test-artifacts/``.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from test_layout import BLOCKING_IMPACTS, _axe_script, _brief_url, _format

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
PHONE, LAPTOP = 390, 1366
SIDE_BY_SIDE_FROM = 960  # px: the front page's columns stand side by side (main.css)
FRONT_SECTIONS = (".front__stories", ".front__latest", ".front__news", ".front__quotes",
                  ".brief-index")
SITES = [("site_server", "ar", "rtl"), ("site_server_en", "en", "ltr")]
ENTITY = "entities/person-mark-rutte.html"
QUOTES = "quotes/index.html"


def _open(browser: object, url: str, width: int, color_scheme: str = "light") -> object:
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  color_scheme=color_scheme)
    page = context.new_page()
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    page.evaluate("document.fonts.ready.then(() => true)")
    return page


def _shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _no_horizontal_scroll(page: object) -> None:
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"horizontal scroll: scrollWidth {scroll} > innerWidth {inner}"


def _boxes(page: object, selectors: tuple[str, ...]) -> list[dict[str, float] | None]:
    return page.evaluate(
        """(selectors) => selectors.map((sel) => {
              const el = document.querySelector(sel);
              if (!el) return null;
              const r = el.getBoundingClientRect();
              return {left: r.left, right: r.right, top: r.top + scrollY,
                      bottom: r.bottom + scrollY};
           })""", list(selectors))


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1
            and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [PHONE, LAPTOP])
@pytest.mark.parametrize("site", SITES)
def test_front_page_sections_in_reading_order(browser, request, site, width,
                                              color_scheme) -> None:
    """Top stories, latest, in the news, quotes, then the archive: all there, none overlapping,
    one column on a phone; side by side on a laptop with the stories at the inline start."""
    fixture, lang, direction = site
    page = _open(browser, request.getfixturevalue(fixture) + "/", width, color_scheme)
    try:
        _shot(page, f"front-{lang}-{width}-{color_scheme}")
        assert page.evaluate("document.documentElement.dir") == direction
        _no_horizontal_scroll(page)
        boxes = _boxes(page, FRONT_SECTIONS)
        missing = [sel for sel, box in zip(FRONT_SECTIONS, boxes, strict=True) if box is None]
        assert not missing, f"front page sections missing: {missing}"
        # Document order is reading order (screen readers, keyboard, the phone layout).
        order = page.evaluate(
            """(selectors) => {
                 const els = selectors.map((sel) => document.querySelector(sel));
                 return els.slice(1).every((el, i) =>
                   els[i].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
               }""", list(FRONT_SECTIONS))
        assert order, "the front page's sections are not in reading order in the document"
        for i, first in enumerate(boxes):
            for second in boxes[i + 1:]:
                assert not _overlap(first, second), (first, second)
        stories, latest, news, quotes, archive = boxes
        if width < SIDE_BY_SIDE_FROM:
            for upper, lower in itertools.pairwise(boxes):
                assert upper["bottom"] <= lower["top"] + 1, (upper, lower)
        else:
            start_side = (stories["left"] >= latest["right"] if direction == "rtl"
                          else stories["right"] <= latest["left"])
            assert start_side, f"the stories are not at the inline start: {stories} {latest}"
            assert latest["bottom"] <= news["top"] + 1
            assert quotes["top"] >= max(stories["bottom"], news["bottom"]) - 1
            assert archive["top"] >= quotes["bottom"] - 1
        # Each story leads with a headline and summary; the names link to their pages.
        assert page.locator(".story").count() >= 1
        assert page.locator(".story").first.locator(".story__summary").count() == 1
        counts = page.locator(".news-list__count").all_inner_texts()
        assert counts and all(text.strip() for text in counts)
        assert page.locator(".front__quotes cite a").count() >= 1
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_brief_links_each_entity_once_and_links_are_visible(browser, built_site, site_server,
                                                                lang, width) -> None:
    """By default one link per entity a brief; a link is underlined (not colour alone), and
    hover and keyboard focus change how it looks."""
    page = _open(browser, _brief_url(built_site, site_server, lang), width)
    try:
        _shot(page, f"brief-{lang}-{width}")
        _no_horizontal_scroll(page)
        hrefs = page.eval_on_selector_all(".brief__body a.entity-link",
                                          "links => links.map((a) => a.getAttribute('href'))")
        assert hrefs, "the brief has no entity link"
        assert len(hrefs) == len(set(hrefs)), f"an entity is linked more than once: {hrefs}"
        link = page.locator(".brief__body a.entity-link").first
        style = "(a) => { const s = getComputedStyle(a); return [s.textDecorationLine, " \
                "s.textDecorationStyle, s.color, s.outlineStyle]; }"
        line, _style, colour, _outline = link.evaluate(style)
        assert "underline" in line, "an entity link is told from text by colour alone"
        page.keyboard.press("Tab")  # a keyboard user: focus is shown (:focus-visible)
        link.focus()
        assert link.evaluate("(a) => a.matches(':focus-visible')")
        focused = link.evaluate(style)
        assert focused[3] != "none", "no visible focus on an entity link"
        link.hover()
        hovered = link.evaluate(style)
        assert (hovered[0], hovered[1], hovered[2]) != (line, _style, colour), \
            "hovering an entity link changes nothing"
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
@pytest.mark.parametrize("site", SITES)
def test_entity_page_at_a_glance(browser, request, site, width) -> None:
    """Header, an accessible weekly chart with its table, companions, quotes, the briefs."""
    fixture, lang, _direction = site
    page = _open(browser, f"{request.getfixturevalue(fixture)}/{ENTITY}", width)
    try:
        _shot(page, f"entity-{lang}-{width}")
        _no_horizontal_scroll(page)
        chart = page.locator("svg.chart")
        assert chart.get_attribute("role") == "img"
        labelled = chart.get_attribute("aria-labelledby").split()
        texts = [page.locator(f"#{ident}").text_content().strip() for ident in labelled]
        assert all(texts), "the chart's title and description must not be empty"
        assert page.locator(".mention-chart__table td").count() >= 2
        bars = page.locator("svg.chart .chart__bar").count()
        rows = page.locator(".mention-chart__table tbody tr").count()
        assert bars == rows, "the chart and its table disagree"
        assert page.locator(".entity-page__wikidata a").get_attribute("href") == \
            "https://www.wikidata.org/wiki/Q57792"
        for selector in (".mention-chart", "#companions-title", "#said-title", "#briefs-title"):
            assert page.locator(selector).count() == 1, selector
        boxes = _boxes(page, (".entity-head", ".mention-chart", "#companions-title"))
        for upper, lower in itertools.pairwise(boxes):
            assert upper["bottom"] <= lower["top"] + 1, (upper, lower)
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
@pytest.mark.parametrize("site", SITES)
def test_quotes_page_filters_by_speaker(browser, request, site, width) -> None:
    """Every quote newest first; a speaker's link leads to a page of that speaker's quotes."""
    fixture, lang, _direction = site
    base = request.getfixturevalue(fixture)
    page = _open(browser, f"{base}/{QUOTES}", width)
    try:
        _shot(page, f"quotes-{lang}-{width}")
        _no_horizontal_scroll(page)
        dates = page.eval_on_selector_all(
            ".quote-list time", "ts => ts.map((t) => t.getAttribute('datetime'))")
        assert dates and dates == sorted(dates, reverse=True)
        total = page.locator(".quote-list > li").count()
        speaker = page.locator(".speaker-filter li a").nth(1)
        name = speaker.locator("bdi").text_content()
        speaker.click()
        page.wait_for_load_state()
        assert page.locator('.speaker-filter a[aria-current="page"] bdi').text_content() == name
        cites = page.locator(".quote-list cite").all_text_contents()
        assert cites and {cite.strip() for cite in cites} == {name}
        assert page.locator(".quote-list > li").count() < total
        _no_horizontal_scroll(page)
    finally:
        page.context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("which", ["front-en", "quotes", "quotes-speaker", "entity-en"])
def test_axe_reader_pages(browser, site_server, site_server_en, which, color_scheme) -> None:
    """axe-core: no serious or critical violation on the reader's pages (test_layout.py runs
    the Arabic home page, briefs and entity page the same way)."""
    url = {
        "front-en": f"{site_server_en}/",
        "quotes": f"{site_server}/{QUOTES}",
        "quotes-speaker": f"{site_server}/quotes/person-mark-rutte.html",
        "entity-en": f"{site_server_en}/{ENTITY}",
    }[which]
    page = _open(browser, url, LAPTOP, color_scheme)
    try:
        page.evaluate(_axe_script())
        results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    finally:
        page.context.close()
    blocking = [v for v in results["violations"] if v.get("impact") in BLOCKING_IMPACTS]
    assert not blocking, f"axe violations on {url} ({color_scheme}):\n{_format(blocking)}"
