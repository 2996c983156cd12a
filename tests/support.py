"""Helpers shared by the tests: building a site with the project's settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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
