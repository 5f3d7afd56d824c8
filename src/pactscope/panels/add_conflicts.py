"""Conflict steps: MIDs (GML and COW), COW inter-state wars, UCDP armed conflicts."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from pactscope.data import load
from pactscope.errors import BadArgument
from pactscope.panels._join import coverage_fill, fill_coverage, join_on_keys, left_join, undirected
from pactscope.panels.crosswalk import cow_view
from pactscope.panels.frame import Panel, PanelKind, require
from pactscope.panels.mid_participants import add_state_or_leader_mids
from pactscope.panels.mid_participants import initiated as _initiated
from pactscope.panels.whittle import DisputeYears, drop_ongoing_beside_onsets, keep_extreme, keep_first

DYAD = ["ccode1", "ccode2", "year"]


def _initiators(init: str) -> list[pl.Expr]:
    return [_initiated(init, side).cast(pl.Int32).alias(f"init{side}") for side in "12"]


def _whittled_source(step: str, disputes: DisputeYears, conflict_type: str, leaders: bool, prefix: str) -> pl.LazyFrame:
    """A user's whittled dispute-years as the step's source: the right type, one dispute per unit-year."""
    if not isinstance(disputes, DisputeYears) or disputes.conflict_type != conflict_type or disputes.leaders != leaders:
        unit = "leader-dyad" if leaders else "dyad"
        raise BadArgument(f"{step}(disputes=...): needs {conflict_type} {unit} dispute-years, from dispute_years({conflict_type!r}{', leaders=True' if leaders else ''})")
    if disputes.duplicates():
        raise BadArgument(
            f"{step}(disputes=...): {disputes.duplicates():,} unit-years still hold more than one dispute; "
            "whittle further (whittle_conflicts_jds() as the last step keeps one)"
        )
    return disputes.frame.lazy().rename({disputes.ongoing: f"{prefix}ongoing", disputes.onset: f"{prefix}onset"})


def _add_dyadic_disputes(
    panel: Panel, step: str, table: str, prefix: str, keep: Sequence[str] | None, init: str | None = None,
    disputes: DisputeYears | None = None,
) -> Panel:
    panel, keys = cow_view(panel, step, kinds=(PanelKind.dyad_year,))
    core = [f"{prefix}ongoing", f"{prefix}onset"]
    sources: tuple[str, ...] = (table,)
    if disputes is None:
        source = load(table).lazy()
    else:
        source = _whittled_source(step, disputes, "gml" if prefix == "gmlmid" else "cow-mid", False, prefix)
        sources = disputes.sources or (table,)
    extras = [c for c in source.collect_schema().names() if c not in (*DYAD, *core)]
    if keep is not None:
        unknown = sorted(set(keep) - set(extras))
        if unknown:
            raise BadArgument(f"{step}(keep=...): no column {', '.join(unknown)}; choose from {', '.join(extras)}")
    added = []
    if init is not None and panel.directed:
        source = source.with_columns(_initiators(init))
        added = ["init1", "init2"]
    # Extra columns carry the source's name so GML and COW MIDs can sit side by side.
    renamed = {c: f"{prefix}_{c}" for c in (extras if keep is None else keep)}
    source = source.select(*DYAD, *core, *renamed, *added).rename(renamed)
    frame = join_on_keys(panel, source, keys, fill=coverage_fill(core, table))
    return panel.with_frame(frame, *sources)


def add_gml_mids(
    panel: Panel, keep: Sequence[str] | None = None, init: str = "sidea-all-joiners", disputes: DisputeYears | None = None
) -> Panel:
    """Gibler-Miller-Little MIDs: ``gmlmidongoing``, ``gmlmidonset`` plus dispute details.

    The source is already one dispute per directed dyad-year, whittled by peacesciencer's rules
    (unique onsets first, then the most severe). Details (dispnum, sidea1, hostlev, ...) come
    prefixed ``gmlmid_``; ``keep`` picks some of them (``keep=[]`` for none). Directed panels
    also get ``init1, init2``, whether each state counts as an initiator under peacesciencer's
    ``init`` rule: ``"sidea-all-joiners"`` (side A, or any joiner), ``"sidea-with-joiners"``
    (side A, joiners included) or ``"sidea-orig"`` (side A originators only). Missing -> 0
    inside the source's coverage; later years stay missing. On state-years and leader-years
    (from the participant table ``gml_part``, as peacesciencer): ``gmlmidongoing, gmlmidonset``
    and ``gmlmidongoing_init, gmlmidonset_init`` (disputes the state, or the leader in office at
    their start, initiated under ``init``). ``disputes``: dispute-years whittled
    with the ``whittle_conflicts_*`` verbs, merged instead of the bundled table (which equals
    ``dispute_years("gml")`` whittled by peacesciencer's rules in its order).
    """
    if isinstance(panel, Panel) and panel.kind is PanelKind.leader_dyad_year:
        return _add_leader_disputes(panel, init, disputes)
    if isinstance(panel, Panel) and panel.kind in (PanelKind.state_year, PanelKind.leader_year):
        if disputes is not None or keep is not None:
            raise BadArgument("add_gml_mids(): keep= and disputes= apply to dyad-years; state- and leader-years count participations")
        return add_state_or_leader_mids(panel, init)
    return _add_dyadic_disputes(panel, "add_gml_mids", "gml_mid_ddydisps", "gmlmid", keep, init, disputes)


def _add_leader_disputes(panel: Panel, init: str, disputes: DisputeYears | None = None) -> Panel:
    """GML MIDs on leader-dyad-years (``gml_mid_ddlydisps``, one dispute per leader dyad-year).

    Directed panels also get ``gmlmidongoing_init`` (ongoing, and leader 1 was in office when
    the dispute began and initiated it under ``init``) and ``gmlmidonset_init``.
    """
    table = "gml_mid_ddlydisps"
    sources: tuple[str, ...] = (table,)
    if disputes is None:
        source = load(table).lazy().drop("ccode1", "ccode2")
    else:
        source = _whittled_source("add_gml_mids", disputes, "gml", True, "gmlmid").drop("ccode1", "ccode2")
        sources = disputes.sources or (table,)
    core = ["gmlmidongoing", "gmlmidonset"]
    if panel.directed:
        started = pl.col("obsid_start1") == pl.col("obsid1")
        ongoing_init = ((pl.col("gmlmidongoing") == 1) & started & _initiated(init, "1")).cast(pl.Int32)
        source = source.with_columns(gmlmidongoing_init=ongoing_init).with_columns(
            gmlmidonset_init=((pl.col("gmlmidonset") == 1) & (pl.col("gmlmidongoing_init") == 1)).cast(pl.Int32)
        )
        core += ["gmlmidongoing_init", "gmlmidonset_init"]
    details = [c for c in source.collect_schema().names() if c not in ("obsid1", "obsid2", "year", *core)]
    source = source.rename({c: f"gmlmid_{c}" for c in details})
    frame = left_join(panel.frame, source, ["obsid1", "obsid2", "year"]).with_columns(fill_coverage(core, table))
    return panel.with_frame(frame, *sources)


def add_cow_mids(panel: Panel, keep: Sequence[str] | None = None, disputes: DisputeYears | None = None) -> Panel:
    """COW MIDs: ``cowmidongoing``, ``cowmidonset`` plus details prefixed ``cowmid_``.

    One dispute per dyad-year as whittled by peacesciencer, or ``disputes`` whittled by the
    ``whittle_conflicts_*`` verbs from ``dispute_years("cow-mid")``. Missing -> 0 inside the coverage.
    """
    return _add_dyadic_disputes(panel, "add_cow_mids", "cow_mid_ddydisps", "cowmid", keep, disputes=disputes)


def _whittle(wars: pl.LazyFrame, key: list[str], onset: str, deaths: tuple[str, str]) -> pl.LazyFrame:
    """peacesciencer's rule for several wars in one unit-year, built from the whittle verbs' rules:
    where an onset and an ongoing war share the unit-year the ongoing one goes; of those left, the
    deadliest war stays (negative death codes count as unknown, wars with no known deaths rank
    last) and, among equals, the earlier record in the source. Total and order-keeping, so the
    result never depends on threads."""
    known = [pl.when(pl.col(c) >= 0).then(pl.col(c)) for c in deaths]
    total = pl.when(known[0].is_null() & known[1].is_null()).then(None).otherwise(pl.sum_horizontal(known))
    wars = drop_ongoing_beside_onsets(wars.with_columns(_deaths=total), key, onset)
    return keep_first(keep_extreme(wars, key, pl.col("_deaths")), key).drop("_deaths")


def _whittled_wars() -> pl.LazyFrame:
    """One inter-state war per directed dyad-year; unknown battle deaths (negative codes) become missing."""
    deaths = ("batdeath1", "batdeath2")
    whittled = _whittle(load("cow_war_inter").lazy(), DYAD, "cowinteronset", deaths)
    return whittled.with_columns(pl.when(pl.col(c) >= 0).then(pl.col(c)).alias(c) for c in deaths)


INTRA_TYPES = ("all", "central control", "local issues")


def _whittled_intra_wars(intratype: str) -> pl.LazyFrame:
    """One civil war per state-year of the primary government."""
    wars = load("cow_war_intra").lazy().filter(pl.col("primary_state") == 1).rename({"ccodea": "ccode"})
    if intratype != "all":
        wars = wars.filter(pl.col("wartype") == intratype)
    key = ["ccode", "year"]
    wars = wars.with_columns(intrawarnums=pl.col("warnum").cast(pl.String).str.join("; ").over(key))
    deaths = ("sideadeaths", "sidebdeaths")
    return _whittle(wars, key, "cowintraonset", deaths).select(
        "ccode", "year", "warnum", "warname", "wartype", "cowintraonset", "cowintraongoing", "intnl", "outcome",
        *(pl.when(pl.col(c) >= 0).then(pl.col(c)).otherwise(-9).alias(c) for c in deaths),  # unknown: -9
        "intrawarnums",
    )


def add_cow_wars(panel: Panel, type: str = "inter", intratype: str = "all") -> Panel:
    """COW wars: inter-state (``cow_war_inter``) on dyad- or state-years, intra-state (``cow_war_intra``) on state-years.

    ``type="inter"``: ``cowinteronset``, ``cowinterongoing``. Dyad-years: whether the two states
    fought on opposite sides (sidea1/sidea2, initiators, outcomes, battle deaths, ``warnum``);
    duplicates whittled as peacesciencer does (onsets first, then the deadliest war).
    State-years (a pactscope addition): whether the state fought any inter-state war that year.
    ``type="intra"`` (state-years; ``intratype`` "all", "central control" or "local issues"):
    the civil wars of the primary government, ``cowintraonset``, ``cowintraongoing``, the war's
    number, name, type, internationalization, outcome and deaths (-9 where unknown, as peacesciencer), and
    ``intrawarnums`` (all its wars that year); one war per state-year as peacesciencer whittles.
    Missing -> 0 inside the source's coverage.
    """
    if type not in ("inter", "intra"):
        raise BadArgument(f"add_cow_wars(type={type!r}): choose 'inter' or 'intra'")
    if type == "intra":
        panel, keys = cow_view(panel, "add_cow_wars(type='intra')", kinds=(PanelKind.state_year,))
        if intratype not in INTRA_TYPES:
            raise BadArgument(f"add_cow_wars(intratype={intratype!r}): choose one of {', '.join(INTRA_TYPES)}")
        frame = join_on_keys(panel, _whittled_intra_wars(intratype), keys)
        return panel.with_frame(frame.with_columns(fill_coverage(["cowintraonset", "cowintraongoing"], "cow_war_intra")), "cow_war_intra")
    panel, keys = cow_view(panel, "add_cow_wars")
    wars = _whittled_wars()
    core = ["cowinteronset", "cowinterongoing"]
    if panel.dyadic:
        frame = join_on_keys(panel, wars, keys)
    else:
        per_state = wars.group_by(pl.col("ccode1").alias("ccode"), "year").agg(pl.col(core).max())
        frame = join_on_keys(panel, per_state, keys)
    return panel.with_frame(frame.with_columns(fill_coverage(core, "cow_war_inter")), "cow_war_inter")


def _ucdp_filtered(type_: Sequence[str] | None, issue: Sequence[str] | None, only_wars: bool) -> pl.LazyFrame:
    acd = load("ucdp_acd").lazy()
    if type_:
        acd = acd.filter(pl.col("type_of_conflict").is_in(list(type_)))
    if issue:
        acd = acd.filter(pl.col("incompatibility").is_in(list(issue)))
    if only_wars:
        acd = acd.filter(pl.col("intensity_level") == 2)
    return acd


def add_ucdp_acd(
    panel: Panel,
    type: Sequence[str] | None = None,
    issue: Sequence[str] | None = None,
    only_wars: bool = False,
) -> Panel:
    """UCDP/PRIO armed conflicts on Gleditsch-Ward panels.

    State-years (side A's primary government, as peacesciencer): ``ucdpongoing``, ``ucdponset``
    (first year the conflict appears for that state), ``maxintensity`` (1 minor, 2 war) and
    ``conflict_ids``. Dyad-years (a pactscope addition): primary side A against primary side B
    in either order. ``type`` filters on extrasystemic/interstate/intrastate/II, ``issue`` on
    territory/government/both. Missing -> 0 inside the source's coverage.
    """
    require(panel, "add_ucdp_acd", system="gw")
    acd = _ucdp_filtered(type, issue, only_wars)
    core = ["ucdpongoing", "ucdponset"]
    if not panel.dyadic:
        per_side = (
            acd.group_by("conflict_id", "gwno_a", "year")
            .agg(pl.col("intensity_level").max())
            .sort("conflict_id", "gwno_a", "year")
            .with_columns(onset=(pl.col("year") == pl.col("year").min().over("conflict_id", "gwno_a")).cast(pl.Int32))
        )
        per_state = per_side.group_by(pl.col("gwno_a").alias("gwcode"), "year").agg(
            ucdpongoing=pl.lit(1, dtype=pl.Int32),
            ucdponset=pl.col("onset").max(),
            maxintensity=pl.col("intensity_level").max(),
            conflict_ids=pl.col("conflict_id").sort().cast(pl.String).str.join("; "),
        )
        frame = join_on_keys(panel, per_state)
    else:
        pairs = acd.filter(pl.col("gwno_b").is_not_null()).select(
            gwcode1="gwno_a", gwcode2="gwno_b", year="year", conflict_id="conflict_id", intensity="intensity_level"
        )
        both = undirected(pairs, "gwcode1", "gwcode2")
        first = both.group_by("gwcode1", "gwcode2", "conflict_id").agg(pl.col("year").min().alias("first"))
        per_dyad = (
            both.join(first, on=["gwcode1", "gwcode2", "conflict_id"])
            .group_by("gwcode1", "gwcode2", "year")
            .agg(
                ucdpongoing=pl.lit(1, dtype=pl.Int32),
                ucdponset=(pl.col("year") == pl.col("first")).any().cast(pl.Int32),
                maxintensity=pl.col("intensity").max(),
                conflict_ids=pl.col("conflict_id").unique().sort().cast(pl.String).str.join("; "),
            )
        )
        frame = join_on_keys(panel, per_dyad)
    return panel.with_frame(frame.with_columns(fill_coverage(core, "ucdp_acd")), "ucdp_acd")


UCDP_ONSETS = ["sumnewconf", "sumonset1", "sumonset2", "sumonset3", "sumonset5", "sumonset10"]


def add_ucdp_onsets(panel: Panel) -> Panel:
    """UCDP onsets on state-years (``ucdp_onsets``): ``sumnewconf`` (conflicts appearing for the
    first time) and ``sumonset1`` ... ``sumonset10`` (onsets after at least 1, 2, 3, 5 or 10
    years without activity), counted for the state's government, as in peacesciencer. G-W
    panels join on their codes; COW panels through their ``gwcode`` (added from the crosswalk
    if absent). Missing -> 0 inside the table's coverage; other years stay missing."""
    from pactscope.panels.crosswalk import add_gwcode_to_cow

    require(panel, "add_ucdp_onsets", kinds=(PanelKind.state_year,))
    if panel.system == "cow" and "gwcode" not in panel.columns:
        panel = add_gwcode_to_cow(panel)
    table = load("ucdp_onsets").lazy()
    frame = left_join(panel.frame, table, ["gwcode", "year"]) if panel.system == "cow" else join_on_keys(panel, table)
    return panel.with_frame(frame.with_columns(fill_coverage(UCDP_ONSETS, "ucdp_onsets")), "ucdp_onsets")
