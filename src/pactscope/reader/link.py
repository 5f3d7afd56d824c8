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
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from pactscope.reader.evidence import Evidence
from pactscope.reader.gazetteer import Gazetteer

CASE_WORDS = frozenset({"attack", "clash", "unrest", "terrorism", "war", "request", "deployment"})
MEETING_WORDS = frozenset({"meeting", "summit"})
RESPONSE_WORDS = frozenset({"request", "deployment"})
YEARLESS = frozenset({"monthday", "monthonly"})
# Repetition: "the border conflicts that occasionally erupt", "не раз", "مرارا".
_REPEATED = re.compile(
    r"(?:\b(?:occasionally|repeatedly|frequent(?:ly)?|periodic(?:ally)?|regularly|every time|each time|"
    r"(?:two|three|four|five|six|several|many) times|series of|recurring)\b|(?<!\w)(?:периодически|регулярно|"
    r"неоднократно|не раз|раз за разом|то и дело|часто)(?!\w)|(?<!\w)(?:مرارا|متكرره|كل مره|عده مرات|بشكل متكرر|"
    r"كثيرا ما)(?!\w))",
    re.I,
)
# The two states the text is about, named as a pair.
_BOTH = re.compile(
    r"(?:\b(?:the two countries|both countries|the two states|the two neighbours|the two neighbors)\b|"
    r"(?<!\w)(?:двух стран|обеих стран|обе страны|две страны|двух государств|обоих государств)(?!\w)|"
    r"(?<!\w)[وف]?(?:ال)?(?:بلدين|دولتين|جارتين|البلدان)(?!\w))",
    re.I,
)
# Plural event nouns: a plural reference when the sentence has no date of its own.
_PLURAL = re.compile(
    r"(?:\b(?:clashes|conflicts|incidents|wars|skirmishes|flare-ups)\b|(?<!\w)(?:столкновения|конфликты|"
    r"инциденты|стычки|войны)(?!\w)|(?<!\w)[وف]?(?:ال)?(?:اشتباكات|نزاعات|حوادث|حروب)(?!\w))",
    re.I,
)


