"""Load check for the web app (not a test): throughput and latency of cached alliance pages.

Starts ``uvicorn`` in a child process on a free loopback port, warms the page cache with httpx,
then keeps ``--concurrency`` keep-alive connections busy for ``--duration`` seconds (or until
``--max-requests``) and prints requests per second and latency percentiles.

    .venv/bin/python benchmarks/load_web.py --duration 10 --concurrency 16
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time

import httpx

HOST = "127.0.0.1"  # loopback only
PATHS = ["/alliances/CSTO", "/alliances/NATO", "/alliances/CIS", "/alliances/SCO", "/alliances/OTS"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "uvicorn", "pactscope.web.app:create_app", "--factory",
           "--host", HOST, "--port", str(port), "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://{HOST}:{port}/api/alliances", timeout=1).raise_for_status()
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start")


def percentile(sorted_values: list[float], q: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> bool:
    """One keep-alive HTTP/1.1 GET on an open connection; True for a 200 with a body."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
    await writer.drain()
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    length = next(int(h.split(":", 1)[1]) for h in head[1:] if h.lower().startswith("content-length:"))
    body = await reader.readexactly(length)
    return status == 200 and len(body) > 1000


async def run(port: int, duration: float, concurrency: int, max_requests: int) -> tuple[list[float], int, float]:
    """Each of ``concurrency`` connections sends requests back to back until time or count runs out.

    A bare asyncio client keeps the load generator's own cost small, so the figures measure the
    server rather than the client library.
    """
    latencies: list[float] = []
    errors = 0
    sent = 0
    stop = time.perf_counter() + duration

    async def connection(k: int) -> None:
        nonlocal errors, sent
        reader, writer = await asyncio.open_connection(HOST, port)
        i = k
        try:
            while time.perf_counter() < stop and sent < max_requests:
                sent += 1
                t0 = time.perf_counter()
                try:
                    ok = await fetch(reader, writer, PATHS[i % len(PATHS)])
                except (OSError, ValueError, StopIteration, asyncio.IncompleteReadError):
                    ok = False
                    writer.close()
                    reader, writer = await asyncio.open_connection(HOST, port)
                latencies.append(time.perf_counter() - t0)
                errors += not ok
                i += concurrency
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(connection(k) for k in range(concurrency)))
    return latencies, errors, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load (default 10)")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight (default 16)")
    parser.add_argument("--max-requests", type=int, default=100_000, help="stop after this many requests")
    args = parser.parse_args()

    port = free_port()
    server = start_server(port)
    try:
        for path in PATHS:  # render each page once, so the load hits the in-process cache
            httpx.get(f"http://{HOST}:{port}{path}", timeout=30).raise_for_status()
        latencies, errors, elapsed = asyncio.run(
            run(port, args.duration, args.concurrency, args.max_requests))
    finally:
        server.terminate()
        server.wait(timeout=10)
    ms = sorted(x * 1000 for x in latencies)
    print(f"pages: {', '.join(PATHS)}")
    print(f"requests: {len(ms)} in {elapsed:.1f} s, concurrency {args.concurrency}, errors {errors}")
    print(f"throughput: {len(ms) / elapsed:.0f} req/s")
    print(f"latency ms: p50 {percentile(ms, 50):.1f}  p95 {percentile(ms, 95):.1f}  "
          f"p99 {percentile(ms, 99):.1f}  mean {statistics.fmean(ms):.1f}  max {ms[-1]:.1f}")


if __name__ == "__main__":
    main()
