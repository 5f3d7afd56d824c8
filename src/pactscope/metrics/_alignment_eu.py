"""Member states of the European Union (the EEC/EC before 1993) by year.

Accession years are those of the treaties of accession entering into force, as listed by
the EU's own "From 6 to 27 members" page and the Official Journal: founding members from
1 January 1958 (Treaty of Rome); 1973 Denmark, Ireland, UK; 1981 Greece; 1986 Portugal,
Spain; 1995 Austria, Finland, Sweden; 1 May 2004 ten states; 2007 Bulgaria, Romania;
1 July 2013 Croatia. The UK left on 31 January 2020, so it counts through 2019 (and for
the single UN roll call of January 2020, which came before its exit).

A state counts as a member in every calendar year from its accession year on, including
accessions during the year. Germany is one lineage: West Germany until October 1990,
united Germany after (East Germany entered through unification, not accession).
"""

from __future__ import annotations

# ISO3 -> (first member year, last member year or None while still a member)
EU_MEMBERS: dict[str, tuple[int, int | None]] = {
    "BEL": (1958, None), "FRA": (1958, None), "DEU": (1958, None),
    "ITA": (1958, None), "LUX": (1958, None), "NLD": (1958, None),
    "DNK": (1973, None), "IRL": (1973, None), "GBR": (1973, 2020),
    "GRC": (1981, None),
    "PRT": (1986, None), "ESP": (1986, None),
    "AUT": (1995, None), "FIN": (1995, None), "SWE": (1995, None),
    "CYP": (2004, None), "CZE": (2004, None), "EST": (2004, None), "HUN": (2004, None),
    "LVA": (2004, None), "LTU": (2004, None), "MLT": (2004, None), "POL": (2004, None),
    "SVK": (2004, None), "SVN": (2004, None),
    "BGR": (2007, None), "ROU": (2007, None),
    "HRV": (2013, None),
}  # fmt: skip

EU_TOKENS = {"EU": "mean", "EU-MEMBERS": "each"}


def members_in(year: int) -> list[str]:
    """ISO3 codes of the EU (EEC/EC) member states in `year`."""
    return [iso for iso, (first, last) in EU_MEMBERS.items() if first <= year and (last is None or year <= last)]
