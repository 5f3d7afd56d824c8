"""Benchmark the panels against peacesciencer 1.2.9 (not a test): the speed targets in one run.

    python benchmarks/bench_panels.py [--runs 5]

Prints, for each target, pactscope's median beside peacesciencer's published timing (the
reference file tests/panels/data/peacesciencer_1.2.9_parity.json: 5 fresh R processes on a
2-core machine) and beside `pactscope --help` timed in the same run, so a busy machine shows
up in both. Targets:

- directed P2 (create_dyadyears + atop, nmc, contiguity, majors, gml mids) in process: at
  least 20x faster than peacesciencer's pipeline time; timed warm (tables cached) and in a
  fresh process after imports (what R's in-process figure measures);
- the whole command with the Parquet write: at least 10x faster than peacesciencer's whole
  process;
- `pactscope --help` without importing polars;
- add_peace_years on the directed GML panel: at least 50x faster than peacesciencer (8.6 s
  measured side by side with peacesciencer 1.2.9 on the reference machine);
- peak resident memory of the directed pipeline below 800 MB (fresh process, VmHWM).

It also splits the whole command into its parts (imports, build, write; wall and CPU, in a
fresh process as the command runs them), gives the pipeline's single-threaded CPU time (the
steadiest figure on a busy machine) and writes the P2 panel with a few Parquet options (size,
write and read time).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "panels" / "data" / "peacesciencer_1.2.9_parity.json"
R_PEACE_YEARS_S = 8.6
P2_STEPS = ["add_atop_alliance", "add_nmc", "add_contiguity", "add_cow_majors", "add_gml_mids"]
P2_CLI = ["panel", "dyad-years", "--directed", "--add", "atop,nmc,contiguity,majors,gml-mids"]

CHILD = """
import json, sys, time
t0 = time.perf_counter()
import pactscope.panels as ps
imported = time.perf_counter()
c0 = time.process_time()
panel = ps.create_dyadyears()
for name in {steps!r}:
    panel = getattr(ps, name)(panel)
done = time.perf_counter()
cpu = time.process_time() - c0
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({{"import_s": imported - t0, "pipeline_s": done - imported, "cpu_s": cpu,
                  "rows": panel.frame.height, "peak_mb": int(hwm.split()[1]) / 1024}}))
"""


COMMAND_PARTS = """
import json, os, resource, sys, time
from pathlib import Path
def now():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return time.perf_counter(), r.ru_utime + r.ru_stime
marks = [now()]
import polars
import pactscope.cli
from pactscope.cli.output import write_frame
from pactscope.panels.steps import apply_steps
import pactscope.panels as ps
marks.append(now())
panel = apply_steps(ps.create_dyadyears(directed=True), {steps!r})
marks.append(now())
write_frame(panel.frame, Path(sys.argv[1]))
marks.append(now())
parts = ["imports", "build", "write"]
print(json.dumps({{p: {{"wall_s": b[0] - a[0], "cpu_s": b[1] - a[1]}} for p, a, b in zip(parts, marks, marks[1:])}}))
"""


def command_parts(runs: int) -> dict:
    """The whole command's imports, build and Parquet write, timed inside a fresh process (medians)."""
    samples = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            code = COMMAND_PARTS.format(steps=P2_CLI[-1].split(","))
            out = subprocess.run([sys.executable, "-c", code, str(Path(tmp) / "p2.parquet")],
                                 capture_output=True, text=True, check=True)
            samples.append(json.loads(out.stdout))
    return {part: {k: statistics.median(s[part][k] for s in samples) for k in ("wall_s", "cpu_s")} for part in samples[0]}


def p2(ps):
    panel = ps.create_dyadyears()
    for name in P2_STEPS:
        panel = getattr(ps, name)(panel)
    return panel


def timed(fn, runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``fn()`` over ``runs`` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)


def wall(cmd: list[str], runs: int, env: dict | None = None) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def fresh_process(runs: int, threads: int | None = None) -> dict:
    """The P2 pipeline in fresh interpreters: import time, pipeline time, CPU, peak memory
    (``threads``: polars' thread count, POLARS_MAX_THREADS)."""
    env = {**os.environ, "POLARS_MAX_THREADS": str(threads)} if threads else None
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CHILD.format(steps=P2_STEPS)], capture_output=True, text=True,
                             check=True, env=env)
        samples.append(json.loads(out.stdout))
    return {k: statistics.median(s[k] for s in samples) for k in samples[0]}


