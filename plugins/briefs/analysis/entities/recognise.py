"""Recognise people, organisations and places in a text (pure; model and lists cached).

Arabic, in order:

1. the CRF tagger (:mod:`.tagger`) proposes spans;
2. gazetteer longest-match (with lexicon-guided clitic stripping) fills the gaps the
   tagger left (the tagger already sees gazetteer matches as features and keeps its
   boundaries and types: جامعة القاهرة stays an organisation, برشلونة the club too);
3. rules that beat the tagger: a title word (الرئيس، وزير، الفنان …) before an
   untagged unknown word makes it a person;
4. document propagation: a name found once is found again wherever it recurs in the
   document, with clitics (وبلينكن) and, for people, by surname alone (روتي).

English: the gazetteers, then runs of Capitalised words (not a lone sentence-initial
word, not stop words), typed by a title before them or an organisation head word.

Offsets: a :class:`~.model.Mention` covers the name *without* its proclitic
(«كوريا الشمالية» in «وكوريا الشمالية»); ``token_start`` keeps the whole word's start.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import (
    COMPETITION_HEADS,
    EN_DEMONYMS,
    EN_EVENT_WORDS,
    EN_ORG_HEADS,
    EN_PLACE_HEADS,
    EN_STOP,
    EN_TITLES,
    FACILITY_HEADS,
    GIVEN_NAMES,
    ORG_PHRASE_HEADS,
    PARTICLES_WITH_YA,
    SPORT_CUES,
    VENUE_HEADS,
)
from ..tokens import Word, tokenise
from .clitics import offset_after_letters, strip_word
from .features import token_info
from .gazetteer import Gazetteer, build_gazetteer, default_gazetteer, for_sport
from .keys import name_key
from .match import GazMatch, gazetteer_matches
from .model import TAG_TO_TYPE, TYPE_TO_TAG, GazEntry, Mention
from .rules import Sentence, Trail, apply_rules
from .scoring import spans
from .tagger import (
    crf_tag,
    crf_tag_document,
    frequent_words,
    model_available,
)

#: Map of a normalised key to a product type, for names already seen in the document.
Known = Mapping[str, str]



def _set(tags: list[str], i: int, j: int, tag: str) -> None:
    for t in range(i, j):
        tags[t] = ("B-" if t == i else "I-") + tag


def _doc_gazetteer(known: Known) -> Gazetteer:
    return _doc_gazetteer_cached(frozenset(known.items()))


@lru_cache(maxsize=8)
def _doc_gazetteer_cached(known: frozenset[tuple[str, str]]) -> Gazetteer:
    entries = [GazEntry(f"{typ}:{key}", typ, key, source="document")
               for key, typ in sorted(known) if typ in TYPE_TO_TAG]
    return build_gazetteer([entries])


def tag_tokens(tokens: Sequence[str], *, gazetteer: Gazetteer | None = None,
               known: Known | None = None, crf_tags: Sequence[str] | None = None,
               phrases: bool = False, trail: Trail | None = None) -> list[str]:
    """Tag one sentence of tokens (Arabic) with IOB tags over PERS, LOC, ORG, MISC.

    Tokens are whitespace tokens as in ANERcorp (clitics attached); this is the full
    recogniser (tagger + gazetteers + rules). The quoted-title, coordination and
    given-name rules of :mod:`.phrases` always run. ``phrases`` adds the product's phrase
    rules (:mod:`.phrases`: «وزارة الخارجية الصينية» is an organisation, «فهد السبيعي» a
    person), which ANERcorp's annotation does not follow (it leaves such descriptive
    names untagged); :func:`recognise` turns them on. The rules run as the table
    :data:`.rules.RULES` orders them; a ``trail`` records what each changed.
    """
    gaz = gazetteer or default_gazetteer()
    if crf_tags is None:
        crf_tags = crf_tag(tokens, gaz) if model_available() else ["O"] * len(tokens)
    return _tag_sentence(tokens, token_keys(tokens), crf_tags, gaz, known=known,
                         phrases=phrases, trail=trail)


def token_keys(tokens: Sequence[str]) -> list[str]:
    """Return the matching key of each raw token (computed once per sentence: every step of
    the recogniser reads them)."""
    return [token_info(t)[1] for t in tokens]


def _tag_sentence(tokens: Sequence[str], keys: Sequence[str], crf_tags: Sequence[str],
                  gaz: Gazetteer, *, known: Known | None, phrases: bool,
                  trail: Trail | None) -> list[str]:
    """:func:`tag_tokens` on a sentence whose token keys are known."""
    tags = list(crf_tags)
    _repair_iob(tags)
    matches = gazetteer_matches(keys, gaz)
    _merge_gazetteer(tags, matches, gaz, phrases=phrases)
    _split_listed(tags, matches, gaz)
    apply_rules(Sentence(tokens, keys, matches, gaz), tags, product=phrases, trail=trail)
    if known:
        before = list(tags) if trail is not None else None
        _propagate(tokens, keys, tags, _doc_gazetteer(known))
        if trail is not None and before is not None:
            trail.record("known_names", before, tags)
    return tags


def _repair_iob(tags: list[str]) -> None:
    """Make the tagger's sequence valid IOB (in place): an ``I-X`` that does not continue an
    ``X`` span starts one («… [عبد] I-ORG[الملك]» is a new span, as seqeval reads it)."""
    prev = "O"
    for i, tag in enumerate(tags):
        if tag != "O" and tag.startswith("I-") and prev[2:] != tag[2:]:
            tags[i] = "B-" + tag[2:]
        prev = tags[i]


def _merge_gazetteer(tags: list[str], matches: Sequence[GazMatch], gaz: Gazetteer, *,
                     phrases: bool) -> None:
    """Add the listed names to the tagger's spans (in place)."""
    if not matches:
        return
    # The tagger's spans, read from its tags when a match first needs them (most matches
    # lie on untagged words): this loop only adds tags, so words untagged now were untagged
    # by the tagger, and no span of the tagger's lies on them.
    tagger_tags = list(tags)
    tagger_spans: dict[tuple[int, int], str] | None = None
    for m in matches:
        typ = TYPE_TO_TAG.get(gaz.type_of(m.entity_id))
        if typ is None:
            continue
        # The gazetteer fills gaps only: where the tagger found a name it keeps its
        # boundaries (غزة inside قطاع غزة, جامعة القاهرة) and its type (برشلونة the club),
        # having seen the gazetteer as a feature already.
        untagged = all(tags[t] == "O" for t in range(m.i, m.j))
        if not untagged and phrases and tagger_spans is None:
            tagger_spans = {(i, j): t for t, i, j in spans(tagger_tags)}
        if untagged or (phrases and tagger_spans is not None
                        and tagger_spans.get((m.i, m.j)) == "MISC"):
            # (A listed organisation the tagger calls MISC, «ستات أويل», is the listed one.)
            _set(tags, m.i, m.j, typ)
        elif m.j - m.i >= (2 if phrases else GAZ_OVERRIDE_MIN) and _covers(tags, m.i, m.j):
            # A longer listed name over the tagger's pieces wins: «منطقة [آسيا] والمحيط
            # الهادئ», «وكالة [يونهاب للأنباء]»; in the product also two-word names
            # («جنوب [أفريقيا]»), which ANERcorp often leaves to the shorter one (قطاع [غزة]).
            _set(tags, m.i, m.j, typ)


