"""Place the text's event references among the ledger's crisis cases and meetings.

An event reference is a sentence with an event word (attack, clash, unrest, request,
deployment ...), a meeting word or organ, or the name of a ledger record.  Each reference
is scored against every case (or meeting) by what the sentence, and more weakly the whole
text, shares with it: parties, organization, dates, places, kind of threat, names.  The
weights live in `weights.yaml`.

Linking is discriminative: a record is linked only when it reaches the threshold *and*
leads the runner-up for the same evidence by the margin.  Candidates that stay too close
are reported as `ambiguous`; a plural reference ("the border clashes between Kyrgyzstan
and Tajikistan") whose close candidates share their parties becomes one `group`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import yaml

from pactscope.reader.evidence import Evidence, response_terms
from pactscope.reader.gazetteer import Gazetteer

CASE_WORDS = frozenset({"attack", "clash", "unrest", "terrorism", "war", "request", "deployment", "events"})
DATED_WORDS = frozenset({"events"})  # case words that make a reference only in a sentence with a date
# A sentence about drills refers to a crisis only with one of these ("exercises near the border" is none;
# "counter-terrorism drills" neither)
CRISIS_WORDS = frozenset({"attack", "clash", "unrest", "war"})
MEETING_WORDS = frozenset({"meeting", "summit"})
RESPONSE_WORDS = frozenset({"request", "deployment"})
YEARLESS = frozenset({"monthday", "monthonly"})
# Repetition: "the border conflicts that occasionally erupt", "не раз", "مرارا".
_REPEATED_LOW = re.compile(  # on lower-cased text
    r"(?:\b(?:occasionally|repeatedly|frequent(?:ly)?|periodic(?:ally)?|regularly|every time|each time|"
    r"(?:two|three|four|five|six|several|many) times|series of|recurring)\b|(?<!\w)(?:периодически|регулярно|"
    r"неоднократно|не раз|раз за разом|то и дело|часто)(?!\w)|(?<!\w)(?:مرارا|متكرره|كل مره|عده مرات|بشكل متكرر|"
    r"كثيرا ما)(?!\w))",
)
# The two states the text is about, named as a pair.
_BOTH_LOW = re.compile(  # on lower-cased text
    r"(?:\b(?:the two countries|both countries|the two states|the two neighbours|the two neighbors|"
    r"the two republics|both republics)\b|"
    r"(?<!\w)(?:двух стран|обеих стран|обе страны|две страны|двух государств|обоих государств|двух республик|"
    r"обеих республик|обе республики)(?!\w)|"
    r"(?<!\w)[وف]?(?:ال)?(?:بلدين|دولتين|جارتين|البلدان|جمهوريتين)(?!\w))",
)
# Plural event nouns: a plural reference when the sentence has no date of its own.
_PLURAL_LOW = re.compile(  # on lower-cased text
    r"(?:\b(?:clashes|conflicts|incidents|wars|skirmishes|flare-ups)\b|(?<!\w)(?:столкновения|конфликты|"
    r"инциденты|стычки|войны)(?!\w)|(?<!\w)[وف]?(?:ال)?(?:اشتباكات|نزاعات|حوادث|حروب)(?!\w))",
)


@lru_cache(maxsize=1)
def weights() -> dict:
    """The link weights and thresholds from `weights.yaml`."""
    text = resources.files("pactscope.reader").joinpath("weights.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


THRESHOLD: float = weights()["threshold"]


@dataclass(unsafe_hash=True, slots=True)
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
    precision: str | None = None  # dates: day | month | year | range | monthday | monthonly
    negated: bool = False  # an event word with a negator just before it
    locative: bool = False  # a place after "in", «в», «في»: where something is, not a government's name
    span: tuple[int, int] | None = field(default=None, compare=False, repr=False)  # dates: first, last as ordinals

    def __post_init__(self) -> None:
        if self.first is not None and self.last is not None:
            self.span = (self.first.toordinal(), self.last.toordinal())


@dataclass
class Facts:
    states: set[str] = field(default_factory=set)
    named_states: list[str] = field(default_factory=list)  # states named as states, in order
    organizations: set[str] = field(default_factory=set)
    named_organizations: set[str] = field(default_factory=set)  # named as organizations, not through an organ
    organs: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    records: set[str] = field(default_factory=set)  # ledger records named by their own names
    persons: set[str] = field(default_factory=set)
    sites: set[str] = field(default_factory=set)  # places named as where something is ("in Minsk")
    dates: list[Fact] = field(default_factory=list)
    events: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)
    named_set: frozenset[str] = frozenset()  # set(named_states), kept once per sentence
    kinds: frozenset[str] = frozenset()  # event categories that point at threat types

    def settle(self, gaz: Gazetteer) -> Facts:
        """Fill the per-sentence values that every candidate's score reads."""
        self.named_set = frozenset(self.named_states)
        self.kinds = frozenset(cat for cat in self.events if gaz.event_fits.get(cat))
        return self

    @classmethod
    def of(cls, facts: list[Fact]) -> Facts:
        out = cls()
        for f in facts:
            if f.type == "state":
                out.states.add(f.target)
                out.named_states.append(f.target)
            elif f.type == "organization":
                out.organizations.add(f.target)
                out.named_organizations.add(f.target)
            elif f.type == "organ":
                out.organs.add(f.target)
                if f.organization:
                    out.organizations.add(f.organization)
            elif f.type == "place":
                out.places.add(f.target)
                if f.locative:
                    out.sites.add(f.target)
            elif f.type == "record":
                out.records.add(f.target)
                out.words.append(f.surface)
            elif f.type == "date":
                out.dates.append(f)
            elif f.type == "event" and not f.negated:  # "did not send troops" is no deployment
                out.events.add(f.target)
                out.words.append(f.surface)
            if f.type == "person":
                out.persons.add(f.target)
            if f.type in ("place", "person") and f.state:
                out.states.add(f.state)
        return out


