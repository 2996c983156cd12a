"""The analysis cache only ever saves time: a damaged entry or a read-only cache never costs
a brief its quotes and entities."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path
from types import SimpleNamespace

import pytest

from briefs.analysis.entities import default_gazetteer
from briefs.analysis.pipeline import analyse_brief
from briefs.cache import AnalysisCache, CachedAnalysis
from briefs.pelican.articles import analyse_article
from briefs.settings import BriefsSettings

BODY = "بروكسل (أ ف ب) – وقال الأمين العام لحلف شمال الأطلسي مارك روتي إن “الحلف سيبقى موحدا”."

#: Bytes a torn write or foreign code could leave, each failing to unpickle differently.
DAMAGED = {
    "missing module": b"cno_such_module_x\nThing\n.",  # ModuleNotFoundError
    "bad utf-8": b"X\x01\x00\x00\x00\xff.",  # UnicodeDecodeError
    "bad number": b"I12x\n.",  # ValueError
    "garbage": b"\x00garbage",  # UnpicklingError
    "truncated": b"\x80\x04\x95\x05",  # UnpicklingError
    "empty": b"",  # EOFError
    "another object": pickle.dumps({"document": "not one"}),  # unpickles, but is no entry
}


@pytest.fixture(scope="module")
def entry() -> CachedAnalysis:
    document, warnings = analyse_brief(BODY, lang="ar")
    return CachedAnalysis(document, tuple(warnings))


def entry_path(cache: AnalysisCache, key: str) -> Path:
    assert cache.directory is not None
    return cache.directory / key[:2] / f"{key}.pickle"


@pytest.mark.parametrize("damage", list(DAMAGED.values()), ids=list(DAMAGED))
def test_a_damaged_entry_is_a_miss_and_the_next_put_replaces_it(
        tmp_path: Path, entry: CachedAnalysis, damage: bytes) -> None:
    cache = AnalysisCache(tmp_path)
    key = cache.key([BODY])
    path = entry_path(cache, key)
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    assert cache.get(key) is None
    assert (cache.hits, cache.misses) == (0, 1)
    cache.put(key, entry)
    assert pickle.loads(path.read_bytes()) == entry
    assert cache.get(key) == entry
    assert cache.hits == 1


def test_a_damaged_entry_is_logged_with_its_path_at_debug(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cache = AnalysisCache(tmp_path)
    path = entry_path(cache, "ab" * 32)
    path.parent.mkdir(parents=True)
    path.write_bytes(DAMAGED["bad utf-8"])
    with caplog.at_level(logging.DEBUG, logger="briefs.cache"):
        assert cache.get("ab" * 32) is None
    [record] = caplog.records
    assert record.levelno == logging.DEBUG
    assert str(path) in record.getMessage()
    assert "UnicodeDecodeError" in record.getMessage()


def test_writes_leave_no_temporary_file(tmp_path: Path, entry: CachedAnalysis) -> None:
    cache, other = AnalysisCache(tmp_path), AnalysisCache(tmp_path)
    key = cache.key([BODY])
    cache.put(key, entry)
    other.put(key, entry)
    assert [path.name for path in tmp_path.rglob("*") if path.is_file()] == [f"{key}.pickle"]
    assert AnalysisCache(tmp_path).get(key) == entry


def test_a_failed_replace_removes_its_temporary_file(
        tmp_path: Path, entry: CachedAnalysis, caplog: pytest.LogCaptureFixture) -> None:
    cache = AnalysisCache(tmp_path)
    key = cache.key([BODY])
    path = entry_path(cache, key)
    (path / "in-the-way").mkdir(parents=True)  # a directory where the entry goes
    cache.put(key, entry)
    assert not list(path.parent.glob("*.tmp"))
    assert "cannot be written" in caplog.text


def test_ctrl_c_during_a_write_leaves_no_temporary_file(
        tmp_path: Path, entry: CachedAnalysis, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = AnalysisCache(tmp_path)
    key = cache.key([BODY])

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.put(key, entry)
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_cache_that_cannot_be_written_logs_one_warning(
        tmp_path: Path, entry: CachedAnalysis, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory should be")
    cache = AnalysisCache(blocker)
    with caplog.at_level(logging.WARNING, logger="briefs.cache"):
        cache.put(cache.key([BODY]), entry)
        cache.put(cache.key(["another brief"]), entry)
    [warning] = caplog.records
    assert str(blocker) in warning.getMessage()
    assert cache.get(cache.key([BODY])) is None


def test_a_brief_with_a_damaged_cache_entry_keeps_its_annotations(tmp_path: Path) -> None:
    settings = BriefsSettings.from_pelican({"CACHE_PATH": str(tmp_path), "DEFAULT_LANG": "ar"})
    cache = AnalysisCache(settings.cache_dir)
    article = SimpleNamespace(_content=f"<p>{BODY}</p>", lang="ar", title="روتي",
                              metadata={}, source_path="brief.md")
    first = analyse_article(article, settings, default_gazetteer(), cache)
    [path] = (tmp_path / "briefs").rglob("*.pickle")
    path.write_bytes(DAMAGED["missing module"])

    again = analyse_article(article, settings, default_gazetteer(), AnalysisCache(
        settings.cache_dir))
    assert again.document is not None
    assert again.document == first.document
    assert [quote.speaker for quote in again.document.quotes] == ["مارك روتي"]
    assert "حلف شمال الأطلسي" in {entity.name for entity in again.document.entities}
    assert pickle.loads(path.read_bytes()).document == first.document


def test_analyses_read_back_apart_share_their_entity_strings() -> None:
    # A build reads 10,000 analyses back, each from its own pickle: an entity's id, type
    # and key must be one object in all of them, not one copy a brief.
    first, _ = analyse_brief(BODY, lang="ar")
    second, _ = analyse_brief(BODY.replace("موحدا", "قويا"), lang="ar")
    one = pickle.loads(pickle.dumps(first))
    other = pickle.loads(pickle.dumps(second))
    assert one == first and other == second
    a, b = one.entities[0], other.entities[0]
    assert a.id == b.id and a.id is b.id and a.type is b.type
    assert a.mentions[0].key is b.mentions[0].key
