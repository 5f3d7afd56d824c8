"""Numbered citations: ledger sources and bundled data sets, numbered in order of first use."""

from __future__ import annotations

import re

from pactscope import data
from pactscope.assess.model import Source
from pactscope.ledger import load_ledger

# which bundled tables each metric reads (the first of a group is the one cited)
METRIC_DATA: dict[str, tuple[str, ...]] = {
    "alliance_years": ("atop4_01_member",),
    "members": ("atop4_01_member",),
    "dominance": ("cow_nmc", "atop4_01_member"),
    "burden": ("cow_nmc", "atop4_01_member"),
    "coalition": ("cow_nmc", "atop4_01_member"),
    "coalition_overlap": ("atop4_01_member",),
    "threats": ("ucdp_acd", "gml_dirdisp", "cow_mid_dirdisps", "atop4_01_member"),
    "alignment_with": ("un_votes",),
    "war_reliability": ("cow_war_inter", "atop4_01_member", "cow_contdir", "cow_states"),
    "exit_precedents": ("atop4_01_member",),
    "resolution_votes": ("undl_ga_votes", "undl_ga_resolutions", "unga_2025_3dl"),
    "vote_match": ("undl_ga_votes", "undl_ga_resolutions", "unga_2025_3dl"),
    "alignment_before_after": ("undl_ga_votes", "unga_2025_3dl"),
    "milex_gdp": ("sipri_milex", "wdi_selected", "cow_nmc", "atop4_01_member"),
    "spending_concentration": ("sipri_milex", "wdi_selected", "atop4_01_member"),
    "democracy": ("cw_democracy",),
}


# the bundled tables of each UN vote series, as named in the ``series`` column of the alignment metrics
SERIES_DATA = {"voeten": ("un_votes",), "undl": ("undl_ga_votes",), "3dl": ("unga_2025_3dl",)}


REPOST = re.compile(r"\b(via|citing|reposted|excerpt)\b", re.IGNORECASE)


def preferred(ids) -> list[str]:
    """Ledger source ids to cite for one statement: reposts ("X (via Y)", "citing", "reposted") are left
    out when an original is also given, and official documents, where present, come before the rest."""
    sources = load_ledger().sources
    ids = list(dict.fromkeys(ids))
    originals = [i for i in ids if not REPOST.search(sources[i].publisher)]
    kept = originals or ids
    return sorted(kept, key=lambda i: sources[i].kind.value != "official")


def about_state(ids, state_name: str, other_names) -> list[str]:
    """Source ids for a fact about one state: a source whose title names another of ``other_names`` and
    not this state (e.g. "Georgia to quit CIS" for Kazakhstan's membership) is left out, unless it is the
    only one."""
    sources = load_ledger().sources
    ids = list(dict.fromkeys(ids))

    def off_topic(i: str) -> bool:
        title = sources[i].title
        return state_name not in title and any(n in title for n in other_names if n != state_name)

    kept = [i for i in ids if not off_topic(i)]
    return kept or ids


_ACCENTS = {'\\"o': "ö", '\\"O': "Ö", '\\"a': "ä", '\\"A': "Ä", '\\"u': "ü", '\\"U': "Ü", "\\'e": "é", "\\'a": "á"}


def _plain(text: str) -> str:
    """BibTeX text without braces, accents commands or double dashes."""
    for code, char in _ACCENTS.items():
        text = text.replace(code, char)
    return re.sub(r"[{}\\]", "", text).replace("--", "-").strip()


def _field(entry: str, name: str) -> str | None:
    match = re.search(rf"^\s*{name}\s*=\s*\{{(.*)\}},?\s*$", entry, re.MULTILINE | re.IGNORECASE)
    if not match:
        return None
    return _plain(match.group(1))


def _authors(text: str | None) -> str:
    if not text:
        return ""
    names = [n.strip() for n in text.split(" and ") if n.strip()]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def reference(entry: str) -> str:
    """A one-line reference from a BibTeX entry: authors (year). Title. Venue, volume, pages."""
    parts = [f"{_authors(_field(entry, 'author'))} ({_field(entry, 'year') or 'n.d.'})."]
    parts.append(f"{_field(entry, 'title')}.")
    venue = _field(entry, "journal") or _field(entry, "booktitle") or _field(entry, "publisher")
    if venue:
        extra = ", ".join(x for x in (_field(entry, "volume"), _field(entry, "pages")) if x and x.strip("0"))
        parts.append(f"{venue}{', ' + extra if extra else ''}.")
    doi = _field(entry, "doi")
    if doi:
        parts.append(f"doi:{doi}.")
    return " ".join(parts)


def dataset_reference(name: str) -> str:
    entries = [e for e in data.cite(name).split("\n\n") if e.strip()]
    return " ".join(reference(e) for e in entries)


class Citations:
    """Hands out citation numbers; the same source always gets the same number."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], int] = {}
        self._sources: list[Source] = []

    def _add(self, kind: str, key: str) -> int:
        if (kind, key) in self._numbers:
            return self._numbers[(kind, key)]
        n = len(self._sources) + 1
        if kind == "ledger":
            s = load_ledger().sources[key]
            src = Source(n=n, id=key, kind="ledger", title=s.title, publisher=s.publisher, url=str(s.url), date=s.date)
        else:
            info = data.info(key)
            url = (info.get("sources") or [{}])[0].get("path")
            src = Source(
                n=n, id=key, kind="dataset", title=info["title"], publisher=(info.get("sources") or [{}])[0].get("title"),
                url=url, version=info.get("pactscope:version"), reference=dataset_reference(key),
            )
        self._numbers[(kind, key)] = n
        self._sources.append(src)
        return n

    def ledger(self, *ids: str) -> list[int]:
        return sorted({self._add("ledger", i) for i in preferred(ids)})

    def dataset(self, *names: str) -> list[int]:
        return sorted({self._add("dataset", n) for n in names})

    def metric(self, metric: str) -> list[int]:
        """The data sets a metric reads (none for ledger functions: those facts cite ledger sources)."""
        return self.dataset(*METRIC_DATA.get(metric, ()))

    def vote_series(self, series) -> list[int]:
        """The tables of the UN vote series named in ``series`` values ("voeten", "undl", "3dl+undl")."""
        names = sorted({part for value in series if value for part in str(value).split("+")})
        return self.dataset(*(t for name in names for t in SERIES_DATA.get(name, ())))

    def used_datasets(self) -> list[str]:
        return [s.id for s in self._sources if s.kind == "dataset"]

    def sources(self) -> list[Source]:
        return list(self._sources)
