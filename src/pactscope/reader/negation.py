"""Whether an event word is negated: "did not send troops", "не направила", "لم ترسل".

A negator within `WINDOW` words before a request or deployment word, in the same clause,
negates it ("did not send troops").  Other event words are negated only by a negator right
before them ("no attack", "без войны"): in "did not condemn the aggression" the aggression stands.
"""

from __future__ import annotations

import re

WINDOW = 4
_NEGATORS = frozenset(
    ["not", "no", "never", "nor", "without", "n't", "didn't", "don't", "doesn't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "won't", "не", "ни", "нет", "без", "никогда", "لم", "لن", "لا", "ليس", "ليست", "دون", "بدون"]
)
_CLAUSE_END = re.compile(r"[,;:.!?()\n]|\s[-—]\s|\s(?:but|however|но|однако|а|لكن|غير ان|بل)\s")
_WORD = re.compile(r"[^\W_]+(?:'t)?")


RESPONSE = frozenset({"request", "deployment"})


def is_negated(folded: str, start: int, category: str = "") -> bool:
    """True when the event word of `category` at `start` of the folded text follows a negator closely."""
    before = folded[max(0, start - 80):start]
    clause = _CLAUSE_END.split(before)[-1]
    words = [w.lower() for w in _WORD.findall(clause)][-(WINDOW if category in RESPONSE else 1):]
    return any(w in _NEGATORS or w.endswith("n't") or (w[:1] in "وف" and w[1:] in _NEGATORS) for w in words)