@dataclass(slots=True)
class Score:
    value: float = 0.0
    parts: list[tuple[float, object]] = field(default_factory=list)  # (points, reason or a function giving it)
    date: Fact | None = None  # the date that fits the record, if one does
    dated: bool = False  # some date (the sentence's, a neighbour's or the article's) fits the record
    named: bool = False  # the sentence names the record itself
    fitting: tuple = ()  # every date of the sentence that fits the record
    placed: bool = False  # one of the record's own places is named in the sentence
    located: bool = False  # ... or elsewhere in the text
    detailed: bool = False  # the sentence's request or deployment words match the record
    in_office: bool = False  # a person named held office on the meeting's day (an official) or during the case
    old: bool = False  # a case that ended years before the article's date
    domestic_fit: bool = False  # a one-state case named in the sentence, with event words of its kind
    outsiders: bool = False  # the sentence names a state that has no part in the case
    missed: bool = False  # the sentence's own dates all fall outside the record

    def add(self, amount: float, reason) -> None:
        """Add points; `reason` is a string or a function returning one (formatted only when shown)."""
        self.value += amount
        self.parts.append((amount, reason))

    @property
    def reasons(self) -> list[str]:
        out = []
        for amount, reason in self.parts:
            text = reason() if callable(reason) else reason
            out.append(f"{text} (+{amount:.2f})" if amount >= 0 else f"{text} ({amount:.2f})")
        return out


def _gap_ord(f: Fact, lo: int, hi: int) -> int:
    """Days between the date's span and [lo, hi] (ordinals); 0 when they overlap.  A date
    without a year is tried in every year of the record (and the years beside it)."""
    if f.precision in YEARLESS:
        return _yearless_gap(f.first, f.last, lo, hi)
    first, last = f.span
    if last < lo:
        return lo - last
    if first > hi:
        return first - hi
    return 0


@lru_cache(maxsize=16384)
def _yearless_gap(first: dt.date, last: dt.date, lo: int, hi: int) -> int:
    gaps = []
    for year in range(dt.date.fromordinal(lo).year - 1, dt.date.fromordinal(hi).year + 2):
        try:
            a, b = first.replace(year=year).toordinal(), last.replace(year=year).toordinal()
        except ValueError:  # 29 February
            continue
        gaps.append(lo - b if b < lo else a - hi if a > hi else 0)
    return min(gaps) if gaps else 10**6


def _coverage(f: Fact, lo: int, hi: int) -> float:
    """Share of a span of days that falls within [lo, hi] (ordinals); a span without a year in the
    year where it fits best."""
    if f.precision in YEARLESS:
        spans = []
        for year in range(dt.date.fromordinal(lo).year - 1, dt.date.fromordinal(hi).year + 2):
            try:
                spans.append((f.first.replace(year=year).toordinal(), f.last.replace(year=year).toordinal()))
            except ValueError:  # 29 February
                continue
    else:
        spans = [f.span]
    return max((max(0, min(b, hi) - max(a, lo) + 1) / (b - a + 1) for a, b in spans), default=0.0)


def _gap(first: dt.date, last: dt.date, lo: dt.date, hi: dt.date) -> int:
    if last < lo:
        return (lo - last).days
    if first > hi:
        return (first - hi).days
    return 0


@lru_cache(maxsize=4096)
def _bounds(lo: dt.date, hi: dt.date, one_day: bool) -> tuple[int, int, int, int, int]:
    """A record's date window as ordinals: with slack, its opening with slack, and plain."""
    w = weights()["dates"]
    before = 0 if one_day else w["slack_before"]
    after = 0 if one_day else w["slack_after"]
    opening = min(hi, lo + dt.timedelta(days=w["opening_days"]))
    a, b = lo.toordinal(), hi.toordinal()
    return a - before, b + after, opening.toordinal() + after, a, b


@dataclass(frozen=True)
class Context:
    """What the whole text contributes: every date, and the article's own date."""

    every: tuple[Fact, ...] = ()
    article: dt.date | None = None
    focus: frozenset[str] = frozenset()  # the states the text is about (outside lists of members), if few
    meeting_organizations: frozenset[str] = frozenset()  # organizations whose meetings the ledger records
    members: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False)  # ever members
    case_organizations: frozenset[str] = frozenset()  # organizations with crisis cases in the ledger
    _far: dict = field(default_factory=dict, compare=False, hash=False)

    def far_from_all(self, lo: dt.date, hi: dt.date) -> bool:
        """No date anywhere in the text, nor the article's own date, is within a year of [lo, hi]
        (computed once per record)."""
        if (lo, hi) not in self._far:
            days = weights()["dates"]["far_days"]
            a, b = lo.toordinal(), hi.toordinal()
            near_article = self.article is not None and _gap(self.article, self.article, lo, hi) <= days
            self._far[lo, hi] = (bool(self.every) and not near_article
                                 and all(_gap_ord(f, a, b) > days for f in self.every))
        return self._far[lo, hi]