_CONJ_HAMZA = ("وإ", "وأ", "فإ", "فأ")
MIN_NAME_AFTER_CONJ = 3

#: Shortest gazetteer name (in tokens) that replaces the tagger's spans inside it (ANERcorp
#: conventions; the product takes two-word names too).
GAZ_OVERRIDE_MIN = 3


def _split_listed(tags: list[str], matches: Sequence[GazMatch], gaz: Gazetteer) -> None:
    """A tagger span made of exactly two listed names is those two names (in place):
    «[شي] [الولايات المتحدة]» after «حث» is Xi and the United States, not one body."""
    if len(matches) < 2:
        return
    by_start = {m.i: m for m in matches}
    for typ, i, j in spans(tags):
        first = by_start.get(i)
        second = by_start.get(first.j) if first is not None and first.j < j else None
        if second is None or second.j != j or second.entity_id == first.entity_id:
            continue
        for m in (first, second):
            _set(tags, m.i, m.j, TYPE_TO_TAG.get(gaz.type_of(m.entity_id), typ))


def _covers(tags: Sequence[str], i: int, j: int) -> bool:
    """True if ``[i, j)`` holds no span crossing its edges and is not one span already."""
    if tags[i].startswith("I-") or (j < len(tags) and tags[j].startswith("I-")):
        return False
    return not (tags[i].startswith("B-") and all(t.startswith("I-") for t in tags[i + 1 : j]))


