"""Site chrome in a scraped article: found by the shape of its lines, anywhere in the body.

A scraped article carries more than its words: share and print lines («شاركها.», «Exit
mobile version»), «اقرأ أيضا: …» lines pointing at another story, "most read" and breaking
news lists, tickers of short timestamp-and-headline lines («22:35» on a line of its own),
newsletter and follow-us lines, photo credits standing alone. :func:`find_boilerplate`
finds them line by line, at the end *and* in the middle of the body, from the shape of the
lines rather than one site's wording:

- a line that a pattern matches whole (``BRIEFS_BOILERPLATE_PATTERNS`` and ``…_EXTRA``:
  share, print and navigation words; case-insensitive, closing punctuation ignored);
- a timestamp standing alone (a time, a date, «منذ 5 دقائق», «Updated 2 hours ago»);
- runs of short lines holding two or more timestamps (a ticker), and a trailing timestamp
  with the headlines under it;
- a cue of the language data (``data/chrome.yml``, Arabic, English and French): «اقرأ أيضا»
  with a separator and another headline; a list heading («الأكثر قراءة», «Most read») with
  the headline-shaped lines under it (short, no closing full stop); a newsletter or follow-us
  line; a photo credit of a few words; a copyright or comment-section disclaimer.

A headline-shaped line alone, such as the article's own subheading, is never chrome. Each
removed line is a :class:`Removed`: its text (it *is* a ``str``), its kind and its span in
the body as given, so ``mujaz annotate`` can show what went and from where, and the page
drops exactly those lines (:func:`removal_ranges` gives the characters to cut).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# One regular expression per line kind; each must match the whole (stripped) line.
DEFAULT_PATTERN_SOURCES: tuple[str, ...] = (
    # Arabic: share / print / read more / follow us / back to top / mobile version.
    r"(شاركها|شارك|شارك الخبر|شارك المقال|مشاركة|شارك عبر .{1,40})",
    r"(اطبع|طباعة|اطبع الخبر|اطبع المقال)",
    r"(اقرأ|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|المزيد|ذات صلة|أخبار ذات صلة|مواضيع ذات صلة)",
    r"(تابعونا على .{1,60}|تابعنا على .{1,60}|العودة إلى الأعلى|الرجوع للأعلى|إلى الأعلى)",
    r"(نسخة الهاتف المحمول|النسخة الكاملة|إغلاق|الرئيسية)",
    r"(تعليق|التعليقات|تعليقات|أضف تعليق|أضف تعليقك|اترك تعليقا|اترك تعليقاً)",
    # English.
    r"(share( this( article| story)?)?|share on .{1,40}|tweet|email|print( this( article)?)?)",
    r"(read more|read also|related( articles| stories)?|more stories|see also)",
    r"(exit mobile version|mobile version|skip to content|back to top|advertisement)",
    r"(comment|comments|leave a comment|add a comment|\d+ comments?)",
    r"(facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|copy link)",
    # French.
    r"(partager( cet article)?|partager sur .{1,40}|imprimer( cet article)?)",
    r"(lire aussi|lire la suite|à lire aussi|voir aussi|retour en haut|version mobile)",
    r"(commenter|commentaires?|réagir|\d+ commentaires?)",
)

# Closing punctuation a share line may carry: «شاركها.», «Share:», «Lire aussi :».
_TRAILING_PUNCTUATION = " \t.:;,!،؛…|-–—"


def compile_patterns(sources: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Compile boilerplate line patterns, naming the one that does not compile.

    >>> [p.pattern for p in compile_patterns(["share"])]
    ['share']
    """
    compiled = []
    for source in sources:
        try:
            compiled.append(re.compile(source, re.IGNORECASE))
        except re.error as error:
            msg = f"boilerplate pattern {source!r} is not a valid regular expression: {error}"
            raise ValueError(msg) from error
    return tuple(compiled)


DEFAULT_PATTERNS: tuple[re.Pattern[str], ...] = compile_patterns(DEFAULT_PATTERN_SOURCES)


