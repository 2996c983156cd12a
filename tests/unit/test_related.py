"""Tests for briefs.site.related: scoring, editors' pins and forbids, story threads."""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

import pytest

from briefs.site.related import (
    BriefFeatures,
    EntityUse,
    Related,
    RelatedConfig,
    related_and_threads,
    related_briefs,
    story_threads,
    unknown_references,
)

START = datetime(2024, 11, 1, 12, 0)


def use(entity_id: str, mentions: int = 1, prominent: bool = False) -> EntityUse:
    """An entity use; the kind is the id's prefix."""
    return EntityUse(entity_id, entity_id.split(":", maxsplit=1)[0], mentions, prominent)


def key_use(entity_id: str) -> EntityUse:
    """An entity central to the brief (in the title, mentioned three times)."""
    return use(entity_id, 3, prominent=True)


def brief(key: str, day: float, *uses: EntityUse, **extra) -> BriefFeatures:
    """A brief published ``day`` days after START."""
    return BriefFeatures(key, START + timedelta(days=day), tuple(uses), **extra)


def fillers(count: int, start: int = 0) -> list[BriefFeatures]:
    """Unrelated briefs (one entity each, used by no one else): they make the others rarer."""
    return [brief(f"filler-{i:03}", i % 90, key_use(f"person:nobody-{i}"))
            for i in range(start, start + count)]


def keys(links: list[Related]) -> list[str]:
    return [link.key for link in links]


def random_corpus(seed: int, size: int = 150) -> list[BriefFeatures]:
    """A seeded corpus of overlapping briefs, for properties that must hold on any input."""
    rng = random.Random(seed)
    pool = [f"{kind}:{kind[0]}{i}" for kind in ("person", "organization", "place")
            for i in range(40)]
    briefs = []
    for i in range(size):
        uses = {rng.choice(pool[: rng.randint(5, len(pool))]) for _ in range(rng.randint(0, 8))}
        briefs.append(brief(
            f"b{i:03}", rng.uniform(0, 200),
            *(use(e, rng.randint(1, 4), rng.random() < 0.4) for e in sorted(uses)),
            tags=tuple(rng.sample(["oil", "war", "Football", "elections"], rng.randint(0, 2))),
        ))
    return briefs


# ------------------------------------------------------------------ properties


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_relation_is_symmetric(seed):
    links = related_briefs(random_corpus(seed), RelatedConfig(max_related=10_000))
    pairs = {(a, r.key): (r.score, r.shared) for a, rel in links.items() for r in rel}
    assert pairs, "the corpus should produce links"
    for (a, b), (score, shared) in pairs.items():
        assert pairs[(b, a)] == (score, shared)  # exact, not approximate


@pytest.mark.parametrize("seed", [4, 5])
def test_output_does_not_depend_on_input_order(seed):
    corpus = random_corpus(seed)
    shuffled = corpus[:]
    random.Random(seed).shuffle(shuffled)
    assert related_briefs(corpus) == related_briefs(shuffled)
    assert story_threads(corpus) == story_threads(shuffled)


@pytest.mark.parametrize("seed", [6, 7])
def test_lists_are_sorted_capped_and_above_threshold(seed):
    corpus = random_corpus(seed)
    dates = {b.key: b.date for b in corpus}
    config = RelatedConfig(max_related=4)
    for key, related in related_briefs(corpus, config).items():
        assert len(related) <= 4
        assert key not in keys(related)
        assert all(r.score >= config.min_score for r in related)
        order = [(-r.score, -dates[r.key].timestamp(), r.key) for r in related]
        assert order == sorted(order)


@pytest.mark.parametrize("seed", [8, 9])
def test_seed_cap_changes_nothing_when_postings_are_short(seed):
    """The candidate cap and prefix filtering only skip work, never a link (small corpus)."""
    corpus = random_corpus(seed)
    capped = related_briefs(corpus, RelatedConfig(seed_max_postings=10**6, max_related=10**4))
    # Prefix filtering off: a zero threshold makes every key propose; filter afterwards.
    exhaustive = related_briefs(corpus, RelatedConfig(min_score=0, max_related=10**4))
    bar = RelatedConfig().min_score
    assert capped == {k: [r for r in v if r.score >= bar] for k, v in exhaustive.items()}


# ------------------------------------------------------------------ scoring


def test_rare_prominent_person_links_and_score_follows_the_formula():
    corpus = [brief("a", 0, key_use("person:rutte")), brief("b", 1, key_use("person:rutte")),
              *fillers(14)]
    links = related_briefs(corpus)
    n, df = 16, 2
    rarity = math.log1p(n / df) / math.log1p(n)
    expected = 100 * rarity**2 * RelatedConfig().date_factor(1.0)
    assert keys(links["a"]) == ["b"]
    assert links["a"][0].score == pytest.approx(expected)
    assert links["a"][0].shared == ("person:rutte",)


