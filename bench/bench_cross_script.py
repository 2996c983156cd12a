"""What joining names across scripts costs the site index: merge_site with and without it.

Run: ``.venv/bin/python bench/bench_cross_script.py [--briefs 10000]``

A site of generated briefs, each mentioning 25 people and 8 organisations drawn from names
no gazetteer has, Arabic and Latin (built from tests/cases/cross_script_names.yml, so many
of them are near one another; organisations are also compared by translation): the time of
``merge_site`` with the cross-script step, and without it, in the same process (best of two
runs each).
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from briefs.analysis.entities import link  # noqa: E402
from briefs.analysis.entities.keys import name_key  # noqa: E402
from briefs.analysis.entities.model import EntityRef, Mention  # noqa: E402


def documents(briefs: int) -> list[tuple[str, list[EntityRef]]]:
    """Return generated briefs' refs: many Arabic names, fewer Latin ones."""
    pairs = yaml.safe_load((ROOT / "tests/cases/cross_script_names.yml").read_text("utf-8"))
    rng = random.Random(1)
    refs: dict[str, list[EntityRef]] = {}
    for kind, label in (("person", "person"), ("organization", "org")):
        arabic = sorted({pair["ar"] for pair in pairs["pairs"] if pair["type"] == label})
        latin = sorted({pair["latin"] for pair in pairs["pairs"] if pair["type"] == label})
        # Each Arabic name four times with another name's last word: ministries of many
        # countries, people of many families.
        names = [f"{name} {rng.choice(arabic).split()[-1]}" for name in arabic for _ in range(4)]
        refs[kind] = [EntityRef(f"{kind}:{name_key(name)}", name, kind,
                                mentions=(Mention(0, len(name), name, kind, name_key(name)),))
                      for name in [*names, *latin]]
    return [(f"brief-{i}", rng.sample(refs["person"], 25) + rng.sample(refs["organization"], 8))
            for i in range(briefs)]


def best_of_two(docs: list[tuple[str, list[EntityRef]]]) -> float:
    """Return the faster of two timed runs of merge_site."""
    times = []
    for _ in range(2):
        start = time.perf_counter()
        link.merge_site(docs)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    """Print the two times and their difference."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--briefs", type=int, default=10_000)
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)  # the candidates it lists are not the point here
    docs = documents(args.briefs)
    names = len({ref.id for _, refs in docs for ref in refs})
    organisations = len({ref.id for _, refs in docs for ref in refs if ref.type == "organization"})
    with_step = best_of_two(docs)
    joiner = link._join_scripts
    link._join_scripts = lambda *_args, **_kwargs: None
    try:
        without = best_of_two(docs)
    finally:
        link._join_scripts = joiner
    print(f"{args.briefs} briefs, {names} names ({organisations} organisations): merge_site "
          f"{with_step:.2f} s with the cross-script step, {without:.2f} s without "
          f"(+{with_step - without:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
