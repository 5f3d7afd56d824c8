"""Place the text's event references among the ledger's crisis cases and meetings.

An event reference is a sentence with an event word (attack, clash, unrest, request,
deployment ...) or a meeting word or organ.  Each reference is scored against every case
(or meeting) by what the sentence, and more weakly the whole text, shares with it:
parties, organization, dates, places, kind of threat.  Scores run from 0 to 1; a record
is linked when some reference reaches `THRESHOLD`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pactscope.reader.evidence import Evidence
from pactscope.reader.gazetteer import Gazetteer

THRESHOLD = 0.5
DOC_WEIGHT = 0.7  # what the rest of the text contributes, relative to the sentence itself
CASE_WORDS = frozenset({"attack", "clash", "unrest", "terrorism", "war", "request", "deployment"})
MEETING_WORDS = frozenset({"meeting", "summit"})
RESPONSE_WORDS = frozenset({"request", "deployment"})
MARGIN = 0.15  # a sentence links every record within this of its best one (above the threshold)
YEAR_DAYS = 366
SUPPORT = 0.6  # share of the threshold at which a sentence supports a record linked elsewhere


@dataclass(frozen=True)
class Fact:
    """One recognised thing, reduced to what linking needs."""

    sentence: int
    type: str
    target: str
    surface: str = ""
    state: str | None = None
    organization: str | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    precision: str | None = None
    negated: bool = False  # an event word with a negator just before it


@dataclass
class Facts:
    states: set[str] = field(default_factory=set)
    organizations: set[str] = field(default_factory=set)
    organs: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    dates: list[Fact] = field(default_factory=list)
    events: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, facts: list[Fact]) -> Facts:
        out = cls()
        for f in facts:
            if f.type == "state":
                out.states.add(f.target)
            elif f.type == "organization":
                out.organizations.add(f.target)
            elif f.type == "organ":
                out.organs.add(f.target)
                if f.organization:
                    out.organizations.add(f.organization)
            elif f.type == "place":
                out.places.add(f.target)
            elif f.type == "date":
                out.dates.append(f)
            elif f.type == "event" and not f.negated:  # "did not send troops" is no deployment
                out.events.add(f.target)
                out.words.append(f.surface)
            if f.type in ("place", "person") and f.state:
                out.states.add(f.state)
        return out


@dataclass
class Score:
    value: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, amount: float, reason: str) -> None:
        self.value += amount
        self.reasons.append(f"{reason} (+{amount:.2f})" if amount >= 0 else f"{reason} ({amount:.2f})")


def _gap_days(f: Fact, lo: dt.date, hi: dt.date) -> int:
    """Days between the date's span and [lo, hi]; 0 when they overlap."""
    if f.last < lo:
        return (lo - f.last).days
    if f.first > hi:
        return (f.first - hi).days
    return 0


_EXACT = {"day": 0.3, "month": 0.25, "year": 0.15, "range": 0.1}


def _time(score: Score, dates: list[Fact], lo: dt.date, hi: dt.date, inherited: bool,
          every: list[Fact] = ()) -> None:
    """Credit the best-fitting date; take points off when none is near the record.

    `every` holds all the text's dates: when none of them is within a year of the record,
    the text is about another time and loses a further 0.1.
    """
    best, best_fact, close = 0.0, None, False
    for f in dates:
        gap = _gap_days(f, lo - dt.timedelta(days=3), hi + dt.timedelta(days=14))
        value = _EXACT[f.precision] if gap == 0 else 0.05 if gap <= 45 else 0.0
        if value > best:
            best, best_fact = value, f
        close = close or gap <= YEAR_DAYS
    span = lo.isoformat() if lo == hi else f"{lo.isoformat()} to {hi.isoformat()}"
    weight, where = (DOC_WEIGHT, "date from an earlier sentence") if inherited else (1.0, "sentence date")
    if best_fact is not None:
        verb = "fits" if best >= 0.1 else "is near"
        score.add(best * weight, f"{where} {best_fact.surface or best_fact.target} {verb} {span}")
    if best >= 0.1:
        return
    if close:
        score.add(-0.05 if inherited else -0.1, f"no {where} falls in {span}")
    else:
        score.add(-0.2, f"no {where} is within a year of {span}")
        if every and all(_gap_days(f, lo, hi) > YEAR_DAYS for f in every):
            score.add(-0.1, "no date in the text is within a year of it")


def _overlap(score: Score, wanted: set[str], sentence: set[str], doc: set[str], amount: float, what: str) -> None:
    if hit := wanted & sentence:
        score.add(amount, f"{what} {', '.join(sorted(hit))} in the same sentence")
    elif hit := wanted & doc:
        score.add(amount * DOC_WEIGHT, f"{what} {', '.join(sorted(hit))} in the text")


