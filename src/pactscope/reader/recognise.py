"""Find gazetteer names in folded text: longest match first, then the higher-ranked kind."""

from __future__ import annotations

import re
import threading
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
    wanted = entry.keys
    n = len(wanted)
    if i + n > len(tokens):
        return False
    upper, lengths = entry.upper, entry.lengths
    for j in range(n):
        if wanted[j].isdisjoint(keys[i + j]):
            return False
        tok = tokens[i + j]
        if upper and upper[j] and not tok.text.isupper():
            return False
        if lengths and len(tok.text) < lengths[j]:
            return False
        if j and not _GAP.fullmatch(text, tokens[i + j - 1].end, tok.start):
            return False
    return not entry.capital_first or tokens[i].text[:1].isupper()


def words_of(folded: str) -> tuple[list[Token], list[frozenset[str]]]:
    """The tokens of folded text and the match keys of each (shared by several gazetteers)."""
    tokens = tokenise(folded)
    return tokens, [word_keys(t.text) for t in tokens]


def find_names(folded: str, gaz: Gazetteer, words: tuple[list[Token], list[frozenset[str]]] | None = None) -> list[Hit]:
    """Non-overlapping names in reading order (`words`: `words_of(folded)`, if already made)."""
    tokens, keys = words if words is not None else words_of(folded)
    candidates = _candidates_of(gaz)
    hits: list[Hit] = []
    i = 0
    while i < len(tokens):
        ranked = candidates.get(keys[i])
        if ranked is None:
            ranked = candidates[keys[i]] = _ranked(gaz, keys[i])
        best = next((entry for entry in ranked if _fits(entry, tokens, keys, i, folded)), None)
        if best is None:
            i += 1
            continue
        last = tokens[i + len(best.keys) - 1]
        hits.append(Hit(tokens[i].start, last.end, best))
        i += len(best.keys)
    return hits


def _ranked(gaz: Gazetteer, keys: frozenset[str]) -> tuple[Entry, ...]:
    """The entries a word with these keys can start, longest and then highest-ranked first."""
    found: dict[int, Entry] = {}
    for key in sorted(keys):
        for entry in gaz.index.get(key, ()):
            found.setdefault(id(entry), entry)
    return tuple(sorted(found.values(), key=lambda e: (-len(e.keys), -RANK[e.kind])))


_CANDIDATES: dict[int, tuple[Gazetteer, int, dict[frozenset[str], tuple[Entry, ...]]]] = {}
_LOCK = threading.Lock()


def _candidates_of(gaz: Gazetteer) -> dict[frozenset[str], tuple[Entry, ...]]:
    """The per-word candidate lists of one gazetteer, filled as words are seen (and started
    afresh when the gazetteer has gained entries)."""
    held = _CANDIDATES.get(id(gaz))
    if held is None or held[0] is not gaz or held[1] != len(gaz.entries):
        with _LOCK:
            if len(_CANDIDATES) > 8:  # gazetteers built for other ledgers: keep only a few
                _CANDIDATES.clear()
            held = _CANDIDATES[id(gaz)] = (gaz, len(gaz.entries), {})
    return held[2]