def help_imports_polars() -> bool:
    probe = (
        "import sys; sys.argv = ['pactscope', '--help']\n"
        "from pactscope.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('polars.dataframe' in sys.modules, file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return out.stderr.strip().splitlines()[-1] == "True"


def parquet_options(frame, runs: int) -> list[tuple[str, float, float, float]]:
    import polars as pl

    options = {
        "zstd, 1 MiB pages (polars default)": {"compression": "zstd"},
        "zstd, 8 MiB pages (the CLI's choice)": {"compression": "zstd", "data_page_size": 8 << 20},
        "zstd, 8 MiB pages, no statistics": {"compression": "zstd", "data_page_size": 8 << 20, "statistics": False},
        "lz4, 8 MiB pages": {"compression": "lz4", "data_page_size": 8 << 20},
        "snappy, 8 MiB pages": {"compression": "snappy", "data_page_size": 8 << 20},
    }
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p2.parquet"
        for label, opts in options.items():
            write_s, _ = timed(lambda o=opts: frame.write_parquet(path, row_group_size=1 << 20, **o), runs)
            read_s, _ = timed(lambda: pl.read_parquet(path), runs)
            rows.append((label, path.stat().st_size / 1e6, write_s, read_s))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = args.runs
    ref = json.loads(REFERENCE.read_text(encoding="utf-8"))
    r_p2_inproc = ref["timings_in_process_s"]["P2"]["pipeline_s"]["median"]
    r_p2_process = ref["timings_whole_process_s"]["P2"]["median"]
    exe = str(Path(sys.executable).with_name("pactscope"))

    help_s = wall([exe, "--help"], runs)
    polars_on_help = help_imports_polars()

    import pactscope.panels as ps

    p2(ps)  # warm: tables read and cached
    warm_s, warm_cpu = timed(lambda: p2(ps), runs)
    fresh = fresh_process(runs)
    single = fresh_process(runs, threads=1)
    gml = ps.add_gml_mids(ps.create_dyadyears())
    peace_s, peace_cpu = timed(lambda: ps.add_peace_years(gml), runs)
    with tempfile.TemporaryDirectory() as tmp:
        cli_s = wall([exe, *P2_CLI, "--out", str(Path(tmp) / "p2.parquet")], runs)
    parts = command_parts(runs)
    parquet = parquet_options(p2(ps).frame, max(1, runs // 2))

    def line(label: str, ours: float, theirs: float, target: float) -> str:
        ratio = theirs / ours
        verdict = "met" if ratio >= target else "NOT met"
        return (f"{label:58s} {ours:7.3f} s  peacesciencer {theirs:6.2f} s  {ratio:6.1f}x "
                f"(target {target:.0f}x: {verdict})  = {ours / help_s:5.1f}x `pactscope --help`")

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; runs per figure: {runs} (medians)")
    print(f"`pactscope --help`: {help_s:.3f} s, imports polars: {polars_on_help}  (target: no)")
    print(line("directed P2 in process, warm (tables cached)", warm_s, r_p2_inproc, 20))
    print(line("directed P2 in process, fresh process after imports", fresh["pipeline_s"], r_p2_inproc, 20))
    print(line("  same, CPU time", fresh["cpu_s"], r_p2_inproc, 20))
    print(line("  same, one polars thread: CPU time", single["cpu_s"], r_p2_inproc, 20))
    print(line("whole command with the Parquet write", cli_s, r_p2_process, 10))
    for part, t in parts.items():
        print(f"  {part + ' (inside one command run)':56s} {t['wall_s']:7.3f} s wall, {t['cpu_s']:.3f} s CPU")
    print(line("add_peace_years, directed GML panel", peace_s, R_PEACE_YEARS_S, 50))
    print(f"{'  same, CPU time':58s} {peace_cpu:7.3f} s")
    peak = fresh["peak_mb"]
    print(f"peak memory, directed P2 in a fresh process: {peak:.0f} MB (target < 800 MB: {'met' if peak < 800 else 'NOT met'}); "
          f"peacesciencer {ref['peak_rss_MiB']['P2']['median']:.0f} MiB")
    print(f"import pactscope.panels: {fresh['import_s']:.3f} s; rows {fresh['rows']:,}; warm CPU {warm_cpu:.3f} s")
    print("Parquet options for the P2 panel (size, write, read):")
    for label, mb, write_s, read_s in parquet:
        print(f"  {label:40s} {mb:6.1f} MB  write {write_s:.3f} s  read {read_s:.3f} s")
    print(json.dumps({
        "help_s": help_s, "help_imports_polars": polars_on_help, "p2_warm_s": warm_s, "p2_warm_cpu_s": warm_cpu,
        "p2_fresh": fresh, "p2_fresh_one_thread": single, "cli_s": cli_s, "cli_parts": parts, "peace_years_s": peace_s, "parquet": parquet,
        "peacesciencer": {"p2_inproc_s": r_p2_inproc, "p2_process_s": r_p2_process, "peace_years_s": R_PEACE_YEARS_S},
    }))


if __name__ == "__main__":
    main()
