"""Trailing boilerplate: share, print and navigation lines left at the end of a scraped page.

A scraped article often ends with the page's chrome: «شاركها.», «Exit mobile version»,
«Partager», «Lire aussi». The rule is deliberately narrow: only *trailing* paragraphs whose
every line matches a pattern are dropped, so a share word inside the story is never touched.
Patterns match a whole line, case-insensitively, after outer whitespace and closing
punctuation are stripped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# One regular expression per line kind; each must match the whole (stripped) line.
DEFAULT_PATTERN_SOURCES: tuple[str, ...] = (
    # Arabic: share / print / read more / follow us / back to top / mobile version.
    r"(شاركها|شارك|شارك الخبر|شارك المقال|مشاركة|شارك عبر .{1,40})",
    r"(اطبع|طباعة|اطبع الخبر|اطبع المقال)",
    r"(اقرأ|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|المزيد|ذات صلة|أخبار ذات صلة|مواضيع ذات صلة)",
    r"(تابعونا على .{1,60}|تابعنا على .{1,60}|العودة إلى الأعلى|الرجوع للأعلى|إلى الأعلى)",
    r"(نسخة الهاتف المحمول|النسخة الكاملة|إغلاق|الرئيسية)",
    # English.
    r"(share( this( article| story)?)?|share on .{1,40}|tweet|email|print( this( article)?)?)",
    r"(read more|read also|related( articles| stories)?|more stories|see also)",
    r"(exit mobile version|mobile version|skip to content|back to top|advertisement)",
    r"(facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|copy link)",
    # French.
    r"(partager( cet article)?|partager sur .{1,40}|imprimer( cet article)?)",
    r"(lire aussi|lire la suite|à lire aussi|voir aussi|retour en haut|version mobile)",
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


def strip_trailing_boilerplate(
    paragraphs: Sequence[str], patterns: Sequence[re.Pattern[str]] = DEFAULT_PATTERNS
) -> tuple[int, list[str]]:
    """Find the trailing paragraphs made only of boilerplate lines.

    Returns how many leading paragraphs to keep, and the removed lines in order.

    >>> strip_trailing_boilerplate(["نص الخبر.", "شاركها.\\nExit mobile version"])
    (1, ['شاركها.', 'Exit mobile version'])
    >>> strip_trailing_boilerplate(["Share", "The story."])
    (2, [])
    """
    kept = len(paragraphs)
    while kept > 0:
        lines = [line for line in paragraphs[kept - 1].splitlines() if line.strip()]
        if not lines or not all(is_boilerplate_line(line, patterns) for line in lines):
            break
        kept -= 1
    removed = [
        line.strip()
        for paragraph in paragraphs[kept:]
        for line in paragraph.splitlines()
        if line.strip()
    ]
    return kept, removed
