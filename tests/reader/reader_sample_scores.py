"""Precision and recall of linking (and of entities) over the hand-checked samples.

Run as a script to print the tables: python tests/reader/reader_sample_scores.py
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from pactscope.reader import ReadResult, read_text
from pactscope.reader.evidence import load_evidence

SAMPLES = Path(__file__).parent / "samples"
HELDOUT_SETS = ("heldout2", "heldout3")  # folders of later held-out texts, each with expected.yaml
ENTITY_FIELDS = ("states", "organizations", "persons", "places", "dates")


def expected() -> list[dict]:
    return yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))["samples"]


def load_set(name: str) -> list[dict]:
    """The samples of a held-out folder; `file` is made relative to the samples folder."""
    path = SAMPLES / name / "expected.yaml"
    if not path.exists():
        return []
    samples = yaml.safe_load(path.read_text(encoding="utf-8"))["samples"]
    return [{**s, "file": f"{name}/{s['file']}"} for s in samples]


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

    def add(self, want: set, got: set) -> None:
        self.true_pos += len(got & want)
        self.false_pos += len(got - want)
        self.false_neg += len(want - got)

    def __str__(self) -> str:
        return (f"precision {self.precision:.2f} ({self.true_pos}/{self.true_pos + self.false_pos}), "
                f"recall {self.recall:.2f} ({self.true_pos}/{self.true_pos + self.false_neg})")


def ledger_ids() -> set[str]:
    """Ids of the cases and meetings in the bundled ledger (which other work keeps extending)."""
    ev = load_evidence()
    return set(ev.cases) | {m.id for ms in ev.meetings.values() for m in ms}


def score(samples: list[dict]) -> tuple[Counts, list[tuple[str, set[str], set[str]]]]:
    """Linking totals over the samples, and per sample (file, expected ids, linked ids).

    Expected ids the ledger does not hold (yet) are left out: no reader could link them.
    """
    total, rows, known = Counts(), [], ledger_ids()
    for s in samples:
        got = {link.id for link in read_sample(s["file"]).linked}
        want = set(s["linked"]) & known
        total.add(want, got)
        rows.append((s["file"], want, got))
    return total, rows


def score_entities(samples: list[dict]) -> dict[str, Counts]:
    """Entity totals per field (states, organizations, persons, places, dates) and over all."""
    out = {f: Counts() for f in (*ENTITY_FIELDS, "all")}
    for s in samples:
        r = read_sample(s["file"])
        for f in ENTITY_FIELDS:
            if f in s:
                want, got = set(s[f]), set(getattr(r, f))
                out[f].add(want, got)
                out["all"].add({(f, x) for x in want}, {(f, x) for x in got})
    return out


def _report(label: str, group: list[dict], detail: bool) -> None:
    counts, rows = score(group)
    print(f"{label}: {len(group)} texts, links {counts}")
    if detail:
        for f, c in score_entities(group).items():
            print(f"    entities {f}: {c}")
        for file, want, got in rows:
            mark = "ok" if want == got else f"missing {sorted(want - got)} extra {sorted(got - want)}"
            print(f"  {file}: {mark}")


def main() -> None:
    samples = expected()
    _report("tuned", [s for s in samples if not s.get("heldout")], False)
    _report("held out (first set)", [s for s in samples if s.get("heldout")], False)
    _report("all (expected.yaml)", samples, True)
    for name in HELDOUT_SETS:
        if group := load_set(name):
            _report(name, group, True)


if __name__ == "__main__":
    main()
