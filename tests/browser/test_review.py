"""The review desk (``mujaz review``) driven in headless Chromium.

Each test starts the desk on a temporary copy of the fixture site (tests/site, plus one brief
with a name the analysis misses), makes one correction with the keyboard as an editor
would, checks the exact change in the file, and builds the corrected folder with Pelican to
check that the published site shows it. The repository's content is never touched.
"""

from __future__ import annotations

import http.client
import http.server
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from briefs.cli.review import desk_settings
from briefs.review.desk import Desk
from briefs.review.server import TOKEN_HEADER, ReviewServer, serve_in_thread
from support import FIXTURE_SITE, ROOT, build_site, file_hashes, serve

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"
# A brief whose club, «نجوم الواحة», no gazetteer or rule finds: the editor adds it.
OASIS = """Title: نجوم الواحة يصل إلى الملعب
Date: 2024-11-23 18:00
Lang: ar
Slug: fixture-oasis

وصل فريق نجوم الواحة إلى الملعب مساء السبت.
"""


@dataclass
class DeskSite:
    """A review desk serving a temporary content folder."""

    content: Path
    server: ReviewServer
    tmp: Path

    @property
    def url(self) -> str:
        return self.server.url

    def build(self) -> Path:
        """Build the content folder as the site would be published; return the output."""
        output = self.tmp / "output"
        shutil.rmtree(output, ignore_errors=True)
        build_site(self.content, output, BRIEFS_SEARCH=False,
                   CACHE_PATH=str(self.tmp / "cache"))
        return output


@pytest.fixture
def desk_site(tmp_path: Path) -> Iterator[DeskSite]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE / "content", content)
    (content / "2024-11-23-oasis.ar.md").write_text(OASIS, encoding="utf-8")
    desk = Desk(desk_settings(content, ROOT / "pelicanconf.py"))
    desk.start_counting()
    assert desk.wait_counted(), "the background count did not finish"
    server = serve_in_thread(desk, chrome_lang="en")
    yield DeskSite(content, server, tmp_path)
    server.shutdown()
    server.server_close()
    desk.stop()


def _open(browser, url: str, lang: str = "en"):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{url}?lang={lang}")
    page.wait_for_selector("table.queue")
    page.errors = errors  # type: ignore[attr-defined]
    return page


def _open_brief(browser, site: DeskSite, path: str, lang: str = "en"):
    page = _open(browser, site.url, lang)
    page.click(f'a[href="#brief={path}"]')
    page.wait_for_selector("article.text")
    return page


def _status(page) -> str:
    page.wait_for_selector("#status:not(:empty)")
    return page.inner_text("#status")


def _briefs(output: Path) -> dict[str, dict]:
    data = json.loads((output / "api" / "briefs.json").read_text(encoding="utf-8"))
    return {brief["url"]: brief for brief in data["briefs"]}


def _entities(output: Path) -> dict[str, dict]:
    data = json.loads((output / "api" / "entities.json").read_text(encoding="utf-8"))
    items = data["entities"] if isinstance(data, dict) else data
    return {entity["id"]: entity for entity in items}


def test_correct_a_wrong_speaker(browser, desk_site) -> None:
    """The English quote has no speaker; the editor names Jane Doe with «s»."""
    brief = desk_site.content / "2024-11-21-markets.en.md"
    before = brief.read_text(encoding="utf-8")
    page = _open_brief(browser, desk_site, "2024-11-21-markets.en.md")
    item = page.locator('.item[data-kind="quote"]').first
    assert "no speaker" in item.inner_text()
    item.focus()
    page.keyboard.press("s")
    page.fill("#ask-input", "Jane Doe")
    page.keyboard.press("Enter")
    assert "Written to 2024-11-21-markets.en.md" in _status(page)
    assert brief.read_text(encoding="utf-8") == before.replace(
        "Summary: Brent crude held near $73 a barrel.\n",
        "Summary: Brent crude held near $73 a barrel.\n"
        "Quote_speaker: The market is cautious, => Jane Doe\n")
    quote = page.locator('.item[data-kind="quote"]').first
    assert "Jane Doe" in quote.locator(".speaker").inner_text()
    assert "editor" in quote.inner_text()
    assert "+Quote_speaker: The market is cautious, => Jane Doe" in page.inner_text("#diff")
    assert not page.errors
    published = _briefs(desk_site.build())["briefs/fixture-markets.en.html"]
    assert published["quotes"] == [{"speaker": "Jane Doe", "speaker_id": "person:jane doe",
                                    "text": "The market is cautious,"}]