def _time(score: Score, dates: list[Fact], lo: dt.date, hi: dt.date, inherited: bool, ctx: Context,
          one_day: bool = False, onset: bool = False) -> None:
    """Credit the best-fitting date; take points off when none is near the record."""
    parts, dated, date, fitting = _date_evidence(dates, lo, hi, inherited, ctx, one_day, onset)
    for amount, reason in parts:
        score.add(amount, reason)
    score.dated = score.dated or dated
    score.missed = score.missed or (not inherited and not dated and bool(dates))
    if date is not None:
        score.date = date
        score.fitting = fitting


def _date_evidence(dates: list[Fact], lo: dt.date, hi: dt.date, inherited: bool, ctx: Context,
                   one_day: bool, onset: bool) -> tuple[list, bool, Fact | None, tuple]:
    """The points a list of dates earns against a record: (parts, whether one fits, the best-fitting
    date, every date that fits)."""
    w = weights()["dates"]
    exact = w["exact"]
    tolerance = weights()["meeting"]["tolerance_days"]
    near_meeting = weights()["meeting"]["near_meeting"]
    lo_s, hi_s, open_s, lo_o, hi_o = _bounds(lo, hi, one_day)
    best, best_fact, close = 0.0, None, False
    fitting = []
    for f in dates:
        gap = _gap_ord(f, lo_s, hi_s)
        if one_day and gap and f.precision in ("day", "monthday"):
            value = near_meeting if gap <= tolerance else 0.0
        elif gap == 0 and _gap_ord(f, lo_s, open_s):
            # a date late in a long record; nothing when the sentence says the event began then
            value = 0.0 if onset else exact[f.precision] * w["late_share"]
        else:
            value = exact[f.precision] if gap == 0 else w["near"] if gap <= w["near_days"] else 0.0
        if value and gap == 0 and f.first != f.last and f.precision in ("day", "monthday"):
            value *= _coverage(f, lo_o, hi_o) ** 2  # "14 to 17 September": the days must fall in the record
        elif value and gap == 0 and f.precision in ("day", "monthday", "month", "monthonly") and _gap_ord(f, lo_o, hi_o):
            value *= w["slack_share"]  # a day (or month) just beside the record (a report's date) is weaker than one in it
        if value >= 0.1:
            fitting.append(f)
        if value > best:
            best, best_fact = value, f
        close = close or gap <= w["far_days"]
    def span() -> str:
        return lo.isoformat() if lo == hi else f"{lo.isoformat()} to {hi.isoformat()}"

    weight, where = (w["inherited"], "date from a nearby sentence") if inherited else (1.0, "sentence date")
    parts: list[tuple[float, object]] = []
    dated, date = False, None
    if best_fact is not None:
        verb = "fits" if best >= 0.1 else "is near"
        fact = best_fact
        parts.append((best * weight, lambda: f"{where} {fact.surface or fact.target} {verb} {span()}"))
        if best >= 0.1:
            dated = True
            if not inherited:
                date = best_fact
    if best >= 0.1 or inherited:  # a neighbour's dates may be background: no penalty from them
        return parts, dated, date, tuple(fitting)
    if close:
        parts.append((w["miss"], lambda: f"no {where} falls in {span()}"))
    else:
        parts.append((w["far"], lambda: f"no {where} is within a year of {span()}"))
        if ctx.far_from_all(lo, hi):
            parts.append((w["none_in_text"], "no date in the text is within a year of it"))
    return parts, dated, date, tuple(fitting)


def _undated(score: Score, lo: dt.date, hi: dt.date, ctx: Context, one_day: bool = False) -> None:
    """An undated sentence with no dated neighbour: the article's own date, if known."""
    w = weights()["dates"]
    if ctx.article is None:
        return
    gap = _gap(ctx.article, ctx.article, lo, hi)
    ahead = (lo - ctx.article).days  # a record after the article: only an announced meeting
    if gap <= w["recent_days"] and ahead <= (w["ahead_days"] if one_day else 1):
        score.dated = True
        score.add(w["article_recent"], lambda: f"within {w['recent_days']} days of the article's date {ctx.article}")
    elif lo > ctx.article:
        score.add(w["article_far"], lambda: f"after the article's date {ctx.article}")
    elif one_day:  # an undated summit or session in the news is a recent one, not one held years before
        score.add(w["article_far"], lambda: f"held more than {w['recent_days']} days before the article's date {ctx.article}")
    elif ctx.far_from_all(lo, hi):
        score.add(w["none_in_text"], "no date in the text is within a year of it")


def _overlap(score: Score, wanted: set[str], sentence: set[str], doc: set[str], amount: float,
             doc_amount: float, what: str) -> bool:
    if hit := wanted & sentence:
        score.add(amount, lambda: f"{what} {', '.join(sorted(hit))} in the same sentence")
        return True
    if hit := wanted & doc:
        score.add(doc_amount, lambda: f"{what} {', '.join(sorted(hit))} in the text")
        return True
    return False


