"""Content files that cannot be read: named with the reason, and a failing build.

Pelican alone logs ``Could not process FILE`` and exits 0 without the file; with the briefs
plugin the log says why (``FILE:LINE: reason``), the rest of the site is still written, and
the build exits non-zero unless ``BRIEFS_SKIP_UNREADABLE = True``.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import pytest
from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import get_date

from briefs.pelican.content_errors import (
    REGISTRY_KEY,
    MetadataValueError,
    Unreadable,
    explain,
    watch_readers,
)
from support import build_site, file_hashes

CONTENT = Path(__file__).resolve().parent / "pelicansite" / "content"

# Each bad file, and what the log must say about it after its path.
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "bad-date.md": (
        b"Title: A date that does not exist\nLang: en\nSlug: bad-date\nDate: 2024-13-45\n\nText.\n",
        ":4: Date '2024-13-45' is not a valid date (month must be in 1..12). "
        "Fix: write it as 2024-11-14 or 2024-11-14 10:00"),
    "latin1.md": (
        "Title: Café talks\nDate: 2024-11-20\nLang: en\nSlug: latin1\n\nText.\n".encode("latin-1"),
        ":1: not valid UTF-8 at byte 10: save it as UTF-8"),
    "wide.ar.md": (
        "Title: نص\nDate: 2024-11-20\nLang: ar\nSlug: wide\n\nنص عربي.\n".encode("utf-16"),
        ":1: not valid UTF-8 at byte 0 (it looks like UTF-16: save it as UTF-8)"),
    "pages/notes.md": (
        b"Title: Notes\nLang: en\nSlug: notes\n\nA line in \xff\xfe\xfd bytes.\n",
        ":5: not valid UTF-8 at byte 45: save it as UTF-8"),
}


def copy_with_bad_files(destination: Path) -> Path:
    """Return a copy of the Pelican-style fixture site with every bad file added."""
    content = destination / "content"
    shutil.copytree(CONTENT, content)
    for name, (data, _) in BAD_FILES.items():
        (content / name).write_bytes(data)
    return content


def one_line(result: subprocess.CompletedProcess) -> str:
    return " ".join((result.stdout + result.stderr).split())


def build(content: Path, output: Path, **settings: object) -> subprocess.CompletedProcess:
    """Build as ``pelican content`` does (no ``--fatal``), whatever the exit status."""
    # Wide enough that the log keeps each path on one line.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COLUMNS", "1000")
        return build_site(content, output, fatal=False, check=False, **settings)


@pytest.fixture(scope="module")
def failed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[
        Path, Path, subprocess.CompletedProcess, dict[str, str]]:
    """The fixture site plus unreadable files, built with the default settings."""
    folder = tmp_path_factory.mktemp("unreadable")
    content = copy_with_bad_files(folder)
    before = file_hashes(content)
    result = build(content, folder / "output")
    return content, folder / "output", result, before


@pytest.mark.slow
@pytest.mark.parametrize("name", BAD_FILES)
def test_each_unreadable_file_is_named_with_its_reason(failed_build, name: str) -> None:
    content, _, result, _ = failed_build
    assert f"{content / name}{BAD_FILES[name][1]}" in one_line(result)


@pytest.mark.slow
def test_the_rest_of_the_site_is_written_then_the_build_fails(failed_build) -> None:
    content, output, result, _ = failed_build
    assert result.returncode == 1
    log = one_line(result)
    assert "UnreadableContentError: 4 content files could not be read:" in log
    final = log[log.index("UnreadableContentError"):]
    for name, (_, reason) in BAD_FILES.items():
        assert f"{content / name}{reason}" in final
    for written in ["index.html", "briefs/harbour-reopens.en.html", "briefs/market-day.html",
                    "pages/about.html", "drafts/draft-budget-en.html", "search.html",
                    "pagefind/pagefind.js"]:
        assert (output / written).is_file(), written
    assert not list(output.glob("**/bad-date*"))
    assert not list(output.glob("**/notes*"))


@pytest.mark.slow
def test_no_content_file_is_modified(failed_build) -> None:
    content, _, _, before = failed_build
    assert file_hashes(content) == before


@pytest.mark.slow
def test_skip_unreadable_builds_the_rest_and_exits_0(tmp_path: Path) -> None:
    content = copy_with_bad_files(tmp_path)
    output = tmp_path / "output"
    result = build(content, output, BRIEFS_SKIP_UNREADABLE=True)
    log = one_line(result)
    assert result.returncode == 0, log
    assert "4 content files left out, as BRIEFS_SKIP_UNREADABLE asks:" in log
    assert f"{content / 'bad-date.md'}{BAD_FILES['bad-date.md'][1]}" in log
    assert (output / "briefs" / "harbour-reopens.en.html").is_file()
    assert not list(output.glob("**/bad-date*"))


def test_utf16_without_a_bom_is_recognised(tmp_path: Path) -> None:
    source = tmp_path / "x.md"
    source.write_bytes("Title: café\n\ntext\n".encode("utf-16-le"))
    problem = explain(str(source), UnicodeDecodeError("utf-8", b"", 0, 1, "invalid"))
    assert str(problem) == (
        f"{source}:1: not valid UTF-8 at byte 20 (it looks like UTF-16: save it as UTF-8)")


def test_a_bad_date_in_rst_gives_the_line_of_its_field(tmp_path: Path) -> None:
    source = tmp_path / "x.rst"
    source.write_text("Title\n#####\n\n:slug: x\n:date: 2024-02-30\n\nText.\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        get_date("2024-02-30")
    problem = explain(str(source), MetadataValueError("date", "2024-02-30", caught.value))
    assert problem == Unreadable(
        str(source), "Date '2024-02-30' is not a valid date (day is out of range for month). "
        "Fix: write it as 2024-11-14 or 2024-11-14 10:00", line=5)


def test_another_error_is_given_with_its_type(tmp_path: Path) -> None:
    source = tmp_path / "x.md"
    source.write_text("Title: x\n\ntext\n", encoding="utf-8")
    problem = explain(str(source), KeyError("slug"))
    assert str(problem) == f"{source}: KeyError: 'slug'"


def test_a_file_read_again_after_a_fix_is_no_longer_reported(tmp_path: Path) -> None:
    """``pelican --autoreload`` rebuilds with the same readers: a fixed file is forgotten."""
    settings = copy.deepcopy(DEFAULT_CONFIG)
    readers = Readers(settings)
    watch_readers(readers)
    source = tmp_path / "x.md"
    source.write_text("Title: x\nDate: 2024-13-45\n\ntext\n", encoding="utf-8")
    with pytest.raises(MetadataValueError):
        readers.read_file(str(tmp_path), "x.md")
    assert [str(p) for p in settings[REGISTRY_KEY].files.values()] == [
        f"{source}:2: Date '2024-13-45' is not a valid date (month must be in 1..12). "
        "Fix: write it as 2024-11-14 or 2024-11-14 10:00"]
    source.write_text("Title: x\nDate: 2024-11-14\n\ntext\n", encoding="utf-8")
    readers.read_file(str(tmp_path), "x.md")
    assert settings[REGISTRY_KEY].take() == []