def _propagate(tokens: Sequence[str], keys: Sequence[str], tags: list[str],
               doc: Gazetteer) -> list[str]:
    """Tag untagged recurrences of the document's names (in place; returns ``tags``); not
    on a particle whose key is a name's: «[المستشار علي] الدريع» makes no name of «على»."""
    for m in gazetteer_matches(keys, doc):
        if all(tags[t] == "O" for t in range(m.i, m.j)) and not (
                m.j == m.i + 1 and token_info(tokens[m.i])[0] in PARTICLES_WITH_YA):
            _set(tags, m.i, m.j, TYPE_TO_TAG[doc.type_of(m.entity_id)])
    return tags


def span_key(tokens: Sequence[str], keys: Sequence[str], i: int, j: int, gaz: Gazetteer,
             *, known: Known | None = None) -> tuple[int, str]:
    """Return ``(proclitic_chars, key)`` of the name in ``tokens[i:j]`` (``keys``: the
    tokens' keys, :func:`token_keys`).

    Only the first word may carry proclitics, and they are stripped only when the
    remainder is known (gazetteer, document, given names or the training lexicon).
    """
    lexicon = frequent_words()
    doc = known or {}
    first_keys = keys[i:j]
    rest = " ".join(first_keys[1:])

    def strong(k: str) -> bool:
        full = f"{k} {rest}".strip()
        return (full in gaz.squashed or gaz.lookup(tuple(full.split())) is not None
                or full in doc)

    def weak(k: str) -> bool:
        return (k in GIVEN_NAMES or k in gaz.first or k in ORG_PHRASE_HEADS or k in VENUE_HEADS
                or k in FACILITY_HEADS or k in COMPETITION_HEADS)

    def trained(k: str) -> bool:
        # Last: the training lexicon also holds clitic forms («ومحمد», «لحزب»), which
        # must not keep a word whole when a given name or head noun is inside it.
        return k in lexicon

    core, _, _ = token_info(tokens[i])
    offset, first = 0, first_keys[0] if first_keys else ""
    for known_fn in (strong, weak, trained):
        if known_fn(first):
            break
        # ``first`` is still the whole word's key: the word as a whole is not known.
        split, rest_key = strip_word(core, known_fn, whole_checked=True)
        if split and known_fn is not strong and first_keys[0].startswith("ف"):
            # «فيلدا» is not ف + «يلدا», a given name of the lists: «ف» before a name is
            # rare, a name that opens with «ف» is not; only a name known in full says so.
            continue
        offset, first = split, rest_key
        if offset:
            break
    else:
        if core[:2] in _CONJ_HAMZA and len(first) > MIN_NAME_AFTER_CONJ:
            # «وإنريكي كابريلس»: no name starts with و + a hamza on alef; the و is «and».
            offset, first = 1, first[1:]
    if offset and first.startswith("ال") and not core[offset:].startswith(("ا", "أ", "إ", "آ")):
        # لل + name: «لليابان» is ل + اليابان with the alef of ال elided, so no cut of the
        # word as written reads the name («ليابان» is no word): the mention keeps the
        # preposition («لليابان», a conjunction before it aside); the key is «اليابان».
        offset = offset_after_letters(core, len(name_key(core)) - len(first))
    return offset, f"{first} {rest}".strip()


