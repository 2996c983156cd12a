"""Speakers are entities: each attributed quote is resolved, through a mention, to an entity.

Attribution (:mod:`.attribution`) finds *who* in the words around a quote: a name («وقال
روتي»), a role or head noun («وقال المدافع الفرنسي», «وأوضحت الشركة»), or nothing but the
verb of a subject-less «وأضاف» that continues an earlier speaker. This step is the second
stage of the two-stage sieve attribution of Muzny et al. (2017, quote → mention → entity):
it ties that mention to one of the document's entities, so that «روتي», «مارك روتي» and
«Mark Rutte» are one speaker across the site. In order:

1. ``span``: an entity mention covers the words that named the speaker (its full name or
   the name at the quote);
2. ``name``: the speaker's name is an entity's name, alias or mention, or the surname of
   exactly one person of the document;
3. ``role``: a role or head noun refers back to an entity met before the quote. A body's
   head noun (الوزارة، الشركة، الوكالة) takes the latest organisation whose name holds that
   noun; a person's role (المدافع الفرنسي، الوزير) takes the latest person introduced with
   that role word just before the name («مدافع ريال مدريد الفرنسي فيرلان ميندي»), or the one
   person of the document met so far. Anything else stays unresolved: ``speaker`` is
   ``None``, never a guess;
4. ``new``: a name attribution read but no recogniser found becomes a person (or an
   organisation) of the document, so a speaker is always in ``Document.entities``;
5. where attribution found a speech verb but no subject at all: ``subject``, the person or
   body the recogniser found right after the verb (up to two words between: «قال البرتغالي
   جوزيه بيسيرو») or right before it («السوداني مضى قائلا»); else ``implicit``, the subject
   a «وتابع:» continues: the speaker of the quote before, or else the person last named as
   the subject of a speech verb, or else the person mentioned last, in that paragraph or the
   two before;
6. where no speech verb stands at all: ``headline``, the person or body named alone before a
   colon at the start of a line, the headline's way of quoting («الوزير: “…”»); else
   ``implicit``, the person or body the quote's sentence opens with; else ``role``, the
   entity a role or a body's head noun opening it refers back to («وحيا الرئيس اليمني “…”»).

A person found by an inferring step (or continued by a verb with no subject) must agree in
gender with the quote's verb, where both show it (:meth:`DocumentEntities.gender`: the verbs
and titles next to the person's mentions, and the verbs whose named subject the person was);
otherwise the quote stays unresolved.

Each quote's ``confidence`` is how often its attribution rule and its resolution step were
right on the demo gold (``tests/gold/quotes``, see ``SIEVE_CONFIDENCE``): a review step can
list the doubtful ones first. An entity's ``confidence`` follows the surest source that
found it (``SOURCE_CONFIDENCE``), more with more than one mention.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .entities.gazetteer import Gazetteer, default_gazetteer
from .entities.keys import name_key
from .entities.link import link_document
from .entities.model import EntityRef, Mention
from .entities.phrases.tags import names_a_place
from .lang import ar
from .lexicon import (
    AR_COMPLEMENTISERS,
    AR_CONTINUING_LEMMAS,
    AR_DISCOURSE_OPENERS,
    AR_DOCUMENT_CUES,
    AR_LEADER_ROLES,
    AR_ORG_HEADS,
    AR_RELAY_LEMMAS,
    AR_ROLE_SYNONYMS,
    AR_SUBJECT_PARTICLES,
    AR_SUBJECT_STOPS,
    GENERIC_BODIES,
    GIVEN_NAMES,
    PREPOSITIONS,
    place_keys,
)
from .model import Quote, Span
from .normalize import normalise
from .overrides import find_words
from .resources import ALL_QUOTE_MARKS
from .speakers import conjoined_verb, strip_conjunction, title_head, verb_form
from .tokens import Token

# How often each attribution rule names the right speaker, measured over every gold set
# together (the demo gold, tests/gold/quotes, and five sets of real news kept outside the
# repository, rn3, rn4, rn5, rn-dev and rn-test: 390 matched quotes; eval/quotes.py --gold DIR
# prints the calibration line). A rule's figure is its (right + 1) / (n + 2); the rules that
# infer a speaker from around the quote (no name at the verb) are held at 0.85 or below,
# since they were tuned on those same sets, so that only a name read at a cue is ever
# "sure" (>= 0.9: 219 of 223 right). "+alias" resolutions count as their rule.
SIEVE_CONFIDENCE: dict[str, float] = {
    "editor": 1.0,
    "verb-subject": 0.9,  # 65 of 68 right at a recognised name (+alias: 32 of 32)
    "subject-verb": 0.9,  # 6 of 6 (+alias: 5 of 5)
    "frame": 0.9,  # 4 of 4
    "alias": 0.9,  # 8 of 8
    "continuation": 0.9,  # 106 of 108
    "same-sentence": 0.85,  # 15 of 15
    "same-paragraph": 0.8,  # 3 of 3
    "next-paragraph": 0.7,  # not met in the gold: set below same-paragraph
    "subject": 0.75,  # 2 of 2
    "role": 0.85,  # 28 of 29
    "implicit": 0.85,  # 79 of 84
    "surname": 0.85,  # 7 of 7: «وقال العساف», «وأضاف السيد» (a title word that is the name)
    "headline": 0.75,  # 2 of 2
}
# A step of resolution lowers it: a name matched only by its words, or a speaker that no
# recogniser found (the attribution's own name rule alone: right 1 of 2 in the gold).
RESOLUTION_FACTOR: dict[str, float] = {"span": 1.0, "name": 0.95, "new": 0.6}
# How sure a mention is: one a gazetteer (or the editors' file) names, or by what found it
# (the tagger with its rules, English capitalisation, the dateline, a speaker's name).
LISTED_CONFIDENCE = 0.95
SOURCE_CONFIDENCE: dict[str, float] = {
    "gazetteer": 0.95, "dateline": 0.85, "tagger": 0.75, "caps": 0.7, "speaker": 0.75,
    "editor": 0.99,
}
DEFAULT_SOURCE_CONFIDENCE = 0.7
# A role word may stand this many characters before the name it introduces.
ROLE_REACH = 60
ROLE_TYPES = ("person", "organization")
# How attribution marks the role of a body's name («وزارة الدفاع …» → "org:وزاره").
ORG_ROLE = "org:"
# Steps that find a speaker attribution did not: they name the quote's sieve.
INFERRED_STEPS = frozenset({"role", "subject", "implicit", "headline", "same-sentence",
                            "surname"})
# A subject the recogniser read may stand this many words after its verb.
SUBJECT_GAP = 2
# What no subject reaches across: the end of a sentence, a colon, a quote mark.
STOPS = frozenset('.:!؟?«»“”"')
# How a feminine title ends once normalised («الوزيرة» → وزيره): ة folds to ه.
FEMININE_ENDING = "ه"
# How many words a speech verb's title may hold before the name at the colon.
COLON_CLAUSE = 15
# A sentence's subject stands within this many words of its start (verb and titles).
SUBJECT_OPENING = 3
# What ends a sentence for :meth:`DocumentEntities.sentence_subject` (a quote mark too).
SENTENCE_ENDS = (".", "!", "؟", "?", "\n", "\"", "»", "”", ":")
# How many words a headline's prepositional phrase may hold («ساويرس من مهرجان الجونة:»).
HEADLINE_ADJUNCT = 4
# Attribution's sieves that give a quote the speaker of the quote before it.
SHARED_SIEVES = frozenset({"same-sentence", "same-paragraph", "next-paragraph"})
# What ends the sentence a quote with no verb shares with the quote before it.
CLAUSE_BREAKS = (".", "!", "؟", "?", "\n", ":")
# How many paragraphs back an implicit subject («وتابع:») is looked for.
IMPLICIT_PARAGRAPHS = 2
# Words after which a role word no longer introduces the name that follows («مع», «خلال»).
ROLE_BREAKS = frozenset(normalise(word) for word in ar.ROLE_BREAKS.split())


@dataclass(frozen=True, slots=True)
class Resolution:
    """The entity a quote's speaker is, and the step that found it."""

    entity: EntityRef
    step: str  # span | name | role | new | surname | the inferring steps (INFERRED_STEPS)


