"""Train the CRF tagger on ANERcorp: ``python -m briefs.analysis.entities.train``.

Trains on the reconstructed CAMeL train split (the repository's ``data/anercorp/``, or
``--data DIR``) minus a dev split carved from its end
(the last ``--dev`` sentences), writes ``data/ner-ar.crfsuite``, the training
lexicon ``data/ner-ar-lexicon.json`` and the common words ``data/ner-ar-common.json``
(for the phrase rules), and prints dev scores. Deterministic (L-BFGS,
fixed order, jack-knife folds by position). The test split is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from .corpus import Sentence, read_conll
from .features import build_lexicon, sentence_features, token_info
from .gazetteer import default_gazetteer
from .scoring import score
from .tagger import LEXICON_FILE, MODEL_FILE, WORDS_FILE, data_dir

TRAIN_FILE = "ANERCorp_CamelLab_train_reconstructed.txt"
DEV_SENTENCES = 400
#: A word seen this often and never inside a name is a common word.
COMMON_MIN = 3
FOLDS = 5
PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


def default_data() -> Path:
    """The repository's copy of ANERcorp: ``<repo>/data/anercorp`` (CC BY-SA 4.0)."""
    return Path(__file__).resolve().parents[4] / "data" / "anercorp"


def featurize(sentences: list[Sentence], folds: int = FOLDS) -> list[list[list[str]]]:
    """Features for training: each fold sees a lexicon built from the other folds only."""
    gaz = default_gazetteer()
    size = -(-len(sentences) // folds)
    out: list[list[list[str]]] = []
    for k in range(folds):
        part = sentences[k * size : (k + 1) * size]
        lexicon = build_lexicon(sentences[: k * size] + sentences[(k + 1) * size :])
        out += [sentence_features(toks, gaz, lexicon) for toks, _ in part]
    return out


def word_lists(sentences: list[Sentence], min_count: int = COMMON_MIN) -> dict[str, list[str]]:
    """``common``: keys seen at least ``min_count`` times and never inside a name;
    ``seen``: keys seen at least twice (the training vocabulary). Both sorted."""
    plain: Counter[str] = Counter()
    every: Counter[str] = Counter()
    named: set[str] = set()
    for toks, tags in sentences:
        for tok, tag in zip(toks, tags, strict=True):
            key = token_info(tok)[1]
            every[key] += 1
            if tag == "O":
                plain[key] += 1
            else:
                named.add(key)
    return {
        "common": sorted(k for k, n in plain.items() if n >= min_count and k not in named and k),
        "seen": sorted(k for k, n in every.items() if n >= 2 and k),
    }


def train(data: Path, out_dir: Path, dev: int = DEV_SENTENCES, params: dict | None = None,
          ) -> dict:
    """Train, save the model and lexicon into ``out_dir``, return dev scores."""
    sentences = read_conll(data / TRAIN_FILE)
    train_part, dev_part = sentences[:-dev], sentences[-dev:]
    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for feats, (_, tags) in zip(featurize(train_part), train_part, strict=True):
        trainer.append(feats, tags)
    trainer.set_params(params or PARAMS)
    out_dir.mkdir(parents=True, exist_ok=True)
    lexicon = build_lexicon(train_part)
    (out_dir / LEXICON_FILE).write_text(
        json.dumps(dict(sorted(lexicon.items())), ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8")
    (out_dir / WORDS_FILE).write_text(
        json.dumps(word_lists(train_part), ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8")
    trainer.train(str(out_dir / MODEL_FILE))
    elapsed = time.perf_counter() - t0
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out_dir / MODEL_FILE))
    gaz = default_gazetteer()
    pred = [tagger.tag(sentence_features(toks, gaz, lexicon)) for toks, _ in dev_part]
    scores = score([tags for _, tags in dev_part], pred)
    return {"seconds": round(elapsed, 1), "dev": {k: v.f for k, v in scores.items()}}


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=default_data(),
                    help="ANERcorp directory (default: the repository's data/anercorp)")
    ap.add_argument("--out", type=Path, default=data_dir(), help="where to write the model")
    ap.add_argument("--dev", type=int, default=DEV_SENTENCES, help="dev sentences at the end")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    args = ap.parse_args(argv)
    result = train(args.data, args.out, args.dev, {**PARAMS, "c1": args.c1, "c2": args.c2})
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
