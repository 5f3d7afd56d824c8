"""Same inputs, same bytes: outputs do not depend on thread count or hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import json
from pactscope.metrics import alignment_with
frame = alignment_with("KAZ", ["EU", "RUS"], years=range(1995, 2020))
print(json.dumps(frame.rows()))
"""


def _run(threads: int, seed: int) -> str:
    env = {**os.environ, "POLARS_MAX_THREADS": str(threads), "PYTHONHASHSEED": str(seed)}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, env=env)
    return out.stdout


def test_eu_mean_alignment_is_identical_across_threads_and_seeds():
    first = _run(1, 1)
    assert json.loads(first), "no rows"
    assert _run(2, 2) == first
    assert _run(2, 3) == first


REPORT = """
import datetime as dt, hashlib, json
from pactscope.assess import build_report
report = build_report("CSTO", region="central-asia", today=dt.date(2026, 12, 1))
print(hashlib.sha256(json.dumps(report.model_dump(mode="json"), sort_keys=True).encode()).hexdigest())
"""


def test_default_report_is_identical_across_threads_seeds_and_the_disk_cache(tmp_path):
    """Computed without the cache, computed and stored, read back from it: the same report."""
    runs = []
    for threads, seed, cache in ((1, 1, None), (2, 4, tmp_path), (2, 5, tmp_path)):
        env = {**os.environ, "POLARS_MAX_THREADS": str(threads), "PYTHONHASHSEED": str(seed)}
        env.pop("PACTSCOPE_NO_CACHE", None)
        env.update({"PACTSCOPE_CACHE_DIR": str(cache)} if cache else {"PACTSCOPE_NO_CACHE": "1"})
        out = subprocess.run([sys.executable, "-c", REPORT], capture_output=True, text=True, check=True, env=env)
        runs.append(out.stdout.strip())
    assert list(tmp_path.glob("un-votes-*.pickle")) and list(tmp_path.glob("ledger-*.pickle"))
    assert len(set(runs)) == 1, runs
