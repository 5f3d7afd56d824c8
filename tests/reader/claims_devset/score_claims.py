"""Score the claim check against the hand annotations in gold.yaml.

The annotated texts are published articles and are not in the repository; pass the folder
that holds them as <id>.txt (each is checked against the sha256 recorded in gold.yaml; a text
that differs is skipped with a warning):

    .venv/bin/python tests/reader/claims_devset/score_claims.py --texts DIR [--split NAME] [--gold FILE] [--show]

A found claim matches an annotated one when both are in the same sentence and have the
same field (request, trigger, response, structure); each annotated claim matches at most once.
Detection precision and recall count those matches; verdict agreement is over matched claims
about cases (structure claims get evidence, not a verdict); `ids` agreement likewise.  The
publication date recorded for each text is passed as the article's date (`read_text(date=...)`)
unless --undated is given; the reader may still find a date in the text itself.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from pactscope.reader import read_text
from pactscope.reader.normalize import fold_with_offsets
from pactscope.reader.sentences import split_sentences

GOLD = Path(__file__).with_name("gold.yaml")
sys.path.insert(0, str(Path(__file__).parents[1] / "devset"))
from score import page_date  # noqa: E402  (one reading of the pages' dates for both scorers)


def _sentences(text: str) -> list[tuple[int, int]]:
    norm = fold_with_offsets(text)
    return [norm.span(a, b) for a, b in split_sentences(norm.text) if b > a]


def _which(spans: list[tuple[int, int]], a: int, b: int) -> set[int]:
    return {i for i, (s, e) in enumerate(spans) if s < b and a < e}


def score(texts: Path, split: str | None = None, show: bool = False, dated: bool = True, gold_file: Path = GOLD) -> dict:
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    missing = []
    for doc in gold["docs"]:
        if split and doc["split"] != split:
            continue
        path = texts / f"{doc['id']}.txt"
        if not path.exists():
            missing.append(doc["id"])
            continue
        text = path.read_text(encoding="utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != doc["sha256"]:
            print(f"skipped {path}: the text differs from the one annotated (sha256 mismatch)", file=sys.stderr)
            continue
        value = str(doc.get("published") or "")
        published = page_date(value) if dated and value else None
        result = read_text(text, date=published, claims=True)
        spans = _sentences(result.text)
        found = [(c, _which(spans, *c.span)) for c in result.claims or []]
        used: set[int] = set()
        for lang in (doc["lang"], "all"):
            tally[lang]["gold"] += len(doc["claims"])
            tally[lang]["found"] += len(found)
        for g in doc["claims"]:
            where = _which(spans, *g["at"])
            hit = next((k for k, (c, sent) in enumerate(found)
                        if k not in used and c.field == g["field"] and sent & where), None)
            if hit is None:
                if show:
                    print(f"MISS {doc['id']} {g['field']:9} {text[g['at'][0]:g['at'][1]][:90]}")
                continue
            used.add(hit)
            c = found[hit][0]
            for lang in (doc["lang"], "all"):
                tally[lang]["matched"] += 1
                if g["field"] != "structure":
                    tally[lang]["verdicts"] += 1
                    tally[lang]["agree"] += c.verdict == g["verdict"]
                    tally[lang]["ids_agree"] += sorted(c.ids) == sorted(g["ids"])
            if show and g["field"] != "structure" and c.verdict != g["verdict"]:
                print(f"VERDICT {doc['id']} {g['field']:9} gold {g['verdict']} found {c.verdict} {c.ids}: {c.rule[:90]}")
        if show:
            for k, (c, _) in enumerate(found):
                if k not in used:
                    print(f"EXTRA {doc['id']} {c.field:9} {c.verdict} {c.sentence[:90]}")
    if missing:
        print(f"texts not found for: {', '.join(missing)}")
    return tally


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=os.environ.get("PACTSCOPE_CLAIMS_TEXTS"))
    parser.add_argument("--split", help="score one split only (dev, heldout, heldout2-4, fresh, fresh2-5, eval, ...)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="annotations in this file's schema (default: gold.yaml here)")
    parser.add_argument("--show", action="store_true", help="print misses, extras and verdict disagreements")
    parser.add_argument("--undated", action="store_true", help="do not give the claim check the publication dates")
    args = parser.parse_args()
    if args.texts is None:
        sys.exit("give --texts DIR (or set PACTSCOPE_CLAIMS_TEXTS): the folder with the annotated texts")
    tally = score(args.texts, args.split, args.show, dated=not args.undated, gold_file=args.gold)
    print("| language | claims (gold / found) | precision | recall | verdict agreement | ids agreement |")
    print("|---|---|---|---|---|---|")
    for lang in ("en", "ru", "ar", "all"):
        t = tally[lang]
        print(f"| {lang} | {t['gold']} / {t['found']} | {_ratio(t['matched'], t['found'])} | "
              f"{_ratio(t['matched'], t['gold'])} | {_ratio(t['agree'], t['verdicts'])} | "
              f"{_ratio(t['ids_agree'], t['verdicts'])} |")


if __name__ == "__main__":
    main()
