"""A batch read in worker processes gives the same lines, in the same order, as one read here.

Workers are forked only from a process without polars loaded (as `pactscope read` is), so the
worker cases run in a fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars  # noqa: F401  (loaded here, as in the rest of the suite)
import pytest
from typer.testing import CliRunner

from pactscope.assess.reading import MIN_PER_WORKER, read_batch, workers
from pactscope.cli import app

TEXTS = [
    "Armenia asked the CSTO for help after Azerbaijan attacked on 13 September 2022.",
    "Kazakhstan asked the CSTO for peacekeepers on 5 January 2022 during the unrest.",
    "В сентябре 2022 года на границе Кыргызстана и Таджикистана начались бои у Баткена.",
    "اندلعت اشتباكات على الحدود بين قيرغيزستان وطاجيكستان في 14 سبتمبر 2022.",
]
EXPECTED = [["arm-aze-2022-09"], ["kaz-2022-01-unrest"], ["kgz-tjk-2022-09"], ["kgz-tjk-2022-09"]]

PROBE = """
import json, sys
from pactscope.assess.reading import read_batch, workers
from pactscope.reader import MAX_CHARS
texts, failing_at, jobs = json.loads(sys.argv[1])
if failing_at is not None:
    texts.insert(failing_at, "x" * (MAX_CHARS + 1))
lines, error = [], None
try:
    for line in read_batch([(f"t{n}", lambda t=t: t.encode()) for n, t in enumerate(texts)], jobs=jobs, count=len(texts)):
        lines.append(line)
except Exception as exc:
    error = f"{type(exc).__name__}: {exc}"
print(json.dumps({"workers": workers(jobs, len(texts)), "lines": lines, "error": error}))
"""


def _probe(texts: list[str], jobs: int, failing_at: int | None = None) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps([texts, failing_at, jobs])],
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout)


def _links(line: str) -> list[str]:
    return [link["id"] for link in json.loads(line)["result"]["linked"]]


def test_workers_give_the_lines_of_one_process_in_order():
    texts = TEXTS * (2 * MIN_PER_WORKER)
    alone, shared = _probe(texts, 1), _probe(texts, 2)
    assert (alone["workers"], shared["workers"]) == (1, 2)
    assert shared["lines"] == alone["lines"]
    assert [json.loads(line)["file"] for line in shared["lines"]] == [f"t{n}" for n in range(len(texts))]
    assert [_links(line) for line in shared["lines"]] == EXPECTED * (2 * MIN_PER_WORKER)


def test_a_failing_article_in_a_worker_comes_after_the_lines_before_it():
    shared = _probe(TEXTS * 4, 2, failing_at=12)  # the 13th fails in read_text, in a worker
    assert shared["workers"] == 2
    assert shared["error"].startswith("BadArgument: the text has 200,001 characters")
    assert [_links(line) for line in shared["lines"]] == EXPECTED * 3


def test_no_workers_for_a_short_batch_or_once_polars_is_loaded():
    assert workers(2, 1 + MIN_PER_WORKER) == 1  # a fork costs more than it saves
    assert workers(2, 1000) == 1  # polars is loaded in this process


def test_an_unreadable_file_comes_after_the_lines_before_it():
    def unreadable() -> bytes:
        raise OSError("gone")

    sources = [(f"t{n}", lambda t=t: t.encode()) for n, t in enumerate(TEXTS * 3)] + [("bad", unreadable)]
    lines = []
    with pytest.raises(OSError, match="gone"):
        for line in read_batch(sources, jobs=1):
            lines.append(line)
    assert [_links(line) for line in lines] == EXPECTED * 3


def test_an_error_in_the_batch_is_one_line(tmp_path):
    files = []
    for n, text in enumerate(TEXTS + ["x" * 200_001]):
        path = tmp_path / f"a{n:02d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    result = CliRunner().invoke(app, ["read", *files, "--format", "jsonl", "--jobs", "2"])
    assert result.exit_code != 0
    assert [_links(line) for line in result.output.splitlines()[:4]] == EXPECTED
    assert "200,001 characters" in result.output and "Traceback" not in result.output


def test_cli_jobs_one_and_two_agree(tmp_path):
    files = []
    for n, text in enumerate(TEXTS * 3):
        path = tmp_path / f"a{n:02d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    exe = [str(Path(sys.executable).with_name("pactscope"))]
    runs = [subprocess.run([*exe, "read", *files, "--format", "jsonl", "--jobs", jobs], capture_output=True, text=True,
                           timeout=120) for jobs in ("1", "2")]
    assert [r.returncode for r in runs] == [0, 0], runs[1].stderr
    assert runs[0].stdout == runs[1].stdout
    assert [_links(line) for line in runs[1].stdout.splitlines()] == EXPECTED * 3
