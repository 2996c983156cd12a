"""Find direct quotations: marks, nesting, quotes left open, quotes over several paragraphs.

Rules (Arabic news practice, see the reference notes §8):

* Marks: “ ” « » „ “ ‘ ’ and straight " and '. A straight ' opens only when it stands before a
  word after a space (never between letters: "don't", "Qur'an"). A closing mark found with nothing
  to close may open a reversed pair (»…«, ”…”).
* A quote inside a quote is part of the outer one; only outermost quotes are returned.
* A quote left open runs to the end of its paragraph. When the next paragraph opens with a quote
  mark, the quote continues there (one quote, several parts), as news copy does.
* Short (1–3 words) quotes and quotes introduced as titles of works or labels are ``fragment``:
  data, not key quotes.

Nothing here raises on unbalanced marks: stray closers are ignored, the nesting depth is capped,
and every step is linear in the paragraph length.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from .lexicon import EN_VERBS, NAMING_CUES, QUOTE_COMPLEMENTISERS, WORK_CUES
from .model import Quote, Span
from .normalize import normalise
from .resources import (
    ALL_QUOTE_MARKS,
    ARABIC_PROCLITIC_LETTERS,
    CLOSERS,
    OPEN_CONTEXT,
    QUOTE_PAIRS,
    REVERSED_PAIRS,
)
from .speakers import verb_form
from .tokens import TokenLayer

_MARK_RE = re.compile("[" + re.escape(ALL_QUOTE_MARKS) + "]")
_WORD_RE = re.compile(r"[^\s\W_]|\d", re.UNICODE)
_PREV_WORD_RE = re.compile(r"(\S+)\s*$")
#: Characters after which a mark may close a quote (besides whitespace and the paragraph end).
_CLOSE_CONTEXT = ".,،;؛:!?؟…)]}-–—/" + ALL_QUOTE_MARKS
_SENTENCE_PUNCTUATION = ".,،;؛!?؟…"
MAX_DEPTH = 8
#: After «إن»/«أن», a quote of this many words or fewer is a fragment of reported speech.
MAX_REPORTED_FRAGMENT = 2
#: A quote the writer's sentence goes on after (no punctuation) is a phrase inside it, a
#: fragment, up to this many words (every such quote of the gold sets is one).
MAX_EMBEDDED_WORDS = 5
#: The closing mark (or marks), spaces, then the word after it.
_NEXT_WORD_RE = re.compile(r"[ \u00a0]*[\"'“”«»„‘’‚‹›]+[ \u00a0]+([^\W\d_]+)")


@dataclass(frozen=True, slots=True)
class RawQuote:
    """An outermost quote found in one paragraph: mark positions and content span."""

    open_pos: int
    start: int
    end: int
    close_pos: int | None
    mark: str


def _is_letter(ch: str) -> bool:
    """Tell whether ``ch`` is a letter or digit (Arabic marks count as letters)."""
    return ch.isalnum() or "\u064b" <= ch <= "\u0652" or ch == "\u0640"


def _flanks(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """Return (can open, can close) for the mark at ``i`` within the paragraph ``[lo, hi)``."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    proclitic = prev in ARABIC_PROCLITIC_LETTERS and (i - 1 == lo or not _is_letter(text[i - 2]))
    # A mark before a full stop or a comma ends something («قريبا “.»): it opens nothing.
    can_open = (not nxt.isspace() and nxt not in _SENTENCE_PUNCTUATION
                and (prev.isspace() or prev in OPEN_CONTEXT or proclitic))
    can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT)
    return can_open, can_close


def _closes(entry_mark: str, closers: str, ch: str, can_open: bool, can_close: bool) -> bool:
    """Tell whether ``ch`` closes a quote opened with ``entry_mark``."""
    if ch not in closers:
        return False
    if ch == "'":
        return can_close
    if ch == entry_mark or ch in "“‘":  # a mark that can also open: let the context decide
        return can_close or not can_open
    return True


def _after_colon(text: str, i: int, lo: int) -> bool:
    """Tell whether the mark at ``i`` follows a colon, spaces aside.

    >>> _after_colon('قال:  "نعم"', 6, 0), _after_colon('قال "نعم"', 4, 0)
    (True, False)
    """
    j = i - 1
    while j >= lo and text[j] in " \t\u00a0":
        j -= 1
    return j >= lo and text[j] == ":"


