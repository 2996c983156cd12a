"""``mujaz analyse CONTENT_DIR``: fill the analysis cache of a content folder, render nothing.

The briefs are read exactly as a build reads them (Pelican's readers, the plugin's checks
at the door, the same settings file), so the cache keys are the build's: a later
``pelican`` build with the same settings and ``CACHE_PATH`` finds every analysis and only
renders. A CI job or a Dask cluster (``--dask-scheduler``) can so prepare the analyses of a
large archive. A progress bar on standard error shows the count, the rate and the time left.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from pathlib import Path
from typing import Any

from briefs.analyse_pool import ProgressBar

#: The settings file ``pelican`` itself reads when none is given.
DEFAULT_SETTINGS = Path("pelicanconf.py")


@dataclasses.dataclass(frozen=True, slots=True)
class AnalyseSummary:
    """What ``mujaz analyse`` did."""

    briefs: int
    from_cache: int
    failed: int


def analyse_content(content: Path, *, settings_file: Path | None = None,
                    workers: int | None = None, dask_scheduler: str | None = None,
                    progress: bool = True) -> AnalyseSummary:
    """Read every brief of ``content`` as the build does and store its analysis in the cache.

    Raises what the build would raise before rendering: a bad setting, a malformed
    entities.yml (both with the file or setting named).
    """
    from pelican import Pelican
    from pelican.generators import ArticlesGenerator
    from pelican.settings import read_settings

    if settings_file is None and DEFAULT_SETTINGS.is_file():
        settings_file = DEFAULT_SETTINGS
    override: dict[str, Any] = {"PATH": str(content.resolve())}
    if workers is not None:
        override["BRIEFS_WORKERS"] = workers
    if dask_scheduler:
        override["BRIEFS_DASK_SCHEDULER"] = dask_scheduler
    settings = read_settings(str(settings_file) if settings_file else None, override=override)
    pelican = Pelican(settings)  # loads the plugins; the briefs plugin checks its settings
    build = settings.get("BRIEFS")
    if build is None:
        msg = f"{settings_file or 'the default settings'}: 'briefs' is not in PLUGINS"
        raise RuntimeError(msg)
    bar = ProgressBar(sys.stderr) if progress else None
    settings["BRIEFS"] = dataclasses.replace(build, analyse_only=True, progress=bar)
    context = {**settings, "generated_content": {}, "static_links": set(),
               "static_content": {}, "localsiteurl": settings["SITEURL"]}
    generator = ArticlesGenerator(context=context, settings=settings, path=pelican.path,
                                  theme=pelican.theme, output_path=pelican.output_path)
    generator.generate_context()  # reads every brief; the plugin analyses them
    briefs, from_cache, failed = context.get("briefs_analysed", (0, 0, 0))
    return AnalyseSummary(briefs=briefs, from_cache=from_cache, failed=failed)


def run(content: Path, settings_file: Path | None, workers: int | None,
        dask_scheduler: str | None, progress: bool | None = None) -> int:
    """Run ``mujaz analyse``; print what was done; 1 if a brief could not be analysed."""
    from pelican.log import init as init_logging

    init_logging(level=logging.WARNING)  # Pelican's log format: warnings and errors, no traceback
    if not content.is_dir():
        print(f"mujaz analyse: {content}: not a folder", file=sys.stderr)
        return 1
    try:
        summary = analyse_content(content, settings_file=settings_file, workers=workers,
                                  dask_scheduler=dask_scheduler,
                                  progress=sys.stderr.isatty() if progress is None else progress)
    except KeyboardInterrupt:
        print("\nmujaz analyse: stopped; the analyses already stored stay valid",
              file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - one line naming the problem, no traceback
        print(f"mujaz analyse: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    analysed = summary.briefs - summary.from_cache - summary.failed
    print(f"{summary.briefs} briefs: {analysed} analysed, {summary.from_cache} from the cache, "
          f"{summary.failed} failed")
    return 1 if summary.failed else 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``mujaz analyse``."""
    parser.add_argument("content", type=Path, help="the content folder, e.g. content")
    parser.add_argument("-s", "--settings", type=Path,
                        help="Pelican settings file (default: pelicanconf.py if present)")
    parser.add_argument("--workers", type=int,
                        help="worker processes (default: BRIEFS_WORKERS, all cores)")
    parser.add_argument("--dask-scheduler",
                        help="analyse on this Dask scheduler, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="draw the progress bar (default: when standard error is a "
                             "terminal)")


def command(arguments: argparse.Namespace) -> int:
    """Run ``mujaz analyse`` from parsed arguments."""
    return run(arguments.content, arguments.settings, arguments.workers,
               arguments.dask_scheduler, arguments.progress)
