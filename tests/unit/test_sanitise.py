"""The body sanitiser: what an author's HTML keeps and loses (briefs.markup.sanitise)."""

from __future__ import annotations

import pytest

from briefs.markup.sanitise import sanitise_html


@pytest.mark.parametrize("hostile", [
    '<p>a<script>alert(1)</script>b</p>',
    '<p><img src="x" onerror="alert(1)">b</p>',
    '<p><a href="javascript:alert(1)">b</a></p>',
    '<p><a href="JaVaScRiPt:alert(1)">b</a></p>',
    '<p><a href="java&#115;cript:alert(1)">b</a></p>',
    '<p><a href=" javascript:alert(1)">b</a></p>',
    '<p><a href="data:text/html,<script>alert(1)</script>">b</a></p>',
    '<p><img src="data:image/svg+xml,<svg onload=alert(1)>">b</p>',
    '<svg onload="alert(1)"><p>b</p></svg>',
    '<p><iframe src="https://evil.example/"></iframe>b</p>',
    '<form action="https://evil.example/"><input name="q"><p>b</p></form>',
    '<p style="background:url(javascript:alert(1))">b</p>',
    '<style>body{display:none}</style><p>b</p>',
    '<p><object data="x.swf"></object>b</p>',
    '<math><mtext><style><img src=x onerror=alert(1)></style></mtext></math><p>b</p>',
    '<p><a href="vbscript:msgbox(1)">b</a></p>',
])
def test_nothing_that_runs_survives(hostile: str) -> None:
    clean = sanitise_html(hostile).lower()
    for live in ("<script", "onerror", "onload", "javascript:", "vbscript:", "data:", "<iframe",
                 "<form", "<input", "style=", "<style", "<object", "<svg"):
        assert live not in clean, (hostile, clean)
    assert "b" in clean  # the text itself stays


def test_script_and_style_content_is_dropped_not_shown() -> None:
    assert sanitise_html("<p>a<script>alert(1)</script><style>p{}</style>b</p>") == "<p>ab</p>"


@pytest.mark.parametrize("url", ["https://example.org/a?b=1&c=2", "http://x.org/", "mailto:a@b.org",
                                 "../briefs/other.html", "{filename}/other.md",
                                 "{static}/images/a.png", "#section"])
def test_safe_links_are_kept(url: str) -> None:
    clean = sanitise_html(f'<p><a href="{url}">x</a></p>')
    assert 'href="' in clean
    assert "<a>" not in clean


def test_news_copy_keeps_its_structure() -> None:
    html = ('<h2>Title</h2><p lang="en" dir="ltr"><strong>B</strong> <em>i</em> '
            '<q>quoted</q> <abbr title="North Atlantic Treaty Organization">NATO</abbr></p>'
            '<blockquote><p>q</p></blockquote><ul><li>one</li></ul>'
            '<table><tr><th scope="col">h</th></tr><tr><td colspan="2">d</td></tr></table>'
            '<figure><img src="https://x.org/a.jpg" alt="A"><figcaption>c</figcaption></figure>')
    assert sanitise_html(html).replace("<tbody>", "").replace("</tbody>", "") == html


def test_author_ids_cannot_clobber_the_theme() -> None:
    clean = sanitise_html('<p id="main">x <a href="#brief-title">y</a></p>')
    assert 'id="text-main"' in clean
    assert 'href="#text-brief-title"' in clean


def test_classes_cannot_pose_as_the_plugins_markup() -> None:
    clean = sanitise_html('<p><span class="brief-quote" id="quote-1">x</span>'
                          '<a class="entity-link" href="/e.html">y</a></p>')
    assert "brief-quote" not in clean and "entity-link" not in clean
    assert 'id="quote-1"' not in clean