#: The names of one tagged sentence, ``(type, start token, end token)`` in text order.
SentenceSpans = list[tuple[str, int, int]]


def _spans_in_order(tags: Sequence[str]) -> SentenceSpans:
    return sorted(spans(tags), key=lambda s: s[1])


def _collect(tokens: Sequence[str], keys: Sequence[str], names: SentenceSpans,
             gaz: Gazetteer, known: dict[str, str]) -> None:
    """Add the ``names`` of one tagged sentence to ``known`` (people also by surname)."""
    for typ, i, j in names:
        if typ not in TAG_TO_TYPE:
            continue
        _, key = span_key(tokens, keys, i, j, gaz, known=known)
        known.setdefault(key, TAG_TO_TYPE[typ])
        words = key.split(" ")
        last = words[-1]
        if typ == "PERS" and len(words) >= 2 and len(last) >= 3 and last not in GIVEN_NAMES:
            known.setdefault(last, "person")


def tag_document(sentences: Sequence[Sequence[str]], *, gazetteer: Gazetteer | None = None,
                 known: Known | None = None, phrases: bool = False) -> list[list[str]]:
    """Tag the sentences of one document; names found once are propagated to the others.

    ``phrases``: see :func:`tag_tokens`.
    """
    return _tag_document(sentences, [token_keys(s) for s in sentences],
                         gazetteer or default_gazetteer(), known, phrases=phrases)[0]


def _tag_document(sentences: Sequence[Sequence[str]], keys: Sequence[Sequence[str]],
                  gaz: Gazetteer, known: Known | None, *, phrases: bool,
                  trail: Trail | None = None,
                  ) -> tuple[list[list[str]], list[SentenceSpans], dict[str, str]]:
    """:func:`tag_document` (``keys``: each sentence's :func:`token_keys`), the spans of
    its tags, and the document's names (key → type) found on the way.

    A sentence's spans are read from its tags again only where a step changed them (the
    type vote and propagation change few sentences)."""
    crf = (crf_tag_document(sentences, gaz) if model_available()
           else [["O"] * len(s) for s in sentences])
    first = []
    for index, (s, k, c) in enumerate(zip(sentences, keys, crf, strict=True)):
        if trail is not None:
            trail.sentence = index
        first.append(_tag_sentence(s, k, c, gaz, known=known, phrases=phrases, trail=trail))
    before = [list(tags) for tags in first] if trail is not None else None
    found = [_spans_in_order(tags) for tags in first]
    for index in _consistent_types(keys, first, found):
        found[index] = _spans_in_order(first[index])
    seen: dict[str, str] = dict(known or {})
    for toks, k, names in zip(sentences, keys, found, strict=True):
        _collect(toks, k, names, gaz, seen)
    doc = _doc_gazetteer(seen)
    final = []
    for index, (s, k, tags) in enumerate(zip(sentences, keys, first, strict=True)):
        done = _propagate(s, k, list(tags), doc)
        if done != tags:
            found[index] = _spans_in_order(done)
        final.append(done)
    if trail is not None and before is not None:
        for index, (old, typed, done) in enumerate(zip(before, first, final, strict=True)):
            trail.sentence = index
            trail.record("one_type_per_name", old, typed)
            trail.record("document_names", typed, done)
    return final, found, seen


