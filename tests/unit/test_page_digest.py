"""Page digests do not depend on the process: a set is digested by its sorted items.

Set order follows string hashes, which change from one Python process to the next; the
pickler the digests use never asks a reducer about a set. Each digest below is made in
three processes with different hash seeds, as three builds would make it.
"""

from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT

DIGEST = """
from dataclasses import dataclass
import hashlib
from briefs.pelican.page_cache import _in_order, _pickle

@dataclass(frozen=True)
class Listed:
    names: frozenset[str]
    count: int = 1

names = {"alpha", "beta", "gamma", "delta", "epsilon"}
values = (Listed(frozenset(names)), _in_order(names), _in_order(frozenset(names)))
print(hashlib.sha256(_pickle(values, None)).hexdigest())
"""


def _digest(seed: int) -> str:
    done = subprocess.run([sys.executable, "-c", DIGEST], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONHASHSEED": str(seed),
                                           "PYTHONPATH": str(ROOT / "plugins")})
    return done.stdout.strip()


def test_a_set_is_digested_alike_in_every_process() -> None:
    digests = {_digest(seed) for seed in (1, 2, 3)}
    assert len(digests) == 1
