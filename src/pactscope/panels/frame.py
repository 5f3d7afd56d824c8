"""The Panel value: a polars DataFrame (sorted by its keys) plus what it is (state-year or dyad-year, code system, direction).

polars frames carry no attributes, so every ``create_*`` returns a Panel and every step takes
one and returns a new one. ``declare_panel`` stamps a frame a user built elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Concatenate, Literal, ParamSpec, cast

import polars as pl

from pactscope.errors import BadArgument, WrongPanelKind

System = Literal["cow", "gw"]
P = ParamSpec("P")


class PanelKind(StrEnum):
    state_year = "state-year"
    dyad_year = "dyad-year"
    leader_year = "leader-year"
    leader_dyad_year = "leader-dyad-year"
    state_day = "state-day"


STATE_LEVEL = (PanelKind.state_year, PanelKind.leader_year)
DYADIC = (PanelKind.dyad_year, PanelKind.leader_dyad_year)
ALL_KINDS = (*STATE_LEVEL, *DYADIC)


@dataclass(frozen=True)
class Panel:
    frame: pl.DataFrame
    kind: PanelKind
    system: System
    directed: bool | None = None  # dyad-years only
    sources: tuple[str, ...] = field(default=())
    # join keys computed once per set of rows (add_* steps keep rows and their order)
    key_cache: dict[tuple[str, ...], pl.Series] = field(default_factory=dict, compare=False, repr=False)

    @property
    def code(self) -> str:
        return "ccode" if self.system == "cow" else "gwcode"

    @property
    def dyadic(self) -> bool:
        return self.kind in DYADIC

    @property
    def keys(self) -> list[str]:
        """The columns that identify a row (leaders: the Archigos tenure ``obsid``)."""
        if self.kind is PanelKind.state_year:
            return [self.code, "year"]
        if self.kind is PanelKind.dyad_year:
            return [f"{self.code}1", f"{self.code}2", "year"]
        if self.kind is PanelKind.leader_year:
            return ["obsid", "year"]
        if self.kind is PanelKind.state_day:
            return [self.code, "date"]
        return ["obsid1", "obsid2", "year"]

    @property
    def state_keys(self) -> list[str]:
        """The state code and year columns, one or two codes."""
        return [self.code, "year"] if not self.dyadic else [f"{self.code}1", f"{self.code}2", "year"]

    def with_frame(self, frame: pl.DataFrame, *sources: str) -> Panel:
        """The same panel with a new frame. Steps never reorder rows, so a frame of the same
        height holds the same rows (a filter that drops none) and keeps the cached join keys."""
        added = tuple(s for s in sources if s not in self.sources)
        cache = self.key_cache if frame.height == self.frame.height else {}
        return replace(self, frame=frame, sources=self.sources + added, key_cache=cache)

    def pipe(self, step: Callable[Concatenate[Panel, P], Panel], *args: P.args, **kwargs: P.kwargs) -> Panel:
        return step(self, *args, **kwargs)

    def collect(self) -> pl.DataFrame:
        """The plain polars frame."""
        return self.frame

    @property
    def columns(self) -> list[str]:
        return self.frame.columns

    def describe(self) -> str:
        direction = "" if self.directed is None else (" directed" if self.directed else " non-directed")
        return f"{self.system.upper()}{direction} {self.kind.value} panel"


def require(
    panel: Any,
    step: str,
    *,
    kinds: Iterable[PanelKind] = (PanelKind.state_year, PanelKind.dyad_year),
    system: System | None = None,
) -> Panel:
    """Check that ``panel`` suits ``step``; raise a message that says what to run first."""
    if not isinstance(panel, Panel):
        raise WrongPanelKind(
            f"{step}() takes a Panel from create_stateyears() or create_dyadyears() "
            f"(or declare_panel() for a frame you built), not {type(panel).__name__}"
        )
    kinds = tuple(kinds)
    if panel.kind not in kinds:
        wanted = " or ".join(k.value for k in kinds)
        maker = "create_dyadyears()" if PanelKind.dyad_year in kinds else "create_stateyears()"
        raise WrongPanelKind(f"{step}() works on {wanted} panels, not on a {panel.describe()}; start from {maker}")
    if system is not None and panel.system != system:
        raise WrongPanelKind(
            f"{step}() merges on {system.upper()} codes, but this is a {panel.describe()}; "
            f"create the panel with system={system!r}"
        )
    return panel


def declare_panel(frame: pl.DataFrame | pl.LazyFrame, *, system: System | None = None) -> Panel:
    """Wrap a frame built elsewhere, inferring kind, system and direction from its key columns."""
    frame = frame.lazy().collect()
    names = set(frame.columns)
    if "year" not in names:
        raise BadArgument("a panel needs a 'year' column")
    for candidate in ([system] if system else ["cow", "gw"]):
        code = "ccode" if candidate == "cow" else "gwcode"
        candidate = cast(System, candidate)
        if {f"{code}1", f"{code}2"} <= names:
            keys = [f"{code}1", f"{code}2", "year"]
            directed = bool((frame[f"{code}1"] > frame[f"{code}2"]).any())
            return Panel(frame.sort(keys), PanelKind.dyad_year, candidate, directed=directed)
        if code in names:
            return Panel(frame.sort(code, "year"), PanelKind.state_year, candidate)
    raise BadArgument(
        "cannot tell the panel kind: expected ccode/gwcode (state-year) or ccode1, ccode2 / "
        "gwcode1, gwcode2 (dyad-year) columns"
    )
