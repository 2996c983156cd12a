"""Entity-level precision, recall and F1 with exact spans (seqeval-style IOB2, default mode)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


def spans(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """Return ``(type, start, end)`` spans as seqeval's default (conlleval) mode reads IOB.

    An ``I-X`` after ``O`` or after another type opens a span, like seqeval.

    >>> sorted(spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "I-ORG"]))
    [('LOC', 3, 4), ('LOC', 4, 5), ('ORG', 5, 6), ('PERS', 0, 2)]
    """
    out: set[tuple[str, int, int]] = set()
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and t != typ) or prefix == "O"
        if typ and begins:
            out.add((typ, start, i))
            typ = ""
        if prefix in ("B", "I") and (begins or not typ):
            start, typ = i, t
    return out


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall, F1 (in %) and the gold span count."""

    p: float
    r: float
    f: float
    support: int


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, Score]:
    """Return micro scores per type and ``"ALL"`` over sentences of IOB tags."""
    tp: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    npred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        for t, *_ in gs:
            ng[t] += 1
        for t, *_ in ps:
            npred[t] += 1
        for t, *_ in gs & ps:
            tp[t] += 1
    out = {}
    for t in [*sorted(set(ng) | set(npred)), "ALL"]:
        a = sum(tp.values()) if t == "ALL" else tp[t]
        b = sum(npred.values()) if t == "ALL" else npred[t]
        c = sum(ng.values()) if t == "ALL" else ng[t]
        p = 100 * a / b if b else 0.0
        r = 100 * a / c if c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = Score(round(p, 2), round(r, 2), round(f, 2), c)
    return out
