"""Build the demo site the way GitHub Pages does: publishconf.py and an absolute SITEURL.

Used by tests/test_publish.py and tests/test_links.py. The content is the demo corpus plus
one English translation of an Arabic brief (same Slug), so that hreflang alternates and
the translation feed exist. Built once per test session, into a temporary folder.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from support import ROOT

PREFIX = "/mujaz"  # the site lives below a subpath, as a GitHub project site does
TRANSLATION = """\
Title: NATO and the EU press China to stop North Korean troops going to Russia
Date: 2024-11-14 18:00
Lang: en
Slug: nato-china-north-korea
Source: Mujaz (demo translation)
Dateline: Brussels
Tags: NATO, China
Summary: NATO and the European Union want China to use its influence in Pyongyang.

BRUSSELS – NATO and the European Union are stepping up efforts to persuade China to help
stop North Korea sending troops to Russia for its war on Ukraine.
"""


def free_port() -> int:
    """Return a TCP port that is free now on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_publish_build(content: Path, output: Path, siteurl: str,
                      **extra: object) -> subprocess.CompletedProcess:
    """Run ``pelican content -s publishconf.py`` with ``SITEURL`` in the environment."""
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "publishconf.py"),
               "-o", str(output), "--fatal", "errors"]
    settings = {"THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")], **extra}
    # One -e for all: Pelican keeps only the last -e it is given.
    command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in settings.items())]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "SITEURL": siteurl}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False,
                          env=env)


@functools.cache
def published_site() -> tuple[Path, str]:
    """Return (output folder, SITEURL) of the published demo site, built once."""
    work = Path(tempfile.mkdtemp(prefix="mujaz-published-"))
    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "2024-11-14-nato-china-north-korea.en.md").write_text(TRANSLATION,
                                                                    encoding="utf-8")
    siteurl = f"http://127.0.0.1:{free_port()}{PREFIX}"
    result = run_publish_build(content, work / "output", siteurl)
    if result.returncode != 0:
        msg = f"publish build failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        raise RuntimeError(msg)
    return work / "output", siteurl
