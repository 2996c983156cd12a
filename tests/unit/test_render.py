"""Direction isolation of left-to-right runs inside right-to-left text."""

from __future__ import annotations

import pytest

from briefs.markup.htmltext import apply_wraps, extract_body
from briefs.markup.render import isolation_wraps, key_quote_wraps, ltr_runs


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
    from briefs.pelican.articles import KeyQuote

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


def _mention_document(text: str, name: str):
    from briefs.analysis.entities.model import EntityRef, Mention
    from briefs.analysis.model import Document, Span

    starts = [index for index in range(len(text)) if text.startswith(name, index)]
    mentions = tuple(Mention(start=start, end=start + len(name), text=name, type="person",
                             key=name) for start in starts)
    entity = EntityRef(id="person:rutte", name=name, type="person", mentions=mentions)
    return Document(text=text, lang="ar", direction="rtl", paragraphs=(Span(0, len(text)),),
                    entities=(entity,))


def test_a_name_inside_the_authors_link_is_not_linked_again() -> None:
    from briefs.markup.render import entity_link_wraps

    body = extract_body('<p>قال <a href="https://x.org/">مارك روتي</a> إن مارك روتي باق</p>')
    document = _mention_document(body.text, "مارك روتي")
    wraps = entity_link_wraps(document, {"person:rutte": "person:rutte"},
                              lambda _: "e.html", body.link_spans())
    html = apply_wraps(body, wraps)
    # The author's link stays whole; the next mention outside it gets the entity link.
    assert html == ('<p>قال <a href="https://x.org/">مارك روتي</a> إن '
                    '<a class="entity-link entity-link--person" href="e.html">مارك روتي</a>'
                    ' باق</p>')


def test_a_quote_opening_inside_the_authors_link_gets_no_number() -> None:
    from briefs.analysis.model import Span
    from briefs.pelican.articles import KeyQuote

    body = extract_body('<p>قال <a href="https://x.org/">"الحلف موحد"</a>.</p>')
    start = body.text.index("الحلف")
    quote = KeyQuote(number=1, text="الحلف موحد", speaker=None, cue=None, lang="ar",
                     direction="rtl", anchor="quote-1", backref="key-quote-1",
                     parts=(Span(start, start + len("الحلف موحد")),))
    html = apply_wraps(body, key_quote_wraps([quote], body.link_spans()))
    assert html == ('<p>قال <a href="https://x.org/">"<span class="brief-quote" id="quote-1">'
                    'الحلف موحد</span>"</a>.</p>')
