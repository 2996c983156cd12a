"""Direction isolation of left-to-right runs inside right-to-left text."""

from __future__ import annotations

import pytest

from briefs.htmltext import apply_wraps, extract_body
from briefs.render import isolation_wraps, key_quote_wraps, ltr_runs


@pytest.mark.parametrize(("text", "runs"), [
    ("قال Mark Rutte إن", ["Mark Rutte"]),
    ("ما يصل إلى 12000 جندي في 2024", ["12000", "2024"]),
    ("مجموعة G20 ونسبة 3.5% فقط", ["G20", "3.5%"]),
    ("حلف NATO، والاتحاد EU.", ["NATO", "EU"]),
    ("لا شيء هنا", []),
])
def test_ltr_runs(text: str, runs: list[str]) -> None:
    assert [text[s:e] for s, e in ltr_runs(text)] == runs


def test_runs_never_cross_paragraphs() -> None:
    body = extract_body("<p>في 2024</p>\n<p>2025 أيضا</p>")
    html = apply_wraps(body, isolation_wraps(body))
    assert html == "<p>في <bdi>2024</bdi></p>\n<p><bdi>2025</bdi> أيضا</p>"


def test_key_quote_gets_one_id_and_a_numbered_link_back() -> None:
    from briefs.analysis.model import Span
    from briefs.articles import KeyQuote

    body = extract_body("<p>قال روتي: “الحلف <em>موحد</em>”.</p><p>“ويبقى كذلك</p>")
    first = body.text.index("الحلف")
    second = body.text.index("ويبقى")
    quote = KeyQuote(number=1, text="", speaker="مارك روتي", cue="قال", lang="ar",
                     direction="rtl", anchor="quote-1", backref="key-quote-1",
                     parts=(Span(first, first + len("الحلف موحد")),
                            Span(second, len(body.text))))
    html = apply_wraps(body, key_quote_wraps([quote]))
    assert html.count('id="quote-1"') == 1
    assert html == (
        '<p>قال روتي: “<span class="brief-quote" id="quote-1">'
        '<a class="quote-ref" href="#key-quote-1">1</a>الحلف </span><em>'
        '<span class="brief-quote">موحد</span></em>”.</p>'
        '<p>“<span class="brief-quote">ويبقى كذلك</span></p>')
