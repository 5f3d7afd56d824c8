"""Find gazetteer names in folded text: longest match first, then the higher-ranked kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pactscope.reader.gazetteer import RANK, Entry, Gazetteer
from pactscope.reader.tokens import Token, tokenise, word_keys

_GAP = re.compile(r"[ \-'/]{1,3}|\s")  # what may stand between the words of one name


@dataclass(frozen=True)
class Hit:
    """A name found at [start, end) of the folded text."""

    start: int
    end: int
    entry: Entry


def _fits(entry: Entry, tokens: list[Token], keys: list[frozenset[str]], i: int, text: str) -> bool:
    n = len(entry.keys)
    if i + n > len(tokens):
        return False
    for j in range(n):
        tok = tokens[i + j]
        if not entry.keys[j] & keys[i + j]:
            return False
        if entry.upper and entry.upper[j] and not tok.text.isupper():
            return False
        if entry.lengths and len(tok.text) < entry.lengths[j]:
            return False
        if j and not _GAP.fullmatch(text[tokens[i + j - 1].end:tok.start]):
            return False
    return not entry.capital_first or tokens[i].text[:1].isupper()


def find_names(folded: str, gaz: Gazetteer) -> list[Hit]:
    """Non-overlapping names in reading order."""
    tokens = tokenise(folded)
    keys = [word_keys(t.text) for t in tokens]
    hits: list[Hit] = []
    i = 0
    while i < len(tokens):
        best: Entry | None = None
        for key in keys[i]:
            for entry in gaz.index.get(key, ()):
                if best is not None and (len(entry.keys), RANK[entry.kind]) <= (len(best.keys), RANK[best.kind]):
                    continue
                if _fits(entry, tokens, keys, i, folded):
                    best = entry
        if best is None:
            i += 1
            continue
        last = tokens[i + len(best.keys) - 1]
        hits.append(Hit(tokens[i].start, last.end, best))
        i += len(best.keys)
    return hits
