"""``mujaz import``'s reading of a page: the headline a reader sees, and the article's text."""

from __future__ import annotations

from lxml.html import fromstring

from briefs.cli.extract import (
    Block,
    Inline,
    extract_page,
    kept_the_article,
    page_headings,
    page_words,
    paragraphs_written_as_divs,
    start_after_headline_on_page,
)

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


def test_a_headline_sharing_words_in_other_forms_with_the_title_is_a_version_of_it() -> None:
    # Shared as written: «версии», «example» (two of eight); «поваров» is «повара» too.
    head = ("<meta property='og:title' content='Лучшие повара и кулинары столицы по версии "
            "Example: список'>")
    assert _title(head, "<h1>Хозяева кухни: десять лучших поваров города по версии Example"
                        "</h1>") == "Хозяева кухни: десять лучших поваров города по версии Example"


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


def test_linked_headlines_of_other_stories_after_the_article_are_left_out() -> None:
    paragraphs = "".join(f"<p>The minister said on day {day} that the plan on water number "
                         f"{day} would be put to a vote next week, officials said.</p>"
                         for day in range(6))
    related = ("<h3><a href='https://example.org/a/1'>Storm hits the coast overnight</a></h3>"
               "<p>Winds of 100 km/h closed the port for two days.</p>")
    page = extract_page(_page("<title>Vote next week</title>",
                              f"<article><h1>Vote next week</h1>{paragraphs}{related}</article>"))
    assert page.blocks[0].text.startswith("The minister said on day 0")
    assert "Storm hits the coast" not in page.text


def test_a_precise_extraction_that_lost_the_article_gives_way() -> None:
    article = [Block("p", (Inline(f"Paragraph {n} of the article, with its words."),))
               for n in range(10)]
    assert kept_the_article(article[2:], article)
    assert not kept_the_article(article[:1], article)


def test_an_article_body_written_as_html_in_json_ld_is_read_as_text() -> None:
    body = ("&lt;p&gt;" + "The council voted the budget after a long debate. " * 5 + "&lt;/p&gt;"
            "&lt;div&gt;&lt;img src='x.jpg'/&gt;&lt;/div&gt;&lt;h2&gt;What comes next&lt;/h2&gt;"
            "&lt;p&gt;" + "The plan goes to the regions in spring. " * 5 + "&lt;/p&gt;")
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
            f'"Budget voted", "articleBody": "{body}"}}</script>')
    page = extract_page(_page(head, "<h1>Budget voted</h1><p>Subscribe to read on.</p>"))
    assert "What comes next" in page.text
    assert "The plan goes to the regions in spring." in page.text
    assert "<" not in page.text and "img" not in page.text


def test_an_article_body_that_is_only_the_lead_does_not_replace_the_article() -> None:
    lead = "The council met on Monday to vote the budget of the coming year, its chair said. " * 3
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
            f'"Budget voted", "articleBody": "Budget voted {lead}"}}</script>')
    paragraphs = "".join(f"<p>Speaker {n} of the debate asked for more money for schools and "
                         f"roads in the northern districts, and the vote was held.</p>"
                         for n in range(12))
    page = extract_page(_page(head, f"<article><h1>Budget voted</h1>{paragraphs}</article>"))
    assert "Speaker 11 of the debate" in page.text
    assert "JSON-LD articleBody" not in page.notes


def test_captions_written_as_paragraphs_are_left_out() -> None:
    paragraphs = [f"<p>Collectors in town {n} pay a lot for the rare notes printed with an "
                  f"error in the spring, a dealer said on the radio.</p>" for n in range(8)]
    picture = ("<div class='mol-img-group'><img src='x.jpg' alt=''>"
               "<p class='imageCaption'>A dealer holds one of the rare notes in his shop in "
               "the old town</p></div>")
    body = "".join(paragraphs[:4]) + picture + "".join(paragraphs[4:])
    page = extract_page(_page("", f"<article><h1>Rare notes</h1>{body}</article>"))
    assert "Collectors in town 7" in page.text
    assert "holds one of the rare notes" not in page.text
    assert "captions left out" in page.notes


