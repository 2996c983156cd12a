"""Evaluate quote detection and speaker attribution against the gold files.

Run: ``.venv/bin/python eval/quotes.py [--gold tests/gold/quotes] [--quiet]``

For each ``<gold dir>/<stem>.yml`` the file named by ``source`` (relative to the gold file,
else to the repository) is read the way the site reads it (Markdown metadata header dropped,
body rendered with ``markdown.markdown(body, extensions=["extra"])``, block texts joined by
blank lines; a ``.txt`` file as it is), analysed as the build does
(:func:`briefs.analysis.pipeline.analyse_brief`, with the brief's ``Quote_*`` overrides), and
compared with the gold:

* quote spans: a prediction matches a gold quote when it covers at least 80 % of the gold span
  (one-to-one); fragments are excluded on both sides; precision, recall, F1;
* speaker accuracy over matched quotes: the predicted speaker is an entity, right when the gold
  full name is one of its names in the document (its name, aliases or mentions, compared on
  normalised keys: tashkeel, alef forms, spaces); a null gold speaker is right only when the
  prediction is ``None``;
* calibration: among matched quotes whose speaker has a confidence of 0.9 or more, how many
  are right.

Figures are printed overall and per language, followed by every miss.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

import markdown  # noqa: E402
import yaml  # noqa: E402

from briefs.analysis.model import Document, Quote, Span  # noqa: E402
from briefs.analysis.normalize import key_with_offsets, match_key  # noqa: E402
from briefs.analysis.pipeline import OVERRIDE_KEYS, analyse_brief  # noqa: E402
from briefs.markup.htmltext import extract_body  # noqa: E402

MIN_OVERLAP = 0.8


def _block_texts(html: str) -> list[str]:
    """Return the block texts of rendered HTML, as the site build extracts them."""
    return [b.text for b in extract_body(html).blocks]


def read_metadata(path: Path) -> dict[str, list[str]]:
    """Return the metadata header of a Markdown content file (repeated keys give lists)."""
    if path.suffix != ".md":
        return {}
    head = path.read_text(encoding="utf-8").partition("\n\n")[0]
    meta: dict[str, list[str]] = defaultdict(list)
    for line in head.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()].append(value.strip())
    return dict(meta)


def read_article(path: Path) -> tuple[str, str, str]:
    """Return (body, lang, title) of a content file (.md with a metadata header, or .txt)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".md":
        lang = path.stem.rsplit(".", 1)[-1] if "." in path.stem else "ar"
        return raw, lang, ""
    body = raw.partition("\n\n")[2]
    meta = read_metadata(path)
    html = markdown.markdown(body, extensions=["extra"])
    lang = (meta.get("lang") or [path.stem.rsplit(".", 1)[-1]])[0]
    return "\n\n".join(_block_texts(html)), lang, (meta.get("title") or [""])[0]


def find_gold_spans(text: str, quote: str) -> list[Span]:
    """Return the spans of ``quote`` in ``text``: every exact occurrence (a quote's words
    may also stand in the headline, unquoted), else the first on normalised keys."""
    spans = []
    i = text.find(quote)
    while i >= 0 and quote:
        spans.append(Span(i, i + len(quote)))
        i = text.find(quote, i + 1)
    if spans:
        return spans
    key, offsets = key_with_offsets(text, fold_space=True)
    needle = match_key(quote)
    j = key.find(needle) if needle else -1
    if j < 0:
        return []
    return [Span(offsets[j], offsets[j + len(needle) - 1] + 1)]


@dataclass
class Tally:
    """Counts for one language (or overall)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    spk_ok: int = 0
    spk_n: int = 0

    def add(self, other: Tally) -> None:
        """Add another tally into this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.spk_ok += other.spk_ok
        self.spk_n += other.spk_n

    @property
    def precision(self) -> float:
        """Return span precision."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Return span recall."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Return span F1."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Return speaker accuracy over matched quotes."""
        return self.spk_ok / self.spk_n if self.spk_n else 1.0


@dataclass
class Report:
    """Evaluation result: tallies per language and the list of misses."""

    per_lang: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)
    # (confidence, speaker right?) of every matched quote, for the calibration table
    rated: list[tuple[float | None, bool]] = field(default_factory=list)

    def calibration(self, floor: float = 0.9) -> tuple[int, int]:
        """Return how many matched quotes have a confidence ≥ ``floor``, and how many of
        them have the right speaker (a null speaker has no confidence: it is not counted)."""
        sure = [right for confidence, right in self.rated
                if confidence is not None and confidence >= floor]
        return len(sure), sum(sure)

    @property
    def overall(self) -> Tally:
        """Return the sum over languages."""
        total = Tally()
        for t in self.per_lang.values():
            total.add(t)
        return total


