"""The loaded ledger and the functions that look things up in it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from pactscope.data.cache import cached_object, checksum
from pactscope.errors import LedgerError, UnknownAlliance, close_matches
from pactscope.ledger.parse import RECORDS, read_tree
from pactscope.ledger.schema import CrisisCase, Meeting, MembershipSpell, Organ, Organization, Source
from pactscope.ledger.schema_footprint import CollectiveForce, Departure, Exercise, Facility
from pactscope.ledger.statuses import counted_statuses

# statuses under which a state counts as a member on a given day (statuses.yaml, docs/ledger.md)
MEMBER_STATUSES = counted_statuses()


@dataclass(frozen=True)
class Ledger:
    """All records, keyed by organization id (e.g. "CSTO") where they belong to one."""

    root: Path
    organizations: dict[str, Organization]
    spells: dict[str, tuple[MembershipSpell, ...]]
    organs: dict[str, tuple[Organ, ...]]
    meetings: dict[str, tuple[Meeting, ...]]
    cases: dict[str, CrisisCase]
    sources: dict[str, Source]
    source_files: dict[str, str]  # source id -> file it is defined in
    facilities: dict[str, tuple[Facility, ...]] = field(default_factory=dict)
    forces: dict[str, tuple[CollectiveForce, ...]] = field(default_factory=dict)
    exercises: dict[str, tuple[Exercise, ...]] = field(default_factory=dict)
    departures: dict[str, tuple[Departure, ...]] = field(default_factory=dict)

    def cases_of(self, org: str) -> list[CrisisCase]:
        return [c for c in self.cases.values() if c.organization == org]

    def member_on(self, org: str, state: str, day: date) -> bool:
        """Was ``state`` a member (or a member that froze its participation) on ``day``?"""
        return is_member(self.spells.get(org, ()), state, day)


def is_member(spells: Iterable[MembershipSpell], state: str, day: date) -> bool:
    for s in spells:
        if s.state != state or s.status not in MEMBER_STATUSES:
            continue
        if s.start <= day and (s.end is None or day < s.end):
            return True
    return False


def _raise_on_errors(problems: Iterable[Any]) -> None:
    errors = [p for p in problems if p.is_error]
    if errors:
        shown = "\n".join(str(p) for p in errors[:10])
        more = f"\n... and {len(errors) - 10} more" if len(errors) > 10 else ""
        raise LedgerError(f"the ledger has {len(errors)} schema error(s):\n{shown}{more}")


@lru_cache(maxsize=8)
def _load(root: str | None) -> Ledger:
    """The ledger under ``root``, from the disk cache while its files and the ledger code are unchanged."""
    folder = Path(root) if root else RECORDS
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []
    key = checksum(code=("pactscope.ledger",), files=files, extra=str(folder.resolve()))
    return cached_object("ledger", key, lambda: _parse(root))


def _parse(root: str | None) -> Ledger:
    tree = read_tree(Path(root) if root else None)
    _raise_on_errors(tree.problems)
    orgs = {item.model.id: item.model for item in tree.organizations.values()}
    folder_to_id = {folder: item.model.id for folder, item in tree.organizations.items()}

    def by_org(mapping: dict[str, list[Any]]) -> dict[str, tuple[Any, ...]]:
        out = {}
        for folder, items in mapping.items():
            key = folder_to_id.get(folder, folder.upper())
            out[key] = tuple(i.model for i in items)
        return out

    cases = {item.model.id: item.model for item in tree.cases}
    sources = {item.model.id: item.model for item in tree.sources}
    files = {item.model.id: item.file.rel for item in tree.sources}
    return Ledger(
        root=tree.root,
        organizations=orgs,
        spells=by_org(tree.spells),
        organs=by_org(tree.organs),
        meetings=by_org(tree.meetings),
        cases=cases,
        sources=sources,
        source_files=files,
        facilities=by_org(tree.facilities),
        forces=by_org(tree.forces),
        exercises=by_org(tree.exercises),
        departures=by_org(tree.departures),
    )


def load_ledger(root: str | Path | None = None) -> Ledger:
    """Load (once per root, then cached) the ledger; raise LedgerError on schema errors.

    Cross-checks are not run here: call :func:`pactscope.ledger.validate` for those.
    """
    return _load(str(Path(root).resolve()) if root is not None else None)


def organizations(root: str | Path | None = None) -> list[Organization]:
    """All organizations, sorted by id."""
    ledger = load_ledger(root)
    return [ledger.organizations[k] for k in sorted(ledger.organizations)]


_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
})


def resolve_org_id(alliance: str, root: str | Path | None = None) -> str:
    """The canonical id for ``alliance`` (case-insensitive; abbreviations in any language work, and
    Russian ones also in Latin letters: ``odkb`` for ОДКБ)."""
    ledger = load_ledger(root)
    wanted = alliance.strip().casefold()
    for oid, o in ledger.organizations.items():
        names = [oid, o.names.en, o.names.ru or "", o.names.ar or ""]
        names += o.abbreviations.en + o.abbreviations.ru + o.abbreviations.ar
        names += [a.casefold().translate(_LATIN) for a in o.abbreviations.ru]
        if wanted in {n.casefold() for n in names if n}:
            return oid
    choices = sorted(ledger.organizations)
    close = close_matches(alliance.upper(), choices)
    raise UnknownAlliance(f"no organization {alliance!r} in the ledger", suggestions=close or choices)


def org_id(alliance: str, argument: str = "alliance") -> str:
    """Canonical ledger id of an alliance name or abbreviation; UnknownAlliance names the argument."""
    try:
        return resolve_org_id(alliance)
    except UnknownAlliance as exc:
        raise UnknownAlliance(f"{argument}: no organization {alliance!r} in the ledger", suggestions=exc.suggestions) from None


def get_organization(alliance: str, root: str | Path | None = None) -> Organization:
    """The organization with id or abbreviation ``alliance``; UnknownAlliance if absent."""
    return load_ledger(root).organizations[resolve_org_id(alliance, root)]