def test_teasers_extracted_before_the_headline_are_not_the_article() -> None:
    teasers = "".join(f"<article class='card'><h3><a href='/s/{n}'>Other story {n} here</a>"
                      f"</h3><p>Teaser text of story {n}.</p></article>" for n in range(3))
    paragraphs = "".join(f"<p>The fair opened on day {day} with seven hundred exhibitors from "
                         f"forty countries, its director said.</p>" for day in range(5))
    page = extract_page(_page("<meta property='og:title' content='Book fair opens in Rabat'>",
                              f"<section class='teasers'>{teasers}</section><main>"
                              "<article class='story'>"
                              f"<h1>Book fair opens in Rabat</h1>{paragraphs}</article></main>"))
    assert page.title == "Book fair opens in Rabat"
    assert page.blocks[0].text.startswith("The fair opened on day 0")
    assert "Teaser text" not in page.text


ARABIC_BODY = "<p>" + "قال الوزير إن الخطة ستعرض على التصويت الأسبوع المقبل. " * 8 + "</p>"


def test_a_date_tag_written_in_arabic_words_is_read() -> None:
    head = "<meta property='article:published_time' content='الأربعاء، 07 أكتوبر 2020 - 12:09 م'>"
    page = extract_page(_page(head, f"<article><h1>عنوان الخبر هنا</h1>{ARABIC_BODY}</article>"))
    assert page.date is not None
    assert page.date.isoformat() == "2020-10-07T12:09:00"


def test_a_date_written_beside_the_headline_is_read_when_the_page_has_no_date_tag() -> None:
    header = ("<div class='title'><h1>أميركا: 50 ألفا حصيلة الوفيات</h1>"
              "<span>تم نشره الجمعة ٢٤ نيسان / أبريل ٢٠٢٠ 09:22 مساءً</span></div>")
    page = extract_page(_page("<title>أميركا</title>",
                              f"<div class='story'>{header}{ARABIC_BODY}</div>"))
    assert page.date is not None
    assert page.date.isoformat() == "2020-04-24T21:22:00"


def test_the_words_a_page_shows_leave_out_its_scripts_and_styles() -> None:
    tree = fromstring("<html><head><title>t</title></head><body><p>One two three</p>"
                      "<script>var a = 1; var b = 2;</script><style>p { color: red }</style>"
                      "<div>four <b>five</b></div></body></html>")
    assert page_words(tree) == 5


def _paragraphs(topic: str, count: int) -> str:
    return "".join(f"<p>The {topic} was discussed again on day {day}, and the council heard "
                   f"residents who asked for a clear answer before the summer, officials said.</p>"
                   for day in range(count))


def _after_first_paragraph(inner: str, topic: str, count: int) -> str:
    """Return ``count`` paragraphs about ``topic`` with ``inner`` after the first one."""
    paragraphs = _paragraphs(topic, count)
    middle = paragraphs.index("</p>") + len("</p>")
    return f"{paragraphs[:middle]}{inner}{paragraphs[middle:]}"


def _part(inner: str) -> str:
    return f"<div class='grid'><div class='article-body'>{inner}</div><div class='ad'></div></div>"


def test_an_article_cut_into_containers_of_one_kind_is_read_whole() -> None:
    ad = "<div class='ad-row'><span>Advertisement</span></div>"
    related = _part("<p><a href='https://example.org/s/9'>Night trains return to the valley</a>"
                    "</p><p>Sleeper cars run again.</p>")
    body = (f"<article><h1>Ferry or bridge</h1><div class='parts'>{_part(_paragraphs('ferry', 3))}"
            f"{ad}{_part(_paragraphs('bridge', 3))}{ad}{_part(_paragraphs('petition', 2))}"
            f"</div></article><section class='related'>{related}</section>")
    page = extract_page(_page("<title>Ferry or bridge</title>", body))
    assert [block.text.split()[1] for block in page.blocks] == [
        "ferry"] * 3 + ["bridge"] * 3 + ["petition"] * 2
    assert "Night trains" not in page.text and "Sleeper cars" not in page.text
    assert "Advertisement" not in page.text