def test_min_score_is_the_threshold():
    corpus = [brief("a", 0, key_use("person:rutte")), brief("b", 1, key_use("person:rutte")),
              *fillers(14)]
    score = related_briefs(corpus)["a"][0].score
    assert related_briefs(corpus, RelatedConfig(min_score=score))["a"]  # inclusive
    assert related_briefs(corpus, RelatedConfig(min_score=score + 1e-6))["a"] == []


def test_single_weak_shared_place_does_not_link():
    """A country key to both briefs but common on the site, or a rare place in passing."""
    corpus = [
        brief("a", 0, key_use("place:RU"), key_use("person:novak")),
        brief("b", 0, key_use("place:RU"), key_use("place:kursk")),
        brief("c", 0, use("place:tiny-town"), key_use("person:someone")),
        brief("d", 0, use("place:tiny-town"), key_use("person:else")),
        *(brief(f"ru-{i}", 20 + i, key_use("place:RU")) for i in range(5)),
        *fillers(30),
    ]
    links = related_briefs(corpus)
    assert links["a"] == [] and links["c"] == []


def test_person_and_place_close_in_time_link():
    shared = (key_use("person:peskov"), key_use("place:moscow"))
    others = [brief(f"moscow-{i}", 40 + i, key_use("place:moscow")) for i in range(3)]
    others += [brief(f"peskov-{i}", 60 + i, use("person:peskov", 2)) for i in range(2)]
    corpus = [brief("a", 0, *shared), brief("b", 2, *shared), *others, *fillers(30)]
    links = related_briefs(corpus)
    assert keys(links["a"])[0] == "b"
    assert links["a"][0].shared == ("person:peskov", "place:moscow")  # strongest first


def test_dates_far_apart_decay_the_score():
    def score(days_apart: float) -> float:
        corpus = [brief("a", 0, key_use("person:x"), key_use("organization:y")),
                  brief("b", days_apart, key_use("person:x"), key_use("organization:y")),
                  *fillers(20)]
        return related_briefs(corpus)["a"][0].score

    assert score(1) > score(30) > score(365) > 0
    assert score(365) >= score(0) * RelatedConfig().date_floor


def test_passing_mentions_weigh_far_less_than_key_entities():
    corpus = [
        brief("key-a", 0, key_use("person:x"), key_use("organization:y")),
        brief("key-b", 0, key_use("person:x"), key_use("organization:y")),
        brief("pass-a", 0, use("person:z"), use("organization:w")),
        brief("pass-b", 0, use("person:z"), use("organization:w")),
        *fillers(20),
    ]
    links = related_briefs(corpus, RelatedConfig(min_score=0))
    key_score = next(r.score for r in links["key-a"] if r.key == "key-b")
    pass_score = next(r.score for r in links["pass-a"] if r.key == "pass-b")
    assert pass_score == pytest.approx(key_score * 0.3 * 0.3)


def test_same_person_different_story_is_not_linked():
    """Putin and Russia in an OPEC+ story and in a war story: two stories, no cross link."""
    oil = [brief(f"oil-{i}", i, key_use("person:putin"), key_use("place:RU"),
                 key_use("organization:opec-plus"), use("person:novak", 2), use("place:SA"))
           for i in range(3)]
    war = [brief(f"war-{i}", i, key_use("person:putin"), key_use("place:RU"),
                 key_use("place:kursk"), use("person:zelensky", 2), use("place:UA"))
           for i in range(3)]
    other_putin = [brief(f"putin-{i}", 50 + i, key_use("person:putin"), key_use("place:RU"),
                         key_use(f"place:elsewhere-{i}")) for i in range(4)]
    other_russia = [brief(f"ru-{i}", 80 + i, key_use("place:RU"), key_use(f"person:p{i}"))
                    for i in range(4)]
    corpus = [*oil, *war, *other_putin, *other_russia, *fillers(20)]
    links = related_briefs(corpus)
    for story in (oil, war):
        for item in story:
            linked = keys(links[item.key])
            assert sorted(linked) == sorted(b.key for b in story if b is not item)


def test_shared_lists_entities_and_tags_strongest_first():
    corpus = [
        brief("a", 0, key_use("person:x"), use("place:p"), tags=("Ukraine War",)),
        brief("b", 0, key_use("person:x"), use("place:p"), tags=("ukraine  war",)),
        *fillers(20),
    ]
    (link,) = related_briefs(corpus)["a"]
    assert link.shared == ("person:x", "tag:ukraine war", "place:p")
    assert link.pinned is False


