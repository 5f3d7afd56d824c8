"""Agreement between two hand annotations of the same real texts (texts kept outside the repository).

    python tests/reader/devset/agreement.py --texts DIR

The second annotations (`second_annotations.yaml` here and in `../claims_devset/`) were made
independently of the first, from the same guide, on texts already in `gold.yaml`. The second
annotator is scored against the first exactly as the reader is: links as sets per text (an id
the first marked optional counts neither way), claims matched when both are in the same sentence
with the same field, verdicts compared over matched claims about cases.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).parent
CLAIMS = HERE.parent / "claims_devset"
sys.path.insert(0, str(CLAIMS))
from score_claims import _sentences, _which  # noqa: E402  (the claim scorer's own sentence matching)


def _load(path: Path, key: str) -> dict[str, dict]:
    return {d["id"]: d for d in yaml.safe_load(path.read_text(encoding="utf-8"))[key]}


def link_agreement(first: dict[str, dict], second: dict[str, dict]) -> dict[str, Counter]:
    tally: dict[str, Counter] = defaultdict(Counter)
    for tid, b in second.items():
        a = first[tid]
        gold, optional, other = set(a.get("links") or []), set(a.get("optional") or []), set(b.get("links") or [])
        for key in (a["lang"], "all"):
            tally[key].update(tp=len(other & gold), fp=len(other - gold - optional), fn=len(gold - other))
    return tally


def claim_agreement(first: dict[str, dict], second: dict[str, dict], texts: Path) -> dict[str, Counter]:
    tally: dict[str, Counter] = defaultdict(Counter)
    for tid, b in second.items():
        a = first[tid]
        spans = _sentences((texts / f"{tid}.txt").read_text(encoding="utf-8"))
        found = [(c, _which(spans, *c["at"])) for c in b["claims"]]
        used: set[int] = set()
        for key in (a["lang"], "all"):
            tally[key].update(gold=len(a["claims"]), found=len(found))
        for g in a["claims"]:
            where = _which(spans, *g["at"])
            hit = next((k for k, (c, sent) in enumerate(found)
                        if k not in used and c["field"] == g["field"] and sent & where), None)
            if hit is None:
                continue
            used.add(hit)
            for key in (a["lang"], "all"):
                tally[key]["matched"] += 1
                if g["field"] != "structure":
                    tally[key]["verdicts"] += 1
                    tally[key]["agree"] += found[hit][0].get("verdict") == g.get("verdict")
    return tally


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, required=True)
    args = parser.parse_args()
    links = link_agreement(_load(HERE / "gold.yaml", "articles"), _load(HERE / "second_annotations.yaml", "articles"))
    claims = claim_agreement(_load(CLAIMS / "gold.yaml", "docs"), _load(CLAIMS / "second_annotations.yaml", "docs"),
                             args.texts)
    print("| lang | links P / R | claims P / R | verdicts |\n|---|---|---|---|")
    for key in sorted(links):
        lt, ct = links[key], claims[key]
        print(f"| {key} | {_ratio(lt['tp'], lt['tp'] + lt['fp'])} / {_ratio(lt['tp'], lt['tp'] + lt['fn'])} "
              f"| {_ratio(ct['matched'], ct['found'])} / {_ratio(ct['matched'], ct['gold'])} "
              f"| {_ratio(ct['agree'], ct['verdicts'])} |")


if __name__ == "__main__":
    main()
