"""Published figures the war x alliance results are printed beside (facts from the publications)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class Published:
    n: int | None
    honoured: int | None
    rate: float


# Berkemeier and Fuhrmann (2018), Research & Politics 5(2): rates from the abstract; counts of (not-a-data-year)
# tests (73 of 146; 61 of 92 before 1945; 12 of 54 from 1945 to 2003) from the article's text. (not-a-data-year)
# Leeds, Long and Mitchell (2000), Journal of Conflict Resolution 44(5): 686-699: 74.5% for (not-a-data-year)
# 1816-1944 (abstract; the count of cases is not in the abstract). (not-a-data-year)
SOURCES = {
    "bf2018": "Berkemeier and Fuhrmann (2018), Research & Politics 5(2)",  # not-a-data-year
    "llm2000": "Leeds, Long and Mitchell (2000), Journal of Conflict Resolution 44(5): 686-699",  # not-a-data-year
}
FIGURES: dict[str, dict[tuple[str, str], Published]] = {
    "bf2018": {
        ("overall", "all"): Published(146, 73, 0.50),
        ("era", "pre-1945"): Published(92, 61, 0.66),  # not-a-data-year
        ("era", "post-1945"): Published(54, 12, 0.22),  # not-a-data-year
        ("type", "defense"): Published(None, None, 0.41),
        ("type", "offense"): Published(None, None, 0.74),
        ("type", "neutral"): Published(None, None, 0.78),
        ("type", "nonagg"): Published(None, None, 0.37),
    },
    "llm2000": {
        ("overall", "all"): Published(None, None, 0.745),
        ("era", "pre-1945"): Published(None, None, 0.745),  # not-a-data-year
    },
}

PUBLISHED_SCHEMA = {"group": pl.String, "level": pl.String, "published_n": pl.Int64,
                    "published_honoured": pl.Int64, "published_rate": pl.Float64, "published_source": pl.String}


def war_published(preset: str = "bf2018") -> pl.DataFrame:
    """The figures a preset reproduces: group, level, published_n, published_honoured, published_rate, source."""
    key = preset.lower()
    rows = [
        {"group": g, "level": lv, "published_n": p.n, "published_honoured": p.honoured, "published_rate": p.rate,
         "published_source": SOURCES[key]}
        for (g, lv), p in FIGURES.get(key, {}).items()
    ]
    return pl.DataFrame(rows, schema=PUBLISHED_SCHEMA)
