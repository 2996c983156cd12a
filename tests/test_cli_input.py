"""``mujaz annotate`` on any input: standard input, odd paths and hostile text give an
analysis or one line naming the file, never a traceback and never a wait."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import briefs.cli.main
from briefs.cli.main import main
from support import ROOT

BODY = "بروكسل (أ ف ب) – قال مارك روتي إن “الحلف سيبقى موحدا مهما حدث”.\n"
BRIEF = f"Title: روتي\nLang: ar\n\n{BODY}"


def feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    return captured.err


def test_a_brief_on_standard_input_keeps_its_metadata(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    feed(monkeypatch, BRIEF.encode())
    assert main(["annotate", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["title"], data["lang"]) == ("روتي", "ar")
    assert data["text"] == BODY.strip()
    assert [quote["speaker"] for quote in data["quotes"]] == ["مارك روتي"]


def test_a_plain_article_on_standard_input_is_read_as_text(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A first line that reads like "Key: value" is not metadata without a Title.
    text = "LONDON: The minister said “we will not give up”.\n\n**Second** paragraph.\n"
    feed(monkeypatch, text.encode())
    assert main(["annotate", "-", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == ""
    assert data["text"].startswith("LONDON: The minister")
    assert "**Second**" in data["text"]


def test_kind_md_reads_markdown_without_metadata(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    feed(monkeypatch, b"**Second** paragraph.\n")
    assert main(["annotate", "-", "--kind", "md", "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == "Second paragraph."


def test_kind_txt_overrides_a_markdown_suffix(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "brief.md"
    path.write_text(BRIEF, encoding="utf-8")
    assert main(["annotate", str(path), "--kind", "txt"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == ""
    assert data["text"].startswith("Title: روتي")


def test_bad_utf8_on_standard_input_is_one_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    feed(monkeypatch, b"Title: x\n\ncaf\xe9\n")
    assert main(["annotate", "-"]) == 1
    assert "mujaz annotate: <stdin>: not valid UTF-8 (byte 13)" in one_line_error(capsys)


def run_with_timeout(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``mujaz`` in a child process: a blocked read fails the test instead of hanging it."""
    return subprocess.run([sys.executable, "-m", "briefs.cli.main", *args], capture_output=True,
                          text=True, check=False, cwd=ROOT, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})


@pytest.mark.parametrize("kind", ["fifo", "directory", "device"])
def test_a_path_that_is_not_a_regular_file_is_refused_at_once(tmp_path: Path,
                                                              kind: str) -> None:
    path = tmp_path / "brief.md"
    if kind == "fifo":
        os.mkfifo(path)  # opening it would wait for a writer for ever
    elif kind == "directory":
        path.mkdir()
    else:
        path = Path(os.devnull)
    result = run_with_timeout("annotate", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"mujaz annotate: {path}: not a regular file\n"


def test_an_entities_fifo_is_refused_at_once(tmp_path: Path) -> None:
    brief = tmp_path / "brief.md"
    brief.write_text(BRIEF, encoding="utf-8")
    os.mkfifo(tmp_path / "entities.yml")  # found beside the brief, as the default
    result = run_with_timeout("annotate", str(brief))
    assert result.returncode == 1
    assert result.stderr.startswith(f"mujaz annotate: {tmp_path / 'entities.yml'}: "
                                    "not a regular file")


def test_deeply_nested_markdown_is_a_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.md"
    path.write_text("Title: x\n\n" + "- " * 5000 + "x\n", encoding="utf-8")
    assert main(["annotate", str(path)]) == 1
    assert one_line_error(capsys).startswith(f"mujaz annotate: {path}: the Markdown is nested "
                                             "too deeply")


def test_a_missing_entities_file_is_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief = tmp_path / "brief.md"
    brief.write_text(BRIEF, encoding="utf-8")
    missing = tmp_path / "entites.yml"
    assert main(["annotate", str(brief), "--entities", str(missing)]) == 1
    assert one_line_error(capsys).startswith(f"mujaz annotate: {missing}: no such file")


def test_an_analysis_bug_is_one_line_naming_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    brief = tmp_path / "brief.md"
    brief.write_text(BRIEF, encoding="utf-8")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise UnicodeError("the analyser\nmet something new")

    monkeypatch.setattr(briefs.cli.main, "analyse_brief", broken)
    assert main(["annotate", str(brief)]) == 1
    assert one_line_error(capsys) == (f"mujaz annotate: {brief}: the analysis failed: "
                                      "UnicodeError: the analyser met something new\n")
