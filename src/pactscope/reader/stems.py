"""Stem keys for event words, so one lexicon form reaches its inflected forms.

"attack" reaches attacked, attacking, attacks; "طلب" reaches طلبت, يطلب, وطلبت;
"напасть"-class stems reach напали, нападение.  The keys carry a "~" prefix so they
can only meet other stem keys, never a name's key.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import snowballstemmer

_local = threading.local()


def stemmer(language: str):
    """This thread's snowball stemmer: the stemmers keep state and are not thread-safe."""
    found = getattr(_local, language, None)
    if found is None:
        found = snowballstemmer.stemmer(language)
        setattr(_local, language, found)
    return found
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
        return frozenset({"~" + stemmer("english").stemWord(word)}) if len(word) >= 4 else frozenset()
    if script == "ru":
        return frozenset({"~" + stemmer("russian").stemWord(word)}) if len(word) >= 4 else frozenset()
    if script == "ar":
        from pactscope.reader.tokens import arabic_bases

        return frozenset("~" + _arabic_light(b) for b in arabic_bases(word) if len(b) >= 3)
    return frozenset()
