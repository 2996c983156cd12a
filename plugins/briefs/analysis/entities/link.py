"""Merge mentions into entities: within a document, then across the site.

Within a document (:func:`link_document`): a mention with a gazetteer id keeps it
(English and Arabic names of one gazetteer entity share the id); a one-word person
mention (a surname or short form, روتي) joins the one full name in the document that
ends with it (مارك روتي) — if two full names share it, nothing is merged. Other
names get a stable id derived from type and key: ``person:<key>``.

Across the site (:func:`merge_site`): refs with one id merge; ids of the same type
whose keys differ only by spaces (بيونغ يانغ / بيونغيانغ) merge; the editors' file
(``merge:``, ``exclude:``) applies. Two people who only share a surname are never merged.

Slugs (:func:`entity_slug`) are readable: ASCII ids stay ASCII (``place-kp``,
``person-mark-rutte``) and Arabic keys stay Arabic (``person-مارك-روتي``, percent-encoded
by browsers), lower-case, with every character other than a letter or a digit turned into
``-``; so ``/ . .. < > "`` cannot reach a path. Slugs are at most 80 characters; a
truncated or emptied slug gets a hash suffix, and :func:`merge_site` gives colliding
slugs a hash suffix too (deterministically: the smallest id keeps the plain slug).
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..lexicon import GIVEN_NAMES, NAME_LINKS, PERSON_TITLES
from .cross_script import cross_script_pairs
from .gazetteer import Gazetteer, default_gazetteer
from .keys import is_arabic, name_key, squash_key
from .model import Entity, EntityRef, Mention
from .site import SiteEntities

logger = logging.getLogger(__name__)

MAX_SLUG = 80


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def entity_slug(entity_id: str) -> str:
    """Return a safe, bounded, readable slug for an entity id.

    >>> entity_slug("place:KP"), entity_slug("person:مارك روتي")
    ('place-kp', 'person-مارك-روتي')
    >>> entity_slug('person:../<a href="x">') .startswith("person-a-href-x")
    True
    """
    key = name_key(entity_id)
    chars = [c if c.isalnum() else "-" for c in key]
    slug = "-".join(part for part in "".join(chars).split("-") if part)
    if not slug or slug.startswith("-"):
        return f"entity-{_hash(entity_id)}"
    if len(slug) > MAX_SLUG:
        slug = slug[: MAX_SLUG - 9].rstrip("-") + "-" + _hash(entity_id)
    return slug


def entity_id(etype: str, key: str) -> str:
    """Return the stable id of a name that no gazetteer knows: ``<type>:<key>``."""
    return f"{etype}:{key}"


def link_document(mentions: Sequence[Mention], *, gazetteer: Gazetteer | None = None,
                  ) -> list[EntityRef]:
    """Group one document's mentions into entities (sorted by id).

    >>> from .model import Mention
    >>> ms = [Mention(0, 9, "سامر قاسمي", "person", "سامر قاسمي"),
    ...       Mention(20, 25, "قاسمي", "person", "قاسمي")]
    >>> [(r.id, len(r.mentions)) for r in link_document(ms)]
    [('person:سامر قاسمي', 2)]
    """
    gaz = gazetteer or default_gazetteer()
    site = gaz.site
    ids = _read_homographs([_base_id(m, gaz) for m in mentions], gaz)
    short_ids = _short_forms(mentions, ids)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m, base in zip(mentions, ids, strict=True):
        eid = short_ids.get(m.start, base)
        if site is not None:
            eid = site.merge_target(eid)
            if site.is_excluded(eid, m.key):
                continue
        # (Mentions are frozen: one that has its id already is kept, not copied.)
        groups[eid].append(m if m.entity_id == eid else dataclasses.replace(m, entity_id=eid))
    refs = []
    for eid, ms in sorted(groups.items()):
        entry = gaz.entries.get(eid)
        etype = entry.type if entry else Counter(m.type for m in ms).most_common(1)[0][0]
        texts = [display_text(m) for m in ms]
        if entry:
            name = entry.name("ar" if any(is_arabic(m.text) for m in ms) else "en")
        else:
            name = fullest_name(texts)
        aliases = tuple(sorted(set(texts) - {name}))
        refs.append(EntityRef(eid, name, etype, aliases, tuple(ms)))
    return refs


def fullest_name(texts: Sequence[str]) -> str:
    """Return the fullest of an entity's mentions (most words, then most often), spelt as the
    article first spells it. Mentions with the same letters are one name written two ways,
    compound names joined or not, as :func:`_stands_for` compares them: the article's first
    spelling names the entity, and the words it counts are the most either spelling has.

    >>> fullest_name(["حيان عبدالغني", "حيان عبد الغني", "عبد الغني"])
    'حيان عبدالغني'
    >>> fullest_name(["روتي", "مارك روتي", "روتي"])
    'مارك روتي'
    """
    spellings: dict[str, tuple[str, int, int]] = {}  # letters → (first text, words, count)
    for text in texts:
        words = name_key(text).split(" ")
        letters = "".join(words)
        first, most, count = spellings.get(letters, (text, 0, 0))
        spellings[letters] = (first, max(most, len(words)), count + 1)
    return max(spellings.values(), key=lambda spelling: spelling[1:])[0]


def _short_forms(mentions: Sequence[Mention], ids: Sequence[str]) -> dict[int, str]:
    """Map the start of a short form to the id of the longer name it stands for.

    People: a name of fewer words that ends or begins a longer person name of the document
    (روتي → مارك روتي; the compound given name عبد العزيز → عبد العزيز بن سلمان; the Korean
    and Chinese family name first: كيم → كيم جونغ أون, شي → شي جين بينغ). Organisations: a
    name of two or more words that begins a longer one (المنتخب السعودي → المنتخب السعودي
    لكرة القدم). Words are compared with their spaces left out, since compound names are
    written both ways (عبد الفتاح → محمد عبدالفتاح). With several candidates, the one named
    before the short form joins it if it is the only one named before it; otherwise nothing
    is merged.
    """
    first_seen: dict[str, int] = {}
    longer: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for m, eid in zip(mentions, ids, strict=True):
        first_seen.setdefault(eid, m.start)
        words = tuple(m.key.split(" "))
        while words and words[0] in PERSON_TITLES and words[0] not in GIVEN_NAMES:
            # «الأمير عبد العزيز بن سلمان» begins with عبد العزيز; the recogniser kept
            # «أمين» of «أمين الناصر» as the given name it is there.
            words = words[1:]
        if len(words) >= 2 and m.type in ("person", "organization"):
            longer[m.type].append((words, eid))
    out: dict[int, str] = {}
    for m, eid in zip(mentions, ids, strict=True):
        if m.entity_id or m.type not in longer:
            continue
        words = tuple(m.key.split(" "))
        if m.type == "organization" and len(words) < 2:
            continue
        found = {oid: full for full, oid in longer[m.type]
                 if oid != eid and _stands_for(words, full, ends=m.type == "person")}
        owners = set(found)
        if len({"".join(full) for full in found.values()}) == 1 and len(owners) > 1:
            # One name written two ways («حيان عبدالغني», «حيان عبد الغني»): the spelling in
            # more words, which the other stands for, owns the short form too.
            owners = {max(sorted(found), key=lambda oid: len(found[oid]))}
        if len(owners) > 1:
            owners = {o for o in owners if first_seen[o] < m.start}
        if len(owners) == 1:
            out[m.start] = next(iter(owners))
    return out


def _stands_for(short: tuple[str, ...], full: tuple[str, ...], *, ends: bool) -> bool:
    """Tell whether the name ``short`` is the first words of ``full`` (or, with ``ends``,
    its last words), spaces left out: less of the name, or the whole of it in more words.

    >>> _stands_for(("عبد", "الفتاح"), ("محمد", "عبدالفتاح"), ends=True)
    True
    >>> _stands_for(("عبدالله",), ("عبد", "الله"), ends=True)
    True
    >>> _stands_for(("محمد", "عبدالفتاح"), ("محمد", "عبد", "الفتاح"), ends=True)  # one name
    True
    >>> _stands_for(("الفتاح",), ("محمد", "عبدالفتاح"), ends=True)
    False

    A person's one word may also be the middle of a name of three words that is no given
    name: the first of two family names («فيلدا» in «خورخي فيلدا رودريغيز»), where an
    Arabic name has the father's given name («ناجي» in «محمد ناجي شحاتة» stands for no one).

    >>> _stands_for(("فيلدا",), ("خورخي", "فيلدا", "رودريغيز"), ends=True)
    True
    >>> _stands_for(("ناجي",), ("محمد", "ناجي", "شحاته"), ends=True)
    False
    """
    joined, whole = "".join(short), "".join(full)
    if len(joined) > len(whole) or (joined == whole and len(short) >= len(full)):
        return False
    if (ends and len(short) == 1 and len(full) == 3 and full[1] == joined
            and joined not in GIVEN_NAMES and joined not in NAME_LINKS):
        return True
    return any("".join(full[:k]) == joined or (ends and "".join(full[-k:]) == joined)
               for k in range(1, len(full) + 1))


def display_text(m: Mention) -> str:
    """The mention as a name: «لليابان» (ل + اليابان, the word as written) and «ليابان»
    (cut after its ل) read «اليابان».

    >>> [display_text(Mention(0, 7, t, "place", "اليابان")) for t in ("لليابان", "ليابان")]
    ['اليابان', 'اليابان']
    """
    if m.text.startswith("لل") and name_key("ال" + m.text[2:]) == m.key:
        return "ال" + m.text[2:]
    if m.text.startswith("ل") and name_key("ا" + m.text) == m.key:
        return "ا" + m.text
    return m.text


def _read_homographs(ids: list[str], gaz: Gazetteer) -> list[str]:
    """Return ``ids`` with each name that has another reading («عمان»: Oman or Amman) read
    as the entry whose evidence the document names (Amman where Jordan is named)."""
    named = set(ids)
    chosen = {eid: next((entry.id for entry in gaz.readings[eid]
                         if named.intersection(entry.evidence)), eid)
              for eid in named.intersection(gaz.readings)}
    return [chosen.get(eid, eid) for eid in ids] if chosen else ids


def _base_id(m: Mention, gaz: Gazetteer) -> str:
    if m.entity_id:
        return m.entity_id
    eid = gaz.lookup(tuple(m.key.split(" ")))
    return eid or entity_id(m.type, m.key)


def merge_site(documents: Iterable[tuple[str, Sequence[EntityRef]]], *,
               gazetteer: Gazetteer | None = None) -> list[Entity]:
    """Merge the refs of all documents into site entities (deterministic, sorted by id).

    Args:
        documents: ``(document id, refs)`` pairs, e.g. ``(article.slug, link_document(...))``.
        gazetteer: the layered gazetteer (with the site layer, for merges and names).
    """
    gaz = gazetteer or default_gazetteer()
    site = gaz.site
    refs_by_id: dict[str, list[tuple[str, EntityRef]]] = defaultdict(list)
    for doc, refs in documents:
        for ref in refs:
            eid = site.merge_target(ref.id) if site else ref.id
            refs_by_id[eid].append((doc, ref))
    # Non-gazetteer ids of one type whose keys differ only by spaces join one id.
    canon: dict[tuple[str, str], str] = {}
    for eid in sorted(refs_by_id, key=lambda e: (-len(refs_by_id[e]), e)):
        if eid not in gaz.entries:
            typ, _, key = eid.partition(":")
            canon.setdefault((typ, squash_key(key)), eid)
    merged: dict[str, list[tuple[str, EntityRef]]] = defaultdict(list)
    for eid, items in refs_by_id.items():
        typ, _, key = eid.partition(":")
        target = eid if eid in gaz.entries else canon[(typ, squash_key(key))]
        merged[target].extend(items)
    _join_scripts(merged, gaz, site)
    entities = []
    for eid in sorted(merged):
        items = merged[eid]
        entry = gaz.entries.get(eid)
        names_count = Counter(ref.name for _, ref in items)
        aliases = sorted({a for _, ref in items for a in (ref.name, *ref.aliases)})
        if entry:
            names = {k: v for k, v in (("ar", entry.name_ar), ("en", entry.name_en)) if v}
            name = entry.name_ar or entry.name_en
            etype = entry.type
        else:
            name = min(names_count, key=lambda n: (-names_count[n], n))
            # The most common name in each script (one entity may hold both, joined).
            names = {}
            for text in sorted(names_count, key=lambda n: (-names_count[n], n)):
                names.setdefault("ar" if is_arabic(text) else "en", text)
            etype = Counter(ref.type for _, ref in items).most_common(1)[0][0]
        entities.append(Entity(
            id=eid, slug=entity_slug(eid), name=name, type=etype, names=names,
            aliases=tuple(a for a in aliases if a != name),
            documents=tuple(sorted({doc for doc, _ in items})),
            mention_count=sum(len(ref.mentions) for _, ref in items),
            wikidata=entry.wikidata if entry else None,
            description=entry.description if entry else "",
            ref_ids=tuple(sorted({ref.id for _, ref in items})),
        ))
    return _unique_slugs(entities)


def _join_scripts(merged: dict[str, list[tuple[str, EntityRef]]], gaz: Gazetteer,
                  site: SiteEntities | None) -> None:
    """Fold a Latin id into the Arabic id of the same name (in place), on evidence only
    (:mod:`.cross_script`); report the pairs left for an editor to decide."""
    names = {eid: Counter(ref.name for _, ref in items).most_common(1)[0][0]
             for eid, items in merged.items() if eid not in gaz.entries and items}
    in_doc: dict[str, set[str]] = defaultdict(set)
    for eid, items in merged.items():
        for doc, _ in items:
            in_doc[doc].add(eid)
    companions = {eid: set().union(*(in_doc[doc] for doc, _ in items)) - {eid}
                  for eid, items in merged.items() if eid in names}
    joins, candidates = cross_script_pairs(names, companions,
                                           apart=site.apart if site else frozenset())
    for latin, arabic in joins.items():
        merged[arabic].extend(merged.pop(latin))
    for candidate in candidates:
        logger.warning("entities: «%s» and «%s» may be one %s (name match %.2f%s): join them "
                       "with `merge:` or keep them with `apart:` in entities.yml",
                       candidate.arabic, candidate.latin, candidate.arabic_id.split(":")[0],
                       candidate.score, ", a shared companion" if candidate.clue else "")


def _unique_slugs(entities: list[Entity]) -> list[Entity]:
    by_slug: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entities):
        by_slug[e.slug].append(i)
    out = list(entities)
    taken = set(by_slug)
    for indices in by_slug.values():
        for i in indices[1:]:  # entities are sorted by id: the first keeps the plain slug
            slug = f"{out[i].slug[: MAX_SLUG - 9]}-{_hash(out[i].id)}"
            while slug in taken:
                slug = f"{slug[: MAX_SLUG - 9]}-{_hash(slug)}"
            taken.add(slug)
            out[i] = dataclasses.replace(out[i], slug=slug)
    return out
