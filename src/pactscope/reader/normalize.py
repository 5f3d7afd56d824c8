"""Fold running text for matching while remembering where every character came from.

`fold_with_offsets` returns the folded text and, for each of its characters, the span of
the original text it stems from, so a match found in the folded text can be marked in
the original.  Case is kept (the recogniser uses capitals); lower-casing happens
per token.  The letter folds are those of `pactscope.codes` (`LETTER_FOLDS`,
`ARABIC_MARKS`), so a state name folds here as it does in the crosswalk; running text
adds quotes, dashes, spaces, digits, Persian letter forms and Quranic marks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pactscope.codes._normalize import ARABIC_MARKS, LETTER_FOLDS, TATWEEL

# Arabic harakat and the dagger alef (from codes), and Quranic marks: dropped for matching.
_ARABIC_MARKS = set(ARABIC_MARKS) | set(range(0x0610, 0x061B)) | set(range(0x06D6, 0x06EE))
_DROP = {
    TATWEEL,
    0x00AD,  # soft hyphen
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C,  # zero width, direction marks
}

_MAP: dict[str, str] = dict(LETTER_FOLDS)
_MAP.update({"ی": "ي", "ک": "ك", "ۀ": "ه", "ھ": "ه"})  # Persian and Urdu forms in Arabic text
for _d in range(10):
    _MAP[chr(0x0660 + _d)] = str(_d)  # Arabic-Indic digits
    _MAP[chr(0x06F0 + _d)] = str(_d)  # Persian digits
for _ch in "«»“”„‟″〝〞＂":
    _MAP[_ch] = '"'
for _ch in "‘’‚‛′‹›`´":
    _MAP[_ch] = "'"
for _ch in "‐‑‒–—―−﹘﹣－":
    _MAP[_ch] = "-"
for _cp in [0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]:
    _MAP[chr(_cp)] = " "
_MAP["\t"] = " "
_MAP["٫"] = "."  # Arabic decimal separator
_MAP["٬"] = ","  # Arabic thousands separator
_MAP["،"] = ","  # Arabic comma
_MAP["؛"] = ";"
_MAP["؟"] = "?"


def _is_presentation_form(cp: int) -> bool:
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFC


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """Fold one (already composed) character; may return '' or several characters."""
    cp = ord(ch)
    if cp in _DROP or cp in _ARABIC_MARKS:
        return ""
    if _is_presentation_form(cp):
        expanded = unicodedata.normalize("NFKC", ch)
        if expanded != ch:
            return "".join(fold_char(c) for c in expanded)
    return _MAP.get(ch, ch)


@dataclass(frozen=True)
class Folded:
    """Folded text plus, per folded character, its [start, end) in the original."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty [start, end) of the folded text to the original text."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside folded text of length {len(self.text)}")
        return self.starts[start], self.ends[end - 1]


def _trails(ch: str) -> bool:
    return ord(ch) == 0x0640 or unicodedata.category(ch) == "Mn"


@lru_cache(maxsize=8192)
def _fold_cluster(cluster: str) -> str:
    """Compose and fold a base character with its marks until nothing changes."""
    for _ in range(4):
        folded = "".join(fold_char(c) for c in unicodedata.normalize("NFC", cluster))
        if folded == cluster:
            break
        cluster = folded
    return cluster


# Characters that fold to themselves: copied in bulk (Latin, digits, common punctuation,
# Russian letters but ё, Arabic letters but the alef forms, ta marbuta and alef maqsura).
_PLAIN = re.compile("[A-Za-z0-9 ,.;:!?()\\[\\]'\"/%&+=*#@$\n\u0430-\u044f\u0410-\u042f"
                    "\u0621\u0624\u0626-\u0628\u062a-\u063a\u0641-\u0648\u064a]+")


def fold_with_offsets(text: str) -> Folded:
    """Fold quotes, dashes, spaces, digits, Arabic letter variants and marks, ё.

    Runs of characters that fold to themselves are copied whole; the rest goes character
    cluster by cluster, so the cost stays linear and small.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos, n = 0, len(text)
    while pos < n:
        m = _PLAIN.match(text, pos)
        end = m.end() if m else pos
        if end < n and end > pos and (_trails(text[end]) or unicodedata.combining(text[end])):
            end -= 1  # the last letter takes the marks after it: fold it with them
        if end > pos:
            out.append(text[pos:end])
            starts.extend(range(pos, end))
            ends.extend(range(pos + 1, end + 1))
            pos = end
            continue
        stop = pos + 1
        while stop < n and not (_PLAIN.match(text, stop) and not _marked(text, stop)):
            stop += 1
        piece = _fold_slow(text[pos:stop])
        out.append(piece.text)
        starts.extend(pos + i for i in piece.starts)
        ends.extend(pos + i for i in piece.ends)
        pos = stop
    return Folded("".join(out), tuple(starts), tuple(ends))


def _marked(text: str, i: int) -> bool:
    """The character at i is followed by a mark that belongs to it."""
    return i + 1 < len(text) and (_trails(text[i + 1]) or bool(unicodedata.combining(text[i + 1])))


def _fold_slow(text: str) -> Folded:
    """Fold character clusters one by one (marks, presentation forms, mapped characters)."""
    kept = [i for i, ch in enumerate(text) if fold_char(ch)]
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    k, n = 0, len(kept)
    while k < n:
        m = k + 1
        while m < n and unicodedata.combining(text[kept[m]]):
            m += 1
        start, end = kept[k], kept[m - 1] + 1
        limit = kept[m] if m < n else len(text)
        while end < limit and _trails(text[end]):  # dropped marks stay with their letter
            end += 1
        for ch in _fold_cluster("".join(text[kept[x]] for x in range(k, m))):
            out.append(ch)
            starts.append(start)
            ends.append(end)
        k = m
    return Folded("".join(out), tuple(starts), tuple(ends))


def lower_keeping_offsets(text: str) -> str:
    """`text` lower-cased with every offset kept (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):  # no character grew (none shrinks): the offsets hold
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold(text: str) -> str:
    """The folded text alone."""
    return fold_with_offsets(text).text
