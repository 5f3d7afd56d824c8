"""Load the bundled ``states.csv`` once and index it for lookups."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from pactscope.codes._model import State
from pactscope.codes._normalize import normalize

STATES_CSV = Path(__file__).with_name("states.csv")
CAPITALS_CSV = Path(__file__).with_name("capitals.csv")
LANGS = ("en", "ru", "ar")
OPEN_END = date.max.toordinal()


def _int(text: str) -> int | None:
    return int(text) if text else None


@dataclass(frozen=True)
class Crosswalk:
    """Rows of the crosswalk plus the lookup indexes (row positions by key)."""

    states: list[State]
    rows: list[dict[str, str]]
    start: list[int]  # date ordinals
    end: list[int]
    lineage: list[int]
    primary: list[frozenset[str]]  # normalised display names of each row
    by_ccode: dict[int, list[int]]
    by_gwcode: dict[int, list[int]]
    by_iso3: dict[str, list[int]]
    by_abb: dict[str, list[int]]
    by_lineage: dict[int, list[int]]
    by_name: dict[str, list[int]]  # every language, names + variants + demonyms
    display: dict[str, str]  # name key -> the spelling it came from
    by_lang: dict[str, dict[str, list[int]]]


def _names(row: dict[str, str], lang: str) -> list[str]:
    fields = (row[f"name_{lang}"], row[f"variants_{lang}"], row[f"demonyms_{lang}"])
    return [n for field in fields for n in field.split("|") if n]


@cache
def crosswalk() -> Crosswalk:
    """The parsed crosswalk (cached for the life of the process)."""
    with open(STATES_CSV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    idx: dict[str, defaultdict] = {k: defaultdict(list) for k in ("cc", "gw", "iso", "abb", "lin", "name")}
    by_lang: dict[str, defaultdict[str, list[int]]] = {lang: defaultdict(list) for lang in LANGS}
    display: dict[str, str] = {}
    states, start, end, lineage, primary = [], [], [], [], []
    for i, r in enumerate(rows):
        states.append(
            State(_int(r["ccode"]), _int(r["gwcode"]), r["iso3"] or None, r["cow_abb"] or None,
                  r["name_en"], r["name_ru"], r["name_ar"], int(r["start_year"]), _int(r["end_year"]))
        )  # fmt: skip
        start.append(date.fromisoformat(r["start_date"]).toordinal())
        end.append(date.fromisoformat(r["end_date"]).toordinal() if r["end_date"] else OPEN_END)
        lineage.append(int(r["lineage"]))
        primary.append(frozenset(normalize(r[f"name_{lang}"]) for lang in LANGS))
        for key, value in (("cc", states[i].ccode), ("gw", states[i].gwcode), ("iso", states[i].iso3),
                           ("abb", states[i].cow_abb), ("lin", lineage[i])):  # fmt: skip
            if value is not None:
                idx[key][value].append(i)
        for lang in LANGS:
            for name in _names(r, lang):
                key = normalize(name)
                display.setdefault(key, name)
                for target in (idx["name"][key], by_lang[lang][key]):
                    if not target or target[-1] != i:
                        target.append(i)
    return Crosswalk(
        states, rows, start, end, lineage, primary, dict(idx["cc"]), dict(idx["gw"]), dict(idx["iso"]),
        dict(idx["abb"]), dict(idx["lin"]), dict(idx["name"]), display, {k: dict(v) for k, v in by_lang.items()},
    )  # fmt: skip