def score_case(case, s: Facts, d: Facts, gaz: Gazetteer, every: list[Fact] = ()) -> Score:
    """How well a sentence (with the text around it) matches a crisis case."""
    score = Score()
    parties = set(case.states)
    in_sentence, in_doc = parties & s.states, parties & d.states
    from_doc = DOC_WEIGHT * len(in_doc) / len(parties)
    if s.states and not in_sentence:
        from_doc /= 2  # the sentence is about other states
    share = max(len(in_sentence) / len(parties), from_doc)
    if not share:
        return score  # no party named: not this case
    named = in_sentence if len(in_sentence) / len(parties) >= from_doc else in_doc
    score.add(0.35 * share, f"parties {', '.join(sorted(named))} named")
    _overlap(score, {case.organization}, s.organizations, d.organizations, 0.1, "organization")
    if s.dates or d.dates:
        _time(score, s.dates or d.dates, case.start_date, case.end_date or case.start_date, not s.dates, every)
    places = {gaz.resolve(p, ("place",)) or p for p in case.places}
    _overlap(score, places, s.places, d.places, 0.15, "place")
    fitting = {cat for cat in s.events if case.threat_type.value in gaz.event_fits.get(cat, ())}
    if fitting:
        score.add(0.1, f"event words ({', '.join(sorted(fitting))}) fit {case.threat_type.value}")
    if s.events & RESPONSE_WORDS:
        score.add(0.05, "request or response words")
    return score


def score_meeting(meeting, organization: str, s: Facts, d: Facts, gaz: Gazetteer,
                  every: list[Fact] = ()) -> Score:
    """How well a sentence (with the text around it) matches a meeting."""
    score = Score()
    kind = (gaz.organ_kinds.get(meeting.organ) or "").lower()
    if meeting.organ in s.organs:
        score.add(0.3, f"organ {meeting.organ} named in the same sentence")
    elif meeting.organ in d.organs:
        score.add(0.2, f"organ {meeting.organ} named in the text")
    elif "summit" in s.events and ("summit" in kind or "heads of state" in kind):
        score.add(0.25, "a summit, and the organ is the summit")
    if s.dates or d.dates:
        _time(score, s.dates or d.dates, meeting.date, meeting.end_date or meeting.date, not s.dates, every)
    place = gaz.resolve(meeting.place, ("place",)) or meeting.place
    _overlap(score, {place}, s.places, d.places, 0.2, "place")
    if meeting.host and meeting.host in s.states | d.states:
        score.add(0.05, f"host {meeting.host} named")
    if organization in s.organizations | d.organizations:
        score.add(0.05, f"organization {organization} named")
    if not score.reasons or not any(r.startswith(("organ", "a summit")) for r in score.reasons):
        return Score()  # without the organ or a summit word it is not this meeting
    return score


def _anchor_dates(sentences: list[Facts], i: int) -> list[Fact]:
    """Dates an undated sentence inherits: the nearest earlier dated sentence's, else the next one's."""
    for j in list(range(i - 1, -1, -1)) + list(range(i + 1, len(sentences))):
        if sentences[j].dates:
            return sentences[j].dates
    return []


def _with_dates(doc: Facts, dates: list[Fact]) -> Facts:
    return Facts(doc.states, doc.organizations, doc.organs, doc.places, dates, doc.events, doc.words)


@dataclass
class Placement:
    """Best score of one record, the reasons, and the sentences that point at it."""

    id: str
    kind: str
    score: Score
    sentences: list[int]


@dataclass
class Reference:
    sentence: int
    kind: str
    words: list[str]
    best: str | None = None
    best_score: Score = field(default_factory=Score)


def link(facts: list[Fact], n_sentences: int, ev: Evidence, gaz: Gazetteer,
         threshold: float = THRESHOLD) -> tuple[list[Placement], list[Reference]]:
    """Linked records (best first) and the references that stayed below the threshold."""
    doc = Facts.of(facts)
    grouped: list[list[Fact]] = [[] for _ in range(n_sentences)]
    for f in facts:
        grouped[f.sentence].append(f)
    by_sentence = [Facts.of(g) for g in grouped]
    placed: dict[str, Placement] = {}
    unplaced: list[Reference] = []
    meetings = [(org, m) for org, ms in ev.meetings.items() for m in ms]
    organs_with_meetings = {m.organ for _, m in meetings}
    for i, s in enumerate(by_sentence):
        refs = []
        around = _with_dates(doc, _anchor_dates(by_sentence, i))
        if s.events & CASE_WORDS:
            refs.append(("case", [(c.id, score_case(c, s, around, gaz, doc.dates)) for c in ev.cases.values()]))
        if s.events & MEETING_WORDS or s.organs & organs_with_meetings:
            refs.append(("meeting", [(m.id, score_meeting(m, org, s, around, gaz, doc.dates)) for org, m in meetings]))
        for kind, scored in refs:
            ref = Reference(i, kind, s.words)
            for rid, sc in scored:
                if sc.value > ref.best_score.value:
                    ref.best, ref.best_score = rid, sc
            for rid, sc in scored:
                if sc.value >= threshold and sc.value >= ref.best_score.value - MARGIN:
                    prior = placed.get(rid)
                    if prior is None:
                        placed[rid] = Placement(rid, kind, sc, [i])
                    else:
                        prior.sentences.append(i)
                        if sc.value > prior.score.value:
                            prior.score = sc
            if ref.best_score.value < threshold:
                if ref.best_score.value < threshold / 2:  # too far to name as the closest record
                    ref.best, ref.best_score = None, Score()
                unplaced.append(ref)
    unlinked = []
    for ref in unplaced:  # a weaker mention of a record linked elsewhere in the text
        if ref.best in placed and ref.best_score.value >= SUPPORT * threshold:
            placed[ref.best].sentences.append(ref.sentence)
        else:
            unlinked.append(ref)
    for p in placed.values():
        p.sentences.sort()
    return sorted(placed.values(), key=lambda p: -p.score.value), unlinked
