"""Shared helpers for the analysis tests."""

import pytest

from briefs.analysis.pipeline import AnalysisConfig, analyse


@pytest.fixture
def quotes_of():
    """Analyse a body and return [(text, speaker, fragment)] of its quotes."""

    def run(body, lang="ar"):
        doc = analyse(body, lang=lang, config=AnalysisConfig())
        return [(q.text, q.speaker, q.fragment) for q in doc.quotes]

    return run
