"""Which ledger case a claim sentence is about.

The reader's own links count first; then the case's parties named in the sentence or the
text, its places named in the sentence (or, for less, anywhere in the text), a date in the sentence (or the nearest earlier dated sentence) within the case, a
month without a year read with the text's years, and the years the text mentions at all.
A case is chosen only when its score clears `MIN_SCORE` and beats the runner-up by `MARGIN`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from pactscope.ledger.schema import CrisisCase
from pactscope.reader.link import AFTER_ARTICLE_DAYS

MIN_SCORE = 3.0
MEMBER_LIST = 4  # a sentence naming this many states lists members; its states count as the text's
MARGIN = 0.5
LINKED = 1.5  # a case the reader linked in this sentence or elsewhere in the text: evidence, not the decision
OLD = 730  # days: a crisis this much older than the text needs a date in the text to be chosen
LOOKBACK = 5  # sentences back to look for a date when the sentence has none
SLACK_BEFORE, SLACK_AFTER = dt.timedelta(days=3), dt.timedelta(days=60)


@dataclass
class SentenceFacts:
    states: set[str] = field(default_factory=set)
    dates: list[tuple[dt.date, dt.date, str]] = field(default_factory=list)  # first, last, precision
    months: set[int] = field(default_factory=set)  # months named without a year
    linked: set[str] = field(default_factory=set)  # cases the reader linked to this sentence
    places: set[str] = field(default_factory=set)  # place names, lower case


@dataclass
class TextFacts:
    sentences: list[SentenceFacts]
    states: Counter[str]
    years: Counter[int]
    linked: set[str]
    organizations: set[str]
    published: dt.date | None = None
    parties: dict[str, frozenset[str]] = field(default_factory=dict)  # case id -> its states, read once

    @property
    def places(self) -> set[str]:
        """Every place the text names, lower case."""
        return set().union(*(s.places for s in self.sentences)) if self.sentences else set()


def _window(case: CrisisCase) -> tuple[dt.date, dt.date]:
    return case.start_date - SLACK_BEFORE, (case.end_date or case.start_date) + SLACK_AFTER


def _date_points(case: CrisisCase, dates: list[tuple[dt.date, dt.date, str]]) -> float:
    lo, hi = _window(case)
    years = range(case.start_date.year, (case.end_date or case.start_date).year + 1)
    # a year fits only the years the case lasted ("in 2021" is not the war that ended in November 2020)
    fits = [p for first, last, p in dates if first <= hi and last >= lo
            and (p != "year" or any(y in years for y in range(first.year, last.year + 1)))]
    if fits:
        return {"day": 3.0, "month": 3.0, "year": 2.0}.get(fits[0], 1.5)
    return -3.0


def _month_points(case: CrisisCase, months: set[int], facts: TextFacts) -> float:
    """A month named without a year, read with the text's date or the years it names."""
    start, end = case.start_date, case.end_date or case.start_date
    spanned = {(start.year, start.month), (end.year, end.month)}
    years: set[int] = set(facts.years)
    if facts.published:
        p = facts.published
        years |= {p.year if m <= p.month else p.year - 1 for m in months}
    return 2.0 if any((y, m) in spanned for y in years for m in months) else 0.0


def score(case: CrisisCase, i: int, facts: TextFacts, text_places: frozenset[str] = frozenset()) -> float:
    s = facts.sentences[i]
    parties = facts.parties.get(case.id) or frozenset(case.states)
    in_sentence, in_text = parties & s.states, parties & set(facts.states)
    if not in_sentence and not in_text:
        return 0.0
    if facts.published and (case.start_date - facts.published).days > AFTER_ARTICLE_DAYS:
        return 0.0  # a text cannot report a crisis that began after it was written
    points = 3.0 * len(in_sentence) / len(parties) + 1.0 * len(in_text) / len(parties)
    total = sum(facts.states.values())
    if total:  # the states the text is mostly about
        points += 0.5 * sum(facts.states[p] for p in parties) / total
    if s.places and any(p.lower() in s.places for p in case.places):
        points += 2.0
    elif any(p.lower() in text_places for p in case.places):  # named elsewhere in the text
        points += 1.0
    if not s.states and i > 0:  # "it", "the alliance": the states of the sentence before
        points += 1.5 * len(parties & facts.sentences[i - 1].states) / len(parties)
    near = [j for k in range(1, LOOKBACK) for j in (i - k, i + k) if 0 <= j < len(facts.sentences)]
    other = next((facts.sentences[j] for j in near if facts.sentences[j].dates or facts.sentences[j].months), None)
    if s.dates:
        points += _date_points(case, s.dates)
    elif s.months:
        points += _month_points(case, s.months, facts)
    elif other is not None and other.dates:  # a neighbour's date only helps: it may be background
        points += max(0.0, 0.6 * _date_points(case, other.dates))
    elif other is not None:
        points += 0.6 * _month_points(case, other.months, facts)
    if case.start_date.year in facts.years or (case.end_date and case.end_date.year in facts.years):
        points += 1.0
    if facts.published:
        age = (facts.published - case.start_date).days
        points += 1.5 if age <= 90 else 0.75 if age <= 400 else 0.0
        dated_fit = any(_date_points(case, x.dates) > 0 for x in [s] + ([other] if other else []) if x.dates)
        month_fit = any(_month_points(case, x.months, facts) > 0 for x in [s] + ([other] if other else []) if x.months)
        if age > OLD and not (dated_fit or month_fit):
            points -= 2.0  # an old crisis that the text does not date
    if case.id in s.linked or case.id in facts.linked:
        points += LINKED
    return points


