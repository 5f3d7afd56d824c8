"""Find the claims in a read text and set each beside the ledger (docs/reader.md, "Claim check")."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from pactscope.ledger.schema import CrisisCase
from pactscope.reader.claims import organization, verdict
from pactscope.reader.claims.cues import Hit, SentenceCues, clause_before
from pactscope.reader.claims.model import Claim
from pactscope.reader.claims.resolve import MEMBER_LIST, SentenceFacts, TextFacts, choose
from pactscope.reader.claims.vocab import Vocabulary, vocabulary
from pactscope.reader.dates import month_number
from pactscope.reader.evidence import Evidence
from pactscope.reader.normalize import fold_with_offsets
from pactscope.reader.normalize import lower_keeping_offsets as lower
from pactscope.reader.sentences import sentence_of, split_sentences
from pactscope.reader.spans import inside_organizations
from pactscope.reader.tokens import script_of

if TYPE_CHECKING:
    from pactscope.reader.model import ReadResult

_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|[\u0660-\u0669]{4}")
# Prepositions before a state named after an Arabic cue: the state is its object, not its subject.
_AR_PREPOSITION = re.compile(r"(?<!\w)(?:إلى|الى|في|على|من|عن|مع|ضد|بين|لدى|نحو)(?!\w)")
_FROM = re.compile(r"(?<!\w)(?:from|of|из|من)(?!\w)")
_TURN = re.compile(r"[;:\n]|\s(?:but|however|instead|но|однако|لكن|بل)\s")
CRISIS_EVENTS = frozenset({"attack", "clash", "unrest", "terrorism", "war", "border"})  # event words that name a crisis
COLLECTIVE_DEFENCE = "collective-defence"
TREATY_TOPICS = {"clauses", "exit", "decision_rule"}


def _precision(value: str) -> str:
    return "range" if "/" in value else {10: "day", 7: "month", 4: "year"}.get(len(value), "year")


def _sentence_index(spans: list[tuple[int, int]], offset: int) -> int | None:
    """Index of the sentence holding `offset`; none when it falls outside every sentence."""
    i = sentence_of(spans, offset) if spans else 0
    return i if spans and spans[i][0] <= offset < spans[i][1] else None


def _facts(result: ReadResult, spans: list[tuple[int, int]], ev: Evidence, published: dt.date | None) -> TextFacts:
    sentences = [SentenceFacts() for _ in spans]
    speakers: list[set[str]] = [set() for _ in spans]
    officials = {o.names.en for org in ev.organizations.values() for o in org.officials}
    years: Counter[int] = Counter()
    states: Counter[str] = Counter()
    inside = inside_organizations(result.mentions)  # "Russia" in "a Russia-led alliance" is no party
    for k, m in enumerate(result.mentions):
        i = _sentence_index(spans, m.start)
        if i is None or k in inside:
            continue
        state = m.target if m.type == "state" else m.state if m.type in ("place", "person") else None
        if m.type == "person" and m.target in officials:
            state = None  # a secretary general speaks for the organization, not for a party
        if state and m.type == "person":
            speakers[i].add(state)  # counts for the sentence only when it names no state itself
            states[state] += 1
        elif state:
            sentences[i].states.add(state)
            states[state] += 1
        if m.type == "place":
            sentences[i].places |= {m.target.lower(), m.text.lower()}
        if m.type == "date" and m.first and m.last:
            if not _YEAR.search(m.text) and _precision(m.target) in ("day", "month"):
                sentences[i].months.add(m.first.month)  # the year was guessed: read it with the text's date
                continue
            sentences[i].dates.append((m.first, m.last, _precision(m.target)))
            years.update({m.first.year, m.last.year} if m.last.year - m.first.year <= 1 else {m.first.year})
    for s, spoken in zip(sentences, speakers):
        s.states = s.states or spoken  # "Pashinyan compared this to the troops sent to Kazakhstan": not Armenia's case
        if len(s.states) >= MEMBER_LIST:
            s.states = set()
    for i, (a, b) in enumerate(spans):
        if not sentences[i].dates and not sentences[i].months:  # Latin month names only when capitalised
            sentences[i].months = {n for w in _WORD.findall(result.text[a:b])
                                   if (not w.isascii() or w[:1].isupper()) and (n := month_number(w.lower()))}
    linked: set[str] = set()
    for link in result.linked:
        members = [link.id] if link.kind == "case" else list(getattr(link, "members", None) or [])
        if link.kind == "meeting" and link.record.get("date"):
            years[dt.date.fromisoformat(link.record["date"]).year] += 1
        for cid in members:
            linked.add(cid)
            for a, _ in link.references:
                if (i := _sentence_index(spans, a)) is not None:
                    sentences[i].linked.add(cid)
    with_cases = {c.organization for c in ev.cases.values()}
    orgs = {o for o in result.organizations if o in with_cases}
    parties = {cid: frozenset(c.states) for cid, c in ev.cases.items()}
    return TextFacts(sentences, states, years, linked, orgs, published, parties)


def _main_organization(result: ReadResult, ev: Evidence, facts: TextFacts) -> str | None:
    counts = Counter(m.target for m in result.mentions if m.type == "organization" and m.target in ev.organizations)
    counts.update(m.organization for m in result.mentions if m.type == "organ" and m.organization in ev.organizations)
    return counts.most_common(1)[0][0] if counts else None


def _sources(ev: Evidence, ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for sid in dict.fromkeys(ids):
        s = ev.sources.get(sid)
        out.append({"id": sid} if s is None else {"id": sid, "publisher": s.publisher, "title": s.title,
                                                   "url": str(s.url), "date": s.date.isoformat() if s.date else None})
    return out


class _Sentence:
    """One sentence: its cues, and offsets back into the original text."""

    def __init__(self, i: int, result: ReadResult, norm, fspan: tuple[int, int], vocab: Vocabulary):
        self.i, self.fstart = i, fspan[0]
        self.norm, self.text = norm, result.text
        self.span = norm.span(*fspan)
        self.folded = lower(norm.text[fspan[0]:fspan[1]])
        self.cues = SentenceCues(self.folded, vocab)
        inside = [m for m in result.mentions if self.span[0] <= m.start < self.span[1]]
        named = [m.target for m in inside if m.type == "organization"]
        organs = [m.organization for m in inside if m.type == "organ" and m.organization in result.organizations]
        self.orgs = named + organs  # an organ's title ("the secretary general") counts only for an organization named
        self.org_at = [m.start for m in inside if m.type in ("organization", "organ")]
        self.state_at = [m.start for m in inside if m.type == "state" or (m.type in ("place", "person") and m.state)]
        self.states = {m.target for m in inside if m.type == "state"}
        self.crisis = any(m.type == "date" or (m.type == "event" and m.target in CRISIS_EVENTS) for m in inside)
        words = vocab.lists["organization_words"]
        self.org_at += [self.original(m.start()) for m in words.finditer(self.folded)] if words else []
        actors = vocab.lists["state_actors"]
        self.state_at += [self.original(m.start()) for m in actors.finditer(self.folded)] if actors else []
        self.previous_anchored = False

    def original(self, offset: int) -> int:
        """Offset in the original text of an offset in this folded sentence."""
        return self.norm.span(self.fstart + offset, self.fstart + offset + 1)[0]

    def acts(self, hit: Hit) -> bool:
        """The organization is the actor of the cue: named before it, or no state named before it."""
        at = self.original(hit.start)
        end = self.original(hit.end)
        if self.agent_after(hit):
            return False
        if any(o < at for o in self.org_at):
            return True
        after_org = min((o for o in self.org_at if end <= o <= end + 24), default=None)
        after_state = min((x for x in self.state_at if end <= x <= end + 24), default=None)
        if after_org is not None and (after_state is None or after_org < after_state):
            return True  # verb first: "تجاهلت المنظمة", "sent by the CSTO"
        if after_state is not None and script_of(hit.text) == "ar" and not _AR_PREPOSITION.search(
                self.text[end:after_state]):
            return False  # Arabic verb first, a state or its leader its subject: "وندد لوكاشينكو" (not "إلى أرمينيا")
        if not self.org_at:  # named in the sentence before: "It sent ...", "Troops were flown in"
            return self.previous_anchored and not any(x < at for x in self.state_at)
        return not any(x < at for x in self.state_at)

    def appeal_to_organization(self, hit: Hit) -> bool:
        """A call with the organization as its object: no organization before it, one soon after."""
        at, end = self.original(hit.start), self.original(hit.end)
        return not any(o < at for o in self.org_at) and any(end <= o <= end + 60 for o in self.org_at)

    def asked_of(self, hit: Hit) -> bool:
        """The cue is a call on the organization, or what it was called on to do ("called on the CSTO
        to send troops")."""
        return any(a.start <= hit.start and self.appeal_to_organization(a) for a in self.cues.appeals)

    def state_before(self, hit: Hit) -> bool:
        """A state is named before the cue in this sentence."""
        at = self.original(hit.start)
        return any(x < at for x in self.state_at)

    def invokes(self, hit: Hit) -> bool:
        """The cue begins with an invoking word ("invoked", «задействовал», «تفعيل»)."""
        return self.cues.vocab.lists["invoking"].search(hit.text.split()[0]) is not None

    def agent_after(self, hit: Hit) -> bool:
        """A state named right after the cue as its agent: "statements by Baku"."""
        after = self.cues.text[hit.end:hit.end + 24]
        agent = self.cues.vocab.lists["agent_after"].search(after)
        if agent is None or after[:agent.start()].strip(' "\'»)'):
            return False
        named = self.original(hit.end + agent.end())
        return any(named <= x <= named + 3 for x in self.state_at)

    def words(self, hits: list[Hit]) -> list[str]:
        out = []
        for h in hits:
            a, b = self.norm.span(self.fstart + h.start, self.fstart + h.end)
            out.append(self.text[a:b])
        return out

    def anchored(self) -> bool:
        words = self.cues.vocab.lists["organization_words"]
        return bool(self.orgs or (words is not None and words.search(self.folded)))


def _response(s: _Sentence, scale: tuple[str, ...]) -> dict[str, Any] | None:
    """What a sentence asserts about the response: min and max on the scale, or a judgement."""
    c = s.cues
    if c.hypothetical():
        return None
    def kept(h: Hit) -> bool:
        return not c.requested_object(h) and not s.asked_of(h) and s.acts(h) and not c.future(h)

    levels = [h for h in c.of(*scale) if kept(h) and not c.said_object(h) and not c.possessed(h)]
    denied = [Hit(h.kind.removeprefix("denied:"), h.start, h.end, h.text)
              for h in c.of(*(f"denied:{lvl}" for lvl in c.vocab.denied)) if kept(h)]
    none = [h for h in c.of("none") if s.acts(h) and not c.future(h)]
    words = [h for h in c.of("response_words") if not c.requested_object(h) and s.acts(h) and not c.future(h)]
    # help named after a request word is what was asked for, unless denied in a clause of its own
    # ("asked for help, but the organization did not send help")
    helps = [h for h in c.of("help") if not c.requested_object(h, sentence=not c.negated(h))
             and not s.asked_of(h) and s.acts(h) and not c.future(h)]
    evaluative = [h for h in c.of("evaluative") if s.acts(h) and not c.future(h)]
    if not (levels or denied or none or words or helps or evaluative):
        return None
    if not (levels or denied or none or words or helps):
        return {"min": scale[0], "max": scale[-1], "words": [], "judgement": s.words(evaluative)}
    pos = [h for h in levels if not c.negated(h)]
    neg = [h for h in levels if c.negated(h)] + denied
    rank = scale.index
    lo, hi = scale[0], scale[-1]
    if pos:
        lo = max((h.kind for h in pos), key=rank)
    for h in neg:
        hi = min(hi, scale[max(0, rank(h.kind) - 1)], key=rank)
    refused_help = c.refused() and (c.of("request", "request_nouns") or helps)
    if not (levels or denied) and (any(c.negated(h) for h in helps) or refused_help):  # a named level says more
        hi = min(hi, "fact-finding-mission", key=rank)
    if not pos and (none or any(c.negated(h) for h in words)):
        hi = scale[0]
    if pos and (none or any(c.only(h) for h in pos)):
        hi = lo
    if lo == scale[0] and hi == scale[-1] and not evaluative:
        return None  # no level said, nothing denied
    used = list({(h.start, h.end): h for h in pos + neg + none + [h for h in helps + words if c.negated(h)]}.values())
    asserted: dict[str, Any] = {"min": lo, "max": hi, "words": s.words(sorted(used, key=lambda h: h.start))}
    if evaluative:
        asserted["judgement"] = s.words(evaluative)
    if rank(lo) > rank(hi):
        asserted["conflict"] = True
    if c.covers_every_case(pos + neg + none + words + helps):
        asserted["every_case"] = True
    return asserted


def _routine_meeting(s: _Sentence, asserted: dict[str, Any], scale: tuple[str, ...]) -> bool:
    """Only a meeting held, in a sentence that names no crisis (no event word, no date) and no
    emergency: "the Council met in Moscow" is no response to a case."""
    meeting_only = asserted.get("min") == "consultation" and asserted.get("max") == scale[-1]
    return meeting_only and "judgement" not in asserted and not s.crisis and s.cues.vocab.lists["emergency"].search(s.folded) is None


def _by_requester(ids: list[str], why: str, s: _Sentence, ev: Evidence) -> tuple[list[str], str]:
    """Of several cases, the one whose recorded request the state the sentence names made
    ("In 2021, Armenia requested help": the 2021 case in which Armenia asked)."""
    asked = [(cid, r.state) for cid in ids
             if (r := ev.cases[cid].request) is not None and r.made == "yes" and r.state in s.states]
    if len(asked) == 1:
        cid, state = asked[0]
        return [cid], f"{why}; of these, the one in which {state} asked"
    return ids, why


def _routine(s: _Sentence) -> bool:
    """Exercises or a sitting on the calendar, with no emergency: no response to a crisis."""
    lists = s.cues.vocab.lists
    return lists["routine"].search(s.folded) is not None and lists["emergency"].search(s.folded) is None


def _critical(asserted: dict[str, Any], scale: tuple[str, ...]) -> bool:
    """A response claim that denies or judges ("did nothing", "only statements", "no proper response")."""
    return asserted.get("max") != scale[-1] or "judgement" in asserted or bool(asserted.get("every_case"))


def _request(s: _Sentence, trigger: dict[str, Any] | None = None, anchored: bool = False) -> dict[str, Any] | None:
    """A request claim; `anchored`: the organization is named here or in the sentence before."""
    c = s.cues
    refusal = c.vocab.lists["refusal"]
    taken = set(trigger["words"]) if trigger else set()
    hits = [h for h in c.of("request", "request_nouns", "trigger") if c.is_request(h)
            and (h.kind != "trigger" or (not taken and s.invokes(h) and bool(c.articles())))
            and s.words([h])[0] not in taken
            and not (h.kind == "request_nouns" and refusal and refusal.search(clause_before(c.text, h.start)))
            and not (h.kind in ("request", "request_nouns") and c.modal_before(h))]
    hits += [h for h in c.appeals if s.appeal_to_organization(h)]
    if not hits or c.hypothetical() or not (anchored or c.of("help", *c.vocab.levels) or c.articles()):
        return None
    made = "no" if all(c.negated(h) or c.conditional(h) for h in hits) else "yes"
    asserted: dict[str, Any] = {"made": made, "words": s.words(hits)}
    if c.articles():
        asserted["article"] = c.articles()[0]
    return asserted


def _trigger(s: _Sentence, org: str | None, ev: Evidence) -> dict[str, Any] | None:
    c = s.cues
    hits = [h for h in c.of("trigger") if not c.requested_object(h) and (s.acts(h) or not s.state_before(h))]
    # "NATO invoked Article 5": an invoking word with the organization as its actor is a trigger
    hits += [h for h in c.of("request", "request_nouns")
             if s.invokes(h) and s.acts(h) and s.org_at and not s.state_before(h)]
    o = ev.organizations.get(org or "")
    if o is None:
        return None
    scope = [h for h in c.of("obligation_scope", "obligation_denied") if not c.future(h)]
    defence = {cl.article for cl in o.clauses if cl.type.value == COLLECTIVE_DEFENCE}
    if scope and s.anchored() and not (hits and defence & set(c.articles())):
        # "the CSTO's obligations do not apply to Karabakh": whether the obligation holds, no article named
        denied = scope[0].kind == "obligation_denied" or c.negated(scope[0])
        return {"triggered": "no" if denied else "yes", "article": None, "words": s.words(scope)}
    if not hits or not defence & set(c.articles()):
        return None
    return {"triggered": "no" if c.negated(hits[0]) or c.conditional(hits[0]) else "yes",
            "article": sorted(defence & set(c.articles()))[0], "words": s.words(hits)}


def _case_record(case: CrisisCase, field: str, scale: tuple[str, ...]) -> dict[str, Any]:
    if field == "response":
        return {"id": case.id, "organization": case.organization, "level": verdict.record_level(case, scale),
                "term": case.response.term.value,
                "actions": [t.value for t in case.response.terms],
                "dated_actions": [{"term": a.term.value, "date": a.date.isoformat() if a.date else None, "what": a.what}
                                  for a in case.response.actions],
                "declined": verdict.DECLINED in {t.value for t in case.response.terms},
                "date": case.response.date.isoformat() if case.response.date else None,
                "summary": case.response.summary}
    if field == "request":
        r = case.request
        return {"id": case.id, "organization": case.organization, "made": r.made.value, "article": r.article, "by": r.by,
                "date": r.date.isoformat() if r.date else None, "summary": r.summary}
    return {"id": case.id, "organization": case.organization, "triggered": case.obligation.triggered.value, "reason": case.obligation.reason}


def _field_sources(case: CrisisCase, field: str) -> list[str]:
    part = {"response": case.response, "request": case.request, "trigger": case.obligation}[field]
    extra = [sid for a in case.response.actions for sid in a.sources] if field == "response" else []
    return list(part.sources) + extra


def _judge(field: str, asserted: dict[str, Any], case: CrisisCase, scale: tuple[str, ...],
           said_on: dt.date | None = None) -> tuple[str, str]:
    if field == "response":
        if asserted.get("judgement"):
            return "not-checkable", f"a judgement ({', '.join(asserted['judgement'])}), not a level on the response scale"
        if asserted.get("conflict"):
            return "not-checkable", "the sentence's response words contradict each other"
        return verdict.response(asserted["min"], asserted["max"], case, scale)
    if field == "request":
        return verdict.request(asserted["made"], asserted.get("article"), case, said_on)
    return verdict.trigger(asserted["triggered"], case)


def _case_claim(s: _Sentence, field: str, asserted: dict[str, Any], ids: list[str], why: str, ev: Evidence,
                scale: tuple[str, ...], said_on: dt.date | None = None) -> Claim:
    if not ids:
        return Claim(span=s.span, sentence=s.text[s.span[0]:s.span[1]].strip(), about="case", ids=[], field=field,
                     asserted=asserted, record=[], verdict="not-checkable", rule=why)
    records, verdicts, sources = [], [], []
    for cid in ids:
        case = ev.cases[cid]
        v, rule = _judge(field, asserted, case, scale, said_on)
        records.append({**_case_record(case, field, scale), "verdict": v, "rule": rule})
        verdicts.append(v)
        sources += _field_sources(case, field)
    overall = verdict.combine(verdicts)
    if len(ids) == 1:
        rule = records[0]["rule"]
    else:
        counts = Counter(verdicts)
        rule = f"checked against {len(ids)} cases ({why}): " + ", ".join(f"{n} {v}" for v, n in counts.items())
    return Claim(span=s.span, sentence=s.text[s.span[0]:s.span[1]].strip(), about="case" if len(ids) == 1 else "group",
                 ids=ids, field=field, asserted=asserted, record=records, verdict=overall, rule=rule,
                 sources=_sources(ev, sources))


def _troops_leaving(s: _Sentence, vocab: Vocabulary) -> bool:
    """An exit word after a word for troops, with no state named between them and no clause turning
    ("but", a semicolon): the forces are leaving, no state is ("the peacekeepers, on Thursday,
    began their withdrawal")."""
    troops = s.cues.of(vocab.scale[-1])
    return any(t.end <= e.start and not _TURN.search(s.folded[t.end:e.start])
               and (len(s.folded[t.end:e.start].split()) <= 2  # «миротворцы Армении покинули»: whose troops
                    or not any(s.original(t.end) <= x < s.original(e.start) for x in s.state_at))
               for e in s.cues.of("topic:exit") for t in troops)


def _leaving_a_state(s: _Sentence) -> bool:
    """Every exit word leaves a state, not the organization: "the forces began withdrawing from
    Kazakhstan" (a state named within a few words after it, before any organization)."""
    exits = s.cues.of("topic:exit")
    def leaves_state(h: Hit) -> bool:
        if not _FROM.search(h.text + " " + s.folded[h.end:h.end + 8]):
            return False  # «ряды ОДКБ покинули Азербайджан»: without "from" the state may be the subject
        end = s.original(h.end)
        state = min((x for x in s.state_at if end <= x <= end + 20), default=None)
        return state is not None and not any(end <= o <= state for o in s.org_at)
    return bool(exits) and all(leaves_state(h) for h in exits)


def _lists_members(s: _Sentence, ever: frozenset[str]) -> bool:
    """The sentence names at least MEMBER_LIST states that were ever members (`ever`) of its organization."""
    return len(s.states & ever) >= MEMBER_LIST


def _structure_claim(s: _Sentence, topics: list[str], org: str, ev: Evidence, scale: tuple[str, ...],
                     published: dt.date | None = None) -> Claim:
    """One claim about the organization per sentence: its first topic, with the evidence of every topic named."""
    items: list[dict[str, Any]] = []
    rule = ""
    for topic in topics:
        found, why = organization.evidence(topic, org, ev, scale, published)
        items += [it for it in found if it not in items]
        rule = rule or why  # the first topic's
    if len(topics) > 1:
        rule += f"; the sentence also touches {', '.join(topics[1:])}"
    asserted: dict[str, Any] = {"topic": topics[0], "words": s.words(s.cues.of(*(f"topic:{t}" for t in topics)))}
    if len(topics) > 1:
        asserted["topics"] = topics
    return Claim(span=s.span, sentence=s.text[s.span[0]:s.span[1]].strip(), about="organization", ids=[org],
                 field="structure", asserted=asserted, record=items, verdict=None, rule=rule,
                 sources=_sources(ev, [x for it in items for x in it.get("sources", [])]))


def find_claims(result: ReadResult, ev: Evidence, published: dt.date | None = None) -> list[Claim]:
    """Every claim in `result.text` about a ledger case or an organization, with its check.

    `published` is the text's own date (default: the one the reader found or was given): a
    month without a year is read with it, and crises that began after it are not candidates.
    """
    if published is None:
        published = result.article_date
    vocab = vocabulary()
    scale = vocab.scale
    norm = fold_with_offsets(result.text)
    fspans = [sp for sp in split_sentences(norm.text) if sp[1] > sp[0]]
    sentences = [_Sentence(i, result, norm, sp, vocab) for i, sp in enumerate(fspans)]
    for before, s in itertools.pairwise(sentences):
        s.previous_anchored = before.anchored()
    facts = _facts(result, [s.span for s in sentences], ev, published)
    main_org = _main_organization(result, ev, facts)
    ever = ev.ever_members
    claims: list[Claim] = []
    for s in sentences:
        org = s.orgs[0] if s.orgs and s.orgs[0] in ev.organizations else main_org
        if s.folded.rstrip().endswith("?"):
            continue  # a question asserts nothing
        anchored = s.anchored() or (s.i > 0 and sentences[s.i - 1].anchored())
        topics = list(dict.fromkeys(h.kind[6:] for h in s.cues.of(*(f"topic:{t}" for t in vocab.topics))))
        about_org = bool(org and (s.anchored() or s.cues.articles()))  # it or its treaty's article named here
        if "exit" in topics and (_troops_leaving(s, vocab) or _leaving_a_state(s)):
            topics.remove("exit")  # "the peacekeepers began their withdrawal from Kazakhstan": troops leave, not a member
        if about_org and "membership" not in topics and s.orgs and _lists_members(s, ever.get(org or "", frozenset())):
            topics.append("membership")  # "the CSTO (Russia, Armenia, Belarus, Kazakhstan, ...)"
        if topics and about_org:
            claims.append(_structure_claim(s, topics, org, ev, scale, published))
        found: list[tuple[str, dict[str, Any]]] = []
        treaty = bool(set(topics) & TREATY_TOPICS)
        trig = None if treaty else _trigger(s, org, ev)
        if trig is not None:
            found.append(("trigger", trig))
        if (req := _request(s, trig, anchored)) is not None:
            found.append(("request", req))
        if treaty and not (req and req["made"] == "yes" and s.state_at):
            continue  # a sentence on what the treaty says is not about a case, unless a named member invoked it
        if anchored and (resp := _response(s, scale)) is not None and not _routine_meeting(s, resp, scale) \
                and not _routine(s):
            found.append(("response", resp))
        if not found:
            continue
        ids, why = choose(ev.cases, s.i, facts)
        if ids and s.orgs and not any(ev.cases[cid].organization in s.orgs for cid in ids if cid in ev.cases):
            continue  # the sentence is about another organization's doing ("the SCO condemned ...")
        for field, asserted in found:
            if field == "response" and not ids and not _critical(asserted, scale):
                continue  # "the summit's declaration condemned ...": a response to no recorded case says nothing checkable
            case_ids, reason = ids, why
            if field == "request" and asserted.get("made") == "yes" and len(ids) > 1:
                case_ids, reason = _by_requester(ids, why, s, ev)
            if asserted.get("every_case") and org:
                before = published - dt.timedelta(days=30) if published else dt.date.max
                case_ids = sorted(c.id for c in ev.cases.values() if c.organization == org and c.start_date < before)
                reason = f"'{asserted['words'][0] if asserted['words'] else 'never'}' covers every {org} case"
            claims.append(_case_claim(s, field, asserted, case_ids, reason, ev, scale, published))
    return claims
