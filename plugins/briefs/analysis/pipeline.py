"""The analysis pipeline: ``analyse(body, lang=…)`` → :class:`~briefs.analysis.model.Document`.

Steps, each a pure function with its own tests: clean (paragraphs, trailing boilerplate) →
tokens (the one token layer, :mod:`.tokens`, that every later step reads) → dateline → quotes →
sentences (never split inside a quote) → entities → attribution → key quotes. Nothing here
imports Pelican; the glue maps ``BRIEFS_*`` settings onto :class:`AnalysisConfig`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from briefs.i18n import text_direction

from .attribution import attribute_quotes
from .clean import clean_body
from .coreference import resolve_speakers
from .dateline import find_dateline
from .entities import EntityRef, Gazetteer, dateline_mentions, link_document, recognise
from .entities.model import with_shared_strings
from .entities.variants import extend_given_names
from .keyquotes import select_key_quotes
from .model import Document, Span
from .overrides import apply_overrides
from .quotes import find_quotes, mark_fragments
from .segment import split_sentences
from .tokens import tokenise


@dataclass(frozen=True, slots=True)
class AnalysisConfig:
    """Site-wide analysis settings (Pelican: ``BRIEFS_*``).

    ``boilerplate_patterns``: compiled line patterns; ``None`` means the boilerplate module's
    ``DEFAULT_PATTERNS``. ``key_quotes``: how many quotes the sidebar shows.
    ``max_fragment_words``: quotes this short are fragments (scare quotes, labels).
    ``continuation_paragraphs``: how far back a subjectless «وأضاف» may find its speaker.
    ``recognise_entities``: find people, organisations and places (off: quotes only).
    ``max_analysed_chars``: quotes, speakers and entities are looked for in the first
    this-many characters of the cleaned text only (a guard against pathological input; a
    news brief is a few thousand characters); :func:`analyse_brief` warns when it cuts.
    """

    boilerplate_patterns: tuple[re.Pattern[str], ...] | None = None
    key_quotes: int = 4
    max_fragment_words: int = 3
    continuation_paragraphs: int = 3
    max_analysed_chars: int = 100_000
    recognise_entities: bool = True

    def __post_init__(self) -> None:
        """Reject settings that cannot work, naming the bad one."""
        if self.key_quotes < 0:
            raise ValueError(f"key_quotes must be >= 0, got {self.key_quotes}")
        if self.max_fragment_words < 0:
            raise ValueError(f"max_fragment_words must be >= 0, got {self.max_fragment_words}")
        if self.continuation_paragraphs < 0:
            raise ValueError(
                f"continuation_paragraphs must be >= 0, got {self.continuation_paragraphs}"
            )
        if self.max_analysed_chars < 1:
            # 0 would find nothing but the dateline: surely a mistake, not a wish.
            raise ValueError(f"max_analysed_chars must be >= 1, got {self.max_analysed_chars}")


DEFAULT_CONFIG = AnalysisConfig()


def rules_language(lang: str) -> str:
    """Return the rule set for a language tag: ``en`` for English, ``ar`` otherwise.

    >>> rules_language("en-GB"), rules_language("ar_EG"), rules_language("")
    ('en', 'ar', 'ar')
    """
    base = re.split(r"[-_]", (lang or "").strip().lower())[0]
    return "en" if base == "en" else "ar"


def analyse(
    body: str,
    *,
    lang: str,
    title: str = "",
    config: AnalysisConfig = DEFAULT_CONFIG,
    candidates: Sequence[Span] = (),
    gazetteer: Gazetteer | None = None,
) -> Document:
    """Analyse one article body (paragraphs separated by blank lines).

    ``candidates``: optional name spans (offsets into the *cleaned* text) that attribution
    prefers over its own name rule. ``gazetteer``: the site's layered gazetteer (default: the
    built-in layers); the people, organisations and places found become ``Document.entities``.

    >>> doc = analyse("بروكسل (أ ف ب) – وقال روتي إن “الحلف سيبقى موحدا مهما حدث”.", lang="ar")
    >>> doc.dateline.place, doc.quotes[0].speaker, doc.quotes[0].speaker_id, doc.direction
    ('بروكسل', 'مارك روتي', 'person:mark-rutte', 'rtl')
    """
    rules = rules_language(lang)
    clean = clean_body(body or "", config.boilerplate_patterns)
    text = clean.text
    limit = config.max_analysed_chars
    analysed = tuple(Span(p.start, min(p.end, limit)) for p in clean.paragraphs if p.start < limit)
    # The whitespace view is the recogniser's: quotes alone do without it.
    tokens = tokenise(text, 0, min(len(text), limit), words=config.recognise_entities)
    quotes = find_quotes(text, analysed, tokens, lang=rules)
    protected = [Span(max(0, q.start - 1), min(len(text), q.end + 1)) for q in quotes]
    sentences = split_sentences(text, clean.paragraphs, protected)
    dateline = find_dateline(text)
    entities: tuple[EntityRef, ...] = ()
    if config.recognise_entities:
        mentions = recognise(text[:limit], lang=lang, gazetteer=gazetteer,
                             words=tokens.sentences)
        if dateline is not None:
            place, agency = dateline.place_span, dateline.agency_span
            if agency is not None:
                # «أبوظبي – صوت الإمارات»: a place inside the outlet's name is the outlet's.
                mentions = [m for m in mentions if not (
                    m.type == "place" and agency.start <= m.start and m.end <= agency.end
                    and m.end - m.start < len(agency))]
            mentions += dateline_mentions(
                text, place and (place.start, place.end), agency and (agency.start, agency.end),
                mentions, gazetteer)
            mentions.sort(key=lambda m: m.start)
        mentions = extend_given_names(text, mentions, gazetteer)
        entities = tuple(link_document(mentions, gazetteer=gazetteer))
    # The recogniser's mentions, made once for attribution and for telling fragments.
    spans = [(e.type, Span(m.start, m.end)) for e in entities for m in e.mentions]
    quotes = attribute_quotes(
        text,
        quotes,
        tokens.tokens,
        [s for s in sentences if s.start < limit],
        analysed,
        lang=rules,
        candidates=candidates,
        people=[span for kind, span in spans if kind == "person"],
        named=[span for kind, span in spans if kind in ("person", "organization")],
        continuation_paragraphs=config.continuation_paragraphs,
    )
    quotes = mark_fragments(text, quotes, tokens, config.max_fragment_words,
                            [span for _kind, span in spans])
    quotes, entities = resolve_speakers(text, quotes, entities, gazetteer, clean.paragraphs,
                                        tokens=tokens.tokens)
    return Document(
        text=text,
        lang=lang,
        direction=text_direction(lang),
        title=title,
        paragraphs=clean.paragraphs,
        boilerplate=clean.boilerplate,
        dateline=dateline,
        quotes=tuple(quotes),
        sentences=tuple(sentences),
        key_quotes=tuple(select_key_quotes(quotes, config.key_quotes)),
        entities=entities,
        tokens=tokens,
    )


#: Brief metadata keys (lower-cased, as Pelican gives them) holding editor overrides.
OVERRIDE_KEYS = ("quote_add", "quote_hide", "quote_speaker", "quote_remove")


def analyse_brief(
    body: str,
    *,
    lang: str,
    title: str = "",
    overrides: Mapping[str, str | Sequence[str] | None] | None = None,
    config: AnalysisConfig = DEFAULT_CONFIG,
    gazetteer: Gazetteer | None = None,
) -> tuple[Document, list[str]]:
    """Analyse a brief and apply its editor overrides (see :mod:`.overrides`).

    Returns the document and the warnings an editor should see: the brief is longer than
    the analysis reads (quotes and names past the limit are silently missing otherwise),
    and each override that matched nothing.
    """
    document = analyse(body, lang=lang, title=title, config=config, gazetteer=gazetteer)
    given = overrides or {}
    document, warnings = apply_overrides(
        document, add=given.get("quote_add"), hide=given.get("quote_hide"),
        speaker=given.get("quote_speaker"), remove=given.get("quote_remove"),
        key_quotes=config.key_quotes)
    # The editors' speakers are entities too (their quotes come back with no speaker_id).
    quotes, entities = resolve_speakers(document.text, document.quotes, document.entities,
                                        gazetteer, document.paragraphs,
                                        tokens=(document.tokens or tokenise(document.text)).tokens)
    # The document a build keeps (in the cache, and in memory for the whole build) holds one
    # string for each distinct name: made once here, on the final refs.
    document = replace(document, quotes=tuple(quotes), entities=with_shared_strings(entities),
                       key_quotes=tuple(select_key_quotes(quotes, config.key_quotes)))
    if len(document.text) > config.max_analysed_chars:
        warnings.insert(0, f"the brief has {len(document.text)} characters; only the first "
                           f"{config.max_analysed_chars} are analysed (BRIEFS_MAX_ANALYSED_CHARS)")
    return document, warnings
