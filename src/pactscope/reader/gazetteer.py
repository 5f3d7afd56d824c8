"""The names the reader looks for: states, organizations, organs, places, people, event words.

Built from three sources, in this order of precedence: the ledger (organizations, organs,
officials, case and meeting places), the state crosswalk (`pactscope.codes`: names,
variants, demonyms, capitals) and the reader's own `lexicon.yaml` (organizations and
organs the ledger may lack, places in three languages, heads of state, event words).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources

import yaml

from pactscope.errors import PactscopeError
from pactscope.reader.evidence import Evidence, load_evidence
from pactscope.reader.normalize import fold
from pactscope.reader.stems import stem_keys
from pactscope.reader.tokens import name_keys, script_of, tokenise

LANGS = ("en", "ru", "ar")
# Among overlapping names of equal length, the higher rank wins.
RANK = {"record": 7, "organ": 6, "organization": 5, "person": 4, "place": 3, "state": 2, "event": 1}
_RU_ADJECTIVE = re.compile(r"(?:ий|ый|ой|ая|ое|ие|ые|ин|ец|ка)$")


@dataclass(frozen=True)
class Entry:
    """One spelling of one thing; `keys` holds each word's key set."""

    kind: str  # state | organization | organ | place | person | event
    target: str  # ISO3, organization id, organ id, place id, person name, event category
    surface: str
    keys: tuple[frozenset[str], ...]
    capital_first: bool = False  # the text's first word must start with a capital
    upper: tuple[bool, ...] = ()  # per word: must be written in capitals (abbreviations)
    state: str | None = None  # the state a place or person belongs to
    organization: str | None = None  # the organization an organ belongs to
    lengths: tuple[int, ...] = ()  # per word: Russian words need at least this many letters in the text


@dataclass
class Gazetteer:
    entries: list[Entry] = field(default_factory=list)
    index: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    labels: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, target) -> English label
    event_fits: dict[str, tuple[str, ...]] = field(default_factory=dict)  # category -> threat types
    organ_kinds: dict[str, str] = field(default_factory=dict)  # organ id -> kind
    capitals: set[str] = field(default_factory=set)  # place ids that are capitals
    ccodes: dict[str, int | None] = field(default_factory=dict)  # state ISO3 -> COW code, looked up when built
    names: Gazetteer | None = None  # names of ledger records, matched in a pass of their own
    tenures: dict[str, tuple[str, dt.date | None, dt.date | None]] = field(default_factory=dict)  # official -> (org, start, end)
    offices: dict[str, tuple[str | None, tuple[tuple[dt.date, dt.date | None], ...]]] = field(default_factory=dict)  # person -> (state, spells)
    _seen: set[tuple[str, str, tuple]] = field(default_factory=set)
    _resolved: dict[tuple[str, tuple[str, ...]], str | None] = field(default_factory=dict)

    def add(self, kind: str, target: str, surface: str, *, case_from_surface: bool = True,
            state: str | None = None, organization: str | None = None, stems: bool = False) -> Entry | None:
        """Add one spelling; returns None for an empty or repeated one.

        `stems`: the words also match by stem (event words of verb-like categories).
        """
        folded = fold(surface).strip()
        words = [t.text for t in tokenise(folded)]
        if not words:
            return None
        keys = tuple(name_keys(w) for w in words)
        if stems:
            keys = tuple(k | stem_keys(w.lower(), script_of(w)) for k, w in zip(keys, words))
        marker = (kind, target, tuple(tuple(sorted(k)) for k in keys))
        if marker in self._seen:
            return None
        self._seen.add(marker)
        # Russian inflection lengthens a name or keeps its length; a shorter word is another word
        # ("Само" is not "Самоа").
        # Event words matched by stem may be shorter, down to five letters ("атаковал" is a form of
        # "атаковали", "напал" of "напали"; "сил" stays short of "силы").
        lengths = tuple((min(len(w), 5) if stems else len(w)) if script_of(w) == "ru" and len(w) >= 4 else 0
                        for w in words)
        entry = Entry(kind, target, surface, keys, *_case_rules(words, case_from_surface, kind),
                      state=state, organization=organization, lengths=lengths)
        self.entries.append(entry)
        self._resolved.clear()
        for key in keys[0]:
            self.index[key].append(entry)
        self.labels.setdefault((kind, target), surface if kind != "state" else target)
        return entry

    def resolve(self, surface: str, kinds: tuple[str, ...]) -> str | None:
        """The target of a whole name if the gazetteer knows it as one of `kinds`."""
        if (surface, kinds) not in self._resolved:
            self._resolved[surface, kinds] = self._resolve(surface, kinds)
        return self._resolved[surface, kinds]

    def _resolve(self, surface: str, kinds: tuple[str, ...]) -> str | None:
        words = [t.text for t in tokenise(fold(surface))]
        if not words:
            return None
        for entry in self.index.get(next(iter(name_keys(words[0]))), []):
            if entry.kind in kinds and len(entry.keys) == len(words) and all(
                e & name_keys(w) for e, w in zip(entry.keys, words)
            ):
                return entry.target
        return None


