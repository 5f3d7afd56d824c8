"""Spans of mentions: the states that stand inside an organization's description."""

from __future__ import annotations

import bisect

from pactscope.reader.model import Mention


def inside_organizations(mentions: list[Mention]) -> set[int]:
    """Indexes of the states within an organization's description ("Russia" in "the Russia-led
    bloc"): they name the organization, not a party to what the sentence reports."""
    spans = sorted((o.start, o.end) for o in mentions if o.type == "organization")
    starts = [a for a, _ in spans]
    inside = set()
    for k, m in enumerate(mentions):
        if m.type != "state":
            continue
        j = bisect.bisect_right(starts, m.start) - 1  # the organizations starting at or before it
        while j >= 0 and spans[j][0] >= m.start - 200:  # a description is a few words long
            if m.end <= spans[j][1] and spans[j] != (m.start, m.end):
                inside.add(k)
                break
            j -= 1
    return inside
