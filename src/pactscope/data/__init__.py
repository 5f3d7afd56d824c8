"""Bundled open data with provenance: ``load(name)``, ``info``, ``cite``, ``verify``."""

from pactscope.data.io import atomic_write
from pactscope.data.registry import cite, descriptor, info, list_datasets, load, scan, verify

__all__ = ["atomic_write", "cite", "descriptor", "info", "list_datasets", "load", "scan", "verify"]
