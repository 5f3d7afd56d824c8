"""UN Digital Library member-state names to crosswalk rows.

The Library prints member states in upper case, with spellings that change over time (TURKEY,
TÜRKIYE, TÜRKİYE) and former names (DAHOMEY, ZAIRE). Most resolve through the crosswalk's names;
``un_names.csv`` lists the rest with the code of the state that held the seat.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from pactscope.codes._model import State
from pactscope.codes._resolve import resolve
from pactscope.errors import UnknownState

UN_NAMES_CSV = Path(__file__).with_name("un_names.csv")
_FOOTNOTE = re.compile(r"^[a-z] (?=\S)")


@cache
def _aliases() -> dict[str, str]:
    with UN_NAMES_CSV.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {row["name"]: row["target"] for row in rows}


def un_name_key(name: str) -> str:
    """The name without a record's footnote mark ("a AUSTRALIA" -> "AUSTRALIA")."""
    return _FOOTNOTE.sub("", name.strip())


@cache
def resolve_un_name(name: str, year: int | None = None) -> State:
    """The crosswalk row of a UN Digital Library member-state name (in ``year`` when given)."""
    key = un_name_key(name)
    target = _aliases().get(key, key)
    try:
        return resolve(int(target) if target.isdigit() else target, year=year)
    except UnknownState:
        raise UnknownState(f"UN member-state name {name!r} is not in the crosswalk; add it to codes/un_names.csv") from None
