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


def test_default_report_is_identical_across_threads_and_seeds():
    runs = set()
    for threads, seed in ((1, 1), (2, 4)):
        env = {**os.environ, "POLARS_MAX_THREADS": str(threads), "PYTHONHASHSEED": str(seed)}
        out = subprocess.run([sys.executable, "-c", REPORT], capture_output=True, text=True, check=True, env=env)
        runs.add(out.stdout.strip())
    assert len(runs) == 1