def _dates(score: Score, s: Facts, around: list[Fact], lo: dt.date, hi: dt.date, ctx: Context,
           one_day: bool = False, named: bool = False) -> None:
    """Date evidence; `named`: the sentence names the record, so dates that miss it belong to
    something else the sentence mentions and take nothing off."""
    before = len(score.parts)
    if s.dates:
        _time(score, s.dates, lo, hi, False, ctx, one_day, "onset" in s.events)
        if not score.dated and _background(s.dates, ctx):
            _drop_penalties(score, before)  # "formed after the Soviet collapse in 1992": history, not the event
            _undated(score, lo, hi, ctx, one_day)
    elif around:
        _time(score, around, lo, hi, True, ctx, one_day)
        if not score.dated:
            _undated(score, lo, hi, ctx, one_day)
    else:
        _undated(score, lo, hi, ctx, one_day)
    if named:
        _drop_penalties(score, before)


def _drop_penalties(score: Score, since: int) -> None:
    """Take back the negative points added after part `since`."""
    if any(amount < 0 for amount, _ in score.parts[since:]):
        kept = [(amount, reason) for amount, reason in score.parts[since:] if amount >= 0]
        score.value -= sum(amount for amount, _ in score.parts[since:] if amount < 0)
        del score.parts[since:]
        score.parts.extend(kept)


def _background(dates: list[Fact], ctx: Context) -> bool:
    """Every date of the sentence lies years before the article's own date: background history."""
    if ctx.article is None:
        return False
    limit = ctx.article.toordinal() - weights()["dates"]["background_days"]
    return all(f.last is not None and f.last.toordinal() < limit for f in dates)


@dataclass(frozen=True)
class CaseView:
    """What scoring reads of a case, worked out once per case and gazetteer."""

    case: object
    id: str
    parties: frozenset[str]  # the opposing sides
    third: frozenset[str]  # third parties (role `other`)
    every: frozenset[str]
    places: frozenset[str]  # gazetteer ids, less capitals
    organization: str
    lo: dt.date
    hi: dt.date
    threat: str
    requested: bool  # the ledger records a request (made or disputed)
    fits: frozenset[str]  # event categories that fit its threat type
    deployed: bool = False  # the ledger records a military deployment in response
    requester: str | None = None  # the state the ledger says made the request
    threatened: frozenset[str] = frozenset()  # parties the ledger codes as threatened (or on both sides)


def case_view(case, gaz: Gazetteer) -> CaseView:
    """The case's `CaseView` (cached per case and gazetteer)."""
    key = (id(gaz), id(case), case.id)
    view = _VIEWS.get(key)
    if view is None:
        principal, third = _sides(case)
        threat = case.threat_type.value
        view = _VIEWS[key] = CaseView(
            case, case.id, principal, third, principal | third, _case_places(case, gaz), case.organization,
            case.start_date, case.end_date or case.start_date, threat,
            str(getattr(case.request, "made", "")).endswith(("yes", "disputed")),
            frozenset(cat for cat, fits in gaz.event_fits.items() if fits and threat in fits),
            "military-deployment" in response_terms(case), getattr(case.request, "state", None),
            frozenset(p.state for p in case.parties if str(getattr(p.role, "value", p.role)) in ("threatened", "both")))
    return view


_VIEWS: dict[tuple[int, int, str], CaseView] = {}


def _sides(case) -> tuple[frozenset[str], frozenset[str]]:
    """The opposing sides of a case, and third parties (role `other`) (computed once per case)."""
    key = (id(case), case.id)
    if key not in _SIDES:
        every = frozenset(case.states)
        principal = frozenset(p.state for p in case.parties if str(getattr(p.role, "value", p.role)) != "other")
        principal = principal or every
        _SIDES[key] = (principal, every - principal)
    return _SIDES[key]


_SIDES: dict[tuple[int, str], tuple[frozenset[str], frozenset[str]]] = {}


def _case_places(case, gaz: Gazetteer) -> frozenset[str]:
    """The case's places as gazetteer ids, less capitals (a capital is where governments speak)."""
    key = (id(gaz), case.id)
    if key not in _PLACES:
        _PLACES[key] = frozenset({gaz.resolve(p, ("place",)) or p for p in case.places} - gaz.capitals)
    return _PLACES[key]


_PLACES: dict[tuple[int, str], frozenset[str]] = {}


def _named(what: str, hit: frozenset[str] | set[str], where: str):
    return lambda: f"{what} {', '.join(sorted(hit))} {where}"


def _candidates(s: Facts, named: set[str], cases: list[CaseView], order: dict[str, int],
                by_state: dict[str, list[CaseView]], by_place: dict[str, list[CaseView]]) -> list[CaseView]:
    """The text's cases that can reach the threshold for this sentence, in text order: those named,
    with a party or one of their places in the sentence, or all when the sentence names no state
    (parties then come from the text)."""
    if not s.named_set:
        return cases
    found = {v.id: v for st in s.states for v in by_state.get(st, ())}
    for pl in s.places:
        found.update((v.id, v) for v in by_place.get(pl, ()))
    found.update((v.id, v) for v in cases if v.id in named)
    return sorted(found.values(), key=lambda v: order[v.id])


AFTER_ARTICLE_DAYS = 3  # a dateline a little before the crisis's recorded start (time zones, rounding)
OLD_CASE_DAYS = 730  # a case that ended this long before the article needs a date that fits it, or its name


