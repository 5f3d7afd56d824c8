"""Which of Arabic, Russian and English a text is written in, by counting letters.

Script decides most of it: Arabic letters, Cyrillic letters, Latin letters.  Within a
script, a few letters or words that the three languages do not use move the count to
"other" (Persian or Urdu letters, Ukrainian or Kazakh Cyrillic, Latin text without
English function words).
"""

from __future__ import annotations

import re
from collections import Counter

from pydantic import BaseModel

LANGUAGES = ("ar", "ru", "en")
MIXED_SHARE = 0.2  # a second language with at least this share makes the text mixed

_PERSIAN = set("پچژگڤڭۆۇۈۋێےںڈٹڑھۀ")
_OTHER_CYRILLIC = set("іїєґўәғқңөұүһјљњћџѓќѕ")
_ENGLISH_WORDS = frozenset(
    ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "was", "were", "are", "at", "from", "it", "its", "his", "her", "their", "has", "have", "had", "be", "been", "this", "which", "not", "an", "or", "but", "said", "will", "would", "after", "over"]
)
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+")
_WORD = re.compile(r"[^\W\d_]+")


class Language(BaseModel):
    """Primary language, each language's share of the letters, and whether it is mixed."""

    primary: str  # "ar" | "ru" | "en" | "other" | "none" (no letters at all)
    shares: dict[str, float]
    mixed: bool


def _script(ch: str) -> str | None:
    cp = ord(ch)
    if 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0x08A0 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFEFC:
        return "ar" if ch.isalpha() and ch not in _PERSIAN else ("other" if ch.isalpha() else None)
    if 0x0400 <= cp <= 0x052F:
        return "ru" if ch.lower() not in _OTHER_CYRILLIC else "other"
    if (ch.isascii() and ch.isalpha()) or (0x00C0 <= cp <= 0x024F and ch.isalpha()):
        return "en"
    if ch.isalpha():
        return "other"
    return None


def _latin_is_english(text: str) -> bool:
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    if len(words) < 8:  # too few to judge: names and abbreviations in another text
        return True
    hits = sum(w in _ENGLISH_WORDS for w in words)
    return hits / len(words) >= 0.08


def _move_marked(counts: dict[str, int], text: str, script: str, marked: set[str], chars: set[str]) -> None:
    """Move a script's letters to "other" when enough of its words use letters foreign to it
    (`chars`: the distinct characters of the text, lower-cased)."""
    if not counts[script] or chars.isdisjoint(marked):
        return
    words = [w for w in _WORD.findall(text) if _script(w[0]) in (script, "other") and any(_script(c) == script for c in w)]
    if not words:
        return
    foreign = sum(any(c.lower() in marked for c in w) for w in words)
    if foreign / len(words) >= 0.1:
        counts["other"] += counts[script]
        counts[script] = 0


def detect_language(text: str) -> Language:
    """Count letters per language and pick the largest share."""
    counts = {"ar": 0, "ru": 0, "en": 0, "other": 0}
    distinct = Counter(text)
    for ch, n in distinct.items():  # each distinct character is classified once
        script = _script(ch)
        if script is not None:
            counts[script] += n
    if counts["en"] and not _latin_is_english(text):
        counts["other"] += counts["en"]
        counts["en"] = 0
    chars = {ch.lower() for ch in distinct}
    _move_marked(counts, text, "ru", _OTHER_CYRILLIC, chars)
    _move_marked(counts, text, "ar", _PERSIAN, chars)
    total = sum(counts.values())
    if total == 0:
        return Language(primary="none", shares={}, mixed=False)
    shares = {k: round(v / total, 3) for k, v in counts.items() if v}
    ranked = sorted(shares.items(), key=lambda kv: -kv[1])
    mixed = len(ranked) > 1 and ranked[1][1] >= MIXED_SHARE
    return Language(primary=ranked[0][0], shares=dict(ranked), mixed=mixed)
