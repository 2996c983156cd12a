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

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .clitics import strip_word
from .features import token_info
from .gazetteer import Gazetteer, build_gazetteer, default_gazetteer
from .keys import is_arabic, name_key
from .lexicon import (
    EN_DEMONYMS,
    EN_ORG_HEADS,
    EN_STOP,
    EN_TITLES,
    GIVEN_NAMES,
    PERSON_TITLES,
)
from .match import gazetteer_matches
from .model import TAG_TO_TYPE, TYPE_TO_TAG, GazEntry, Mention
from .scoring import spans
from .tagger import LEXICON_FILE, crf_tag, crf_tag_document, data_dir, load_lexicon, model_available
from .tokens import PUNCT

#: Map of a normalised key to a product type, for names already seen in the document.
Known = Mapping[str, str]

_SENT_END = frozenset(".!?؟…\n")
_WORD = re.compile(r"\S+")


def _frequent_words() -> Mapping[str, str]:
    return _lexicon_at(data_dir())


@lru_cache(maxsize=4)
def _lexicon_at(directory: object) -> Mapping[str, str]:
    return load_lexicon(str(data_dir() / LEXICON_FILE))


def _is_unknown_word(key: str) -> bool:
    """A candidate name: Arabic, 3+ letters, not a listed title or function word."""
    return len(key) >= 3 and is_arabic(key) and key not in PERSON_TITLES


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
               known: Known | None = None, crf_tags: Sequence[str] | None = None) -> list[str]:
    """Tag one sentence of tokens (Arabic) with IOB tags over PERS, LOC, ORG, MISC.

    Tokens are whitespace tokens as in ANERcorp (clitics attached); this is the full
    recogniser (tagger + gazetteers + rules), as run on briefs.
    """
    gaz = gazetteer or default_gazetteer()
    n = len(tokens)
    if crf_tags is not None:
        tags = list(crf_tags)
    else:
        tags = crf_tag(tokens, gaz) if model_available() else ["O"] * n
    keys = [token_info(t)[1] for t in tokens]
    crf_spans = {(i, j): t for t, i, j in spans(tags)}
    for m in gazetteer_matches(keys, gaz):
        typ = TYPE_TO_TAG.get(gaz.type_of(m.entity_id))
        if typ is None:
            continue
        # The gazetteer fills gaps only: where the tagger found a name it keeps its
        # boundaries (غزة inside قطاع غزة, جامعة القاهرة) and its type (برشلونة the club),
        # having seen the gazetteer as a feature already.
        if (m.i, m.j) not in crf_spans and all(tags[t] == "O" for t in range(m.i, m.j)):
            _set(tags, m.i, m.j, typ)
    # Rule: a title word before an untagged, unknown word → a person.
    lexicon = _frequent_words()
    for i in range(1, n):
        if tags[i] == "O" and tags[i - 1] == "O" and keys[i - 1] in PERSON_TITLES:
            key = keys[i]
            given = key in GIVEN_NAMES and not token_info(tokens[i])[0].endswith("ى")
            if _is_unknown_word(key) and (given or lexicon.get(key, "").endswith("PERS")):
                j = i + 1
                while j < n and tags[j] == "O" and lexicon.get(keys[j], "").endswith("PERS"):
                    j += 1
                _set(tags, i, j, "PERS")
    if known:
        _propagate(keys, tags, _doc_gazetteer(known))
    return tags


def _propagate(keys: Sequence[str], tags: list[str], doc: Gazetteer) -> list[str]:
    """Tag untagged recurrences of the document's names (in place; returns ``tags``)."""
    for m in gazetteer_matches(keys, doc):
        if all(tags[t] == "O" for t in range(m.i, m.j)):
            _set(tags, m.i, m.j, TYPE_TO_TAG[doc.type_of(m.entity_id)])
    return tags