def score_case(case, s: Facts, d: Facts, around: list[Fact], gaz: Gazetteer, ctx: Context) -> Score:
    """How well a sentence (with the text around it) matches a crisis case (`case`: a case or its view)."""
    v = case if isinstance(case, CaseView) else case_view(case, gaz)
    if ctx.article is not None and (v.lo - ctx.article).days > AFTER_ARTICLE_DAYS:
        return Score()  # a text cannot report a crisis that began after it was written
    w = weights()["case"]
    parties, cid = v.parties, v.id
    parts: list[tuple[float, object]] = []
    value = 0.0
    # a text that names another organization with cases of its own, and not this one ("the CSTO ...
    # the Russian invasion of Ukraine"), does not name this organization's record by the event's name,
    # nor do its request or troop words detail it (below)
    own_organization = v.organization in d.organizations or not d.organizations & ctx.case_organizations
    named_here = cid in s.records and own_organization
    if named_here:
        value += w["name"]
        parts.append((w["name"], _named("its name", {cid}, "in the same sentence")))
    elif cid in d.records and own_organization:
        value += w["name_text"]
        parts.append((w["name_text"], _named("its name", {cid}, "in the text")))
    in_sentence = parties & s.states
    if v.threatened and not v.threatened & d.states and not named_here:
        return Score()  # "a Russian invasion of Kazakhstan, after 2014": not Poland's Article 4 case
    is_list = len(s.named_set) > 3  # a list of members names no party
    n = len(parties)
    from_doc = w["parties_text"] * len(parties & d.states) / n
    if s.states - v.every and not in_sentence:
        from_doc *= w["about_others"]  # the sentence is about other states (a third party of the case is none)
    own = len(in_sentence) / n * (w["other_states"] if is_list else 1.0)
    share = max(own, from_doc)
    if not share and not named_here:
        return Score()  # no party named: not this case
    if share:
        if own >= from_doc:
            listed = set() if is_list else s.named_set
        else:
            listed = ctx.focus
        outside = len(listed - v.every) / len(listed) if listed else 0.0
        points = w["parties"] * share * (1.0 - w["outsiders"] * outside)
        who = in_sentence if len(in_sentence) / n >= from_doc else parties & d.states
        value += points
        parts.append((points, lambda: f"parties {', '.join(sorted(who))} named"
                      + (f", with {', '.join(sorted(listed - v.every))}" if outside else "")))
        if third := v.third:
            bonus = w["third_party"] if n > 1 else w["third_party_one_side"]
            if hit := third & s.states:
                value += bonus
                parts.append((bonus, _named("third party", hit, "in the same sentence")))
            elif hit := third & d.states:
                points = bonus * w["parties_text"]
                value += points
                parts.append((points, _named("third party", hit, "in the text")))
    org = v.organization
    if org in s.organizations:
        value += w["organization"]
        parts.append((w["organization"], lambda: f"organization {org} in the same sentence"))
    elif org in d.organizations:
        value += w["organization_text"]
        parts.append((w["organization_text"], lambda: f"organization {org} in the text"))
    # a state with no part in the case and never a member ("troops to Ukraine" is not Kazakhstan's January)
    outsiders = bool(s.named_set - v.every - ctx.members.get(org, frozenset()))
    score = Score(value, parts, named=named_here, outsiders=outsiders)
    terms = _terms(s.persons | d.persons, v, gaz)
    if terms and not all(terms):  # a person named for one of its states held office only at other times:
        # a date without a year ("in December") is of their time, not of this case
        _dates(score, replace(s, dates=[f for f in s.dates if f.precision not in YEARLESS]),
               [f for f in around if f.precision not in YEARLESS], v.lo, v.hi, ctx, named=score.named)
    else:
        _dates(score, s, around, v.lo, v.hi, ctx, named=score.named)
    score.in_office = any(terms)
    score.old = ctx.article is not None and (ctx.article - v.hi).days > OLD_CASE_DAYS
    value = score.value
    if score.date is not None and n > 1 and in_sentence == parties and not is_list and s.named_set <= parties:
        value += w["both_sides"]  # "between Kyrgyzstan and Tajikistan on 14 September": its two sides, and no one else
        parts.append((w["both_sides"], "both sides named, and no other state, with a date that fits"))
    if v.places:
        if hit := v.places & s.places:
            value += w["place"]
            score.placed = score.located = True
            parts.append((w["place"], _named("place", hit, "in the same sentence")))
        elif hit := v.places & d.places:
            value += w["place_text"]
            score.located = True
            parts.append((w["place_text"], _named("place", hit, "in the text")))
    kinds = s.kinds
    if kinds and (fitting := kinds & v.fits):
        score.domestic_fit = n == 1 and bool(in_sentence)  # "protests in Kazakhstan": one state's own crisis
        points = w["threat_fit"] * len(fitting) / len(kinds)
        value += points
        parts.append((points, lambda: f"event words ({', '.join(sorted(fitting))}) fit {v.threat}"))
    if s.events & RESPONSE_WORDS:
        value += w["response_words"]
        parts.append((w["response_words"], "request or response words"))
        if v.requested and "request" in s.events:
            value += w["request_made"]
            score.detailed = own_organization  # a request to another organization details no case of this one
            parts.append((w["request_made"], "request words, and the ledger records a request"))
            if v.requester and v.requester in s.states:
                value += w["requester"]
                parts.append((w["requester"], lambda: f"the state the ledger says asked, {v.requester}, named"))
        if v.deployed and "deployment" in s.events:  # "the peacekeepers": few cases saw troops sent
            value += w["deployed"]
            score.detailed = own_organization
            parts.append((w["deployed"], "deployment words, and the ledger records a military deployment"))
    score.value = round(value, 9)  # points as decimals: 0.25 + 0.05 + 0.15 + 0.05 is 0.5, not a hair below
    return score


