"""The theme in a real browser: sidebar side per direction, no horizontal scroll, axe-core.

Uses the session fixtures of tests/conftest.py: ``built_site`` / ``site_server`` (the demo
site, Arabic chrome) and ``built_site_en`` / ``site_server_en`` (the same content with
``DEFAULT_LANG = 'en'``). Screenshots go to ``test-artifacts/`` at the repository root.

Without Chromium the tests are skipped locally, but fail when ``CI`` is set (the
``browser`` fixture is in tests/browser/conftest.py, shared with test_search.py).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
WIDE, NARROW = 1280, 375
SIDEBAR_FROM = 960  # px: the sidebar sits beside the article from this width (main.css)
BLOCKING_IMPACTS = {"serious", "critical"}
BRIEF_ARTICLE = re.compile(r'<article class="brief" lang="([^"]+)" dir="([^"]+)"')


def _missing(reason: str) -> None:
    """Skip on a developer machine, fail in CI: CI must never skip the browser tests."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: browser tests must run)")
    pytest.skip(reason)


def _open(browser: object, url: str, width: int, *, color_scheme: str = "light") -> object:
    """Open ``url`` in a new page of the given width, fonts loaded."""
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=color_scheme
    )
    page = context.new_page()
    response = page.goto(url)
    assert response is not None
    assert response.ok, f"{url}: HTTP {response.status}"
    page.evaluate("document.fonts.ready.then(() => true)")
    return page


def _close(page: object) -> None:
    page.context.close()


def _shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _briefs(site: Path) -> dict[str, str]:
    """Map a brief's language to the URL path of its first page (sorted), from the output."""
    found: dict[str, str] = {}
    for path in sorted(site.rglob("*.html")):
        match = BRIEF_ARTICLE.search(path.read_text(encoding="utf-8"))
        if match and match.group(1) not in found:
            found[match.group(1)] = path.relative_to(site).as_posix()
    return found


def _brief_url(site: Path, base: str, lang: str) -> str:
    briefs = _briefs(site)
    if lang not in briefs:
        pytest.fail(f"the demo site has no brief with lang={lang!r} (found {sorted(briefs)})")
    return f"{base}/{briefs[lang]}"


def _boxes(page: object) -> dict[str, dict[str, float]]:
    """Bounding boxes of the brief <article>, its body text and the <aside>."""
    boxes = page.evaluate(
        """() => Object.fromEntries([
              ['article', '.brief-layout > article'],
              ['text', '.brief-layout > article .brief__body'],
              ['aside', '.brief-layout > aside'],
           ].map(([key, sel]) => {
              const el = document.querySelector(sel);
              if (!el) return [key, null];
              const r = el.getBoundingClientRect();
              return [key, {left: r.left, right: r.right, top: r.top + scrollY,
                            bottom: r.bottom + scrollY, width: r.width}];
           }))"""
    )
    missing = [key for key, box in boxes.items() if box is None]
    assert not missing, f"missing elements: {missing}"
    return boxes


# ── Sidebar side at 1280 px ────────────────────────────────────────────────────────────


def test_rtl_brief_has_sidebar_on_the_left(browser, built_site, site_server) -> None:
    """An Arabic brief in the Arabic site: the aside is left of the article column."""
    page = _open(browser, _brief_url(built_site, site_server, "ar"), WIDE)
    try:
        _shot(page, f"brief-ar-{WIDE}")
        assert page.evaluate("document.documentElement.dir") == "rtl"
        boxes = _boxes(page)
        assert boxes["aside"]["right"] <= boxes["article"]["left"], boxes
        assert boxes["aside"]["top"] < boxes["article"]["bottom"], "aside is not beside the article"
    finally:
        _close(page)


