"""Benchmark the panel pipelines (not a test): rows, median wall time, time per step, peak memory.

    python benchmarks/bench_panels.py [--runs 7]

Peak memory is measured in a fresh process (its VmHWM, the high-water mark of resident
memory), so it includes the Python interpreter, polars and the loaded tables.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DYAD_STEPS = ["add_atop_alliance", "add_nmc", "add_contiguity", "add_cow_majors", "add_gml_mids"]
STATE_STEPS = ["add_nmc", "add_cow_majors", "add_contiguity", "add_igos", "add_cow_wars"]


def run_pipeline(kind: str) -> tuple[int, dict[str, float]]:
    import pactscope.panels as ps

    times: dict[str, float] = {}
    start = time.perf_counter()
    panel = ps.create_dyadyears() if kind == "dyad" else ps.create_stateyears()
    times["create"] = time.perf_counter() - start
    for name in DYAD_STEPS if kind == "dyad" else STATE_STEPS:
        t = time.perf_counter()
        panel = getattr(ps, name)(panel)
        times[name] = time.perf_counter() - t
    times["total"] = time.perf_counter() - start
    return panel.frame.height, times


def child_peak(kind: str) -> dict:
    """Run one pipeline in a fresh interpreter and report its peak resident memory."""
    code = (
        f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r});"
        "from bench_panels import run_pipeline;"
        f"rows, t = run_pipeline({kind!r});"
        "hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'));"
        "print(json.dumps({'rows': rows, 'cold_s': t['total'], 'peak_mb': int(hwm.split()[1]) / 1024}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def cli_seconds(runs: int) -> float:
    """Wall time of the whole CLI command, start-up and Parquet writing included."""
    exe = Path(sys.executable).with_name("pactscope")
    walls = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.parquet"
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(
                [str(exe), "panel", "dyad-years", "--directed", "--add", "atop,nmc,contiguity,majors,gml-mids", "--out", str(out)],
                check=True, capture_output=True,
            )
            walls.append(time.perf_counter() - t)
    return statistics.median(walls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    results = {}
    for kind in ("dyad", "state"):
        run_pipeline(kind)  # warm: tables read and cached
        samples = [run_pipeline(kind) for _ in range(args.runs)]
        rows = samples[0][0]
        steps = {k: statistics.median(s[1][k] for s in samples) for k in samples[0][1]}
        results[kind] = {"rows": rows, "median_s": steps.pop("total"), "steps_s": steps, **child_peak(kind)}
    results["cli_dyad_s"] = cli_seconds(max(3, args.runs // 2))
    for kind, label in (("dyad", "directed dyad-years + atop, nmc, contiguity, majors, gml mids"),
                        ("state", "state-years + nmc, majors, contiguity, igos, cow wars")):
        r = results[kind]
        print(f"{label}\n  rows {r['rows']:,}  warm median {r['median_s']:.3f} s  cold {r['cold_s']:.3f} s  peak {r['peak_mb']:.0f} MB")
        print("  per step: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in r["steps_s"].items()))
    print(f"CLI `pactscope panel dyad-years --directed --add atop,nmc,contiguity,majors,gml-mids --out x.parquet`: median {results['cli_dyad_s']:.2f} s")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
