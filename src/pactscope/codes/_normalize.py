"""Name normalisation shared by the build script and the runtime lookups."""

from __future__ import annotations

import re
import unicodedata

# Arabic: drop harakat, superscript alef and tatweel; unify alef, alef maqsura
# and ta marbuta forms. Russian: yo becomes ye. Punctuation becomes a space,
# except dots and apostrophes, which vanish ("U.S." -> "us", "d'Ivoire" -> "divoire").
_DELETE = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640.'’ʼ`´"
_TABLE = str.maketrans(
    {
        **{ch: None for ch in _DELETE},
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ё": "е",
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
