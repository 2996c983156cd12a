"""The published site (publishconf.py, SITEURL below a subpath): feeds, sitemap, robots,
canonical links, Open Graph, JSON-LD, .nojekyll, the search index, the bad-SITEURL stop
and the GitHub Pages workflow (actionlint)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from atomcheck import check_feed
from published import published_site, run_publish_build
from support import ROOT

pytestmark = pytest.mark.slow

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


class _Head(HTMLParser):
    """Canonical links, meta properties and JSON-LD scripts of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: list[str] = []
        self.meta: dict[str, list[str]] = {}
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and "canonical" in a.get("rel", "").split():
            self.canonical.append(a.get("href", ""))
        elif tag == "meta" and (a.get("property") or a.get("name")):
            self.meta.setdefault(a.get("property") or a["name"], []).append(a.get("content", ""))
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld[-1] += data


def _head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site() -> tuple[Path, str]:
    return published_site()


def _pages(output: Path) -> list[Path]:
    return [p for p in sorted(output.rglob("*.html")) if "pagefind" not in p.parts]


def _briefs(output: Path) -> list[Path]:
    return sorted((output / "briefs").glob("*.html"))


# ── Feeds ──────────────────────────────────────────────────────────────────────────────


def test_every_feed_is_valid_atom(site) -> None:
    output, _ = site
    feeds = sorted((output / "feeds").rglob("*.xml"))
    assert (output / "feeds" / "all.atom.xml") in feeds
    assert any(not p.name.isascii() for p in feeds), "expected a feed with an Arabic slug"
    problems = [problem for feed in feeds for problem in check_feed(feed)]
    assert not problems, "\n".join(problems[:20])


def test_atom_checker_rejects_raw_arabic_ids(tmp_path: Path) -> None:
    feed = tmp_path / "bad.xml"
    feed.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar"><id>http://x.org/</id>'
        "<title>t</title><updated>2024-11-14T10:00:00+00:00</updated><author><name>a</name>"
        "</author><entry><id>tag:x.org,2024-11-14:/وسم.html</id><title>t</title>"
        '<updated>2024-11-14 10:00</updated><link href="http://x.org/a"/></entry></feed>',
        encoding="utf-8")
    problems = check_feed(feed)
    assert any("not an ASCII URI" in p for p in problems)
    assert any("RFC 3339" in p for p in problems)