def test_the_next_story_under_its_own_headline_is_not_a_part_of_the_article() -> None:
    body = (f"<main><article><h1>Ferry or bridge</h1>{_part(_paragraphs('ferry', 3))}"
            f"<h1>Orchard bought back</h1>{_part(_paragraphs('orchard', 3))}</article></main>")
    page = extract_page(_page("<title>Ferry or bridge</title>", body))
    assert "ferry was discussed" in page.text
    assert "orchard" not in page.text


def test_paragraphs_written_as_divs_beside_a_p_are_read_whole() -> None:
    divs = ("<div class='para'>The indexes were mixed in early trading after "
            "<a href='https://example.org/a'>a report</a> that the mood was pessimistic, "
            "traders said.</div>"
            "<div class='para'>Another paragraph without any link, long enough to be one of "
            "the article's paragraphs.</div>")
    body = (f"<article><h1>Markets mixed</h1><section id='body-text'><div class='box'>"
            "<div class='lead'><p>HONG KONG - A muddled view of the trade talks weighs on "
            f"investors.</p></div>{divs}</div></section></article>")
    page = extract_page(_page("<title>Markets mixed</title>", body))
    assert [block.text[:20] for block in page.blocks] == [
        "HONG KONG - A muddle", "The indexes were mix", "Another paragraph wi"]
    assert "a report that the mood" in page.text


def test_only_a_div_that_reads_as_one_paragraph_among_others_gets_a_p() -> None:
    text = "Ten words or more of plain text make this div read as a paragraph."
    linked = "<a href='/x'>A teaser headline of another story, linked all through</a>"
    tree = fromstring(f"<html><body><div class='story'><p>{text}</p><div>{text}</div>"
                      f"<div>{linked}</div><div><ul><li>{text}</li></ul></div>"
                      "<div>Too short to be one.</div></div></body></html>")
    assert paragraphs_written_as_divs(tree) == 1
    assert [element.tag for element in tree.find("body/div")] == ["p", "p", "div", "div", "div"]
    lone = fromstring(f"<html><body><p>{text}</p><section><div>{text}</div></section>"
                      "</body></html>")
    assert paragraphs_written_as_divs(lone) == 0  # no <p> beside it, no div of its kind
    without_p = fromstring(f"<html><body><div>{text}</div><div>{text}</div></body></html>")
    assert paragraphs_written_as_divs(without_p) == 0  # trafilatura reads the divs itself


LEAD = ("A seed bank built into a hillside now keeps twice as many wild grain varieties as it "
        "did five years ago, its keepers said.")


def _lead_page(before_text: str) -> bytes:
    head = (f"<title>Seed bank grows</title><meta property='og:description' content='{LEAD}'>"
            "<link rel='canonical' href='https://daily.example.net/science/seed-bank'>")
    return _page(head, f"<main><div class='story'><h1>Seed bank grows</h1>{before_text}"
                       f"<div class='story-text'>{_paragraphs('seed bank', 4)}</div></div></main>")


def test_a_lead_printed_apart_right_before_the_article_is_its_first_paragraph() -> None:
    page = extract_page(_lead_page(f"<div class='date'>12 Mar</div><div class='lead'>{LEAD}</div>"))
    assert page.blocks[0].text == LEAD
    assert page.blocks[1].text.startswith("The seed bank was discussed again on day 0")


def test_a_standfirst_with_a_byline_or_a_header_between_it_and_the_article_is_not() -> None:
    byline = f"<div class='dek'>{LEAD}</div><div class='byline'>By Lina Morel, 12 Mar</div>"
    header = f"<header><div class='dek'>{LEAD}</div></header>"
    for before in (byline, header):
        page = extract_page(_lead_page(before))
        assert "twice as many" not in page.text
        assert page.blocks[0].text.startswith("The seed bank was discussed again on day 0")