def is_boilerplate_line(line: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Tell whether one line is share/print/navigation chrome.

    >>> is_boilerplate_line("شاركها.", DEFAULT_PATTERNS)
    True
    >>> is_boilerplate_line("وقال روتي إن الحلف سيشارك", DEFAULT_PATTERNS)
    False
    """
    stripped = line.strip().rstrip(_TRAILING_PUNCTUATION).strip()
    return bool(stripped) and any(p.fullmatch(stripped) for p in patterns)


# --- chrome anywhere --------------------------------------------------------------------

DATA_FILE = Path(__file__).resolve().parent / "data" / "chrome.yml"
#: Cue kinds of the language data, in the order a line is tested against them.
CUE_KINDS = ("read_also", "list_heading", "newsletter", "newsletter_word", "credit", "disclaimer",
             "stamp")
#: What may stand before a cue: bullets, arrows, brackets and the like.
_LEAD = " \t\u00a0■□▪▫●•◆◇►▶▸»«>|-–—*·:(["
_NOT_WORD = re.compile(r"[^\w\s'-]")
#: What may separate a cue from the headline it points to.
_SEPARATOR = re.compile(r"\s*[:|：\-–—»>/]+\s*|\s*\n\s*")
#: A line ending a sentence (closing marks and brackets allowed after the stop).
_SENTENCE_END = re.compile(r"[.!?؟…][\"'»”’)\]]*$")
_MONTHS = (
    "يناير|فبراير|مارس|أبريل|إبريل|ابريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر|"
    "أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|"
    "تشرين الأول|تشرين الثاني|كانون الأول|"
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre"
)
_DAYS = (
    "السبت|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
_D = r"[0-9٠-٩]"
_CLOCK = (rf"{_D}{{1,2}}[:.٫]{_D}{{2}}(?:[:.]{_D}{{2}})?\s*(?:ص|م|مساء|صباحا|صباحاً|am|pm|"
          r"a\.m\.|p\.m\.|h|gmt|utc|بتوقيت\s+\S+(?:\s+\S+)?)?")
_DATE = (rf"(?:(?:{_DAYS})[،,]?\s*)?(?:{_D}{{1,2}}\s*(?:{_MONTHS})[،,]?\s*{_D}{{2,4}}|"
         rf"(?:{_MONTHS})\s*{_D}{{1,2}}[،,]?\s*{_D}{{2,4}}|{_D}{{1,4}}[/.\-]{_D}{{1,2}}[/.\-]"
         rf"{_D}{{1,4}})")
_RELATIVE = (rf"منذ\s+(?:{_D}+\s+)?(?:دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام|"
             rf"ثانية|ثوان)|{_D}+\s*(?:min|mins|minutes?|hours?|hrs?|h|days?)\s+ago|"
             rf"il y a\s+{_D}+\s*(?:min|minutes?|heures?|h|jours?)|just now|الآن")
#: A line that is only a time, a date, both, or a relative time.
TIMESTAMP = re.compile(
    rf"(?:{_DATE}|{_CLOCK}|{_RELATIVE})(?:\s*[-–—|،,/]?\s*(?:{_DATE}|{_CLOCK}))?",
    re.IGNORECASE)
#: A ticker line: a time first, then a headline.
_TICKER_LINE = re.compile(rf"(?:{_CLOCK})\s*[-–—|:]?\s*(?P<rest>\S.*)", re.IGNORECASE)
#: Longest headline-shaped line, in words; longest line a cue may start, in words.
HEADLINE_WORDS = 20
CUE_LINE_WORDS = 30
CREDIT_WORDS = 8
#: A newsletter line longer than this must not end like a sentence; one this short needs no
#: word naming what is signed up to.
NEWSLETTER_WORDS = 12
SHORT_NEWSLETTER_WORDS = 6


class Removed(str):
    """A line of chrome removed from a body: its text, with its ``kind`` and place.

    ``start`` and ``end`` are offsets into the body as given to :func:`find_boilerplate`.
    Being a ``str``, it compares equal to its text.

    >>> line = Removed("شاركها.", "share", 10, 17)
    >>> line == "شاركها.", line.kind, line.to_json()["start"]
    (True, 'share', 10)
    """

    kind: str
    start: int
    end: int

    def __new__(cls, text: str, kind: str, start: int, end: int) -> Removed:
        """Make the record (a string with three attributes)."""
        item = super().__new__(cls, text)
        item.kind, item.start, item.end = kind, start, end
        return item

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle the record with its attributes (the analysis cache keeps documents)."""
        return (Removed, (str(self), self.kind, self.start, self.end))

    def to_json(self) -> dict[str, object]:
        """Return the public JSON shape: text, kind, start, end."""
        return {"text": str(self), "kind": self.kind, "start": self.start, "end": self.end}

    @staticmethod
    def json_of(item: str) -> dict[str, object]:
        """Return the JSON shape of a removed line (a plain string has no kind or place).

        >>> Removed.json_of("Share")
        {'text': 'Share', 'kind': None, 'start': None, 'end': None}
        """
        if isinstance(item, Removed):
            return item.to_json()
        return {"text": str(item), "kind": None, "start": None, "end": None}


#: Neither a letter or digit (``[^\W_]``: what ``str.isalnum`` accepts) nor a vowel mark
#: follows: a cue is a whole word.
_NO_WORD_AFTER = r"(?![^\W_]|[\u064b-\u065f\u0670])"


@dataclass(frozen=True, slots=True)
class Cues:
    """Cue phrases of chrome, by kind (all languages together), normalised for matching."""

    phrases: dict[str, tuple[str, ...]]
    #: Per kind with phrases, one pattern that tries them in turn at the start of a folded
    #: line, each only where no letter, digit or vowel mark follows it (every line is matched
    #: against several kinds: one regex search instead of a loop over each kind's phrases).
    openers: dict[str, re.Pattern[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Compile :attr:`openers` from :attr:`phrases`."""
        object.__setattr__(self, "openers", {
            kind: re.compile("|".join(f"{re.escape(phrase)}{_NO_WORD_AFTER}" for phrase in items))
            for kind, items in self.phrases.items() if items})

    @classmethod
    def from_data(cls, data: dict[str, dict[str, list[str]]]) -> Cues:
        """Build the cue lists from the language data (``{lang: {kind: [phrase]}}``)."""
        phrases: dict[str, list[str]] = {kind: [] for kind in CUE_KINDS}
        for lang_cues in data.values():
            for kind, items in (lang_cues or {}).items():
                if kind not in phrases:
                    msg = f"{DATA_FILE.name}: unknown cue kind {kind!r}; expected {CUE_KINDS}"
                    raise ValueError(msg)
                phrases[kind] += [_fold(str(item)) for item in items or ()]
        # Longest first, so «اقرأ أيضا» is tried before «اقرأ».
        return cls({kind: tuple(sorted(set(items), key=len, reverse=True))
                    for kind, items in phrases.items()})

    def match(self, kind: str, line: str) -> str | None:
        """Return the rest of ``line`` after a cue of ``kind`` at its start, or None.

        >>> default_cues().match("read_also", "■ اقرأ أيضا: الصين ترد")
        ': الصين ترد'
        >>> default_cues().match("read_also", "اقرأوا الخبر") is None
        True
        """
        opener = self.openers.get(kind)
        if opener is None:
            return None
        folded = _fold(line.lstrip(_LEAD))
        found = opener.match(folded)
        return None if found is None else folded[found.end():]


    def contains(self, kind: str, line: str) -> bool:
        """Tell whether a cue of ``kind`` occurs anywhere in ``line`` (as whole words).

        >>> default_cues().contains("newsletter_word", "Sign up for our daily newsletter")
        True
        """
        folded = " " + _fold(_NOT_WORD.sub(" ", line)) + " "
        return any(f" {phrase} " in folded for phrase in self.phrases.get(kind, ()))


_MARKS_AND_TATWEEL = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_ALEF_FORMS = str.maketrans("أإآٱ", "اااا")


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Fold case, spaces, tatweel and the hamza forms of alef for cue matching.

    Cached: every line is matched against each kind of cue in turn.

    >>> _fold("  إقرأ   أيضاً ")
    'اقرا ايضا'
    """
    text = _MARKS_AND_TATWEEL.sub("", text.casefold()).translate(_ALEF_FORMS)
    return " ".join(text.split())


@functools.cache
def default_cues() -> Cues:
    """Return the cues of ``data/chrome.yml``."""
    with DATA_FILE.open(encoding="utf-8") as handle:
        return Cues.from_data(yaml.safe_load(handle) or {})


def _words(text: str) -> int:
    return len(text.split())


def is_timestamp(line: str) -> bool:
    """Tell whether a line is only a time, a date or a relative time.

    >>> [is_timestamp(x) for x in ("22:35", "14 نوفمبر 2024 - 10:05", "منذ 5 دقائق",
    ...                            "Updated 2 hours ago", "قال 22 شخصا")]
    [True, True, True, False, False]
    """
    return bool(TIMESTAMP.fullmatch(line.strip(_LEAD + ".").strip()))


def is_headline_shaped(line: str) -> bool:
    """Tell whether a line looks like another story's headline: short, no closing stop.

    >>> is_headline_shaped("الصين ترد على الناتو"), is_headline_shaped("وقال إن الحلف سيبقى.")
    (True, False)
    """
    words = _words(line)
    return 2 <= words <= HEADLINE_WORDS and not _SENTENCE_END.search(line.strip())


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    start: int
    end: int
    paragraph: int


def _lines(body: str) -> list[_Line]:
    """Return the non-empty lines of a body with their spans and paragraph numbers."""
    lines, paragraph, position = [], 0, 0
    for part in re.split(r"(\n[ \t\r\f\v\u00a0]*\n\s*)", body):
        if part and part.strip() and not re.fullmatch(r"\n[ \t\r\f\v\u00a0]*\n\s*", part):
            offset = position
            for raw in part.split("\n"):
                stripped = raw.strip()
                if stripped:
                    start = offset + raw.index(stripped[0])
                    lines.append(_Line(stripped, start, start + len(stripped), paragraph))
                offset += len(raw) + 1
            paragraph += 1
        position += len(part)
    return lines


def _classify(line: str, patterns: Sequence[re.Pattern[str]],  # noqa: PLR0911 - one per kind
              cues: Cues) -> str:
    """Return what one line is on its own: a chrome kind, ``headline`` or ``text``."""
    if is_boilerplate_line(line, patterns):
        return "share"
    if is_timestamp(line):
        return "timestamp"
    words = _words(line)
    ticker = _TICKER_LINE.fullmatch(line)
    if ticker and _words(ticker.group("rest")) <= HEADLINE_WORDS:
        return "ticker"
    for kind in ("list_heading", "read_also"):
        rest = cues.match(kind, line)
        if rest is not None and not rest.strip(" :|-–—»>.…!\t"):
            return "list_heading"  # the cue alone: a list of headlines may follow
    rest = cues.match("read_also", line)
    if rest is not None and words <= CUE_LINE_WORDS:
        cue_words = words - _words(rest)
        if _SEPARATOR.match(rest) or (cue_words >= 2 and is_headline_shaped(line)):
            return "read_also"
    rest = cues.match("newsletter", line)
    if rest is not None and (words <= SHORT_NEWSLETTER_WORDS or (
            cues.contains("newsletter_word", line)
            and (words <= NEWSLETTER_WORDS or not _SENTENCE_END.search(line)))):
        return "newsletter"
    rest = cues.match("credit", line)
    if (rest is not None and words <= CREDIT_WORDS and _SEPARATOR.match(rest or ":")
            and not _SENTENCE_END.search(line)) or (
            "©" in line and words <= CREDIT_WORDS):
        return "credit"
    if cues.match("disclaimer", line) is not None and words <= CUE_LINE_WORDS:
        return "disclaimer"
    rest = cues.match("stamp", line)
    if rest is not None and words <= 12 and (re.search(_D, rest) or not rest.strip(" :")):
        return "timestamp"  # «نشر في 14 نوفمبر», or the words alone («Publié le»)
    return "headline" if is_headline_shaped(line) else "text"


def find_boilerplate(body: str, patterns: Sequence[re.Pattern[str]] = DEFAULT_PATTERNS,
                     cues: Cues | None = None) -> list[Removed]:
    """Find the lines of site chrome in a body (paragraphs separated by blank lines).

    >>> body = "نص الخبر الأول.\\n\\nاقرأ أيضا: الصين ترد على الناتو\\n\\nنص آخر.\\n\\n22:35\\nعاجل"
    >>> [(line, line.kind) for line in find_boilerplate(body)]
    [('اقرأ أيضا: الصين ترد على الناتو', 'read_also'), ('22:35', 'ticker'), ('عاجل', 'ticker')]
    """
    cues = cues or default_cues()
    lines = _lines(body)
    kinds = [_classify(line.text, patterns, cues) for line in lines]
    removed = {index: kind for index, kind in enumerate(kinds) if kind in _CHROME}
    removed.update(_lists(kinds, removed))
    removed.update(_tickers(kinds))
    return [Removed(lines[i].text, kind, lines[i].start, lines[i].end)
            for i, kind in sorted(removed.items())]


_CHROME = frozenset({"share", "timestamp", "read_also", "newsletter", "credit", "disclaimer"})
#: Lines that may follow a list heading, or make up a ticker with its times.
_LISTED = frozenset({"headline", "timestamp", "ticker", "read_also", "list_heading", "share"})
_SHORT = frozenset({"timestamp", "ticker", "headline", "list_heading"})


def _lists(kinds: list[str], removed: dict[int, str]) -> dict[int, str]:
    """Return a list heading and the headline-shaped lines under it, as ``list``."""
    found: dict[int, str] = {}
    for index, kind in enumerate(kinds):
        if kind != "list_heading":
            continue
        after = index + 1
        while after < len(kinds) and kinds[after] in _LISTED:
            after += 1
        if after > index + 1 or after == len(kinds):
            for position in range(index, after):
                if position not in removed or removed[position] in {"headline", "list_heading"}:
                    found[position] = "list"
    return found


def _tickers(kinds: list[str]) -> dict[int, str]:
    """Return runs of short lines with two or more times (or one time at the very end)."""
    found: dict[int, str] = {}
    runs, start = [], None
    for index, kind in enumerate([*kinds, "text"]):
        if kind in _SHORT and start is None:
            start = index
        elif kind not in _SHORT and start is not None:
            runs.append((start, index))
            start = None
    for first, last in runs:
        stamps = sum(kinds[i] in {"timestamp", "ticker"} for i in range(first, last))
        trailing = last == len(kinds) and kinds[first] in {"timestamp", "ticker"}
        if stamps >= 2 or trailing or (stamps and kinds[first] == "ticker"):
            # A ticker starts at its first time: headlines before it are the article's.
            begin = next(i for i in range(first, last) if kinds[i] in {"timestamp", "ticker"})
            found.update((position, "ticker") for position in range(begin, last))
    return found


def removal_ranges(body: str, removed: Iterable[Removed]) -> list[tuple[int, int]]:
    """Return the ``[start, end)`` ranges of ``body`` to cut so that the removed lines go.

    A removed line takes the line break before it with it (after it, for a paragraph's
    first line); a paragraph whose every line goes is cut whole. Cutting these ranges and
    stripping each paragraph gives :func:`clean_text`'s paragraphs.

    >>> body = "a\\nb\\n\\nc"
    >>> removal_ranges(body, [Removed("b", "share", 2, 3)])
    [(1, 3)]
    """
    gone = {(item.start, item.end) for item in removed}
    lines = _lines(body)
    ranges = []
    by_paragraph: dict[int, list[_Line]] = {}
    for line in lines:
        by_paragraph.setdefault(line.paragraph, []).append(line)
    for paragraph_lines in by_paragraph.values():
        flags = [(line.start, line.end) in gone for line in paragraph_lines]
        if not any(flags):
            continue
        if all(flags):
            ranges.append((paragraph_lines[0].start, paragraph_lines[-1].end))
            continue
        for position, (line, cut) in enumerate(zip(paragraph_lines, flags, strict=True)):
            if not cut:
                continue
            kept_before = any(not flag for flag in flags[:position])
            if kept_before:
                previous = paragraph_lines[position - 1]
                ranges.append((previous.end, line.end))
            else:
                following = paragraph_lines[position + 1]
                ranges.append((line.start, following.start))
    return _merged(ranges)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def cut(body: str, ranges: Sequence[tuple[int, int]]) -> str:
    """Return ``body`` without the given ranges.

    >>> cut("abcdef", [(1, 2), (4, 6)])
    'acd'
    """
    pieces, position = [], 0
    for start, end in ranges:
        pieces.append(body[position:start])
        position = end
    pieces.append(body[position:])
    return "".join(pieces)
