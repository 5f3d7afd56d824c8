"""Cue matching on word tokens, with the inflection and clitics of each language.

A cue is one or more words (syntax in vocab.yaml).  A text word matches a cue word when:
- Latin: the same word; `word*` any word it begins; `*word` any word it ends (`*n't`).
  (English cues list their forms: a stemmer there joins words of different sense,
  "monitors"/"monitoring", "response"/"responsible".)
- Russian: the same word or, from four letters, the same snowball stem ("наблюдатели" ~
  "наблюдателей"), unless written `=word`; `word*` any word it begins.
- Arabic: a form of the word with the conjunction (و ف), a preposition (ب ل ك), the article
  (ال, لل) and one pronoun or plural suffix (ها هم ه ات ين ون ي ا, ت before it read as ة)
  taken off equals the cue word; a cue word written with the article needs the article.

All cue lists share one index, so a text is tokenised and matched once, whatever the
number of lists; patterns compile in milliseconds, not the quarter-second of regexes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from pactscope.reader.stems import stemmer
from pactscope.reader.tokens import arabic_bases, script_of

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
GAP = 3  # "~": up to this many other words
_AR_PRONOUNS = ("هما", "ها", "هم", "هن", "كم", "نا", "ه", "ي")
_AR_SUFFIXES = (*_AR_PRONOUNS, "ات", "ين", "ون", "ا")
MIN_STEM = {"ru": 4}  # scripts matched by snowball stem, from this many letters


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a text: offsets and words, with the methods of a regex match."""

    begin: int
    stop: int
    words: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def group(self) -> str:
        return self.words


class _Word(NamedTuple):  # a tuple: quick to unpickle from the cache
    text: str
    mode: str  # "word", "exact", "prefix" or "suffix"
    gap: bool  # up to GAP other words may come before it


def _stem(word: str, script: str) -> str:
    return stemmer({"ru": "russian", "latin": "english"}[script]).stemWord(word)


@lru_cache(maxsize=65536)
def arabic_forms(word: str) -> frozenset[str]:
    """The word with conjunction, preposition, article and one suffix taken off, every way."""
    bases = arabic_bases(word)
    for base in list(bases):  # لل = ل + ال: the article form too ("للمنظمه" is "المنظمه" with ل)
        if base.startswith("ل") and len(base) > 2 and word.endswith("ل" + base):
            bases.add("ال" + base[1:])
    out = set(bases)
    for base in bases:
        for suffix in _AR_SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= 3:
                stem = base[: -len(suffix)]
                out.add(stem)
                if suffix in _AR_PRONOUNS and stem.endswith("ت"):  # مادته: the ة of ماده before a pronoun
                    out.add(stem[:-1] + "ه")
    return frozenset(out)


@lru_cache(maxsize=65536)
def _keys(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """(forms, stem keys) of a lower-case text word."""
    script = script_of(word)
    if script == "ar":
        return arabic_forms(word), frozenset()
    if script in MIN_STEM and len(word) >= MIN_STEM[script]:
        return frozenset({word}), frozenset({"~" + _stem(word, script)})
    return frozenset({word}), frozenset()


def _cue_key(word: _Word) -> str:
    script = script_of(word.text)
    if word.mode == "word" and script in MIN_STEM and len(word.text) >= MIN_STEM[script]:
        return "~" + _stem(word.text, script)
    return word.text


def _matches(word: _Word, text_word: str) -> bool:
    forms, stems = _keys(text_word)
    if word.mode == "prefix":
        return any(f.startswith(word.text) for f in forms)
    if word.mode == "suffix":
        return text_word.endswith(word.text)
    return word.text in forms or (word.mode == "word" and _cue_key(word) in stems)


class CueIndex:
    """Every cue of every list, indexed by its first word."""

    def __init__(self, lists: dict[str, list[str]], split):
        self.names = tuple(lists)
        self._exact: dict[str, list[tuple[str, tuple[_Word, ...]]]] = defaultdict(list)
        self._prefix: dict[str, list[tuple[str, tuple[_Word, ...]]]] = defaultdict(list)
        self._suffix: list[tuple[str, tuple[_Word, ...]]] = []
        self._prefix_sizes: set[int] = set()
        for name, cues in lists.items():
            for cue in cues:
                words = _parse(split(cue))
                if not words:
                    continue
                first = words[0]
                if first.mode == "prefix":
                    self._prefix[first.text].append((name, words))
                    self._prefix_sizes.add(len(first.text))
                elif first.mode == "suffix":
                    self._suffix.append((name, words))
                else:
                    self._exact[_cue_key(first)].append((name, words))
        self._cache: dict[str, dict[str, list[CueMatch]]] = {}

    def _candidates(self, word: str):
        forms, stems = _keys(word)
        for key in forms | stems:
            yield from self._exact.get(key, ())
        for form in forms:
            for size in self._prefix_sizes:
                if size <= len(form):
                    yield from self._prefix.get(form[:size], ())
        for entry in self._suffix:
            if word.endswith(entry[1][0].text):
                yield entry

    def matches(self, text: str) -> dict[str, list[CueMatch]]:
        """For each list, its cues in `text`: leftmost first, the longest at each place, no overlaps."""
        found = self._cache.get(text)
        if found is not None:
            return found
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        longest: dict[str, dict[int, int]] = defaultdict(dict)  # list -> first token -> last token
        for i, (_, _, word) in enumerate(tokens):
            for name, words in self._candidates(word):
                last = _follow(words, tokens, i)
                if last is not None and last > longest[name].get(i, -1):
                    longest[name][i] = last
        found = {}
        for name, starts in longest.items():
            out, free = [], 0
            for i in sorted(starts):
                if i >= free:
                    out.append(CueMatch(tokens[i][0], tokens[starts[i]][1], text[tokens[i][0]:tokens[starts[i]][1]]))
                    free = starts[i] + 1
            found[name] = out
        if len(self._cache) > 512:
            self._cache.clear()
        self._cache[text] = found
        return found


def _follow(words: tuple[_Word, ...], tokens: list[tuple[int, int, str]], i: int) -> int | None:
    """The last token of `words` matched from token i on, or None."""
    if not _matches(words[0], tokens[i][2]):
        return None
    at = i
    for word in words[1:]:
        reach = range(at + 1, min(len(tokens), at + 2 + (GAP if word.gap else 0)))
        nxt = next((j for j in reach if _matches(word, tokens[j][2])), None)
        if nxt is None:
            return None
        at = nxt
    return at


def _parse(parts: list[str]) -> tuple[_Word, ...]:
    words, gap = [], False
    for part in parts:
        if part == "~":
            gap = True
            continue
        for k, piece in enumerate(_TOKEN.findall(part)):
            mode = "word"
            if part.startswith("="):
                mode = "exact"
            if k == 0 and part.startswith("*"):
                mode = "suffix"
            if part.endswith("*") and part.rstrip("*").endswith(piece):
                mode = "prefix"
            words.append(_Word(piece, mode, gap and k == 0))
        gap = False
    return tuple(words)


class CueList:
    """One list of the index, with the `finditer` / `search` of a compiled pattern."""

    def __init__(self, index: CueIndex, name: str):
        self.index, self.name = index, name

    def finditer(self, text: str) -> list[CueMatch]:
        return self.index.matches(text).get(self.name, [])

    def search(self, text: str) -> CueMatch | None:
        found = self.finditer(text)
        return found[0] if found else None
