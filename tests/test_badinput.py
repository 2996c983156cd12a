"""The bad-input corpus (tests/badinput/): hostile and broken briefs and editor files.

Each case and what must happen to it is written in tests/badinput/cases.yml. The briefs that
should build are built side by side, once for development (pelicanconf.py) and once for
publishing (publishconf.py: feeds, sitemap, absolute URLs); the refused files are built
together beside one good brief; each build that must stop is built on its own, into an
output folder holding an old site. Every build is checked for what a newsroom relies on:
nothing an author wrote runs in a reader's browser, what the editor typed is what the reader
sees, a bad file is named with its problem while the rest of the site is built, nothing is
written outside the output folder and no content file is changed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from atomcheck import ATOM, check_feed
from htmlquery import Element, parse, select
from published import run_publish_build
from support import build_site, file_hashes

pytestmark = pytest.mark.slow

BADINPUT = Path(__file__).resolve().parent / "badinput"
CASES: list[dict] = yaml.safe_load((BADINPUT / "cases.yml").read_text(encoding="utf-8"))["cases"]
BY_NAME = {case["case"]: case for case in CASES}
SITEURL = "https://example.org/mujaz"
SITENAME = "موجز"
# A small limit keeps the huge-paragraph case quick; every other brief is far shorter.
MAX_CHARS = 2000
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# ── The builds ─────────────────────────────────────────────────────────────────────────


@dataclass
class Build:
    """One build of part of the corpus: its folders, its result, and what surrounded it."""

    root: Path
    result: subprocess.CompletedProcess
    content_before: dict[str, str]
    around_before: set[str]
    old_site: dict[str, str]

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def output(self) -> Path:
        return self.root / "output"

    @property
    def log(self) -> str:
        return self.result.stdout + self.result.stderr


def around_output(root: Path) -> set[str]:
    """Every path under ``root`` but the output and cache folders and what they hold."""
    return {str(path.relative_to(root)) for path in root.rglob("*")
            if path.relative_to(root).parts[0] not in {"output", "cache"}}


def run_build(root: Path, sources: list[Path],
              builder: Callable[..., subprocess.CompletedProcess], *, old_site: bool = False,
              **settings: object) -> Build:
    """Copy ``sources`` into ``root/content`` and build them into ``root/output``."""
    content, output = root / "content", root / "output"
    content.mkdir(parents=True)
    for source in sources:
        if source.is_dir():
            shutil.copytree(source, content, dirs_exist_ok=True)
        else:
            shutil.copy2(source, content)
    if old_site:  # a site published before, which a stopped build must leave alone
        (output / "briefs").mkdir(parents=True)
        (output / "index.html").write_text("<!doctype html><title>old site</title>",
                                           encoding="utf-8")
        (output / "briefs" / "old-brief.html").write_text("old brief", encoding="utf-8")
        (output / "sentinel.txt").write_text("kept", encoding="utf-8")
    before, around, old = file_hashes(content), around_output(root), file_hashes(output)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COLUMNS", "400")  # log records on one line each where they fit
        result = builder(content, output, CACHE_PATH=str(root / "cache"), **settings)
    return Build(root, result, before, around, old)


def publish(content: Path, output: Path, **settings: object) -> subprocess.CompletedProcess:
    return run_publish_build(content, output, SITEURL, **settings)


def unchecked(content: Path, output: Path, **settings: object) -> subprocess.CompletedProcess:
    """Build without --fatal and without failing the test on a non-zero exit."""
    return build_site(content, output, fatal=False, check=False, **settings)


@pytest.fixture(scope="module")
def site_dev(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return run_build(tmp_path_factory.mktemp("badinput-dev"), [BADINPUT / "site"], build_site,
                     BRIEFS_MAX_ANALYSED_CHARS=MAX_CHARS)


@pytest.fixture(scope="module")
def site_pub(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = run_build(tmp_path_factory.mktemp("badinput-pub"), [BADINPUT / "site"], publish,
                      BRIEFS_MAX_ANALYSED_CHARS=MAX_CHARS)
    assert build.result.returncode == 0, build.log
    return build


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return run_build(tmp_path_factory.mktemp("badinput-refused"), [BADINPUT / "refused"],
                     unchecked)


@pytest.fixture(scope="module", params=["dev", "pub"])
def site(request: pytest.FixtureRequest) -> Build:
    return request.getfixturevalue(f"site_{request.param}")


@pytest.fixture(scope="module", params=["dev", "pub", "refused"])
def any_build(request: pytest.FixtureRequest) -> Build:
    name = request.param if request.param == "refused" else f"site_{request.param}"
    return request.getfixturevalue(name)


# ── Reading what was written ───────────────────────────────────────────────────────────


def cases(build: str) -> list[pytest.param]:
    return [pytest.param(case, id=case["case"]) for case in CASES if case["build"] == build]


def page(build: Build, case: dict) -> str:
    path = build.output / case["page"]
    assert path.is_file(), f"{case['page']} not written for {case['case']}"
    return path.read_text(encoding="utf-8")


def descendants(element: Element) -> Iterator[Element]:
    for child in element.children:
        yield child
        yield from descendants(child)


def link_text(link: Element) -> str:
    """The text of an author's link, without the quote-number markers the plugin put in it."""
    text = link.text
    for marker in descendants(link):
        if "quote-ref" in marker.attrs.get("class", "").split():
            text = text.replace(marker.text, "", 1)
    return text