def span_key(tokens: Sequence[str], i: int, j: int, gaz: Gazetteer,
             known: Known | None = None) -> tuple[int, str]:
    """Return ``(proclitic_chars, key)`` of the name in ``tokens[i:j]``.

    Only the first word may carry proclitics, and they are stripped only when the
    remainder is known (gazetteer, document, given names or the training lexicon).
    """
    lexicon = _frequent_words()
    doc = known or {}
    first_keys = [token_info(t)[1] for t in tokens[i:j]]
    rest = " ".join(first_keys[1:])

    def strong(k: str) -> bool:
        full = f"{k} {rest}".strip()
        return (full in gaz.squashed or gaz.lookup(tuple(full.split())) is not None
                or full in doc)

    def weak(k: str) -> bool:
        return k in GIVEN_NAMES or k in lexicon or k in gaz.first

    core, _, _ = token_info(tokens[i])
    offset, first = 0, first_keys[0] if first_keys else ""
    for known_fn in (strong, weak):
        if known_fn(first):
            break
        offset, first = strip_word(core, known_fn)
        if offset:
            break
    if offset and first.startswith("ا") and not core[offset:].startswith(("ا", "أ", "إ", "آ")):
        offset = 0  # لل + name: «لليابان» has no «اليابان» to point at; keep the whole word
    return offset, f"{first} {rest}".strip()


def _collect(tokens: Sequence[str], tags: Sequence[str], gaz: Gazetteer,
             known: dict[str, str]) -> None:
    """Add the names of one tagged sentence to ``known`` (people also by surname)."""
    for typ, i, j in sorted(spans(tags), key=lambda s: s[1]):
        if typ not in TAG_TO_TYPE:
            continue
        _, key = span_key(tokens, i, j, gaz, known)
        known.setdefault(key, TAG_TO_TYPE[typ])
        words = key.split(" ")
        last = words[-1]
        if typ == "PERS" and len(words) >= 2 and len(last) >= 3 and last not in GIVEN_NAMES:
            known.setdefault(last, "person")


def tag_document(sentences: Sequence[Sequence[str]], *, gazetteer: Gazetteer | None = None,
                 known: Known | None = None) -> list[list[str]]:
    """Tag the sentences of one document; names found once are propagated to the others."""
    gaz = gazetteer or default_gazetteer()
    crf = (crf_tag_document(sentences, gaz) if model_available()
           else [["O"] * len(s) for s in sentences])
    first = [tag_tokens(s, gazetteer=gaz, known=known, crf_tags=c)
             for s, c in zip(sentences, crf, strict=True)]
    seen: dict[str, str] = dict(known or {})
    for toks, tags in zip(sentences, first, strict=True):
        _collect(toks, tags, gaz, seen)
    doc = _doc_gazetteer(seen)
    return [_propagate([token_info(t)[1] for t in s], tags, doc)
            for s, tags in zip(sentences, first, strict=True)]


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int
    core: bool  # False for a run of punctuation split off a word


def _split_words(text: str) -> list[list[_Word]]:
    """Split text into sentences of ANERcorp-like tokens (punctuation runs split off)."""
    sentences: list[list[_Word]] = [[]]
    for m in _WORD.finditer(text):
        w, s = m.group(), m.start()
        lo, hi = 0, len(w)
        while lo < hi and w[lo] in PUNCT:
            lo += 1
        while hi > lo and w[hi - 1] in PUNCT:
            hi -= 1
        if lo:
            sentences[-1].append(_Word(w[:lo], s, s + lo, False))
        if lo < hi:
            sentences[-1].append(_Word(w[lo:hi], s + lo, s + hi, True))
        if hi < len(w):
            sentences[-1].append(_Word(w[hi:], s + hi, s + len(w), False))
        newline = "\n" in text[m.end() : m.end() + 2]
        if (any(c in _SENT_END for c in w[hi:]) or newline) and sentences[-1]:
            sentences.append([])
    return [s for s in sentences if s]