def ranked(cases: dict[str, CrisisCase], i: int, facts: TextFacts) -> list[tuple[float, str]]:
    pool = [c for c in cases.values() if not facts.organizations or c.organization in facts.organizations]
    named = facts.sentences[i].states
    places = frozenset(facts.places)
    scored = sorted(((score(c, i, facts, places), c.id) for c in pool), reverse=True)
    first = [(p, cid) for p, cid in scored if named & (facts.parties.get(cid) or set(cases[cid].states))]
    if first and first[0][0] >= MIN_SCORE:  # a case whose party the sentence names comes first
        return first
    return scored


def choose(cases: dict[str, CrisisCase], i: int, facts: TextFacts) -> tuple[list[str], str]:
    """The case ids a sentence is about, and why (one line)."""
    order = [(p, cid) for p, cid in ranked(cases, i, facts) if p > 0]
    if not order or order[0][0] < MIN_SCORE:
        only = _only_linked(cases, i, facts)
        if only:
            return [only], f"the one case the text is linked to ({only}), and nothing in the sentence points elsewhere"
        return [], "no recorded case fits this sentence's states and dates"
    years = _years_named(facts.sentences[i])
    if len(years) > 1:  # "in 2020 and 2022" (not-a-data-year): the best case of each year named
        picked = []
        for y in sorted(years):
            best = next((cid for p, cid in order if p >= MIN_SCORE - 1 and cases[cid].start_date.year == y), None)
            if best and best not in picked:
                picked.append(best)
        if len(picked) > 1:
            return picked, "one case for each year the sentence names"
    if len(order) > 1 and order[0][0] - order[1][0] < MARGIN:
        tied = [cid for p, cid in order if p > order[0][0] - MARGIN]
        if years and all(cases[cid].start_date.year in years for cid in tied):  # "the 2012 incidents"
            return tied, f"every case of {', '.join(map(str, sorted(years)))} that fits"
        linked = [cid for cid in tied if cid in facts.linked]
        if len(linked) == 1:
            return linked, f"of {len(tied)} cases that fit equally well, the one the text is linked to ({linked[0]})"
        recent = _linked_last(tied, i, facts)
        if recent:
            return [recent], f"of {len(tied)} cases that fit equally well, the one linked last before this sentence ({recent})"
        latest = _latest_of(cases, tied, facts.published)
        if latest:
            return [latest], f"of {len(tied)} cases that fit equally well between the same parties, the latest before the text ({latest})"
        return [], f"two cases fit equally well ({order[0][1]}, {order[1][1]})"
    return [order[0][1]], f"best fit {order[0][1]} (score {order[0][0]:.1f})"


def _only_linked(cases: dict[str, CrisisCase], i: int, facts: TextFacts) -> str | None:
    """The text's single linked case, when the sentence names no other state and no date outside it."""
    linked = [cid for cid in facts.linked if cid in cases]
    if len(linked) != 1:
        return None
    case = cases[linked[0]]
    s = facts.sentences[i]
    if s.states - (facts.parties.get(case.id) or frozenset(case.states)):
        return None
    if s.dates and _date_points(case, s.dates) < 0:
        return None
    return case.id


def _linked_last(tied: list[str], i: int, facts: TextFacts) -> str | None:
    """The one tied case linked in the nearest sentence at or before ``i`` (within the look-back)."""
    for j in range(i, max(-1, i - LOOKBACK), -1):
        hit = [cid for cid in tied if cid in facts.sentences[j].linked]
        if hit:
            return hit[0] if len(hit) == 1 else None
    return None


def _latest_of(cases: dict[str, CrisisCase], tied: list[str], published: dt.date | None) -> str | None:
    """Of tied cases between the same two states (at least), the one that began last before the text."""
    if published is None or len(tied) < 2:
        return None
    if len(frozenset.intersection(*(frozenset(cases[cid].states) for cid in tied))) < 2:
        return None
    before = [(cases[cid].start_date, cid) for cid in tied if cases[cid].start_date <= published + SLACK_BEFORE]
    return max(before)[1] if before else None


def _years_named(s: SentenceFacts) -> set[int]:
    return {first.year for first, last, p in s.dates if p == "year" or first.year == last.year}


YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
