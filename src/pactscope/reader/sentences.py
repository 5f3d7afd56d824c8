"""Split folded text into sentences (enough to keep a date with its event)."""

from __future__ import annotations

import re

# A full stop ends a sentence before white space, or between two Arabic letters ("هناك.وقال":
# Arabic pages often drop the space), or between a lower-case word and a capital ("left.It").
_END = re.compile(r"[.!?;]+[\"')\]]*\s+|\n\s*|(?<=[\u0621-\u064a])[.!?]+(?=[\u0621-\u064a])"
                  r"|(?<=[a-zа-яё]{3})[.!?]+(?=[A-ZА-ЯЁ][a-zа-яё])")
# A full stop after these words does not end a sentence.
_ABBREVIATIONS = frozenset(
    ["г", "гг", "ст", "им", "т", "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "art"]
)


_FRAGMENT_WORDS = 4  # "... the Azerbaijani incursion. In May 2021.": a few words with a number finish the sentence before


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-blank sentence; a short dated fragment after a full stop (not a
    line break) stays with the sentence before it."""
    spans: list[tuple[int, int]] = []
    start, joins = 0, False
    for m in _END.finditer(text):
        before = re.search(r"(\w+)\W*$", text[start:m.start() + 1])
        if "\n" not in m.group() and before and before.group(1).lower() in _ABBREVIATIONS:
            continue
        if text[start:m.start()].strip():
            _add(spans, text, start, m.end(), joins)
        start, joins = m.end(), "\n" not in m.group()
    if text[start:].strip():
        _add(spans, text, start, len(text), joins)
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int, joins: bool) -> None:
    piece = text[start:end]
    if joins and spans and any(c.isdigit() for c in piece) and len(piece.split()) <= _FRAGMENT_WORDS:
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((start, end))


def sentence_of(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence holding `offset` (the last one before it if between)."""
    lo, hi = 0, len(spans) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spans[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