def main_text(html: str) -> str:
    (main,) = select(html, "main")
    return main.text


def squashed(text: str) -> str:
    """Text without any white space, case-folded: log lines may be wrapped anywhere."""
    return "".join(text.split()).casefold()


LOG_RECORD = re.compile(r"^(?:\[\d\d:\d\d:\d\d\])?\s*(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\s")


def log_records(log: str) -> list[str]:
    """The records of a Pelican log (a record's continuation lines belong to it)."""
    records: list[str] = []
    for line in log.splitlines():
        if LOG_RECORD.match(line) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line
    return records


def assert_named(log: str, file_name: str, words: list[str]) -> None:
    """One log record names ``file_name`` and holds every one of ``words``."""
    needles = [squashed(file_name), *(squashed(word) for word in words)]
    assert any(all(needle in squashed(record) for needle in needles)
               for record in log_records(log)), (
        f"no log record names {file_name} with {words}:\n{log[-4000:]}")


def written(output: Path) -> list[Path]:
    """Every page and XML file a reader or feed reader can open."""
    return [path for path in sorted(output.rglob("*"))
            if path.suffix in {".html", ".xml"} and "pagefind" not in path.parts]


def teasers_of(output: Path, url_path: str) -> list[Element]:
    """The teasers, on every listing page, that link to the page at ``url_path``."""
    found = []
    for path in output.rglob("*.html"):
        for teaser in select(path.read_text(encoding="utf-8"), "article", class_="teaser"):
            if any(a.tag == "a" and a.attrs.get("href", "").endswith(url_path)
                   for a in descendants(teaser)):
                found.append(teaser)
    return found


def feed_entry(output: Path, url: str) -> ET.Element:
    root = ET.parse(output / "feeds" / "all.atom.xml").getroot()
    for entry in root.iter(ATOM + "entry"):
        if any(link.get("href") == url for link in entry.iter(ATOM + "link")):
            return entry
    raise AssertionError(f"no entry for {url} in feeds/all.atom.xml")


# ── What no written page or feed may hold ──────────────────────────────────────────────

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "cite", "poster",
                            "background", "srcset", "xlink:href", "ping", "longdesc"})
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
NEVER_AN_AUTHORS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet",
                              "style", "base", "svg", "math", "textarea", "select", "template",
                              "portal"})
