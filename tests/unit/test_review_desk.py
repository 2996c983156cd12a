"""The review desk without a browser: queue, conflicts, a broken entities.yml, Quote_remove."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from briefs.analysis.overrides import apply_overrides
from briefs.analysis.pipeline import analyse, analyse_brief
from briefs.review.desk import Desk, DeskSettings, quote_needle
from briefs.review.edits import ConflictError, EditError
from briefs.review.queue import list_briefs
from support import FIXTURE_SITE

SUMMIT = "2024-11-20-summit.ar.md"


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE / "content", content)
    return Desk(DeskSettings(content, content / "entities.yml"), today=lambda: date(2024, 12, 1))


def test_queue_is_newest_first_and_counts_once_analysed(desk: Desk) -> None:
    rows = desk.queue()
    assert [row["path"] for row in rows] == ["2024-11-22-short.ar.md", "2024-11-21-markets.en.md",
                                             SUMMIT]
    assert all(row["doubtful"] is None for row in rows)  # nothing analysed yet: no waiting
    desk.view("2024-11-21-markets.en.md")
    counts = {row["path"]: row["doubtful"] for row in desk.queue()}
    # The quote without a speaker and Jane Doe (a tagger's name, 0.7) are doubtful.
    assert counts["2024-11-21-markets.en.md"] == {"quotes": 1, "entities": 1}


def test_view_lists_doubtful_first_with_rule_and_confidence(desk: Desk) -> None:
    view = desk.view("2024-11-21-markets.en.md")
    assert view["entities"][0]["id"] == "person:jane doe"
    assert view["entities"][0]["doubtful"]
    assert [e["doubtful"] for e in view["entities"]] == [True, False, False, False]
    quote = view["quotes"][0]
    assert (quote["speaker"], quote["doubtful"]) == (None, True)
    summit = desk.view(SUMMIT)["quotes"][0]
    assert (summit["speaker"], summit["sieve"], summit["confidence"]) == (
        "مارك روتي", "verb-subject", 0.9)
    text = "".join(piece["text"] for paragraph in view["paragraphs"] for piece in paragraph)
    assert "The market is cautious," in text
    marked = [piece for paragraph in view["paragraphs"] for piece in paragraph
              if piece["quote"] is not None]
    assert "".join(piece["text"] for piece in marked) == "The market is cautious,"


def test_a_changed_file_refuses_the_correction_and_keeps_the_other_text(desk: Desk) -> None:
    versions = desk.view(SUMMIT)["versions"]
    path = desk.settings.content / SUMMIT
    theirs = path.read_text(encoding="utf-8") + "\nA paragraph another editor added.\n"
    path.write_text(theirs, encoding="utf-8")
    with pytest.raises(ConflictError):
        desk.correct(SUMMIT, "hide", {"start": desk.view(SUMMIT)["quotes"][0]["start"]}, versions)
    assert path.read_text(encoding="utf-8") == theirs
    entities = desk.settings.entities_file
    entities.write_text("exclude: [x:y]\n", encoding="utf-8")
    with pytest.raises(ConflictError):  # the editors' file changed: entity edits wait too
        desk.correct(SUMMIT, "exclude", {"id": "organization:afp"}, desk.view(SUMMIT)["versions"]
                     | {"entities": versions["entities"]})
    assert entities.read_text(encoding="utf-8") == "exclude: [x:y]\n"


def test_a_broken_entities_file_is_shown_with_its_line_and_is_read_only(desk: Desk) -> None:
    entities = desk.settings.entities_file
    broken = "entities:\n  - type: person\n    name: [unclosed\n"
    entities.write_text(broken, encoding="utf-8")
    view = desk.view(SUMMIT)
    assert view["entities_error"]["line"] == 4
    assert "entities.yml:4: bad YAML" in view["entities_error"]["message"]
    assert view["quotes"]  # the brief is still analysed (with the built-in lists)
    with pytest.raises(EditError, match="read-only"):
        desk.correct(SUMMIT, "exclude", {"id": "organization:afp"}, view["versions"])
    assert entities.read_text(encoding="utf-8") == broken
    # Quote corrections go on: they do not touch entities.yml.
    start = view["quotes"][0]["start"]
    desk.correct(SUMMIT, "hide", {"start": start}, view["versions"])
    written = (desk.settings.content / SUMMIT).read_text("utf-8")
    assert "Quote_hide: الدعم سيستمر حتى النهاية" in written


def test_reviewed_and_undo(desk: Desk) -> None:
    path = desk.settings.content / SUMMIT
    before = path.read_text(encoding="utf-8")
    result = desk.correct(SUMMIT, "reviewed", {}, desk.view(SUMMIT)["versions"])
    assert result["brief"]["reviewed"] == "2024-12-01"
    assert "+Reviewed: 2024-12-01\n" in result["diff"]
    assert list_briefs(desk.settings.content, "ar")[-1].reviewed == "2024-12-01"
    desk.undo(SUMMIT)
    assert path.read_text(encoding="utf-8") == before
    with pytest.raises(EditError, match="nothing to undo"):
        desk.undo(SUMMIT)


def test_undo_refuses_when_the_file_changed_since(desk: Desk) -> None:
    path = desk.settings.content / SUMMIT
    desk.correct(SUMMIT, "reviewed", {}, desk.view(SUMMIT)["versions"])
    path.write_text(path.read_text(encoding="utf-8") + "\nmore\n", encoding="utf-8")
    changed = path.read_text(encoding="utf-8")
    with pytest.raises(ConflictError):
        desk.undo(SUMMIT)
    assert path.read_text(encoding="utf-8") == changed


def test_a_path_outside_the_content_folder_is_refused(desk: Desk) -> None:
    for path in ("../outside.md", "/etc/passwd", "2024-11-20-summit.ar.md/../../x.md"):
        with pytest.raises(EditError):
            desk.view(path)


def test_needle_is_unique_among_the_quotes() -> None:
    text = ("وقال روتي إن “الحلف سيبقى موحدا مهما حدث في أوروبا”. "
            "وأضاف: “الحلف سيبقى موحدا مهما حدث في آسيا”.")
    document = analyse(text, lang="ar")
    needles = [quote_needle(document, quote) for quote in document.quotes]
    assert needles == ["الحلف سيبقى موحدا مهما حدث في أوروبا",
                       "الحلف سيبقى موحدا مهما حدث في آسيا"]


def test_quote_remove_takes_the_quote_away_everywhere() -> None:
    body = "وقال روتي إن “الحلف سيبقى موحدا مهما حدث”."
    document, warnings = analyse_brief(body, lang="ar",
                                       overrides={"quote_remove": "الحلف سيبقى"})
    assert document.quotes == ()
    assert document.key_quotes == ()
    assert warnings == []
    _same, warnings = apply_overrides(analyse(body, lang="ar"), remove="لا يوجد")
    assert warnings == ["quote_remove: no quote contains 'لا يوجد'"]


def test_undo_of_the_first_entity_correction_removes_the_file_it_made(desk: Desk) -> None:
    entities = desk.settings.entities_file
    assert not entities.exists()
    result = desk.correct("2024-11-22-short.ar.md", "exclude", {"id": "place:tz-Asia/Riyadh"},
                          desk.view("2024-11-22-short.ar.md")["versions"])
    assert entities.read_text(encoding="utf-8") == "exclude:\n  - place:tz-Asia/Riyadh\n"
    assert "place:tz-Asia/Riyadh" not in [e["id"] for e in result["brief"]["entities"]]
    undone = desk.undo("2024-11-22-short.ar.md")
    assert not entities.exists()
    assert "place:tz-Asia/Riyadh" in [e["id"] for e in undone["brief"]["entities"]]


def test_accepting_a_doubtful_entity_makes_it_sure(desk: Desk) -> None:
    view = desk.view("2024-11-21-markets.en.md")
    result = desk.correct("2024-11-21-markets.en.md", "accept-entity", {"id": "person:jane doe"},
                          view["versions"])
    assert desk.settings.entities_file.read_text(encoding="utf-8") == (
        "entities:\n  - id: person:jane doe\n    type: person\n    name: Jane Doe\n")
    jane = next(e for e in result["brief"]["entities"] if e["id"] == "person:jane doe")
    assert not jane["doubtful"]


def test_review_confidence_comes_from_the_settings_file(tmp_path: Path) -> None:
    from briefs.cli.review import desk_settings
    from briefs.settings import BriefsConfigError

    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE / "content", content)
    settings = tmp_path / "conf.py"
    settings.write_text("PLUGINS = ['briefs']\nBRIEFS_REVIEW_CONFIDENCE = 0.5\n", encoding="utf-8")
    assert desk_settings(content, settings).review_confidence == 0.5
    counts = Desk(desk_settings(content, settings)).view("2024-11-21-markets.en.md")
    assert [e["doubtful"] for e in counts["entities"]] == [False] * 4  # Jane Doe's 0.7 is sure
    settings.write_text("BRIEFS_REVIEW_CONFIDENCE = 9\n", encoding="utf-8")
    with pytest.raises(BriefsConfigError, match="BRIEFS_REVIEW_CONFIDENCE"):
        desk_settings(content, settings)


def test_mujaz_review_prints_its_local_address_and_serves_the_page(tmp_path: Path) -> None:
    import subprocess
    import sys
    import urllib.request

    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE / "content", content)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefs.cli.main", "review", str(content), "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        line = process.stdout.readline()
        assert line.startswith(f"mujaz review: {content} on http://127.0.0.1:")
        url = line.split(" on ")[1].split()[0]
        with urllib.request.urlopen(url, timeout=10) as reply:
            page = reply.read().decode("utf-8")
            policy = reply.headers["Content-Security-Policy"]
        assert 'name="review-token"' in page
        assert "script-src 'self'" in policy
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
        process.stderr.close()


def test_merge_into_an_unknown_id_is_refused(desk: Desk) -> None:
    view = desk.view("2024-11-21-markets.en.md")
    with pytest.raises(EditError, match="no entity 'organization:typo'"):
        desk.correct("2024-11-21-markets.en.md", "merge",
                     {"id": "organization:ap", "into": "organization:typo"}, view["versions"])
    assert not desk.settings.entities_file.exists()
    desk.correct("2024-11-21-markets.en.md", "merge",
                 {"id": "organization:ap", "into": "organization:afp"}, view["versions"])
    assert desk.settings.entities_file.read_text(encoding="utf-8") == (
        "merge:\n  - into: organization:afp\n    from: [organization:ap]\n")
