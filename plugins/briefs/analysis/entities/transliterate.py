"""Do an Arabic name and a Latin name write the same name? A score from their skeletons.

Each side is reduced to a *skeleton*: the name's consonants as classes shared by both
scripts (ب and b and p are ``B``; ش, sh and French ch are ``X``), with what one script
writes and the other does not left out: vowels and the letters Arabic uses for them
(ا و ي ى ة), hamza and ʿayn, the article (ال, al-, el-, ash-), titles (الملك, King),
doubled letters, and a word-final h («فتاح»/"Fattah", «فاطمة»/"Fatimah"); a Latin regnal
numeral is read as its Arabic ordinal ("VI" is «السادس»). The table is data
(``data/transliteration.yml``); the score is one minus the edit distance of the two
skeletons over the longer one, where classes that the scripts swap for one sound (a Latin
g for ج or غ; s and z) cost less than other substitutions.

>>> round(name_match("عبد الفتاح السيسي", "Abdel Fattah el-Sisi"), 2)
1.0
>>> round(name_match("ألكسندر نوفاك", "Alexander Novak"), 2)
1.0
>>> name_match("محمد بن زايد", "Mohammed bin Salman") < 0.8
True
"""

from __future__ import annotations

import functools
import unicodedata
from importlib import resources

import yaml

from .keys import name_key

NEAR_COST = 0.3


@functools.cache
def _table() -> dict:
    text = resources.files(__package__).joinpath("data/transliteration.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    latin = sorted(data["latin"].items(), key=lambda item: -len(item[0]))
    near = {frozenset(pair) for pair in data["near"]}
    return {"arabic": data["arabic"], "latin": latin, "near": near,
            "near_organisations": near | {frozenset(pair) for pair in data["near_organisations"]},
            "articles": frozenset(data["latin_articles"]),
            "assimilated": frozenset(data["latin_assimilated"]),
            "compounds": data["latin_compounds"],
            "arabic_titles": frozenset(name_key(word) for word in data["arabic_titles"]),
            "latin_titles": frozenset(data["latin_titles"]),
            "regnal": data["regnal"],
            "letters": str.maketrans(data["latin_letters"])}


def _squeeze(classes: str) -> str:
    """Collapse doubled classes and drop a word-final H."""
    out = "".join(c for i, c in enumerate(classes) if i == 0 or c != classes[i - 1])
    return out[:-1] if out.endswith("H") and len(out) > 1 else out


def arabic_skeleton(name: str) -> str:
    """Return the consonant skeleton of an Arabic name.

    >>> arabic_skeleton("عبد الفتاح السيسي"), arabic_skeleton("الملك محمد السادس")
    ('BDFTS', 'MHMDSDS')
    """
    table, titles = _table()["arabic"], _table()["arabic_titles"]
    words = []
    for written in name.split():
        # «تش» is one sound, the ch of "Charles" (تشارلز).
        word = name_key(written).replace("تش", "ش")
        if word in titles:
            continue
        # The article as written: «ال…», not «أل…» (ألكسندر keeps its first letters).
        if written.lstrip("\u0640").startswith("ال") and len(word) > 3:
            word = word[2:]
        words.append(_squeeze("".join(table.get(char, "") for char in word)))
    return "".join(words)


def latin_skeleton(name: str) -> str:
    """Return the consonant skeleton of a Latin name.

    >>> latin_skeleton("Abdel Fattah el-Sisi"), latin_skeleton("King Mohammed VI")
    ('BDFTS', 'MHMDSDS')
    """
    table = _table()
    spelled = name.casefold().translate(table["letters"])
    plain = "".join(c for c in unicodedata.normalize("NFKD", spelled)
                    if not unicodedata.combining(c))
    words: list[str] = []
    regnal: list[str] = []  # skeletons of regnal ordinals, in Arabic letters
    for position, token in enumerate(plain.replace("'", "").replace(".", "").split()):
        if token in table["latin_titles"]:
            continue
        if position and token in table["regnal"]:
            regnal.append(arabic_skeleton(table["regnal"][token]))
            continue
        parts = [part for part in token.split("-") if part]
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            if part in table["articles"] and not (last and len(parts) == 1 and index == 0
                                                    and len(token) > len(part)):
                continue
            if part in table["assimilated"] and not last:
                continue
            words.extend(_compound(part, table["compounds"]).split())
    return "".join([*(_squeeze(_latin_classes(word, table["latin"])) for word in words),
                    *regnal])


def _compound(word: str, compounds: dict[str, str]) -> str:
    """Split a Latin compound name at its known first part ("abdelmadjid" → "abd madjid")."""
    if word in compounds:
        return compounds[word]
    for head in sorted(compounds, key=len, reverse=True):
        if word.startswith(head) and len(word) > len(head) + 2:
            return f"{compounds[head]} {word[len(head):]}"
    return word


def _latin_classes(word: str, spellings: list[tuple[str, str]]) -> str:
    if word.startswith("x"):
        word = "sh" + word[1:]  # a first x is ش (Xi, Xavi); elsewhere ks (Alexander)
    out, i = [], 0
    while i < len(word):
        for spelling, classes in spellings:
            if word.startswith(spelling, i):
                out.append(classes)
                i += len(spelling)
                break
        else:
            i += 1  # a vowel, w or y: written as a letter in Arabic only when long
    return "".join(out)


def skeleton_similarity(first: str, second: str, *, organisation: bool = False) -> float:
    """Return 1 − edit distance / longer length, near classes costing ``NEAR_COST``
    (``organisation``: with the pairs near in organisations' names too).

    >>> skeleton_similarity("RDGN", "RDJN"), skeleton_similarity("", "")
    (0.925, 0.0)
    """
    if not first or not second:
        return 0.0
    near = _table()["near_organisations" if organisation else "near"]
    previous = [float(j) for j in range(len(second) + 1)]
    for i, a in enumerate(first, 1):
        current = [float(i)]
        for j, b in enumerate(second, 1):
            cost = 0.0 if a == b else NEAR_COST if frozenset((a, b)) in near else 1.0
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return 1 - previous[-1] / max(len(first), len(second))


def name_match(arabic: str, latin: str, *, organisation: bool = False) -> float:
    """Return how close an Arabic and a Latin name are, from 0 to 1."""
    return skeleton_similarity(arabic_skeleton(arabic), latin_skeleton(latin),
                               organisation=organisation)