def recognise(text: str, *, lang: str, gazetteer: Gazetteer | None = None,
              known: Known | None = None) -> list[Mention]:
    """Return the person, organisation and place mentions of ``text``, in text order.

    Args:
        text: the article text (offsets refer to it).
        lang: ``"ar"`` or ``"en"``.
        gazetteer: the layered gazetteer (default: CLDR + curated; pass the site one).
        known: names already known (key → type), e.g. from the site index.
    """
    gaz = gazetteer or default_gazetteer()
    sentences = _split_words(text)
    if lang != "ar":
        return _recognise_en(text, sentences, gaz)
    toks = [[w.text for w in s] for s in sentences]
    tagged = tag_document(toks, gazetteer=gaz, known=known)
    seen: dict[str, str] = dict(known or {})
    mentions: list[Mention] = []
    for words, sent, tags in zip(sentences, toks, tagged, strict=True):
        for typ, i, j in sorted(spans(tags), key=lambda s: s[1]):
            if typ not in TAG_TO_TYPE or not words[i].core:
                continue
            offset, key = span_key(sent, i, j, gaz, seen)
            eid = _lookup_id(key, gaz)
            etype = gaz.type_of(eid) if eid else TAG_TO_TYPE[typ]
            start = words[i].start + offset
            end = words[j - 1].end
            mentions.append(Mention(start, end, text[start:end], etype, key, eid,
                                    words[i].start, "tagger"))
    return mentions


def _lookup_id(key: str, gaz: Gazetteer) -> str | None:
    eid = gaz.lookup(tuple(key.split(" ")))
    if eid is None and gaz.site is not None:
        return None
    return eid


_EN_TRIM = EN_DEMONYMS | EN_TITLES
_EN_COMPASS = frozenset({"north", "south", "east", "west"})
_EN_CONNECT = frozenset({"of", "the", "de", "von", "der", "van", "al", "bin", "for", "and"})


def _recognise_en(text: str, sentences: list[list[_Word]], gaz: Gazetteer) -> list[Mention]:
    mentions: list[Mention] = []
    for words in sentences:
        core = [w for w in words if w.core]
        keys = [name_key(w.text) for w in core]
        taken = [False] * len(core)
        for m in gazetteer_matches(keys, gaz):
            start, end = core[m.i].start, core[m.j - 1].end
            if not any(c.isupper() for c in text[start:end]) and text[start:end].isascii():
                continue  # "who" is not WHO: English names are capitalised
            mentions.append(Mention(start, end, text[start:end], gaz.type_of(m.entity_id),
                                    m.key, m.entity_id, start, "gazetteer"))
            for t in range(m.i, m.j):
                taken[t] = True
        i = 0
        while i < len(core):
            if taken[i] or not _is_cap(core[i].text) or keys[i] in EN_STOP:
                i += 1
                continue
            j = i + 1
            while j < len(core) and not taken[j] and (
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
            while i < j and keys[i] in _EN_TRIM:
                i += 1  # "Ukrainian President Volodymyr Zelenskyy": the name only
            if j - i == 0 or (j - i == 1 and keys[i] in _EN_COMPASS):
                i = run_end
                continue
            prev = keys[i - 1] if i else ""
            heads = any(k in EN_ORG_HEADS for k in keys[i:j])
            etype = ("organization" if heads else "person" if prev in EN_TITLES or j - i in (2, 3)
                     else "place" if prev in ("in", "at", "from", "to") else "organization")
            start, end = core[i].start, core[j - 1].end
            mentions.append(Mention(start, end, text[start:end], etype,
                                    " ".join(keys[i:j]), None, start, "caps"))
            i = run_end
    return sorted(mentions, key=lambda m: m.start)


def _is_cap(word: str) -> bool:
    return (word[:1].isupper() and any(c.islower() for c in word[1:])) or (
        len(word) >= 2 and word.isupper() and word.isalpha())
