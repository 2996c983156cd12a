"""Functional tests: build the fixture site (tests/site) and check the generated HTML."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from htmlquery import select
from support import FIXTURE_SITE, build_site, file_hashes

pytestmark = pytest.mark.slow

BOILERPLATE = ["شاركها", "Exit mobile version", "Share this article", "Read more", "المزيد"]


def read(output: Path, relative: str) -> str:
    return (output / relative).read_text(encoding="utf-8")


def test_site_chrome_is_arabic_and_right_to_left(fixture_build) -> None:
    output, _ = fixture_build
    for page in ["index.html", "briefs/fixture-summit.html", "briefs/fixture-markets.en.html"]:
        (html_element,) = select(read(output, page), "html")
        assert html_element.attrs["lang"] == "ar"
        assert html_element.attrs["dir"] == "rtl"


def test_each_brief_article_carries_its_own_language_and_direction(fixture_build) -> None:
    output, _ = fixture_build
    (arabic,) = select(read(output, "briefs/fixture-summit.html"), "article")
    assert (arabic.attrs["lang"], arabic.attrs["dir"]) == ("ar", "rtl")
    (english,) = select(read(output, "briefs/fixture-markets.en.html"), "article")
    assert (english.attrs["lang"], english.attrs["dir"]) == ("en", "ltr")


def test_trailing_boilerplate_never_reaches_a_page(fixture_build) -> None:
    output, _ = fixture_build
    for page in output.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for line in BOILERPLATE:
            assert line not in text, f"{line!r} in {page.relative_to(output)}"
    # The story itself is still there, up to its last paragraph.
    (summit,) = select(read(output, "briefs/fixture-summit.html"), "article")
    assert "الدعم سيستمر" in summit.text
    (markets,) = select(read(output, "briefs/fixture-markets.en.html"), "article")
    assert "said analyst Jane Doe" in markets.text


def test_dates_are_written_in_arabic_by_babel(fixture_build) -> None:
    output, _ = fixture_build
    assert "الأربعاء، 20 نوفمبر 2024" in read(output, "briefs/fixture-summit.html")
    times = select(read(output, "briefs/fixture-summit.html"), "time")
    assert any(t.attrs.get("datetime", "").startswith("2024-11-20T09:30") for t in times)


def test_latin_names_and_numbers_are_isolated_in_arabic_text(fixture_build) -> None:
    output, _ = fixture_build
    summit = read(output, "briefs/fixture-summit.html")
    assert "<bdi>NATO</bdi>" in summit
    assert "<bdi>12000</bdi>" in summit
    short = read(output, "briefs/fixture-short.html")
    assert "<bdi>G20</bdi>" in short
    assert "<bdi>3.5%</bdi>" in short
    # English text is left alone: its body carries no isolation markup.
    english = read(output, "briefs/fixture-markets.en.html")
    body = english[english.index('class="brief__body"'):english.index("</article>")]
    assert "LONDON" in body
    assert "<bdi>" not in body


def test_build_never_modifies_content(tmp_path: Path) -> None:
    before = file_hashes(FIXTURE_SITE / "content")
    build_site(FIXTURE_SITE / "content", tmp_path / "out")
    assert file_hashes(FIXTURE_SITE / "content") == before


def test_output_is_deterministic(fixture_build, tmp_path: Path) -> None:
    output, _ = fixture_build
    again = tmp_path / "again"
    build_site(FIXTURE_SITE / "content", again)
    files = sorted(p.relative_to(output) for p in output.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for relative in files:
        if relative.suffix in {".html", ".xml", ".json"}:
            assert (output / relative).read_bytes() == (again / relative).read_bytes(), relative


def test_a_broken_file_is_named_and_the_rest_still_builds(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for source in (FIXTURE_SITE / "content").iterdir():
        (content / source.name).write_bytes(source.read_bytes())
    (content / "broken.ar.md").write_bytes(b"Title: \xff\xfe bad\nDate: 2024-11-20\n\n\xc3\x28")
    command = ["-m", "pelican", str(content), "-s", "pelicanconf.py", "-o", str(tmp_path / "o")]
    result = subprocess.run([sys.executable, *command], capture_output=True,
                            text=True, check=False, cwd=Path(__file__).resolve().parent.parent)
    log = result.stdout + result.stderr
    assert "broken.ar.md" in log
    assert (tmp_path / "o" / "briefs" / "fixture-summit.html").is_file()


def test_empty_and_boilerplate_only_briefs_are_named_and_the_rest_builds(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for source in (FIXTURE_SITE / "content").iterdir():
        (content / source.name).write_bytes(source.read_bytes())
    header = "Title: {0}\nDate: 2024-11-23\nLang: ar\nSlug: {0}\n\n"
    (content / "empty.ar.md").write_text(header.format("empty"), encoding="utf-8")
    chrome_only = header.format("chrome") + "شاركها.\n\nExit mobile version\n"
    (content / "chrome.ar.md").write_text(chrome_only, encoding="utf-8")
    noisy = "\u200f\u200b“" * 2000 + "قال روتي " + "«" * 3000
    (content / "noisy.ar.md").write_text(header.format("noisy") + noisy + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "pelican", str(content), "-s", "pelicanconf.py",
               "-o", str(tmp_path / "o")]
    result = subprocess.run(command, capture_output=True, text=True, check=False,
                            cwd=Path(__file__).resolve().parent.parent,
                            env={**os.environ, "COLUMNS": "400"})
    log = " ".join((result.stdout + result.stderr).split())
    assert result.returncode == 0, log
    assert "empty.ar.md: the body is empty" in log
    assert "chrome.ar.md: the body is only boilerplate" in log
    chrome = read(tmp_path / "o", "briefs/chrome.html")
    assert "شاركها" not in chrome
    assert (tmp_path / "o" / "briefs" / "noisy.html").is_file()
    assert (tmp_path / "o" / "briefs" / "fixture-summit.html").is_file()


def build_one_brief(tmp_path: Path, brief: str, **settings: object) -> Path:
    """Build a site of one brief (Markdown with its metadata); return the output folder."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "brief.md").write_text(brief, encoding="utf-8")
    build_site(content, tmp_path / "out", **settings)
    return tmp_path / "out"