def _consistent_types(keys: Sequence[Sequence[str]], tagged: list[list[str]],
                      names: Sequence[SentenceSpans]) -> set[int]:
    """One name, one type within a document: a span whose exact words are tagged with
    another type more often elsewhere in the document (a person's full name also votes for
    the surname alone) takes that type (in place; ``names``: the spans of ``tagged``).
    Returns the indices of the sentences retyped."""
    votes: dict[str, Counter[str]] = {}
    found = []
    for s, (words, sentence_names) in enumerate(zip(keys, names, strict=True)):
        for typ, i, j in sentence_names:
            key = " ".join(words[i:j])
            votes.setdefault(key, Counter())[typ] += 1
            found.append((s, i, j, typ, key))
            if typ == "PERS" and j - i >= 2:  # the surname alone names the person too
                votes.setdefault(words[j - 1], Counter())[typ] += 1
    retyped = set()
    for s, i, j, typ, key in found:
        c = votes[key]
        if len(c) > 1:
            (best, n), *rest = c.most_common()
            if best != typ and n > rest[0][1]:
                _set(tagged[s], i, j, best)
                retyped.add(s)
    return retyped


@dataclass(frozen=True, slots=True)
class Explanation:
    """What one rule did to a name in the text: ``added`` or ``removed`` it, as a type."""

    rule: str
    action: str
    type: str
    start: int
    end: int
    text: str


def explain(text: str, *, lang: str, gazetteer: Gazetteer | None = None,
            known: Known | None = None) -> list[Explanation]:
    """Return, in text order, every span the rules added to or removed from the tagger's
    Arabic names (the recogniser's answer to "why is this a person?"), tagging as
    :func:`recognise` does."""
    gaz = gazetteer or default_gazetteer()
    sentences = tokenise(text, tokens=False).sentences
    if lang != "ar":
        return []
    toks = [[w.text for w in s] for s in sentences]
    keys = [token_keys(s) for s in toks]
    if is_sport([k for s in keys for k in s]):
        gaz = for_sport(gaz)
    trail = Trail()
    _tag_document(toks, keys, gaz, known, phrases=True, trail=trail)
    found = []
    for change in trail.changes:
        words = sentences[change.sentence]
        for action, changed in (("added", change.added), ("removed", change.removed)):
            for typ, i, j in changed:
                start, end = words[i].start, words[j - 1].end
                found.append(Explanation(change.rule, action, TAG_TO_TYPE.get(typ, typ.lower()),
                                         start, end, text[start:end]))
    return sorted(found, key=lambda e: (e.start, e.end))


def recognise(text: str, *, lang: str, gazetteer: Gazetteer | None = None,
              known: Known | None = None,
              words: Sequence[Sequence[Word]] | None = None) -> list[Mention]:
    """Return the person, organisation and place mentions of ``text``, in text order.

    Args:
        text: the article text (offsets refer to it).
        lang: ``"ar"`` or ``"en"``.
        gazetteer: the layered gazetteer (default: CLDR + curated; pass the site one).
        known: names already known (key → type), e.g. from the site index.
        words: the text's sentences of whitespace words, where the document's token layer
            has them already (default: :func:`~briefs.analysis.tokens.tokenise`).
    """
    gaz = gazetteer or default_gazetteer()
    sentences = tokenise(text, tokens=False).sentences if words is None else words
    if lang != "ar":
        return _recognise_en(text, sentences, gaz)
    toks = [[w.text for w in s] for s in sentences]
    keys = [token_keys(s) for s in toks]
    if is_sport([k for s in keys for k in s]):
        gaz = for_sport(gaz)
    # The names found anywhere in the text strip clitics everywhere: «لسانشيز» once
    # «بيدرو سانشيز» is known.
    _, found, seen = _tag_document(toks, keys, gaz, known, phrases=True)
    mentions: list[Mention] = []
    for sentence, sent, sent_keys, names in zip(sentences, toks, keys, found, strict=True):
        for typ, i, j in names:
            if typ not in TAG_TO_TYPE or not sentence[i].core:
                continue
            offset, key = span_key(sent, sent_keys, i, j, gaz, known=seen)
            eid = _lookup_id(key, gaz)
            etype = gaz.type_of(eid) if eid else TAG_TO_TYPE[typ]
            start = sentence[i].start + offset
            end = sentence[j - 1].end
            mentions.append(Mention(start, end, text[start:end], etype, key, eid,
                                    sentence[i].start, "tagger"))
    return mentions