def test_a_card_of_another_story_among_the_paragraphs_is_left_out_a_quote_to_share_is_not() -> None:
    card = ("<a href='/science/otters'><span>Also on Example Daily</span>"
            "<span>River otters return to the valley</span></a>")
    share = ("<a href='https://social.example.com/intent?text=seeds'><span>Seeds are a library "
             "that grows every year it is used.</span><span>Share this quote</span></a>")
    body = (f"<article><h1>Seed bank grows</h1><div class='story-text'>"
            f"{_after_first_paragraph(card + share, 'seed bank', 4)}</div></article>")
    head = ("<title>Seed bank grows</title>"
            "<link rel='canonical' href='https://daily.example.net/science/seed-bank'>")
    page = extract_page(_page(head, body))
    assert "River otters" not in page.text and "Also on" not in page.text
    assert "Seeds are a library that grows" in page.text


def test_a_card_of_links_shown_on_hovering_a_name_is_not_part_of_the_sentence() -> None:
    card = ("<span class='hover'><a href='/people/lina-morel'>Lina Morel</a>"
            "<span class='hover-card'><img src='lina.jpg' alt=''>"
            "<a href='/people/lina-morel'>Lina Sofia Morel</a>"
            "<a href='/s/1'>Mayor opens the new ferry terminal</a> "
            "<a href='/s/2'>Council votes the harbour budget</a> "
            "<a href='/people/lina-morel'>MORE</a></span></span>")
    listed = ("<a href='/s/3'>the ferry</a>, <a href='/s/4'>the bridge</a> and "
              "<a href='/s/5'>the tunnel</a>")
    body = (f"<article><h1>Harbour plan</h1><p>Mayor {card} said on Monday that the harbour "
            f"plan would go to a vote in spring, after a year of hearings.</p><p>Residents "
            f"compared {listed} before the vote, and most of them chose the ferry.</p>"
            f"{_paragraphs('harbour plan', 3)}</article>")
    page = extract_page(_page("<title>Harbour plan</title>", body))
    assert page.blocks[0].text.startswith("Mayor Lina Morel said on Monday")
    assert "the ferry, the bridge and the tunnel" in page.text


def _card(paragraph: str) -> str:
    return (f"<div class='card item'><div class='card-text'><p>{paragraph}</p>"
            "<div class='ad'><script>showAd('box')</script></div></div></div>")


def test_a_paragraph_card_dropped_between_two_kept_cards_is_put_back() -> None:
    texts = [f"The telescope team measured the plume of water vapour again on night {night}, "
             "and the readings matched the first ones within a few per cent." for night in range(4)]
    linked = ("The finding was announced on Monday in the journal "
              "<a href='https://journal.example.org/a/1'>Planetary Notes</a>.")
    cards = "".join(_card(text) for text in texts[:2]) + _card(linked) + "".join(
        _card(text) for text in texts[2:])
    related = _card("<a href='/s/9'>Read more</a>")
    page = extract_page(_page("<title>Water vapour seen</title>",
                              f"<main><h1>Water vapour seen</h1><div class='cards'>{cards}"
                              f"{related}</div></main>"))
    assert [block.text for block in page.blocks] == [
        *texts[:2], "The finding was announced on Monday in the journal Planetary Notes.",
        *texts[2:]]


def test_a_comment_box_with_its_rules_under_the_article_is_left_out() -> None:
    rules = ("<h2>Comment</h2><div class='rules'><span>Rules of use</span><ul>"
             "<li>Comments speak for those who write them and no one else.</li>"
             "<li>Insults and threats are taken down without notice.</li>"
             "<li>Moderators read every comment before it is shown.</li></ul></div>")
    form = ("<div class='form-box'><form action='/comment' method='post'>"
            "<input name='name'><textarea name='text'></textarea>"
            "<button>Send</button></form></div>")
    search = "<form action='/search'><input name='q'><button>Search</button></form>"
    body = (f"<div class='page'>{search}<article><h1>Harbour plan</h1>"
            f"{_paragraphs('harbour plan', 4)}<div class='box comments'>{rules}{form}</div>"
            "</article></div>")
    page = extract_page(_page("<title>Harbour plan</title>", body))
    assert len(page.blocks) == 4
    assert page.blocks[0].text.startswith("The harbour plan was discussed again on day 0")
    assert "Comments speak" not in page.text and "Rules of use" not in page.text


