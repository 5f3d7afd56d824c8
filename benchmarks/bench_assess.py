"""Benchmark the default report (not a test): wall time of `pactscope run` in a fresh process.

    python benchmarks/bench_assess.py [--runs 7]

Each run starts a new interpreter (a cold start: imports, ledger and tables loaded from disk)
and writes the HTML, Markdown and JSON into a temporary folder. Prints every run, the median
and the phases of one in-process build (build, HTML, Markdown, JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def cold_run(out: Path) -> float:
    exe = shutil.which("pactscope", path=str(Path(sys.executable).parent)) or "pactscope"
    start = time.perf_counter()
    subprocess.run([exe, "run", "--out", str(out)], check=True, capture_output=True,
                   env={**os.environ, "COLUMNS": "200"})
    return time.perf_counter() - start


def help_run() -> float:
    """`pactscope --help` in a fresh process: the floor of any command (interpreter and CLI start-up)."""
    exe = shutil.which("pactscope", path=str(Path(sys.executable).parent)) or "pactscope"
    start = time.perf_counter()
    subprocess.run([exe, "--help"], check=True, capture_output=True, env={**os.environ, "COLUMNS": "200"})
    return time.perf_counter() - start


def phases() -> dict[str, float]:
    t0 = time.perf_counter()
    from pactscope.assess import build_report
    from pactscope.assess.render_html import render_html
    from pactscope.assess.render_json import render_json
    from pactscope.assess.render_md import render_md

    t1 = time.perf_counter()
    report = build_report("CSTO", region="central-asia")
    t2 = time.perf_counter()
    render_html(report)
    t3 = time.perf_counter()
    render_md(report)
    t4 = time.perf_counter()
    render_json(report)
    t5 = time.perf_counter()
    return {"import": t1 - t0, "build": t2 - t1, "html": t3 - t2, "markdown": t4 - t3, "json": t5 - t4}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        times, helps = [], []
        for i in range(args.runs):  # interleaved, so both see the same machine load
            helps.append(help_run())
            times.append(cold_run(Path(tmp) / f"run{i}.html"))
    print("cold `pactscope run`, seconds:", " ".join(f"{t:.2f}" for t in times))
    print(f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s ({args.runs} runs)")
    print(f"`pactscope --help` median {statistics.median(helps):.2f} s; ratio run / help "
          f"{statistics.median(times) / statistics.median(helps):.1f}")
    print("phases of one build in this process:", json.dumps({k: round(v, 3) for k, v in phases().items()}))


if __name__ == "__main__":
    main()