def _case_rules(words: list[str], from_surface: bool, kind: str) -> tuple[bool, tuple[bool, ...]]:
    """Capital and all-capitals requirements for Latin and Cyrillic names."""
    if kind in ("event", "record"):
        return False, tuple(False for _ in words)
    upper = tuple(script_of(w) in ("latin", "ru") and len(w) >= 2 and w.isupper() for w in words)
    first = words[0]
    if script_of(first) not in ("latin", "ru"):
        return False, upper
    if from_surface:
        return first[:1].isupper(), upper
    # Lower-cased crosswalk keys: short ones are abbreviations, Russian adjectives stay lower.
    if len(words) == 1 and len(first) <= 3:
        return True, (True,)
    if script_of(first) == "ru" and len(words) == 1 and _RU_ADJECTIVE.search(first):
        return False, upper
    return True, upper


def _data(name: str) -> dict:
    text = resources.files("pactscope.reader").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _lexicon() -> dict:
    return _data("lexicon.yaml")


def record_names() -> dict:
    """Names and keywords of ledger cases and meetings (`case_names.yaml`)."""
    return _data("case_names.yaml")


def _add_names(gaz: Gazetteer, kind: str, target: str, record: dict, **extra) -> None:
    for lang in LANGS:
        for name in record.get(lang) or []:
            gaz.add(kind, target, name, **extra)


def _names_of(model) -> list[str]:
    names = [model.names.en, model.names.ru, model.names.ar]
    return [n for n in names if n]


def _add_ledger(gaz: Gazetteer, ev: Evidence) -> None:
    for org in ev.organizations.values():
        abbreviations = org.abbreviations
        for name in _names_of(org) + abbreviations.en + abbreviations.ru + abbreviations.ar:
            gaz.add("organization", org.id, name)
        for official in org.officials:
            _add_person(gaz, official.names.en, _names_of(official), official.state)
            gaz.tenures[official.names.en] = (org.id, official.start, official.end)
    for org_id, organs in ev.organs.items():
        for organ in organs:
            gaz.organ_kinds[organ.id] = organ.kind
            for name in _names_of(organ):
                gaz.add("organ", organ.id, name, organization=org_id)
    for case in ev.cases.values():
        for place in case.places:
            _add_place(gaz, place, None)
    for meetings in ev.meetings.values():
        for meeting in meetings:
            _add_place(gaz, meeting.place, meeting.host)


def _add_place(gaz: Gazetteer, name: str, state: str | None) -> None:
    if gaz.resolve(name, ("place", "state")) is None:
        gaz.add("place", name, name, state=state)


def _add_person(gaz: Gazetteer, label: str, names: list[str], state: str | None) -> None:
    for name in names:
        gaz.add("person", label, name, state=state)
        words = name.replace("-", " ").split()
        if len(words) > 1 and len(words[-1]) >= 5:  # the surname alone
            gaz.add("person", label, words[-1], state=state)


def _seed_organs(gaz: Gazetteer, lex: dict) -> None:
    """Lexicon organs; one the ledger already names keeps the ledger's id."""
    for organ in lex["organs"]:
        spellings = [n for lang in LANGS for n in organ.get(lang) or []]
        target = next((t for n in spellings if (t := gaz.resolve(n, ("organ",)))), organ["id"])
        gaz.organ_kinds.setdefault(target, organ["kind"])
        for name in spellings:
            gaz.add("organ", target, name, organization=organ["organization"])