def _bare(word: str) -> str:
    """Return a role word's key without «ال» and a leading و/ف/ل/ب (as a name key)."""
    key = name_key(word)
    for prefix in ("وال", "فال", "بال", "لل", "ال"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            return key[len(prefix):]
    return key


class DocumentEntities:
    """The document's entities, looked up by span, by name and by role (``tokens``: the
    document's token layer, which tells who stands as the subject of a speech verb)."""

    def __init__(self, entities: Sequence[EntityRef], tokens: Sequence[Token],
                 quoted: Sequence[Span] = ()) -> None:
        self.entities = list(entities)
        self._quoted = sorted(quoted, key=lambda span: span.start)
        self._quoted_starts = [span.start for span in self._quoted]
        self._tokens = tokens
        self._token_starts = [token.start for token in tokens]
        self._mentions = sorted(
            ((mention, ref) for ref in self.entities for mention in ref.mentions),
            key=lambda item: item[0].start)
        self._starts = [mention.start for mention, _ in self._mentions]
        self._spoke: dict[str, set[str]] = {}

    def by_span(self, span: Span | None) -> EntityRef | None:
        """Return the entity with the longest mention inside ``span`` (person first).

        A mention reaching past the words that name the speaker is another name, or a
        name the recogniser over-read («روتي فإن»): it does not count.
        """
        if span is None:
            return None
        best: tuple[int, bool, EntityRef] | None = None
        i = bisect.bisect_left(self._starts, span.start)
        for mention, ref in self._mentions[i:]:
            if mention.start >= span.end:
                break
            if mention.end > span.end:
                continue
            rank = (mention.end - mention.start, ref.type == "person")
            if best is None or rank > best[:2]:
                best = (*rank, ref)
        return best[2] if best else None

    def by_name(self, name: str) -> EntityRef | None:
        """Return the entity named ``name`` (name, alias or mention), or the one person
        whose name ends with it (a surname, with or without the article) or, for a given
        name, opens with it («جميل» for «جميل حدادين»)."""
        key = name_key(name)
        for ref in self.entities:
            keys = {name_key(ref.name), *map(name_key, ref.aliases),
                    *(mention.key for mention in ref.mentions),
                    *(name_key(mention.text) for mention in ref.mentions)}
            if key in keys:
                return ref
        surnames = {key, key.removeprefix("ال")} if " " not in key else {key}
        # «العساف» is «محمد عساف»: a family name takes the article or leaves it.
        ending = [ref for ref in self.entities if ref.type == "person" and any(
            name_key(ref.name).endswith(" " + surname) for surname in surnames if surname)]
        if not ending and key in GIVEN_NAMES:
            ending = [ref for ref in self.entities
                      if ref.type == "person" and name_key(ref.name).startswith(key + " ")]
        return ending[0] if len(ending) == 1 else None

    def by_role(self, role: str, before: int) -> EntityRef | None:
        """Return the entity a role or head noun before ``before`` refers back to: the latest
        organisation whose name holds a body's head noun (الشركة → شركة أرامكو), or the latest
        person introduced with the role's word (المدافع → «مدافع ريال مدريد … ميندي»)."""
        body = role.startswith(ORG_ROLE)
        head = _bare(role.removeprefix(ORG_ROLE).split(" ", 1)[0])
        seen = [(mention, ref) for mention, ref in self._mentions
                if mention.end <= before and not self.quoted(mention)]
        if body or head in {_bare(word) for word in AR_ORG_HEADS}:
            bodies = [ref for mention, ref in seen
                      if ref.type == "organization" and (head in name_key(ref.name).split()
                                                         or self._headed_by(head, mention))]
            return bodies[-1] if bodies else None
        people = [(mention, ref) for mention, ref in seen if ref.type == "person"]
        nationalities = _nationalities(role)
        agreeing = [(mention, ref) for mention, ref in people
                    if all(self._introduced_with(word, mention) for word in nationalities)]
        for word in (head, *AR_ROLE_SYNONYMS.get(head, ())):
            # The role's own word first, then another word for the office («القاضي» for
            # a judge introduced as «المستشار»); one of the role's nationality first.
            introduced = [ref for mention, ref in agreeing
                          if self._introduced_with(word, mention)]
            if introduced:
                return introduced[-1]
        if nationalities and agreeing:
            # «وأضاف الوزير المصري» after «نظيره المصري فلان»: the nationality names him
            # where the office was not said.
            return agreeing[-1][1]
        for word in (head, *AR_ROLE_SYNONYMS.get(head, ())):
            introduced = [ref for mention, ref in people
                          if self._introduced_with(word, mention)]
            if introduced:
                return introduced[-1]
        if head.endswith(FEMININE_ENDING):
            # «وأكدت النائبة البرلمانية» after «قالت زعيمة الحزب، نبيلة منيب»: a woman's
            # role, never introduced, refers back to the one woman named before.
            women = {ref.id: ref for _, ref in people if self.gender(ref) == "f"}
            if len(women) == 1:
                return next(iter(women.values()))
        return None

    def seen_before(self, before: int) -> list[tuple[Mention, EntityRef]]:
        """Return the mentions ending before ``before``, outside quotes, in order."""
        return [(mention, ref) for mention, ref in self._mentions
                if mention.end <= before and not self.quoted(mention)]

    def _headed_by(self, head: str, mention: Mention) -> bool:
        """Tell whether a body's head noun stands right before its name, quote marks aside
        («مجموعة “أريد”», «شركة نوفا»): «المجموعة» later refers back to that body."""
        k = bisect.bisect_left(self._token_starts, mention.start) - 1
        while k >= 0 and self._tokens[k].text in ALL_QUOTE_MARKS:
            k -= 1
        return k >= 0 and self._tokens[k].is_word and _bare(self._tokens[k].text) == head

    def _introduced_with(self, head: str, mention: Mention) -> bool:
        """Tell whether the role word ``head`` introduces the person of ``mention``: it
        stands shortly before in the same clause, with no other person named in between
        («برئاسة المستشار حسن فريد وعضوية … خالد حماد»: the presiding judge is حسن فريد),
        or opens the apposition after the name («محمد ناجي شحاتة، رئيس محكمة …»)."""
        after = self._tokens_from(mention.end, 2)
        if (len(after) == 2 and after[0].text in "،," and after[1].is_word
                and _role_word(after[1]) == head):
            return True
        if after and after[0].is_word and _role_word(after[0]) == head:
            return True  # «خالد عبد الغفار وزير الصحة»: the apposition without a comma
        start = mention.start
        first = bisect.bisect_left(self._token_starts, start - ROLE_REACH)
        last = bisect.bisect_left(self._token_starts, start)
        at = None
        for k, token in enumerate(self._tokens[first:last], first):
            if token.text in STOPS and not (k == last - 1 and token.text in ALL_QUOTE_MARKS) \
                    and not (token.text in ALL_QUOTE_MARKS and not self.marks_a_quote(token)):
                # A role across a quote mark or a colon is another clause's; a mark opening
                # the name itself is not («الأمير “عبد العزيز بن سلمان”»), nor one of a name
                # in marks («الرئيس التنفيذي لـ”آبل”، “تيم كوك”»).
                at = None
            elif token.is_word and at is not None and (
                    token.key in ROLE_BREAKS or verb_form(token.key) is not None):
                # «وأضاف المتحدث، خلال مداخلة مع الإعلامي فلان»: the role's clause went on
                # to another verb or a companion; the name after is not the role's.
                at = None
            elif token.is_word and _role_word(token) == head:
                at = token.start
        if at is None:
            return False
        i = bisect.bisect_right(self._starts, at)
        return all(other.start >= start or ref.type != "person"
                   for other, ref in self._mentions[i:bisect.bisect_left(self._starts, start)])

    def cut_short(self, text: str, word: str) -> tuple[EntityRef, Span] | None:
        """Return the person whose name the recogniser cut one word short of ``word``, and
        the span of the whole name: «محمد سعد الدين» standing before «خليف» when «وأشار
        خليف» names the speaker later."""
        key = name_key(word)
        if " " in key or len(key) < 3:
            return None
        for mention, ref in self._mentions:
            if ref.type != "person":
                continue
            after = self._tokens_from(mention.end, 1)
            if (after and after[0].is_word and name_key(after[0].text) == key
                    and not text[mention.end:after[0].start].strip()):
                return ref, Span(mention.start, after[0].end)
        return None

    def _tokens_from(self, start: int, count: int) -> Sequence[Token]:
        """Return the first ``count`` tokens starting at or after ``start``."""
        first = bisect.bisect_left(self._token_starts, start)
        return self._tokens[first:first + count]

    def absorb(self, whole: EntityRef, span: Span) -> EntityRef:
        """Add ``whole`` (a name read in full at ``span``), taking in the entities of the
        shorter names the recogniser found inside it («أنور» in «أنور المضف»)."""
        parts = {ref.id: ref for mention, ref in self._mentions
                 if span.start <= mention.start and mention.end <= span.end
                 and ref.type == whole.type and ref.id != whole.id}
        if not parts:
            return self.add(whole)
        mentions = sorted({(m.start, m.end): m for ref in (whole, *parts.values())
                           for m in ref.mentions}.values(), key=lambda m: m.start)
        merged = replace(whole, mentions=tuple(mentions))
        self.entities = [ref for ref in self.entities if ref.id not in parts]
        self._mentions = [(m, ref) for m, ref in self._mentions if ref.id not in parts]
        self._starts = [m.start for m, _ in self._mentions]
        return self.add(merged)

    def subject_of(self, cue: Span, quote_start: int, text: str) -> EntityRef | None:
        """Return the person or body named right after a cue (up to two words between,
        «قال البرتغالي جوزيه بيسيرو»), or right before it («السوداني مضى قائلا»), in words
        the recogniser read but attribution did not."""
        for mention, ref in self._mentions:
            if ref.type not in ROLE_TYPES:
                continue
            if cue.end <= mention.start < quote_start:
                words = self.words_between(cue.end, mention.start)
                if self.addressee(text, mention.start):
                    continue  # «صرح لوكالة الأنباء»: to whom, not who
                if (len(words) <= SUBJECT_GAP and not STOPS & set(text[cue.end:mention.start])
                        and not {word.key for word in words} & AR_COMPLEMENTISERS):
                    return ref
            elif (mention.end <= cue.start and not conjoined_verb(
                      name_key(cue.slice(text).split(" ", 1)[0]))
                  and len(self.words_between(mention.end, cue.start)) <= 1
                  and not STOPS & set(text[mention.end:cue.start])
                  and not self.after_preposition(mention.start)):
                return ref
        return None

    def spoke(self, ref: EntityRef, gender: str | None) -> None:
        """Note the gender of a verb whose named subject ``ref`` is (the verb agrees)."""
        if gender:
            self._spoke.setdefault(ref.id, set()).add(gender)

    def gender(self, ref: EntityRef) -> str | None:
        """Return a person's gender ("m" or "f") as the words around it show it: a speech
        verb before a mention («قالت فلانة») or whose named subject it was, or a title before
        a mention («الوزيرة فلانة», «النجم سعد لمجرد»); None when nothing shows it or the
        signs disagree."""
        signs = set(self._spoke.get(ref.id, ()))
        for mention in ref.mentions:
            k = bisect.bisect_left(self._token_starts, mention.start) - 1
            while k >= 0 and self._tokens[k].text in ALL_QUOTE_MARKS:
                k -= 1
            if k < 0 or not self._tokens[k].is_word:
                continue
            form = verb_form(self._tokens[k].key)
            head = title_head(self._tokens[k].key)
            if form is not None and form[1]:
                signs.add(form[1])
            elif head is not None:
                signs.add("f" if head.endswith(FEMININE_ENDING) else "m")
        return signs.pop() if len(signs) == 1 else None

    def named_at_colon(self, text: str, cue: Span, quote_start: int,
                       ) -> tuple[EntityRef, Span] | None:
        """Return the person named last in a speech verb's clause, right before the colon
        that opens the quote, and the span of the whole name: «وقال المشرف على حملة … العضو
        في المجلس البلدي عبد الحكيم العبادلة: “…”» (a title too long for the subject's
        grammar, then the name; the recogniser may have cut its last word)."""
        i = bisect.bisect_left(self._starts, quote_start)
        for mention, ref in reversed(self._mentions[:i]):
            if mention.start < cue.end:
                return None
            if mention.end > quote_start:
                continue
            colon = text.find(":", mention.end, quote_start)
            if ref.type != "person" or colon < 0 or text[colon + 1:quote_start].strip(
                    " " + "".join(ALL_QUOTE_MARKS)):
                return None
            rest = self.words_between(mention.end, colon)
            words = self.words_between(cue.end, mention.start)
            if (len(rest) > 1 or len(words) > COLON_CLAUSE
                    or STOPS & set(text[cue.end:mention.start])
                    or any(verb_form(word.key) for word in (*words, *rest))):
                return None
            return ref, Span(mention.start, rest[-1].end if rest else mention.end)
        return None

    def named_before_colon(self, text: str, quote_start: int) -> EntityRef | None:
        """Return the person or body a line opens with before a colon and the quote, alone
        or with a prepositional phrase of where or to whom: «الجواهري: “…”», «ساويرس من
        مهرجان الجونة: “…”» (a headline's speaker)."""
        i = quote_start - 1  # the opening mark
        while i > 0 and text[i - 1].isspace() and text[i - 1] != "\n":
            i -= 1
        if i == 0 or text[i - 1] != ":":
            return None
        end = i - 1
        while end > 0 and text[end - 1] == " ":
            end -= 1
        line_start = text.rfind("\n", 0, end) + 1
        for mention, ref in reversed(self._mentions[:bisect.bisect_left(self._starts, end)]):
            if mention.start < line_start:
                return None
            if (ref.type in ROLE_TYPES and not text[line_start:mention.start].strip()
                    and self._adjunct(mention.end, end)):
                return ref
        return None

    def _adjunct(self, start: int, end: int) -> bool:
        """Tell whether ``[start, end)`` holds nothing or a short prepositional phrase
        («من مهرجان الجونة», «للصحفيين»): no verb, no quote mark."""
        words = self.words_between(start, end)
        if not words:
            return True
        first = words[0].key
        opens = first in PREPOSITIONS or (len(first) > 3 and first[0] in "لب")
        return (opens and len(words) <= HEADLINE_ADJUNCT
                and not any(verb_form(word.key) for word in words)
                and not any(token.text in STOPS for token in self._tokens[
                    bisect.bisect_left(self._token_starts, start):
                    bisect.bisect_left(self._token_starts, end)]))

    def sentence_subject(self, text: str, since: int, before: int,
                         types: tuple[str, ...] = ("person",)) -> EntityRef | None:
        """Return the person named as the subject of the sentence before ``before`` (or of
        the one ``before`` stands in), not before ``since``: within the first few words of
        the sentence, after a verb and titles, no preposition or complementiser before it
        («والتقى المدرب سامح الزعبلاوي لاعبي الفريق»). A verb with no subject of its own
        right after that sentence continues this person."""
        own = end = _sentence_start(text, since, before)
        while end > since and (text[end - 1].isspace() or text[end - 1] in SENTENCE_ENDS):
            end -= 1  # back over the marks and blank lines ending the sentence before
        since = _sentence_start(text, since, end)
        i = bisect.bisect_left(self._starts, before)
        for mention, ref in reversed(self._mentions[:i]):
            if mention.start < since:
                return None
            if ref.type not in types or mention.end > before or self.quoted(mention):
                continue
            words = _opener_dropped(self.words_between(
                _sentence_start(text, since, mention.start), mention.start))
            if 0 < len(words) <= SUBJECT_OPENING and not any(
                    _particle(word.key) for word in words):
                return ref
            if mention.start >= own:
                return None  # a person in the verb's own sentence, not its subject: no guess
        return None

    def opening_role(self, text: str, since: int, before: int, *,
                     bodies: bool = False) -> str | None:
        """Return the role a verb with no subject at ``before`` continues, when the clause it
        goes on is opened by a verb and a role with no name: «وطالب ممثل النيابة …، وتابع»,
        «فقاطعه القاضي، قائلا» (its own sentence, or the one before when the verb opens its
        own), not before ``since``; None when a name or anything else stands there. With
        ``bodies``, a body's head noun with «ال» is a role too («وأنهت الشركة إلى “…”»)."""
        own = _sentence_start(text, since, before)
        start, end = own, before
        if not self.words_between(own, before):
            end = own
            while end > since and (text[end - 1].isspace() or text[end - 1] in SENTENCE_ENDS):
                end -= 1
            start = _sentence_start(text, since, end)
        words = _opener_dropped(self.words_between(start, end))
        if len(words) < 2 or _particle(words[0].key):
            return None
        role = title_head(words[1].key)
        head = words[1].key
        if role is None and bodies and head in AR_ORG_HEADS and head.startswith("ال"):
            role = ORG_ROLE + _bare(words[1].text)
        if role is None:
            return None
        reach = words[min(len(words), 4) - 1].end
        i = bisect.bisect_left(self._starts, words[1].start)
        if any(mention.start < reach and ref.type in ROLE_TYPES
               for mention, ref in self._mentions[i:i + 3]):
            return None  # a name or a body after the role: the sentence names its subject
        return role

    def latest_person(self, before: int, since: int,
                      types: tuple[str, ...] = ("person",)) -> EntityRef | None:
        """Return the person (or entity of ``types``) last named as the subject of a speech
        verb in ``[since, before)``, else the one last mentioned there (outside quotes): the
        subject a verb with none of its own continues («وقال ناديلا إن …، على عكس ماسك …
        وتابع:» continues Nadella)."""
        latest = None
        i = bisect.bisect_left(self._starts, before)
        for mention, ref in reversed(self._mentions[:i]):
            if mention.start < since:
                break
            if ref.type in types and mention.end <= before and not self.quoted(mention):
                if self.after_speech_verb(mention.start):
                    return ref
                latest = latest or ref
        return latest

    def surname_after(self, position: int) -> EntityRef | None:
        """Return the person whose family name is the word right after ``position``."""
        i = bisect.bisect_left(self._token_starts, position)
        while i < len(self._tokens) and not self._tokens[i].is_word:
            if self._tokens[i].text.strip():
                return None  # punctuation: no subject right after the verb
            i += 1
        if i == len(self._tokens) or len(self._tokens[i].text) < 3:
            return None
        found = self.by_name(self._tokens[i].text)
        return found if found is not None and found.type == "person" else None

    def marks_a_quote(self, mark: Token) -> bool:
        """Tell whether a quote mark opens or closes a quote, not a fragment (a name or a
        label in marks): the quote's words start or end right beside it."""
        k = bisect.bisect_right(self._quoted_starts, mark.end + 1) - 1
        for span in self._quoted[max(0, k - 1):k + 1]:
            if span.start - 2 <= mark.start < span.start or span.end <= mark.start <= span.end + 1:
                return True
        return False

    def quoted(self, mention: Mention) -> bool:
        """Tell whether a mention stands inside a quote: a name a speaker says is no
        subject, nor one a role of the narrative refers back to."""
        k = bisect.bisect_right(self._quoted_starts, mention.start) - 1
        return k >= 0 and mention.end <= self._quoted[k].end

    def words_between(self, start: int, end: int) -> list[Token]:
        """Return the word tokens lying inside ``[start, end)``."""
        first = bisect.bisect_left(self._token_starts, start)
        last = bisect.bisect_left(self._token_starts, end)
        return [token for token in self._tokens[first:last] if token.is_word and token.end <= end]

    def after_preposition(self, start: int) -> bool:
        """Tell whether the word before ``start`` is a preposition or another word that ends
        a subject: «مصدر مسؤول في [وزارة التنمية] قال» — the ministry is not who spoke."""
        k = bisect.bisect_left(self._token_starts, start) - 1
        return k >= 0 and self._tokens[k].is_word and self._tokens[k].key in AR_SUBJECT_STOPS

    def addressee(self, text: str, start: int) -> bool:
        """Tell whether a mention at ``start`` lost a preposition ل or ب glued to its word
        («لوكالة», «للصحيفة», «بالوزارة»): whom the words were addressed to, or a complement."""
        k = bisect.bisect_right(self._token_starts, start) - 1
        if k < 0 or self._tokens[k].start >= start or self._tokens[k].end <= start:
            return False
        return any(letter in "لب" for letter in text[self._tokens[k].start:start])

    def after_speech_verb(self, start: int) -> bool:
        """Tell whether the word before ``start`` (quote marks aside) is a speech verb."""
        k = bisect.bisect_left(self._token_starts, start) - 1
        while k >= 0 and self._tokens[k].text in ALL_QUOTE_MARKS:
            k -= 1
        return k >= 0 and self._tokens[k].is_word and verb_form(self._tokens[k].key) is not None

    def add(self, ref: EntityRef) -> EntityRef:
        """Add an entity the recogniser did not find (or return the one with its id)."""
        for known in self.entities:
            if known.id == ref.id:
                return known
        self.entities.append(ref)
        for mention in ref.mentions:
            index = bisect.bisect_left(self._starts, mention.start)
            self._starts.insert(index, mention.start)
            self._mentions.insert(index, (mention, ref))
        return ref


def _listed(ref: EntityRef, gazetteer: Gazetteer | None) -> bool:
    """Tell whether a gazetteer (or the editors' file) knows the entity."""
    entries = (gazetteer or default_gazetteer()).entries
    return any(mention.entity_id in entries for mention in ref.mentions if mention.entity_id)


def _words(ref: EntityRef) -> int:
    """Return the number of words of an entity's longest mention."""
    return max((len(m.text.split()) for m in ref.mentions), default=0)


def _new_entity(text: str, quote: Quote, gazetteer: Gazetteer | None) -> EntityRef | None:
    """Return an entity for a speaker attribution named that no recogniser found: the
    gazetteer's when it knows the name («روتي» is مارك روتي), else one of the document's."""
    span = quote.speaker_span or quote.speaker_mention
    if not quote.speaker or span is None:
        return None
    role = quote.speaker_role or ""
    kind = ("organization" if role.startswith(ORG_ROLE) or role.split(" ", 1)[0] in AR_ORG_HEADS
            else "person")
    key = name_key(quote.speaker)
    if " ".join(key.split(" ")[:2]) in GENERIC_BODIES:
        return None  # «هيئة الدفاع»: a description, no one body's name
    listed = (gazetteer or default_gazetteer()).lookup(tuple(key.split(" ")))
    mention = Mention(span.start, span.end, span.slice(text), kind, key, entity_id=listed,
                      token_start=span.start, source="speaker")
    return _linked(mention, gazetteer)


def _whole_name(text: str, span: Span, gazetteer: Gazetteer | None) -> EntityRef | None:
    """Return the entity of a person's whole name at ``span`` (one the recogniser cut)."""
    words = span.slice(text)
    mention = Mention(span.start, span.end, words, "person", name_key(words),
                      token_start=span.start, source="speaker")
    return _linked(mention, gazetteer)


def _editor_entity(text: str, name: str, gazetteer: Gazetteer | None) -> EntityRef | None:
    """Return the entity of a speaker an editor named that the document's entities do not
    hold, where the name stands in the text (the gazetteer's entity if it knows the name)."""
    span = find_words(text, name)
    if span is None:
        return None
    key = name_key(name)
    listed = (gazetteer or default_gazetteer()).lookup(tuple(key.split(" ")))
    mention = Mention(span.start, span.end, span.slice(text), "person", key, entity_id=listed,
                      token_start=span.start, source="editor")
    return _linked(mention, gazetteer)


def _linked(mention: Mention, gazetteer: Gazetteer | None) -> EntityRef | None:
    """Return the entity of one speaker's mention; None when the editors excluded it."""
    refs = link_document([mention], gazetteer=gazetteer)
    return refs[0] if refs else None


def _resolve_named(  # noqa: PLR0911 - one return a step
        text: str, quote: Quote, entities: DocumentEntities, *,
        gazetteer: Gazetteer | None, paragraphs: Sequence[Span],
        previous: tuple[int, EntityRef] | None) -> Resolution | None:
    """Return the entity of a speaker attribution named (a name, or the name a role was
    introduced with): by the words' span, by name, by the role, by the name the recogniser
    cut short, as a new entity, else the subject the sentences before are about."""
    assert quote.speaker is not None
    body = _body_back(quote, entities)
    if body is not None:
        return Resolution(body, "role")
    span = quote.speaker_span
    found = entities.by_span(span) or entities.by_span(quote.speaker_mention)
    if (found is not None and span is not None and not _listed(found, gazetteer)
            and _words(found) < len(quote.speaker.split())):
        # The recogniser found part of a name no list has, which attribution read whole.
        new = _new_entity(text, quote, gazetteer)
        if new is not None and new.type == found.type:
            return Resolution(entities.absorb(new, span), "span")
    if found is not None:
        return Resolution(found, "span")
    found = entities.by_name(quote.speaker)
    if found is not None:
        return Resolution(found, "name")
    found = _role_back(quote, entities)
    if found is not None:
        return Resolution(found, "role")
    cut = entities.cut_short(text, quote.speaker)
    if cut is not None:
        whole = _whole_name(text, cut[1], gazetteer)
        return Resolution(entities.absorb(whole, cut[1]) if whole else cut[0], "name")
    new = _new_entity(text, quote, gazetteer)
    if new is not None and (_listed(new, gazetteer) or quote.speaker_role
                            or _opens_with_given_name(quote.speaker)):
        return Resolution(entities.add(new), "new")
    # Words no recogniser, list or given name supports («ضمنيا بتأخر») are no speaker:
    # the verb's subject is the person the sentences before are about.
    return _implicit(quote.start, entities, paragraphs, previous)


def resolve_quote(  # noqa: PLR0911, PLR0912 - one return a step
        text: str, quote: Quote, entities: DocumentEntities, *,
        gazetteer: Gazetteer | None = None, paragraphs: Sequence[Span] = (),
        previous: tuple[int, EntityRef] | None = None,
        before: Span | None = None) -> Resolution | None:
    """Return the entity who said ``quote`` and the step that found it, or None.

    ``previous`` is where the last quote before this one stands and who said it: the
    subject a verb without one continues, before any other person named since; ``before``
    is the quote just before this one (a quote sharing its sentence shares its speaker only
    when that quote was resolved; a verb with no subject after it reads the sentences since).
    """
    if quote.sieve == "editor":
        if not quote.speaker:
            return None
        found = entities.by_name(quote.speaker)
        new = None if found else _editor_entity(text, quote.speaker, gazetteer)
        return Resolution(found or entities.add(new), "name") if found or new else None
    if quote.sieve is None and quote.cue and quote.speaker_mention is not None:
        # A verb whose subject attribution could not read, but whose next word is the family
        # name of a person of the brief («وقال العساف» after «محمد عساف»).
        found = entities.surname_after(quote.speaker_mention.end)
        if found is not None:
            return Resolution(found, "surname")
    implicit_subject = quote.sieve == "continuation" or (quote.sieve is None and quote.cue)
    if implicit_subject and quote.speaker_mention is not None and before is not None:
        # A verb with no subject continues the subject of the sentence just before it,
        # when a person stands there after the quote before («وأضاف» after «والتقى المدرب
        # سامح الزعبلاوي …»), rather than the speaker of that quote.
        found = entities.sentence_subject(text, before.end, quote.speaker_mention.start)
        if found is not None:
            return Resolution(found, "implicit")
    if implicit_subject and quote.speaker_mention is not None:
        # A verb with no subject after a clause a role opens («وطالب ممثل النيابة …، وتابع»):
        # the person that role refers back to, or nobody, never an earlier speaker.
        role = entities.opening_role(
            text, before.end if before is not None else _paragraph_start(paragraphs, quote.start),
            quote.speaker_mention.start)
        if role is not None:
            found = entities.by_role(role, quote.start)
            return Resolution(found, "role") if found is not None and found.type == "person" \
                else None
    if quote.speaker:
        return _resolve_named(text, quote, entities, gazetteer=gazetteer,
                              paragraphs=paragraphs, previous=previous)
    if (quote.sieve in SHARED_SIEVES and previous is not None and before is not None
            and previous[0] == before.start):
        return Resolution(previous[1], "span")  # the quote just before: one speaker
    if quote.speaker_role:
        found = entities.by_role(quote.speaker_role, quote.start)
        if found is not None and found.type in ROLE_TYPES:
            return Resolution(found, "role")
        words = quote.speaker_mention.slice(text) if quote.speaker_mention else ""
        surname = entities.by_name(words) if words and " " not in words else None
        if surname is not None and surname.type == "person":
            # «وأضاف السيد» after «كريم السيد»: a title word that is the family name.
            return Resolution(surname, "surname")
        if (previous is not None and previous[1].type == "person"
                and not quote.speaker_role.startswith(ORG_ROLE) and _continues(quote.cue)
                and previous[0] >= _paragraph_back(paragraphs, quote.start)):
            # «وأضاف المدرب السويسري» after a quote: adding is the same speaker going on.
            return Resolution(previous[1], "role")
        return None
    cue = quote.speaker_mention
    if quote.cue and cue is not None and quote.sieve is None:
        # A speech verb whose subject attribution could not read.
        found = entities.subject_of(cue, quote.start, text)
        if found is not None and _agrees(Resolution(found, "subject"), quote, entities):
            # (One who disagrees with the verb is another clause's: «… الرئيس السيسي،
            # متابعة أن» goes on with the woman the sentence is about.)
            return Resolution(found, "subject")
        at_colon = entities.named_at_colon(text, cue, quote.start)
        if at_colon is not None:
            whole = _whole_name(text, at_colon[1], gazetteer)
            return Resolution(entities.absorb(whole, at_colon[1]) if whole else at_colon[0],
                              "subject")
        since = _paragraph_back(paragraphs, cue.start)
        if previous is not None and previous[0] >= since:
            return Resolution(previous[1], "implicit")
        # A statement («وجاء في بيان الوزارة») is a body's words as often as a person's.
        found = entities.latest_person(
            cue.start, since, ROLE_TYPES if _documentary(quote.cue) else ("person",))
        if found is not None:
            return Resolution(found, "implicit")
    if quote.cue is None and quote.sieve is None:
        if previous is not None and _shares_sentence(text, quote, previous, before):
            return Resolution(previous[1], "same-sentence")
        found = entities.named_before_colon(text, quote.start)
        if found is not None:
            return Resolution(found, "headline")
        # No speech verb read: the person or body its own sentence opens with says it
        # («وبهذا الصدد تعلم الوزارة “…”», «كما تؤكد الشركة أن “…”»).
        opening = quote.start
        while opening > 0 and (text[opening - 1].isspace() or text[opening - 1] in ALL_QUOTE_MARKS):
            opening -= 1  # the sentence ends at no mark of its own quote
        found = entities.sentence_subject(
            text, _sentence_start(text, _paragraph_start(paragraphs, opening), opening),
            opening, ROLE_TYPES)
        if found is not None:
            return Resolution(found, "implicit")
        # A verb no list holds, then a role or a body's head noun: «وحيا الرئيس اليمني
        # “…”», «وأنهت الشركة إلى “…”» are the words of whom that role refers back to.
        role = entities.opening_role(
            text, _sentence_start(text, _paragraph_start(paragraphs, opening), opening),
            opening, bodies=True)
        found = entities.by_role(role, quote.start) if role is not None else None
        if found is not None and found.type in ROLE_TYPES:
            return Resolution(found, "role")
    return None


def _role_back(quote: Quote, entities: DocumentEntities) -> EntityRef | None:
    """Return the person a role refers back to («وقالت وزيرة الثقافة») when the words the
    role introduced earlier are no entity: the person the role stands next to («إيناس عبد
    الدايم وزيرة الثقافة»), not the words after it («… وزيرة الثقافة فعاليات الدورة»)."""
    role, span, mention = quote.speaker_role, quote.speaker_span, quote.speaker_mention
    if not role or role.startswith(ORG_ROLE):
        return None
    if span is not None and mention is not None and span.start <= mention.start < span.end:
        return None  # the name stands at the quote: not a reference back
    found = entities.by_role(role, quote.start)
    return found if found is not None and found.type == "person" else None


def _body_back(quote: Quote, entities: DocumentEntities) -> EntityRef | None:
    """Return the body a definite description refers back to: «الشركة الفلسطينية» after
    «شركة هوميت الفلسطينية» (the latest organisation named before whose name holds every
    word of the description), or None."""
    role, words = quote.speaker_role or "", name_key(quote.speaker or "").split(" ")
    if not role.startswith(ORG_ROLE) or len(words) < 2 or not words[0].startswith("ال"):
        return None
    wanted = {_bare(word) for word in words}
    limit = quote.speaker_span.start if quote.speaker_span else quote.start
    bodies = [ref for _, ref in entities.seen_before(limit) if ref.type == "organization"
              and wanted <= {_bare(word) for word in name_key(ref.name).split(" ")}
              and name_key(ref.name) != name_key(quote.speaker or "")]
    return bodies[-1] if bodies else None


def _shares_sentence(text: str, quote: Quote, previous: tuple[int, EntityRef],
                     before: Span | None) -> bool:
    """Tell whether a quote with no verb of its own stands in the sentence of the quote
    just before it, which was resolved: «تلا القاضي الآية “…”، فضلا عن الحديث “…”»."""
    return (before is not None and previous[0] == before.start
            and not any(mark in text[before.end:quote.start] for mark in CLAUSE_BREAKS))


def _opener_dropped(words: list[Token]) -> list[Token]:
    """Return a sentence's opening words without a discourse opener before the verb:
    «من جانبه، شكر توني نادال» opens with «شكر توني نادال»."""
    keys = tuple(strip_conjunction(word.key) if k == 0 else word.key
                 for k, word in enumerate(words[:4]))
    for size in (3, 2, 1):
        if keys[:size] in AR_DISCOURSE_OPENERS:
            return words[size:]
    return words


def _nationalities(role: str) -> list[str]:
    """Return the nationality adjectives of a role, bare («وزير الخارجيه المصري» →
    ["مصري"]): nisbas of a listed place."""
    words = [_bare(word) for word in role.split(" ")[1:]]
    return [word for word in words if word.endswith(("ي", "يه"))
            and names_a_place("ال" + word, _is_place)]


def _is_place(key: str) -> bool:
    """Tell whether a key names a listed place."""
    return key in place_keys()


def _particle(key: str) -> bool:
    """Tell whether a word is a preposition or complementiser, with or without و/ف: «وعن
    لاعب التنس، قال …» opens with «عن» (about the player), and the player is no subject."""
    return (key in AR_SUBJECT_PARTICLES or strip_conjunction(key) in AR_SUBJECT_PARTICLES
            or (key[:1] in "وف" and key[1:] in AR_SUBJECT_PARTICLES))


def _sentence_start(text: str, since: int, position: int) -> int:
    """Return where the sentence holding ``position`` starts, not before ``since``."""
    return max(since, *(text.rfind(mark, since, position) + 1 for mark in SENTENCE_ENDS))


def _role_word(token: Token) -> str:
    """Return the role a word gives («برئاسة» → رئيس) or its bare key («المدافع» → مدافع)."""
    return AR_LEADER_ROLES.get(token.key) or _bare(token.text)


def _documentary(cue: str | None) -> bool:
    """Tell whether a cue introduces the words of a document: «وجاء في البيان», «ورد فيه»."""
    return cue is not None and strip_conjunction(name_key(cue.split(" ", 1)[0])) in \
        AR_DOCUMENT_CUES


def _continues(cue: str | None) -> bool:
    """Tell whether a cue's verb goes on with what its speaker said («وأضاف», «وتابعت»)."""
    form = verb_form(name_key(cue.split(" ", 1)[0])) if cue else None
    return form is not None and form[0] in AR_CONTINUING_LEMMAS


def _opens_with_given_name(name: str) -> bool:
    """Tell whether a name's first word is a known given name («محمد», «جمال»)."""
    return name_key(name).split(" ", 1)[0] in GIVEN_NAMES


def _implicit(position: int, entities: DocumentEntities, paragraphs: Sequence[Span],
              previous: tuple[int, EntityRef] | None) -> Resolution | None:
    """Return the subject a speech verb with no readable one continues: the speaker of the
    quote before, else the person last named as a speaker (or last named) nearby."""
    since = _paragraph_back(paragraphs, position)
    if previous is not None and previous[0] >= since:
        return Resolution(previous[1], "implicit")
    found = entities.latest_person(position, since)
    return Resolution(found, "implicit") if found is not None else None


def _paragraph_start(paragraphs: Sequence[Span], position: int) -> int:
    """Return where the paragraph holding ``position`` starts (0 without paragraphs)."""
    starts = [paragraph.start for paragraph in paragraphs]
    index = bisect.bisect_right(starts, position) - 1
    return starts[index] if index >= 0 else 0


def _paragraph_back(paragraphs: Sequence[Span], position: int) -> int:
    """Return where the paragraph ``IMPLICIT_PARAGRAPHS`` before the one at ``position``
    starts: how far back an implicit subject is looked for."""
    starts = [paragraph.start for paragraph in paragraphs]
    index = max(0, bisect.bisect_right(starts, position) - 1 - IMPLICIT_PARAGRAPHS)
    return starts[index] if starts else 0


def quote_confidence(sieve: str | None, step: str) -> float:
    """Return how sure an attribution is, from its rule and its resolution step.

    >>> quote_confidence("verb-subject+alias", "span"), quote_confidence("role", "role")
    (0.9, 0.85)
    """
    rule = (sieve or "").split("+")[0]
    if rule == "editor":
        return SIEVE_CONFIDENCE["editor"]  # the editor's word: no step of ours doubts it
    return round(SIEVE_CONFIDENCE.get(rule, 0.5) * RESOLUTION_FACTOR.get(step, 1.0), 2)


def resolve_speakers(text: str, quotes: Sequence[Quote], entities: Sequence[EntityRef],
                     gazetteer: Gazetteer | None = None, paragraphs: Sequence[Span] = (),
                     *, tokens: Sequence[Token],
                     ) -> tuple[list[Quote], tuple[EntityRef, ...]]:
    """Give every attributed quote its speaker entity; return the quotes and the entities
    (``tokens``: the document's token layer, see :class:`DocumentEntities`).

    A quote already resolved (``speaker_id`` set) keeps its entity; one whose speaker cannot
    be resolved gets ``speaker = None``, except an editor's speaker, which stands even when
    the text never names it (then it has no entity). Entities gain the speakers no
    recogniser found and a ``confidence`` each.
    """
    known = DocumentEntities(entities, tokens, [Span(quote.start, quote.end) for quote in quotes
                                                if not quote.fragment])
    out = []
    previous: tuple[int, EntityRef] | None = None
    before: Span | None = None
    for quote in quotes:
        if quote.fragment or quote.speaker_id:
            out.append(quote)
            continue
        resolution = resolve_quote(text, quote, known, gazetteer=gazetteer,
                                   paragraphs=paragraphs, previous=previous, before=before)
        before = Span(quote.start, quote.end)
        if resolution is not None and not _agrees(resolution, quote, known):
            # «وأضافت: …» after «النجم سعد لمجرد»: an inferred speaker must agree with the
            # verb; the woman the verb speaks of was never named.
            resolution = None
        if resolution is not None:
            previous = (quote.start, resolution.entity)
            if resolution.step not in INFERRED_STEPS and quote.sieve != "continuation":
                known.spoke(resolution.entity, _cue_gender(quote))
        if resolution is None and quote.sieve == "editor":
            # An editor's word stands, even for a speaker the text never names.
            out.append(replace(quote, confidence=1.0 if quote.speaker else None))
            continue
        if resolution is None:
            out.append(replace(quote, speaker=None, speaker_id=None, confidence=None))
            continue
        sieve = resolution.step if resolution.step in INFERRED_STEPS else quote.sieve
        out.append(replace(quote, speaker=resolution.entity.name,
                           speaker_id=resolution.entity.id, sieve=sieve,
                           confidence=quote_confidence(sieve, resolution.step)))
    rated = tuple(sorted((replace(ref, confidence=entity_confidence(ref, _listed(ref, gazetteer)))
                          for ref in known.entities), key=lambda ref: ref.id))
    return out, rated


def _agrees(resolution: Resolution, quote: Quote, entities: DocumentEntities) -> bool:
    """Tell whether a speaker no name at the verb gave (an inferred step, or the speaker a
    subjectless verb continues) agrees in gender with the quote's verb, where both show it."""
    if resolution.entity.type != "person" or not (
            resolution.step in INFERRED_STEPS or quote.sieve == "continuation"):
        return True
    said = _cue_gender(quote)
    known = entities.gender(resolution.entity)
    return said is None or known is None or known == said


def _cue_gender(quote: Quote) -> str | None:
    """Return the gender of the speaker a quote's speech verb shows («وأضافت»: "f"), if it
    shows one: not a relaying verb's, which agrees with the outlet («ونقلت وكالة تاس عن
    نوفاك قوله»)."""
    form = verb_form(name_key(quote.cue.split(" ", 1)[0])) if quote.cue else None
    return form[1] if form is not None and form[0] not in AR_RELAY_LEMMAS else None


def entity_confidence(ref: EntityRef, listed: bool = False) -> float:
    """Return how sure an entity is: listed in a gazetteer, or its surest source; more with
    more than one mention.

    >>> m = Mention(0, 4, "روتي", "person", "روتي", source="tagger")
    >>> entity_confidence(EntityRef("person:x", "روتي", "person", mentions=(m,)))
    0.75
    >>> entity_confidence(EntityRef("person:x", "روتي", "person", mentions=(m, m)))
    0.85
    """
    best = max((SOURCE_CONFIDENCE.get(mention.source, DEFAULT_SOURCE_CONFIDENCE)
                for mention in ref.mentions), default=DEFAULT_SOURCE_CONFIDENCE)
    if listed:
        best = max(best, LISTED_CONFIDENCE)
    if len(ref.mentions) > 1:
        best = min(0.99, best + 0.1)
    return round(best, 2)
