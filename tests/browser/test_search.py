"""Search in a real browser: the JS normaliser equals Python's, a reader's Arabic query
finds and opens the brief (RTL and LTR chrome), the page passes axe, and the hit rate of
eval/search_queries.json through the real Pagefind index stays at or above 0.95, also
when the index is cut into shards of four briefs merged by the page (every shard is
searched).

Uses the session fixtures of tests/conftest.py (``site_server``, ``site_server_en``) and
tests/browser/conftest.py (``browser``).
Without Chromium the tests are skipped locally, but fail when ``CI`` is set.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from briefs.publish.search import SearchJob, search_record
from htmlquery import select
from support import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CASES = json.loads((ROOT / "tests" / "cases" / "search_normalise.json").read_text("utf-8"))
HIT_RATE_FLOOR = 0.95


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: browser tests must run)")
    pytest.skip(reason)


def _eval_module() -> object:
    spec = importlib.util.spec_from_file_location("eval_search", ROOT / "eval" / "search.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def _wait_done(page: object) -> None:
    page.wait_for_function("() => document.documentElement.dataset.search === 'done'",
                           timeout=15000)


def test_js_normaliser_matches_the_shared_cases(page, site_server) -> None:
    page.goto(f"{site_server}/search.html")
    page.wait_for_function("() => globalThis.mujazSearch !== undefined")
    cases = [case for case in CASES if "query" in case]
    got = page.evaluate("inputs => inputs.map(q => globalThis.mujazSearch.queryText(q))",
                        [case["input"] for case in cases])
    mismatches = [f"{case['label']}: {case['input']!r} → {js!r}, expected {case['query']!r}"
                  for case, js in zip(cases, got, strict=True) if js != case["query"]]
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.parametrize(
    "case",
    # (server fixture, query as typed, a word of the brief's title, chrome direction)
    [("site_server", "والاتحاد الأوربي", "الأوروبي", "rtl"),
     ("site_server", "بكورسك", "كورسك", "rtl"),
     ("site_server_en", "بالصين", "الصين", "ltr"),
     ("site_server_en", "Indonesia", "Indonesia", "ltr")],
    ids=["ar-variant", "ar-clitic", "en-chrome-ar-query", "en-chrome-en-query"])
def test_reader_types_a_query_and_opens_the_brief(page, request, case) -> None:
    server, query, title_word, site_dir = case
    base = request.getfixturevalue(server)
    page.goto(f"{base}/")
    assert page.get_attribute("html", "dir") == site_dir
    box = page.get_by_role("searchbox").first
    box.fill(query)
    box.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    _wait_done(page)
    results = page.locator(".search-results a")
    assert results.count() > 0, page.locator(".search-status").inner_text()
    assert page.locator(".search-status").inner_text().strip()
    assert page.input_value("#search-q") == query
    link = results.filter(has_text=title_word).first
    title = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert "/briefs/" in page.url
    assert page.locator("h1.brief__title").inner_text().strip() == title.strip()


def test_no_result_says_so(page, site_server) -> None:
    page.goto(f"{site_server}/search.html?q={quote('زززززز')}")
    _wait_done(page)
    assert page.locator(".search-results li").count() == 0
    assert page.locator(".search-status").inner_text() == "لا يوجد موجز يطابق هذا البحث."


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_search_page_passes_axe(browser, site_server, color_scheme) -> None:
    try:
        import axe_playwright_python
    except ImportError:
        _missing("axe-playwright-python is not installed")
    axe = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")
    context = browser.new_context(viewport={"width": 375, "height": 900},
                                  color_scheme=color_scheme)
    page = context.new_page()
    try:
        page.goto(f"{site_server}/search.html?q={quote('الصين')}")
        _wait_done(page)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert scroll <= inner, f"horizontal scroll at 375 px: {scroll} > {inner}"
        page.evaluate(axe)
        results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    blocking = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
                for v in results["violations"] if v.get("impact") in {"serious", "critical"}]
    assert not blocking, "\n".join(blocking)


def _search_eval(browser, base: str) -> tuple[int, float, list[str]]:
    """Run eval/search.py's queries on the site at ``base``: (queries, hit rate, misses)."""
    module = _eval_module()
    page = browser.new_page()
    try:
        outcomes = module.evaluate(page, base, module.load_queries(), top=3)
    finally:
        page.close()
    misses = [f"{o.query!r}: expected {o.expect}, got {o.found[:3]}" for o in outcomes
              if not o.hit]
    return len(outcomes), module.hit_rate(outcomes), misses


def test_hit_rate_through_the_real_index(browser, site_server) -> None:
    count, rate, misses = _search_eval(browser, site_server)
    assert count >= 30
    assert rate >= HIT_RATE_FLOOR, f"hit rate {rate:.3f}:\n" + "\n".join(misses)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def sharded_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[tuple[str, SearchJob, dict[str, str]]]:
    """The demo site with its index made again in shards of four briefs, served.

    The records are made from the built site (its briefs API and each brief's body), so the
    search page, search.js and Pagefind are the build's own; only the index is sharded.
    """
    site = tmp_path_factory.mktemp("site-sharded") / "site"
    shutil.copytree(built_site, site)
    briefs = json.loads((site / "api" / "briefs.json").read_text("utf-8"))["briefs"]
    records = []
    for brief in briefs:
        html = (site / brief["url"]).read_text("utf-8")
        body = select(html, "div", class_="brief__body")[0].text
        records.append(search_record(url=brief["url"], title=brief["title"],
                                     lang=brief["lang"], date=brief["date"][:10], body=body,
                                     when=brief["date"]))
    with SearchJob(records, "ar", shard_size=4,
                   cache_dir=tmp_path_factory.mktemp("search-cache")) as job:
        job.start().finish(site)
    titles = {brief["url"]: brief["title"] for brief in briefs}
    yield from ((base, job, titles) for base in serve(functools.partial(
        _Quiet, directory=str(site))))


def test_every_shard_of_a_sharded_index_is_searched(page, sharded_site) -> None:
    base, job, titles = sharded_site
    assert len(job.shards) >= 3
    for shard in job.shards:
        for url in (shard.first, shard.last):
            page.goto(f"{base}/search.html?q={quote(titles[url])}")
            _wait_done(page)
            hrefs = page.eval_on_selector_all(
                ".search-results a", "links => links.map(a => a.getAttribute('href'))")
            assert f"/{url}" in hrefs, (shard, hrefs)


def test_hit_rate_through_a_sharded_index(browser, sharded_site) -> None:
    base, _job, _titles = sharded_site
    _count, rate, misses = _search_eval(browser, base)
    assert rate >= HIT_RATE_FLOOR, f"hit rate {rate:.3f}:\n" + "\n".join(misses)
