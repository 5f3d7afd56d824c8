"""`validate()`: schema checks plus cross-checks between ledger files."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel

from pactscope.codes import resolve
from pactscope.ledger.loader import is_member
from pactscope.ledger.parse import Item, Tree, read_tree
from pactscope.ledger.problems import Problem, Severity
from pactscope.ledger.rules import expected_trigger, response_problems
from pactscope.ledger.schema import Ternary
from pactscope.ledger.yamlio import field_path, line_of


def _known_state(code: str) -> bool:
    try:
        state = resolve(code)
    except LookupError:  # UnknownState
        return False
    return getattr(state, "iso3", code) == code


def _walk(obj: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
    """Yield (loc, field name, value) for every field of a model tree."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            yield loc + (name,), name, value
            yield from _walk(value, loc + (name,))
    elif isinstance(obj, (list, tuple)):
        for i, value in enumerate(obj):
            yield from _walk(value, loc + (i,))


_STATE_FIELDS = {"state", "host", "user"}
_STATE_LIST_FIELDS = {"participants", "parties", "not_signed"}  # lists of state codes


class _Checker:
    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.problems: list[Problem] = list(tree.problems)

    def add(self, item: Item, loc: tuple[Any, ...], message: str, warn: bool = False) -> None:
        full = item.loc + tuple(loc)
        sev = Severity.warning if warn else Severity.error
        self.problems.append(
            Problem(item.file.rel, line_of(item.file.data, full), field_path(full), message, sev)
        )

    def all_items(self) -> Iterator[Item]:
        t = self.tree
        yield from t.organizations.values()
        for group in (t.spells, t.organs, t.meetings, t.facilities, t.forces, t.exercises, t.departures):
            for items in group.values():
                yield from items
        yield from t.cases
        yield from t.sources

    # -- checks -------------------------------------------------------------------------

    def unique_ids(self) -> None:
        def once(items: list[tuple[Item, tuple[Any, ...], str]], what: str) -> None:
            seen: dict[str, Item] = {}
            for item, loc, ident in items:
                if ident in seen:
                    first = seen[ident]
                    where = f"{first.file.rel}:{line_of(first.file.data, first.loc)}"
                    self.add(item, loc, f"{what} id {ident!r} already used at {where}")
                else:
                    seen[ident] = Item(item.model, item.file, item.loc + tuple(loc))

        once([(i, ("id",), i.model.id) for i in self.tree.sources], "source")
        once([(i, ("id",), i.model.id) for i in self.tree.cases], "case")
        once([(i, ("id",), i.model.id) for i in self.tree.organizations.values()], "organization")
        for _org, item in self.tree.organizations.items():
            o = item.model
            once([(item, ("documents", k, "id"), d.id) for k, d in enumerate(o.documents)], "document")
            once([(item, ("clauses", k, "id"), c.id) for k, c in enumerate(o.clauses)], "clause")
        footprint = ((self.tree.facilities, "facility"), (self.tree.forces, "force"), (self.tree.exercises, "exercise"),
                     (self.tree.departures, "departure"))
        for group, what in ((self.tree.organs, "organ"), (self.tree.meetings, "meeting"), *footprint):
            for items in group.values():
                once([(i, ("id",), i.model.id) for i in items], what)

    def sources_exist(self) -> set[str]:
        known = {i.model.id for i in self.tree.sources}
        # ids of sources that failed the schema are known too: their own error is enough
        for raw in self.tree.files:
            if raw.kind == "sources" and isinstance(raw.data, dict):
                items = raw.data.get("sources") or []
                known |= {str(x["id"]) for x in items if isinstance(x, dict) and "id" in x}
        used: set[str] = set()
        for item in self.all_items():
            if item.file.kind == "sources":
                continue
            for loc, name, value in _walk(item.model):
                if name != "sources":
                    continue
                for k, sid in enumerate(value):
                    used.add(sid)
                    if sid not in known:
                        self.add(item, loc + (k,), f"unknown source id {sid!r}")
        return used

    def unused_sources(self, used: set[str]) -> None:
        for item in self.tree.sources:
            if item.model.id not in used:
                self.add(item, ("id",), "source is not cited by any record", warn=True)

    def urls(self) -> None:
        for item in self.tree.sources:
            text = str(_raw_value(item.file.data, item.loc + ("url",)) or item.model.url)
            host = urlsplit(text).hostname or ""
            if any(ch.isspace() for ch in text) or "." not in host:
                self.add(item, ("url",), f"malformed URL {text!r}")

    def states(self) -> None:
        for item in self.all_items():
            for loc, name, value in _walk(item.model):
                if name in _STATE_FIELDS and isinstance(value, str) and not _known_state(value):
                    self.add(item, loc, f"unknown state code {value!r}")
                elif name in _STATE_LIST_FIELDS and isinstance(value, list):
                    for k, code in enumerate(value):
                        if isinstance(code, str) and not _known_state(code):
                            self.add(item, loc + (k,), f"unknown state code {code!r}")

    def dates(self) -> None:
        for item in self.tree.organizations.values():
            o = item.model
            for k, d in enumerate(o.documents):
                if d.in_force and d.in_force < d.signed:
                    self.add(item, ("documents", k, "in_force"), "in force before it was signed")
            for k, off in enumerate(o.officials):
                if off.start and off.end and off.end < off.start:
                    self.add(item, ("officials", k, "end"), "end is before start")
        for items in self.tree.meetings.values():
            for item in items:
                m = item.model
                if m.end_date and m.end_date < m.date:
                    self.add(item, ("end_date",), "end_date is before date")
        for item in self.tree.cases:
            c = item.model
            for part in ("request", "response"):
                day = getattr(c, part).date
                if day and day < c.start_date:
                    self.add(item, (part, "date"), f"{part} dated before the case starts", warn=True)
        for items in self.tree.spells.values():
            by_state: dict[str, list[Item]] = {}
            for item in items:
                by_state.setdefault(item.model.state, []).append(item)
            for state_items in by_state.values():
                ordered = sorted(state_items, key=lambda i: i.model.start)
                for a, b in itertools.pairwise(ordered):
                    if a.model.end is None or b.model.start < a.model.end:
                        self.add(b, ("start",), f"overlaps the {a.model.state} spell at line {a.line}")

    def references(self) -> None:
        for item in self.tree.organizations.values():
            o = item.model
            docs = {d.id for d in o.documents}
            for k, c in enumerate(o.clauses):
                if c.document not in docs:
                    self.add(item, ("clauses", k, "document"), f"no document {c.document!r} in this file")
        for org, items in self.tree.meetings.items():
            organs = {i.model.id for i in self.tree.organs.get(org, [])}
            for item in items:
                if item.model.organ not in organs:
                    self.add(item, ("organ",), f"no organ {item.model.organ!r} in {org}/organs.yaml")
        self.footprint_references()
        self.departures_by_members()

    def departures_by_members(self) -> None:
        """A departure from a structure is by a state that was a member when it left."""
        for org, items in self.tree.departures.items():
            spells = [i.model for i in self.tree.spells.get(org, [])]
            for item in items:
                d = item.model
                if spells and not is_member(spells, d.state, d.start):
                    self.add(item, ("state",), f"{d.state} was not a member on {d.start}")

    def footprint_references(self) -> None:
        """Exercises name known forces, forces name known cases, hosts were members some time."""
        cases = {i.model.id for i in self.tree.cases}
        for org, items in self.tree.exercises.items():
            forces = {i.model.id for i in self.tree.forces.get(org, [])}
            for item in items:
                if item.model.force and item.model.force not in forces:
                    self.add(item, ("force",), f"no force {item.model.force!r} in {org}/forces.yaml")
        for items in self.tree.forces.values():
            for item in items:
                for k, case in enumerate(item.model.deployments):
                    if case not in cases:
                        self.add(item, ("deployments", k), f"no case {case!r} in the ledger")
        for org, items in self.tree.facilities.items():
            members = {i.model.state for i in self.tree.spells.get(org, [])}
            for item in items:
                if members and item.model.host not in members:
                    self.add(item, ("host",), f"{item.model.host} was never in {org}/membership.yaml", warn=True)

    def cases(self) -> None:
        orgs = {folder: item.model.id for folder, item in self.tree.organizations.items()}
        for item in self.tree.cases:
            c = item.model
            if item.file.org not in orgs:  # organization.yaml missing or invalid: reported there
                continue
            if orgs[item.file.org] != c.organization:
                self.add(item, ("organization",), f"case is filed under {item.file.org}/ but names {c.organization!r}")
            if item.file.rel.rsplit("/", 1)[-1] != f"{c.id}.yaml":
                self.add(item, ("id",), f"file should be named {c.id}.yaml", warn=True)
            for part in ("request", "response", "obligation"):
                if len(getattr(c, part).sources) < 2:
                    msg = "classification rests on one source; add an independent second one where it exists"
                    self.add(item, (part, "sources"), msg, warn=True)
            spells = [i.model for i in self.tree.spells.get(item.file.org, [])]
            if not spells:
                continue
            for k, p in enumerate(c.parties):
                was = is_member(spells, p.state, c.start_date)
                if p.member and not was:
                    msg = f"{p.state} is marked member but was not a member on {c.start_date}"
                    self.add(item, ("parties", k, "member"), msg)
                elif not p.member and was:
                    msg = f"{p.state} is marked non-member but was a member on {c.start_date}"
                    self.add(item, ("parties", k, "member"), msg)


    def coding_rules(self) -> None:
        """The trigger rule and the response scale (docs/ledger.md, "Coding rules")."""
        orgs = {item.model.id: item.model for item in self.tree.organizations.values()}
        for item in self.tree.cases:
            c = item.model
            org = orgs.get(c.organization)
            if org is not None:
                rule = expected_trigger(c, org)
                coded = c.obligation.triggered
                if coded is not rule.value and not c.obligation.rule_exception:
                    msg = (f"coded {coded.value!r} but the trigger rule gives {rule.value.value!r} "
                           f"(step {rule.step}); fix the coding or record obligation.rule_exception")
                    self.add(item, ("obligation", "triggered"), msg)
                elif coded is rule.value and c.obligation.rule_exception:
                    msg = "rule_exception recorded but the coding follows the rule; remove it"
                    self.add(item, ("obligation", "rule_exception"), msg, warn=True)
            for loc, msg in response_problems(c):
                self.add(item, loc, msg)
            if c.request.made is Ternary.no and c.request.met is not None:
                self.add(item, ("request", "met"), "met is given for a request that was not made")


def _raw_value(data: Any, loc: tuple[Any, ...]) -> Any:
    node = data
    for step in loc:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def validate(root: str | Path | None = None) -> list[Problem]:
    """Check the ledger under ``root`` (default: the shipped records).

    Returns errors and warnings sorted by file and line; an empty list means clean.
    """
    tree = read_tree(Path(root) if root is not None else None)
    check = _Checker(tree)
    check.unique_ids()
    check.unused_sources(check.sources_exist())
    check.urls()
    check.states()
    check.dates()
    check.references()
    check.cases()
    check.coding_rules()
    return sorted(set(check.problems))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]
