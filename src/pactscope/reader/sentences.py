"""Split folded text into sentences (enough to keep a date with its event)."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?;]+[\"')\]]*\s+|\n\s*")
# A full stop after these words does not end a sentence.
_ABBREVIATIONS = frozenset(
    ["г", "гг", "ст", "им", "т", "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "art"]
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-blank sentence."""
    spans, start = [], 0
    for m in _END.finditer(text):
        before = re.search(r"(\w+)\W*$", text[start:m.start() + 1])
        if "\n" not in m.group() and before and before.group(1).lower() in _ABBREVIATIONS:
            continue
        if text[start:m.start()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


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