def test_quote_text_is_escaped_in_the_sidebar_and_json_ld(tmp_path: Path) -> None:
    output = build_one_brief(
        tmp_path, "Title: اختبار\nDate: 2024-11-23\nLang: ar\nSlug: x\n\n"
        "بروكسل (أ ف ب) – قال الأمين العام لحلف شمال الأطلسي مارك روتي إن "
        "“&lt;script&gt;alert(1)&lt;/script&gt; الحلف موحد أكثر من أي وقت مضى"
        " في مواجهة التحديات”.\n")
    page = read(output, "briefs/x.html")
    assert "<script>alert(1)" not in page
    (figure,) = select(page, "figure", class_="key-quote")
    assert "<script>alert(1)</script> الحلف موحد" in figure.text
    assert "مارك روتي" in figure.text


def test_a_summary_cut_from_the_body_carries_none_of_the_plugins_markup(tmp_path: Path) -> None:
    output = build_one_brief(
        tmp_path, "Title: خبر بلا ملخص\nDate: 2024-11-22 12:00\nLang: ar\nSlug: no-summary\n\n"
        "قال الأمين العام لحلف شمال الأطلسي مارك روتي للصحافيين في بروكسل إن "
        "\"الحلف سيبقى موحدا في وجه كل التهديدات\".\n", BRIEFS_SEARCH=False)
    brief = read(output, "briefs/no-summary.html")
    assert 'class="quote-ref"' in brief and 'class="entity-link' in brief
    index = read(output, "index.html")
    teaser = index.split('class="teaser__summary"', 1)[1].split("</div>", 1)[0]
    assert "مارك روتي" in teaser and "الحلف سيبقى موحدا" in teaser
    for markup in ("quote-ref", "brief-quote", "entity-link", "#key-quote"):
        assert markup not in teaser