def test_ltr_brief_in_ltr_site_has_sidebar_on_the_right(
    browser, built_site_en, site_server_en
) -> None:
    """An English brief in the English site: the aside is right of the article column."""
    page = _open(browser, _brief_url(built_site_en, site_server_en, "en"), WIDE)
    try:
        _shot(page, f"brief-en-site-en-{WIDE}")
        assert page.evaluate("document.documentElement.dir") == "ltr"
        boxes = _boxes(page)
        assert boxes["aside"]["left"] >= boxes["article"]["right"], boxes
        assert boxes["aside"]["top"] < boxes["article"]["bottom"], "aside is not beside the article"
    finally:
        _close(page)


def test_ltr_brief_in_rtl_site_follows_the_brief(browser, built_site, site_server) -> None:
    """An English brief inside the Arabic site renders LTR, sidebar on its right."""
    page = _open(browser, _brief_url(built_site, site_server, "en"), WIDE)
    try:
        _shot(page, f"brief-en-{WIDE}")
        assert page.evaluate("document.documentElement.dir") == "rtl"
        direction = page.evaluate(
            "getComputedStyle(document.querySelector('.brief-layout > article')).direction"
        )
        assert direction == "ltr"
        boxes = _boxes(page)
        assert boxes["aside"]["left"] >= boxes["article"]["right"], boxes
    finally:
        _close(page)


# ── Narrow screens: no horizontal scroll, sidebar below the text ──────────────────────


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_narrow_brief_stacks_and_does_not_scroll(browser, built_site, site_server, lang) -> None:
    page = _open(browser, _brief_url(built_site, site_server, lang), NARROW)
    try:
        _shot(page, f"brief-{lang}-{NARROW}")
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"horizontal scroll: scrollWidth {scroll} > innerWidth {inner}"
        boxes = _boxes(page)
        assert boxes["aside"]["top"] >= boxes["text"]["bottom"], boxes
    finally:
        _close(page)


@pytest.mark.parametrize(("fixture", "name"), [("site_server", "ar"), ("site_server_en", "en")])
@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_home_page_fits(browser, request, fixture, name, width) -> None:
    page = _open(browser, request.getfixturevalue(fixture) + "/", width)
    try:
        _shot(page, f"home-{name}-{width}")
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"horizontal scroll: scrollWidth {scroll} > innerWidth {inner}"
        assert page.locator("ol.teaser-list > li").count() > 0
    finally:
        _close(page)


# ── axe-core ───────────────────────────────────────────────────────────────────────────


def _axe_script() -> str:
    try:
        import axe_playwright_python
    except ImportError:
        _missing("axe-playwright-python is not installed")
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def _format(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.extend(
            f"    {node['target']}: {node.get('failureSummary', '')!r}"
            for node in violation["nodes"][:5]
        )
    return "\n".join(lines)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("which", ["home", "brief-ar", "brief-en", "404", "entity", "entities",
                                   "people", "tags", "archives", "search"])
def test_axe_no_serious_violations(browser, built_site, site_server, which, color_scheme) -> None:
    """axe-core finds no serious or critical violation (contrast included) in either scheme."""
    url = {
        "home": f"{site_server}/",
        "404": f"{site_server}/404.html",
        "entity": f"{site_server}/entities/person-mark-rutte.html",
        "entities": f"{site_server}/entities/index.html",
        "people": f"{site_server}/entities/person.html",
        "tags": f"{site_server}/tags.html",
        "archives": f"{site_server}/archives.html",
        "search": f"{site_server}/search.html",
    }.get(which) or _brief_url(built_site, site_server, which.removeprefix("brief-"))
    page = _open(browser, url, WIDE, color_scheme=color_scheme)
    try:
        page.evaluate(_axe_script())
        results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    finally:
        _close(page)
    blocking = [v for v in results["violations"] if v.get("impact") in BLOCKING_IMPACTS]
    others = [v for v in results["violations"] if v.get("impact") not in BLOCKING_IMPACTS]
    if others:
        print(f"axe (minor/moderate) on {url}:\n{_format(others)}")
    assert not blocking, f"axe violations on {url} ({color_scheme}):\n{_format(blocking)}"
