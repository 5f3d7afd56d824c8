"""Bundled open data with provenance: ``load(name)``, ``info``, ``coverage``, ``version``, ``cite``.

The registry (and with it polars) loads on first use, so importing the package, as every
command of the CLI does, stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pactscope.data.io import atomic_write

if TYPE_CHECKING:
    from pactscope.data.registry import (
        cite,
        coverage,
        descriptor,
        info,
        label,
        last_year,
        list_datasets,
        load,
        quick_check,
        scan,
        verify,
        version,
    )

_REGISTRY = {"cite", "coverage", "descriptor", "info", "label", "last_year", "list_datasets", "load", "quick_check", "scan", "verify", "version"}


def __getattr__(name: str) -> Any:
    if name in _REGISTRY:
        return getattr(importlib.import_module("pactscope.data.registry"), name)
    raise AttributeError(f"module 'pactscope.data' has no attribute {name!r}")


__all__ = [
    "atomic_write",
    "cite",
    "coverage",
    "descriptor",
    "info",
    "label",
    "last_year",
    "list_datasets",
    "load",
    "quick_check",
    "scan",
    "verify",
    "version",
]