JSON_TYPES = frozenset({"application/ld+json", "application/json"})
OWN_HOSTS = frozenset({"", urlsplit(SITEURL).netloc})
CSP = "content-security-policy"


def own_asset(url: str, folder: str) -> bool:
    """True for a URL of the theme's own ``folder`` (js, css) on this site."""
    parts = urlsplit(url)
    return parts.netloc in OWN_HOSTS and f"theme/{folder}/" in parts.path


def bare_url(value: str) -> str:
    """The URL as a browser reads its scheme: controls and white space ignored, lower case."""
    return "".join(char for char in value if char > " ").lower()


def unsafe_attribute(name: str, value: str) -> bool:
    """An event handler, an inline style, or a URL that runs script or leaves for evil.example."""
    if name.startswith("on") or name == "style":
        return True
    url = bare_url(value)
    return name in URL_ATTRIBUTES and (url.startswith(UNSAFE_SCHEMES) or "evil.example" in url
                                       or (name == "srcset" and "javascript:" in url))


def attribute_hazards(element: Element) -> list[str]:
    return [f"<{element.tag} {name}={value!r}>" for name, value in element.attrs.items()
            if unsafe_attribute(name, value)]


def script_hazards(element: Element) -> list[str]:
    """A script that is neither the theme's file nor JSON data (that stays JSON)."""
    attrs = element.attrs
    if "src" in attrs:
        return [] if own_asset(attrs["src"], "js") else [f"<script src={attrs['src']!r}>"]
    if attrs.get("type") in JSON_TYPES:
        try:
            json.loads(element.text)
        except ValueError:
            return [f"<script type={attrs['type']}> that is not JSON: {element.text[:80]!r}"]
        return []
    return [f"inline <script>: {element.text[:80]!r}"]


def theme_chart(element: Element) -> bool:
    """The theme's weekly chart on an entity page (briefs.markup.chart): drawn by the build
    from counts, never from an author's markup (the sanitiser drops an author's <svg>)."""
    return element.tag == "svg" and all(element.attrs.get(name) == value for name, value in (
        ("class", "chart"), ("role", "img"),
        ("aria-labelledby", "mention-chart-title mention-chart-desc")))


def foreign_element(element: Element) -> bool:
    """Frames, styles, forms, redirects and stylesheets that are not the theme's own."""
    tag, attrs = element.tag, element.attrs
    action = attrs.get("action", "")
    return ((tag in NEVER_AN_AUTHORS and not theme_chart(element))
            or (tag == "link" and "stylesheet" in attrs.get("rel", "").split()
                and not own_asset(attrs.get("href", ""), "css"))
            or (tag == "form" and not (urlsplit(action).netloc in OWN_HOSTS
                                       and action.endswith("search.html")))
            or (tag == "meta" and attrs.get("http-equiv", CSP).lower() != CSP))


def element_hazards(element: Element) -> list[str]:
    """Elements an author may not bring, scripts that are not the theme's, nested links."""
    if element.tag == "script":
        return script_hazards(element)
    if foreign_element(element):
        return [f"<{element.tag} {element.attrs}>"]
    if element.tag == "a" and any(inner.tag == "a" for inner in descendants(element)):
        return [f"<a> inside <a href={element.attrs.get('href')!r}>: {element.text!r}"]
    return []


def hazards(html: str) -> list[str]:
    """What in ``html`` could run, restyle, redirect or post for an author, or breaks links."""
    elements = parse(html)
    problems = [problem for element in elements
                for problem in (*attribute_hazards(element), *element_hazards(element))]
    ids = Counter(element.attrs["id"] for element in elements if "id" in element.attrs)
    return problems + [f"id {name!r} {count} times" for name, count in ids.items() if count > 1]