@lru_cache(maxsize=1)
def weights() -> dict:
    """The link weights and thresholds from `weights.yaml`."""
    text = resources.files("pactscope.reader").joinpath("weights.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


THRESHOLD: float = weights()["threshold"]


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
    precision: str | None = None  # dates: day | month | year | range | monthday | monthonly
    negated: bool = False  # an event word with a negator just before it


@dataclass
class Facts:
    states: set[str] = field(default_factory=set)
    named_states: list[str] = field(default_factory=list)  # states named as states, in order
    organizations: set[str] = field(default_factory=set)
    organs: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    records: set[str] = field(default_factory=set)  # ledger records named by their own names
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
            elif f.type == "organ":
                out.organs.add(f.target)
                if f.organization:
                    out.organizations.add(f.organization)
            elif f.type == "place":
                out.places.add(f.target)
            elif f.type == "record":
                out.records.add(f.target)
                out.words.append(f.surface)
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
    parts: list[tuple[float, object]] = field(default_factory=list)  # (points, reason or a function giving it)
    date: Fact | None = None  # the date that fits the record, if one does
    dated: bool = False  # some date (the sentence's, a neighbour's or the article's) fits the record

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


def _gap_days(f: Fact, lo: dt.date, hi: dt.date) -> int:
    """Days between the date's span and [lo, hi]; 0 when they overlap.  A date without a
    year is tried in every year of the record (and the years beside it)."""
    if f.precision in YEARLESS:
        gaps = []
        for year in range(lo.year - 1, hi.year + 2):
            try:
                first, last = f.first.replace(year=year), f.last.replace(year=year)
            except ValueError:  # 29 February
                continue
            gaps.append(_gap(first, last, lo, hi))
        return min(gaps) if gaps else 10**6
    return _gap(f.first, f.last, lo, hi)


def _gap(first: dt.date, last: dt.date, lo: dt.date, hi: dt.date) -> int:
    if last < lo:
        return (lo - last).days
    if first > hi:
        return (first - hi).days
    return 0


@dataclass(frozen=True)
class Context:
    """What the whole text contributes: every date, and the article's own date."""

    every: tuple[Fact, ...] = ()
    article: dt.date | None = None
    focus: frozenset[str] = frozenset()  # the states the text is about (outside lists of members), if few
    _far: dict = field(default_factory=dict, compare=False, hash=False)

    def far_from_all(self, lo: dt.date, hi: dt.date) -> bool:
        """No date anywhere in the text is within a year of [lo, hi] (computed once per record)."""
        if (lo, hi) not in self._far:
            days = weights()["dates"]["far_days"]
            self._far[lo, hi] = bool(self.every) and all(_gap_days(f, lo, hi) > days for f in self.every)
        return self._far[lo, hi]


def _time(score: Score, dates: list[Fact], lo: dt.date, hi: dt.date, inherited: bool, ctx: Context,
          one_day: bool = False, onset: bool = False) -> None:
    """Credit the best-fitting date; take points off when none is near the record."""
    w = weights()["dates"]
    tolerance = weights()["meeting"]["tolerance_days"]
    before = dt.timedelta(days=0 if one_day else w["slack_before"])
    after = dt.timedelta(days=0 if one_day else w["slack_after"])
    best, best_fact, close = 0.0, None, False
    opening = min(hi, lo + dt.timedelta(days=w["opening_days"]))
    for f in dates:
        gap = _gap_days(f, lo - before, hi + after)
        if one_day and gap and f.precision in ("day", "monthday"):
            value = weights()["meeting"]["near_meeting"] if gap <= tolerance else 0.0
        elif gap == 0 and _gap_days(f, lo - before, opening + after):
            # a date late in a long record; nothing when the sentence says the event began then
            value = 0.0 if onset else w["exact"][f.precision] * w["late_share"]
        else:
            value = w["exact"][f.precision] if gap == 0 else w["near"] if gap <= w["near_days"] else 0.0
        if value > best:
            best, best_fact = value, f
        close = close or gap <= w["far_days"]
    span = lo.isoformat() if lo == hi else f"{lo.isoformat()} to {hi.isoformat()}"
    weight, where = (w["inherited"], "date from a nearby sentence") if inherited else (1.0, "sentence date")
    if best_fact is not None:
        verb = "fits" if best >= 0.1 else "is near"
        score.add(best * weight, lambda: f"{where} {best_fact.surface or best_fact.target} {verb} {span}")
        if best >= 0.1:
            score.dated = True
            if not inherited:
                score.date = best_fact
    if best >= 0.1 or inherited:  # a neighbour's dates may be background: no penalty from them
        return
    if close:
        score.add(w["miss"], lambda: f"no {where} falls in {span}")
    else:
        score.add(w["far"], lambda: f"no {where} is within a year of {span}")
        if ctx.far_from_all(lo, hi):
            score.add(w["none_in_text"], "no date in the text is within a year of it")


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
           one_day: bool = False) -> None:
    if s.dates:
        _time(score, s.dates, lo, hi, False, ctx, one_day, "onset" in s.events)
    elif around:
        _time(score, around, lo, hi, True, ctx, one_day)
        if not score.dated:
            _undated(score, lo, hi, ctx, one_day)
    else:
        _undated(score, lo, hi, ctx, one_day)


def _worth(case, s: Facts, named: set[str], gaz: Gazetteer) -> bool:
    """A case can reach the threshold for this sentence: its name, a party or one of its places
    in the sentence, or a sentence that names no state at all (parties then come from the text)."""
    principal, third = _sides(case)
    return (case.id in named or not s.named_set or not s.states.isdisjoint(principal | third)
            or not s.places.isdisjoint(_case_places(case, gaz)))


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