def test_merge_two_entities(browser, desk_site) -> None:
    """«Associated Press» is folded into AFP, found by searching the site's entities."""
    page = _open_brief(browser, desk_site, "2024-11-21-markets.en.md")
    page.locator('.item[data-kind="entity"][data-key="organization:ap"]').focus()
    page.keyboard.press("m")
    page.fill("#ask-input", "فرانس")
    page.wait_for_selector('#ask-options option[value="organization:afp"]', state="attached")
    page.fill("#ask-input", "organization:afp")
    page.keyboard.press("Enter")
    assert "Written to entities.yml" in _status(page)
    assert (desk_site.content / "entities.yml").read_text(encoding="utf-8") == (
        "merge:\n  - into: organization:afp\n    from: [organization:ap]\n")
    keys = page.locator('.item[data-kind="entity"]').evaluate_all(
        "items => items.map(item => item.dataset.key)")
    assert "organization:afp" in keys
    assert "organization:ap" not in keys
    output = desk_site.build()
    assert "organization:afp" in _briefs(output)["briefs/fixture-markets.en.html"]["entities"]
    entities = _entities(output)
    assert "organization:ap" not in entities
    assert "briefs/fixture-markets.en.html" in json.dumps(entities["organization:afp"])


def test_exclude_an_entity(browser, desk_site) -> None:
    """The dateline's Riyadh is kept out of the index with «e»."""
    page = _open_brief(browser, desk_site, "2024-11-22-short.ar.md")
    page.locator('.item[data-kind="entity"][data-key="place:tz-Asia/Riyadh"]').focus()
    page.keyboard.press("e")
    assert "Written to entities.yml" in _status(page)
    assert (desk_site.content / "entities.yml").read_text(encoding="utf-8") == (
        "exclude:\n  - place:tz-Asia/Riyadh\n")
    assert page.locator('.item[data-key="place:tz-Asia/Riyadh"]').count() == 0
    output = desk_site.build()
    assert "place:tz-Asia/Riyadh" not in _briefs(output)["briefs/fixture-short.html"]["entities"]
    assert "place:tz-Asia/Riyadh" not in _entities(output)


def test_add_a_missed_entity(browser, desk_site) -> None:
    """The editor selects «نجوم الواحة» in the text and adds it as an organisation."""
    page = _open_brief(browser, desk_site, "2024-11-23-oasis.ar.md")
    assert page.locator('.item[data-kind="entity"]').count() == 0
    page.evaluate("""() => {
        const paragraph = document.querySelector('article.text p');
        const node = paragraph.firstChild;
        const start = node.textContent.indexOf('نجوم الواحة');
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + 'نجوم الواحة'.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
    }""")
    page.keyboard.press("n")
    assert page.input_value("#ask-input") == "نجوم الواحة"
    page.select_option("#ask-type", "organization")
    page.keyboard.press("Enter")
    assert "Written to entities.yml" in _status(page)
    assert (desk_site.content / "entities.yml").read_text(encoding="utf-8") == (
        "entities:\n  - type: organization\n    name: نجوم الواحة\n")
    entity = page.locator('.item[data-kind="entity"]')
    assert entity.count() == 1
    assert "نجوم الواحة" in entity.inner_text()
    assert page.locator("article.text .entity-link--organization").inner_text() == "نجوم الواحة"
    output = desk_site.build()
    ids = _briefs(output)["briefs/fixture-oasis.html"]["entities"]
    assert len(ids) == 1
    assert ids[0].startswith("organization:")
    assert _entities(output)[ids[0]]["name"] == "نجوم الواحة"


