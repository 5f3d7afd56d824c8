"""Military spending against GDP: each member's burden, its weight in the alliance, concentration.

For each alliance-year and member (member or frozen on 31 December):

- ``share_of_gdp``: SIPRI military expenditure as a fraction of GDP (SIPRI's own ratio);
  ``wdi_share_of_gdp`` is the World Bank's copy of it (MS.MIL.XPND.GD.ZS / 100), shown beside it;
- ``milex_share = milex_i / sum(milex)`` (SIPRI, current US$) and ``gdp_share = gdp_i / sum(gdp)``
  (World Bank, current US$), both over the members with both figures that year, and
  ``ratio_gdp = milex_share / gdp_share``: above 1 a member spends more than its economic weight;
- ``cinc_share`` (COW NMC CINC over the members with CINC that year, to NMC's last year) and
  ``ratio_cinc = milex_share / cinc_share``, so GDP-based and capability-based weights sit side by side.

:func:`spending_concentration` gives, per alliance-year, the largest spender's share of members'
SIPRI spending and the Herfindahl-Hirschman index (sum of squared shares, 1 = one member spends all).

Sources: SIPRI Military Expenditure Database (``sipri_milex``), World Bank WDI
(``wdi_selected``), COW NMC (``cow_nmc``); membership as in :mod:`pactscope.metrics.membership`.
"""

from __future__ import annotations

from functools import cache

import polars as pl

from pactscope import data
from pactscope.codes import resolve
from pactscope.errors import BadArgument
from pactscope.metrics._capabilities import nmc
from pactscope.metrics.membership import alliance_years, first_year
from pactscope.panels.years import parse_years, year_span

# SIPRI spellings the crosswalk does not resolve by itself
_SIPRI_NAMES = {
    "Congo, DR": "COD", "Congo, Republic": "COG", "Gambia, The": "GMB", "Korea, North": "PRK",
    "Korea, South": "KOR", "Kyrgyz Republic": "KGZ", "Yemen, North": "678", "Timor Leste": "TLS",
}  # fmt: skip
_NOT_STATES = {"European Union"}
WDI_SERIES = {"NY.GDP.MKTP.CD": "gdp_usd", "MS.MIL.XPND.GD.ZS": "wdi_milex_pct_gdp", "SP.POP.TOTL": "population"}
COLUMNS = [
    "alliance", "year", "iso3", "milex_usd_m", "share_of_gdp", "wdi_share_of_gdp", "gdp_usd_m",
    "milex_share", "gdp_share", "ratio_gdp", "cinc_share", "ratio_cinc", "note",
]  # fmt: skip


def sipri_last_year() -> int:
    return data.last_year("sipri_milex")


@cache
def sipri() -> pl.DataFrame:
    """SIPRI rows keyed by ISO3: iso3, year, milex_usd_m (current), constant_2023_usd_m, share_of_gdp."""
    raw = data.load("sipri_milex").filter(~pl.col("Country").is_in(list(_NOT_STATES)))
    names = raw["Country"].unique().to_list()
    iso = {}
    for name in names:
        target = _SIPRI_NAMES.get(name, name)
        state = resolve(int(target) if target.isdigit() else target)
        iso[name] = state.iso3 or state.cow_abb
    return raw.select(
        pl.col("Country").replace_strict(iso, return_dtype=pl.String).alias("iso3"),
        pl.col("year").cast(pl.Int32),
        pl.col("current_usd_m").alias("milex_usd_m"),
        "constant_2023_usd_m",
        "share_of_gdp",
    )


@cache
def wdi() -> pl.DataFrame:
    """World Bank series by ISO3 and year: gdp_usd, wdi_milex_pct_gdp, population."""
    raw = data.load("wdi_selected").filter(pl.col("Indicator Code").is_in(list(WDI_SERIES)))
    wide = raw.pivot(on="Indicator Code", index=["Country Code", "Year"], values="Value")
    return wide.rename({"Country Code": "iso3", "Year": "year", **WDI_SERIES}).with_columns(pl.col("year").cast(pl.Int32))


def _span(alliance: str, years) -> tuple[int, int]:
    last = sipri_last_year()
    if years is not None and parse_years(years, last=9999)[1] > last:
        raise BadArgument(f"years: SIPRI military expenditure ends in {last}; ask for {last} or earlier")
    return year_span(years, (max(first_year(alliance), data.coverage("sipri_milex")[0]), last))


def _share(col: str, complete: str) -> pl.Expr:
    base = pl.col(col).filter(pl.col(complete)).sum().over("alliance", "year")
    return pl.when(pl.col(complete) & (base > 0)).then(pl.col(col) / base)


