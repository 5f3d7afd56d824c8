"""Score the reader on the real-article development set (texts kept outside the repository).

    python tests/reader/devset/score.py --texts DIR [--split NAME|all] [--gold FILE] [--no-date] [--show]

DIR holds one UTF-8 file per article, named `<id>.txt` after `gold.yaml`.  Links are scored
per article as sets: a linked id (or a member of a linked group) in `links` is a true
positive, one in neither `links` nor `optional` is a false positive, and an id in `links`
that was not linked is a false negative.  States are scored the same way against `states`
(`optional_states` neither count for nor against).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import inspect
import sys
from collections import defaultdict
from pathlib import Path

import yaml

GOLD = Path(__file__).with_name("gold.yaml")


def _linked_ids(result) -> set[str]:
    out = set()
    for link in result.linked:
        members = getattr(link, "members", None) or []
        out.update(members if link.kind == "group" else [link.id])  # a group claims each member
    return out


def page_date(value: str) -> dt.date:
    """The page's date; a page that shows only its month ("2021-11") counts as of the month's last
    day, so that nothing the article reports from that month reads as after it."""
    if len(value) == 7:
        year, month = map(int, value.split("-"))
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date.fromisoformat(value)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "- (0/0)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", required=True, type=Path)
    parser.add_argument("--split", default="all", help="dev, heldout, dev2, heldout2, eval, ... or all")
    parser.add_argument("--gold", type=Path, default=GOLD, help="annotations in this file's schema (default: gold.yaml here)")
    parser.add_argument("--no-date", action="store_true", help="do not pass the page's own date")
    parser.add_argument("--show", action="store_true", help="print every false positive and negative")
    args = parser.parse_args(argv)

    from pactscope.reader import read_text

    takes_date = "date" in inspect.signature(read_text).parameters
    articles = yaml.safe_load(args.gold.read_text(encoding="utf-8"))["articles"]
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # links tp fp fn, states tp fp fn
    for art in articles:
        if args.split != "all" and art["split"] != args.split:
            continue
        path = args.texts / f"{art['id']}.txt"
        if not path.exists():
            print(f"missing text: {path}", file=sys.stderr)
            continue
        kwargs = {}
        published = art.get("published")
        if takes_date and published and not args.no_date:
            value = str(published)
            kwargs["date"] = page_date(value)
        result = read_text(path.read_text(encoding="utf-8"), **kwargs)
        gold, optional = set(art.get("links") or []), set(art.get("optional") or [])
        pred = _linked_ids(result)
        tp, fp, fn = len(pred & gold), len(pred - gold - optional), len(gold - pred)
        sg, so, sp = set(art.get("states") or []), set(art.get("optional_states") or []), set(result.states)
        row = (tp, fp, fn, len(sp & sg), len(sp - sg - so), len(sg - sp))
        for key in ((art["lang"], art["split"]), ("all", art["split"])):
            tally[key] = [a + b for a, b in zip(tally[key], row)]
        if args.show and (fp or fn or row[4] or row[5]):
            print(f"{art['id']}: links +{sorted(pred - gold - optional)} -{sorted(gold - pred)}"
                  f"  states +{sorted(sp - sg - so)} -{sorted(sg - sp)}")
    print(f"{'set':12} {'links precision':16} {'links recall':16} {'states precision':18} {'states recall':16}")
    for (lang, split), (tp, fp, fn, stp, sfp, sfn) in sorted(tally.items()):
        print(f"{lang + '/' + split:12} {_ratio(tp, tp + fp):16} {_ratio(tp, tp + fn):16} "
              f"{_ratio(stp, stp + sfp):18} {_ratio(stp, stp + sfn):16}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
