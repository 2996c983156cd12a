"""Evaluate related-brief links against the gold stories in ``tests/gold/related.yml``.

Run: ``.venv/bin/python eval/related.py`` (``-v`` lists every brief's links). It evaluates two
id schemes: ``type:name`` from the gold files, as asked (an English and an Arabic brief then
share no id, so cross-language pairs cannot link), and the ids of the gazetteer of
``briefs.analysis.entities`` (names looked up in Arabic and English), when that is importable.

Features come from :func:`build_features`, which takes an *entity finder*: a callable from a
content file to its :class:`briefs.related.EntityUse` records. The default,
:func:`gold_entity_finder`, reads ``tests/gold/entities/<stem>.yml`` (ids = ``type:name``);
mentions are counted in the body (non-overlapping, longest surface form first), and an entity is
prominent when it occurs in the ``Title:`` or in the first paragraph after its dateline. Swap in
the real recogniser by passing another finder.

Printed: precision@3 (of each brief's top three links, the share inside the same gold story),
recall of same-story pairs, and the number of links between different stories (target 0).
The exit status is 1 when precision@3 < 0.9 or any cross-story link exists.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from briefs.related import (  # noqa: E402
    BriefFeatures,
    EntityUse,
    RelatedConfig,
    related_briefs,
)

GOLD = ROOT / "tests" / "gold"
CONTENT = ROOT / "content"
PRECISION_FLOOR = 0.9
#: A dateline at the start of the first paragraph: «بروكسل (أ ف ب) –», "BRUSSELS (AP) —".
DATELINE = re.compile(r"^[^()\n]{0,60}\([^()\n]{1,30}\)\s*[–—-]\s*")
#: Arabic one-letter proclitics that may be glued to a name (و، ف، ب، ل، ك).
PROCLITICS = "وفبلك"


@dataclass(frozen=True, slots=True)
class ContentDoc:
    """One content file: its metadata, title, body and first paragraph (dateline removed)."""

    path: Path
    metadata: dict[str, str]
    body: str

    @property
    def title(self) -> str:
        """Return the ``Title:`` metadata."""
        return self.metadata.get("title", "")

    @property
    def lead(self) -> str:
        """Return the first paragraph of the body without its dateline."""
        first = next((p for p in self.body.split("\n\n") if p.strip()), "")
        return DATELINE.sub("", first.strip(), count=1)


EntityFinder = Callable[[ContentDoc], Iterable[EntityUse]]


def read_doc(path: Path) -> ContentDoc:
    """Read a Pelican Markdown file: ``Key: value`` lines, a blank line, the body."""
    head, _, body = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").partition("\n\n")
    metadata = {}
    for line in head.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            metadata[key.strip().lower()] = value.strip()
    return ContentDoc(path, metadata, body.strip())


def _is_letter(char: str) -> bool:
    return char.isalpha() or "\u064b" <= char <= "\u065f"  # harakat are not isalpha()


def find_forms(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    """Return non-overlapping spans of any form in ``text``, longest form first.

    A match must not sit inside a word; an Arabic proclitic (و، ف، ب، ل، ك) may precede it.

    >>> find_forms("قال روتي ومارك روتي", ["مارك روتي", "روتي"])
    [(4, 8), (10, 19)]
    """
    taken: list[tuple[int, int]] = []
    for form in sorted({f for f in forms if f}, key=lambda f: (-len(f), f)):
        for match in re.finditer(re.escape(form), text):
            start, end = match.span()
            if end < len(text) and _is_letter(text[end]):
                continue
            before = start
            while before > 0 and text[before - 1] in PROCLITICS and start - before < 2:
                before -= 1
            if before > 0 and _is_letter(text[before - 1]):
                continue
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
    return sorted(taken)


def type_name_id(kind: str, name: str) -> str:
    """Return the id the task asks for: ``type:name``."""
    return f"{kind}:{name}"


def gazetteer_id_function() -> Callable[[str, str, list[str]], str]:
    """Return an id function that maps names to ``briefs.analysis.entities`` gazetteer ids.

    Falls back to ``type:name`` for a name the gazetteer does not know. Raises ImportError
    when that module is not available.
    """
    from briefs.analysis.entities.gazetteer import _name_tokens, default_gazetteer

    gazetteer = default_gazetteer()

    def canonical(kind: str, name: str, aliases: list[str]) -> str:
        for form in (name, *aliases):
            found = gazetteer.lookup(_name_tokens(form))
            if found:
                return found
        return type_name_id(kind, name)

    return canonical


def gold_entity_finder(
    gold_dir: Path = GOLD / "entities",
    make_id: Callable[[str, str, list[str]], str] | None = None,
) -> EntityFinder:
    """Return a finder that reads the gold entities of a content file."""

    def find(doc: ContentDoc) -> list[EntityUse]:
        data = yaml.safe_load((gold_dir / f"{doc.path.stem}.yml").read_text(encoding="utf-8"))
        merged: dict[str, tuple[str, int, bool]] = {}
        for item in data.get("entities") or []:
            name, kind = item["name"], item["type"]
            forms = [name, *(item.get("aliases") or [])]
            entity_id = make_id(kind, name, forms[1:]) if make_id else type_name_id(kind, name)
            mentions = max(1, len(find_forms(doc.body, forms)))
            prominent = bool(find_forms(doc.title, forms) or find_forms(doc.lead, forms))
            old = merged.get(entity_id)
            if old:  # two gold names mapped to one id
                mentions, prominent = old[1] + mentions, old[2] or prominent
            merged[entity_id] = (kind, mentions, prominent)
        return [EntityUse(eid, kind, m, p) for eid, (kind, m, p) in sorted(merged.items())]

    return find


def build_features(
    content_files: Iterable[Path], find_entities: EntityFinder
) -> list[BriefFeatures]:
    """Return the features of each content file, entities from ``find_entities``."""
    features = []
    for path in sorted(content_files):
        doc = read_doc(path)
        tags = tuple(t.strip() for t in doc.metadata.get("tags", "").split(",") if t.strip())
        features.append(BriefFeatures(
            key=doc.metadata.get("slug", path.stem),
            date=datetime.fromisoformat(doc.metadata["date"]),
            entities=tuple(find_entities(doc)),
            tags=tags,
        ))
    return features


def evaluate(
    features: list[BriefFeatures], gold: dict, config: RelatedConfig | None = None, k: int = 3
) -> dict[str, float]:
    """Score the links of ``related_briefs`` against the gold ``stories``."""
    story_of = {slug: name for name, slugs in gold["stories"].items() for slug in slugs}
    links = related_briefs(features, config)
    shown = same = 0
    pairs: set[frozenset[str]] = set()
    for key, related in links.items():
        for link in related[:k]:
            shown += 1
            same += story_of.get(key) == story_of.get(link.key)
        pairs.update(frozenset((key, link.key)) for link in related)
    cross = sorted(tuple(sorted(p)) for p in pairs if len({story_of.get(s) for s in p}) > 1)
    wanted = {frozenset(p) for p in gold.get("related", [])}
    return {
        "briefs": len(features),
        "shown_at_k": shown,
        "precision_at_k": same / shown if shown else 0.0,
        "recall_pairs": len(wanted & pairs) / len(wanted) if wanted else 0.0,
        "cross_story_links": len(cross),
        "cross": cross,
        "links": links,
    }


def _report(label: str, result: dict, verbose: bool) -> bool:
    """Print one evaluation; return whether it meets the floor with no cross-story link."""
    if verbose:
        for key, related in result["links"].items():
            shown = ", ".join(f"{r.key} {r.score:.0f} [{'; '.join(r.shared[:3])}]"
                              for r in related)
            print(f"  {key}: {shown}")
    print(f"ids: {label}; briefs: {result['briefs']}")
    print(f"  precision@3: {result['precision_at_k']:.3f} ({result['shown_at_k']} links shown)")
    print(f"  recall of same-story pairs: {result['recall_pairs']:.3f}")
    print(f"  links between different stories: {result['cross_story_links']}")
    for pair in result["cross"]:
        print(f"    cross-story: {pair[0]} <-> {pair[1]}")
    return result["precision_at_k"] >= PRECISION_FLOOR and not result["cross_story_links"]


def main() -> int:
    """Print the figures for each id scheme; return 1 if any falls short."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--content", type=Path, default=CONTENT)
    parser.add_argument("--ids", choices=("type-name", "gazetteer", "both"), default="both",
                        help="entity ids: type:name from the gold, gazetteer ids, or both")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every brief's links")
    args = parser.parse_args()
    gold = yaml.safe_load((args.gold / "related.yml").read_text(encoding="utf-8"))
    files = [args.content / f"{p.stem}.md" for p in (args.gold / "entities").glob("*.yml")]
    schemes: list[tuple[str, Callable[[str, str, list[str]], str] | None]] = []
    if args.ids in ("type-name", "both"):
        schemes.append(("type-name (no cross-language links possible)", None))
    if args.ids in ("gazetteer", "both"):
        try:
            schemes.append(("gazetteer (briefs.analysis.entities)", gazetteer_id_function()))
        except (ImportError, OSError, ValueError) as error:  # that module is in progress
            print(f"gazetteer ids unavailable ({error}); skipped")
    ok = True
    for label, make_id in schemes:
        features = build_features(files, gold_entity_finder(args.gold / "entities", make_id))
        ok = _report(label, evaluate(features, gold), args.verbose) and ok
    verdict = "PASS" if ok else "FAIL"
    print(f"{verdict} (floor: precision@3 >= {PRECISION_FLOOR}, no cross-story link)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