def _same_speaker(quote: Quote, doc: Document, gold: str | None) -> bool:
    """Tell whether a quote's speaker is the gold one: the speaker is an entity, so any of
    its names in the document counts (its name, aliases, the words of its mentions)."""
    if gold is None:
        return quote.speaker is None
    if quote.speaker is None:
        return False
    names = {quote.speaker}
    entity = next((e for e in doc.entities if e.id == quote.speaker_id), None)
    if entity is not None:
        names |= {entity.name, *entity.aliases, *(m.text for m in entity.mentions)}
    return match_key(gold) in {match_key(name) for name in names}


def evaluate_file(gold_path: Path, report: Report) -> Document | None:
    """Evaluate one gold file into ``report``; return the analysed document."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
    # A source is relative to the gold file (sets kept outside the repository), else to
    # the repository (tests/gold/quotes names content/…).
    source = gold_path.parent / gold["source"]
    if not source.is_file():
        source = ROOT / gold["source"]
    body, lang, title = read_article(source)
    meta = read_metadata(source)
    doc, warnings = analyse_brief(body, lang=lang, title=title,
                                  overrides={key: meta.get(key) for key in OVERRIDE_KEYS})
    report.misses.extend(f"{gold_path.stem}: override warning: {w}" for w in warnings)
    tally = report.per_lang[lang.split("-")[0]]
    name = gold_path.stem
    preds = [q for q in doc.quotes if not q.fragment]
    used: set[int] = set()
    for g in gold.get("quotes") or []:
        if g.get("fragment"):
            continue
        spans = find_gold_spans(doc.text, str(g["text"]))
        if not spans:
            tally.fn += 1
            report.misses.append(f"{name}: gold text not found in body: {g['text'][:60]!r}")
            continue
        # The occurrence a prediction covers best (as a share of its length) is the quote.
        best, best_share = -1, 0.0
        for span in spans:
            for k, q in enumerate(preds):
                share = sum(p.overlap(span) for p in q.parts) / len(span)
                if k not in used and share > best_share:
                    best, best_share = k, share
        if best < 0 or best_share < MIN_OVERLAP:
            tally.fn += 1
            report.misses.append(f"{name}: MISSED quote {g['text'][:60]!r}")
            continue
        used.add(best)
        tally.tp += 1
        q = preds[best]
        tally.spk_n += 1
        right = _same_speaker(q, doc, g.get("speaker"))
        report.rated.append((q.confidence, right))
        if right:
            tally.spk_ok += 1
        else:
            report.misses.append(
                f"{name}: SPEAKER {q.speaker!r} (sieve {q.sieve}, cue {q.cue!r}) "
                f"!= gold {g.get('speaker')!r} for {g['text'][:50]!r}"
            )
    for k, q in enumerate(preds):
        if k not in used:
            tally.fp += 1
            report.misses.append(f"{name}: SPURIOUS quote {q.text[:60]!r} (speaker {q.speaker!r})")
    return doc


def evaluate(gold_dir: Path = ROOT / "tests" / "gold" / "quotes") -> Report:
    """Evaluate every gold file in ``gold_dir``."""
    report = Report()
    for path in sorted(gold_dir.glob("*.yml")):
        evaluate_file(path, report)
    return report


def _line(label: str, t: Tally) -> str:
    """Format one row of figures."""
    return (
        f"{label:8} P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}  "
        f"(tp {t.tp}, fp {t.fp}, fn {t.fn})   speaker acc {t.speaker_accuracy:.3f} "
        f"({t.spk_ok}/{t.spk_n})"
    )


def main(argv: list[str] | None = None) -> int:
    """Print the figures and misses; return 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "quotes")
    ap.add_argument("--quiet", action="store_true", help="figures only, no list of misses")
    args = ap.parse_args(argv)
    report = evaluate(args.gold)
    print(_line("overall", report.overall))
    for lang in sorted(report.per_lang):
        print(_line(lang, report.per_lang[lang]))
    sure, right = report.calibration()
    print(f"calibration: {right}/{sure} speakers right among quotes with confidence >= 0.9"
          f" ({right / sure if sure else 1:.3f})")
    if not args.quiet:
        print(f"\n{len(report.misses)} misses:")
        for miss in report.misses:
            print("  " + miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
