"""The claim vocabulary (vocab.yaml) compiled into regular expressions, once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from pactscope.ledger.schema import RESPONSE_SCALE
from pactscope.reader.normalize import fold

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_SUFFIX_AR = r"(?:ها|هم|ه|ات|ين|ون|ي)?"


def lower(text: str) -> str:
    """Lower case that keeps every character's offset (the few that would grow stay as they are)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _word(word: str) -> str:
    stem = word.endswith("*")
    core = re.escape(word.rstrip("*"))
    if _ARABIC.search(word):
        if word.startswith("ال"):  # وال، بال، فال، and لل for ل + ال
            prefix = "[وفبك]{0,2}"
            core = "(?:ال|ل)" + core[2:]
        else:
            prefix = "[وفبلك]{0,2}(?:ال|ل)?"
        return prefix + core + (r"\w*" if stem else _SUFFIX_AR)
    return core + (r"\w*" if stem else "")


def compile_cue(cue: str) -> str:
    """One cue as a regular expression on folded lower-case text (syntax in vocab.yaml)."""
    parts, gap = [], False
    for token in lower(fold(cue)).split():
        if token == "~":
            gap = True
            continue
        if parts:
            parts.append(r"\W+(?:\w+\W+){0,3}" if gap else r"\W+")
        parts.append(_word(token))
        gap = False
    return r"(?<!\w)" + "".join(parts) + r"(?!\w)"


def _alternation(cues: list[str]) -> re.Pattern[str] | None:
    if not cues:
        return None
    ordered = sorted(set(cues), key=len, reverse=True)
    return re.compile("|".join(f"(?:{compile_cue(c)})" for c in ordered))


def _all_languages(entry: dict | None) -> list[str]:
    return [c for lang in ("en", "ru", "ar") for c in (entry or {}).get(lang, []) or []]


@dataclass(frozen=True)
class Vocabulary:
    """Compiled cue lists; `levels` and `topics` keep one pattern per level or topic."""

    scale: tuple[str, ...]
    levels: dict[str, re.Pattern[str]]
    topics: dict[str, re.Pattern[str]]
    lists: dict[str, re.Pattern[str] | None]
    article_words: dict[str, int]
    article: re.Pattern[str]


LISTS = ("help", "response_words", "refusal", "none", "evaluative", "negators", "only", "every_case",
         "request", "request_nouns", "not_request", "trigger", "organization_words", "future", "conditional", "hypothetical", "negators_after", "decided")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The bundled vocabulary, compiled (cached for the process)."""
    text = resources.files("pactscope.reader.claims").joinpath("vocab.yaml").read_text("utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when present
    levels = {level: p for level, entry in raw["levels"].items() if (p := _alternation(_all_languages(entry)))}
    unknown = set(levels) - {t.value for t in RESPONSE_SCALE}
    if unknown:
        raise ValueError(f"vocab.yaml: levels not on the ledger's response scale: {sorted(unknown)}")
    topics = {t: p for t, entry in raw["structure"].items() if (p := _alternation(_all_languages(entry)))}
    lists = {name: _alternation(_all_languages(raw.get(name))) for name in LISTS}
    words = {lower(fold(k)): int(v) for lang in raw["article_words"].values() for k, v in lang.items()}
    numbers = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    heads = "|".join(_word(lower(fold(w))) if not w.endswith(".") else re.escape(w)
                     for w in _all_languages(raw["article"]))
    article = re.compile(rf"(?<!\w)(?:{heads})\s*(?P<n>\d+|{numbers})(?!\w)")
    return Vocabulary(tuple(t.value for t in RESPONSE_SCALE), levels, topics, lists, words, article)
