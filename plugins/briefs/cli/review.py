"""``mujaz review [CONTENT_DIR]``: the editors' review desk, a local web page.

It reads the same settings file as the build (``pelicanconf.py`` when present, or
``--settings``), so that a brief is analysed on the desk exactly as the build analyses it,
listens on 127.0.0.1 only, on a free port, prints the address and opens it in the browser
when there is one. Ctrl-C stops it; nothing is kept but the content files it corrected.
"""

from __future__ import annotations

import argparse
import sys
import webbrowser
from pathlib import Path

from briefs.cli.analyse import DEFAULT_SETTINGS
from briefs.review.desk import Desk, DeskSettings
from briefs.review.server import ReviewServer


def desk_settings(content: Path, settings_file: Path | None = None) -> DeskSettings:
    """Return the desk's settings from the build's settings file (``BRIEFS_*`` validated).

    Raises ``BriefsConfigError`` naming a bad setting, as the build would.
    """
    from pelican.settings import read_settings

    from briefs.settings import BriefsSettings

    if settings_file is None and DEFAULT_SETTINGS.is_file():
        settings_file = DEFAULT_SETTINGS
    settings = read_settings(str(settings_file) if settings_file else None,
                             override={"PATH": str(content.resolve())})
    briefs = BriefsSettings.from_pelican(settings)
    return DeskSettings(content=content.resolve(), entities_file=briefs.entities_file.resolve(),
                        analysis=briefs.analysis, review_confidence=briefs.review_confidence,
                        site_lang=briefs.site_lang,
                        page_paths=tuple(settings.get("PAGE_PATHS", ["pages"])))


def run(content: Path, settings_file: Path | None, port: int, open_browser: bool,
        chrome_lang: str | None) -> int:
    """Serve the desk until Ctrl-C; 1 when it cannot start."""
    if not content.is_dir():
        print(f"mujaz review: {content}: not a folder", file=sys.stderr)
        return 1
    try:
        settings = desk_settings(content, settings_file)
        desk = Desk(settings)
        server = ReviewServer(desk, port, chrome_lang or settings.site_lang)
    except Exception as error:  # noqa: BLE001 - one line naming the problem, no traceback
        print(f"mujaz review: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    desk.start_counting()
    print(f"mujaz review: {settings.content} on {server.url} (Ctrl-C stops)", flush=True)
    if open_browser:
        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nmujaz review: stopped", file=sys.stderr)
    finally:
        desk.stop()
        server.server_close()
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``mujaz review``."""
    parser.add_argument("content", type=Path, nargs="?", default=Path("content"),
                        help="the content folder (default: content)")
    parser.add_argument("-s", "--settings", type=Path,
                        help="Pelican settings file (default: pelicanconf.py if present)")
    parser.add_argument("--port", type=int, default=0,
                        help="the port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--no-browser", dest="browser", action="store_false",
                        help="print the address only; do not open a browser")
    parser.add_argument("--lang", choices=("ar", "en"),
                        help="the desk's own language (default: the site's DEFAULT_LANG)")


def command(arguments: argparse.Namespace) -> int:
    """Run ``mujaz review`` from parsed arguments."""
    return run(arguments.content, arguments.settings, arguments.port, arguments.browser,
               arguments.lang)
