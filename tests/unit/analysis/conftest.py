"""Shared helpers for the analysis tests."""

import re

import pytest

from briefs.analysis.pipeline import AnalysisConfig, analyse


def standin_strip(paragraphs, patterns):
    """A local stand-in with the lead's ``strip_trailing_boilerplate`` contract."""
    kept = len(paragraphs)
    while kept and all(any(p.fullmatch(line.strip().rstrip(".:")) for p in patterns)
                       for line in paragraphs[kept - 1].splitlines() if line.strip()):
        kept -= 1
    removed = [ln.strip() for p in paragraphs[kept:] for ln in p.splitlines() if ln.strip()]
    return kept, removed


STANDIN_PATTERNS = (re.compile("شاركها", re.I), re.compile("exit mobile version", re.I))


@pytest.fixture
def quotes_of():
    """Analyse a body and return [(text, speaker, fragment)] of its quotes."""

    def run(body, lang="ar"):
        doc = analyse(body, lang=lang, config=AnalysisConfig())
        return [(q.text, q.speaker, q.fragment) for q in doc.quotes]

    return run
