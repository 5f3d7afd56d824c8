"""COW <-> Gleditsch-Ward codes on panels: ``add_ccode_to_gw``, ``add_gwcode_to_cow``, and the
COW view of a G-W panel that lets every COW-keyed step run on G-W panels."""

from __future__ import annotations

import polars as pl

from pactscope.data import load
from pactscope.errors import BadArgument
from pactscope.panels._join import join_state_values
from pactscope.panels.frame import ALL_KINDS, Panel, PanelKind, require


def _code_columns(panel: Panel, code: str) -> list[str]:
    return [code] if not panel.dyadic else [f"{code}1", f"{code}2"]


def _add_codes(panel: Panel, step: str, table: str, have: str, want: str) -> Panel:
    if any(c in panel.columns for c in _code_columns(panel, want)):
        raise BadArgument(f"{step}(): the panel already has {want} columns")
    crosswalk = load(table).lazy().filter(pl.col(have).is_not_null()).select(pl.col(have).alias("__code"), "year", want)
    # join_state_values looks the table up by the panel's own code columns (suffixed on dyads)
    frame = join_state_values(panel, crosswalk, [want], code="__code")
    return panel.with_frame(frame, table)


def add_ccode_to_gw(panel: Panel) -> Panel:
    """Add the COW code(s) of each G-W state-year (``ccode`` or ``ccode1, ccode2``), as peacesciencer.

    Missing where the COW list has no counterpart that year (microstates, for example).
    """
    require(panel, "add_ccode_to_gw", kinds=ALL_KINDS, system="gw")
    return _add_codes(panel, "add_ccode_to_gw", "gw_cw_panel", "gwcode", "ccode")


def add_gwcode_to_cow(panel: Panel) -> Panel:
    """Add the G-W code(s) of each COW state-year (``gwcode`` or ``gwcode1, gwcode2``), as peacesciencer."""
    require(panel, "add_gwcode_to_cow", kinds=ALL_KINDS, system="cow")
    return _add_codes(panel, "add_gwcode_to_cow", "cw_gw_panel", "ccode", "gwcode")


def cow_view(panel: Panel, step: str, kinds: tuple[PanelKind, ...] = ALL_KINDS) -> tuple[Panel, list[str]]:
    """The panel and the COW key columns a COW-keyed step joins on.

    COW panels join on their own keys; G-W panels get ``ccode`` columns first (added with
    ``add_ccode_to_gw`` if absent), so the step works as it does in peacesciencer after
    ``add_ccode_to_gw()``.
    """
    require(panel, step, kinds=kinds)
    if panel.system == "gw" and not set(_code_columns(panel, "ccode")) <= set(panel.columns):
        panel = add_ccode_to_gw(panel)
    return panel, [*_code_columns(panel, "ccode"), "year"]
