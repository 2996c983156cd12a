"""Emptying the output folder around the page cache's pages, and removing stale ones."""

from __future__ import annotations

from pathlib import Path

from briefs.pelican.output_dir import empty_output, remove_stale


def _write(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_emptying_keeps_the_listed_files_and_the_retained_names(tmp_path: Path) -> None:
    out = tmp_path / "out"
    kept = _write(out / "briefs" / "a.html")
    _write(out / "briefs" / "b.html")
    _write(out / "tags" / "t.html")
    _write(out / "CNAME")
    _write(out / ".git" / "HEAD")
    empty_output(out, retention=["CNAME", ".git"], keep=["briefs/a.html", "gone/c.html"])
    left = sorted(path.relative_to(out).as_posix() for path in out.rglob("*"))
    assert left == [".git", ".git/HEAD", "CNAME", "briefs", "briefs/a.html"]
    assert kept.read_text(encoding="utf-8") == "x"


def test_stale_files_go_with_their_empty_folders_but_not_what_this_build_wrote(
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    stale = _write(out / "entities" / "old" / "p.html")
    rewritten = _write(out / "briefs" / "b.html")
    current = _write(out / "briefs" / "a.html")
    started = empty_output(out, retention=[], keep=["entities/old/p.html", "briefs/b.html",
                                                    "briefs/a.html"])
    _write(rewritten, "written by this build without the cache")
    removed = remove_stale(out, previous={"entities/old/p.html", "briefs/b.html",
                                          "briefs/a.html", "missing.html"},
                           current={"briefs/a.html"}, started=started)
    assert removed == 1
    assert not stale.exists() and not (out / "entities").exists()
    assert rewritten.is_file() and current.is_file()
