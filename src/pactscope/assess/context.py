"""What every section needs: the alliance, the states, the spans, cached metric calls, citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from pactscope import data
from pactscope.assess import fmt
from pactscope.assess.cites import Citations, about_state, preferred
from pactscope.assess.model import (
    Cell,
    Cite,
    Indicator,
    Paragraph,
    Provenance,
    Section,
    Text,
    Value,
)
from pactscope.assess.provenance import call, evaluate, key
from pactscope.codes import resolve
from pactscope.ledger import get_organization, load_ledger
from pactscope.metrics.stats import wilson


def state_name(iso3: str) -> str:
    try:
        return resolve(iso3).name
    except Exception:  # noqa: BLE001 - a code the crosswalk lacks is shown as it is
        return iso3


def status_today(oid: str, iso3: str, today: dt.date) -> tuple[str, list]:
    """(status, spells) of a state in an organization on ``today``: a ledger status while a
    spell covers the day, else ``left`` (it had spells) or ``never``."""
    spells = sorted((s for s in load_ledger().spells.get(oid, ()) if s.state == iso3), key=lambda s: s.start)
    for s in spells:
        if s.start <= today and (s.end is None or today < s.end):
            return s.status.value, spells
    return ("left" if spells else "never"), spells


@dataclass
class Ctx:
    oid: str
    compare: str
    start: int
    end: int
    nmc_end: int
    un_end: int
    today: dt.date
    focus: list[str]
    comparisons: list[str]
    bloc: list[str] = field(default_factory=list)
    versus: list[str] = field(default_factory=list)
    versus_default: bool = True
    leader: str | None = None
    cites: Citations = field(default_factory=Citations)
    indicators: list[Indicator] = field(default_factory=list)
    _frames: dict[str, pl.DataFrame] = field(default_factory=dict)
    _columns: dict[str, dict[str, list]] = field(default_factory=dict)  # per frame: columns as lists, for evaluate

    @property
    def org(self):
        return get_organization(self.oid)

    @property
    def states(self) -> list[str]:
        return self.focus + self.comparisons

    @property
    def years(self) -> str:
        return f"{self.start}-{self.end}"

    @property
    def nmc_years(self) -> str:
        return f"{self.start}-{self.nmc_end}"

    def name(self, iso3: str | None) -> str:
        return fmt.DASH if iso3 is None else state_name(iso3)

    def frame(self, metric: str, **args: Any) -> pl.DataFrame:
        k = key(metric, args)
        if k not in self._frames:
            self._frames[k] = call(metric, args)
        return self._frames[k]

    def value(
        self, metric: str, args: dict[str, Any], column: str | list[str] | None = None, row: dict | None = None,
        agg: str = "single", unit: str = "count", label: str | None = None, cites: list[int] | None = None,
        metric_cites: bool = True,
    ) -> Value:
        """A number picked from a metric's frame; ``metric_cites=False`` cites only ``cites`` (for a
        number the bundled data do not cover, e.g. ledger years after ATOP ends)."""
        prov = Provenance(metric=metric, args=args, column=column, row=row or {}, agg=agg)
        frame = self.frame(metric, **args)
        raw = evaluate(frame, prov, self._columns.setdefault(key(metric, args), {}))
        if isinstance(raw, float) and raw != raw:  # NaN -> null
            raw = None
        return Value(
            value=raw, text=fmt.number(raw, unit), unit=unit, label=label, prov=prov,
            cites=sorted(set((self.cites.metric(metric.split(".")[-1]) if metric_cites else []) + list(cites or []))),
        )

    def indicator(self, rule_id: str, value: Value, *, state: str | None = None, support: list[Value] | None = None,
                  about: str | None = None, years: str | None = None, caveat: str | None = None) -> None:
        from pactscope.assess.indicators import make

        about = about or (self.name(state) if state else self.oid)
        self.indicators.append(make(rule_id, value, about=about, state=state, support=support, years=years, caveat=caveat))

    def spell_cites(self, spells, limit: int | None = None) -> list[int]:
        """Citations of membership spells, each spell's sources kept to those about its own state (the
        first ``limit`` of each, originals and official texts first)."""
        ledger = load_ledger()
        ids = []
        for s in spells:
            others = {state_name(x.state) for oid in ledger.spells for x in ledger.spells[oid]}
            ids += preferred(about_state(s.sources, state_name(s.state), others))[:limit]
        return self.cites.ledger(*ids)

    def derived(self, op: str, a: Value, b: Value, unit: str, label: str | None = None) -> Value:
        result = combine(op, a.value, b.value)
        return Value(
            value=result, text=fmt.number(result, unit), unit=unit, label=label,
            derived={"op": op, "inputs": [a, b]}, cites=sorted(set(a.cites + b.cites)),
        )


def combine(op: str, a: float | None, b: float | None) -> float | None:
    """The result of a :class:`~pactscope.assess.model.Derived` operation on two numbers."""
    if a is None or b is None or (op not in ("sum", "difference") and not b):
        return None
    if op == "sum":
        return a + b
    if op == "difference":
        return a - b
    if op == "ratio":
        return a / b
    bounds = wilson(int(a), int(b))
    return bounds.low if op == "wilson_low" else bounds.high


def para(*parts) -> Paragraph:
    """A paragraph from strings, Values and lists of citation numbers."""
    runs = []
    for p in parts:
        if p is None:
            continue
        if isinstance(p, str):
            runs.append(Text(text=p))
        elif isinstance(p, (Value, Text, Cite)):
            runs.append(p)
        elif isinstance(p, list):
            if p:
                runs.append(Cite(refs=sorted(set(p))))
        else:
            raise TypeError(f"cannot put {type(p).__name__} in a paragraph")
    return Paragraph(runs=runs)


def cell(x=None, cites: list[int] | None = None, emphasis: bool = False) -> Cell:
    if isinstance(x, Value):
        return Cell(value=x, cites=cites or [], emphasis=emphasis)
    return Cell(text="" if x is None else str(x), cites=sorted(set(cites or [])), emphasis=emphasis)


def without_capability_data(ctx: Ctx, section: Section) -> Section | None:
    """The section with a note instead of evidence when the report's years start after NMC ends."""
    if ctx.nmc_end >= ctx.start:
        return None
    section.blocks = [para(f"No capability data cover these years: {data.label('cow_nmc')}.")]
    return section