def score_meeting(meeting, organization: str, s: Facts, d: Facts, near_orgs: set[str], near_organs: set[str],
                  around: list[Fact], gaz: Gazetteer, ctx: Context, unique_place: bool = False,
                  meeting_places: frozenset[str] = frozenset()) -> Score:
    """How well a sentence (with the text around it) matches a meeting.

    `meeting_places`: the places of all meetings. A dated sentence (or one beside a dated one)
    that names one of them other than this meeting's place sets the session there, so this one's
    place named elsewhere in the text counts nothing (an undated sentence may name a capital for
    its government: "Yerevan may return").
    """
    named = meeting.id in s.records
    own_organ = meeting.organ in s.organs
    others = s.named_organizations - {organization}
    if not named and organization not in s.named_organizations and others and (
            others & ctx.meeting_organizations or not own_organ):
        # "the council of the heads of the member states of the SCO", "the EEU summit in Yerevan":
        # another organization's sitting
        return Score()
    if organization not in near_orgs and not own_organ and not named:
        return Score()  # another organization's meeting, or none named nearby
    w = weights()["meeting"]
    score = Score()
    kind = (gaz.organ_kinds.get(meeting.organ) or "").lower()
    if named:
        score.add(w["name"], "its name in the same sentence")
    if meeting.organ in s.organs:
        score.add(w["organ"], lambda: f"organ {meeting.organ} named in the same sentence")
    elif meeting.organ in near_organs:
        score.add(w["organ_text"], lambda: f"organ {meeting.organ} named in the text")
    elif "summit" in s.events and ("summit" in kind or "heads of state" in kind):
        score.add(w["summit_word"], "a summit, and the organ is the summit")
    elif "meeting" in s.events and not near_organs and organization in near_orgs:
        pass  # "a CSTO session in Yerevan on 23 November": no organ named; its date and place must say which
    elif not named:
        return Score()  # without the organ or a summit word it is not this meeting
    if organization in near_orgs:
        score.add(w["organization"], lambda: f"organization {organization} named nearby")
    place = gaz.resolve(meeting.place, ("place",)) or meeting.place
    if not named and not s.dates and place not in s.sites and s.sites & (meeting_places - {place}):
        return Score()  # "this week's summit in Astana", beside a caption dated for Minsk: the sentence sets it there
    one_day = meeting.end_date is None or meeting.end_date == meeting.date
    _dates(score, s, around, meeting.date, meeting.end_date or meeting.date, ctx, one_day=one_day)
    if one_day and not named and score.missed and any(f.precision == "day" for f in s.dates):
        return Score()  # "met in Yerevan on 10 December": a day more than two days off is another sitting
    elsewhere = bool(s.dates or around) and place not in s.places and bool(s.places & (meeting_places - {place}))
    at_place = _overlap(score, {place}, s.places, set() if elsewhere else d.places, w["place"], w["place_text"], "place")
    score.placed = place in s.sites and bool(s.events & MEETING_WORDS)  # "the summit held in Minsk", not "Yerevan may return"
    if meeting.host and meeting.host in s.states | d.states:
        score.add(w["host"], lambda: f"host {meeting.host} named")
    for persons, weight, where in ((s.persons, "in_office", "in the same sentence"), (d.persons, "in_office_text", "in the text")):
        if official := _in_office(persons, organization, meeting.date, gaz):
            score.in_office = True
            score.add(w[weight], lambda o=official, at=where: f"{o}, named {at}, in office then")
            break
    if not (score.dated or named or (unique_place and at_place)):
        return Score()  # a meeting is a day: without a date, its name or its own place it is a guess
    if not (s.events & MEETING_WORDS or named or score.date is not None):
        # an organ named as an actor, with no meeting word or date of its own: weak evidence of a session
        score.add(-score.value * weights()["meeting"]["actor_share"], "the organ is named, but no session")
    score.value = round(score.value, 9)
    return score


def _official_term(person: str, organization: str, gaz: Gazetteer) -> tuple[dt.date, dt.date | None] | None:
    """The term of an official of `organization` (a secretary general), from the ledger."""
    org, start, end = gaz.tenures.get(person, (None, None, None))
    return (start, end) if org == organization and start is not None else None


def _in_office(persons: set[str], organization: str, day: dt.date, gaz: Gazetteer) -> str | None:
    """An official of the organization named in the sentence who held office on ``day``."""
    for person in sorted(persons):
        term = _official_term(person, organization, gaz)
        if term and term[0] <= day and (term[1] is None or day <= term[1]):
            return person
    return None


def _terms(persons: set[str], v: CaseView, gaz: Gazetteer) -> list[bool]:
    """For each person named who speaks for one of the case's states (or is an official of its
    organization), whether they held office while it lasted."""
    out = []
    for person in sorted(persons):
        state, spells = gaz.offices.get(person, (None, ()))
        if term := _official_term(person, v.organization, gaz):
            state, spells = state or "", (term,)
        if state is None or (state and state not in v.every):
            continue
        out.append(any(a <= v.hi and (b is None or v.lo <= b) for a, b in spells))
    return out


@dataclass
class Placement:
    """Best score of one record, the reasons, and the sentences that point at it."""

    id: str
    kind: str
    score: Score
    sentences: list[int]
    members: list[str] = field(default_factory=list)  # groups: the member records


