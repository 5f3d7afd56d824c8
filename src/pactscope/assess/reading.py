"""Read articles for the interfaces: one with the claim check's figures, or many at once.

A batch reads its first article in this process (which loads the names, the ledger index and
the claim vocabulary), then hands the rest to worker processes forked from it, so the loaded
index is shared rather than rebuilt; lines come back in input order.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from pactscope.reader import read_text
from pactscope.reader.model import ReadResult

MIN_PER_WORKER = 4  # fewer articles than this per worker: forking costs more than it saves


def read_document(text: str | bytes, date: str | None = None, claims: bool = False) -> ReadResult:
    """``read_text``, and for claims about an organization the figures of the metrics."""
    result = read_text(text, date=date, claims=claims)
    if claims:
        from pactscope.reader.claims import needs_metrics

        if needs_metrics(result.claims):  # the metrics load only when a claim needs them
            from pactscope.assess.claims_evidence import add_metric_evidence

            add_metric_evidence(result.claims or [])
    return result


def jsonl_line(name: str, result: ReadResult) -> str:
    """One batch line: the file's name and the result without the text."""
    return '{"file": ' + json.dumps(name, ensure_ascii=False) + ', "result": ' + result.to_json(indent=None, include_text=False) + "}"


def _line(name: str, data: bytes, date: str | None, claims: bool) -> str:
    return jsonl_line(name, read_document(data, date, claims))


def default_jobs() -> int:
    """Worker processes for a batch: the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers(jobs: int | None, count: int | None) -> int:
    """How many worker processes a batch of ``count`` files uses (1: none).

    One where processes cannot be forked, or once polars is loaded here: its thread pool does
    not survive a fork (a claim's figures may need it in a worker).
    """
    if "fork" not in multiprocessing.get_all_start_methods() or "polars.dataframe" in sys.modules:  # loaded, not a lazy stub
        return 1
    jobs = default_jobs() if jobs is None else jobs
    if count is not None:
        jobs = min(jobs, max(1, (count - 1) // MIN_PER_WORKER))
    return max(1, jobs)


def read_batch(files: Iterable[tuple[str, Callable[[], bytes]]], date: str | None = None, claims: bool = False,
               jobs: int | None = None, count: int | None = None) -> Iterator[str]:
    """The JSON line of each (name, reader of its bytes), in input order.

    ``jobs``: worker processes (default: the usable cores; 1 reads everything here). ``count``:
    how many files there are, to skip the workers for a short batch. A file's error is raised
    when its turn comes, after the lines before it; no more than a few files are read ahead.
    """
    items = iter(files)
    first = next(items, None)
    if first is None:
        return
    name, load = first
    yield _line(name, load(), date, claims)
    # the index and names loaded by the first file live to the end: spare them the collector's
    # scans, and collect the many short-lived objects of each article less often
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    jobs = workers(jobs, count)
    if jobs <= 1:
        for name, load in items:
            yield _line(name, load(), date, claims)
        return
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        pending: deque[Future[str]] = deque()
        try:
            for name, load in items:
                try:
                    data = load()
                except BaseException:
                    while pending:  # the lines before the unreadable file first
                        yield pending.popleft().result()
                    raise
                pending.append(pool.submit(_line, name, data, date, claims))
                while len(pending) > 2 * jobs:  # bounded read-ahead
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
