"""`read_text`: from a pasted article to a ReadResult."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from pactscope.errors import BadArgument, PactscopeError
from pactscope.reader.articledate import from_date_line, from_html
from pactscope.reader.dates import find_dates
from pactscope.reader.detect import detect_language
from pactscope.reader.evidence import Evidence
from pactscope.reader.gazetteer import Gazetteer, build_gazetteer, default_gazetteer
from pactscope.reader.link import THRESHOLD, Fact, link
from pactscope.reader.model import Ambiguous, Candidate, Link, Mention, ReadResult, Unlinked
from pactscope.reader.negation import is_negated
from pactscope.reader.normalize import fold_with_offsets
from pactscope.reader.recognise import find_names, words_of
from pactscope.reader.relative import at_dateline
from pactscope.reader.sentences import sentence_of, split_sentences
from pactscope.reader.source import decode, prepare
from pactscope.reader.spans import inside_organizations


@lru_cache(maxsize=512)
def _ccode(iso3: str) -> int | None:
    """COW code of a state, when the crosswalk is installed and knows one."""
    try:
        from pactscope.codes import resolve
    except ImportError:
        return None
    try:
        return resolve(iso3).ccode
    except PactscopeError:
        return None


def _evidence() -> Evidence:
    from pactscope.reader.cache import index

    return index()[0]


def _mentions(text: str, gaz: Gazetteer, anchor: dt.date | None = None
              ) -> tuple[list[Mention], list[int], list[tuple[int, int]], list[str]]:
    """Mentions in original offsets, the sentence of each, sentence spans (original offsets)
    and the folded text of each sentence."""
    norm = fold_with_offsets(text)
    folded = norm.text
    found: list[tuple[int, int, Mention]] = []
    words = words_of(folded)
    hits = find_names(folded, gaz, words) + (find_names(folded, gaz.names, words) if gaz.names else [])
    for hit in hits:
        start, end = norm.span(hit.start, hit.end)
        e = hit.entry
        found.append((hit.start, hit.end, Mention(
            start=start, end=end, text=text[start:end], type=e.kind, target=e.target,
            state=e.state if e.kind != "state" else None, organization=e.organization,
            ccode=(gaz.ccodes[e.target] if e.target in gaz.ccodes else _ccode(e.target)) if e.kind == "state" else None,
            first=None, last=None,
            negated=is_negated(folded, hit.start, e.target) if e.kind == "event" else None)))
    for d in find_dates(folded, anchor):
        start, end = norm.span(d.start, d.end)
        found.append((d.start, d.end, Mention(
            start=start, end=end, text=text[start:end], type="date", target=d.value, state=None,
            ccode=None, organization=None, first=d.first, last=d.last, negated=None)))
    found.sort(key=lambda t: t[0])
    spans = split_sentences(folded)
    sentence = [sentence_of(spans, s) for s, _, _ in found] if spans else [0] * len(found)
    original = [norm.span(a, b) for a, b in spans if b > a]
    return [m for _, _, m in found], sentence, original, [folded[a:b] for a, b in spans if b > a]


def _precision(m: Mention) -> str | None:
    if m.type != "date":
        return None
    value = m.target
    first = value.split("/")[0]
    if value.startswith("--"):
        return "monthday" if len(first) == 7 else "monthonly"
    if "/" in value:  # days of one month, or years
        return "day" if len(first) == 10 else "range"
    return {10: "day", 7: "month", 4: "year"}[len(value)]


def _record(kind: str, rid: str, ev: Evidence) -> tuple[str, str | None, dict]:
    """Title, organization and the ledger's own facts for a linked record."""
    def sources(ids):
        out = []
        for sid in ids:
            s = ev.sources.get(sid)
            out.append({"id": sid} if s is None else
                       {"id": sid, "publisher": s.publisher, "title": s.title, "url": str(s.url),
                        "date": s.date.isoformat() if s.date else None})
        return out

    if kind == "group":
        return "", None, {}
    if kind == "case":
        c = ev.cases[rid]
        return c.title, c.organization, {
            "start_date": c.start_date.isoformat(),
            "end_date": c.end_date.isoformat() if c.end_date else None,
            "parties": [p.model_dump(mode="json") for p in c.parties],
            "threat_type": c.threat_type.value,
            "request": c.request.model_dump(mode="json", exclude={"sources"}),
            "trigger": {"triggered": c.obligation.triggered.value, "reason": c.obligation.reason},
            "response": c.response.model_dump(mode="json", exclude={"sources"}),
            "outcome": c.outcome,
            "sources": sources(c.sources),
        }
    for org, meetings in ev.meetings.items():
        for m in meetings:
            if m.id == rid:
                organ = ev.organ(m.organ)
                name = organ.names.en if organ else m.organ
                return f"{name}, {m.place}, {m.date.isoformat()}", org, {
                    "organ": m.organ, "date": m.date.isoformat(),
                    "end_date": m.end_date.isoformat() if m.end_date else None,
                    "place": m.place, "host": m.host, "chair": m.chair,
                    "decisions": list(m.decisions), "sources": sources(m.sources),
                }
    raise KeyError(rid)


_LOCATIVE = re.compile(r"(?:^|\W)(?:(?:in|at)\s+(?:the\s+)?|(?:в|во|на|في|وفي)\s+)$", re.IGNORECASE)


