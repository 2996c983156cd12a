"""Shared fixtures: built sites (the demo content and the small fixture site) and servers."""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = Path(__file__).resolve().parent / "site"


def build_site(
    content: Path, output: Path, **extra_settings: object
) -> subprocess.CompletedProcess:
    """Build ``content`` with the project's pelicanconf.py into ``output``, in a subprocess."""
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
               "-o", str(output), "--fatal", "errors"]
    # Paths in pelicanconf.py (theme, plugins) are relative to the project root.
    extra = {"THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")],
             **extra_settings}
    for key, value in extra.items():
        command += ["-e", f"{key}={json.dumps(value)}"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
    if result.returncode != 0:
        pytest.fail(f"pelican failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site (content/) built with the Arabic site language."""
    output = tmp_path_factory.mktemp("site-ar")
    build_site(ROOT / "content", output)
    return output


@pytest.fixture(scope="session")
def built_site_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site built with ``DEFAULT_LANG = 'en'`` (English, left-to-right chrome)."""
    output = tmp_path_factory.mktemp("site-en")
    build_site(ROOT / "content", output, DEFAULT_LANG="en")
    return output


@pytest.fixture(scope="session")
def fixture_build(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess]:
    """The small fixture site of tests/site built into a temporary folder, with its log."""
    output = tmp_path_factory.mktemp("fixture-site")
    result = build_site(FIXTURE_SITE / "content", output)
    return output, result


def _serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """Base URL of a local HTTP server serving the Arabic demo site."""
    yield from _serve(built_site)


@pytest.fixture(scope="session")
def site_server_en(built_site_en: Path) -> Iterator[str]:
    """Base URL of a local HTTP server serving the English-chrome demo site."""
    yield from _serve(built_site_en)
