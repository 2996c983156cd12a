"""``mujaz import``: what a page brings cannot become markup or metadata of the brief."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import markdown

from briefs.cli.importer import ImportRequest, write_brief
from briefs.cli.sources import read_content_file


def _import(tmp_path: Path, page: str, **fields: str) -> Path:
    source = tmp_path / "page.txt"
    source.write_text(page, encoding="utf-8")
    request = ImportRequest(source_path=source, content_dir=tmp_path / "content", lang="ar",
                            title=fields.get("title", "عنوان"), date=datetime(2024, 11, 14, 10),
                            slug="page", source=fields.get("source", ""),
                            dateline=fields.get("dateline", ""))
    return write_brief(request)


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
