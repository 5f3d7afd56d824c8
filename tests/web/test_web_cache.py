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