def feed_hazards(path: Path) -> list[str]:
    """The hazards of every HTML construct of an XML file (Atom type="html"), and its links."""
    problems = []
    for element in ET.parse(path).getroot().iter():
        if element.get("type") == "html":
            problems += hazards(element.text or "")
        if element.get("type") == "xhtml":
            problems += hazards("".join(ET.tostring(child, encoding="unicode")
                                        for child in element))
        href = bare_url(element.get("href", ""))
        if href.startswith(UNSAFE_SCHEMES) or "evil.example" in href:
            problems.append(f"<{element.tag} href={element.get('href')!r}>")
    return problems


# ── The corpus itself ──────────────────────────────────────────────────────────────────


def test_every_file_of_the_corpus_is_one_case() -> None:
    claimed = Counter(file for case in CASES for file in case["files"])
    assert [file for file, count in claimed.items() if count > 1] == []
    on_disk = {str(path.relative_to(BADINPUT)) for path in BADINPUT.rglob("*")
               if path.is_file() and path.name not in {"cases.yml", ".gitattributes"}}
    assert on_disk == set(claimed)
    assert len(CASES) >= 30
    for case in CASES:
        assert case["build"] in {"site", "refused", "stops", "raw-html"}, case["case"]
        assert case["expect"].strip(), case["case"]


# ── Briefs that build: every page and feed is safe ─────────────────────────────────────


def test_no_page_or_feed_holds_anything_that_runs(site: Build) -> None:
    problems = []
    for path in written(site.output):
        if path.suffix == ".html":
            found = hazards(path.read_text(encoding="utf-8"))
        else:
            found = feed_hazards(path)
        problems += [f"{path.relative_to(site.output)}: {problem}" for problem in found]
    assert problems == []


def test_nothing_is_written_outside_the_output_folder(any_build: Build) -> None:
    assert around_output(any_build.root) == any_build.around_before


def test_no_content_file_is_changed(any_build: Build) -> None:
    assert file_hashes(any_build.content) == any_build.content_before


@pytest.mark.parametrize("case", cases("site"))
def test_each_brief_shows_what_the_editor_typed(site_dev: Build, case: dict) -> None:
    html = page(site_dev, case)
    if "title" in case:
        assert [h1.text.strip() for h1 in select(html, "h1")] == [case["title"]]
        (title,) = select(html, "title")
        assert title.text.strip() == f"{case['title']} · {SITENAME}"
    text = main_text(html)
    for shown in case.get("shows", []):
        assert shown in text
    for hidden in case.get("hides", []):
        assert hidden not in text
    anchors = select(html, "a")
    for href, text in case.get("links", []):
        kept = [a for a in anchors if a.attrs.get("href") == href]
        assert [link_text(a) for a in kept] == [text], f"the author's link to {href}"
        assert not any(inner.tag == "a" for a in kept for inner in descendants(a))
    if "log" in case:
        assert_named(site_dev.log, Path(case["files"][0]).name, case["log"])


def test_a_brief_with_a_bad_lang_takes_the_site_language(site_dev: Build) -> None:
    for name in ("lang-attribute", "lang-unknown"):
        (article,) = select(page(site_dev, BY_NAME[name]), "article", class_="brief")
        assert (article.attrs["lang"], article.attrs["dir"]) == ("ar", "rtl")


def test_bidi_and_invisible_characters_are_stripped(site_dev: Build) -> None:
    html = page(site_dev, BY_NAME["title-bidi"])
    for char in "\u202e\u2067\u200b\ufeff":
        assert char not in html, f"U+{ord(char):04X} ({unicodedata.name(char)}) in the page"
    sources = [dd.text.strip() for dd in select(html, "dd")]
    assert "موجز" in sources


def test_an_authors_link_keeps_the_name_recognised_and_the_quote_keyed(site_dev: Build) -> None:
    name = page(site_dev, BY_NAME["author-link-name"])
    (aside,) = select(name, "aside")
    assert "مارك روتي" in aside.text
    quote = page(site_dev, BY_NAME["author-link-quote"])
    figures = select(quote, "figure", class_="key-quote")
    assert any("سنواصل دعم أوكرانيا مهما طال الزمن" in figure.text for figure in figures)


