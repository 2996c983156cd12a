"""Score the entity index of the demo briefs against the hand-made gold entities.

Run: ``.venv/bin/python eval/entities_gold.py [--gold DIR] [--json] [--verbose]``

``--gold DIR`` scores other articles (real news kept outside the repository, say): a
gold file's ``source`` is read relative to the gold file's folder, else to the
repository; ``.txt`` articles are read as plain text (their first line counts as body).

For every brief in ``content/`` with a gold file ``tests/gold/entities/<stem>.yml``, the
body is analysed as the build does it (``briefs.analysis.pipeline.analyse``, which runs
``recognise`` and ``link_document``; the site gazetteer includes ``content/entities.yml``
when it exists). Each entity of the brief (one ``EntityRef`` after merging within the
document) is compared with the gold entities:

* a predicted entity is **correct** when its type matches a gold entity's and one of its
  surface forms (display name, aliases, mention texts and keys, gazetteer names) has the
  same normalised key as the gold name or one of its aliases, *and* that gold entity was not
  already claimed by another predicted entity of the brief (a duplicate in the index,
  e.g. «روتي» apart from «مارك روتي», is an error);
* precision = correct / predicted, recall = gold entities matched / gold entities, micro over
  all briefs, overall and per type;
* a gold entity marked ``optional: true`` is a debatable case of the annotation guidelines
  (a broad region, an organisation's organ, an official body named without its country such
  as «مجلس النواب» or «وزارة المالية»): a predicted entity that matches it is neither counted
  nor held against the brief, and leaving it out is not a miss.

The gold lists entities of the title and the body; the build indexes the body only, so a
title-only entity is a miss here (``--verbose`` lists every miss and false alarm).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from briefs.analysis.entities import (  # noqa: E402
    EntityRef,
    load_site_entities,
    name_key,
    site_gazetteer,
)
from briefs.analysis.entities.gazetteer import Gazetteer, default_gazetteer  # noqa: E402
from briefs.analysis.pipeline import analyse  # noqa: E402
from briefs.cli.sources import read_content_file  # noqa: E402

CONTENT = ROOT / "content"
GOLD = ROOT / "tests" / "gold" / "entities"
TYPES = ("person", "organization", "place")


def _forms(ref: EntityRef, gaz: Gazetteer) -> set[str]:
    forms = {ref.name, *ref.aliases}
    for m in ref.mentions:
        forms |= {m.text, m.key}
    entry = gaz.entries.get(ref.id)
    if entry is not None:
        forms |= set(entry.names)
    return {name_key(f) for f in forms if f}


def score_brief(path: Path, gold: list[dict], gaz: Gazetteer) -> tuple[Counter, list[str]]:
    """Return the counts (``pred/<type>``, ``gold/<type>``, ``tp/<type>``…) and error notes."""
    content = read_content_file(path)
    lang = "en" if path.stem.endswith(".en") else "ar"
    doc = analyse(content.body, lang=lang, gazetteer=gaz)
    gold_keys = [({name_key(g["name"]), *(name_key(a) for a in g.get("aliases") or ())},
                  g["type"], g["name"]) for g in gold]
    optional = {i for i, g in enumerate(gold) if g.get("optional")}
    counts: Counter = Counter()
    notes: list[str] = []
    claimed: set[int] = set()
    for ref in sorted(doc.entities, key=lambda r: -len(r.mentions)):
        forms = _forms(ref, gaz)
        hit = next((i for i, (keys, typ, _) in enumerate(gold_keys)
                    if typ == ref.type and keys & forms and i not in claimed), None)
        if hit in optional:
            claimed.add(hit)
            continue
        if hit is None and any(gold_keys[i][1] == ref.type and gold_keys[i][0] & forms
                               for i in optional):
            continue  # a second entity for an optional one: not held against the brief either
        counts[f"pred/{ref.type}"] += 1
        if hit is None:
            dup = any(typ == ref.type and keys & forms for keys, typ, _ in gold_keys)
            notes.append(f"{path.name}: {'DUPLICATE' if dup else 'FALSE'} {ref.type} "
                         f"{ref.name} ({ref.id}, {len(ref.mentions)} mentions)")
            continue
        claimed.add(hit)
        counts[f"tp/{ref.type}"] += 1
    for i, (_, typ, name) in enumerate(gold_keys):
        if i in optional:
            continue
        counts[f"gold/{typ}"] += 1
        if i not in claimed:
            notes.append(f"{path.name}: MISSED {typ} {name}")
    return counts, notes


def evaluate(gold_dir: Path = GOLD) -> tuple[dict[str, tuple[float, float, int, int]], list[str]]:
    """Return ``{type: (P, R, predicted, gold)}`` (with ``ALL``) and the error notes.

    The site's ``content/entities.yml`` takes part for the demo briefs only.
    """
    entities_file = CONTENT / "entities.yml"
    gaz = (site_gazetteer(load_site_entities(entities_file))
           if entities_file.exists() and gold_dir == GOLD else default_gazetteer())
    total: Counter = Counter()
    notes: list[str] = []
    for gold_file in sorted(gold_dir.glob("*.yml")):
        data = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        source = gold_file.parent / data["source"]
        source = source if source.exists() else ROOT / data["source"]
        counts, brief_notes = score_brief(source, data["entities"], gaz)
        total += counts
        notes += brief_notes
    out = {}
    for t in (*TYPES, "ALL"):
        types = TYPES if t == "ALL" else (t,)
        tp = sum(total[f"tp/{x}"] for x in types)
        pred = sum(total[f"pred/{x}"] for x in types)
        gold = sum(total[f"gold/{x}"] for x in types)
        out[t] = (round(tp / pred, 3) if pred else 0.0, round(tp / gold, 3) if gold else 0.0,
                  pred, gold)
    return out, notes


def main(argv: list[str] | None = None) -> int:
    """Print the scores (and, with ``--verbose``, every error)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--gold", type=Path, default=GOLD, help="folder of gold files")
    args = ap.parse_args(argv)
    scores, notes = evaluate(args.gold)
    if args.json:
        sys.stdout.write(json.dumps(scores) + "\n")
        return 0
    lines = [f"{'type':<14}{'P':>7}{'R':>7}{'pred':>6}{'gold':>6}"]
    lines += [f"{t:<14}{p:7.3f}{r:7.3f}{n:6d}{g:6d}" for t, (p, r, n, g) in scores.items()]
    if args.verbose:
        lines += notes
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