def score_case(case, s: Facts, d: Facts, around: list[Fact], gaz: Gazetteer, ctx: Context) -> Score:
    """How well a sentence (with the text around it) matches a crisis case."""
    w = weights()["case"]
    score = Score()
    parties, third = _sides(case)
    _overlap(score, {case.id}, s.records, d.records, w["name"], w["name_text"], "its name")
    in_sentence, in_doc = parties & s.states, parties & d.states
    is_list = len(s.named_set) > 3  # a list of members names no party
    from_doc = w["parties_text"] * len(in_doc) / len(parties)
    if s.states and not in_sentence:
        from_doc *= w["about_others"]  # the sentence is about other states
    own = len(in_sentence) / len(parties) * (w["other_states"] if is_list else 1.0)
    share = max(own, from_doc)
    if not share and case.id not in s.records:
        return Score()  # no party named: not this case
    if share:
        if own >= from_doc:
            listed = set() if is_list else s.named_set
        else:
            listed = ctx.focus
        outside = len(listed - parties - third) / len(listed) if listed else 0.0
        factor = 1.0 - w["outsiders"] * outside
        who = in_sentence if len(in_sentence) / len(parties) >= from_doc else in_doc
        score.add(w["parties"] * share * factor, lambda: f"parties {', '.join(sorted(who))} named"
                  + (f", with {', '.join(sorted(listed - parties - third))}" if outside else ""))
        _overlap(score, third, s.states, d.states, w["third_party"], w["third_party"] * w["parties_text"],
                 "third party")
    _overlap(score, {case.organization}, s.organizations, d.organizations, w["organization"],
             w["organization_text"], "organization")
    _dates(score, s, around, case.start_date, case.end_date or case.start_date, ctx)
    places = _case_places(case, gaz)
    _overlap(score, places, s.places, d.places, w["place"], w["place_text"], "place")
    kinds = s.kinds
    fitting = {cat for cat in kinds if case.threat_type.value in gaz.event_fits[cat]}
    if fitting:
        score.add(w["threat_fit"] * len(fitting) / len(kinds),
                  lambda: f"event words ({', '.join(sorted(fitting))}) fit {case.threat_type.value}")
    if s.events & RESPONSE_WORDS:
        score.add(w["response_words"], "request or response words")
    if "request" in s.events and str(getattr(case.request, "made", "")).endswith(("yes", "disputed")):
        score.add(w["request_made"], "request words, and the ledger records a request")
    return score


def score_meeting(meeting, organization: str, s: Facts, d: Facts, near_orgs: set[str], near_organs: set[str],
                  around: list[Fact], gaz: Gazetteer, ctx: Context, unique_place: bool = False) -> Score:
    """How well a sentence (with the text around it) matches a meeting."""
    w = weights()["meeting"]
    score = Score()
    kind = (gaz.organ_kinds.get(meeting.organ) or "").lower()
    named = meeting.id in s.records
    if named:
        score.add(w["name"], "its name in the same sentence")
    if meeting.organ in s.organs:
        score.add(w["organ"], lambda: f"organ {meeting.organ} named in the same sentence")
    elif meeting.organ in near_organs:
        score.add(w["organ_text"], lambda: f"organ {meeting.organ} named in the text")
    elif "summit" in s.events and ("summit" in kind or "heads of state" in kind):
        score.add(w["summit_word"], "a summit, and the organ is the summit")
    elif not named:
        return Score()  # without the organ or a summit word it is not this meeting
    own_organ = meeting.organ in s.organs
    if organization not in near_orgs and not own_organ and not named:
        return Score()  # another organization's meeting, or none named nearby
    if organization in near_orgs:
        score.add(w["organization"], lambda: f"organization {organization} named nearby")
    _dates(score, s, around, meeting.date, meeting.end_date or meeting.date, ctx,
           one_day=meeting.end_date is None or meeting.end_date == meeting.date)
    place = gaz.resolve(meeting.place, ("place",)) or meeting.place
    at_place = _overlap(score, {place}, s.places, d.places, w["place"], w["place_text"], "place")
    if meeting.host and meeting.host in s.states | d.states:
        score.add(w["host"], lambda: f"host {meeting.host} named")
    if not (score.dated or named or (unique_place and at_place and place in s.places)):
        return Score()  # a meeting is a day: without a date, its name or its own place it is a guess
    if not (s.events & MEETING_WORDS or named or score.date is not None):
        # an organ named as an actor, with no meeting word or date of its own: weak evidence of a session
        score.add(-score.value * weights()["meeting"]["actor_share"], "the organ is named, but no session")
    return score


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