def _locative(text: str, start: int, surface: str, gaz: Gazetteer) -> bool:
    """A place named where something is: after "in", «в», «في», or with Arabic «ب» attached
    ("بمينسك"; not a name that begins with the letter itself, such as «بيشكيك» or «باكو»)."""
    if _LOCATIVE.search(text[max(0, start - 12):start]):
        return True
    prefix = next((p for p in ("وب", "فب", "ب") if surface.startswith(p)), "")
    return bool(prefix) and gaz.resolve(surface[len(prefix):], ("place", "state")) is not None


def _unique(mentions: list[Mention], kind: str) -> list[str]:
    return list(dict.fromkeys(m.target for m in mentions if m.type == kind))


def _article_date(raw: str, plain: str, given: dt.date | None) -> tuple[dt.date | None, str | None]:
    if given is not None:
        return given, "given"
    if found := from_html(raw):
        return found, "html metadata"
    if found := from_date_line(plain):
        return found, "date line"
    return None, None


def read_text(text: str | bytes, *, evidence: Evidence | None = None, gazetteer: Gazetteer | None = None,
              threshold: float = THRESHOLD, date: dt.date | str | None = None,
              claims: bool = False) -> ReadResult:
    """Recognise what `text` refers to and link its event references to the ledger.

    `date` is the article's own date (a `datetime.date` or `YYYY-MM-DD`); without it the
    reader looks for HTML metadata, a `Date:` line or a dateline near the top.
    With `claims=True` the result also holds the text's claims, each set beside the record.
    Raises `BadArgument` for undecodable bytes, binary data, text over the size limit or a bad date.
    """
    raw = decode(text) if isinstance(text, bytes) else text
    plain, notes = prepare(raw)
    given = _given_date(date)
    ev = evidence if evidence is not None else _evidence()
    if gazetteer is not None:
        gaz = gazetteer
    elif evidence is not None:
        gaz = build_gazetteer(evidence)
    else:
        gaz = default_gazetteer()
    if ev.note:
        notes.append(ev.note)
    language = detect_language(plain)
    if language.primary == "none":
        notes.append("the text has no letters to read")
    elif language.primary == "other":
        notes.append("the text is mostly in a language other than Arabic, Russian or English")
    anchor, anchor_source = _article_date(raw if isinstance(raw, str) else "", plain, given)
    mentions, sentence, spans, sentence_texts = _mentions(plain, gaz, anchor)
    if anchor is None:
        anchor = next((m.first for m in mentions if m.type == "date" and len(m.target) == 10
                       and at_dateline(plain, m.start)), None)
        anchor_source = "dateline" if anchor else None
    inside = inside_organizations(mentions)
    facts = [Fact(sentence=i, type=m.type, target=m.target, surface=m.text, state=m.state,
                  organization=m.organization, first=m.first, last=m.last, precision=_precision(m),
                  negated=bool(m.negated), locative=m.type == "place" and _locative(plain, m.start, m.text, gaz))
             for k, (m, i) in enumerate(zip(mentions, sentence)) if k not in inside]
    outcome = link(facts, len(spans), ev, gaz, threshold, anchor, sentence_texts)
    linked = []
    for p in outcome.linked:
        if p.kind == "group":
            titles = [_record("case", rid, ev)[0] for rid in p.members]
            orgs = {_record("case", rid, ev)[1] for rid in p.members}
            title, org, record = f"{len(p.members)} cases: " + "; ".join(titles), next(iter(orgs)) if len(orgs) == 1 else None, {}
        else:
            title, org, record = _record(p.kind, p.id, ev)
        linked.append(Link(id=p.id, kind=p.kind, organization=org, title=title,
                           score=round(min(p.score.value, 1.0), 3), reasons=p.score.reasons,
                           references=[spans[i] for i in p.sentences], record=record, members=p.members))
    unlinked = [Unlinked(start=spans[r.sentence][0], end=spans[r.sentence][1],
                         text=plain[spans[r.sentence][0]:spans[r.sentence][1]].strip(), kind=r.kind,
                         words=r.words, best=r.best, best_score=round(max(r.best_score.value, 0.0), 3),
                         reasons=r.best_score.reasons)
                for r in outcome.unlinked]
    ambiguous = [Ambiguous(start=spans[r.sentence][0], end=spans[r.sentence][1],
                           text=plain[spans[r.sentence][0]:spans[r.sentence][1]].strip(), kind=r.kind,
                           candidates=[Candidate(id=rid, score=sc) for rid, sc in r.candidates])
                 for r in outcome.ambiguous]
    result = ReadResult(
        text=plain, language=language,
        article_date=anchor, article_date_source=anchor_source,
        states=_unique(mentions, "state"), organizations=_unique(mentions, "organization"),
        organs=_unique(mentions, "organ"), places=_unique(mentions, "place"),
        persons=_unique(mentions, "person"), dates=_unique(mentions, "date"),
        linked=linked, unlinked=unlinked, ambiguous=ambiguous, mentions=mentions, threshold=threshold, notes=notes,
    )
    if claims:
        from pactscope.reader.claims import find_claims

        result.claims = find_claims(result, ev)
    return result


def _given_date(date: dt.date | str | None) -> dt.date | None:
    if date is None or isinstance(date, dt.date):
        return date
    try:
        return dt.date.fromisoformat(str(date).strip())
    except ValueError:
        raise BadArgument(f"the article date {date!r} is not a date; give it as YYYY-MM-DD") from None
