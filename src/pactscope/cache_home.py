"""Where pactscope's disk caches live, and whether they are on.

The directory is ``$PACTSCOPE_CACHE_DIR``, else the user cache directory (``~/.cache/pactscope``);
``PACTSCOPE_NO_CACHE=1`` turns the caches off. No heavy imports: any layer may use it at start-up.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """Where the cache lives: $PACTSCOPE_CACHE_DIR, else the user cache directory."""
    if env := os.environ.get("PACTSCOPE_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "pactscope"


def enabled() -> bool:
    """False when ``PACTSCOPE_NO_CACHE`` is set."""
    return not os.environ.get("PACTSCOPE_NO_CACHE")
