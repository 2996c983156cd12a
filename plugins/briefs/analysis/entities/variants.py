"""Given names spelt another way: «ساندر بيتشاي» is سوندار بيتشاي, «رفائيل نادال» is
رافائيل نادال.

The recogniser often finds a known person's family name alone when the given name before it
is spelt with other long vowels than the gazetteer's (or than the same article's other
mention). Transliterations of one foreign name differ in their long vowels and hamza seats
(ا و ي ء), rarely in their consonants: a word right before a lone family name whose
consonants are those of the person's given name is that given name, and the mention takes it
in, so that the fullest name the article gives is one of the entity's mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .gazetteer import Gazetteer, default_gazetteer
from .keys import name_key
from .model import Mention

#: Letters a transliteration may add, drop or change: long vowels and hamza seats.
_VOWELS = re.compile("[اويىءئؤأإآ]")
#: The word right before a position, with nothing but spaces between (no punctuation).
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
#: A given name's consonants must be this many to tell two names apart.
MIN_CONSONANTS = 3


def skeleton(key: str) -> str:
    """Return a name key's consonants: long vowels and hamza seats dropped.

    >>> skeleton("ساندر") == skeleton("سوندار"), skeleton("رفائيل") == skeleton("رافائيل")
    (True, True)
    >>> skeleton("سامر") == skeleton("سمير")
    True
    """
    return _VOWELS.sub("", key)


def extend_given_names(text: str, mentions: Sequence[Mention],
                       gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Return ``mentions`` with each lone family name of a person taking in the given name
    spelt another way just before it, where the person's full name (the gazetteer's, or
    another mention's in the document) has that given name's consonants.

    >>> m = Mention(6, 12, "بيتشاي", "person", "بيتشاي", entity_id="person:sundar-pichai")
    >>> [x.text for x in extend_given_names("ساندر بيتشاي قال", [m])]
    ['ساندر بيتشاي']
    """
    entries = (gazetteer or default_gazetteer()).entries
    fulls: dict[str, set[tuple[str, str]]] = {}
    for mention in mentions:
        words = mention.key.split(" ")
        if mention.type == "person" and len(words) == 2:
            fulls.setdefault(words[1], set()).add((words[0], mention.key))
    out = []
    for mention in mentions:
        if mention.type != "person" or " " in mention.key:
            out.append(mention)
            continue
        names = set(fulls.get(mention.key, ()))
        entry = entries.get(mention.entity_id or "")
        if entry is not None and entry.name_ar:
            words = name_key(entry.name_ar).split(" ")
            if len(words) == 2 and words[1] == mention.key:
                names.add((words[0], name_key(entry.name_ar)))
        found = _WORD_BEFORE.search(text, max(0, mention.start - 40), mention.start) \
            if names else None
        if found is not None:
            given = name_key(found.group(1))
            shape = skeleton(given)
            full = next((key for first, key in sorted(names) if skeleton(first) == shape), None)
            if len(shape) >= MIN_CONSONANTS and full is not None:
                # The key is the full name's: one person, whichever spelling stands here.
                start = found.start(1)
                mention = replace(  # noqa: PLW2901
                    mention, start=start, text=text[start:mention.end], key=full,
                    token_start=start)
        out.append(mention)
    return out
