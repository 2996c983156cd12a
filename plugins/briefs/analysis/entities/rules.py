"""The named rules that correct the tagger's spans, as one ordered table.

After the CRF tagger and the gazetteer merge (:mod:`.recognise`), each rule of ``RULES``
reads one sentence and edits its IOB tags in place. A rule's ``scope`` says where it runs:
``"both"`` in the ANERcorp evaluation and in the product, ``"product"`` only in the product
(the phrase rules of :mod:`.phrases`: ANERcorp leaves descriptive names such as «وزارة
الخارجية الصينية» untagged). The order is the table's, and it matters: trims run before
``drop_generic`` so that «[المنظمة] المقرر» is seen as a lone head noun.

With a ``trail``, :func:`apply_rules` records every span a rule added or removed
(:class:`Change`), so that "why is this a person?" has an answer (``mujaz annotate
--explain``); without one, nothing is copied or compared.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..lexicon import (
    AR_ACCUSATIVE_MARK,
    COMPETITION_HEADS,
    FACILITY_HEADS,
    GIVEN_NAMES,
    OUTLET_HEADS,
    PERSON_TITLES,
    VENUE_HEADS,
)
from .clitics import candidate_splits
from .features import token_info
from .gazetteer import Gazetteer
from .keys import is_arabic
from .match import GazMatch
from .phrases import (
    appositive_names,
    competition_names,
    complete_particle_names,
    compound_given_name_tail,
    cut_at_accusatives,
    cut_at_pronouns,
    drop_after_speaking_pronoun,
    drop_common_openers,
    drop_described_bodies,
    drop_generic,
    drop_idioms,
    drop_months,
    drop_objects,
    drop_verb_opener,
    extend_org_nationality,
    facility_places,
    given_name_start,
    given_name_tail,
    leader_names,
    ministry_short_forms,
    name_before_title,
    org_phrases,
    outlet_names,
    person_nisba,
    quoted_org_names,
    quoted_titles,
    regnal_names,
    split_coordination,
    team_after_role,
    title_word_before_name,
    titled_names,
    trim_common_tail,
    trim_demonym_tail,
    trim_function_tail,
    trim_latin_tail,
    trim_number_tail,
    trim_person_descriptors,
    unknown_outlet_names,
    venue_phrases,
    without_tail,
)
from .phrases.organisations import (
    name_after_definite_head,
    outlet_after_receiving,
    split_body_coordination,
    title_ends_body,
)
from .phrases.people import (
    cut_at_open_quote,
    drop_body_openers,
    drop_particle_opener,
    join_split_person,
)
from .phrases.tags import set_span
from .scoring import spans
from .tagger import common_words, frequent_words, training_vocabulary

BOTH, PRODUCT = "both", "product"


@dataclass(frozen=True)
class Sentence:
    """One tagged sentence as the rules read it: tokens, their keys, the gazetteer."""

    tokens: Sequence[str]
    keys: Sequence[str]
    matches: Sequence[GazMatch]
    gazetteer: Gazetteer

    @cached_property
    def cores(self) -> list[str]:
        """Return each token without its punctuation."""
        return [token_info(token)[0] for token in self.tokens]

    @cached_property
    def forms(self) -> frozenset[str]:
        """Return every word's key and its keys without a proclitic: a head noun a rule
        reads with :func:`.phrases.tags.head_of` is among them («لملعب» → ملعب)."""
        return frozenset((*self.keys, *(rest for key in self.keys
                                         for _, rest in candidate_splits(key))))

    @cached_property
    def latin(self) -> bool:
        """Tell whether a word holds a Latin letter."""
        return any(word.isascii() and any(c.isalpha() for c in word) for word in self.cores)

    @cached_property
    def listed_starts(self) -> frozenset[int]:
        """Return where a gazetteer name starts."""
        return frozenset(m.i for m in self.matches)

    @cached_property
    def listed_spans(self) -> frozenset[tuple[int, int]]:
        """Return the token ranges of the gazetteer names."""
        return frozenset((m.i, m.j) for m in self.matches)

    def is_place(self, key: str) -> bool:
        """Tell whether one word names a listed place."""
        gaz = self.gazetteer
        return gaz.type_of(gaz.lookup((key,)) or "") == "place"

    def is_org(self, keys: Sequence[str]) -> bool:
        """Tell whether words name a listed organisation."""
        gaz = self.gazetteer
        return gaz.type_of(gaz.lookup(tuple(keys)) or "") == "organization"

    def is_listed(self, key: str) -> bool:
        """Tell whether one word is a listed name."""
        return self.gazetteer.lookup((key,)) is not None


@dataclass(frozen=True, slots=True)
class Rule:
    """A named edit of a sentence's tags, and where it runs. ``needs``: the tag a rule
    edits from (``"B-PERS"``: it only trims, extends or drops a person's name); ``when``:
    a test of the sentence a rule can change nothing without (a head noun it opens at, a
    Latin word). A sentence that fails them is not read: a news sentence names a person in
    about two of five, a venue or a competition in few."""

    name: str
    apply: Callable[[Sentence, list[str]], object]
    scope: str = BOTH
    needs: str | None = None
    when: Callable[[Sentence], bool] | None = None


def heads_in(heads: frozenset[str]) -> Callable[[Sentence], bool]:
    """Return the test a rule that opens at one of ``heads`` passes: a sentence without one
    (with or without a proclitic) is not read."""
    return lambda sentence: not heads.isdisjoint(sentence.forms)


@dataclass(frozen=True, slots=True)
class Change:
    """What one rule did to one sentence: the spans ``(type, i, j)`` it added and removed."""

    rule: str
    sentence: int
    added: tuple[tuple[str, int, int], ...]
    removed: tuple[tuple[str, int, int], ...]


def title_persons(sentence: Sentence, tags: list[str]) -> None:
    """A title word before an untagged, unknown given name (or a name the training data
    tags as a person) opens a person's name (in place)."""
    lexicon = frequent_words()
    keys = sentence.keys
    n = len(keys)
    for i in range(1, n):
        if tags[i] == "O" and tags[i - 1] == "O" and keys[i - 1] in PERSON_TITLES:
            key = keys[i]
            given = key in GIVEN_NAMES and not sentence.cores[i].endswith("ى")
            unknown = len(key) >= 3 and is_arabic(key) and key not in PERSON_TITLES
            if unknown and (given or lexicon.get(key, "").endswith("PERS")):
                j = i + 1
                while j < n and tags[j] == "O" and lexicon.get(keys[j], "").endswith("PERS"):
                    j += 1
                set_span(tags, i, j, "PERS")


RULES: tuple[Rule, ...] = (
    Rule("trim_latin_tail", lambda s, t: trim_latin_tail(s.cores, t), PRODUCT,
         when=lambda s: s.latin),
    Rule("drop_months", lambda s, t: drop_months(s.keys, t), PRODUCT),
    Rule("drop_idioms", lambda s, t: drop_idioms(s.keys, t), PRODUCT),
    Rule("org_phrases",
         lambda s, t: org_phrases(s.keys, t, s.listed_starts, training_vocabulary()), PRODUCT),
    Rule("ministry_short_forms", lambda s, t: ministry_short_forms(s.keys, t, s.is_place),
         PRODUCT),
    Rule("extend_org_nationality",
         lambda s, t: extend_org_nationality(s.keys, t, s.is_place, s.is_org), PRODUCT),
    Rule("without_tail", lambda s, t: without_tail(s.keys, t), PRODUCT, needs="B-ORG"),
    Rule("split_body_coordination", lambda s, t: split_body_coordination(s.keys, t), PRODUCT),
    Rule("title_ends_body", lambda s, t: title_ends_body(s.keys, t), PRODUCT),
    Rule("name_after_definite_head",
         lambda s, t: name_after_definite_head(s.keys, t, training_vocabulary()), PRODUCT),
    Rule("drop_objects", lambda s, t: drop_objects(s.keys, t), PRODUCT, needs="B-PERS"),
    Rule("venue_phrases", lambda s, t: venue_phrases(s.keys, t), PRODUCT,
         when=heads_in(VENUE_HEADS)),
    Rule("facility_places", lambda s, t: facility_places(s.keys, t, common_words()), PRODUCT,
         when=heads_in(FACILITY_HEADS)),
    Rule("outlet_names", lambda s, t: outlet_names(s.keys, t), PRODUCT),
    Rule("unknown_outlet_names",
         lambda s, t: unknown_outlet_names(s.keys, t, training_vocabulary(), s.listed_starts),
         PRODUCT, when=heads_in(OUTLET_HEADS)),
    Rule("competition_names",
         lambda s, t: competition_names(s.keys, t, training_vocabulary()), PRODUCT,
         when=heads_in(COMPETITION_HEADS)),
    Rule("quoted_org_names", lambda s, t: quoted_org_names(s.tokens, s.keys, t), PRODUCT),
    Rule("quoted_titles", lambda s, t: quoted_titles(s.tokens, s.keys, t)),
    Rule("split_coordination", lambda s, t: split_coordination(s.keys, t, s.is_listed)),
    Rule("trim_function_tail", lambda s, t: trim_function_tail(s.keys, t, s.listed_spans)),
    Rule("drop_after_speaking_pronoun", lambda s, t: drop_after_speaking_pronoun(s.keys, t),
         PRODUCT, needs="B-PERS"),
    Rule("cut_at_pronouns", lambda s, t: cut_at_pronouns(s.keys, t), PRODUCT),
    Rule("trim_common_tail", lambda s, t: trim_common_tail(s.keys, t, common_words()),
         PRODUCT, needs="B-PERS"),
    Rule("drop_generic", lambda s, t: drop_generic(s.keys, t), PRODUCT),
    Rule("drop_described_bodies",
         lambda s, t: drop_described_bodies(s.keys, t, common_words()), PRODUCT, needs="B-ORG"),
    Rule("trim_number_tail", lambda s, t: trim_number_tail(s.keys, t)),
    Rule("trim_demonym_tail", lambda s, t: trim_demonym_tail(s.keys, t, s.is_place, s.is_org)),
    Rule("leader_names", lambda s, t: leader_names(s.keys, t)),
    Rule("title_persons", title_persons),
    Rule("given_name_start", lambda s, t: given_name_start(s.tokens, s.keys, t), needs="B-PERS"),
    Rule("given_name_tail", lambda s, t: given_name_tail(s.tokens, s.keys, t, common_words()),
         PRODUCT, needs="B-PERS"),
    Rule("compound_given_name_tail",
         lambda s, t: compound_given_name_tail(s.tokens, s.keys, t, common_words()),
         PRODUCT, needs="B-PERS"),
    Rule("person_nisba", lambda s, t: person_nisba(s.keys, t, s.is_place), PRODUCT),
    Rule("titled_names", lambda s, t: titled_names(s.tokens, s.keys, t, common_words()),
         PRODUCT),
    Rule("name_before_title",
         lambda s, t: name_before_title(s.tokens, s.keys, t, common_words()),
         PRODUCT, needs="B-PERS"),
    Rule("title_word_before_name",
         lambda s, t: title_word_before_name(s.keys, t, common_words()), PRODUCT, needs="B-PERS"),
    Rule("team_after_role", lambda s, t: team_after_role(s.keys, t), PRODUCT, needs="B-PERS"),
    Rule("appositive_names", lambda s, t: appositive_names(s.tokens, s.keys, t),
         PRODUCT, needs="B-PERS"),
    Rule("complete_particle_names", lambda s, t: complete_particle_names(s.keys, t),
         PRODUCT, needs="B-PERS"),
    Rule("regnal_names", lambda s, t: regnal_names(s.keys, t), PRODUCT, needs="B-PERS"),
    Rule("trim_person_descriptors", lambda s, t: trim_person_descriptors(s.keys, t),
         PRODUCT, needs="B-PERS"),
    Rule("drop_particle_opener", lambda s, t: drop_particle_opener(s.tokens, t),
         PRODUCT, needs="B-PERS"),
    Rule("drop_verb_opener", lambda s, t: drop_verb_opener(s.keys, t), PRODUCT, needs="B-PERS"),
    Rule("drop_body_openers", lambda s, t: drop_body_openers(s.keys, t), PRODUCT, needs="B-PERS"),
    Rule("cut_at_open_quote", lambda s, t: cut_at_open_quote(s.tokens, t), PRODUCT),
    Rule("join_split_person", lambda s, t: join_split_person(s.tokens, s.keys, t),
         PRODUCT, needs="B-PERS"),
    Rule("outlet_after_receiving", lambda s, t: outlet_after_receiving(s.tokens, s.keys, t),
         PRODUCT),
    Rule("drop_common_openers", lambda s, t: drop_common_openers(s.keys, t, common_words()),
         PRODUCT, needs="B-PERS"),
    # Last: a rule above that extends a name («[ترامب مخاطبًا] رئيس») cannot undo it.
    Rule("cut_at_accusatives", lambda s, t: cut_at_accusatives(s.tokens, t), PRODUCT,
         when=lambda s: any(AR_ACCUSATIVE_MARK in token for token in s.tokens)),
)


def diff(rule: str, index: int, before: Sequence[str], after: Sequence[str]) -> Change | None:
    """Return what turned the tags ``before`` into ``after``, or None if nothing did.

    >>> diff("r", 0, ["B-PERS", "I-PERS", "O"], ["B-PERS", "O", "O"])
    Change(rule='r', sentence=0, added=(('PERS', 0, 1),), removed=(('PERS', 0, 2),))
    """
    if list(before) == list(after):
        return None
    old, new = set(spans(before)), set(spans(after))
    return Change(rule, index, tuple(sorted(new - old, key=lambda s: s[1])),
                  tuple(sorted(old - new, key=lambda s: s[1])))


@dataclass
class Trail:
    """The changes recorded while tagging one document, sentence by sentence."""

    changes: list[Change] = field(default_factory=list)
    sentence: int = 0

    def record(self, rule: str, before: Sequence[str], after: Sequence[str]) -> None:
        """Keep what ``rule`` did to the current sentence, if anything."""
        change = diff(rule, self.sentence, before, after)
        if change is not None:
            self.changes.append(change)


def apply_rules(sentence: Sentence, tags: list[str], *, product: bool,
                trail: Trail | None = None) -> None:
    """Run every rule of ``RULES`` in its scope over one sentence's tags (in place)."""
    for rule in RULES:
        if ((rule.scope == PRODUCT and not product)
                or (rule.needs is not None and rule.needs not in tags)
                or (rule.when is not None and not rule.when(sentence))):
            continue
        before = list(tags) if trail is not None else None
        rule.apply(sentence, tags)
        if trail is not None and before is not None:
            trail.record(rule.name, before, tags)