def test_the_rules_before_a_comments_service_placeholder_are_left_out() -> None:
    rules = ("<div class='line'></div><div class='note'><p>We welcome a lively and useful "
             "discussion: please read the rules of use before you write, since your name and "
             "picture may be shown with what you write, under the privacy policy.</p>"
             "<p>Comments below speak for those who write them.</p></div>")
    widget = "<div class='fb-comments' data-href='https://example.org/harbour'></div>"
    body = (f"<article><h1>Harbour plan</h1><div class='story'>{_paragraphs('harbour plan', 4)}"
            f"{rules}{widget}</div></article>")
    page = extract_page(_page("<title>Harbour plan</title>", body))
    assert len(page.blocks) == 4
    assert "lively and useful discussion" not in page.text


def test_a_link_to_a_place_on_the_page_standing_as_a_block_is_left_out() -> None:
    paragraphs = _paragraphs("harbour plan", 3)
    footnote = ("<p>The ferry carried 1,200 people a day<span class='note'>"
                "<a href='#note-1'><sup>1</sup></a></span> before the storm, "
                "<a href='#figures'>see the figures below</a>.</p>")
    body = (f"<div class='skip'><a href='#main'>Skip to content</a></div><article><h1>Harbour "
            f"plan</h1><div class='story'>{paragraphs}<div class='react'><a href='#comments'>"
            f"Comments</a></div>{footnote}<a href='#comments' class='reactions'>Comments</a>"
            "</div></article>")
    page = extract_page(_page("<title>Harbour plan</title>", body))
    assert "Comments" not in page.text and "Skip" not in page.text
    assert page.blocks[-1].text == ("The ferry carried 1,200 people a day1 before the storm, "
                                    "see the figures below.")


def test_an_unrendered_shortcode_is_left_out_a_source_in_brackets_is_not() -> None:
    shortcode = ('<p>[button link="https://example.org/send-review/" type="big"] Send us your '
                 "review[/button]</p>")
    body = (f"<article><h1>Harbour plan</h1>{_paragraphs('harbour plan', 3)}<p>[Wired]</p>"
            f"{shortcode}{_paragraphs('ferry', 2)}</article>")
    page = extract_page(_page("<title>Harbour plan</title>", body))
    assert "[Wired]" in page.text
    assert "button" not in page.text and "Send us your review" not in page.text


def test_headings_that_end_the_article_with_nothing_under_them_are_left_out() -> None:
    ending = ("<h3>Harbour Newsletter</h3><h4>Get the week's harbour stories and the ferry "
              "times in your inbox</h4>")
    comments = "<h3>Tell us what you think...</h3><p>comments</p>"
    for tail in (ending, comments):
        body = f"<article><h1>Harbour plan</h1>{_paragraphs('harbour plan', 4)}{tail}</article>"
        page = extract_page(_page("<title>Harbour plan</title>", body))
        assert len(page.blocks) == 4
        assert page.blocks[-1].text.startswith("The harbour plan was discussed again on day 3")
    inside = (f"<article><h1>Harbour plan</h1>{_paragraphs('harbour plan', 2)}<h2>What comes "
              f"next</h2>{_paragraphs('ferry', 2)}</article>")
    page = extract_page(_page("<title>Harbour plan</title>", inside))
    assert "What comes next" in page.text


