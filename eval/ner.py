"""Evaluate the entity recogniser on the ANERcorp CAMeL test split.

Run: ``.venv/bin/python eval/ner.py [--data DIR] [--split test|dev] [--json]``

Entity-level micro P/R/F1 with exact spans (seqeval-style IOB2, our own scorer in
``briefs.analysis.entities.scoring``), overall and per type, for the full recogniser
(CRF tagger + gazetteers + rules) through ``tag_tokens`` on ANERcorp's pre-split tokens:

* ``sentence``: each sentence alone;
* ``document``: consecutive sentences grouped into pseudo-documents of at least 700
  tokens (ANERcorp marks no article boundaries; a brief is about that long), so that
  document propagation (a name found once is found again) runs as it does on briefs.

Speed is measured by ``bench/bench_analysis.py``.

The data is the repository's copy in ``data/anercorp/`` (CC BY-SA 4.0); its train file is a
reconstruction of the official one (see ``data/anercorp/README.md``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from briefs.analysis.entities.corpus import pseudo_documents, read_conll
from briefs.analysis.entities.recognise import tag_document, tag_tokens
from briefs.analysis.entities.scoring import Score, score
from briefs.analysis.entities.train import DEV_SENTENCES, TRAIN_FILE, default_data

TEST_FILE = "ANERCorp_CamelLab_test.txt"
ROOT = Path(__file__).resolve().parents[1]


def evaluate(data: Path, split: str = "test") -> dict[str, dict[str, Score]]:
    """Score the sentence and document modes on the test split (or ``dev``: the last
    ``DEV_SENTENCES`` sentences of the train file, which the committed model never saw)."""
    test = (read_conll(data / TEST_FILE) if split == "test"
            else read_conll(data / TRAIN_FILE)[-DEV_SENTENCES:])
    gold = [tags for _, tags in test]
    sentence = [tag_tokens(toks) for toks, _ in test]
    document = [tags for doc in pseudo_documents(test)
                for tags in tag_document([toks for toks, _ in doc])]
    return {"sentence": score(gold, sentence), "document": score(gold, document)}


def main(argv: list[str] | None = None) -> int:
    """Print the scores."""
    ap = argparse.ArgumentParser(description="Evaluate NER on the ANERcorp CAMeL test split.")
    ap.add_argument("--data", type=Path, default=default_data(),
                    help="ANERcorp directory (default: data/anercorp)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("--split", choices=("test", "dev"), default="test",
                    help="dev: the train file's held-out tail, for tuning rules")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    results = evaluate(args.data, args.split)
    if args.json:
        out = {mode: {t: [s.p, s.r, s.f, s.support] for t, s in sc.items()}
               for mode, sc in results.items()}
        sys.stdout.write(json.dumps(out) + "\n")
        return 0
    lines = [f"ANERcorp CAMeL {args.split} split ({time.perf_counter() - t0:.1f} s)",
             f"{'mode':<10}{'type':<6}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}"]
    for mode, sc in results.items():
        for t in ("ALL", "PERS", "LOC", "ORG", "MISC"):
            s = sc.get(t, Score(0, 0, 0, 0))
            lines.append(f"{mode:<10}{t:<6}{s.p:7.2f}{s.r:7.2f}{s.f:7.2f}{s.support:6d}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
