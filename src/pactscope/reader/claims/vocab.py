"""The claim vocabulary (vocab.yaml) indexed for matching (`match.py`), once per process."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from pactscope.ledger.schema import RESPONSE_SCALE
from pactscope.reader.claims.match import CueIndex, CueList
from pactscope.reader.normalize import fold
from pactscope.reader.normalize import lower_keeping_offsets as lower

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_SUFFIX_AR = r"(?:ها|هم|ه|ات|ين|ون|ي)?"


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


def _split(cue: str) -> list[str]:
    return lower(fold(cue)).split()


def _all_languages(entry: dict | None) -> list[str]:
    return [c for lang in ("en", "ru", "ar") for c in (entry or {}).get(lang, []) or []]


@dataclass(frozen=True)
class Vocabulary:
    """Compiled cue lists; `levels` and `topics` keep one pattern per level or topic."""

    scale: tuple[str, ...]
    levels: dict[str, CueList]
    denied: dict[str, CueList]
    topics: dict[str, CueList]
    lists: dict[str, CueList]
    article_words: dict[str, int]
    article: re.Pattern[str]


LISTS = ("help", "response_words", "refusal", "none", "evaluative", "negators", "only", "every_case",
         "request", "request_nouns", "not_request", "trigger", "organization_words", "future", "conditional", "hypothetical", "negators_after", "decided",
         "not_response", "agent_after", "appeal", "possession", "obligation_scope",
         "obligation_denied", "invoking", "state_actors", "emergency", "routine")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The bundled vocabulary, indexed: from this process, the cache directory, or built.

    The cached copy is keyed by a checksum of vocab.yaml and of the code that indexes it.
    """
    from pactscope.reader.cache import load_or_build

    package = resources.files("pactscope.reader.claims")
    digest = hashlib.sha256()
    for name in ("vocab.yaml", "vocab.py", "match.py"):
        digest.update(package.joinpath(name).read_bytes())
    value = load_or_build("claims-vocab", digest.hexdigest()[:24], _build)
    return value if isinstance(value, Vocabulary) else _build()


def _build() -> Vocabulary:
    text = resources.files("pactscope.reader.claims").joinpath("vocab.yaml").read_text("utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when present
    unknown = set(raw["levels"]) - {t.value for t in RESPONSE_SCALE}
    if unknown:
        raise ValueError(f"vocab.yaml: levels not on the ledger's response scale: {sorted(unknown)}")
    cues = {f"level:{k}": _all_languages(v) for k, v in raw["levels"].items()}
    cues |= {f"topic:{k}": _all_languages(v) for k, v in raw["structure"].items()}
    cues |= {f"denied:{k}": _all_languages(v) for k, v in (raw.get("denied") or {}).items()}
    cues |= {name: _all_languages(raw.get(name)) for name in LISTS}
    index = CueIndex(cues, _split)
    levels = {k: CueList(index, f"level:{k}") for k, v in raw["levels"].items() if _all_languages(v)}
    topics = {k: CueList(index, f"topic:{k}") for k, v in raw["structure"].items() if _all_languages(v)}
    denied = {k: CueList(index, f"denied:{k}") for k in raw.get("denied") or {}}
    if unknown := set(denied) - set(levels):
        raise ValueError(f"vocab.yaml: denied levels not on the response scale: {sorted(unknown)}")
    lists = {name: CueList(index, name) for name in LISTS}
    words = {lower(fold(k)): int(v) for lang in raw["article_words"].values() for k, v in lang.items()}
    numbers = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    heads = "|".join(_word(lower(fold(w))) if not w.endswith(".") else re.escape(w)
                     for w in _all_languages(raw["article"]))
    article = re.compile(rf"(?<!\w)(?:{heads})\s*(?P<n>\d+|{numbers})(?!\w)")
    return Vocabulary(tuple(t.value for t in RESPONSE_SCALE), levels, denied, topics, lists, words, article)