def test_a_notice_printed_above_the_headline_is_not_the_article() -> None:
    notice = ("<div class='print-only'><p>Printed for private reading; the syndication office "
              "sells further copies of this page to schools and firms.</p></div>")
    body = (f"<div class='main'>{notice}<article><h1>Harbour plan</h1>"
            f"{_paragraphs('harbour plan', 4)}</article></div>")
    page = extract_page(_page("<title>Harbour plan</title>", body))
    assert "private reading" not in page.text
    assert page.blocks[0].text.startswith("The harbour plan was discussed again on day 0")

    def start_after_headline(html: str) -> tuple[list[Block], list[Block]]:
        tree = fromstring(f"<html><body>{html}</body></html>")
        blocks = [Block("p", (Inline(paragraph.text_content()),)) for paragraph in tree.iter("p")]
        return blocks, start_after_headline_on_page(blocks, "Harbour plan", *page_headings(tree))

    blocks, started = start_after_headline(
        f"<p>Printed copy notice.</p><h1>Harbour plan</h1>{_paragraphs('harbour plan', 2)}")
    assert started == blocks[1:]
    # Paragraphs before the headline that are more than what follows it are the article.
    blocks, started = start_after_headline(
        f"{_paragraphs('harbour plan', 3)}<h1>Harbour plan</h1><p>Photo: the harbour.</p>")
    assert started == blocks


def test_calls_in_bold_that_open_and_close_the_article_with_one_link_are_left_out() -> None:
    signup = "https://letters.example.com/harbour-morning"
    opening = (f"<p><strong>Harbour Morning, the port's own letter, is free: "
               f"<a href='{signup}'>join the readers</a> who get it at dawn.</strong></p>")
    closing = (f"<p><strong>Liked this? <a href='{signup}'>Harbour Morning</a> brings the "
               "tides, the ships and the markets every day.</strong></p>")
    source = ("<p><em>The harbour plan, read in full at the "
              "<a href='https://council.example.org/plan'>council's site</a>.</em></p>")
    body = (f"<article><h1>Harbour plan</h1><div class='text'>{opening}"
            f"{_paragraphs('harbour plan', 4)}{source}{closing}</div></article>")
    page = extract_page(_page("<title>Harbour plan</title>", body))
    assert "Harbour Morning" not in page.text
    assert page.blocks[0].text.startswith("The harbour plan was discussed again on day 0")
    assert page.blocks[-1].text == "The harbour plan, read in full at the council's site."


def test_text_written_straight_into_the_container_beside_its_paragraphs_is_read() -> None:
    intro = ("The harbour board met on Monday to settle the plan, after two years of "
             "hearings and three reports on the ferry and the bridge.")
    quote = ('"It is a plan for the next fifty years, not for the next election," the mayor '
             "<em>said</em> after the vote.")
    body = (f"<article><h1>Harbour plan</h1><div class='story'>{intro}<p></p>"
            f"{_after_first_paragraph(quote, 'harbour plan', 4)}</div></article>")
    page = extract_page(_page("<title>Harbour plan</title>", body))
    texts = [block.text for block in page.blocks]
    assert texts[0] == intro
    assert texts[2] == quote.replace("<em>", "").replace("</em>", "")
    assert len(texts) == 6


def test_an_offer_linked_all_through_among_the_paragraphs_is_left_out() -> None:
    offer = ("<a href='https://daily.example.net/promos/pro'>Example Daily Pro: every report, "
             "the whole archive and the evening letter, half price in the first year with the "
             "code HARBOUR.</a>")
    body = (f"<article><h1>Seed bank grows</h1><div class='story-text'>"
            f"{_paragraphs('seed bank', 4)}<br><br>{offer}</div></article>")
    head = ("<title>Seed bank grows</title>"
            "<link rel='canonical' href='https://daily.example.net/science/seed-bank'>")
    page = extract_page(_page(head, body))
    assert "Example Daily Pro" not in page.text
    assert len(page.blocks) == 4