def dateline_mentions(text: str, place: tuple[int, int] | None, agency: tuple[int, int] | None,
                      mentions: Sequence[Mention], gazetteer: Gazetteer | None = None,
                      ) -> list[Mention]:
    """The dateline's place and agency as mentions, where the recogniser found nothing:
    «الرام – معا -» names the town الرام and the agency معا, which no list may have
    («معا» is also "together")."""
    gaz = gazetteer or default_gazetteer()
    out = []
    for span, etype in ((place, "place"), (agency, "organization")):
        if span is None or any(m.start < span[1] and span[0] < m.end for m in mentions):
            continue
        start, end = span
        key = name_key(text[start:end])
        eid = gaz.lookup(tuple(key.split(" ")))
        out.append(Mention(start, end, text[start:end], gaz.type_of(eid) if eid else etype,
                           key, eid, start, "dateline"))
    return out


#: How many different sport words make a text a sports report.
SPORT_MIN_CUES = 4


def is_sport(keys: Sequence[str]) -> bool:
    """True if the token keys hold :data:`SPORT_MIN_CUES` different sport words."""
    return len(SPORT_CUES.intersection(keys)) >= SPORT_MIN_CUES


def _lookup_id(key: str, gaz: Gazetteer) -> str | None:
    eid = gaz.lookup(tuple(key.split(" ")))
    if eid is None and gaz.site is not None:
        return None
    return eid


_EN_TRIM = EN_DEMONYMS | EN_TITLES
_EN_COMPASS = frozenset({"north", "south", "east", "west"})
_EN_CONNECT = frozenset({"of", "the", "de", "von", "der", "van", "al", "bin", "for", "and",
                         "da", "do", "dos", "das", "di", "del", "della", "du", "ibn", "el"})
#: A capitalised word that makes the listed place after it part of another name
#: («Port Sudan» is a city, not Sudan).
_EN_PLACE_PREFIX = frozenset({"port", "lake", "mount", "cape", "fort", "saint", "st", "san",
                              "santa", "new", "upper", "lower", "greater"})


def _en_key(word: str) -> tuple[str, bool]:
    """Key of an English word without a possessive, and whether it had one."""
    key = name_key(word)
    for suffix in ("'s", "’s"):
        if key.endswith(suffix) and len(key) > 2:
            return key[: -len(suffix)], True
    return key, False


