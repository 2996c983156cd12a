"""CRF features for a sentence of tokens (shared by training and tagging).

Features: the token key, the lexicon-stripped and blind-stripped forms, affixes,
shape, gazetteer membership (B/I by type, from CLDR and curated data only),
given names, title / organisation-head / place-trigger / speech-verb words, a
transliteration hint (foreign endings such as ـوف، ـسكي، ـيتش, letters پ ڤ گ ژ,
vowel-rich spelling),
the *training lexicon* (the majority tag of a form in the training data; during
training it is computed jack-knife style, from the other folds only), and a
window: the neighbours at ±1 lend their word, gazetteer tag, lexicon tag, suffix,
blind-stripped form and word-list flags; those at ±2 their word and gazetteer tag only
(more at ±2 scored lower on the dev split and cost tagging time).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Generic, TypeVar, overload

from ..lexicon import (
    GIVEN_NAMES,
    PERSON_TITLES,
    TAGGER_NAME_PARTICLES,
    TAGGER_ORG_HEADS,
    TAGGER_PLACE_TRIGGERS,
    TAGGER_SPEECH_VERBS,
)
from ..tokens import peel
from .gazetteer import Gazetteer
from .keys import name_key
from .match import gazetteer_matches

_GAZ_TAG = {"person": "PERS", "organization": "ORG", "place": "LOC"}

Lexicon = Mapping[str, str]

_BLIND = re.compile(r"^(?:[وف]?(?:[بك]?ال|لل|[بلك])|[وف])")


@lru_cache(maxsize=65536)
def blind_strip(key: str) -> str:
    """Strip ``(و|ف)?(ب|ل|ك)?(ال)?`` whatever the remainder (a feature only, never a key).

    >>> blind_strip("وبالعراق"), blind_strip("لبنان")
    ('عراق', 'بنان')
    """
    m = _BLIND.match(key)
    return key[m.end() :] if m and len(key) - m.end() >= 3 else key


#: Endings typical of transliterated foreign names (as keys: ة is ه, ى is ي), longest first.
_FOREIGN_ENDINGS = tuple(sorted(
    ("وف", "وفا", "يف", "يفا", "سكي", "سكيي", "فسكي", "تسكي", "يتش", "فيتش", "وفيتش", "يفيتش",
     "برغ", "بورغ", "بيرغ", "ستان", "يا", "ينو", "يني", "يتو", "نكو", "شينكو", "فيلد", "تون",
     "ستون", "يه", "يير", "يغ", "نغ", "وس", "يوس", "ز", "يز", "ارد", "ر", "يلي", "يلو", "يس",
     "ونز", "يسكو", "اكي", "وتشي", "يتشي", "اشي", "وي"),
    key=len, reverse=True))
_FOREIGN_LETTERS = frozenset("پڤگژچ")


def _foreign(key: str, full: str, core: str) -> str:
    """A transliteration hint for a blind-stripped ``key``: a foreign ending, or ''."""
    if any(c in _FOREIGN_LETTERS for c in core):
        return "L"
    if len(key) < 4 or key.startswith("ال") or "ل" in full[: len(full) - len(key)]:
        return ""
    rich = len(key) >= 5 and sum(c in "اوي" for c in key) * 2 >= len(key)  # vowels written out
    end = next((e for e in _FOREIGN_ENDINGS if key.endswith(e)), "")
    if len(end) >= 3:
        return end
    return (end or "v") if rich else ""


def _shape(core: str) -> str:
    if not core:
        return "empty"
    if core.isdigit() or all(c.isdigit() or c in ".,/:-" for c in core):
        return "num"
    if core.isascii():
        return "Cap" if core[:1].isupper() else "latin"
    return "ar"


@lru_cache(maxsize=65536)
def token_info(raw: str) -> tuple[str, str, str]:
    """Return ``(core, key, edge)`` for a raw token: edge is the peeled trailing punctuation."""
    lo, hi = peel(raw)
    core = raw[lo:hi]
    return core, name_key(core), raw[hi:] or raw[:lo]


#: Word-list flags: (feature, list), looked up by key and blind-stripped form.
_WORD_LISTS = (("gn", GIVEN_NAMES), ("ti", PERSON_TITLES), ("oh", TAGGER_ORG_HEADS),
               ("pt", TAGGER_PLACE_TRIGGERS))

#: Features a token lends to its neighbours (besides w, g, lex, x2 and, at ±1, bs).
_NB_FLAGS = ("gn", "ti", "oh", "pt", "sv", "np", "edge", "tr")

#: A feature: a string, or its UTF-8 bytes where the tagger reads it (see :class:`_LocalCache`).
Feature = TypeVar("Feature", str, bytes)

#: ``(own features, features lent at offsets -2, -1, +1, +2, key, gazetteer tag)``.
_Local = tuple[list[Feature], tuple[list[Feature], list[Feature], list[Feature], list[Feature]],
               str, str]

_OFFSETS = (-2, -1, 1, 2)
_BOUND = tuple(f"{off}BOUND" for off in _OFFSETS)


def _local(raw: str, skey: str, g: str, lexicon: Lexicon) -> _Local[str]:
    """Per-token features, independent of the neighbours (cached by the caller)."""
    core, key, edge = token_info(raw)
    bs = blind_strip(key)
    d = {
        "w": key,
        "bs": bs,
        "sh": _shape(core),
        "len": str(min(len(key), 8)),
        "p2": key[:2], "p3": key[:3], "x1": key[-1:], "x2": key[-2:], "x3": key[-3:],
        "bx2": bs[-2:], "bp2": bs[:2],
        "g": g or "O",
        "lex": lexicon.get(key) or lexicon.get(skey) or lexicon.get("~" + bs, "") or "-",
    }
    if skey != key:
        d["s"] = skey
    if edge:
        d["edge"] = edge[:1]
    for flag, words in _WORD_LISTS:
        if key in words or bs in words:
            d[flag] = "1"
    if key in TAGGER_SPEECH_VERBS or bs in TAGGER_SPEECH_VERBS or key[1:] in TAGGER_SPEECH_VERBS:
        d["sv"] = "1"
    if key in TAGGER_NAME_PARTICLES:
        d["np"] = "1"
    tr = _foreign(bs, key, core)
    if tr:
        d["tr"] = tr
    if core.startswith("ال") or key.startswith("ال"):
        d["al"] = "1"
    own = ["b"] + [f"{k}={v}" for k, v in d.items()]
    lent = []
    for off in _OFFSETS:
        f = [f"{off}w={key}", f"{off}g={d['g']}"]
        if abs(off) == 1:
            f += [f"{off}lex={d['lex']}", f"{off}x2={d['x2']}", f"{off}bs={bs}"]
            f += [f"{off}{k}" for k in _NB_FLAGS if k in d]
        lent.append(f)
    return own, (lent[0], lent[1], lent[2], lent[3]), key, d["g"]


class _LocalCache(Generic[Feature]):
    """Memo of :func:`_local` for one lexicon (tokens repeat a lot within and across texts).

    With a ``vocab`` (the attributes a trained model knows), features outside it are
    dropped once per token form: the tagger would ignore them, and passing fewer strings
    to crfsuite is most of the tagging time. The features kept are stored as UTF-8 bytes,
    which crfsuite takes as they are: a string it would encode again in every sentence.
    """

    __slots__ = ("bound", "lexicon", "memo", "pairs", "vocab")

    def __init__(self, lexicon: Lexicon, vocab: frozenset[str] | None) -> None:
        self.lexicon = lexicon
        self.vocab = vocab
        self.memo: dict[tuple[str, str, str], _Local[Feature]] = {}
        #: Two neighbours ``(word, gazetteer tag, next word, its tag)`` → the pair features
        #: of the second (with the word and tag before it) and of the first (with the next
        #: word): word pairs repeat too («الأمين العام», «وقال الرئيس»).
        self.pairs: dict[tuple[str, str, str, str], tuple[list[Feature], list[Feature]]] = {}
        #: What a sentence edge lends in place of a neighbour at each offset (never dropped).
        self.bound: tuple[list[Feature], ...] = tuple([self.feature(f)] for f in _BOUND)

    def feature(self, name: str) -> Feature:
        """Return a feature as this cache stores it."""
        return name if self.vocab is None else name.encode()  # type: ignore[return-value]

    def add(self, form: tuple[str, str, str]) -> _Local[Feature]:
        """Compute, keep and return the features of a token ``(raw, stripped key, gazetteer
        tag)`` not in :attr:`memo` yet."""
        if len(self.memo) > 200_000:
            self.memo.clear()
        item = _local(*form, self.lexicon)
        if self.vocab is not None:
            v = self.vocab
            own, lent, w, gt = item
            item = ([f.encode() for f in own if f in v],  # type: ignore[assignment]
                    (*([f.encode() for f in lst if f in v] for lst in lent),),
                    w, gt)
        self.memo[form] = item  # type: ignore[assignment]
        return item  # type: ignore[return-value]

    def add_pair(self, pair: tuple[str, str, str, str]) -> tuple[list[Feature], list[Feature]]:
        """Compute, keep and return the features of two neighbours not in :attr:`pairs` yet."""
        if len(self.pairs) > 200_000:
            self.pairs.clear()
        word, tag, next_word, next_tag = pair
        found = ([self.feature(f) for f in (f"-1w|w={word}|{next_word}",
                                            f"-1g|g={tag}|{next_tag}") if self.known(f)],
                 [self.feature(f) for f in (f"w|+1w={word}|{next_word}",) if self.known(f)])
        self.pairs[pair] = found
        return found

    def known(self, name: str) -> bool:
        """Tell whether the model knows a feature (any feature, without a model)."""
        return self.vocab is None or name in self.vocab


_CACHES: dict[tuple[int, int], _LocalCache] = {}


def _cache_for(lexicon: Lexicon, vocab: frozenset[str] | None) -> _LocalCache:
    cache = _CACHES.get((id(lexicon), id(vocab)))
    if cache is None or cache.lexicon is not lexicon or cache.vocab is not vocab:
        if len(_CACHES) > 8:
            _CACHES.clear()
        cache = _CACHES[id(lexicon), id(vocab)] = _LocalCache(lexicon, vocab)
    return cache


@overload
def sentence_features(tokens: Sequence[str], gaz: Gazetteer, lexicon: Lexicon,
                      vocab: None = None) -> list[list[str]]: ...


@overload
def sentence_features(tokens: Sequence[str], gaz: Gazetteer, lexicon: Lexicon,
                      vocab: frozenset[str]) -> list[list[bytes]]: ...


def sentence_features(
    tokens: Sequence[str], gaz: Gazetteer, lexicon: Lexicon,
    vocab: frozenset[str] | None = None,
) -> list[list[str]] | list[list[bytes]]:
    """Return one feature list per token of a sentence.

    ``vocab``: if given (tagging), only features in it are returned, as UTF-8 bytes (see
    :class:`_LocalCache`).
    """
    if not tokens:
        return []
    keys = [token_info(t)[1] for t in tokens]
    n = len(tokens)
    gtag = ["O"] * n
    stripped = list(keys)
    for m in gazetteer_matches(keys, gaz):
        typ = _GAZ_TAG[gaz.type_of(m.entity_id)] if gaz.type_of(m.entity_id) else "X"
        for t in range(m.i, m.j):
            gtag[t] = ("B-" if t == m.i else "I-") + typ
        if m.prefix:
            stripped[m.i] = m.key.split(" ")[0]
    cache = _cache_for(lexicon, vocab)
    memo = cache.memo
    local = [memo.get(form) or cache.add(form)
             for form in zip(tokens, stripped, gtag, strict=True)]
    lent = [item[1] for item in local]
    bound = cache.bound
    # What each position receives from its neighbours at -2, -1, +1 and +2, built as whole
    # columns: a sentence's edge lends its BOUND feature instead.
    from_before2 = ([bound[0], bound[0]] + [x[0] for x in lent])[:n]
    from_before1 = [bound[1]] + [x[1] for x in lent[:-1]]
    from_after1 = [x[2] for x in lent[1:]] + [bound[2]]
    from_after2 = ([x[3] for x in lent[2:]] + [bound[3], bound[3]])[:n]
    # The pair features: a position's with the word before it and with the word after it
    # (none at the sentence's edges).
    pairs = cache.pairs
    words = [item[2] for item in local]
    tags = [item[3] for item in local]
    links = [pairs.get(pair) or cache.add_pair(pair)
             for pair in zip(words, tags, words[1:], tags[1:], strict=False)]
    with_previous: list[list[Feature]] = [[], *(link[0] for link in links)]
    with_next: list[list[Feature]] = [*(link[1] for link in links), []]
    return [[*item[0], *b2, *b1, *a1, *a2, *previous, *following]
            for item, b2, b1, a1, a2, previous, following in zip(
                local, from_before2, from_before1, from_after1, from_after2, with_previous,
                with_next, strict=True)]


def build_lexicon(sentences: Sequence[tuple[Sequence[str], Sequence[str]]],
                  min_count: int = 1) -> dict[str, str]:
    """Map a token key (and ``~`` + its blind-stripped form) to its majority entity tag.

    Only forms tagged as an entity at least half the time are kept; the value is
    the tag type (``PERS``, ``LOC``, ``ORG``, ``MISC``) with ``B``/``I`` position.
    """
    counts: dict[str, dict[str, int]] = {}
    for toks, tags in sentences:
        for tok, tag in zip(toks, tags, strict=True):
            _, key, _ = token_info(tok)
            for form in (key, "~" + blind_strip(key)):
                c = counts.setdefault(form, {})
                c[tag] = c.get(tag, 0) + 1
    out: dict[str, str] = {}
    for form, c in counts.items():
        total = sum(c.values())
        tag, best = max(((t, v) for t, v in c.items() if t != "O"), key=lambda tv: tv[1],
                        default=("O", 0))
        if best >= min_count and best * 2 >= total:
            out[form] = tag
    return out

