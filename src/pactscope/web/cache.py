"""In-process cache of rendered pages and encoded API bodies.

Pages and API answers are deterministic for a given ledger and data version. A hit is served
straight from memory without leaving the event loop; a miss is built once in a worker thread,
and concurrent requests for the same key wait for that one build.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from starlette.concurrency import run_in_threadpool

T = TypeVar("T")


class Cached(Generic[T]):
    """``await cached(*key)`` returns ``build(*key)``, computed once per key (least recently used evicted)."""

    def __init__(self, build: Callable[..., T], maxsize: int = 256) -> None:
        self.build = build
        self.maxsize = maxsize
        self.store: OrderedDict[tuple, T] = OrderedDict()
        self.building: dict[tuple, asyncio.Future[T]] = {}
        self.hits = self.misses = 0

    async def __call__(self, *key: Hashable) -> T:
        if key in self.store:
            self.hits += 1
            self.store.move_to_end(key)
            return self.store[key]
        if key in self.building:  # another request is building it: share its result or error
            self.hits += 1
            return await asyncio.shield(self.building[key])
        self.misses += 1
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self.building[key] = future
        try:
            value = await run_in_threadpool(self.build, *key)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # mark it retrieved when no one else waits
            raise
        finally:
            del self.building[key]
        future.set_result(value)
        self.store[key] = value
        if len(self.store) > self.maxsize:
            self.store.popitem(last=False)
        return value

    def clear(self) -> None:
        self.store.clear()
        self.hits = self.misses = 0