def test_the_summary_is_sanitised_and_kept_in_the_teaser(site_dev: Build) -> None:
    teasers = teasers_of(site_dev.output, BY_NAME["summary-hostile"]["page"])
    assert teasers, "summary-hostile is in no listing"
    for teaser in teasers:
        (summary,) = [e for e in descendants(teaser) if e.attrs.get("class") == "teaser__summary"]
        assert "ملخص" in summary.text
        assert "المؤتمر" in summary.text
        assert "في أبوظبي." in summary.text
        assert "alert" not in summary.text


def test_a_draft_is_in_no_listing(site_dev: Build) -> None:
    draft = BY_NAME["status-draft"]["page"]
    slug = Path(draft).stem
    for path in written(site_dev.output):
        if path != site_dev.output / draft:
            assert slug not in path.read_text(encoding="utf-8"), path


# ── The published build: head, sitemap and feeds ──────────────────────────────────────


def published_cases() -> list[pytest.param]:
    return [param for param in cases("site") if not param.values[0]["page"].startswith("drafts/")]


@pytest.mark.parametrize("case", published_cases())
def test_the_head_names_the_brief_as_typed_and_only_itself(site_pub: Build, case: dict) -> None:
    html = page(site_pub, case)
    url = f"{SITEURL}/{case['page']}"
    canonical = [link.attrs["href"] for link in select(html, "link")
                 if "canonical" in link.attrs.get("rel", "").split()]
    assert canonical == [url]
    assert select(html, "meta", name="robots") == []
    for key in ("og:title", "og:url"):
        (meta,) = select(html, "meta", property=key)
        assert meta.attrs["content"] == (case["title"] if key == "og:title" else url)
    (twitter,) = select(html, "meta", name="twitter:title")
    assert twitter.attrs["content"] == case["title"]


@pytest.mark.parametrize("case", published_cases())
def test_the_feed_entry_has_the_title_as_typed(site_pub: Build, case: dict) -> None:
    url = f"{SITEURL}/{case['page']}"
    assert feed_entry(site_pub.output, url).findtext(ATOM + "title") == case["title"]


@pytest.mark.parametrize("case", published_cases())
def test_the_json_ld_headline_is_the_title_as_typed(site_pub: Build, case: dict) -> None:
    (jsonld,) = select(page(site_pub, case), "script", type="application/ld+json")
    assert json.loads(jsonld.text)["headline"] == case["title"]


def test_the_sitemap_lists_each_brief_under_its_own_url(site_pub: Build) -> None:
    root = ET.parse(site_pub.output / "sitemap.xml").getroot()
    locs = [loc.text for loc in root.iter(SITEMAP + "loc")]
    assert all(loc.startswith(SITEURL + "/") for loc in locs), locs
    assert f"{SITEURL}/{BY_NAME['title-canonical-robots']['page']}" in locs
    for param in published_cases():
        assert f"{SITEURL}/{param.values[0]['page']}" in locs
    assert "evil.example" not in (site_pub.output / "sitemap.xml").read_text(encoding="utf-8")


def test_every_feed_is_valid_atom(site_pub: Build) -> None:
    feeds = sorted((site_pub.output / "feeds").rglob("*.xml"))
    assert site_pub.output / "feeds" / "all.atom.xml" in feeds
    problems = [problem for feed in feeds for problem in check_feed(feed)]
    assert problems == []


def test_the_feed_keeps_the_words_of_a_hostile_summary_and_body(site_pub: Build) -> None:
    entry = feed_entry(site_pub.output, f"{SITEURL}/{BY_NAME['summary-hostile']['page']}")
    (summary,) = entry.findall(ATOM + "summary")
    assert summary.get("type") == "html"
    text = parse(f"<div>{summary.text}</div>")[0].text
    assert "ملخص" in text
    assert "في أبوظبي." in text
    content = entry.findtext(ATOM + "content") or ""
    assert "انطلق مؤتمر الطاقة" in content
    assert "التفاصيل" in content


