"""Shared by the assess tests: the reports built, and a walk over a JSON tree."""

from __future__ import annotations

REPORTS = {
    "csto-central-asia": {"alliance": "CSTO", "region": "central-asia"},
    "nato-turkey": {"alliance": "NATO", "members": ["Turkey"]},
    "csto-armenia": {"alliance": "CSTO", "members": ["Armenia"]},
}


def walk(node, path="$"):
    """Every dict in a JSON tree, with its path."""
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}[{i}]")
