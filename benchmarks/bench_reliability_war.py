"""Benchmark the war-based reliability (not a test): cold CLI, warm recomputation, cached calls.

    python benchmarks/bench_reliability_war.py [--runs 7]

* cold: ``pactscope metrics reliability --method war --format json`` in a fresh process, beside
  ``pactscope --help`` measured in the same run (the ratio is the cost of the computation);
* warm: in one process with the tables already read, every cache of the module cleared, the disk cache off, and the
  whole computation redone (look-ups, the war x alliance cases, summaries with comparators, the
  case table, the CSTO record) - the "under 1 s warm" target;
* cached: the same calls once computed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _exe() -> str:
    return shutil.which("pactscope", path=str(Path(sys.executable).parent)) or "pactscope"


def cold(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([_exe(), *args], check=True, capture_output=True, env={**os.environ, "COLUMNS": "200"})
    return time.perf_counter() - start


def _clear_caches() -> None:
    from pactscope.metrics.reliability_war import cases, context, pledges, summary

    for module in (cases, context, pledges, summary):
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


def _compute() -> None:
    from pactscope.metrics.reliability_war import alliance_war_record, war_cases, war_reliability

    war_reliability()
    war_reliability(preset="llm2000")
    war_cases()
    alliance_war_record("CSTO")


def warm(runs: int) -> list[float]:
    from pactscope.data import load

    for name in ("cow_war_inter", "atop4_01_member", "cow_contdir", "cow_states"):
        load(name)
    _compute()  # imports and the ledger once
    os.environ["PACTSCOPE_NO_CACHE"] = "1"  # recompute: the disk cache would hand back the war coding
    times = []
    for _ in range(runs):
        _clear_caches()
        start = time.perf_counter()
        _compute()
        times.append(time.perf_counter() - start)
    del os.environ["PACTSCOPE_NO_CACHE"]
    return times


def cached(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        _compute()
        times.append(time.perf_counter() - start)
    return times


def _line(label: str, times: list[float]) -> str:
    return f"{label}: median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}, {len(times)} runs)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    helps = [cold(["--help"]) for _ in range(args.runs)]
    wars = [cold(["metrics", "reliability", "--method", "war", "--format", "json"]) for _ in range(args.runs)]
    print(_line("cold `pactscope --help`", helps))
    print(_line("cold `pactscope metrics reliability --method war --format json`", wars))
    print(f"ratio war / help (medians): {statistics.median(wars) / statistics.median(helps):.2f}")
    print(_line("warm full recomputation (caches cleared, tables in memory)", warm(args.runs)))
    print(_line("cached calls", cached(args.runs)))


if __name__ == "__main__":
    main()