def _add_states(gaz: Gazetteer, lex: dict) -> None:
    try:
        from pactscope.codes import name_index
    except ImportError:
        name_index = None
    if name_index is None:
        for iso3, record in lex["fallback_states"].items():
            _add_names(gaz, "state", iso3, record)
        return
    for lang in LANGS:
        skip = {fold(w) for w in lex.get("not_states", {}).get(lang) or []}
        for name, codes in name_index(lang).items():
            if fold(name) in skip:
                continue
            code = codes[0] if len(codes) == 1 else _present_day(name, codes)
            if code:  # a name still ambiguous today marks nothing
                gaz.add("state", code, name, case_from_surface=False)
                if lang == "ru" and name.endswith("ий") and " " not in name:  # "таджикский" -> "таджикско-афганский"
                    gaz.add("state", code, name[:-2] + "о")  # lower case, as written inside a compound
    for iso3, record in (lex.get("state_variants") or {}).items():  # spellings the crosswalk lacks
        _add_names(gaz, "state", iso3, record)
    _add_ccodes(gaz)


def _add_ccodes(gaz: Gazetteer) -> None:
    """COW codes of the states the gazetteer names, so reading a text needs no crosswalk."""
    from pactscope.codes import resolve

    for iso3 in {e.target for e in gaz.entries if e.kind == "state"}:
        try:
            gaz.ccodes[iso3] = resolve(iso3).ccode
        except PactscopeError:
            gaz.ccodes[iso3] = None


def _present_day(name: str, codes: list[str]) -> str | None:
    """Of the states a name has denoted (Russia: RUS, SUN), the one it denotes today."""
    from pactscope.codes import resolve

    try:
        iso3 = resolve(name).iso3
    except PactscopeError:
        return None
    return iso3 if iso3 in codes else None


def _add_capitals(gaz: Gazetteer) -> None:
    try:
        from pactscope.codes import capitals
    except ImportError:
        return
    frame = capitals()
    for row in frame.iter_rows(named=True):
        label = row.get("capital")
        if not label:
            continue
        target = gaz.resolve(label, ("place",)) or label
        gaz.capitals.add(target)
        for column in ("capital", "capital_ru", "capital_ar"):
            if row.get(column):
                gaz.add("place", target, row[column], state=row.get("iso3"))


def build_gazetteer(evidence: Evidence | None = None) -> Gazetteer:
    """Assemble the gazetteer from the ledger, the crosswalk and the lexicon."""
    ev = evidence if evidence is not None else load_evidence()
    lex = _lexicon()
    gaz = Gazetteer()
    for place in lex["places"]:
        _add_names(gaz, "place", place["id"], place, state=place.get("state"))
    _add_states(gaz, lex)
    _add_capitals(gaz)
    _add_ledger(gaz, ev)
    for org in lex["organizations"]:
        _add_names(gaz, "organization", org["id"], org)
    _seed_organs(gaz, lex)
    for person in lex["persons"]:
        _add_person(gaz, person["id"], [n for lang in LANGS for n in person.get(lang) or []], person.get("state"))
        if person.get("office"):
            gaz.offices[person["id"]] = (person.get("state"), tuple((a, b) for a, b in person["office"]))
    names = record_names()
    known = set(ev.cases) | {m.id for ms in ev.meetings.values() for m in ms}
    gaz.names = Gazetteer()  # a record's name may contain a place or a state; both are read
    for section in ("cases", "meetings"):
        for rid, record in (names.get(section) or {}).items():
            if rid in known:
                _add_names(gaz.names, "record", rid, record)
    for org in lex.get("descriptions") or []:  # "a Russia-led military alliance", beside the state it holds
        _add_names(gaz.names, "organization", org["id"], org)
    for organ in lex.get("organ_phrases") or []:  # "قادة دول منظمة ...", beside the organization's name
        _add_names(gaz.names, "organ", organ["id"], organ, organization=organ["organization"])
    for category, record in lex["events"].items():
        gaz.event_fits[category] = tuple(record.get("fits") or [])
        _add_names(gaz, "event", category, record, stems=record.get("stems", True))
    for case in ev.cases.values():  # resolved now, so a cached gazetteer carries them
        for place in case.places:
            gaz.resolve(place, ("place",))
    for meetings in ev.meetings.values():
        for meeting in meetings:
            gaz.resolve(meeting.place, ("place",))
    return gaz


def default_gazetteer() -> Gazetteer:
    """The gazetteer over the bundled ledger (built once per process, or read from the cache)."""
    from pactscope.reader.cache import index

    return index()[1]
