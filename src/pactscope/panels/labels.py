"""Column descriptions for a panel's columns, from the data catalogue (for Stata labels and docs)."""

from __future__ import annotations

import re

from pactscope.data import info
from pactscope.panels.frame import Panel
from pactscope.panels.whittle import DisputeYears

DERIVED = {
    "year": "calendar year",
    "cw_name": "state name (COW list)",
    "gw_name": "state name (Gleditsch-Ward list)",
    "prd": "1: politically relevant dyad (contiguous, or a major power involved)",
    "atop_alliance": "1 if ATOP records an alliance between the two states that year",
    "init1": "1 if state 1 counts as an initiator of the MID (peacesciencer's init rule)",
    "init2": "1 if state 2 counts as an initiator of the MID (peacesciencer's init rule)",
    "cowmaj": "1 if a COW major power that year",
    "conttype": "COW direct contiguity: 0 none, 1 land, 2-5 water of at most 12/24/150/400 miles",
    "land": "number of land neighbours (COW contiguity)",
    "sea": "number of water neighbours within 400 miles (COW contiguity)",
    "ongoingrivalry": "1 if the two states are strategic rivals that year (TSS)",
    "capdist": "distance between the capitals, km",
    "mincapdist": "distance to the nearest other capital in the system, km",
    "minmindist": "smallest minimum distance to any other state, km",
    "leaderage": "leader's age (year minus birth year)",
    "yrinoffice": "year of the leader's tenure (1 in the year of entry)",
    "leadertransition": "1 if a new leader entered office that year",
    "irregular": "1 if a leader entered office irregularly that year",
    "n_leaders": "number of leaders in office during the year",
    "jan1obsid": "Archigos tenure of the leader in office on January 1",
    "dec31obsid": "Archigos tenure of the leader in office on December 31",
    "gmlmidongoing": "1 if in a GML MID that year (ongoing)",
    "gmlmidonset": "1 if a GML MID began that year (onset)",
    "gmlmidongoing_init": "1 if in a GML MID initiated under the init rule (leaders: one they were in office for at its start)",
    "gmlmidonset_init": "1 if a GML MID initiated under the init rule began that year",
    "intrawarnums": "COW numbers of all the state's intra-state wars that year",
    "ucdpongoing": "1 if in a UCDP armed conflict that year (side A's primary government)",
    "ucdponset": "1 if such a conflict first appears for the state that year",
    "maxintensity": "highest UCDP intensity that year (1 minor, 2 war)",
    "conflict_ids": "UCDP conflict ids that year",
    "n_positional": "number of positional strategic rivals (TSS) that year",
    "n_spatial": "number of spatial strategic rivals (TSS) that year",
    "n_ideological": "number of ideological strategic rivals (TSS) that year",
    "n_interventionary": "number of interventionary strategic rivals (TSS) that year",
}
SPELLS = {"spell": "years since the last year with the event (peace years)"}


def _catalogue_descriptions(sources: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for source in sources:
        try:
            fields = info(source)["schema"]["fields"]
        except Exception:  # noqa: BLE001 - a source without a descriptor simply adds nothing
            continue
        for field in fields:
            if "description" in field:
                found.setdefault(field["name"], field["description"])
    return found


def column_labels(panel: Panel) -> dict[str, str]:
    """A description for every column that has one: catalogue text for the source column,
    with "(state 1)"/"(state 2)" for dyadic suffixes and MID prefixes removed."""
    known = {**_catalogue_descriptions(panel.sources), **DERIVED}
    labels: dict[str, str] = {}
    for column in panel.columns:
        base = re.sub(r"^(gmlmid|cowmid)_", "", column)
        if base in known:
            labels[column] = known[base]
            continue
        match = re.fullmatch(r"(.+?)([12])", base)
        if match and match.group(1) in known:
            labels[column] = f"{known[match.group(1)]} (side {match.group(2)})"
        elif column.endswith("spell"):
            labels[column] = f"{column.removesuffix('spell')}: {SPELLS['spell']}"
    return labels


def dispute_labels(disputes: DisputeYears) -> dict[str, str]:
    """Descriptions of a dispute-year frame's columns, from its source tables."""
    known = _catalogue_descriptions(disputes.sources)
    return {c: known[c] for c in disputes.frame.columns if c in known}