def test_hide_a_quote(browser, desk_site) -> None:
    """Rutte's quote stays in the text but leaves the sidebar («h»)."""
    brief = desk_site.content / "2024-11-20-summit.ar.md"
    before = brief.read_text(encoding="utf-8")
    page = _open_brief(browser, desk_site, "2024-11-20-summit.ar.md")
    page.locator('.item[data-kind="quote"]').first.focus()
    page.keyboard.press("h")
    assert "Written to 2024-11-20-summit.ar.md" in _status(page)
    assert brief.read_text(encoding="utf-8") == before.replace(
        "Summary: اجتماع لوزراء الدفاع في بروكسل.\n",
        "Summary: اجتماع لوزراء الدفاع في بروكسل.\nQuote_hide: الدعم سيستمر حتى النهاية\n")
    assert "hidden from the sidebar" in page.locator('.item[data-kind="quote"]').first.inner_text()
    html = (desk_site.build() / "briefs" / "fixture-summit.html").read_text(encoding="utf-8")
    assert "الدعم سيستمر" in html
    assert 'class="quote-ref"' not in html
    assert 'id="key-quotes-title"' not in html


def test_not_a_quote_mark_reviewed_and_undo(browser, desk_site) -> None:
    """«x» removes the quote, «v» writes Reviewed:, «u» undoes both, byte for byte."""
    brief = desk_site.content / "2024-11-20-summit.ar.md"
    before = brief.read_text(encoding="utf-8")
    page = _open_brief(browser, desk_site, "2024-11-20-summit.ar.md")
    page.locator('.item[data-kind="quote"]').first.focus()
    page.keyboard.press("x")
    page.wait_for_selector('section[aria-labelledby="quotes-title"] ol.items', state="detached")
    assert "Quote_remove: الدعم سيستمر حتى النهاية\n" in brief.read_text(encoding="utf-8")
    assert page.locator("article.text .brief-quote").count() == 0
    page.keyboard.press("v")
    page.wait_for_selector(f"text=Reviewed on {date.today().isoformat()}")
    assert f"\nReviewed: {date.today().isoformat()}\n" in brief.read_text(encoding="utf-8")
    published = _briefs(desk_site.build())["briefs/fixture-summit.html"]
    assert published["quotes"] == []
    page.keyboard.press("u")
    page.wait_for_selector("text=Not reviewed yet.")
    page.keyboard.press("u")
    page.wait_for_selector("article.text .brief-quote")
    assert brief.read_text(encoding="utf-8") == before
    assert page.locator("#undo").is_disabled()


def test_a_file_changed_on_disk_is_never_overwritten(browser, desk_site) -> None:
    """Another editor saves the brief after the page loaded: the correction is refused,
    the page reloads, and the other editor's text stays."""
    brief = desk_site.content / "2024-11-20-summit.ar.md"
    page = _open_brief(browser, desk_site, "2024-11-20-summit.ar.md")
    theirs = brief.read_text(encoding="utf-8").replace("Tags: الناتو, أوكرانيا",
                                                       "Tags: الناتو, أوكرانيا, قمة")
    brief.write_text(theirs, encoding="utf-8")
    page.locator('.item[data-kind="quote"]').first.focus()
    page.keyboard.press("h")
    assert "changed on disk" in _status(page)
    assert brief.read_text(encoding="utf-8") == theirs
    page.locator('.item[data-kind="quote"]').first.focus()  # the page is the file's now
    page.keyboard.press("h")
    page.wait_for_selector("text=Written to 2024-11-20-summit.ar.md")
    assert "Tags: الناتو, أوكرانيا, قمة\n" in brief.read_text(encoding="utf-8")


