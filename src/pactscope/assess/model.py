"""The assessment report as data: pydantic models shared by the builder and the renderers.

Every number is a :class:`Value` that records where it came from (:class:`Provenance`: the
metric function, its arguments, the column, the rows and how they were aggregated) or how it
was derived from other values. Every fact carries citation numbers that resolve to
:class:`Source` entries of ``Report.sources``. ``report.schema.json`` beside this module is
generated from :class:`Report` (``python -m pactscope.assess.model``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"
SCHEMA_PATH = Path(__file__).parent / "report.schema.json"

Suggests = Literal["for", "against", "mixed", "no reading"]
Agg = Literal["single", "mean", "sum", "count", "n_unique", "min", "max", "rows"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Provenance(Model):
    """How to recompute a number: call ``metric`` with ``args``, keep the rows matching ``row``,
    then aggregate ``column``.

    ``metric`` names a function of ``pactscope.metrics`` (``"dominance"``) or, with a dot, of
    another pactscope module (``"ledger.cases_frame"``). A ``row`` entry is either a value (equal)
    or one of ``{"between": [lo, hi]}``, ``{"in": [...]}``, ``{"not_null": true}``. ``agg``:
    ``single`` (exactly one row), ``mean``/``sum``/``min``/``max`` (nulls skipped), ``count``
    (rows), ``n_unique`` (distinct non-null values, or combinations when ``column`` is a
    list), ``rows`` (the listed columns of every matching row, for chart data).
    """

    metric: str
    args: dict[str, Any] = {}
    column: str | list[str] | None = None
    row: dict[str, Any] = {}
    agg: Agg = "single"


class Derived(Model):
    """A number computed from two others: ``sum`` (a + b), ``difference`` (a - b), ``ratio`` (a / b),
    or the 95% Wilson interval bounds ``wilson_low`` / ``wilson_high`` of a successes out of b trials."""

    op: Literal["sum", "difference", "ratio", "wilson_low", "wilson_high"]
    inputs: list[Value] = Field(min_length=2, max_length=2)


class Value(Model):
    kind: Literal["value"] = "value"
    value: float | int | None
    text: str = Field(description="the number as shown")
    unit: Literal[
        "count", "share", "ratio", "months", "index", "year", "difference", "usd_thousands", "thousands"
    ] = "count"
    label: str | None = None
    prov: Provenance | None = None
    derived: Derived | None = None
    cites: list[int] = []


class Text(Model):
    kind: Literal["text"] = "text"
    text: str


class Cite(Model):
    kind: Literal["cite"] = "cite"
    refs: list[int]


Run = Annotated[Text | Value | Cite, Field(discriminator="kind")]


class Paragraph(Model):
    kind: Literal["paragraph"] = "paragraph"
    runs: list[Run]


class Heading(Model):
    kind: Literal["heading"] = "heading"
    text: str


class Cell(Model):
    text: str = ""
    value: Value | None = None
    cites: list[int] = []
    emphasis: bool = Field(False, description="row of a focus state, shown in bold")


class Column(Model):
    key: str
    label: str
    numeric: bool = False


class Table(Model):
    kind: Literal["table"] = "table"
    id: str
    caption: str
    columns: list[Column]
    rows: list[list[Cell]]
    note: str | None = None


class ChartData(Model):
    """A named data set of a chart: the rows of one or more metric calls, stacked."""

    name: str
    parts: list[Provenance]


class Chart(Model):
    kind: Literal["chart"] = "chart"
    id: str
    title: str
    description: str = Field(description="what the chart shows, for screen readers")
    spec: dict[str, Any] = Field(description="Vega-Lite 5 specification with inline data sets")
    data: list[ChartData] = []
    cites: list[int] = []


class Details(Model):
    """A titled group of paragraphs shown folded in the HTML (a case's summary, coding and disputed points)."""

    kind: Literal["details"] = "details"
    id: str
    title: str
    items: list[Paragraph]


Block = Annotated[Paragraph | Heading | Table | Chart | Details, Field(discriminator="kind")]


class Section(Model):
    id: str
    title: str
    question: str
    blocks: list[Block] = []


class Indicator(Model):
    id: str
    label: str
    section: str = Field(description="id of the section the evidence comes from")
    state: str | None = Field(None, description="ISO3 of the state it is about; null for the alliance")
    about: str = Field(description="what the number describes: a state, the alliance, or a comparison")
    value: Value
    support: list[Value] = []
    suggests: Suggests
    rule: str = Field(description="the documented rule, in words (generated from its thresholds)")
    reading: str = Field(description="how the rule applied to this value")
    side: Literal["protection", "cost"] = Field(
        "protection", description="whether the rule reads a protection membership brings or a cost or dependence")
    mirror: str = Field("", description="id of the rule that reads the other side of the same question")
    years: str = Field("", description="the years the number covers")
    caveat: str | None = Field(None, description="what limits the reading (few cases, data that stop early)")


class KeyPoint(Model):
    """One line of the first screen: a reading in words, its years and caveats, the section behind it."""

    text: str
    years: str = ""
    caveat: str | None = None
    section: str
    indicators: list[str] = Field(description="ids of the indicators the line reads")
    weak: bool = Field(False, description="a mixed reading that leans this way")


class Source(Model):
    n: int
    id: str
    kind: Literal["ledger", "dataset"]
    title: str
    publisher: str | None = None
    url: str | None = None
    date: dt.date | None = None
    version: str | None = None
    reference: str | None = Field(None, description="literature reference for a data set (from its BibTeX)")


class StateRef(Model):
    iso3: str
    name: str
    role: Literal["member", "comparison"]
    status: str = Field(description="status today: member, frozen, suspended, observer, partner, left, never")


class DataVersion(Model):
    name: str
    title: str
    version: str | None
    hash: str


class Footer(Model):
    pactscope_version: str
    generated: dt.date
    command: str
    ledger_version: str = Field(description="sha256 (first 16 hex digits) of the ledger record files")
    data_versions: list[DataVersion]


class Report(Model):
    schema_version: str = SCHEMA_VERSION
    title: str
    alliance: str
    alliance_name: str
    leader: str | None = Field(None, description="ISO3 of the member with the most CINC-leading years")
    compare_with: str
    years: tuple[int, int]
    states: list[StateRef]
    bloc: list[str] = Field(description="ISO3 of the states in the alternative-coalition scenario")
    versus: list[str]
    sections: list[Section]
    indicators: list[Indicator]
    key_points: dict[str, list[KeyPoint]] = Field(
        default_factory=dict, description='first screen: "for" and "against" lines, strongest first; no verdict')
    sources: list[Source]
    footer: Footer


Derived.model_rebuild()


def json_schema() -> dict:
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"  # not-a-data-year: a URL
    schema["title"] = "pactscope assessment report"
    return schema


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    path.write_text(json.dumps(json_schema(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_schema())
