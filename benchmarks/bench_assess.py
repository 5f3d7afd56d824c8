"""Benchmark the default report (not a test): wall time of `pactscope run` in a fresh process.

    python benchmarks/bench_assess.py [--runs 7]

Each run starts a new interpreter (a cold start: imports, ledger and tables loaded from disk,
derived tables read from the disk cache, see ``pactscope.data.cache``) and writes the HTML,
Markdown and JSON into a temporary folder. Prints every run's wall and CPU time (user + system,
all threads: steadier than wall time on a loaded machine), the medians beside `pactscope --help`,
one run without the disk cache (what the first run after an install or a data change costs) and
the phases of one in-process build (build, HTML, Markdown, JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(args: list[str], **env: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one `pactscope` command in a fresh process."""
    exe = shutil.which("pactscope", path=str(Path(sys.executable).parent)) or "pactscope"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([exe, *args], check=True, capture_output=True, env={**os.environ, "COLUMNS": "200", **env})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cold_run(out: Path, **env: str) -> tuple[float, float]:
    return _timed(["run", "--out", str(out)], **env)


def help_run() -> tuple[float, float]:
    """`pactscope --help` in a fresh process: the floor of any command (interpreter and CLI start-up)."""
    return _timed(["--help"])


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
        cold_run(Path(tmp) / "warm-up.html")  # fills the disk cache if it is empty (not counted)
        runs, helps = [], []
        for i in range(args.runs):  # interleaved, so both see the same machine load
            helps.append(help_run())
            runs.append(cold_run(Path(tmp) / f"run{i}.html"))
        uncached = cold_run(Path(tmp) / "uncached.html", PACTSCOPE_NO_CACHE="1")
    times, cpus = [w for w, _ in runs], [c for _, c in runs]
    print("cold `pactscope run`, wall seconds:", " ".join(f"{t:.2f}" for t in times))
    print("                      CPU seconds: ", " ".join(f"{t:.2f}" for t in cpus))
    print(f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s ({args.runs} runs); "
          f"CPU median {statistics.median(cpus):.2f} s")
    help_wall, help_cpu = statistics.median(w for w, _ in helps), statistics.median(c for _, c in helps)
    print(f"`pactscope --help` median {help_wall:.2f} s (CPU {help_cpu:.2f} s); ratio run / help "
          f"{statistics.median(times) / help_wall:.1f} (CPU {statistics.median(cpus) / help_cpu:.1f})")
    print(f"one run without the disk cache: {uncached[0]:.2f} s (CPU {uncached[1]:.2f} s)")
    print("phases of one build in this process:", json.dumps({k: round(v, 3) for k, v in phases().items()}))


if __name__ == "__main__":
    main()
