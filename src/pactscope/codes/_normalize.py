"""Name normalisation shared by the build script and the runtime lookups."""

from __future__ import annotations

import re
import unicodedata

# Letter variants folded alike wherever names are compared: here for state names, and in
# the article reader (`pactscope.reader.normalize`) for running text, which adds its own
# folds for quotes, dashes, spaces and digits on top of these.
# Arabic: alef forms, alef maqsura and ta marbuta are unified; harakat, superscript alef and
# tatweel are dropped. Russian: yo becomes ye.
LETTER_FOLDS: dict[str, str] = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ё": "е", "Ё": "Е"}
ARABIC_MARKS: frozenset[int] = frozenset(range(0x064B, 0x0660)) | {0x0670}
TATWEEL = 0x0640

# Punctuation becomes a space, except dots and apostrophes, which vanish
# ("U.S." -> "us", "d'Ivoire" -> "divoire").
_DELETE = "".join(chr(c) for c in sorted(ARABIC_MARKS)) + chr(TATWEEL) + ".'’ʼ`´"
_TABLE = str.maketrans(
    {
        **{ch: None for ch in _DELETE},
        **LETTER_FOLDS,
        **{ch: " " for ch in "-–—/,;:()[]\"«»&_"},
    }
)
_SPACES = re.compile(r"\s+")


def _strip_latin_marks(text: str) -> str:
    """Remove accents from Latin letters only, so Cyrillic й survives."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and out[-1] < "\u0250":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def normalize(text: str) -> str:
    """Fold a state name to its lookup key (case, spacing, script variants)."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_TABLE)
    if not text.isascii():
        text = _strip_latin_marks(text)
    return _SPACES.sub(" ", text).strip()
