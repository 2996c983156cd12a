"""Speed of ``mujaz import``: 100 saved pages in one batch, and a 50 MB page.

    .venv/bin/python bench/bench_import.py [FOLDER] [--pages 100]

FOLDER holds saved pages (``*.html``; real pages stay outside the repository). Without it,
the hand-made pages of ``tests/pages`` are used, each copied under new addresses until there
are ``--pages`` of them. Prints the batch's wall time (one core, trafilatura and the Markdown
writing, as the command runs it) and the time and peak memory of refusing a 50 MB page.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from briefs.cli.importer import Options, run_batch  # noqa: E402

PAGES = ROOT / "tests" / "pages"


def sample_pages(folder: Path | None, count: int, scratch: Path) -> list[str]:
    """Return ``count`` page files: from FOLDER, or the hand-made pages under new addresses."""
    if folder is not None:
        return [str(path) for path in sorted(folder.glob("*.html"))[:count]]
    sources = [path for path in sorted(PAGES.glob("*.html")) if "no-metadata" not in path.name]
    files = []
    for number in range(count):
        source = sources[number % len(sources)]
        # Every copy its own address (and so its own Url and slug).
        text = source.read_text(encoding="utf-8").replace("https://", f"https://n{number}.")
        target = scratch / f"{number:03d}-{source.name}"
        target.write_text(text, encoding="utf-8")
        files.append(str(target))
    return files


def main() -> None:
    """Run the two measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, help="saved pages (*.html)")
    parser.add_argument("--pages", type=int, default=100)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        files = sample_pages(arguments.folder, arguments.pages, scratch)
        size = sum(Path(name).stat().st_size for name in files)
        started = time.perf_counter()
        outcomes = run_batch(files, Options(content_dir=scratch / "content"), progress=False)
        elapsed = time.perf_counter() - started
        imported = sum(outcome.status == "imported" for outcome in outcomes)
        print(f"import {len(files)} pages ({size / 1e6:.1f} MB): {elapsed:.2f} s, "
              f"{elapsed / max(len(files), 1) * 1000:.0f} ms a page; {imported} imported, "
              f"{len(files) - imported} not (no date, no text or skipped)")
        huge = scratch / "huge.html"
        with huge.open("wb") as handle:
            handle.write(b"<html><body>" + b"<p>x</p>" * (50 * 1024 * 1024 // 8))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        (outcome,) = run_batch([str(huge)], Options(content_dir=scratch / "content"),
                               progress=False)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"50 MB page: {outcome.status} in {elapsed:.3f} s ({outcome.reason}); "
              f"peak memory {peak:.0f} MB (before: {before:.0f} MB)")


if __name__ == "__main__":
    main()