def milex_gdp(alliance: str, years=None) -> pl.DataFrame:
    """Each member's military spending against GDP and its weight in the alliance, by year.

    Columns: alliance, year, iso3, milex_usd_m (SIPRI, current US$ m.), share_of_gdp (SIPRI,
    fraction), wdi_share_of_gdp, gdp_usd_m (World Bank, current US$ m.), milex_share, gdp_share,
    ratio_gdp, cinc_share, ratio_cinc, note (what is missing). ``years`` defaults to the
    alliance's first year through SIPRI's last; later years raise BadArgument naming it.
    """
    start, end = _span(alliance, years)
    nmc_last = data.last_year("cow_nmc")
    members = alliance_years(alliance, (start, end)).filter(pl.col("member")).select("alliance", "year", "ccode", "iso3")
    frame = (
        members.join(sipri(), on=["iso3", "year"], how="left")
        .join(wdi(), on=["iso3", "year"], how="left")
        .join(nmc(start, end).select("ccode", "year", "cinc"), on=["ccode", "year"], how="left")
        .with_columns(
            (pl.col("gdp_usd") / 1e6).alias("gdp_usd_m"),
            (pl.col("wdi_milex_pct_gdp") / 100).alias("wdi_share_of_gdp"),
        )
    )
    frame = frame.with_columns(
        _gdp_ok=pl.col("milex_usd_m").is_not_null() & pl.col("gdp_usd_m").is_not_null(),
        _cinc_ok=pl.col("milex_usd_m").is_not_null() & pl.col("cinc").is_not_null(),
    ).with_columns(
        milex_share=_share("milex_usd_m", "_gdp_ok"),
        gdp_share=_share("gdp_usd_m", "_gdp_ok"),
        _milex_share_c=_share("milex_usd_m", "_cinc_ok"),
        cinc_share=_share("cinc", "_cinc_ok"),
    )
    gaps = pl.concat_str(
        pl.when(pl.col("milex_usd_m").is_null()).then(pl.lit("no SIPRI figure")),
        pl.when(pl.col("gdp_usd_m").is_null()).then(pl.lit("no World Bank GDP")),
        pl.when(pl.col("cinc").is_null() & (pl.col("year") > nmc_last))
        .then(pl.lit(f"no CINC: NMC ends in {nmc_last}"))
        .when(pl.col("cinc").is_null())
        .then(pl.lit("no CINC in NMC")),
        separator="; ",
        ignore_nulls=True,
    )
    out = frame.with_columns(
        ratio_gdp=pl.when(pl.col("gdp_share") > 0).then(pl.col("milex_share") / pl.col("gdp_share")),
        ratio_cinc=pl.when(pl.col("cinc_share") > 0).then(pl.col("_milex_share_c") / pl.col("cinc_share")),
        note=pl.when(gaps != "").then(gaps),
    )
    return out.select(COLUMNS).sort("alliance", "year", "iso3")


def spending_concentration(alliance: str, years=None) -> pl.DataFrame:
    """Per alliance-year: members, members with SIPRI figures, the largest spender, its share, HHI.

    Columns: alliance, year, n_members, n_with_data, leader, leader_share, hhi, leader_gdp_share
    (the same state's share of members' GDP), missing (members without a SIPRI figure).
    """
    rows = milex_gdp(alliance, years)
    known = rows.filter(pl.col("milex_usd_m").is_not_null())
    shares = known.with_columns((pl.col("milex_usd_m") / pl.col("milex_usd_m").sum().over("year")).alias("s"))
    gdp = known.with_columns((pl.col("gdp_usd_m") / pl.col("gdp_usd_m").sum().over("year")).alias("g"))
    top = shares.sort("s", descending=True).group_by("year", maintain_order=True).first()
    agg = shares.group_by("year").agg(pl.len().alias("n_with_data"), (pl.col("s") ** 2).sum().alias("hhi"))
    counts = rows.group_by("alliance", "year").agg(
        pl.len().alias("n_members"),
        pl.col("iso3").filter(pl.col("milex_usd_m").is_null()).alias("missing"),
    )
    lead_gdp = gdp.select("year", pl.col("iso3").alias("leader"), pl.col("g").alias("leader_gdp_share"))
    out = (
        counts.join(agg, on="year", how="left")
        .join(top.select("year", pl.col("iso3").alias("leader"), pl.col("s").alias("leader_share")), on="year", how="left")
        .join(lead_gdp, on=["year", "leader"], how="left")
    )
    return out.select(
        "alliance", "year", "n_members", pl.col("n_with_data").fill_null(0), "leader", "leader_share", "hhi",
        "leader_gdp_share", "missing",
    ).sort("year")  # fmt: skip