@dataclass
class Reference:
    sentence: int
    kind: str
    words: list[str]
    best: str | None = None
    best_score: Score = field(default_factory=Score)
    candidates: list[tuple[str, float]] = field(default_factory=list)  # ambiguous: the close candidates


@dataclass
class Outcome:
    linked: list[Placement]
    unlinked: list[Reference]
    ambiguous: list[Reference]


def _inside(finer: Fact, coarse: Fact) -> bool:
    """A date lies within a coarser one of the same sentence (a month or day within a year or range)."""
    if finer.precision in YEARLESS or coarse.precision in YEARLESS or finer.span == coarse.span:
        return False
    return coarse.span[0] <= finer.span[0] and finer.span[1] <= coarse.span[1]


def _decide(scored: list[tuple[str, Score]], threshold: float, plural: bool, parties,
            need_specific: bool = False) -> tuple[list, list, list]:
    """Links, groups and ambiguous candidate sets of one reference.

    Candidates are split by the date that fits them (a sentence naming 2014 and 2022 can
    point at one record for each); within a split the best must lead the runner-up by the margin.
    """
    w = weights()
    above = sorted(((rid, sc) for rid, sc in scored if sc.value >= threshold), key=lambda t: -t[1].value)
    floor = w["ambiguous_floor"] * threshold
    by_date: dict[object, list[tuple[str, Score]]] = {}
    for rid, sc in above:
        by_date.setdefault(sc.date, []).append((rid, sc))
    links, groups, unsure = [], [], []
    for key, group in by_date.items():
        # rivals: candidates on the same date (as their best or not), on none, or on a finer date within it
        # ("in 2021, after the events of May and November 2021": a record fitting only the year competes with both)
        rivals = [(rid, sc) for rid, sc in scored if sc.value >= floor and (
            key is None or sc.date is None or sc.date == key or key in sc.fitting or _inside(sc.date, key))]
        rivals.sort(key=lambda t: -t[1].value)
        best_id, best = group[0]
        runner = next((sc.value for rid, sc in rivals if rid != best_id), 0.0)
        # parties, the organization and event words alone single out no case: a date, a place or
        # a name of its own must say which
        specific = not need_specific or best.dated or best.named or (
            not best.old and (best.located or (best.detailed and not best.outsiders)  # an old case needs a date or its name
                              or (best.domestic_fit and runner == 0.0)))  # the one crisis of that state
        if specific and best.value - runner >= w["margin"] - 1e-9:
            links.append((best_id, best))
            continue
        close = [(rid, sc) for rid, sc in rivals if best.value - sc.value < w["margin"] - 1e-9]  # as the lead above
        placed = [(rid, sc) for rid, sc in close if sc.placed and sc.value >= threshold and not sc.missed]
        if len(placed) == 1:  # a place of its own separates it from its close rivals
            placed[0][1].add(0.0, "the only close candidate whose own place the sentence names")
            links.append(placed[0])
            continue
        in_office = [(rid, sc) for rid, sc in close if sc.in_office and sc.value >= threshold
                     and (sc.dated or not need_specific)]  # a case: only among candidates a date fits
        if len(in_office) == 1 and len(close) > 1:  # "Tasmagambetov said after the session": his term singles it out
            in_office[0][1].add(0.0, "the only close candidate within the term of office of a person named")
            links.append(in_office[0])
            continue
        if plural and len({frozenset(parties(rid)) for rid, _ in close}) == 1:
            groups.append(close)
        else:
            unsure.append(close)
    # a record the sentence names ("post-9/11", "the annexation of Crimea") is linked on its own merits,
    # even when a record named elsewhere in the text leads it
    named = [(rid, sc) for rid, sc in scored if sc.named and sc.value >= threshold]
    linked = {rid for rid, _ in links}
    links += [(rid, sc) for rid, sc in named if rid not in linked]
    return links, groups, unsure


