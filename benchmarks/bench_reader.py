"""Reader speed: fresh-process `pactscope read` of a 5 KB article against `pactscope --help`,
batch throughput (`pactscope read FILE... --format jsonl`) and cost against text length.

    python benchmarks/bench_reader.py [--runs 5] [--texts DIR]

Medians, all measured in the same run.  The article is written here (no others' prose).
`--texts DIR` also times the batch on real articles kept outside the repository (every
`*.txt` in DIR, joined in file order into texts of at least 5 KB).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = (
    "On 13 September 2022 Azerbaijani forces attacked positions in Armenia near Jermuk and Goris. "
    "Armenia asked the CSTO for military help under Article 4 the same day, and the Collective Security "
    "Council met online. Fighting between Kyrgyzstan and Tajikistan broke out near Batken on 14 September. "
    "В сентябре 2022 года Армения обратилась в ОДКБ после нападения Азербайджана. "
    "اندلعت اشتباكات على الحدود بين قيرغيزستان وطاجيكستان في 14 سبتمبر 2022. "
)


def article(size: int) -> str:
    text = ""
    while len(text.encode()) < size:
        text += PARAGRAPH
    return text


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system; steadier on a shared machine) of one run."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = os.times()
    return wall, after.children_user - before.children_user + after.children_system - before.children_system


def medians(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `runs` fresh runs of `cmd`."""
    times = [timed(cmd) for _ in range(runs)]
    return statistics.median(w for w, _ in times), statistics.median(c for _, c in times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--texts", type=Path, help="a folder of real articles (*.txt) to time the batch on as well")
    args = parser.parse_args()
    exe = str(Path(sys.executable).with_name("pactscope"))
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp, "a.txt")
        one.write_text(article(5000), encoding="utf-8")
        subprocess.run([exe, "read", str(one)], check=True, stdout=subprocess.DEVNULL)  # warm the cache
        h, help_cpu = medians([exe, "--help"], args.runs)
        r, read_cpu = medians([exe, "read", str(one), "--format", "json"], args.runs)
        files = []
        for i in range(100):
            path = Path(tmp, f"b{i}.txt")
            path.write_text(article(5000) + f" Note {i}.", encoding="utf-8")
            files.append(str(path))
        batch_runs = max(1, args.runs // 2)
        b, batch_cpu = medians([exe, "read", *files, "--format", "jsonl"], batch_runs)
        real = _real_batch(exe, Path(tmp), args.texts, batch_runs) if args.texts else None
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"pactscope --help                 median {h:.3f} s wall, {help_cpu:.3f} s CPU")
    print(f"pactscope read 5 KB (fresh)      median {r:.3f} s wall, {read_cpu:.3f} s CPU   "
          f"ratio to --help {r / h:.2f} wall, {read_cpu / help_cpu:.2f} CPU (target <= 3)")
    print(f"batch 100 x 5 KB, jsonl          median {b:.3f} s wall, {batch_cpu:.3f} s CPU   "
          f"{100 / b:.1f} articles/s wall, {100 / batch_cpu:.1f} per CPU second (target >= 50)")

    if real:
        n, wall, cpu = real
        print(f"batch {n} real articles >= 5 KB    median {wall:.3f} s wall, {cpu:.3f} s CPU   "
              f"{n / wall:.1f} articles/s wall, {n / cpu:.1f} per CPU second")

    from pactscope.reader import read_text

    read_text("warm up")
    print("length scaling (in process, median of 3):")
    base = None
    for size in (5_000, 20_000, 50_000, 100_000, 200_000):
        text = article(size)[:199_000]
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            read_text(text)
            runs.append(time.perf_counter() - start)
        t = statistics.median(runs)
        base = base or t / len(text)
        print(f"  {len(text):>7} chars  {t:.3f} s   per char vs 5 KB: {t / len(text) / base:.2f}")
    return 0


def _real_batch(exe: str, tmp: Path, folder: Path, runs: int) -> tuple[int, float, float]:
    """Time the batch on real articles joined into texts of at least 5 KB: (texts, wall, CPU)."""
    bundles, current = [], ""
    for path in sorted(folder.glob("*.txt")):
        current += path.read_text(encoding="utf-8") + "\n\n"
        if len(current.encode()) >= 5000:
            bundles.append(current)
            current = ""
    files = []
    for i, text in enumerate(bundles):
        path = tmp / f"real{i}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    return len(files), *medians([exe, "read", *files, "--format", "jsonl"], runs)


if __name__ == "__main__":
    raise SystemExit(main())