def _after_complementiser(text: str, i: int, lo: int) -> bool:
    """Tell whether the mark at ``i`` follows «إن», «أن» or «أنه» (spaces aside).

    >>> _after_complementiser('رأى انه ” نص”', 8, 0), _after_complementiser('رأى ” نص”', 4, 0)
    (True, False)
    """
    words = text[lo:i].split()
    if not words:
        return False
    word = words[-1]
    return word in QUOTE_COMPLEMENTISERS or (word.endswith("ه")
                                             and word[:-1] in QUOTE_COMPLEMENTISERS)


def _glued_to_speech_verb(text: str, i: int, lo: int) -> bool:
    """Tell whether the mark at ``i`` is written right against a speech verb before it, no
    space between («وقال”إن …”»): the verb introduces what follows, as a colon would.

    >>> _glued_to_speech_verb('وقال”إن', 4, 0), _glued_to_speech_verb('الكلمة”إن', 6, 0)
    (True, False)
    """
    if i == lo or not _is_letter(text[i - 1]):
        return False
    words = text[lo:i].split()
    return bool(words) and verb_form(normalise(words[-1])) is not None


def _closed_ahead(text: str, i: int, hi: int) -> bool:
    """Tell whether the next quote mark after ``i`` in ``[i, hi)`` is a ” or “ that can
    only close (no word starts after it).

    >>> t = "وقال المدرب ” كانت مباراة جيدة.”"
    >>> _closed_ahead(t, 12, len(t)), _closed_ahead("قال ” نص “آخر”", 4, 14)
    (True, False)
    >>> _closed_ahead("قال ” نص طويل “.", 4, 16)
    True
    """
    for m in _MARK_RE.finditer(text, i + 1, hi):
        can_open, can_close = _flanks(text, m.start(), i + 1, hi)
        return m.group() in "”“" and not can_open and (
            can_close or text[m.end():m.end() + 1] in _SENTENCE_PUNCTUATION)
    return False


def scan_paragraph(text: str, lo: int, hi: int) -> list[RawQuote]:  # noqa: PLR0912
    """Return the outermost quotes of the paragraph ``text[lo:hi]``.

    >>> t = "قال: «هذا “مهم” جداً» ثم “مفتوح"
    >>> [t[q.start:q.end] for q in scan_paragraph(t, 0, len(t))]
    ['هذا “مهم” جداً', 'مفتوح']
    >>> t = "He said 'don't go' and it's fine"
    >>> [t[q.start:q.end] for q in scan_paragraph(t, 0, len(t))]
    ["don't go"]
    """
    out: list[RawQuote] = []
    stack: list[tuple[str, int, str]] = []  # (mark, position, closers)

    def emit(mark: str, pos: int, end: int, close_pos: int | None) -> None:
        start = pos + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and _WORD_RE.search(text, start, end):
            out.append(RawQuote(pos, start, end, close_pos, mark))

    for m in _MARK_RE.finditer(text, lo, hi):
        ch, i = m.group(), m.start()
        can_open, can_close = _flanks(text, i, lo, hi)
        if (
            ch in "'’"
            and i > lo
            and i + 1 < hi
            and _is_letter(text[i - 1])
            and _is_letter(text[i + 1])
        ):
            continue  # an apostrophe: don't, Qur’an
        # 1. Does it close something open?
        k = len(stack) - 1
        while k >= 0 and not _closes(stack[k][0], stack[k][2], ch, can_open, can_close):
            k -= 1
        if k >= 0:
            mark, pos, _ = stack[k]
            del stack[k:]
            if not stack:
                emit(mark, pos, i, i)
            continue
        # 2. Does it open a quote? After a colon a mark opens whatever spaces flank it
        # («وأضاف:"  نص"», «وتابع:” نص”»): a colon introduces speech, it never ends a quote;
        # so does «إن»/«أنه» with nothing open («رأى انه ” نص”»).
        # A ” set off by spaces on both sides, nothing open, the next mark a ” that closes,
        # is written for “ («وقال المدرب ” كانت مباراة جيدة.”»).
        if not stack and ch in '"”' and (_after_colon(text, i, lo)
                                         or _after_complementiser(text, i, lo)
                                         or _glued_to_speech_verb(text, i, lo)
                                         or (ch == "”" and not can_open and not can_close
                                             and _closed_ahead(text, i, hi))):
            stack.append((ch, i, '"' if ch == '"' else "“”"))
            continue
        if ch in QUOTE_PAIRS:
            closers = QUOTE_PAIRS[ch]
            if ch == "'" and not (can_open and not can_close):
                continue
            if ch == '"' and not can_open and not (can_close is False and not stack):
                continue  # «" طالبان "»: spaced straight marks still pair
            if ch not in "\"'" and can_close and not can_open:
                continue  # a stray closing use of an opening mark
        elif ch in CLOSERS and can_open and not can_close:
            closers = REVERSED_PAIRS[ch]
        else:
            continue
        if len(stack) == 1 and stack[0][0] == ch and ch not in "\"'":
            # The same mark again at top level: the previous quote was left open. End it here.
            emit(stack[0][0], stack[0][1], i, None)
            stack.clear()
        if len(stack) < MAX_DEPTH:
            stack.append((ch, i, closers))
    if stack:
        emit(stack[0][0], stack[0][1], hi, None)
    return out


