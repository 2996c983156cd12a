"""Shared fixtures: built sites (the demo content and the small fixture site) and servers."""

from __future__ import annotations

import functools
import http.server
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import FIXTURE_SITE, ROOT, build_site, serve


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
    yield from serve(functools.partial(_QuietHandler, directory=str(directory)))


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


@pytest.fixture(scope="session")
def planted_site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site whose one brief keeps planted inline script (``BRIEFS_RAW_HTML``), served."""
    output = tmp_path_factory.mktemp("site-planted")
    build_site(Path(__file__).parent / "browser" / "planted" / "content", output,
               BRIEFS_RAW_HTML=True, BRIEFS_SEARCH=False)
    yield from _serve(output)