def test_broken_entities_file_makes_entities_read_only(browser, desk_site) -> None:
    entities = desk_site.content / "entities.yml"
    entities.write_text("entities:\n  - type: person\n    name: [unclosed\n", encoding="utf-8")
    before = file_hashes(desk_site.content)
    page = _open_brief(browser, desk_site, "2024-11-22-short.ar.md")
    alert = page.locator('[role="alert"]')
    assert "entities.yml:4" in alert.inner_text()
    assert page.locator('.item[data-kind="entity"] button[data-act="exclude"]').first.is_disabled()
    page.locator('.item[data-kind="entity"]').first.focus()
    page.keyboard.press("e")
    page.wait_for_timeout(300)
    assert file_hashes(desk_site.content) == before


def _request(site: DeskSite, method: str, path: str, body: object = None,
             headers: dict[str, str] | None = None) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", site.server.port, timeout=10)
    data = None if body is None else json.dumps(body).encode()
    connection.request(method, path, body=data, headers=headers or {})
    status = connection.getresponse().status
    connection.close()
    return status


def test_other_origins_and_missing_token_change_nothing(browser, desk_site) -> None:
    """Forged requests are refused and leave every content file as it was; a page of
    another origin cannot write through the editor's browser either."""
    view = desk_site.server.desk.view("2024-11-22-short.ar.md")
    correction = {"path": "2024-11-22-short.ar.md", "action": "exclude",
                  "params": {"id": "place:tz-Asia/Riyadh"}, "versions": view["versions"]}
    host = f"127.0.0.1:{desk_site.server.port}"
    token = desk_site.server.token
    good = {"Host": host, "Content-Type": "application/json", TOKEN_HEADER: token}
    before = file_hashes(desk_site.content)
    forged = [
        {**good, TOKEN_HEADER: ""},  # no token
        {"Host": host, "Content-Type": "application/json"},
        {**good, TOKEN_HEADER: "guessed"},
        {**good, "Origin": "http://evil.example"},  # another site with the token
        {**good, "Origin": f"http://127.0.0.1:{desk_site.server.port + 1}"},
        {**good, "Host": "evil.example"},  # DNS rebinding
        {**good, "Content-Type": "text/plain"},  # what a cross-site form can send
    ]
    for headers in forged:
        assert _request(desk_site, "POST", "/api/correct", correction, headers) in {403, 415}
    assert _request(desk_site, "GET", "/api/brief?path=2024-11-22-short.ar.md",
                    headers={"Host": host}) == 403
    assert _request(desk_site, "GET", "/", headers={"Host": "evil.example"}) == 403
    assert file_hashes(desk_site.content) == before
    # A page of another origin posting to the desk from the same browser.
    for origin in serve(_OtherSite):
        other = browser.new_page()
        other.goto(origin)
        outcome = other.evaluate("""async ([url, body]) => {
            try {
                const reply = await fetch(url, {method: 'POST', mode: 'no-cors', body,
                                                headers: {'Content-Type': 'text/plain'}});
                return reply.type;
            } catch (error) { return String(error); }
        }""", [desk_site.url + "api/correct", json.dumps(correction)])
        other.close()
        assert outcome  # sent (an opaque reply) or blocked by the browser: either way…
    assert file_hashes(desk_site.content) == before  # …nothing was written
    # The real page, with its token, may write.
    assert _request(desk_site, "POST", "/api/correct", correction, good) == 200
    assert file_hashes(desk_site.content) != before


