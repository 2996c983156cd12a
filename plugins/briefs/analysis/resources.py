"""Character data for the analysis: translation tables, quote-mark pairs, punctuation sets.

Data only (no logic), in the manner of textacy's ``preprocessing/resources.py`` and ftfy's
``chardata.py``. Regexes built from these live next to the code that uses them, compiled once at
import.
"""

from __future__ import annotations

# --- Normalisation (matching keys only; the stored text is never changed) -------------------

#: Arabic tashkeel (U+064B–U+0652) and the superscript alef (U+0670).
TASHKEEL = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670"
TATWEEL = "\u0640"
#: Bidi and zero-width controls: U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF.
BIDI_AND_ZERO_WIDTH = (
    "".join(chr(c) for c in range(0x200B, 0x2010))
    + "".join(chr(c) for c in range(0x202A, 0x202F))
    + "".join(chr(c) for c in range(0x2066, 0x206A))
    + "\ufeff"
)
#: Characters deleted from a key (the soft hyphen is invisible too).
KEY_DELETE = TASHKEEL + TATWEEL + BIDI_AND_ZERO_WIDTH + "\u00ad"
#: One-for-one folds applied to a key.
KEY_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ک": "ك",
    "ی": "ي",
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended (Persian) digits
}
#: ``str.translate`` table for keys: every rule maps one character to zero or one character.
KEY_TABLE: dict[int, str | None] = {
    **{ord(c): None for c in KEY_DELETE},
    **{ord(k): v for k, v in KEY_FOLD.items()},
}

# --- Quote marks ---------------------------------------------------------------------------

#: Opening mark -> the marks that may close it. „ closes with “ (German), « with ».
QUOTE_PAIRS: dict[str, str] = {
    "“": "”“",  # “…” ; “…“ (same mark twice, common in hand-typed Arabic) is allowed by context
    "«": "»",
    "„": "“”",
    "‘": "’‘",
    "‚": "‘’",
    "‹": "›",
    '"': '"',
    "'": "'",
}
#: A closing mark found with nothing to close, used as an opener (reversed typing: »…« ”…”).
REVERSED_PAIRS: dict[str, str] = {"»": "«»", "”": "”“", "’": "’‘", "›": "‹›"}
#: Marks that only ever close (never open in their normal use).
CLOSERS = "”»’›"
#: Straight marks: their role depends on context.
STRAIGHT = "\"'"
#: Every quote-like character.
ALL_QUOTE_MARKS = "“”«»„‘’‚‹›\"'"
#: Characters after which a mark may open a quote (besides whitespace and the text start).
OPEN_CONTEXT = "([{<—–-/:،,؛;" + ALL_QUOTE_MARKS + "\u0640"
#: Arabic one-letter proclitics that attach to a following quote mark: و“ ب« لـ“.
ARABIC_PROCLITIC_LETTERS = "وبلفك"

# --- Punctuation --------------------------------------------------------------------------

SENTENCE_END = ".!?؟"
ELLIPSIS = "…"
DASHES = "-–—‒―"
ARABIC_COMMA = "،"
ARABIC_SEMICOLON = "؛"
#: Characters that are never part of a word token.
NON_WORD = " \t\n\r\f\v\u00a0،,:;؛.!?؟…()[]{}<>" + ALL_QUOTE_MARKS + "–—‒―/\\|*"