def test_a_paragraph_after_an_empty_bold_element_is_kept() -> None:
    kept = ("The board called it a sound plan for the port, its keepers said on Monday "
            "after the long vote in the hall.")
    inserted = _after_first_paragraph(f"<p><strong></strong>{kept}</p>", "harbour plan", 3)
    body = f"<article><h1>Harbour plan</h1>{inserted}</article>"
    page = extract_page(_page("<title>Harbour plan</title>", body))
    assert [block.text for block in page.blocks][1] == kept


def test_dates_in_iso_basic_form_or_as_javascript_writes_them_are_read_with_their_zone() -> None:
    javascript = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
                  '"Harbour plan", "datePublished": "Tue Nov 19 2019 03:05:46 GMT+0000"}</script>')
    basic = "<meta name='pubdate' content='20180619T055000+0900'>"
    for head, expected in ((javascript, "2019-11-19T03:05:46+00:00"),
                           (basic, "2018-06-19T05:50:00+09:00")):
        page = extract_page(_page(f"<title>Harbour plan</title>{head}",
                                  f"<article><h1>Harbour plan</h1>{BODY}</article>"))
        assert page.date is not None
        assert page.date.isoformat() == expected


def test_a_comment_form_beside_an_article_written_without_paragraphs_leaves_the_article() -> None:
    divs = "".join(f"<div>The harbour plan was discussed again on day {day}, and the council "
                   "heard residents who asked for a clear answer before the summer.</div>"
                   for day in range(6))
    form = "<div class='reply'><form><textarea name='text'></textarea></form></div>"
    page = extract_page(_page("<title>Harbour plan</title>",
                              f"<div class='page'><div class='story'>{divs}</div>{form}</div>"))
    assert "discussed again on day 5" in page.text


def test_an_embedded_post_is_kept_as_a_quotation_with_its_author_line() -> None:
    tweet = ("<div class='social-media-embed'><blockquote class='twitter-tweet'><p lang='en'>"
             "The ferry runs again from Monday, <a href='https://t.co/x1'>pic.example/x1</a></p>"
             "— Harbour Office (@harbour_office) <a href='https://x.example/harbour/status/1'>"
             "March 3, 2024</a></blockquote><script src='https://x.example/widgets.js'></script>"
             "</div>")
    post = ("<div class='fb-post embed'><blockquote class='fb-xfbml-parse-ignore'><p>We voted "
            "for the bridge, and we will say so again.</p>Posted by <a href='#'>Residents of "
            "the Bay</a> on <a href='https://fb.example/posts/2'>Sunday, March 3, 2024</a>"
            "</blockquote></div>")
    photo = ("<blockquote class='instagram-media' data-instgrm-captioned><div><a href="
             "'https://photos.example/p/3'><div>View this post</div></a><p><a href="
             "'https://photos.example/p/3'>The new ferry at dawn, first crossing.</a></p><p>A "
             "post shared by <a href='https://photos.example/harbour'>Harbour Office</a> "
             "(@harbour) on <time datetime='2024-03-03T08:00'>Mar 3, 2024</time></p></div>"
             "</blockquote>")
    plugin = ("<div class='fb-page'><blockquote class='fb-xfbml-parse-ignore'>"
              "<a href='https://fb.example/daily'>Example Daily</a></blockquote></div>")
    body = (f"<article><h1>Harbour plan</h1>"
            f"{_after_first_paragraph(tweet + post + photo, 'harbour plan', 4)}</article>{plugin}")
    page = extract_page(_page("<title>Harbour plan</title>", body))
    quotes = [block.text for block in page.blocks if block.kind == "quote"]
    assert quotes == ["The ferry runs again from Monday, pic.example/x1",
                      "— Harbour Office (@harbour_office) March 3, 2024",
                      "We voted for the bridge, and we will say so again.",
                      "Posted by Residents of the Bay on Sunday, March 3, 2024",
                      # a caption linked all through and a <time>, which trafilatura drops
                      "The new ferry at dawn, first crossing.",
                      "A post shared by Harbour Office (@harbour) on Mar 3, 2024"]
    assert page.blocks[1].kind == "quote"  # where the page shows it, after the first paragraph
    assert "Example Daily" not in page.text
