"""Score the cross-script name matcher on pairs of real public figures' names.

Run: ``.venv/bin/python eval/names.py [--pairs tests/cases/cross_script_names.yml]
[--type person|org] [--at sure|likely] [--first N]``

Each pair is an Arabic and a Latin name with the expected answer (the same person or body,
or two different ones with similar names). A pair is predicted "same" when
:func:`briefs.analysis.entities.cross_script.pair_score` reaches the threshold: ``SURE``
(what joins on the name alone) and ``LIKELY`` (what joins with one more clue in a build).
A person's names are compared by transliteration; an organisation's also by translation
(الاتحاد الأوروبي / European Union). Prints precision and recall at each, for people,
organisations and all pairs, and the pairs it gets wrong at ``--at`` (of ``--type`` only,
if given). ``--first N`` scores only the first N pairs of the file and ``--from N`` the
pairs after them (pairs added later, measured apart).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from briefs.analysis.entities.cross_script import LIKELY, SURE, pair_score  # noqa: E402


def scores(pairs: list[dict]) -> list[tuple[float, dict]]:
    """Return each pair's match score with the pair."""
    return [(pair_score(pair["type"], pair["ar"], pair["latin"]), pair) for pair in pairs]


def figures(scored: list[tuple[float, dict]], threshold: float) -> tuple[float, float, int, int]:
    """Return precision, recall, false merges and missed matches at ``threshold``."""
    tp = sum(1 for score, pair in scored if score >= threshold and pair["same"])
    fp = sum(1 for score, pair in scored if score >= threshold and not pair["same"])
    fn = sum(1 for score, pair in scored if score < threshold and pair["same"])
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, fp, fn)


def main(argv: list[str] | None = None) -> int:
    """Print the figures; return 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, default=ROOT / "tests/cases/cross_script_names.yml")
    ap.add_argument("--type", choices=("person", "org"), help="list the errors of this type only")
    ap.add_argument("--at", choices=("sure", "likely"), default="sure",
                    help="list the errors at this threshold")
    ap.add_argument("--first", type=int, help="score only the first N pairs")
    ap.add_argument("--from", dest="start", type=int, default=0,
                    help="score only the pairs after the first N")
    args = ap.parse_args(argv)
    pairs = yaml.safe_load(args.pairs.read_text(encoding="utf-8"))["pairs"]
    pairs = pairs[args.start:args.first]
    scored = scores(pairs)
    same = sum(1 for pair in pairs if pair["same"])
    print(f"{len(pairs)} pairs: {same} same, {len(pairs) - same} different")
    for kind in ("person", "org", "all"):
        subset = [item for item in scored if kind in ("all", item[1]["type"])]
        for label, threshold in (("sure", SURE), ("likely", LIKELY)):
            precision, recall, fp, fn = figures(subset, threshold)
            print(f"{kind:6} {label:6} (score >= {threshold}): precision {precision:.3f}  "
                  f"recall {recall:.3f}  ({fp} wrong merges, {fn} missed; {len(subset)} pairs)")
    at = SURE if args.at == "sure" else LIKELY
    for score, pair in sorted(scored, key=lambda item: item[0]):
        if (score >= at) != pair["same"] and args.type in (None, pair["type"]):
            verdict = "WRONG MERGE" if score >= at else "missed"
            print(f"  {verdict:11} {score:.2f}  {pair['ar']} / {pair['latin']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
