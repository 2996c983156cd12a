"""CRF features for a sentence of tokens (shared by training and tagging).

Features: the token key, the lexicon-stripped and blind-stripped forms, affixes,
shape, gazetteer membership (B/I by type, from CLDR and curated data only),
given names, title / organisation-head / place-trigger / speech-verb words,
the *training lexicon* (the majority tag of a form in the training data; during
training it is computed jack-knife style, from the other folds only), and a
window of two tokens either side.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from .gazetteer import Gazetteer
from .keys import name_key
from .lexicon import (
    GIVEN_NAMES,
    NAME_PARTICLES,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_TRIGGERS,
    SPEECH_VERBS,
)
from .match import gazetteer_matches
from .tokens import peel

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


def sentence_features(  # noqa: PLR0912
    tokens: Sequence[str], gaz: Gazetteer, lexicon: Lexicon,
) -> list[list[str]]:
    """Return one feature list per token of a sentence."""
    info = [token_info(t) for t in tokens]
    keys = [k for _, k, _ in info]
    gtag = [""] * len(tokens)
    stripped = list(keys)
    for m in gazetteer_matches(keys, gaz):
        typ = _GAZ_TAG[gaz.type_of(m.entity_id)] if gaz.type_of(m.entity_id) else "X"
        for t in range(m.i, m.j):
            gtag[t] = ("B-" if t == m.i else "I-") + typ
        if m.prefix:
            stripped[m.i] = m.key.split(" ")[0]
    local: list[dict[str, str]] = []
    for (core, key, edge), skey, g in zip(info, stripped, gtag, strict=True):
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
        if key in GIVEN_NAMES or bs in GIVEN_NAMES:
            d["gn"] = "1"
        if key in PERSON_TITLES or bs in PERSON_TITLES:
            d["ti"] = "1"
        if key in ORG_HEADS or bs in ORG_HEADS:
            d["oh"] = "1"
        if key in PLACE_TRIGGERS or bs in PLACE_TRIGGERS:
            d["pt"] = "1"
        if key in SPEECH_VERBS or bs in SPEECH_VERBS or key[1:] in SPEECH_VERBS:
            d["sv"] = "1"
        if key in NAME_PARTICLES:
            d["np"] = "1"
        if core.startswith("ال") or key.startswith("ال"):
            d["al"] = "1"
        local.append(d)
    out: list[list[str]] = []
    n = len(local)
    for i, d in enumerate(local):
        f = ["b"] + [f"{k}={v}" for k, v in d.items()]
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                o = local[j]
                f += [f"{off}w={o['w']}", f"{off}g={o['g']}", f"{off}lex={o['lex']}",
                      f"{off}x2={o['x2']}"]
                f += [f"{off}{k}" for k in ("gn", "ti", "oh", "pt", "sv", "np", "edge") if k in o]
                if abs(off) == 1:
                    f.append(f"{off}bs={o['bs']}")
            else:
                f.append(f"{off}BOUND")
        if i > 0:
            f.append(f"-1w|w={local[i - 1]['w']}|{d['w']}")
            f.append(f"-1g|g={local[i - 1]['g']}|{d['g']}")
        if i + 1 < n:
            f.append(f"w|+1w={d['w']}|{local[i + 1]['w']}")
        out.append(f)
    return out


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
