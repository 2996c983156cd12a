"""Calm entity links: which mentions of a name in a brief's body link to its page."""

from __future__ import annotations

import pytest

from briefs.analysis.entities.model import EntityRef, Mention
from briefs.analysis.model import Document, Span
from briefs.markup.htmltext import apply_wraps, extract_body
from briefs.markup.render import entity_link_wraps
from briefs.settings import BriefsConfigError, BriefsSettings

BODY = ("<p>قال مارك روتي إن الحلف موحد، وأضاف مارك روتي أن الصين مسؤولة.</p>"
        "<p>وكرر مارك روتي دعوته، ورفضت الصين ذلك.</p>")
LINK = '<a class="entity-link entity-link--{kind}" href="{slug}.html">{name}</a>'


def _document(text: str, paragraphs: tuple[Span, ...]) -> Document:
    refs = []
    for ref_id, name, kind in (("person:rutte", "مارك روتي", "person"),
                               ("place:CN", "الصين", "place")):
        starts = [index for index in range(len(text)) if text.startswith(name, index)]
        mentions = tuple(Mention(start=start, end=start + len(name), text=name, type=kind,
                                 key=name) for start in starts)
        refs.append(EntityRef(id=ref_id, name=name, type=kind, mentions=mentions))
    return Document(text=text, lang="ar", direction="rtl", paragraphs=paragraphs,
                    entities=tuple(refs))


def _linked(mode: str | None) -> str:
    """The body with its entity links, in ``mode`` (None: the default)."""
    body = extract_body(BODY)
    first_end = body.text.index("مسؤولة.") + len("مسؤولة.")
    paragraphs = (Span(0, first_end), Span(body.text.index("وكرر"), len(body.text)))
    wraps = entity_link_wraps(_document(body.text, paragraphs),
                              {"person:rutte": "person:rutte", "place:CN": "place:CN"},
                              lambda site_id: site_id.split(":")[1] + ".html",
                              **({"mode": mode} if mode else {}))
    return apply_wraps(body, wraps)


def test_by_default_only_the_first_mention_in_the_brief_is_a_link() -> None:
    html = _linked(None)
    assert html == _linked("first")
    assert html.count(LINK.format(kind="person", slug="rutte", name="مارك روتي")) == 1
    assert html.count(LINK.format(kind="place", slug="CN", name="الصين")) == 1
    # The link sits on the first mention: the first paragraph holds both links.
    first, second = html.split("</p>", 1)
    assert first.count("<a ") == 2 and "<a " not in second


def test_paragraph_mode_links_the_first_mention_in_every_paragraph() -> None:
    html = _linked("paragraph")
    first, second = html.split("</p>", 1)
    for part in (first, second):
        assert part.count(LINK.format(kind="person", slug="rutte", name="مارك روتي")) == 1
        assert part.count(LINK.format(kind="place", slug="CN", name="الصين")) == 1


def test_none_mode_links_no_name() -> None:
    html = _linked("none")
    assert "entity-link" not in html
    assert html == extract_body(BODY).html


def test_the_setting_is_checked() -> None:
    assert BriefsSettings.from_pelican({}).link_mentions == "first"
    assert BriefsSettings.from_pelican(
        {"BRIEFS_LINK_MENTIONS": "paragraph"}).link_mentions == "paragraph"
    with pytest.raises(BriefsConfigError, match="BRIEFS_LINK_MENTIONS"):
        BriefsSettings.from_pelican({"BRIEFS_LINK_MENTIONS": "all"})
