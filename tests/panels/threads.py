"""Run a probe script in fresh processes with 1 and 2 polars threads (order-stability tests)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any


def probe_on_threads(script: str, threads: tuple[str, ...] = ("1", "2")) -> list[dict[str, Any]]:
    """The JSON each run of ``script`` prints, one per thread count; checks the count took."""
    results = []
    for count in threads:
        env = {**os.environ, "POLARS_MAX_THREADS": count}
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout))
    assert [r["threads"] for r in results] == [int(t) for t in threads]
    return results