def test_the_published_description_is_the_summarys_text(site_pub: Build) -> None:
    html = page(site_pub, BY_NAME["summary-hostile"])
    (description,) = select(html, "meta", name="description")
    words = description.attrs["content"]
    assert words.startswith("ملخص")
    assert "في أبوظبي." in words
    assert "<" not in words
    assert "alert" not in words


def test_a_draft_is_in_no_feed_or_sitemap(site_pub: Build) -> None:
    slug = Path(BY_NAME["status-draft"]["page"]).stem
    for path in written(site_pub.output):
        if path.suffix == ".xml":
            assert slug not in path.read_text(encoding="utf-8"), path


# ── Files left out: named, and the rest of the site built ──────────────────────────────


def test_the_build_fails_once_the_rest_of_the_site_is_written(refused: Build) -> None:
    assert refused.result.returncode != 0, refused.log
    assert (refused.output / BY_NAME["refused-control"]["page"]).is_file()
    assert (refused.output / "index.html").is_file()
    briefs = sorted(path.name for path in (refused.output / "briefs").iterdir())
    assert briefs == [Path(BY_NAME["refused-control"]["page"]).name]


@pytest.mark.parametrize("case", [p for p in cases("refused") if "log" in p.values[0]])
def test_each_refused_file_is_named_with_its_problem(refused: Build, case: dict) -> None:
    assert_named(refused.log, Path(case["files"][0]).name, case["log"])


def test_skipping_unreadable_files_publishes_the_rest(tmp_path: Path) -> None:
    build = run_build(tmp_path, [BADINPUT / "refused"], build_site, fatal=False,
                      BRIEFS_SKIP_UNREADABLE=True)
    assert (build.output / BY_NAME["refused-control"]["page"]).is_file()
    for case in CASES:
        if case["build"] == "refused" and "log" in case:
            assert_named(build.log, Path(case["files"][0]).name, [])


# ── Builds that stop before anything is deleted or written ─────────────────────────────


@pytest.mark.parametrize("case", cases("stops"))
def test_a_stopped_build_names_the_problem_and_keeps_the_old_site(tmp_path: Path,
                                                                   case: dict) -> None:
    folder = BADINPUT / Path(case["files"][0]).parent
    build = run_build(tmp_path, [folder, BADINPUT / "site" / "control-ar.md"], unchecked,
                      old_site=True, DELETE_OUTPUT_DIRECTORY=True)
    assert build.result.returncode != 0, build.log
    assert_named(build.log, Path(case["files"][0]).name, case["log"])
    assert "Traceback" not in build.log  # the message is the whole story
    assert file_hashes(build.output) == build.old_site
    assert around_output(build.root) == build.around_before
    assert file_hashes(build.content) == build.content_before


# ── A newsroom that trusts its authors ─────────────────────────────────────────────────


def test_raw_html_keeps_the_authors_markup_but_not_in_the_title(tmp_path: Path) -> None:
    (case,) = [param.values[0] for param in cases("raw-html")]
    build = run_build(tmp_path, [BADINPUT / "raw-html"], build_site, BRIEFS_RAW_HTML=True)
    html = page(build, case)
    assert [h1.text for h1 in select(html, "h1")] == [case["title"]]
    assert not select(html, "b")
    (iframe,) = select(html, "iframe")
    assert iframe.attrs["src"] == "https://www.youtube-nocookie.com/embed/metro"
    assert select(html, "p", class_="pull-quote")
    for shown in case["shows"]:
        assert shown in main_text(html)
    assert around_output(build.root) == build.around_before
    assert file_hashes(build.content) == build.content_before
