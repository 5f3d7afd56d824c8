"""Load check for the web app (not a test): cached pages, the API, the reader, and a mixed load
while assessments are being computed; latency percentiles, errors and the server's memory.

Starts ``uvicorn`` in a child process on a free loopback port, then runs each phase with
``--concurrency`` keep-alive connections from a bare asyncio HTTP/1.1 client (a general-purpose
client library costs more CPU per request than the server does):

- pages: cached alliance pages, for ``--duration`` seconds;
- api: cached JSON answers (alliances, cases, series, states, datasets);
- reader: ``--reader-requests`` POST /api/read with distinct texts (the reader is not cached),
  then the server's resident memory;
- mixed: cached pages and API answers while ``--assessments`` uncached assessments are built
  at the same time; the cached requests' p95 must stay under 100 ms;
- caches: every case page, state, series and alliance answer, dyads and assessments up to
  ``--fill`` distinct keys each, then the resident memory again.

    .venv/bin/python benchmarks/load_web.py --duration 10 --concurrency 16
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

HOST = "127.0.0.1"  # loopback only
PAGES = ["/alliances/CSTO", "/alliances/NATO", "/alliances/CIS", "/alliances/SCO", "/alliances/OTS", "/"]
API = ["/api/alliances", "/api/alliances/CSTO", "/api/alliances/CSTO/cases", "/api/alliances/NATO/burden",
       "/api/alliances/CSTO/membership", "/api/states/KAZ", "/api/datasets", "/api/alliances/CSTO/reliability.csv"]
TEXTS = [
    "On {n} September 2022 Azerbaijani forces shelled towns inside Armenia. The same day Yerevan asked the CSTO "
    "for help under Article 4 of the Collective Security Treaty; the organization sent a fact-finding mission.",
    "В январе 2022 года Казахстан обратился к ОДКБ за помощью, и миротворцы прибыли в Алматы. Заявление {n}.",
    "طلبت أرمينيا من منظمة معاهدة الأمن الجماعي المساعدة بعد هجوم أذربيجان في سبتمبر 2022. رقم {n}.",
    "Kyrgyzstan and Tajikistan clashed on their border in April 2021 and again in September 2022 (note {n}).",
]
# Member sets whose assessments are built during the mixed phase (distinct, so none is cached).
ASSESSMENTS = ["ARM", "BLR", "KAZ", "KGZ", "TJK", "RUS", "ARM,BLR", "KAZ,KGZ", "KGZ,TJK", "ARM,KAZ"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "uvicorn", "pactscope.web.app:create_app", "--factory",
           "--host", HOST, "--port", str(port), "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://{HOST}:{port}/api/alliances", timeout=5).raise_for_status()
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start")


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    elapsed: float = 0.0

    def line(self) -> str:
        ms = sorted(x * 1000 for x in self.latencies)
        if not ms:
            return f"{self.name:<26} no requests"
        rate = len(ms) / self.elapsed if self.elapsed else float("nan")
        return (f"{self.name:<26} {len(ms):>6} req  {rate:>6.0f} req/s  errors {self.errors:>3}  "
                f"p50 {percentile(ms, 50):>7.1f}  p95 {percentile(ms, 95):>7.1f}  p99 {percentile(ms, 99):>7.1f}  "
                f"max {ms[-1]:>7.1f} ms")


async def request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, method: str, path: str,
                  body: bytes = b"") -> int:
    """One keep-alive HTTP/1.1 request on an open connection; its status code (body read and dropped)."""
    head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    writer.write(head.encode() + b"\r\n" + body)
    await writer.drain()
    lines = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(int(h.split(":", 1)[1]) for h in lines[1:] if h.lower().startswith("content-length:"))
    await reader.readexactly(length)
    return status


async def load(port: int, name: str, jobs, concurrency: int, duration: float | None = None,
               stop_when: asyncio.Event | None = None) -> Result:
    """Run ``jobs(i) -> (method, path, body)`` on ``concurrency`` connections until ``duration`` ends,
    ``stop_when`` is set or ``jobs`` returns None."""
    result = Result(name)
    stop = time.perf_counter() + duration if duration else float("inf")
    counter = iter(range(10**9))

    async def connection() -> None:
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            while time.perf_counter() < stop and not (stop_when and stop_when.is_set()):
                job = jobs(next(counter))
                if job is None:
                    return
                t0 = time.perf_counter()
                try:
                    ok = await request(reader, writer, *job) == 200
                except (OSError, ValueError, StopIteration, asyncio.IncompleteReadError):
                    ok = False
                    writer.close()
                    reader, writer = await asyncio.open_connection(HOST, port)
                result.latencies.append(time.perf_counter() - t0)
                result.errors += not ok
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    result.elapsed = time.perf_counter() - start
    return result


def cycle(paths: list[str]):
    return lambda i: ("GET", paths[i % len(paths)], b"")


def reader_jobs(count: int):
    def job(i: int):
        if i >= count:
            return None
        text = TEXTS[i % len(TEXTS)].format(n=i)
        return "POST", "/api/read", json.dumps({"text": text}).encode()
    return job


async def mixed(port: int, concurrency: int, assessments: list[str]) -> tuple[Result, Result]:
    """Cached pages and API answers on ``concurrency`` connections while the assessments are built."""
    done = asyncio.Event()
    built = Result("  assessments (uncached)")

    async def assess(members: str) -> None:
        reader, writer = await asyncio.open_connection(HOST, port)
        t0 = time.perf_counter()
        try:
            status = await request(reader, writer, "GET", f"/api/assess?alliance=CSTO&members={members}")
        except (OSError, ValueError, asyncio.IncompleteReadError):
            status = 0
        finally:
            writer.close()
        built.latencies.append(time.perf_counter() - t0)
        built.errors += status != 200

    async def all_assessments() -> None:
        start = time.perf_counter()
        await asyncio.gather(*(assess(m) for m in assessments))
        built.elapsed = time.perf_counter() - start
        done.set()

    cached, _ = await asyncio.gather(
        load(port, "  cached during assessments", cycle(PAGES + API), concurrency, stop_when=done),
        all_assessments())
    return cached, built


def fill_paths(port: int, fill: int) -> list[str]:
    """Distinct addresses that fill the page and API caches."""
    base = f"http://{HOST}:{port}"
    alliances = [a["id"] for a in httpx.get(f"{base}/api/alliances", timeout=60).json()]
    out = []
    for oid in alliances:
        out += [f"/alliances/{oid}", f"/api/alliances/{oid}", f"/api/alliances/{oid}/cases"]
        out += [f"/api/alliances/{oid}/{s}" for s in ("membership", "member-years", "dominance", "burden", "reliability")]
        out += [f"/api/alliances/{oid}/{s}.csv" for s in ("membership", "member-years", "dominance", "burden", "reliability")]
        for case in httpx.get(f"{base}/api/alliances/{oid}/cases", timeout=60).json():
            out += [f"/alliances/{oid}/cases/{case['id']}", f"/api/alliances/{oid}/cases/{case['id']}"]
    from pactscope import codes

    iso3 = codes.states_table().filter(codes.states_table()["iso3"].is_not_null())["iso3"].unique().sort()
    out += [f"/api/states/{c}" for c in iso3]
    pairs = [("RUS", x) for x in ("KAZ", "KGZ", "TJK", "ARM", "BLR", "UZB", "TKM", "AZE", "GEO", "UKR", "CHN",
                                  "USA", "TUR", "IRN", "AFG", "MNG", "IND", "PAK")]
    out += [f"/api/dyad?a={a}&b={b}" for a, b in pairs[:fill]]
    out += [f"/dyad?a={a}&b={b}" for a, b in pairs[:fill]]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds for the pages and api phases")
    parser.add_argument("--concurrency", type=int, default=16, help="connections in flight (default 16)")
    parser.add_argument("--reader-requests", type=int, default=2000, help="reader requests (default 2000)")
    parser.add_argument("--assessments", type=int, default=4, help="assessments built in the mixed phase")
    parser.add_argument("--fill", type=int, default=18, help="dyads to add while filling the caches")
    parser.add_argument("--phases", default="pages,api,reader,mixed,caches",
                        help="comma-separated phases to run (default: all)")
    args = parser.parse_args()

    port = free_port()
    server = start_server(port)
    memory = [("started", rss_mb(server.pid))]
    results: list[Result] = []
    try:
        for path in PAGES + API:  # build each cached answer once
            httpx.get(f"http://{HOST}:{port}{path}", timeout=120).raise_for_status()
        memory.append(("cached pages warmed", rss_mb(server.pid)))
        phases = set(args.phases.split(","))
        if "pages" in phases:
            results.append(asyncio.run(load(port, "pages (cached)", cycle(PAGES), args.concurrency, args.duration)))
        if "api" in phases:
            results.append(asyncio.run(load(port, "api (cached)", cycle(API), args.concurrency, args.duration)))
        if "mixed" in phases:
            results.append(asyncio.run(load(port, "pages+api (cached)", cycle(PAGES + API), args.concurrency,
                                            args.duration)))
            results.extend(asyncio.run(mixed(port, args.concurrency, ASSESSMENTS[:args.assessments])))
            memory.append((f"after {args.assessments} assessments", rss_mb(server.pid)))
        if "reader" in phases:
            results.append(asyncio.run(load(port, "reader (distinct texts)", reader_jobs(args.reader_requests),
                                            args.concurrency)))
            memory.append((f"after {args.reader_requests} reader requests", rss_mb(server.pid)))
        if "caches" in phases:
            paths = fill_paths(port, args.fill)
            results.append(asyncio.run(load(port, f"cache fill ({len(paths)} keys)",
                                            lambda i: ("GET", paths[i], b"") if i < len(paths) else None, 4)))
            memory.append(("after the caches fill", rss_mb(server.pid)))
            if "reader" in phases:
                results.append(asyncio.run(load(port, "reader again", reader_jobs(args.reader_requests),
                                                args.concurrency)))
                memory.append((f"after {args.reader_requests} more reader requests", rss_mb(server.pid)))
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"concurrency {args.concurrency}; cached phases {args.duration:.0f} s each")
    for result in results:
        print(result.line())
    print("server resident memory:")
    for label, mb in memory:
        print(f"  {label:<34} {mb:>7.0f} MB")
    mixed_cached = next((r for r in results if r.name.strip().startswith("cached during")), None)
    if mixed_cached is not None:
        alone = next(r for r in results if r.name.startswith("pages+api"))
        p95 = percentile(sorted(x * 1000 for x in mixed_cached.latencies), 95)
        p95_alone = percentile(sorted(x * 1000 for x in alone.latencies), 95)
        print(f"cached p95 while assessments run: {p95:.1f} ms ({'under' if p95 < 100 else 'OVER'} 100 ms), "
              f"{p95 / p95_alone:.1f} x the p95 without them ({p95_alone:.1f} ms)")
    print(f"errors in all phases: {sum(r.errors for r in results)}")


if __name__ == "__main__":
    main()