def _is_label(tokens: TokenLayer, open_pos: int, lo: int, lang: str) -> bool:
    """Tell whether a quote is introduced as a title of a work or a label (بعنوان، المسمى):
    a cue among the three words before its mark (within 60 characters)."""
    work_cues, naming_cues = WORK_CUES[lang], NAMING_CUES[lang]
    before = tokens.words_before(open_pos, max(lo, open_pos - 60), 3)
    for back, token in enumerate(reversed(before)):
        cues = work_cues if back == 0 else naming_cues
        word = token.key.lower()
        if word in cues or (len(word) > 2 and word[0] in "بل" and word[1:] in cues):
            return True
    return False


def is_short(text: str, quote: Quote, max_words: int, tokens: TokenLayer) -> bool:
    """Tell whether a one-part quote has at most ``max_words`` words and no colon before it
    (``tokens``: the text's token layer).

    >>> from .tokens import tokenise
    >>> t = "قال: «نعم» ورفض «الخط الأحمر»"
    >>> [is_short(t, q, 3, tokenise(t)) for q in find_quotes(t, [Span(0, len(t))], tokenise(t))]
    [False, True]
    """
    if len(quote.parts) != 1 or tokens.word_count(quote.start, quote.end) > max_words:
        return False
    before = text[max(0, quote.start - 12) : quote.start].rstrip()
    before = before.rstrip(ALL_QUOTE_MARKS).rstrip()
    return not before.endswith(":")


def mark_fragments(text: str, quotes: Sequence[Quote], tokens: TokenLayer, max_words: int = 3,
                   names: Sequence[Span] = ()) -> list[Quote]:
    """Mark short quotes that no speaker owns as fragments (scare quotes, labels, names).

    A short quote whose sentence names its speaker («دعا الوزير إلى “رد ملموس”») is a
    partial quote and stays a quote; one without («ما يعرف بـ“الخط الأحمر”») is data.
    A quote that is one of the ``names`` found in the text (entity mentions), or names with
    only spaces between them (the recogniser may cut one name in two), is a name put in
    quote marks («“جوزيب بوريل إي فونتيليس”»), whatever its length.
    """
    # A name covers [q.start + 1, q.end - 1] when one starting by q.start + 1 reaches q.end - 1:
    # the furthest end among the names sorted by start answers in O(log n) per quote.
    ordered = _joined_names(text, sorted((n.start, n.end) for n in names))
    starts = [start for start, _ in ordered]
    reach = list(accumulate((end for _, end in ordered), max))
    out: list[Quote] = []
    for q in quotes:
        owned = q.speaker is not None or q.sieve in ("anonymous", "title")
        # Owned, a short quote is still a fragment inside reported speech («نفى الوزير
        # "أنباء متداولة"»); only one a colon introduces («وقال: "نعم"») is what was said.
        unowned = (not owned or q.sieve == "same-paragraph"
                   or not _introduced(text, q, tokens))
        before = bisect_right(starts, q.start + 1)
        is_name = len(q.parts) == 1 and before > 0 and reach[before - 1] >= q.end - 1
        embedded = (len(q.parts) == 1 and q.closed
                    and max_words < tokens.word_count(q.start, q.end) <= MAX_EMBEDDED_WORDS
                    and _sentence_goes_on(text, q))
        if not q.fragment and ((unowned and is_short(text, q, max_words, tokens)) or is_name
                               or embedded):
            q = replace(  # noqa: PLW2901
                q, fragment=True, speaker=None, cue=None, sieve=None, speaker_span=None
            )
        out.append(q)
    return out