def _decide(scored: list[tuple[str, Score]], threshold: float, plural: bool, parties) -> tuple[list, list, list]:
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
        rivals = [(rid, sc) for rid, sc in scored if sc.value >= floor and (key is None or sc.date == key or sc.date is None)]
        rivals.sort(key=lambda t: -t[1].value)
        best_id, best = group[0]
        runner = next((sc.value for rid, sc in rivals if rid != best_id), 0.0)
        if best.value - runner >= w["margin"] - 1e-9:
            links.append((best_id, best))
            continue
        close = [(rid, sc) for rid, sc in rivals if best.value - sc.value < w["margin"]]
        if plural and len({frozenset(parties(rid)) for rid, _ in close}) == 1:
            groups.append(close)
        else:
            unsure.append(close)
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
    ctx = Context(tuple(doc.dates), article, frozenset(focus) if len(focus) <= 3 else frozenset())
    placed: dict[str, Placement] = {}
    unplaced: list[Reference] = []
    unsure_refs: list[Reference] = []
    meetings = [(org, m) for org, ms in ev.meetings.items() for m in ms]
    organs_with_meetings = {m.organ for _, m in meetings}
    summits = {o for o in organs_with_meetings
               if "summit" in (gaz.organ_kinds.get(o) or "").lower() or "heads of state" in (gaz.organ_kinds.get(o) or "").lower()}
    meeting_ids = {m.id for _, m in meetings}
    cases = [c for c in ev.cases.values() if c.id in doc.records or not doc.states.isdisjoint(frozenset().union(*_sides(c)))]
    places: dict[tuple[str, str], int] = {}
    for _, m in meetings:
        places[m.organ, m.place] = places.get((m.organ, m.place), 0) + 1
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
    for i, s in enumerate(by_sentence):
        refs = []
        if pair and sentence_texts and _BOTH.search(sentence_texts[i]):
            s.states |= pair  # "the two countries": the pair the text is about
            s.named_states.extend(sorted(pair))
        s.settle(gaz)
        around = [] if s.dates else (previous[i] or following[i])
        case_named = s.records - meeting_ids
        if s.events & CASE_WORDS or case_named:
            refs.append(("case", [(c.id, score_case(c, s, doc, around, gaz, ctx)) for c in cases
                                  if _worth(c, s, case_named, gaz)]))
        if s.events & MEETING_WORDS or s.organs & organs_with_meetings or s.records & meeting_ids:
            near = range(max(0, i - window), i + 1)
            near_orgs = set().union(*(by_sentence[j].organizations for j in near))
            near_organs = set().union(*(by_sentence[j].organs for j in near))
            summit = "summit" in s.events
            refs.append(("meeting", [(m.id, score_meeting(m, org, s, doc, near_orgs, near_organs, around, gaz, ctx,
                                                          places[(m.organ, m.place)] == 1))
                                     for org, m in meetings  # the rest score nothing (see score_meeting)
                                     if m.organ in near_organs or m.id in s.records or (summit and m.organ in summits)]))
        text = sentence_texts[i] if sentence_texts else ""
        plural = bool(_REPEATED.search(text)) or (bool(_PLURAL.search(text)) and not s.dates)
        for kind, scored in refs:
            ref = Reference(i, kind, s.words)
            for rid, sc in scored:
                if sc.value > ref.best_score.value:
                    ref.best, ref.best_score = rid, sc
            links, groups, unsure = _decide(scored, threshold, plural and kind == "case", parties)
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
