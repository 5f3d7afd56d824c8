"""Cue hits in one sentence, with negation, "only" and request-object scope decided per clause."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pactscope.reader.claims.vocab import Vocabulary

_CLAUSE_END = re.compile(r"[,;:()\n«»\"“”]|\s[-—]\s|\s(?:but|however|instead|но|однако|а|لكن|بل)\s")
_JOINED = re.compile(r"\s*(?:or|nor|and|или|и|ни|أو|او|ولا|و)\s*(?:\w+\s+)?")  # "... or (officially) asked"
NEGATION_WINDOW = 6
ONLY_WINDOW = 8
MODAL_WINDOW = 4
OBJECT_WINDOW = 3
AFTER_WINDOW = 20  # words after a cue in which a negator still reaches it ("такого обращения ... к настоящему моменту не было")


@dataclass(frozen=True)
class Hit:
    kind: str  # a level, a topic, or a list name
    start: int
    end: int
    text: str


def _hits(pattern: re.Pattern[str] | None, kind: str, text: str) -> list[Hit]:
    if pattern is None:
        return []
    return [Hit(kind, m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _longest(hits: list[Hit]) -> list[Hit]:
    """Drop hits that lie inside a longer one."""
    kept: list[Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if not any(k.start <= h.start and h.end <= k.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def clause_before(text: str, start: int) -> str:
    """The part of the clause that comes before `start`."""
    return _CLAUSE_END.split(text[max(0, start - 160):start])[-1]


def _last_words(text: str, n: int) -> str:
    words = re.findall(r"\S+", text)
    return " ".join(words[-n:])


class SentenceCues:
    """Every cue in one folded lower-case sentence."""

    def __init__(self, text: str, vocab: Vocabulary):
        self.text, self.vocab = text, vocab
        found: list[Hit] = []
        for level, pattern in vocab.levels.items():
            found += _hits(pattern, level, text)
        for level, pattern in vocab.denied.items():
            found += _hits(pattern, "denied:" + level, text)
        for name in ("help", "response_words", "none", "evaluative", "request", "request_nouns", "trigger", "only", "every_case", "not_response",
                     "obligation_scope", "obligation_denied"):
            found += _hits(vocab.lists[name], name, text)
        topics: list[Hit] = []
        for topic, pattern in vocab.topics.items():
            topics += _hits(pattern, "topic:" + topic, text)
        self.hits = _longest(found) + _longest(topics)  # a topic word may also be a cue ("non-interference")
        self.appeals = _hits(vocab.lists["appeal"], "appeal", text)
        self.not_request = _hits(vocab.lists["not_request"], "not_request", text)

    def of(self, *kinds: str) -> list[Hit]:
        return [h for h in self.hits if h.kind in kinds]

    def negated(self, hit: Hit) -> bool:
        size = {"request": 3, "request_nouns": 3, "help": 8}.get(hit.kind, NEGATION_WINDOW)
        window = _last_words(clause_before(self.text, hit.start), size)
        pattern = self.vocab.lists["negators"]
        return bool(pattern and pattern.search(window)) or self.negated_after(hit) or self._joined_to_negated(hit)

    def _joined_to_negated(self, hit: Hit) -> bool:
        """The cue is joined by "or" / "and" to a negated cue of its kind: "never demanded or asked"."""
        before = [h for h in self.hits if h.kind == hit.kind and h.end <= hit.start]
        return bool(before and _JOINED.fullmatch(self.text[before[-1].end:hit.start]) and self.negated(before[-1]))

    def covers_every_case(self, cues: list[Hit]) -> bool:
        """A "never" / "not once" that scopes over one of these cues (not "had never heard of")."""
        every = self.vocab.lists["every_case"]
        return bool(every) and any(every.search(_last_words(clause_before(self.text, c.start), NEGATION_WINDOW))
                                   for c in cues)

    def negated_after(self, hit: Hit) -> bool:
        """A negator after the cue in its clause: "такого обращения ... не было"."""
        rest = _CLAUSE_END.split(self.text[hit.end:hit.end + 160])[0]
        pattern = self.vocab.lists["negators_after"]
        return bool(pattern and pattern.search(" ".join(re.findall(r"\S+", rest)[:AFTER_WINDOW])))

    def only(self, hit: Hit) -> bool:
        window = _last_words(clause_before(self.text, hit.start), ONLY_WINDOW)
        pattern = self.vocab.lists["only"]
        return bool(pattern and pattern.search(window))

    def requested_object(self, hit: Hit, sentence: bool = False) -> bool:
        """The cue names what was asked for: a request word earlier in the clause (or the sentence)."""
        before = self.text[:hit.start] if sentence else clause_before(self.text, hit.start)
        return any(p is not None and p.search(before)
                   for p in (self.vocab.lists["request"], self.vocab.lists["request_nouns"]))

    def possessed(self, hit: Hit) -> bool:
        """A possession word just before a level word: a capability ("had a peacekeeping contingent")."""
        window = _last_words(clause_before(self.text, hit.start), OBJECT_WINDOW)
        return bool(self.vocab.lists["possession"].search(window))

    def said_object(self, hit: Hit) -> bool:
        """A level word right after a statement word is what was said, not done ("welcomed the talks")."""
        if hit.kind == "statement":
            return False
        return any(h.kind == "statement" and h.end <= hit.start and len(self.text[h.end:hit.start].split()) <= OBJECT_WINDOW
                   and not _CLAUSE_END.search(self.text[h.end:hit.start]) for h in self.hits)

    def refused(self) -> bool:
        pattern = self.vocab.lists["refusal"]
        return bool(pattern and pattern.search(self.text))

    def is_request(self, hit: Hit) -> bool:
        return not any(n.start <= hit.start < n.end or hit.start <= n.start < hit.end for n in self.not_request)

    def conditional(self, hit: Hit) -> bool:
        pattern = self.vocab.lists["conditional"]
        return bool(pattern and pattern.search(clause_before(self.text, hit.start)))

    def hypothetical(self) -> bool:
        pattern = self.vocab.lists["hypothetical"]
        return bool(pattern and pattern.search(self.text))

    def modal_before(self, hit: Hit) -> bool:
        """A future or possibility word just before a verb: "any ally can request", "من المستبعد أن تطلب"."""
        window = _last_words(clause_before(self.text, hit.start), MODAL_WINDOW)
        return bool(self.vocab.lists["future"].search(window))

    def future(self, hit: Hit) -> bool:
        """A future or possibility word scopes over the cue: anywhere before it in the sentence
        ("will meet, under Article 4, for consultations") or after it in its clause ("troops
        will be sent"); one in a later clause ("did nothing, and we cannot ...") does not."""
        if self.vocab.lists["decided"].search(self.text):
            return False  # "announced it would send a mission": the decision is the claim
        after = _CLAUSE_END.split(self.text[hit.end:hit.end + 160])[0]
        # a modal inside the cue itself ("готова оказать помощь", a statement of readiness) does not count
        return bool(self.vocab.lists["future"].search(self.text[:hit.start] + " " + after))

    def articles(self) -> list[str]:
        out = []
        for m in self.vocab.article.finditer(self.text):
            n = m.group("n")
            out.append(n if n.isdigit() else str(self.vocab.article_words.get(n, n)))
        return out