def test_feed_links_point_into_the_site(site) -> None:
    output, siteurl = site
    root = ET.parse(output / "feeds" / "all.atom.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    links = [link.get("href") for link in root.iter(atom + "link")]
    assert all(href.startswith(siteurl + "/") for href in links), links[:3]


# ── Sitemap, robots, .nojekyll ─────────────────────────────────────────────────────────


def test_sitemap_lists_every_page_once_with_translations(site) -> None:
    output, siteurl = site
    root = ET.parse(output / "sitemap.xml").getroot()
    urls = root.findall(SITEMAP + "url")
    locs = [url.findtext(SITEMAP + "loc") for url in urls]
    assert len(locs) == len(set(locs))
    assert all(loc.isascii() and loc.startswith(siteurl + "/") for loc in locs)
    assert f"{siteurl}/" in locs
    assert not any(loc.endswith(("/404.html", "/search.html")) for loc in locs)
    assert len(locs) == len(_pages(output)) - 2  # every page but 404 and search
    by_loc = {url.findtext(SITEMAP + "loc"): url for url in urls}
    pair = by_loc[f"{siteurl}/briefs/nato-china-north-korea.html"]
    alternates = {link.get("hreflang"): link.get("href")
                  for link in pair.findall(XHTML + "link")}
    assert alternates == {"ar": f"{siteurl}/briefs/nato-china-north-korea.html",
                          "en": f"{siteurl}/briefs/nato-china-north-korea.en.html"}
    assert ISO_WITH_OFFSET.match(pair.findtext(SITEMAP + "lastmod"))


def test_robots_points_at_the_sitemap(site) -> None:
    output, siteurl = site
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {siteurl}/sitemap.xml" in robots.splitlines()


def test_nojekyll_is_published(site) -> None:
    assert (site[0] / ".nojekyll").is_file()


# ── Head: canonical, Open Graph, JSON-LD ───────────────────────────────────────────────


def test_every_page_has_one_canonical_link_to_itself(site) -> None:
    output, siteurl = site
    for path in _pages(output):
        canonical = _head(path).canonical
        relative = path.relative_to(output).as_posix()
        expected = f"{siteurl}/{relative.removesuffix('index.html')}"
        assert canonical == [expected], f"{relative}: {canonical}"


def test_brief_open_graph_and_twitter(site) -> None:
    output, siteurl = site
    for path in _briefs(output):
        meta = _head(path).meta
        relative = path.relative_to(output).as_posix()
        assert meta["og:type"] == ["article"], relative
        assert meta["og:url"] == [f"{siteurl}/{relative}"]
        assert meta["og:title"][0] and meta["og:description"][0]
        assert re.match(r"^[a-z]{2}_[A-Z]{2}$", meta["og:locale"][0])
        assert ISO_WITH_OFFSET.match(meta["article:published_time"][0])
        assert meta.get("article:tag"), f"{relative}: no article:tag"
        assert meta["twitter:card"] == ["summary"]


def test_brief_jsonld_news_article(site) -> None:
    output, siteurl = site
    quotes = entities = 0
    for path in _briefs(output):
        relative = path.relative_to(output).as_posix()
        scripts = _head(path).jsonld
        assert len(scripts) == 1, relative
        assert "<" not in scripts[0]
        data = json.loads(scripts[0])
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert data["url"] == f"{siteurl}/{relative}"
        assert data["headline"]
        assert ISO_WITH_OFFSET.match(data["datePublished"]), data["datePublished"]
        assert data["dateline"]
        assert data["sourceOrganization"]["name"] and data["author"][0]["name"]
        assert data["publisher"]["url"] == f"{siteurl}/"
        for node in data.get("mentions", []):
            entities += 1
            assert node["@type"] in {"Person", "Organization", "Place", "Thing"}
            assert node["name"]
            assert node.get("url", siteurl).startswith(siteurl)
            if "sameAs" in node:
                assert re.match(r"^https://www\.wikidata\.org/wiki/Q\d+$", node["sameAs"])
        for node in data.get("hasPart", []):
            quotes += 1
            assert node["@type"] == "Quotation" and node["text"]
            if "spokenByCharacter" in node:
                # The speaker is the entity: a person or a body, linked to its page.
                assert node["spokenByCharacter"]["@type"] in {"Person", "Organization"}
                assert node["spokenByCharacter"]["name"]
                assert node["spokenByCharacter"]["url"].startswith("http")
    assert quotes > 0, "no key quote reached the JSON-LD"
    if entities == 0:
        pytest.fail("no entity reached the JSON-LD (article.brief.entities is empty)")


def test_other_pages_are_websites(site) -> None:
    output, _ = site
    meta = _head(output / "index.html").meta
    assert meta["og:type"] == ["website"]
    assert not _head(output / "index.html").jsonld


# ── Search index ───────────────────────────────────────────────────────────────────────


def test_search_index_has_every_brief(site) -> None:
    output, _ = site
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert entry["languages"]["ar"]["page_count"] == len(_briefs(output))
    assert (output / "search.html").is_file()


def test_pages_copied_from_the_page_cache_are_in_the_sitemap_as_written(
        tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "site" / "content", content)
    siteurl = "https://example.org/mujaz"

    def sitemap_of(output: str, **settings: object) -> str:
        result = run_publish_build(content, tmp_path / output, siteurl, BRIEFS_SEARCH=False,
                                   CACHE_PATH=str(tmp_path / "cache"), **settings)
        assert result.returncode == 0, result.stdout + result.stderr
        return (tmp_path / output / "sitemap.xml").read_text(encoding="utf-8")

    first = sitemap_of("first")
    assert sitemap_of("again") == first  # every page copied, its head as noted
    brief = content / "2024-11-21-markets.en.md"
    brief.write_text(brief.read_text(encoding="utf-8").replace(
        "Date: 2024-11-21", "Date: 2024-11-23", 1), encoding="utf-8")
    edited = sitemap_of("edited")
    assert edited != first and "2024-11-23" in edited
    assert edited == sitemap_of("uncached", BRIEFS_PAGE_CACHE=False)


# ── Bad input ──────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("siteurl", ["", "example.org/mujaz"])
def test_bad_siteurl_stops_the_build(tmp_path: Path, siteurl: str) -> None:
    result = run_publish_build(ROOT / "tests" / "site" / "content", tmp_path / "out", siteurl)
    assert result.returncode != 0
    log = " ".join((result.stdout + result.stderr).split())
    assert "SITEURL" in log and "publishconf.py" in log
    assert not (tmp_path / "out" / "index.html").exists()


# ── Workflow ───────────────────────────────────────────────────────────────────────────


def _actionlint() -> str:
    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    if not Path(found).exists():
        pytest.fail("actionlint is not installed (pip install -e '.[test]')")
    return found


def test_workflow_passes_actionlint() -> None:
    result = subprocess.run([_actionlint(), "-no-color", str(WORKFLOW)], capture_output=True,
                            text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_with_the_pages_base_url() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "-s publishconf.py" in text
    assert "SITEURL: ${{ steps.pages.outputs.base_url }}" in text
    for action in ("actions/configure-pages", "actions/upload-pages-artifact",
                   "actions/deploy-pages", "actions/checkout"):
        assert re.search(rf"uses: {action}@v\d+\.\d+\.\d+\b", text), f"{action} not pinned"
    assert "workflow_dispatch" in text and "branches: [main]" in text
