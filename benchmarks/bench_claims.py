"""Claim check speed: fresh-process `pactscope read FILE --claims` of a 5 KB article with claims,
against `pactscope --help` and plain `pactscope read`, measured in the same run.

    python benchmarks/bench_claims.py [--runs 7]

Two articles, both written here (no others' prose): one whose claims are about cases and
the organization's clauses (ledger evidence only), and one that also makes claims on
dominance and alignment, whose figures come from the metrics.  Medians are reported.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASE_CLAIMS = (
    "On 13 September 2022 Azerbaijani forces attacked positions inside Armenia. Armenia asked the CSTO for "
    "help under Article 4 the same day, but the CSTO only sent a fact-finding mission. "
    "In January 2022 the CSTO sent troops to Kazakhstan after Tokayev asked for help. "
    "Когда Азербайджан атаковал Армению в сентябре 2022 года, ОДКБ ничего не сделала. "
    "В сентябре 2022 года ОДКБ не ввела войска в Киргизию после столкновений с Таджикистаном. "
    "عندما هاجمت أذربيجان أرمينيا في سبتمبر 2022، تجاهلت منظمة معاهدة الأمن الجماعي الأمر. "
    "The CSTO Charter lets a member leave the organization with six months' notice. "
)
METRIC_CLAIMS = "Russia dominates the CSTO, and its members were unwilling to assist Moscow in the war. "


def article(paragraph: str, size: int = 5000) -> str:
    text, n = "", 0
    while len(text.encode()) < size:
        n += 1
        text += paragraph + f"(Paragraph {n}.)\n"
    return text


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system) of one fresh process running `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    exe = str(Path(sys.executable).with_name("pactscope"))
    with tempfile.TemporaryDirectory() as tmp:
        cases, metrics = Path(tmp, "cases.txt"), Path(tmp, "metrics.txt")
        cases.write_text(article(CASE_CLAIMS), encoding="utf-8")
        metrics.write_text(article(CASE_CLAIMS + METRIC_CLAIMS), encoding="utf-8")
        # build the reader's cache and the cached metric figures, as any first use does
        subprocess.run([exe, "read", str(metrics), "--claims"], check=True, stdout=subprocess.DEVNULL)
        rows: dict[str, list[tuple[float, float]]] = {"help": [], "read": [], "claims": [], "claims+metrics": []}
        for _ in range(args.runs):  # interleaved, so that load on the machine hits every command alike
            rows["help"].append(timed([exe, "--help"]))
            rows["read"].append(timed([exe, "read", str(cases), "--format", "json"]))
            rows["claims"].append(timed([exe, "read", str(cases), "--claims", "--format", "json"]))
            rows["claims+metrics"].append(timed([exe, "read", str(metrics), "--claims", "--format", "json"]))
        found = subprocess.run([exe, "read", str(cases), "--claims", "--format", "json"], check=True,
                               capture_output=True, text=True).stdout.count('"verdict"')
    hw = statistics.median(w for w, _ in rows["help"])
    hc = statistics.median(c for _, c in rows["help"])
    print(f"articles of at least 5,000 bytes; {found} verdict fields in the JSON of the first")
    print("wall-clock medians (what a user waits; sensitive to load on the machine) and CPU medians")
    for name, times in rows.items():
        w, c = statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)
        print(f"{name:16} wall {w:.3f} s  ratio {w / hw:.2f}   cpu {c:.3f} s  ratio {c / hc:.2f}"
              + ("  (target < 3)" if "claims" in name else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