class _OtherSite(http.server.BaseHTTPRequestHandler):
    """Another origin on this machine: one empty page."""

    def do_GET(self) -> None:
        body = b"<!doctype html><title>other</title><p>other site"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def _axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_review_pages_pass_axe(browser, desk_site, lang) -> None:
    """The queue and a brief's page, in either chrome, have no axe-core violation; the
    brief's page is also saved as a screenshot at 1366 px (test-artifacts/)."""
    page = _open(browser, desk_site.url, lang)
    script = _axe_script()
    found = []
    for target in ("queue", "brief"):
        if target == "brief":
            page.click('a[href="#brief=2024-11-21-markets.en.md"]')
            page.wait_for_selector("article.text")
            page.locator('.item[data-kind="quote"]').first.focus()
            page.keyboard.press("s")  # the dialog too
            page.wait_for_selector("dialog[open]")
        page.evaluate(script)
        results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        found += [f"{target}: {v['id']} ({v['impact']}): {v['help']} — "
                  f"{[node['target'] for node in v['nodes']][:3]}" for v in results["violations"]]
    page.keyboard.press("Escape")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"review-{lang}.png"))
    assert not found, "\n".join(found)
    assert not page.errors


def test_keyboard_reaches_every_correction(browser, desk_site) -> None:
    """Tab walks the page in order with a visible focus; j/k move between items; the
    shortcuts are listed on the page."""
    page = _open_brief(browser, desk_site, "2024-11-21-markets.en.md")
    page.keyboard.press("j")
    first = page.evaluate("document.activeElement.dataset.kind")
    page.keyboard.press("j")
    second = page.evaluate("document.activeElement.dataset.key")
    assert first == "quote"
    assert second
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const node = document.activeElement;
        const style = getComputedStyle(node);
        return [node.tagName, style.outlineStyle, style.outlineWidth];
    }""")
    assert focused[0] == "BUTTON"
    assert focused[1] != "none"
    assert focused[2] != "0px"
    keys = page.locator(".shortcuts dt").all_inner_texts()
    assert {"a", "s", "h", "x", "r", "t", "m", "e", "n", "u", "v"} <= set(keys)


def test_demo_brief_page_doubtful_first(browser, tmp_path) -> None:
    """The seed brief of the demo site, Arabic chrome, at 1366 px: its doubtful quotes lead
    the sidebar and are marked in the text. Saved as test-artifacts/review.png (the README's
    docs/review.png is this screenshot)."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    desk = Desk(desk_settings(content, ROOT / "pelicanconf.py"))
    server = serve_in_thread(desk, chrome_lang="ar")
    try:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(server.url + "#brief=2024-11-14-nato-china-north-korea.ar.md")
        page.wait_for_selector("article.text")
        quotes = page.locator('.item[data-kind="quote"]')
        flags = quotes.evaluate_all("items => items.map(i => i.classList.contains('is-doubtful'))")
        assert flags[0]
        assert flags == sorted(flags, reverse=True)
        assert page.locator("article.text .brief-quote.is-doubtful").count() >= 1
        assert page.get_attribute("article.text", "dir") == "rtl"
        page.locator('.item[data-kind="quote"]').first.focus()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "review.png"))
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_every_brief_reviewed_without_a_text_editor(browser, desk_site) -> None:
    """«v» then «g», brief after brief, until the desk says every brief is reviewed."""
    page = _open(browser, desk_site.url)
    page.locator("table.queue a").first.click()
    page.wait_for_selector("article.text")
    today = date.today().isoformat()
    for _ in range(len(list(desk_site.content.glob("*.md")))):
        title = page.inner_text("h1")
        page.keyboard.press("v")
        page.wait_for_selector(f"text=Reviewed on {today}")
        page.keyboard.press("g")
        page.wait_for_function("title => document.querySelector('h1').innerText !== title "
                               "|| document.getElementById('status').innerText.includes('Every')",
                               arg=title)
    assert "Every brief is reviewed." in _status(page)
    for brief in desk_site.content.glob("*.md"):
        assert f"\nReviewed: {today}\n" in brief.read_text(encoding="utf-8"), brief.name
    page.keyboard.press("q")
    page.wait_for_selector("table.queue")
    states = page.locator("table.queue tbody td:last-child").all_inner_texts()
    assert states == [f"reviewed {today}"] * len(states)
