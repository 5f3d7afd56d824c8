"""Read an article: find the states, organizations, places, people, dates and events it
refers to, and link its event references to the ledger's crisis cases and meetings."""

from pactscope.reader.api import read_text
from pactscope.reader.detect import Language, detect_language
from pactscope.reader.model import Link, Mention, ReadResult, Unlinked
from pactscope.reader.source import MAX_CHARS

__all__ = ["MAX_CHARS", "Language", "Link", "Mention", "ReadResult", "Unlinked", "detect_language", "read_text"]
