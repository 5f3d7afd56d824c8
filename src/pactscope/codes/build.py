"""Rebuild the bundled crosswalk: ``python -m pactscope.codes.build``.

Reads the raw COW and GW state lists (and COW capitals) from ``data/raw``, the hand
tables next to this module, and ISO 3166 names from pycountry (a build-only extra),
and writes ``states.csv`` and ``capitals.csv`` next to this module.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from datetime import date
from pathlib import Path

from pactscope.codes import _iso
from pactscope.codes._handtables import HERE, read_table, split
from pactscope.codes._normalize import normalize
from pactscope.codes._spells import Period, Row, Spell, censor, cut_lineage, read_capitals, read_cow, read_gw

REPO = HERE.parents[2]
COLUMNS = [
    "ccode", "gwcode", "iso3", "cow_abb", "name_en", "name_ru", "name_ar",
    "start_year", "end_year", "start_date", "end_date", "lineage",
    "variants_en", "variants_ru", "variants_ar", "demonyms_en", "demonyms_ru", "demonyms_ar",
]  # fmt: skip
CAPITAL_COLUMNS = ["ccode", "iso3", "capital", "capital_ru", "capital_ar", "lat", "lng", "start", "end"]
LANGS = ("en", "ru", "ar")


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def lineages(spells: list[Spell], overrides: list[dict]) -> dict[int, list[Spell]]:
    """Group spells by lineage: their own code unless a link override says otherwise."""
    links = {(o["system"], int(o["code"])): int(o["value"]) for o in overrides if o["kind"] == "link"}
    out: dict[int, list[Spell]] = defaultdict(list)
    for s in spells:
        out[links.get((s.system, s.code), s.code)].append(s)
    return out


def periods(lineage: int, spells: list[Spell], overrides: list[dict]) -> list[Period]:
    """ISO periods of a lineage: the override lines, else one open pycountry match."""
    mine = [o for o in overrides if o["kind"] == "iso" and int(o["code"]) == lineage]
    if mine:
        return [Period(_day(o["start"]), _day(o["end"]), o["value"] or None, o) for o in mine]
    iso3 = _iso.lookup([s.name for s in spells])
    if iso3 is None:
        raise SystemExit(f"lineage {lineage} ({spells[0].name}) needs an iso line in overrides.csv")
    return [Period(None, None, iso3, {})]


def _unique(names: list[str], exclude: str = "") -> list[str]:
    """Drop empty names, duplicates and the display name, comparing normalised keys."""
    seen = {normalize(exclude)} if exclude else set()
    out = []
    for name in names:
        key = normalize(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _arabic_demonyms(words: list[str]) -> list[str]:
    """Add the feminine definite form (روسي -> الروسية) of each masculine nisba."""
    out = []
    for phrase in words:
        out.append(phrase)
        if all(w.endswith("ي") for w in phrase.split()):
            out.append(" ".join("ال" + w + "ة" for w in phrase.split()))
    return out


def describe(row: Row, lexicon: dict[str, dict]) -> dict:
    """One output record: codes, dates, names, variants and demonyms."""
    iso3 = row.period.iso3
    lex = lexicon.get(iso3 or "", {})
    extra = row.period.extra
    spells = [s for s in (row.cow, row.gw) if s]
    source_names = [s.name.split(" (")[0] for s in spells] + [s.name for s in spells]
    local = {
        "en": source_names + (_iso.english_names(iso3) if iso3 else []),
        "ru": _iso.translated(iso3, "ru") if iso3 else [],
        "ar": _iso.translated(iso3, "ar") if iso3 else [],
    }
    out = {
        "ccode": row.cow.code if row.cow else None,
        "gwcode": row.gw.code if row.gw else None,
        "iso3": iso3,
        "cow_abb": row.cow.abb if row.cow else None,
        "start_year": row.start.year,
        "end_year": row.end.year if row.end else None,
        "start_date": row.start.isoformat(),
        "end_date": row.end.isoformat() if row.end else None,
        "lineage": row.lineage,
    }
    for lang in LANGS:
        pool = [extra.get(f"name_{lang}", ""), lex.get(f"name_{lang}", "")] + local[lang]
        name = next((n for n in pool if n), "")
        variants = split(extra.get(f"variants_{lang}", "")) + split(lex.get(f"variants_{lang}", "")) + pool
        demonyms = split(lex.get(f"demonyms_{lang}", ""))
        out[f"name_{lang}"] = name
        out[f"variants_{lang}"] = "|".join(_unique(variants, exclude=name))
        out[f"demonyms_{lang}"] = "|".join(_unique(_arabic_demonyms(demonyms) if lang == "ar" else demonyms))
    return out


def build_states(raw: Path) -> list[dict]:
    """All crosswalk records, sorted by lineage and start date."""
    spells = read_cow(raw / "cow_states.csv.gz") + read_gw(raw / "gw_states.csv.gz")
    overrides = read_table("overrides.csv")
    lexicon = {r["iso3"]: r for r in read_table("lexicon.csv")}
    records = []
    for lineage, group in sorted(lineages(spells, overrides).items()):
        for row in cut_lineage(lineage, group, periods(lineage, group, overrides)):
            records.append(describe(row, lexicon))
    return records


def build_capitals(raw: Path, states: list[dict]) -> list[dict]:
    """COW capital spells cut at the crosswalk rows of their state (so ISO3 is per period)."""
    names = {r["capital"]: r for r in read_table("capital_names.csv")}
    by_code = defaultdict(list)
    for s in states:
        if s["ccode"] is not None:
            by_code[s["ccode"]].append(s)
    out = []
    for cap in read_capitals(raw / "cow_capitals.csv.gz", "ccode"):
        cap_end = None if cap["end"] >= censor("cow_capitals") else cap["end"]
        for s in by_code[cap["code"]]:
            s_start, s_end = date.fromisoformat(s["start_date"]), _day(s["end_date"] or "")
            start = max(cap["start"], s_start)
            ends = [d for d in (cap_end, s_end) if d is not None]
            end = min(ends) if ends else None
            if end is not None and end < start:
                continue
            i18n = names.get(cap["capital"], {})
            out.append({
                "ccode": cap["code"], "iso3": s["iso3"], "capital": cap["capital"],
                "capital_ru": i18n.get("capital_ru", ""), "capital_ar": i18n.get("capital_ar", ""),
                "lat": cap["lat"], "lng": cap["lng"],
                "start": start.isoformat(), "end": end.isoformat() if end else None,
            })  # fmt: skip
    return _merge_touching(sorted(out, key=lambda r: (r["ccode"], r["start"])))


def _merge_touching(rows: list[dict]) -> list[dict]:
    """Join consecutive capital rows of one state, code and city."""
    merged: list[dict] = []
    for r in rows:
        last = merged[-1] if merged else None
        same = last and all(last[k] == r[k] for k in ("ccode", "iso3", "capital"))
        if last is not None and same and last["end"] and date.fromordinal(date.fromisoformat(last["end"]).toordinal() + 1).isoformat() == r["start"]:
            last["end"] = r["end"]
        else:
            merged.append(dict(r))
    return merged


def write_csv(path: Path, columns: list[str], records: list[dict]) -> None:
    """Write records with empty cells for None, LF line endings."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for rec in records:
            writer.writerow({k: "" if rec[k] is None else rec[k] for k in columns})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=REPO / "data" / "raw", help="folder with the raw gzipped CSVs")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder")
    args = parser.parse_args(argv)
    states = build_states(args.raw)
    write_csv(args.out / "states.csv", COLUMNS, states)
    write_csv(args.out / "capitals.csv", CAPITAL_COLUMNS, build_capitals(args.raw, states))
    print(f"wrote {len(states)} crosswalk rows to {args.out}")


if __name__ == "__main__":
    main()