def link(facts: list[Fact], n_sentences: int, ev: Evidence, gaz: Gazetteer, threshold: float = THRESHOLD,
         article: dt.date | None = None, sentence_texts: list[str] | None = None) -> Outcome:
    """Linked records (best first), references below the threshold, and ambiguous ones."""
    doc = Facts.of(facts)
    grouped: list[list[Fact]] = [[] for _ in range(n_sentences)]
    for f in facts:
        grouped[f.sentence].append(f)
    by_sentence = [Facts.of(g) for g in grouped]
    focus = {st for s in by_sentence if len(set(s.named_states)) <= 3 for st in s.named_states}
    ctx = Context(tuple(doc.dates), article, frozenset(focus) if len(focus) <= 3 else frozenset(),
                  ev.meeting_organizations, ev.ever_members, ev.case_organizations)
    placed: dict[str, Placement] = {}
    unplaced: list[Reference] = []
    unsure_refs: list[Reference] = []
    meetings = [(org, m) for org, ms in ev.meetings.items() for m in ms]
    organs_with_meetings = {m.organ for _, m in meetings}
    summits = {o for o in organs_with_meetings
               if "summit" in (gaz.organ_kinds.get(o) or "").lower() or "heads of state" in (gaz.organ_kinds.get(o) or "").lower()}
    meeting_ids = {m.id for _, m in meetings}
    cases = [v for v in (case_view(c, gaz) for c in ev.cases.values()) if v.id in doc.records or not doc.states.isdisjoint(v.every)]
    places: dict[tuple[str, str], int] = {}
    for _, m in meetings:
        places[m.organ, m.place] = places.get((m.organ, m.place), 0) + 1
    meeting_places = frozenset(gaz.resolve(m.place, ("place",)) or m.place for _, m in meetings)
    for org_id, org in ev.organizations.items():  # "led by Moscow": the seat names no meeting
        for organ in ev.organs.get(org_id, ()):
            places[organ.id, getattr(org, "headquarters", None) or ""] = 2
    window = weights()["meeting"]["organization_window"]

    def parties(rid: str) -> tuple[str, ...]:
        case = ev.cases.get(rid)
        return tuple(sorted(frozenset().union(*_sides(case)))) if case else (rid,)

    def place(kind: str, rid: str, sc: Score, i: int, members: list[str] | None = None) -> None:
        prior = placed.get(rid)
        if prior is None:
            placed[rid] = Placement(rid, kind, sc, [i], members or [])
        else:
            prior.sentences.append(i)
            if sc.value > prior.score.value:
                prior.score = sc

    previous: list[list[Fact]] = []
    last: list[Fact] = []
    for s in by_sentence:
        previous.append(last)
        last = s.dates or last
    following: list[list[Fact]] = [[] for _ in by_sentence]
    nxt: list[Fact] = []
    for j in range(len(by_sentence) - 1, -1, -1):
        following[j] = nxt
        nxt = by_sentence[j].dates or nxt
    pair = ctx.focus if len(ctx.focus) == 2 else frozenset()
    order = {v.id: n for n, v in enumerate(cases)}
    by_state: dict[str, list[CaseView]] = {}
    by_place: dict[str, list[CaseView]] = {}
    for v in cases:
        for st in v.every:
            by_state.setdefault(st, []).append(v)
        for pl in v.places:
            by_place.setdefault(pl, []).append(v)
    for i, s in enumerate(by_sentence):
        refs = []
        low = sentence_texts[i].lower() if sentence_texts else ""
        if pair and low and _BOTH_LOW.search(low):
            s.states |= pair  # "the two countries": the pair the text is about
            s.named_states.extend(sorted(pair))
        s.settle(gaz)
        around = [] if s.dates else (previous[i] or following[i])
        case_named = s.records - meeting_ids
        words = s.events & CASE_WORDS
        if "exercise" in s.events and not s.events & CRISIS_WORDS:
            words = frozenset()
        if (words and (s.dates or around or article is not None or words - DATED_WORDS)) or case_named:
            refs.append(("case", [(c.id, score_case(c, s, doc, around, gaz, ctx))
                                  for c in _candidates(s, case_named, cases, order, by_state, by_place)]))
        if s.events & MEETING_WORDS or s.organs & organs_with_meetings or s.records & meeting_ids:
            near = range(max(0, i - window), i + 1)
            near_orgs = set().union(*(by_sentence[j].organizations for j in near))
            near_organs = set().union(*(by_sentence[j].organs for j in near))
            summit = "summit" in s.events
            # "a CSTO session in Yerevan on 23 November": no organ named, so any of the organization's
            any_organ = "meeting" in s.events and not near_organs
            refs.append(("meeting", [(m.id, score_meeting(m, org, s, doc, near_orgs, near_organs, around, gaz, ctx,
                                                          places[(m.organ, m.place)] == 1, meeting_places))
                                     for org, m in meetings  # the rest score nothing (see score_meeting)
                                     if m.organ in near_organs or m.id in s.records or (summit and m.organ in summits)
                                     or (any_organ and org in near_orgs)]))
        if not refs:
            continue
        plural = bool(_REPEATED_LOW.search(low)) or (bool(_PLURAL_LOW.search(low)) and not s.dates)
        for kind, scored in refs:
            ref = Reference(i, kind, s.words)
            for rid, sc in scored:
                if sc.value > ref.best_score.value:
                    ref.best, ref.best_score = rid, sc
            links, groups, unsure = _decide(scored, threshold, plural and kind == "case", parties, kind == "case")
            for rid, sc in links:
                place(kind, rid, sc, i)
            for close in groups:
                members = sorted(rid for rid, _ in close)
                gid = "group:" + "+".join(members)
                place("group", gid, close[0][1], i, members)
            for close in unsure:
                unsure_refs.append(Reference(i, kind, s.words, close[0][0], close[0][1],
                                             [(rid, round(sc.value, 3)) for rid, sc in close]))
            if ref.best_score.value < threshold:
                if ref.best_score.value < threshold / 2:  # too far to name as the closest record
                    ref.best, ref.best_score = None, Score()
                unplaced.append(ref)
    ambiguous = []
    for ref in unsure_refs:  # one candidate linked elsewhere in the text settles the reference
        hit = [rid for rid, _ in ref.candidates if rid in placed]
        if len(hit) == 1:
            placed[hit[0]].sentences.append(ref.sentence)
        elif not hit:
            ambiguous.append(ref)
    unlinked = []
    support = weights()["support"]
    unsure_at = {(a.sentence, a.kind) for a in unsure_refs}
    for ref in unplaced:  # a weaker mention of a record linked elsewhere in the text
        if ref.best in placed and ref.best_score.value >= support * threshold:
            placed[ref.best].sentences.append(ref.sentence)
        elif (ref.sentence, ref.kind) not in unsure_at:
            unlinked.append(ref)
    for p in placed.values():
        p.sentences = sorted(set(p.sentences))
    return Outcome(sorted(placed.values(), key=lambda p: -p.score.value), unlinked, ambiguous)
