"""Fold text for matching while remembering where every character came from.

`normalise` returns the folded text and, for each of its characters, the span of the
original text it stems from, so a match found in the folded text can be marked in
the original.  Case is kept (the recogniser uses capitals); lower-casing happens
per token.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Arabic harakat, Quranic marks and the dagger alef: dropped for matching.
_ARABIC_MARKS = set(range(0x0610, 0x061B)) | set(range(0x064B, 0x0660)) | {0x0670} | set(range(0x06D6, 0x06EE))
_DROP = {
    0x0640,  # tatweel
    0x00AD,  # soft hyphen
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C,  # zero width, direction marks
}

_MAP: dict[str, str] = {}
for _ch in "أإآٱ":
    _MAP[_ch] = "ا"
_MAP.update({"ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك", "ۀ": "ه", "ھ": "ه"})
_MAP.update({"ё": "е", "Ё": "Е"})
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
class Normalised:
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


def _fold_cluster(cluster: str) -> str:
    """Compose and fold a base character with its marks until nothing changes."""
    for _ in range(4):
        folded = "".join(fold_char(c) for c in unicodedata.normalize("NFC", cluster))
        if folded == cluster:
            break
        cluster = folded
    return cluster


def normalise(text: str) -> Normalised:
    """Fold quotes, dashes, spaces, digits, Arabic letter variants and marks, ё."""
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
    return Normalised("".join(out), tuple(starts), tuple(ends))


def fold(text: str) -> str:
    """The folded text alone."""
    return normalise(text).text
