"""Precision and recall of linking over the hand-checked samples.

Run as a script to print the table: python tests/reader/reader_sample_scores.py
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from pactscope.reader import ReadResult, read_text

SAMPLES = Path(__file__).parent / "samples"


def expected() -> list[dict]:
    return yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))["samples"]


def read_sample(name: str) -> ReadResult:
    return read_text((SAMPLES / name).read_bytes())


@dataclass
class Counts:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0


def score(samples: list[dict]) -> tuple[Counts, list[tuple[str, set[str], set[str]]]]:
    """Totals over the samples, and per sample (file, expected ids, linked ids)."""
    total, rows = Counts(), []
    for s in samples:
        got = {link.id for link in read_sample(s["file"]).linked}
        want = set(s["linked"])
        total.true_pos += len(got & want)
        total.false_pos += len(got - want)
        total.false_neg += len(want - got)
        rows.append((s["file"], want, got))
    return total, rows


def main() -> None:
    samples = expected()
    for label, group in (("tuned", [s for s in samples if not s.get("heldout")]),
                         ("held out", [s for s in samples if s.get("heldout")]),
                         ("all", samples)):
        counts, rows = score(group)
        print(f"{label}: {len(group)} texts, precision {counts.precision:.2f}, recall {counts.recall:.2f} "
              f"(tp {counts.true_pos}, fp {counts.false_pos}, fn {counts.false_neg})")
        if label == "all":
            for file, want, got in rows:
                mark = "ok" if want == got else f"missing {sorted(want - got)} extra {sorted(got - want)}"
                print(f"  {file}: {mark}")


if __name__ == "__main__":
    main()
