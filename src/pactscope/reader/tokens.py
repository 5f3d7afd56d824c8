"""Word tokens of folded text and the match keys of each word.

A name word and a text word match when their key sets share a key.  Keys absorb what
inflects or attaches: Russian case endings (snowball stem, plus the word with one
ending cut, since the stemmer treats foreign names unevenly), Arabic clitics and the
article (و ف ب ل ك ال, لل) and nisba endings, English plural and possessive "s".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from pactscope.reader.stems import stem_keys, stemmer

_WORD = re.compile(r"[^\W_]+")
_RU_ENDINGS = sorted(
    ["ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ью", "ия", "ие", "ии", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ых", "их", "а", "я", "у", "ю", "е", "ы", "и", "о", "й", "ь"],
    key=len,
    reverse=True,
)
_AR_PROCLITICS = ("", "و", "ف")
_AR_PREPS = ("", "ب", "ل", "ك")


class Token(NamedTuple):
    start: int
    end: int
    text: str


def tokenise(text: str) -> list[Token]:
    """Runs of letters and digits."""
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def script_of(word: str) -> str:
    """'ar', 'ru', 'latin' or 'other' by the word's first letter."""
    for ch in word:
        cp = ord(ch)
        if 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F:
            return "ar"
        if 0x0400 <= cp <= 0x052F:
            return "ru"
        if ch.isalpha() and cp < 0x0250:
            return "latin"
        if ch.isalpha():
            return "other"
    return "other"


def _russian(word: str) -> set[str]:
    keys = {word, stemmer("russian").stemWord(word)}
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            keys.add(word[: -len(ending)])
            break
    return keys


def arabic_bases(word: str) -> set[str]:
    """The word with attached conjunction, preposition and article taken off, every way."""
    out = {word}
    for conj in _AR_PROCLITICS:
        if not word.startswith(conj):
            continue
        rest = word[len(conj):]
        for prep in _AR_PREPS:
            if not rest.startswith(prep):
                continue
            base = rest[len(prep):]
            if len(base) < 2:
                continue
            out.add(base)
            if base.startswith("ال") and len(base) > 3:
                out.add(base[2:])
            if prep == "ل" and base.startswith("ل") and len(base) > 2:  # لل = ل + ال
                out.add(base[1:])
    return out


def _arabic(word: str) -> set[str]:
    keys = set()
    for base in arabic_bases(word):
        keys.add(base)
        for suffix in ("يين", "يون", "يه", "ين", "ون", "ه", "ا"):  # nisba plural, feminine, accusative
            if base.endswith(suffix) and len(base) - len(suffix) >= 3:
                stem = base[: -len(suffix)]
                keys.add(stem + "ي" if suffix in ("يين", "يون", "يه") else stem)
    return keys


def _latin(word: str) -> set[str]:
    keys = {word}
    if len(word) > 4 and word.endswith("s"):
        keys.add(word[:-1])
    return keys


@lru_cache(maxsize=65536)
def word_keys(word: str) -> frozenset[str]:
    """Every key under which a (folded) word can match a name word."""
    low = word.lower()
    script = script_of(low)
    if script == "ru":
        return frozenset(_russian(low)) | stem_keys(low, script)
    if script == "ar":
        return frozenset(_arabic(low)) | stem_keys(low, script)
    if script == "latin":
        return frozenset(_latin(low)) | stem_keys(low, script)
    return frozenset({low})


@lru_cache(maxsize=65536)
def name_keys(word: str) -> frozenset[str]:
    """Keys of a word of a gazetteer name (the article and inflection ignored, no clitics)."""
    low = word.lower()
    script = script_of(low)
    if script == "ru":
        return frozenset(k for k in word_keys(low) if not k.startswith("~"))  # names inflect like any other word
    if script == "ar" and low.startswith("ال") and len(low) > 3:
        return frozenset({low, low[2:]})
    return frozenset({low})
