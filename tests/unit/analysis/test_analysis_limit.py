"""BRIEFS_MAX_ANALYSED_CHARS: a brief longer than the analysis reads says so, and quotes
and names are cut at the same place."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import pytest

from briefs.analysis.entities import default_gazetteer
from briefs.analysis.pipeline import AnalysisConfig, analyse_brief
from briefs.cache import AnalysisCache
from briefs.pelican.articles import analyse_article
from briefs.settings import BriefsConfigError, BriefsSettings

FIRST = "قال الأمين العام لحلف شمال الأطلسي مارك روتي إن “الحلف سيبقى موحدا مهما حدث”."
PADDING = " ".join(["وتابع الاجتماع أعماله في بروكسل."] * 8)
LAST = "وقال جوزيب بوريل إن “أوروبا لن تتراجع عن دعمها”."
BODY = f"{FIRST}\n\n{PADDING}\n\n{LAST}"
LIMIT = len(FIRST) + 20  # the second paragraph is cut; the last is not read


def test_an_overlong_brief_is_analysed_up_to_the_limit_with_a_warning() -> None:
    document, warnings = analyse_brief(BODY, lang="ar",
                                       config=AnalysisConfig(max_analysed_chars=LIMIT))
    assert warnings == [f"the brief has {len(document.text)} characters; only the first "
                        f"{LIMIT} are analysed (BRIEFS_MAX_ANALYSED_CHARS)"]
    # Quotes and entities stop at the same place: nothing from the last paragraph.
    assert [quote.speaker for quote in document.quotes] == ["مارك روتي"]
    names = {entity.name for entity in document.entities}
    assert "مارك روتي" in names
    assert "جوزيب بوريل" not in names


def test_a_brief_within_the_limit_has_no_warning() -> None:
    document, warnings = analyse_brief(BODY, lang="ar",
                                       config=AnalysisConfig(max_analysed_chars=len(BODY)))
    assert warnings == []
    assert [quote.speaker for quote in document.quotes] == ["مارك روتي", "جوزيب بوريل"]


def test_the_build_reports_the_cut_with_the_file_name_cached_or_not(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = BriefsSettings.from_pelican({"BRIEFS_MAX_ANALYSED_CHARS": LIMIT,
                                            "CACHE_PATH": str(tmp_path), "DEFAULT_LANG": "ar"})
    content = "".join(f"<p>{paragraph}</p>" for paragraph in (FIRST, PADDING, LAST))
    # Two builds; the second takes the analysis from the cache. (Pelican's log filter drops
    # a repeated message within a process, so the second build names another file.)
    for build, name in enumerate(["brief.md", "copy.md"]):
        article = SimpleNamespace(_content=content, lang="ar", title="روتي", metadata={},
                                  source_path=name)
        cache = AnalysisCache(settings.cache_dir)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="briefs.pelican.articles"):
            analyse_article(article, settings, default_gazetteer(), cache)
        assert cache.hits == build
        assert [record.getMessage() for record in caplog.records] == [
            f"{name}: the brief has {len(BODY)} characters; only the first {LIMIT} are "
            "analysed (BRIEFS_MAX_ANALYSED_CHARS)"]


def test_a_limit_of_zero_is_refused() -> None:
    with pytest.raises(BriefsConfigError, match="BRIEFS_MAX_ANALYSED_CHARS must be 1 or more"):
        BriefsSettings.from_pelican({"BRIEFS_MAX_ANALYSED_CHARS": 0})
    with pytest.raises(ValueError, match="max_analysed_chars must be >= 1"):
        AnalysisConfig(max_analysed_chars=0)
