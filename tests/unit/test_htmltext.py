"""Body text extraction from HTML, and markup written back at text offsets."""

from __future__ import annotations

from briefs.markup.htmltext import Wrap, apply_wraps, extract_body

HTML = (
    "<p>بروكسل (أ ف ب) – قال <em>مارك روتي</em> إن &quot;الصين&quot; تتحمل.</p>\n"
    "<pre><code>ignored()</code></pre>\n"
    "<ul>\n<li>بند أول</li>\n</ul>\n"
    "<p>شاركها.\nExit mobile version</p>\n"
)


def test_text_is_blocks_joined_by_blank_lines_with_references_decoded() -> None:
    body = extract_body(HTML)
    assert body.text == (
        'بروكسل (أ ف ب) – قال مارك روتي إن "الصين" تتحمل.\n\nبند أول\n\n'
        "شاركها.\nExit mobile version"
    )


def test_every_character_maps_back_to_its_source() -> None:
    body = extract_body(HTML)
    for block in body.blocks:
        for char, start, end in zip(block.text, block.char_starts, block.char_ends, strict=True):
            source = HTML[start:end]
            assert source == char or source in {"&quot;"}


def test_wrap_split_at_element_boundaries_nests() -> None:
    body = extract_body(HTML)
    start = body.text.index("قال")
    end = body.text.index(" إن")
    html = apply_wraps(body, [Wrap(start, end, '<span class="q">', "</span>")])
    assert '<span class="q">قال </span><em><span class="q">مارك روتي</span></em>' in html


def test_nested_wraps_and_partial_overlap() -> None:
    body = extract_body("<p>abc def ghi</p>")
    html = apply_wraps(body, [Wrap(0, 7, "<a>", "</a>"), Wrap(4, 7, "<b>", "</b>"),
                              Wrap(5, 11, "<i>", "</i>")])
    # <i> overlaps <a> without nesting in it, so it is dropped.
    assert html == "<p><a>abc <b>def</b></a> ghi</p>"


def test_wraps_at_one_offset_keep_order() -> None:
    body = extract_body("<p>ab</p>")
    html = apply_wraps(body, [Wrap(0, 1, "<x>", "</x>"), Wrap(1, 2, "<y>", "</y>")])
    assert html == "<p><x>a</x><y>b</y></p>"


def test_wrap_over_an_entity_keeps_the_entity() -> None:
    body = extract_body("<p>a &amp; b</p>")
    assert apply_wraps(body, [Wrap(2, 3, "<b>", "</b>")]) == "<p>a <b>&amp;</b> b</p>"


def test_unclosed_and_empty_markup() -> None:
    assert extract_body("").text == ""
    assert extract_body("<p>one<p>two").text == "one\n\ntwo"
    assert extract_body("plain text, no block").text == ""


def test_first_piece_gets_the_first_open_tag_only() -> None:
    body = extract_body("<p>one <em>two</em></p><p>three</p>")
    wrap = Wrap(0, len(body.text), "<q>", "</q>", first_open_tag='<q id="x">')
    assert apply_wraps(body, [wrap]) == (
        '<p><q id="x">one </q><em><q>two</q></em></p><p><q>three</q></p>')
