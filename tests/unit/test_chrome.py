"""Site chrome anywhere in a body: each kind found, the article's own lines kept, and the page
body cut to exactly the analysed text."""

from __future__ import annotations

import pickle

import markdown
import pytest

from briefs.analysis.boilerplate import (
    DEFAULT_PATTERNS,
    Removed,
    compile_patterns,
    cut,
    default_cues,
    find_boilerplate,
    removal_ranges,
)
from briefs.analysis.pipeline import AnalysisConfig, analyse
from briefs.markup.htmltext import drop_text_ranges, extract_body

LEAD = "بروكسل (أ ف ب) – يكثف حلف شمال الأطلسي جهوده للضغط على الصين وكوريا الشمالية."
MORE = "وقال الأمين العام للحلف مارك روتي إن الصين تتحمل مسؤولية خاصة في هذا الشأن."
END = "وأضاف أن الحلف سيواصل دعم أوكرانيا في السنوات المقبلة."


def kinds(body: str) -> list[tuple[str, str]]:
    return [(str(line), line.kind) for line in find_boilerplate(body)]


@pytest.mark.parametrize(("chrome", "kind"), [
    # "read also" lines with another story's headline, in the middle of the article.
    ("اقرأ أيضا: الصين ترد على اتهامات الناتو بشأن أوكرانيا", "read_also"),
    ("■ اقرأ أيضاً | روسيا تعلن السيطرة على قرية في كورسك", "read_also"),
    ("إقرأ أيضا الصين ترد على اتهامات الناتو", "read_also"),
    ("Read also: China rejects NATO's accusations over Ukraine", "read_also"),
    ("Lire aussi | La Chine rejette les accusations de l'OTAN", "read_also"),
    # Newsletter and follow-us lines.
    ("تابعونا على تطبيق واتساب لمتابعة آخر الأخبار", "share"),  # a default pattern
    ("انضموا إلى قناتنا على تلغرام", "newsletter"),
    ("اشترك في النشرة البريدية", "newsletter"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Abonnez-vous à notre newsletter", "newsletter"),
    # Photo credits standing alone.
    ("صورة: أ ف ب", "credit"),
    ("Photo: Reuters/John Smith", "credit"),
    ("Crédit photo : AFP", "credit"),
    ("© Getty Images", "credit"),
    # Copyright and comment-section disclaimers.
    ("الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.", "disclaimer"),
    ("Copyright 2024 The Example Post. All rights reserved.", "disclaimer"),
    # Timestamps standing alone.
    ("22:35", "timestamp"),
    ("14 نوفمبر 2024 - 10:05", "timestamp"),
    ("الخميس، 14 نوفمبر 2024", "timestamp"),
    ("منذ 5 دقائق", "timestamp"),
    ("نشر في 14 نوفمبر 2024", "timestamp"),
    ("Updated 14 November 2024 10:05 GMT", "timestamp"),
    ("Publié le 14 novembre 2024 à 10h05", "timestamp"),
    ("2024-11-14 10:05", "timestamp"),
    # Share and navigation lines (the editor's patterns), now anywhere.
    ("شاركها.", "share"),
    ("Exit mobile version", "share"),
    ("Commenter", "share"),
    ("أضف تعليقك", "share"),
])
def test_each_kind_of_chrome_in_the_middle_is_removed(chrome: str, kind: str) -> None:
    body = f"{LEAD}\n\n{chrome}\n\n{MORE}\n\n{END}"
    assert kinds(body) == [(chrome, kind)]
    document = analyse(body, lang="ar", config=AnalysisConfig(recognise_entities=False))
    assert document.text == f"{LEAD}\n\n{MORE}\n\n{END}"
    assert [str(line) for line in document.boilerplate] == [chrome]


TICKER = ("22:35\nروسيا تعلن السيطرة على قرية جديدة في كورسك\n"
          "22:10\nالصين تدعو إلى وقف إطلاق النار في غزة\n21:58\nارتفاع أسعار النفط")


@pytest.mark.parametrize("chrome", [
    # A breaking-news ticker after the article: times on their own lines, headlines under.
    TICKER,
    TICKER.replace("\n", "\n\n"),
    # Times and headlines on one line each.
    "22:35 روسيا تعلن السيطرة على قرية\n22:10 الصين تدعو إلى وقف إطلاق النار",
    # "Most read" and "breaking" lists: a heading and headline-shaped lines under it.
    "الأكثر قراءة\nروسيا تعلن السيطرة على قرية جديدة\nالصين تدعو إلى وقف إطلاق النار\n"
    "ارتفاع أسعار النفط في آسيا",
    "الأكثر قراءة\n\nروسيا تعلن السيطرة على قرية جديدة\n\nالصين تدعو إلى وقف إطلاق النار",
    "عاجل\nروسيا تعلن السيطرة على قرية جديدة",
    "Most read\nRussia claims another village in Kursk\nChina calls for a ceasefire",
    "Les plus lus\nLa Russie revendique un village\nLa Chine appelle au cessez-le-feu",
    "You may also like...\nRussia claims another village in Kursk\nChina calls for a ceasefire",
    # One timestamp and a headline at the very end.
    "22:35\nروسيا تعلن السيطرة على قرية جديدة في كورسك",
])
def test_tickers_and_lists_after_the_article_are_removed(chrome: str) -> None:
    body = f"{LEAD}\n\n{MORE}\n\n{END}\n\n{chrome}"
    document = analyse(body, lang="ar", config=AnalysisConfig(recognise_entities=False))
    assert document.text == f"{LEAD}\n\n{MORE}\n\n{END}"
    lines = [line.strip() for line in chrome.split("\n") if line.strip()]
    assert [str(line) for line in document.boilerplate] == lines


def test_ticker_countries_never_become_entities() -> None:
    body = f"{LEAD}\n\n{MORE}\n\n{TICKER}"
    document = analyse(body, lang="ar")
    names = {entity.name for entity in document.entities}
    assert "غزة" not in names
    assert "كورسك" not in names


@pytest.mark.parametrize("body", [
    # The article's own subheadings are short and unpunctuated: never chrome alone.
    f"{LEAD}\n\nموقف الصين\n\n{MORE}\n\nالخطوات المقبلة\n\n{END}",
    # Sentences that start like chrome but are the story.
    f"{LEAD}\n\nRead more about the summit in our archive, officials said.\n\n{END}",
    f"{LEAD}\n\nوقال 22 شخصا إنهم شاهدوا الحادث.\n\n{END}",
    f"{LEAD}\n\nتابعوا المفاوضات حتى ساعة متأخرة من الليل، بحسب مصادر دبلوماسية.\n\n{END}",
    f"{LEAD}\n\nPhotographs of the meeting were released later by the alliance.\n\n{END}",
    # A how-to step that starts like a newsletter line but names nothing to sign up to.
    f"{LEAD}\n\nSign up for a streaming account for $11.99 a month\n\n{END}",
    # A list in the article: items end with full stops.
    f"{LEAD}\n\nأبرز ما جاء في البيان:\nدعم أوكرانيا.\nالضغط على الصين.\n\n{END}",
])
def test_story_lines_are_kept(body: str) -> None:
    assert find_boilerplate(body) == []


def test_partial_paragraph_lines_go_with_their_line_breaks() -> None:
    body = f"{LEAD}\nاقرأ أيضا: الصين ترد على الناتو\n{MORE}\n\n{END}\n22:35\nعاجل: خبر آخر هنا"
    removed = find_boilerplate(body)
    assert [line.kind for line in removed] == ["read_also", "ticker", "ticker"]
    assert cut(body, removal_ranges(body, removed)) == f"{LEAD}\n{MORE}\n\n{END}"
    for line in removed:
        assert body[line.start:line.end] == line


def test_extra_patterns_are_honoured_and_replacing_patterns_keeps_the_shape_rules() -> None:
    patterns = (*DEFAULT_PATTERNS, *compile_patterns([r"انتهى"]))
    body = f"{LEAD}\n\nانتهى\n\n{END}"
    assert [line.kind for line in find_boilerplate(body, patterns)] == ["share"]
    only = compile_patterns([r"انتهى"])
    assert find_boilerplate(f"{LEAD}\n\nشاركها.\n\n{END}", only) == []
    assert [line.kind for line in find_boilerplate(f"{LEAD}\n\n22:35\n\n{END}", only)] == [
        "timestamp"]


def test_every_cue_is_a_phrase() -> None:
    """The cue data is lists of strings (a stray «more:» would be a YAML mapping)."""
    cues = default_cues()
    assert all(isinstance(phrase, str) and phrase for items in cues.phrases.values()
               for phrase in items)


def test_removed_lines_survive_the_cache() -> None:
    line = Removed("22:35", "timestamp", 4, 9)
    copy = pickle.loads(pickle.dumps(line))
    assert (copy, copy.kind, copy.start, copy.end) == ("22:35", "timestamp", 4, 9)


@pytest.mark.parametrize("source", [
    f"{LEAD}\n\nاقرأ أيضا: [الصين ترد](https://x.org/a)\n\n{MORE}\n\n{TICKER}",
    f"{LEAD}\nاقرأ أيضا: الصين ترد على الناتو\n{MORE}\n\n- بند أول\n- 22:35\n\n{END}",
    f"## الأكثر قراءة\n\n- روسيا تعلن السيطرة على قرية\n- الصين تدعو إلى وقف النار\n\n{LEAD}",
    f"{LEAD}\n\n*صورة: أ ف ب*\n\n{MORE}  \n[اقرأ أيضا: خبر](https://x.org/b)\n\n{END}",
])
def test_the_page_body_drops_exactly_the_removed_lines(source: str) -> None:
    body = extract_body(markdown.markdown(source))
    document = analyse(body.text, lang="ar", config=AnalysisConfig(recognise_entities=False))
    assert document.boilerplate
    kept = drop_text_ranges(body, removal_ranges(body.text, document.boilerplate))
    assert kept.text == document.text
    assert "22:35" not in kept.html
    assert "اقرأ أيضا" not in kept.html
    assert "الأكثر قراءة" not in kept.html
    assert kept.html.count("<a") == kept.html.count("</a>")
