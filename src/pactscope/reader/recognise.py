"""Find gazetteer names in folded text: longest match first, then the higher-ranked kind."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from pactscope.reader.gazetteer import RANK, Entry, Gazetteer
from pactscope.reader.tokens import Token, tokenise, word_keys

_GAP = re.compile(r"[ \-'/]{1,3}|\s")  # what may stand between the words of one name
_RECORD_GAP = re.compile(r"\s?[«»“”„\"]?\s?|[ \-'/]{1,3}")  # ... of a record's name, also a quote mark: «Талибан»


@dataclass(frozen=True)
class Hit:
    """A name found at [start, end) of the folded text."""

    start: int
    end: int
    entry: Entry


_RECORD_SKIP = 2  # a record's name of three or more words may have this many other words inside it
_SKIPPABLE = re.compile(r"[a-z\u0430-\u044f]")  # ... if they are lower-case Latin or Cyrillic words (no names)


def _fits(entry: Entry, tokens: list[Token], keys: list[frozenset[str]], i: int, text: str) -> int:
    """The number of tokens the entry spans from token `i`, or 0 if it does not fit there.

    A record's name of three words or more may hold up to two other lower-case Latin or Cyrillic
    words ("Taliban militants swept into Kabul" for "Taliban swept into Kabul"); other names
    must be written as listed.
    """
    wanted = entry.keys
    n = len(wanted)
    if i + n > len(tokens):
        return 0
    if entry.capital_first and not tokens[i].text[:1].isupper():
        return 0
    upper, lengths = entry.upper, entry.lengths
    skips = _RECORD_SKIP if entry.kind == "record" and n >= 3 else 0
    gap = _RECORD_GAP if entry.kind in ("record", "organ") else _GAP  # «Совет глав государств "СНГ"»
    at = i
    for j in range(n):
        while True:
            if at >= len(tokens):
                return 0
            tok = tokens[at]
            if j and not gap.fullmatch(text, tokens[at - 1].end, tok.start):
                return 0
            if not wanted[j].isdisjoint(keys[at]):
                break
            if not j or not skips or not _SKIPPABLE.match(tok.text):
                return 0
            skips -= 1
            at += 1
        if upper and upper[j] and not tok.text.isupper():
            return 0
        if lengths and len(tok.text) < lengths[j]:
            return 0
        at += 1
    return at - i


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
        best, span = None, 0
        for entry in ranked:
            if span := _fits(entry, tokens, keys, i, folded):
                best = entry
                break
        if best is None:
            i += 1
            continue
        last = tokens[i + span - 1]
        hits.append(Hit(tokens[i].start, last.end, best))
        i += span
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
