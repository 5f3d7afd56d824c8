"""Member states of the European Union (the EEC/EC before 1993) by year, from the bundled
``eu_members`` table (accession and withdrawal dates to the day, with their sources).

A state counts as a member in every calendar year from its accession year through its withdrawal
year: the United Kingdom, which left on 31 January 2020, counts for the January 2020 roll call.  (not-a-data-year: the exit)
Germany is one lineage: West Germany until October 1990, united Germany after (East Germany entered
through unification, not accession).
"""

from __future__ import annotations

from functools import cache

from pactscope import data

EU_TOKENS = {"EU": "mean", "EU-MEMBERS": "each"}


@cache
def eu_members() -> dict[str, tuple[int, int | None]]:
    """ISO3 -> (first member year, last member year or None while still a member)."""
    table = data.load("eu_members")
    return {
        row["iso3"]: (row["accession"].year, row["withdrawal"].year if row["withdrawal"] else None)
        for row in table.iter_rows(named=True)
    }


def members_in(year: int) -> list[str]:
    """ISO3 codes of the EU (EEC/EC) member states in `year`."""
    return [iso for iso, (first, last) in eu_members().items() if first <= year and (last is None or year <= last)]
