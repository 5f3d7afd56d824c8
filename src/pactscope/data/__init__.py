"""Bundled open data with provenance: ``load(name)``, ``info``, ``coverage``, ``version``, ``cite``."""

from pactscope.data.io import atomic_write
from pactscope.data.registry import (
    cite,
    coverage,
    descriptor,
    info,
    label,
    last_year,
    list_datasets,
    load,
    scan,
    verify,
    version,
)

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
    "scan",
    "verify",
    "version",
]
