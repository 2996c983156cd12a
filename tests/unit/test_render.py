"""Direction isolation of left-to-right runs inside right-to-left text."""

from __future__ import annotations

import pytest

from briefs.htmltext import apply_wraps, extract_body
from briefs.render import isolation_wraps, ltr_runs


@pytest.mark.parametrize(("text", "runs"), [
    ("قال Mark Rutte إن", ["Mark Rutte"]),
    ("ما يصل إلى 12000 جندي في 2024", ["12000", "2024"]),
    ("مجموعة G20 ونسبة 3.5% فقط", ["G20", "3.5%"]),
    ("حلف NATO، والاتحاد EU.", ["NATO", "EU"]),
    ("لا شيء هنا", []),
])
def test_ltr_runs(text: str, runs: list[str]) -> None:
    assert [text[s:e] for s, e in ltr_runs(text)] == runs


def test_runs_never_cross_paragraphs() -> None:
    body = extract_body("<p>في 2024</p>\n<p>2025 أيضا</p>")
    html = apply_wraps(body, isolation_wraps(body))
    assert html == "<p>في <bdi>2024</bdi></p>\n<p><bdi>2025</bdi> أيضا</p>"
