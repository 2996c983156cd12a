"""``mujaz import``: what a page brings cannot become markup or metadata of the brief."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefs.cli.extract import Block, Inline, Page
from briefs.cli.importer import (
    ContentIndex,
    Given,
    ascii_slug,
    derive_slug,
    escape_markdown,
    render_markdown,
    slug_from_url,
    text_blocks,
    write_brief,
)
from briefs.cli.sources import MARKDOWN_EXTENSIONS, read_content_file
from briefs.markup.htmltext import extract_body

DATE = datetime(2024, 11, 14, 10)


def _import(tmp_path: Path, page: str, **fields: str) -> Path:
    given = Given(title=fields.get("title", "عنوان"), date=DATE, lang="ar", slug="page",
                  source=fields.get("source", ""), dateline=fields.get("dateline", ""))
    outcome = write_brief(Page(blocks=tuple(text_blocks(page))), given, tmp_path / "content",
                          ContentIndex())
    assert outcome.status == "imported", outcome
    assert outcome.path is not None
    return outcome.path


def _rendered_text(body: str) -> str:
    """Return the body text the build reads from a brief with this Markdown body."""
    source = f"Title: t\n\n{body}"
    html = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS)).convert(source)
    return extract_body(html).text


def test_links_and_reference_definitions_of_the_page_stay_text(tmp_path: Path) -> None:
    page = ("قال المتحدث [هنا](javascript:alert(1)) و[مرجع][ref].\n\n"
            "[ref]: javascript:alert(2)\n\n<a href=\"javascript:alert(3)\">رابط</a>")
    target = _import(tmp_path, page)
    html = markdown.markdown(target.read_text(encoding="utf-8").split("\n\n", 1)[1])
    assert "<a" not in html  # no link element; the page's own tag is shown as text
    body = read_content_file(target).body
    assert "[هنا](javascript:alert(1))" in body  # the reader still sees the words
    assert "[ref]: javascript:alert(2)" in body


def test_a_newline_in_a_value_cannot_add_a_metadata_line(tmp_path: Path) -> None:
    target = _import(tmp_path, "نص الخبر.", title="عنوان\nSlug: evil",
                     source="وكالة\nStatus: draft")
    metadata = read_content_file(target).metadata
    assert metadata["title"] == "عنوان Slug: evil"
    assert metadata["source"] == "وكالة Status: draft"
    assert metadata["slug"] == "page"
    assert "status" not in metadata


@pytest.mark.parametrize("line", [
    "# not a heading", "1. not a list", "- not a list", "> not a quote", "===", "---",
    "*not emphasis*", "`not code`", "a | b", "[^1]: not a footnote", "*[HTML]: not an abbr",
    "{: .not-an-attribute}", ": not a definition", "~~~", "    not code", "&amp; &lt;b&gt;",
    "<script>alert(1)</script>", "<!-- comment -->", "\\*", "2024. A year", "+ plus",
])
def test_markdown_syntax_in_the_page_stays_words(line: str) -> None:
    text = f"قبل\n{line}\nبعد"
    rendered = _rendered_text(escape_markdown(text))
    assert rendered == "\n".join(part.lstrip() for part in text.split("\n"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab #>-*_`[](){}|!:=~+.1\\<&;\n أب")), max_size=40))
def test_any_text_renders_back_to_its_words(text: str) -> None:
    lines = [line.strip() for line in text.split("\n")]
    wanted = "\n".join(line for line in lines if line)
    if not wanted:
        return
    rendered = _rendered_text(escape_markdown(wanted))
    assert " ".join(rendered.split()) == " ".join(wanted.split())


def test_only_http_links_stay_links() -> None:
    blocks = [Block("p", (Inline("see "), Inline("the report", "https://x.org/a (b)"),
                          Inline(" and "), Inline("this", "javascript:alert(1)"),
                          Inline(".")))]
    source = render_markdown(blocks)
    html = markdown.markdown(source)
    assert html.count("<a ") == 1
    assert 'href="https://x.org/a%20%28b%29"' in html
    assert _rendered_text(source) == "see the report and this."


def test_slugs_from_addresses_and_titles() -> None:
    assert slug_from_url("https://x.org/world/2024/11/14/nato-presses-china.html") == (
        "nato-presses-china")
    assert slug_from_url("https://x.org/news/1644450") == ""
    page = Page(title="الناتو يضغط على الصين", url="https://www.aljazeera.net/news/2024/11/14/"
                "%D8%A7%D9%84%D9%86%D8%A7%D8%AA%D9%88")
    assert derive_slug(page) == "aljazeera-2024"
    assert derive_slug(Page(title="Le séisme frappe le Népal")) == "le-seisme-frappe-le-nepal"
    assert ascii_slug("x" * 100) == "x" * 60


def test_a_derived_slug_taken_by_another_brief_gets_a_number(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "old.md").write_text("Title: x\nSlug: nato-china\n\nنص.\n", encoding="utf-8")
    index = ContentIndex.scan(content)
    page = Page(title="t", date=DATE, lang="ar", url="https://x.org/nato-china",
                blocks=tuple(text_blocks("نص.")))
    outcome = write_brief(page, Given(), content, index)
    assert outcome.path is not None
    assert outcome.path.name == "2024-11-14-nato-china-2.ar.md"
    again = write_brief(page, Given(), content, index)
    assert again.status == "skipped"
    assert "Url exists" in again.reason


def test_rdfa_and_microdata_dates_are_read() -> None:
    from briefs.cli.extract import extract_page

    page = extract_page(
        "<html><head><title>t</title></head><body><article><h1>عنوان الخبر هنا</h1>"
        "<span property='dc:date' content='2019-02-08T00:00:00+01:00'>الجمعة 8 فيفري</span>"
        f"<p>{'نص الخبر الطويل. ' * 30}</p></article>"
        "<a href='/x'>جريدة الصباح بتاريخ 2019/02/09</a></body></html>".encode())
    assert page.date is not None
    assert page.date.isoformat() == "2019-02-08T00:00:00+01:00"
