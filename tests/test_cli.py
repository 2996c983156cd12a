"""The ``mujaz`` command: annotate one file as JSON or text; import a raw article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefs.cli.main import main
from briefs.cli.sources import read_content_file
from support import ROOT

SEED = ROOT / "content" / "2024-11-14-nato-china-north-korea.ar.md"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefs.cli.main", *args], capture_output=True,
                          text=True, check=False, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT / "plugins")})


def test_annotate_prints_the_documented_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["lang", "direction", "title", "text", "dateline", "boilerplate",
                          "quotes", "entities"]
    assert (data["lang"], data["direction"]) == ("ar", "rtl")
    assert data["dateline"] == {"place": "بروكسل", "agency": "أ ف ب"}
    assert [line["text"] for line in data["boilerplate"]] == ["شاركها.", "Exit mobile version"]
    assert {line["kind"] for line in data["boilerplate"]} == {"share"}
    assert all(line["start"] < line["end"] for line in data["boilerplate"])
    assert "شاركها" not in data["text"]
    text = data["text"]
    by_id = {entity["id"]: entity for entity in data["entities"]}
    for quote in data["quotes"]:
        assert set(quote) == {"text", "speaker", "speaker_id", "speaker_mention", "sieve",
                              "confidence", "start", "end", "fragment", "cue"}
        assert quote["text"].startswith(text[quote["start"]:quote["start"] + 10])
        if quote["speaker"] is not None:
            # Every speaker is an entity of the brief, named by its display name.
            assert by_id[quote["speaker_id"]]["name"] == quote["speaker"]
            assert 0 < quote["confidence"] <= 1
            mention = quote["speaker_mention"]
            assert text[mention["start"]:mention["end"]] == mention["text"]
    speakers = {quote["speaker"] for quote in data["quotes"]}
    assert {"مارك روتي", "جوزيب بوريل"} <= speakers
    names = {entity["name"]: entity for entity in data["entities"]}
    assert names["مارك روتي"]["type"] == "person"
    assert names["حلف شمال الأطلسي"]["type"] == "organization"
    for entity in data["entities"]:
        assert 0 < entity["confidence"] <= 1
        for mention in entity["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]


def test_annotate_a_plain_text_article_as_text(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    seed_txt = tmp_path / "afp-nato-china-north-korea.ar.txt"
    seed_txt.write_text(read_content_file(SEED).body, encoding="utf-8")
    assert main(["annotate", str(seed_txt), "--format", "text", "--lang", "ar"]) == 0
    out = capsys.readouterr().out
    assert "dateline: بروكسل (أ ف ب)" in out
    assert "مارك روتي <قال>" in out


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.md", None, "missing.md: cannot be read"),
    ("latin1.md", b"Title: x\n\ncaf\xe9", "latin1.md: not valid UTF-8"),
    ("notes.docx", b"x", "notes.docx: unknown kind of file"),
])
def test_unreadable_file_exits_non_zero_with_one_line(tmp_path: Path, name: str,
                                                      content: bytes | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("annotate", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr


def test_bad_entities_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "entities.yml").write_text("entities:\n  - type: martian\n    name: x\n")
    brief = tmp_path / "b.md"
    brief.write_text("Title: t\nLang: ar\n\nنص.\n", encoding="utf-8")
    result = run("annotate", str(brief))
    assert result.returncode == 1
    assert "entities.yml:2" in result.stderr


def test_import_writes_a_brief_and_never_overwrites(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "page.html"
    source.write_text("<html><body><nav>Home</nav><article><h1>x</h1><p># not a heading</p>"
                      "<p>بروكسل (أ ف ب) – نص <b>الخبر</b>.</p><p>شاركها.</p></article>"
                      "</body></html>", encoding="utf-8")
    args = ["import", str(source), "--title", "عنوان", "--slug", "Test Brief", "--date",
            "2024-11-20T10:00", "--content", str(tmp_path / "content")]
    assert main(args) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.name == "2024-11-20-test-brief.ar.md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("Title: عنوان\nDate: 2024-11-20 10:00\nLang: ar\nSlug: test-brief\n")
    assert "\\# not a heading" in text
    assert "بروكسل (أ ف ب) – نص الخبر." in text
    assert "Home" not in text
    assert main(args) == 0  # skipped, not failed: the brief is never overwritten
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "0 imported, 1 skipped" in captured.err
    assert "already exists" in captured.err


def test_annotate_explain_says_why_each_speaker_and_name(capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    assert main(["annotate", str(SEED), "--explain"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"rule", "action", "type", "start", "end", "text"} <= set(data["explanations"][0])
    assert any(item["rule"] == "org_phrases" for item in data["explanations"])
    assert main(["annotate", str(SEED), "--format", "text", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "مارك روتي ← verb-subject (0.90) named by «مارك روتي»" in out
    assert "org_phrases added organization: إدارة بايدن" in out