def test_too_common_entity_is_dropped_only_in_a_big_enough_corpus():
    pair = [brief("a", 0, key_use("person:x"), key_use("place:RU")),
            brief("b", 0, key_use("person:x"), key_use("place:RU"))]

    def common(count: int) -> list[BriefFeatures]:
        return [brief(f"ru-{i:02}", i, key_use("place:RU"), key_use(f"person:only-{i}"))
                for i in range(count)]

    small = related_briefs([*pair, *common(6)])  # 8 briefs: the share means nothing yet
    assert "place:RU" in small["a"][0].shared
    big = related_briefs([*pair, *common(20), *fillers(8)])  # RU in 22 of 30 > 50 %
    assert big["a"][0].shared == ("person:x",)
    assert all("place:RU" not in r.shared for rel in big.values() for r in rel)


# ------------------------------------------------------------------ editors and edge cases


def linked_corpus(**extra_for_a) -> list[BriefFeatures]:
    return [
        brief("a", 0, key_use("person:x"), key_use("organization:y"), **extra_for_a),
        brief("b", 1, key_use("person:x"), key_use("organization:y")),
        brief("c", 2, key_use("person:z")),
        brief("d", 3, key_use("person:w")),
        *fillers(10),
    ]


def test_pins_always_appear_first_even_without_shared_entities():
    links = related_briefs(linked_corpus(pinned=("d", "c")))
    assert keys(links["a"]) == ["d", "c", "b"]
    assert [r.pinned for r in links["a"]] == [True, True, False]
    assert links["a"][0].score == 0.0 and links["a"][0].shared == ()
    assert "a" not in keys(links["d"])  # a pin is one-way


def test_pins_go_beyond_max_related():
    links = related_briefs(linked_corpus(pinned=("c", "d")), RelatedConfig(max_related=1))
    assert keys(links["a"]) == ["c", "d"]


def test_forbid_removes_the_link_both_ways_and_wins_over_a_pin():
    links = related_briefs(linked_corpus(forbidden=("b",)))
    assert links["a"] == [] and links["b"] == []
    links = related_briefs(linked_corpus(pinned=("b",), forbidden=("b",)))
    assert links["a"] == []


def test_unknown_pins_and_forbids_are_reported_and_ignored():
    corpus = linked_corpus(pinned=("ghost", "c"), forbidden=("nowhere", "d"))
    assert unknown_references(corpus) == [("a", "ghost", "pin"), ("a", "nowhere", "forbid")]
    assert keys(related_briefs(corpus)["a"]) == ["c", "b"]


def test_brief_without_entities_gets_an_empty_list_and_no_error():
    corpus = [*linked_corpus(), brief("empty", 0, tags=("war",)),
              brief("empty-pin", 0, pinned=("a",))]
    links = related_briefs(corpus)
    assert links["empty"] == []
    assert keys(links["empty-pin"]) == ["a"]
    assert all("empty" not in keys(rel) for k, rel in links.items())
    assert related_briefs([]) == {}
    assert related_briefs([brief("alone", 0)]) == {"alone": []}


def test_duplicate_keys_are_an_error():
    with pytest.raises(ValueError, match="'a'"):
        related_briefs([brief("a", 0), brief("a", 1)])


@pytest.mark.parametrize("field, value", [("max_share", 0), ("min_score", -1),
                                           ("date_floor", 1.5), ("max_related", -1)])
def test_config_rejects_bad_values_naming_the_field(field, value):
    with pytest.raises(ValueError, match=field):
        RelatedConfig(**{field: value})


def test_naive_and_aware_dates_mix():
    aware = START.astimezone()
    corpus = [BriefFeatures("a", aware, (key_use("person:x"),)),
              brief("b", 1, key_use("person:x")), *fillers(14)]
    assert keys(related_briefs(corpus)["a"]) == ["b"]


# ------------------------------------------------------------------ story threads


def test_story_thread_gives_previous_and_next_in_date_order():
    core = (key_use("person:rutte"), key_use("place:kursk"))
    story = [brief(f"s{i}", day, *core) for i, day in enumerate([10, 0, 5, 40])]
    corpus = [*story, brief("other", 6, key_use("person:rutte")), *fillers(20)]
    threads = story_threads(corpus, RelatedConfig(thread_window_days=14))
    middle = threads["s2"]  # day 5
    assert set(middle.main) == {"person:rutte", "place:kursk"}
    assert middle.members == ("s1", "s2", "s0")  # day 40 is outside the window
    assert (middle.previous, middle.next) == ("s1", "s0")
    assert threads["s1"].previous is None and threads["s1"].next == "s2"
    assert threads["s3"].members == ("s3",) and threads["s3"].next is None
    assert threads["filler-000"].members == ("filler-000",)


@pytest.mark.parametrize("seed", [3, 11])
def test_related_and_threads_from_one_index_are_each_function_s_result(seed):
    corpus = random_corpus(seed)
    config = RelatedConfig(thread_window_days=20)
    related, threads = related_and_threads(corpus, config)
    assert related == related_briefs(corpus, config)
    assert threads == story_threads(corpus, config)
    assert any(len(thread.members) > 1 for thread in threads.values())
