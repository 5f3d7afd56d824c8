"""Read the records tree into models, collecting schema problems with their lines.

One broken record does not hide the others: list files (sources, spells, organs,
meetings) are checked item by item, and the good items are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from pactscope.ledger.problems import Problem
from pactscope.ledger.schema import (
    CrisisCase,
    Meeting,
    MembershipSpell,
    Organ,
    Organization,
    Source,
)
from pactscope.ledger.schema_footprint import CollectiveForce, Departure, Exercise, Facility
from pactscope.ledger.yamlio import LineDict, field_path, line_of, read_yaml

RECORDS = Path(__file__).resolve().parent / "records"

# list files: top-level key -> item model
_LIST_FILES: dict[str, dict[str, type[BaseModel]]] = {
    "sources": {"sources": Source},
    "membership": {"spells": MembershipSpell},
    "organs": {"organs": Organ, "meetings": Meeting},
    "presence": {"facilities": Facility},
    "forces": {"forces": CollectiveForce},
    "exercises": {"exercises": Exercise},
    "departures": {"departures": Departure},
}
_REQUIRED_KEYS = {"sources": {"sources"}, "membership": {"spells"}, "organs": {"organs"},
                  "presence": {"facilities"}, "forces": {"forces"}, "exercises": {"exercises"},
                  "departures": {"departures"}}
_FOOTPRINT = ("presence", "forces", "exercises", "departures")  # list files whose items Tree keeps per organization


@dataclass
class RawFile:
    """One YAML file: where it is, what it holds, and its line-aware data."""

    rel: str
    kind: str  # organization | membership | organs | case | sources | presence | forces | exercises
    org: str | None  # folder name, e.g. "csto"; None for source files
    data: Any


@dataclass
class Item:
    """A validated record with the file and location it came from."""

    model: Any
    file: RawFile
    loc: tuple[Any, ...]

    @property
    def line(self) -> int:
        return line_of(self.file.data, self.loc)


@dataclass
class Tree:
    """Everything read from a records root, good or bad."""

    root: Path
    files: list[RawFile] = field(default_factory=list)
    organizations: dict[str, Item] = field(default_factory=dict)  # folder -> Organization
    spells: dict[str, list[Item]] = field(default_factory=dict)
    organs: dict[str, list[Item]] = field(default_factory=dict)
    meetings: dict[str, list[Item]] = field(default_factory=dict)
    cases: list[Item] = field(default_factory=list)
    facilities: dict[str, list[Item]] = field(default_factory=dict)
    forces: dict[str, list[Item]] = field(default_factory=dict)
    exercises: dict[str, list[Item]] = field(default_factory=dict)
    departures: dict[str, list[Item]] = field(default_factory=dict)
    sources: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _kind(rel: Path) -> tuple[str, str | None] | None:
    parts = rel.parts
    if len(parts) == 2 and parts[0] == "sources":
        return "sources", None
    if len(parts) == 2 and parts[1].removesuffix(".yaml") in ("organization", "membership", "organs", *_FOOTPRINT):
        return parts[1].removesuffix(".yaml"), parts[0]
    if len(parts) == 3 and parts[1] == "cases":
        return "case", parts[0]
    return None


def _schema_problems(raw: RawFile, err: ValidationError, prefix: tuple[Any, ...]) -> list[Problem]:
    out = []
    for e in err.errors(include_url=False):
        loc = prefix + tuple(e["loc"])
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown key (misspelled?)"
        elif e["type"] == "missing":
            msg = "required key is missing"
        elif e["type"] == "too_short" and loc and loc[-1] == "sources":
            msg = "no source given: every fact needs at least one source id"
        out.append(Problem(raw.rel, line_of(raw.data, loc), field_path(loc), msg))
    return out


def _validate(raw: RawFile, model: type[BaseModel], value: Any, loc: tuple[Any, ...], tree: Tree) -> Any:
    try:
        return model.model_validate(value)
    except ValidationError as err:
        tree.problems.extend(_schema_problems(raw, err, loc))
        return None


def _read_list_file(raw: RawFile, tree: Tree) -> dict[str, list[Item]]:
    spec = _LIST_FILES[raw.kind]
    data = raw.data
    found: dict[str, list[Item]] = {key: [] for key in spec}
    if not isinstance(data, LineDict):
        tree.problems.append(Problem(raw.rel, 1, "(file)", f"expected a mapping with keys {sorted(spec)}"))
        return found
    for key in data:
        if key not in spec:
            tree.problems.append(
                Problem(raw.rel, data.key_lines[key], str(key), "unknown key (misspelled?)")
            )
    for key in sorted(_REQUIRED_KEYS[raw.kind] - set(data)):
        tree.problems.append(Problem(raw.rel, data.line, key, "required key is missing"))
    for key, model in spec.items():
        items = data.get(key) or []
        if not isinstance(items, list):
            tree.problems.append(Problem(raw.rel, data.key_lines.get(key, 1), key, "expected a list"))
            continue
        for i, value in enumerate(items):
            obj = _validate(raw, model, value, (key, i), tree)
            if obj is not None:
                found[key].append(Item(obj, raw, (key, i)))
    return found


def read_tree(root: Path | None = None) -> Tree:
    """Read every ``*.yaml`` under ``root`` (default: the shipped records)."""
    root = Path(root) if root is not None else RECORDS
    tree = Tree(root=root)
    if not root.is_dir():
        tree.problems.append(Problem(str(root), 0, "(root)", "records folder not found"))
        return tree
    for path in sorted(root.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        rel = path.relative_to(root)
        rel_s = rel.as_posix()
        if path.suffix != ".yaml":
            if path.suffix == ".yml":
                tree.problems.append(Problem(rel_s, 1, "(file)", "use the .yaml extension"))
            continue
        kind = _kind(rel)
        if kind is None:
            tree.problems.append(Problem(rel_s, 1, "(file)", "file is not in a known place"))
            continue
        try:
            data, duplicates = read_yaml(path)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            tree.problems.append(Problem(rel_s, line, "(file)", f"YAML syntax error: {err}"))
            continue
        for line, key in duplicates:
            tree.problems.append(Problem(rel_s, line, key, "key repeated in the same mapping"))
        raw = RawFile(rel_s, kind[0], kind[1], data)
        tree.files.append(raw)
        _dispatch(raw, tree)
    if not any(f.kind == "organization" for f in tree.files):
        tree.problems.append(Problem(str(root), 0, "(root)", "no <organization>/organization.yaml here, so this is "
                                     "not a ledger records folder; give the folder that holds them"))
    return tree


def _dispatch(raw: RawFile, tree: Tree) -> None:
    org = raw.org or ""
    if raw.kind == "organization":
        obj = _validate(raw, Organization, raw.data, (), tree)
        if obj is not None:
            tree.organizations[org] = Item(obj, raw, ())
    elif raw.kind == "case":
        obj = _validate(raw, CrisisCase, raw.data, (), tree)
        if obj is not None:
            tree.cases.append(Item(obj, raw, ()))
    else:
        found = _read_list_file(raw, tree)
        if raw.kind == "sources":
            tree.sources.extend(found["sources"])
        elif raw.kind == "membership":
            tree.spells.setdefault(org, []).extend(found["spells"])
        elif raw.kind in _FOOTPRINT:
            [key] = _REQUIRED_KEYS[raw.kind]
            getattr(tree, key).setdefault(org, []).extend(found[key])
        else:
            tree.organs.setdefault(org, []).extend(found["organs"])
            tree.meetings.setdefault(org, []).extend(found["meetings"])
