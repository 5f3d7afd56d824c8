"""Old name of `pactscope.reader.normalize`, kept so existing imports work; use that module."""

from pactscope.reader.normalize import Folded as Normalised
from pactscope.reader.normalize import fold, fold_char, fold_with_offsets

normalise = fold_with_offsets

__all__ = ["Normalised", "fold", "fold_char", "fold_with_offsets", "normalise"]
