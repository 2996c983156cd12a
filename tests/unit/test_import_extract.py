"""``mujaz import``'s reading of a page: the headline a reader sees, and the article's text."""

from __future__ import annotations

from briefs.cli.extract import extract_page

BODY = "<p>" + "The minister said the plan would be put to a vote next week. " * 8 + "</p>"


def _page(head: str, body: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'>{head}</head>"
            f"<body>{body}</body></html>").encode()


def _title(head: str, headings: str) -> str:
    return extract_page(_page(head, f"<article>{headings}{BODY}</article>")).title


def test_the_visible_headline_wins_over_a_title_rewritten_for_search() -> None:
    head = ("<meta property='og:title' content='Delhi air pollution: the law that fuels "
            "the city poor air quality'>")
    assert _title(head, "<h1>The law that fuels Delhi deadly air pollution</h1>") == (
        "The law that fuels Delhi deadly air pollution")


def test_a_kicker_or_section_only_the_metadata_carries_goes() -> None:
    opinion = "<meta property='og:title' content='Opinion | Republicans Follow Trump Nowhere'>"
    assert _title(opinion, "<h1>Republicans Follow Trump Nowhere</h1>") == (
        "Republicans Follow Trump Nowhere")
    editorial = ("<meta property='og:title' content='The view on Hong Kong: a city on the "
                 "brink | Editorial'>")
    assert _title(editorial, "<h1>The view on Hong Kong: a city on the brink</h1>") == (
        "The view on Hong Kong: a city on the brink")


def test_a_headline_the_metadata_cut_short_is_read_whole() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
            '"Hunter diagnosed with plague after eating a rabbit making him third"}</script>')
    assert _title(head, "<h1>Hunter diagnosed with plague after eating a rabbit making him "
                        "third case in Beijing</h1>") == (
        "Hunter diagnosed with plague after eating a rabbit making him third case in Beijing")


def test_an_h1_that_is_the_site_name_or_another_story_is_not_the_headline() -> None:
    head = ("<meta property='og:site_name' content='India Post'>"
            "<meta property='og:title' content='Deportees return home from the United States'>")
    assert _title(head, "<h1>India Post</h1>") == "Deportees return home from the United States"
    assert _title(head, "<h1>Why don't you go fight for the reindeer?</h1>") == (
        "Deportees return home from the United States")


def test_a_kicker_a_logo_link_or_a_byline_inside_the_h1_is_left_out() -> None:
    head = "<meta property='og:title' content='الناتو يدعو الصين إلى وقف دعم روسيا'>"
    headings = ("<h1><span class='kicker'>عاجل</span> الناتو يدعو الصين إلى وقف دعم روسيا "
                "في أوكرانيا<br><a href='/'>وكالة المثال</a></h1>")
    assert _title(head, headings) == "الناتو يدعو الصين إلى وقف دعم روسيا في أوكرانيا"
    byline = ("<h1><span>Anticorrupción recurre la imputación de la Infanta</span>"
              "<span>Editor Juan Pérez</span></h1>")
    spanish = ("<meta property='og:title' content='Anticorrupción recurre la imputación de la "
               "Infanta'>")
    assert _title(spanish, byline) == "Anticorrupción recurre la imputación de la Infanta"
