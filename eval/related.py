"""Evaluate related briefs on the demo corpus against tests/gold/related.yml.

Runs the product's own pipeline (analysis, entity recognition and merging, the site index)
on every brief in content/, then prints:

- precision@3: of each brief's top three related briefs, the share in the same gold story;
- links between different stories among everything the pages show (target 0);
- same-story recall: the gold ``related`` pairs linked in at least one direction.

Run: ``.venv/bin/python eval/related.py [-v]``. Exits 1 below the targets.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from briefs.analysis.entities import (  # noqa: E402
    default_gazetteer,
    load_site_entities,
    site_gazetteer,
)
from briefs.analysis.pipeline import OVERRIDE_KEYS, analyse_brief  # noqa: E402
from briefs.cli.sources import read_content_file  # noqa: E402
from briefs.site.index import SiteIndex, index_site, record_of  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "related.yml"
CONTENT = ROOT / "content"
TARGET_PRECISION = 0.9


def listed(value: str | None) -> list[str]:
    """Return the comma-separated items of a metadata value."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def build_site_index(content: Path) -> SiteIndex:
    """Analyse every brief in ``content`` as the build does and index the site by slug."""
    entities_file = content / "entities.yml"
    gazetteer = (site_gazetteer(load_site_entities(entities_file)) if entities_file.is_file()
                 else default_gazetteer())
    records = []
    for path in sorted(content.glob("*.md")):
        brief = read_content_file(path)
        meta = brief.metadata
        document, _warnings = analyse_brief(
            brief.body, lang=brief.lang or "ar", title=brief.title, gazetteer=gazetteer,
            overrides={key: meta.get(key) for key in OVERRIDE_KEYS})
        records.append(record_of(
            document, key=meta["slug"], date=datetime.fromisoformat(meta["date"]),
            title=brief.title, tags=listed(meta.get("tags")),
            pinned=listed(meta.get("related")), forbidden=listed(meta.get("unrelated"))))
    return index_site(records, gazetteer=gazetteer)


def main() -> int:
    """Print the figures; return 1 below the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="print every brief's links")
    arguments = parser.parse_args()
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    story_of = {slug: story for story, slugs in gold["stories"].items() for slug in slugs}
    site = build_site_index(CONTENT)

    top3_hits = top3_total = cross = shown = 0
    linked: set[frozenset[str]] = set()
    for slug, links in sorted(site.related.items()):
        for rank, link in enumerate(links):
            shown += 1
            same = story_of[slug] == story_of[link.key]
            linked.add(frozenset((slug, link.key)))
            if not same:
                cross += 1
                print(f"  CROSS-STORY {slug} -> {link.key} ({link.score:.1f}): {link.shared}")
            if rank < 3:
                top3_total += 1
                top3_hits += same
        if arguments.verbose:
            print(f"{slug}: " + ", ".join(f"{link.key} ({link.score:.0f})" for link in links))
    precision = top3_hits / top3_total if top3_total else 0.0
    pairs = [frozenset(pair) for pair in gold["related"]]
    recall = sum(pair in linked for pair in pairs) / len(pairs)
    print(f"briefs: {len(site.related)}, links shown: {shown}")
    print(f"precision@3: {precision:.3f} ({top3_hits}/{top3_total})")
    print(f"links between different stories: {cross}")
    print(f"same-story recall: {recall:.3f} ({sum(pair in linked for pair in pairs)}/{len(pairs)})")
    return 0 if precision >= TARGET_PRECISION and cross == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
