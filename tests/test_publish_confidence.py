"""BRIEFS_PUBLISH_CONFIDENCE: a brief nobody reviewed shows only sure speakers and entities.

The expectations come from the analysis itself (``mujaz annotate``), so the test follows the
analyser's confidences instead of copying today's numbers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, build_site

pytestmark = pytest.mark.slow

BRIEF = """\
Title: اختبار الثقة
Date: 2024-11-20 09:30
Lang: ar
Slug: confidence-test
{reviewed}
بروكسل (أ ف ب) – قال الأمين العام لحلف شمال الأطلسي مارك روتي للصحافيين إن "الدعم سيستمر طويلا".

والتقى المدرب سامح الزعبلاوي لاعبي الفريق في عمان أمس، وتحدث معهم عن المباراة المقبلة.

وأضاف: "نحن جاهزون للمباراة ولن نستسلم أبدا".
"""


def _analysis(path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "briefs.cli.main", "annotate", str(path), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"})
    return json.loads(result.stdout)


def _build(tmp_path: Path, name: str, reviewed: str, threshold: float) -> dict:
    content = tmp_path / name / "content"
    content.mkdir(parents=True)
    (content / "brief.ar.md").write_text(BRIEF.format(reviewed=reviewed), encoding="utf-8")
    output = tmp_path / name / "output"
    build_site(content, output, BRIEFS_PUBLISH_CONFIDENCE=threshold, BRIEFS_SEARCH=False,
               BRIEFS_CACHE=False, BRIEFS_WORKERS=1)
    briefs = json.loads((output / "api" / "briefs.json").read_text(encoding="utf-8"))["briefs"]
    entities = json.loads((output / "api" / "entities.json").read_text(encoding="utf-8"))
    html = (output / briefs[0]["url"]).read_text(encoding="utf-8")
    return {"brief": briefs[0], "entities": {e["name"] for e in entities["entities"]},
            "html": html}


def test_unreviewed_brief_hides_what_is_below_the_threshold_and_reviewed_shows_all(tmp_path):
    source = tmp_path / "brief.ar.md"
    source.write_text(BRIEF.format(reviewed=""), encoding="utf-8")
    analysis = _analysis(source)
    confidences = sorted({e["confidence"] for e in analysis["entities"]})
    assert len(confidences) >= 2, "the brief needs sure and doubtful entities to test anything"
    threshold = confidences[-1]  # the surest entities stay, every other one is below
    doubtful = {e["name"] for e in analysis["entities"] if e["confidence"] < threshold}
    sure = {e["name"] for e in analysis["entities"] if e["confidence"] >= threshold}
    attributed = [q for q in analysis["quotes"] if q["speaker"] and not q["fragment"]]
    assert attributed

    hidden = _build(tmp_path, "unreviewed", "", threshold)
    speakers = {q["text"]: q["speaker"] for q in hidden["brief"]["quotes"]}
    for quote in attributed:
        expected = quote["speaker"] if quote["confidence"] >= threshold else None
        assert speakers[quote["text"]] == expected
    kept_speakers = {q["speaker"] for q in attributed if q["confidence"] >= threshold}
    assert hidden["entities"] == sure | kept_speakers
    for name in doubtful - kept_speakers:
        assert f">{name}<" not in hidden["html"]  # neither linked nor listed beside the text

    shown = _build(tmp_path, "reviewed", "Reviewed: 2026-12-07\n", threshold)
    assert {q["text"]: q["speaker"] for q in shown["brief"]["quotes"]} == {
        q["text"]: q["speaker"] for q in analysis["quotes"] if not q["fragment"]}
    assert shown["entities"] == sure | doubtful


def test_a_reviewed_value_that_is_not_a_date_counts_as_not_reviewed(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "brief.ar.md").write_text(BRIEF.format(reviewed="Reviewed: yes\n"),
                                         encoding="utf-8")
    result = build_site(content, tmp_path / "output", fatal=False,
                        BRIEFS_PUBLISH_CONFIDENCE=0.99, BRIEFS_SEARCH=False, BRIEFS_CACHE=False,
                        BRIEFS_WORKERS=1)
    log = result.stdout + result.stderr
    assert "brief.ar.md" in log
    assert "Reviewed: 'yes' is not a date" in log
    briefs = json.loads((tmp_path / "output" / "api" / "briefs.json").read_text(
        encoding="utf-8"))["briefs"]
    assert all(q["speaker"] is None for q in briefs[0]["quotes"])

