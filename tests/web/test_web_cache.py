"""The in-process cache of rendered pages and API bodies."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from pactscope.web.cache import Cached


def _run(scenario) -> None:
    """Run a coroutine function on a fresh event loop in its own thread (another loop may be running here)."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, scenario()).result()


def test_builds_once_per_key_and_evicts_the_least_recently_used():
    calls: list[tuple] = []

    def build(*key):
        calls.append(key)
        return "-".join(map(str, key))

    cached = Cached(build, maxsize=2)

    async def scenario():
        assert await cached("a", 1) == "a-1"
        assert await cached("a", 1) == "a-1"
        assert await cached("b") == "b"
        assert await cached("a", 1) == "a-1"  # "a" is now the most recent
        assert await cached("c") == "c"  # evicts "b"
        assert await cached("b") == "b"  # built again

    _run(scenario)
    assert calls == [("a", 1), ("b",), ("c",), ("b",)]
    assert (cached.hits, cached.misses) == (2, 4)
    assert list(cached.store) == [("c",), ("b",)]


def test_errors_are_not_cached():
    attempts = []

    def build(key):
        attempts.append(key)
        raise LookupError(key)

    cached = Cached(build)

    async def scenario():
        for _ in range(2):
            try:
                await cached("x")
            except LookupError:
                pass

    _run(scenario)
    assert attempts == ["x", "x"] and cached.store == {}


def test_concurrent_misses_of_one_key_share_one_build():
    import threading

    calls: list[str] = []
    release = threading.Event()

    def build(key):
        calls.append(key)
        release.wait(5)
        return key.upper()

    cached = Cached(build)

    async def scenario():
        waiting = [asyncio.ensure_future(cached("x")) for _ in range(5)]
        await asyncio.sleep(0.2)  # all five are waiting for the one build
        release.set()
        assert await asyncio.gather(*waiting) == ["X"] * 5

    _run(scenario)
    assert calls == ["x"] and (cached.misses, cached.hits) == (1, 4)


def test_a_shared_build_error_reaches_every_waiter_and_is_not_cached():
    import threading

    release = threading.Event()
    attempts = []

    def build(key):
        attempts.append(key)
        release.wait(5)
        raise LookupError(key)

    cached = Cached(build)

    async def scenario():
        waiting = [asyncio.ensure_future(cached("x")) for _ in range(3)]
        await asyncio.sleep(0.2)
        release.set()
        results = await asyncio.gather(*waiting, return_exceptions=True)
        assert all(isinstance(r, LookupError) for r in results)

    _run(scenario)
    assert attempts == ["x"] and cached.store == {} and cached.building == {}


def test_assessments_are_built_one_at_a_time_and_kept(monkeypatch):
    import threading
    import time

    import pactscope.assess
    from pactscope.web import views

    running, peak, built = [0], [0], []
    guard = threading.Lock()

    def slow_build(oid, members=None, region=None, command=""):
        with guard:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        with guard:
            running[0] -= 1
        built.append((oid, tuple(members or ()), region))
        return built[-1]

    monkeypatch.setattr(pactscope.assess, "build_report", slow_build)
    monkeypatch.setattr(views, "_reports", type(views._reports)())
    keys = [("CSTO", (iso,), None) for iso in ("ARM", "BLR", "KAZ", "KGZ")] * 2
    with ThreadPoolExecutor(8) as pool:
        reports = list(pool.map(lambda k: views.report(*k), keys))
    assert peak[0] == 1  # never two builds at once
    assert sorted(built) == sorted(set(keys))  # each key built once, the repeats served from the store
    assert reports == [(k[0], k[1], k[2]) for k in keys]
