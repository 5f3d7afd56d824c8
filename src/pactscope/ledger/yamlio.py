"""YAML reading that remembers where every key and list item sits in the file.

Ledger files are read with a SafeLoader subclass that builds ``LineDict`` and ``LineList``
containers.  Validation problems can then point at ``file:line`` for any field path.

Two deliberate differences from plain PyYAML:

* only ``true``/``false`` are booleans (YAML 1.2), so ``made: yes`` stays the string "yes";
* a key repeated in one mapping is recorded instead of silently overwriting the first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml


class LineDict(dict):
    """A mapping with the line of the mapping itself and of each key (1-based)."""

    line: int = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines: dict[Any, int] = {}


class LineList(list):
    """A sequence with the line of the sequence and of each item (1-based)."""

    line: int = 0

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_lines: list[int] = []


# libyaml's parser when PyYAML has it (about ten times faster on the ledger), the Python one otherwise
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """SafeLoader that keeps node start marks and notes duplicate keys."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, str]] = []


# YAML 1.1 turns yes/no/on/off into booleans; the ledger uses "yes"/"no" as values.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in out:
            loader.duplicates.append((line, str(key)))
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = line
    return out


def _sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def read_yaml(path: Path) -> tuple[Any, list[tuple[int, str]]]:
    """Parse one file; return the data and a list of (line, key) for repeated keys.

    Raises ``yaml.YAMLError`` (with a problem mark) on a syntax error.
    """
    with path.open(encoding="utf-8") as fh:
        loader = _LineLoader(fh)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    return data, loader.duplicates


def line_of(data: Any, loc: Sequence[Any]) -> int:
    """The line of the deepest node along ``loc`` that exists in ``data``."""
    line = getattr(data, "line", 1) or 1
    node = data
    for step in loc:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


def field_path(loc: Sequence[Any]) -> str:
    """Render a location tuple as ``documents[0].signed``."""
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out or "(file)"