def _joined_names(text: str, ordered: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return name spans (sorted by start) with those only spaces part joined into one.

    >>> _joined_names("محمود خيرو عبد الوهاب، قال", [(0, 10), (11, 21)])
    [(0, 21)]
    """
    joined: list[tuple[int, int]] = []
    for start, end in ordered:
        if joined and start >= joined[-1][1] and not text[joined[-1][1]:start].strip():
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _sentence_goes_on(text: str, quote: Quote) -> bool:
    """Tell whether the sentence goes on right after a quote's closing mark with a word that
    is no speech verb («أن “تطوير لقاح آمن وفعال” شيء», «وبلغ «90 بالمائة من رحلته»
    المقررة»): the quote is a phrase inside the writer's sentence.

    >>> t = 'وقال إن “تطوير لقاح آمن وفعال” شيء آخر'
    >>> _sentence_goes_on(t, Quote(t[9:29], 9, 29, (Span(9, 29),)))
    True
    >>> t = '“We were not good enough,” Renard said'
    >>> _sentence_goes_on(t, Quote(t[1:25], 1, 25, (Span(1, 25),)))
    False
    """
    content = text[quote.start:quote.end].rstrip()
    if not content or not _is_letter(content[-1]):
        return False  # «…،”»: a quote ending in punctuation ends its own clause
    m = _NEXT_WORD_RE.match(text, quote.end)
    if m is None:
        return False
    word, key = m.group(1), normalise(m.group(1))
    # A participle of the speaker's («مذكرا», «مشيرا») opens a clause of its own: the quote
    # before it is a whole statement.
    participle = len(key) >= 4 and key.startswith("م") and key.endswith("ا")
    return verb_form(key) is None and not participle and word.lower() not in EN_VERBS


def _introduced(text: str, quote: Quote, tokens: TokenLayer) -> bool:
    """Tell whether a short quote is what someone said: after a colon, at the start of a
    paragraph or sentence, or a clause of three words or more after «قال إن», «أكد أن» —
    not a phrase quoted inside a sentence («وصف الهجوم بأنه "جبان"», «دعا إلى "رد"»), nor
    one or two words after «إن» (annotation guidelines: one or two words taken from the
    speaker inside reported speech are a fragment, «وقال إن "النصر قادم"»).

    >>> from .tokens import tokenise
    >>> def check(t, s, e): return _introduced(t, Quote(t[s:e], s, e, (Span(s, e),)), tokenise(t))
    >>> [check('وقال: "نعم"', 7, 10), check('وصف الهجوم بأنه "جبان"', 17, 21),
    ...  check('وقال إن "الوضع خطير جدا"', 9, 23), check('وقال إن "الوضع خطير"', 9, 19)]
    [True, False, True, False]
    """
    i = quote.start
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in "“”«»„‘’‚‹›\"'"
                     or unicodedata.category(text[i - 1]) == "Cf"):
        i -= 1
    if i == 0 or text[i - 1] in ":\n.!?؟":
        return True
    token = tokens.token_at(i - 1)
    word = text[token.start : i] if token is not None and token.is_word else ""
    return ("".join(c for c in word if unicodedata.category(c) != "Cf") in QUOTE_COMPLEMENTISERS
            and tokens.word_count(quote.start, quote.end) > MAX_REPORTED_FRAGMENT)


def find_quotes(text: str, paragraphs: Sequence[Span], tokens: TokenLayer, *,
                lang: str = "ar") -> list[Quote]:
    """Return the quotes of a document, joining quotes continued over paragraphs
    (``tokens``: the text's token layer).

    Quotes introduced as titles or labels are ``fragment`` here; short quotes are judged
    after attribution (:func:`mark_fragments`).

    >>> from .segment import paragraph_spans
    >>> from .tokens import tokenise
    >>> t = "قال: “الأول\\n\\n“الثاني”\\n\\nوقال: “أخير”"
    >>> qs = find_quotes(t, paragraph_spans(t.split("\\n\\n")), tokenise(t))
    >>> [(q.text, len(q.parts), q.fragment) for q in qs]
    [('الأول\\n\\nالثاني', 2, False), ('أخير', 1, False)]
    """
    quotes: list[Quote] = []
    chain: list[RawQuote] = []
    chain_lo = 0

    def flush() -> None:
        if not chain:
            return
        parts = tuple(Span(r.start, r.end) for r in chain)
        body = "\n\n".join(p.slice(text) for p in parts)
        first = chain[0]
        frag = len(chain) == 1 and _is_label(tokens, first.open_pos, chain_lo, lang)
        quotes.append(
            Quote(
                text=body,
                start=parts[0].start,
                end=parts[-1].end,
                parts=parts,
                fragment=frag,
                lang=lang,
                closed=chain[-1].close_pos is not None,
            )
        )
        chain.clear()

    for para in paragraphs:
        raws = scan_paragraph(text, para.start, para.end)
        if chain and chain[-1].close_pos is None and raws and raws[0].open_pos == para.start:
            chain.append(raws[0])
            raws = raws[1:]
            if raws:
                flush()
        else:
            flush()
        for raw in raws:
            flush()
            chain_lo = para.start
            chain.append(raw)
    flush()
    return quotes
