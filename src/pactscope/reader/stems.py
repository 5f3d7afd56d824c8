"""Stem keys for event words, so one lexicon form reaches its inflected forms.

"attack" reaches attacked, attacking, attacks; "طلب" reaches طلبت, يطلب, وطلبت;
"напасть"-class stems reach напали, нападение.  The keys carry a "~" prefix so they
can only meet other stem keys, never a name's key.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

_EN = snowballstemmer.stemmer("english")
_RU = snowballstemmer.stemmer("russian")
_AR_SUFFIXES = ("ات", "ون", "ين", "وا", "ه", "ت", "ا")
_AR_PREFIXES = ("ي", "ت", "ن")


def _arabic_light(base: str) -> str:
    """One inflectional suffix and one imperfect prefix off, keeping three letters."""
    for suffix in _AR_SUFFIXES:
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            base = base[: -len(suffix)]
            break
    if base[:1] in _AR_PREFIXES and len(base) >= 4:
        base = base[1:]
    return base


@lru_cache(maxsize=65536)
def stem_keys(word: str, script: str) -> frozenset[str]:
    """'~'-prefixed stems of a lower-cased word (Arabic: of each clitic-free base)."""
    if script == "latin":
        return frozenset({"~" + _EN.stemWord(word)}) if len(word) >= 4 else frozenset()
    if script == "ru":
        return frozenset({"~" + _RU.stemWord(word)}) if len(word) >= 4 else frozenset()
    if script == "ar":
        from pactscope.reader.tokens import arabic_bases

        return frozenset("~" + _arabic_light(b) for b in arabic_bases(word) if len(b) >= 3)
    return frozenset()
