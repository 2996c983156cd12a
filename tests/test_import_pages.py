"""``mujaz import`` on hand-made pages of each structure (tests/pages), from disk, from a local
server (127.0.0.1 only) and from a feed; batches, hostile pages, and a build of the result."""

from __future__ import annotations

import io
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
import yaml

from briefs.analysis.boilerplate import is_timestamp
from briefs.cli.importer import Options, run_batch, summary
from briefs.cli.main import annotate_content, main
from briefs.cli.sources import read_content_file
from htmlquery import parse
from support import ROOT, build_site, serve

PAGES = ROOT / "tests" / "pages"
EXPECTED = yaml.safe_load((PAGES / "expected.yml").read_text(encoding="utf-8"))
METADATA = ("title", "date", "lang", "source", "author", "url", "slug")


def run_import(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    status = main(["import", "--no-progress", *args])
    captured = capsys.readouterr()
    return status, captured.out.split(), captured.err


def given_args(name: str) -> list[str]:
    return [arg for key, value in (EXPECTED[name].get("given") or {}).items()
            for arg in (f"--{key}", value)]


def check_brief(path: Path, name: str) -> None:
    """The brief holds the page's metadata and its article, and nothing of the site."""
    expected = EXPECTED[name]
    content = read_content_file(path)
    for key in METADATA:
        if expected.get(key):
            assert content.metadata.get(key) == expected[key], (name, key)
    assert set(content.metadata) <= {*METADATA, "dateline"}
    document, _warnings = annotate_content(content)
    paragraphs = document.paragraph_texts()
    assert paragraphs[0].startswith(expected["first"]), (name, paragraphs[0])
    assert paragraphs[-1].startswith(expected["last"]), (name, paragraphs[-1])
    for words in expected["absent"]:
        assert words not in document.text, (name, words)
    for line in document.text.split("\n"):
        assert not is_timestamp(line), (name, line)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_page_structure_becomes_a_complete_brief(name: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    status, written, err = run_import(capsys, str(PAGES / name), "--content",
                                      str(tmp_path / "content"), *given_args(name))
    assert status == 0, err
    assert len(written) == 1
    check_brief(Path(written[0]), name)


def test_a_page_without_a_date_fails_naming_the_fix(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    status, written, err = run_import(capsys, str(PAGES / "ar-no-metadata.html"),
                                      "--content", str(tmp_path))
    assert (status, written) == (1, [])
    assert "ar-no-metadata.html: the page gives no publication date: give --date" in err


def test_the_command_line_wins_over_the_page(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    status, written, _ = run_import(
        capsys, str(PAGES / "ar-article-jsonld.html"), "--content", str(tmp_path),
        "--title", "عنوان المحرر", "--date", "2024-11-15T09:00+03:00", "--slug", "nato-china",
        "--source", "وكالة فرانس برس", "--dateline", "بروكسل", "--author", "محرر")
    assert status == 0
    metadata = read_content_file(Path(written[0])).metadata
    assert metadata["title"] == "عنوان المحرر"
    assert metadata["date"] == "2024-11-15 09:00+03:00"
    assert (metadata["slug"], metadata["source"]) == ("nato-china", "وكالة فرانس برس")
    assert (metadata["dateline"], metadata["author"]) == ("بروكسل", "محرر")
    assert Path(written[0]).name == "2024-11-15-nato-china.ar.md"


def test_a_folder_is_a_batch_and_an_existing_brief_is_never_overwritten(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    status, written, err = run_import(capsys, str(PAGES), "--content", str(content))
    assert status == 1  # the page without a date failed; the others were imported
    assert len(written) == 9
    assert "9 imported, 0 skipped (the brief exists), 1 failed" in err
    assert "failed" in err and "ar-no-metadata.html" in err
    before = {path: path.read_bytes() for path in content.iterdir()}
    status, written, err = run_import(capsys, str(PAGES), "--content", str(content))
    assert written == []
    assert "0 imported, 9 skipped (the brief exists), 1 failed" in err
    assert "a brief with this Url exists" in err
    assert {path: path.read_bytes() for path in content.iterdir()} == before


def test_per_page_options_need_one_page(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_import(capsys, str(PAGES), "--title", "x", "--content", str(tmp_path))
    assert status == 2
    assert "--title names one brief" in err


def test_the_progress_bar_counts_rate_and_time_left(tmp_path: Path) -> None:
    stream = io.StringIO()
    outcomes = run_batch([str(PAGES)], Options(content_dir=tmp_path), stream=stream,
                         progress=True)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[-1].startswith("[####################] 10/10 ")
    assert "/s" in lines[0] and "s left" in lines[0]
    assert summary(outcomes)[0] == "9 imported, 0 skipped (the brief exists), 1 failed"


# --- hostile pages ----------------------------------------------------------------------


def test_a_50_mb_page_is_refused_at_once(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "huge.html"
    with page.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: nothing needs to be read to refuse it
    # How fast is a figure of bench/bench_import.py; here: refused, with the reason.
    status, _, err = run_import(capsys, str(page), "--content", str(tmp_path / "c"))
    assert status == 1
    assert "more than the" in err and "--max-bytes" in err


@pytest.mark.parametrize("html", [
    "<html><body>" + "<article><p>نص قصير" * 40_000 + "</body></html>",  # ~400 KB, unclosed
    "<html><body>" + "<div>" * 50_000 + "<p>نص</p>" + "</div>" * 50_000 + "</body></html>",
    "<html><body><script>var a = '<article><p>" + "x" * 300_000 + "</p></article>';</script>"
    "<article><p>" + "نص الخبر. " * 50 + "</p></article></body></html>",
])
def test_hostile_pages_give_a_brief_or_a_reason(html: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(html, encoding="utf-8")
    status, _, err = run_import(capsys, str(page), "--content", str(tmp_path / "c"),
                                "--title", "t", "--date", "2024-11-14")
    assert status in {0, 1}
    assert "Traceback" not in err


# --- addresses, redirects, caps and feeds on a local server -----------------------------


class _Pages(BaseHTTPRequestHandler):
    """Serve tests/pages, a redirect, an oversized page and the feed (with this server's URLs)."""

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/pages/ar-chrome.html")
            self.end_headers()
            return
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_536 + b"</p>"
            for _ in range(200):  # 13 MB, with no Content-Length: the cap counts while reading
                self.wfile.write(chunk)
            return
        if self.path == "/feed.xml":
            body = (PAGES / "feed.xml").read_bytes().replace(b"PAGES/", f"{base}/pages/".encode())
            self._send(body, "application/rss+xml")
            return
        name = self.path.removeprefix("/pages/")
        if self.path.startswith("/pages/") and (PAGES / name).is_file() and "/" not in name:
            self._send((PAGES / name).read_bytes(), "text/html; charset=utf-8")
            return
        self.send_error(404)

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def server() -> Iterator[str]:
    yield from serve(_Pages)


def test_an_address_is_fetched_and_redirects_followed(server: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    status, written, err = run_import(capsys, f"{server}/moved", f"{server}/pages/ar-div-og.html",
                                      f"{server}/missing", f"{server}/big",
                                      "--content", str(tmp_path))
    assert status == 1
    names = sorted(Path(path).name for path in written)
    assert names == ["2024-10-16-turkey-earthquake-south.ar.md",
                     "2024-12-02-oil-prices-opec-cut-extension.ar.md"]
    check_brief(tmp_path / names[0], "ar-chrome.html")
    assert "/missing: the server answered HTTP 404" in err
    assert "/big: more than the" in err
    # The page's canonical address is its Url: asking again skips it without a download.
    status, written, err = run_import(capsys, "https://shabaka.example.org/news/turkey-earthquake-south",
                                      "--content", str(tmp_path))
    assert (status, written) == (0, [])
    assert "a brief with this Url exists" in err


def test_a_feed_imports_its_items_since_a_date(server: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    status, written, err = run_import(capsys, "--feed", f"{server}/feed.xml", "--since",
                                      "2024-11-10", "--content", str(tmp_path))
    assert status == 0, err
    assert sorted(Path(path).name for path in written) == [
        "2024-11-14-nato-urges-china-ukraine.ar.md",
        "2024-12-02-oil-prices-opec-cut-extension.ar.md"]


# --- the briefs build --------------------------------------------------------------------


@pytest.mark.slow
def test_imported_briefs_build_with_source_links_and_no_chrome(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    run_import(capsys, str(PAGES), "--content", str(content))
    run_import(capsys, str(PAGES / "ar-no-metadata.html"), "--content", str(content),
               *given_args("ar-no-metadata.html"))
    assert len(list(content.glob("*.md"))) == 10
    output = tmp_path / "output"
    build_site(content, output, BRIEFS_CACHE=False, BRIEFS_SEARCH=False)
    for name, expected in EXPECTED.items():
        if not expected.get("slug"):
            continue
        suffix = "" if expected["lang"] == "ar" else f".{expected['lang']}"
        html = (output / "briefs" / f"{expected['slug']}{suffix}.html").read_text(encoding="utf-8")
        elements = parse(html)
        (body,) = [e for e in elements if "brief__body" in e.attrs.get("class", "").split()]
        for words in expected["absent"]:
            assert words not in body.text, (name, words)
        assert expected["first"][:20] in body.text
        if expected.get("url"):
            links = [e.attrs["href"] for e in elements
                     if "facts__source-link" in e.attrs.get("class", "").split()]
            assert links == [expected["url"]], name


def test_no_chrome_line_survives_in_a_demo_brief() -> None:
    """The demo site: no timestamp, read-also line or ticker headline in any brief's text."""
    from briefs.analysis.boilerplate import default_cues

    cues = default_cues()
    briefs = sorted((ROOT / "content").glob("*.md"))
    assert briefs
    for path in briefs:
        document, _ = annotate_content(read_content_file(path))
        for line in document.text.split("\n"):
            assert not is_timestamp(line), (path.name, line)
            assert cues.match("read_also", line) is None, (path.name, line)
            assert cues.match("list_heading", line) is None, (path.name, line)


def test_url_is_the_source_link_and_is_based_on_never_the_briefs_own_url() -> None:
    from types import SimpleNamespace

    from briefs.pelican.intake import take_source_url
    from briefs.publish.jsonld import jsonld_script, news_article

    content = SimpleNamespace(metadata={"url": "https://x.org/a b\"><script>"},
                              override_url="https://x.org/a b")
    take_source_url(content, "brief.md")
    assert not hasattr(content, "override_url")  # the brief keeps its own URL
    assert content.source_url == "https://x.org/a%20b%22%3E%3Cscript%3E"
    bad = SimpleNamespace(metadata={"url": "javascript:alert(1)"}, override_url="x")
    take_source_url(bad, "brief.md")
    assert not hasattr(bad, "source_url")
    assert "url" not in bad.metadata
    from datetime import UTC, datetime

    data = news_article(headline="h", url="https://site/b.html", lang="ar",
                        published=datetime(2024, 11, 14, tzinfo=UTC), publisher="S",
                        publisher_url="https://site/", based_on=content.source_url)
    assert data["isBasedOn"] == content.source_url
    assert "<script>" not in str(jsonld_script(data))


def test_fetching_says_who_asks(server: str) -> None:
    from briefs.cli.fetch import USER_AGENT, fetch

    seen: list[str] = []
    original = _Pages.do_GET

    def spy(handler: _Pages) -> None:
        seen.append(handler.headers.get("User-Agent", ""))
        original(handler)

    _Pages.do_GET = spy  # type: ignore[method-assign]
    try:
        fetched = fetch(f"{server}/pages/ar-div-og.html")
    finally:
        _Pages.do_GET = original  # type: ignore[method-assign]
    assert seen == [USER_AGENT]
    assert fetched.content_type == "text/html"
    assert fetched.url == f"{server}/pages/ar-div-og.html"
