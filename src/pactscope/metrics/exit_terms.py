"""How states can leave an alliance, and what those that left did next.

- :func:`exit_clauses`: the ledger's withdrawal, suspension and duration clauses of the
  organization, with the notice period in months where the clause gives one.
- :func:`exit_precedents`: every time a state stopped being a full member, from the ledger's
  membership spells: a spell ending ``withdrawn`` or ``not-renewed``, or a ``status-change`` to
  frozen, suspended, observer or partner. ``returned`` is the start of its next ``member`` spell.
  ``joined_after`` lists what it joined from the exit on: spells in the other ledger
  organizations starting on or after the exit day, and ATOP alliances (``atop4_01_member``; outside the
  organization's own ATOP ids) it first entered in or after the exit year, with their
  obligations and the partners it had when the state came in. ATOP's member records end earlier than the ledger, so later alliances come from the ledger only.
"""

from __future__ import annotations

import polars as pl

from pactscope import data
from pactscope.codes import coded_state, iso_state
from pactscope.ledger import clauses_frame, departure_statuses, get_organization, is_counted, load_ledger, org_id

EXIT_CLAUSES = ("withdrawal", "suspension", "duration")
OBLIGATIONS = {
    "defense": "defence", "offense": "offence", "neutral": "neutrality",
    "nonagg": "non-aggression", "consul": "consultation",
}
DEPARTURES = departure_statuses()


def exit_clauses(alliance: str) -> pl.DataFrame:
    """Withdrawal, suspension and duration clauses: alliance, clause, document, document_title,
    article, type, notice_months, paraphrase."""
    frame = clauses_frame(org_id(alliance)).filter(pl.col("type").is_in(EXIT_CLAUSES))
    return frame.select(
        pl.col("org").alias("alliance"), pl.col("id").alias("clause"), "document", "document_title",
        "article", "type", "notice_months", "paraphrase",
    )


def _atop_after(ccode: int | None, year: int, exclude: set[int]) -> list[str]:
    """ATOP alliances the state first entered in or after ``year`` (own ids excluded)."""
    if ccode is None:
        return []
    records = data.load("atop4_01_member")
    own = records.filter((pl.col("member") == ccode) & ~pl.col("atopid").is_in(list(exclude)))
    first = own.group_by("atopid").agg(pl.col("yrent").min(), *(pl.col(c).max() for c in OBLIGATIONS))
    out = []
    for r in first.filter(pl.col("yrent") >= year).sort("yrent", "atopid").iter_rows(named=True):
        kinds = [label for col, label in OBLIGATIONS.items() if r[col] == 1]
        y = r["yrent"]
        partners = records.filter(
            (pl.col("atopid") == r["atopid"]) & (pl.col("member") != ccode) & (pl.col("yrent") <= y)
            & ((pl.col("yrexit") == 0) | (pl.col("yrexit") > y))
        )  # members when the state came in
        isos = sorted({coded_state(c, y, "cow")[0] or f"COW {c}" for c in partners["member"].to_list()})
        out.append(f"ATOP {r['atopid']} ({y}; {', '.join(kinds) or 'no obligation coded'}; with {', '.join(isos)})")
    return out


def _ledger_after(iso: str, day, oid: str) -> list[str]:
    """Spells in other ledger organizations that start on or after ``day``, oldest first."""
    found = [
        (s.start, other, f"{other} {s.status.value} from {s.start.isoformat()}")
        for other, spells in load_ledger().spells.items() if other != oid
        for s in spells if s.state == iso and s.start >= day
    ]
    return [text for *_, text in sorted(found)]


def exit_precedents(alliance: str) -> pl.DataFrame:
    """States that stopped being full members: alliance, state, name, left (date), how,
    returned (date or null), joined_after (list of strings)."""
    oid = org_id(alliance)
    org = get_organization(oid)
    spells = sorted(load_ledger().spells.get(oid, ()), key=lambda s: (s.state, s.start))
    rows = []
    for i, s in enumerate(spells):
        if s.end is None or not is_counted(s.status):
            continue
        following = [t for t in spells[i + 1 :] if t.state == s.state]
        nxt = next((t for t in following if t.start == s.end), None)
        reason = s.end_reason.value if s.end_reason else None
        if reason in ("withdrawn", "not-renewed"):
            how = reason
        elif nxt is not None and nxt.status.value in DEPARTURES and nxt.status != s.status:
            how = nxt.status.value
        else:
            continue
        back = next((t.start for t in following if t.status.value == "member" and t.start >= s.end), None)
        ccode, _, name = iso_state(s.state, s.end.year)
        rows.append({
            "alliance": oid, "state": s.state, "name": name, "left": s.end, "how": how, "returned": back,
            "joined_after": _ledger_after(s.state, s.end, oid) + _atop_after(ccode, s.end.year, set(org.atop_ids)),
        })
    schema = {
        "alliance": pl.String, "state": pl.String, "name": pl.String, "left": pl.Date, "how": pl.String,
        "returned": pl.Date, "joined_after": pl.List(pl.String),
    }
    return pl.DataFrame(rows, schema=schema).sort("left", "state")
