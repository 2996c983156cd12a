"""Helpers shared by the tests: building a site with the project's settings."""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = Path(__file__).resolve().parent / "site"


def build_site(
    content: Path, output: Path, *, fatal: bool = True, check: bool = True,
    verbose: bool = False, **extra_settings: object,
) -> subprocess.CompletedProcess:
    """Build ``content`` with the project's pelicanconf.py into ``output``, in a subprocess.

    ``fatal`` passes ``--fatal errors`` (the first error stops the build); ``check`` fails
    the test when pelican exits with a non-zero status; ``verbose`` logs INFO lines too.
    """
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
               "-o", str(output), *(["--fatal", "errors"] if fatal else []),
               *(["--verbose"] if verbose else [])]
    # Paths in pelicanconf.py (theme, plugins) are relative to the project root.
    extra = {"THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")],
             **extra_settings}
    # One -e for all: Pelican keeps only the last -e it is given.
    command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
    if check and result.returncode != 0:
        pytest.fail(f"pelican failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def file_hashes(folder: Path) -> dict[str, str]:
    """Map every file below ``folder`` (relative path) to its SHA-256: a snapshot to compare."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def serve(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free port of 127.0.0.1 while the generator runs; yield the URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