def _recognise_en(  # noqa: PLR0912, PLR0915
    text: str, sentences: Sequence[Sequence[Word]], gaz: Gazetteer,
) -> list[Mention]:
    mentions: list[Mention] = []
    surnames: set[str] = set()
    pending: list[tuple[int, int, str, int, int]] = []  # lone words decided at the end
    for words in sentences:
        core = [w for w in words if w.core]
        pairs = [_en_key(w.text) for w in core]
        keys = [k for k, _ in pairs]
        taken = [False] * len(core)
        for m in gazetteer_matches(keys, gaz):
            start, end = core[m.i].start, core[m.j - 1].end
            if not any(c.isupper() for c in text[start:end]) and text[start:end].isascii():
                continue  # "who" is not WHO: English names are capitalised
            if m.i and keys[m.i - 1] in _EN_PLACE_PREFIX and _is_cap(core[m.i - 1].text):
                continue  # the capitalisation rule takes «Port Sudan» whole
            end = start + len(" ".join(keys[m.i : m.j])) if pairs[m.j - 1][1] else end
            mentions.append(Mention(start, end, text[start:end], gaz.type_of(m.entity_id),
                                    m.key, m.entity_id, start, "gazetteer"))
            if gaz.type_of(m.entity_id) == "person":
                surnames.add(keys[m.j - 1])
            for t in range(m.i, m.j):
                taken[t] = True
        i = 0
        while i < len(core):
            if taken[i] or not _is_cap(core[i].text) or keys[i] in EN_STOP:
                i += 1
                continue
            j = i + 1
            while j < len(core) and not taken[j] and not pairs[j - 1][1] and (
                not text[core[j - 1].end : core[j].start].strip()) and (
                (_is_cap(core[j].text) and keys[j] not in EN_STOP)
                or (keys[j] in _EN_CONNECT and j + 1 < len(core) and _is_cap(core[j + 1].text))
            ):
                j += 1
            if i == 0 and j - i == 1:
                i = j
                continue  # a lone sentence-initial capital is not evidence
            run_end = j
            while j > i and keys[j - 1] in _EN_TRIM:
                j -= 1  # "Chinese President", "North Korean": adjectives and titles
            portfolio = j < run_end and keys[j] in EN_TITLES
            while i < j and (keys[i] in _EN_TRIM or keys[i] in _EN_CONNECT):
                i += 1  # "Ukrainian President Volodymyr Zelenskyy": the name only
            while j > i and keys[j - 1] in _EN_CONNECT:
                j -= 1
            if not any(k in EN_ORG_HEADS for k in keys[i:j]):
                t = max((t for t in range(i, j - 1) if keys[t] in EN_TITLES), default=-1)
                i = t + 1 if t >= 0 else i  # "Energy Minister Ali Nasser": the name after
            span = keys[i:j]
            if (not span or (len(span) == 1 and span[0] in _EN_COMPASS)
                    or (portfolio and not any(k in EN_ORG_HEADS for k in span))
                    or any(k in EN_EVENT_WORDS for k in span)
                    or (run_end < len(core) and taken[run_end]
                        and gaz.type_of(_en_owner(keys, run_end, gaz)) == "person")):
                # "Energy Minister", "World Cup", "Volodymyr" before a listed person
                i = run_end
                continue
            prev = keys[i - 1] if i else ""
            start, end = core[i].start, core[j - 1].end
            if pairs[j - 1][1]:
                end = start + len(" ".join(keys[i:j]))
            if j - i == 1 and span[0] in EN_ORG_HEADS | EN_PLACE_HEADS:
                i = run_end
                continue  # "Ministry" alone is not a name
            if j - i == 1 and prev not in EN_TITLES and prev not in _EN_PLACE_PREP:
                pending.append((start, end, keys[i], i, run_end))
                i = run_end
                continue
            etype = ("place" if span[-1] in EN_PLACE_HEADS or span[0] in _EN_PLACE_PREFIX
                     else "organization" if any(k in EN_ORG_HEADS for k in span)
                     else "person" if prev in EN_TITLES or j - i in (2, 3)
                     else "place" if prev in _EN_PLACE_PREP else "organization")
            if etype == "person":
                surnames.add(span[-1])
            mentions.append(Mention(start, end, text[start:end], etype,
                                    " ".join(span), None, start, "caps"))
            i = run_end
    # A lone capitalised word counts only as the surname of a person named in the text.
    for start, end, key, _, _ in pending:
        if key in surnames:
            mentions.append(Mention(start, end, text[start:end], "person", key, None, start,
                                    "caps"))
    return sorted(mentions, key=lambda m: m.start)


_EN_PLACE_PREP = frozenset({"in", "at", "from", "to"})


def _en_owner(keys: Sequence[str], i: int, gaz: Gazetteer) -> str:
    """The id of the listed name starting at token ``i`` (or '')."""
    m = next(iter(gazetteer_matches(keys[i:], gaz)), None)
    return m.entity_id if m is not None and m.i == 0 else ""


def _is_cap(word: str) -> bool:
    return (word[:1].isupper() and any(c.islower() for c in word[1:])) or (
        len(word) >= 2 and word.isupper() and word.isalpha())
