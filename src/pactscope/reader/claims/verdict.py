"""Compare what a claim asserts with the ledger's value; each verdict comes with a one-line rule."""

from __future__ import annotations

import datetime as dt

from pactscope.ledger.schema import CrisisCase
from pactscope.reader.evidence import response_terms

DECLINED = "request-declined"


def record_level(case: CrisisCase, scale: tuple[str, ...]) -> str:
    """The strongest response on the scale among the case's term and actions."""
    given = response_terms(case)
    levels = [lvl for lvl in scale if lvl in given] or ["none"]
    return levels[-1]


def response(lo: str, hi: str, case: CrisisCase, scale: tuple[str, ...]) -> tuple[str, str]:
    """Verdict of "the response was between `lo` and `hi`" against the case's record."""
    r = record_level(case, scale)
    rank = scale.index
    said = lo if lo == hi else (f"at most {hi}" if lo == scale[0] else f"at least {lo}" if hi == scale[-1]
                                else f"{lo} to {hi}")
    if rank(lo) <= rank(r) <= rank(hi):
        return "consistent", f"the claim says {said}; the record's strongest response is {r}"
    if rank(r) > rank(hi):
        if rank(r) <= rank("fact-finding-mission"):
            return "partly", (f"the claim says {said}; the record shows {r}: more than that, "
                              f"but only words or a mission, no material or military help")
        return "inconsistent", f"the claim says {said}; the record shows {r}"
    return "inconsistent", f"the claim says {said}; the record's strongest response is only {r}"


def ternary(asserted: str, recorded: str, what: str) -> tuple[str, str]:
    """Verdict of a yes/no claim against the ledger's yes/no/disputed."""
    if recorded == asserted:
        return "consistent", f"the claim says {what}: {asserted}; the record says {recorded}"
    if recorded == "disputed":
        return "partly", f"the claim says {what}: {asserted}; the record marks it disputed (sources disagree)"
    return "inconsistent", f"the claim says {what}: {asserted}; the record says {recorded}"


def request(made: str, article: str | None, case: CrisisCase, said_on: dt.date | None = None) -> tuple[str, str]:
    """`said_on`: the text's date; "no request" said before the recorded request's day was true then."""
    verdict, rule = ternary(made, case.request.made.value, "help was requested")
    recorded = case.request.article
    asked = case.request.date
    if verdict == "inconsistent" and made == "no" and said_on and asked and said_on < asked:
        return "consistent", f"no request yet on {said_on.isoformat()}: the recorded request came on {asked.isoformat()}"
    if verdict == "inconsistent" and made == "no" and article and recorded and article != recorded:
        return "consistent", f"no request under Art. {article}: the recorded request was under Art. {recorded}"
    if verdict == "consistent" and made == "yes" and article and recorded and article != recorded:
        return "partly", f"help was requested, but under Art. {recorded}, not Art. {article}"
    if verdict == "consistent" and article and recorded == article:
        rule += f", under Art. {article}"
    return verdict, rule


def trigger(triggered: str, case: CrisisCase) -> tuple[str, str]:
    return ternary(triggered, case.obligation.triggered.value, "the obligation was triggered")


def combine(verdicts: list[str]) -> str:
    """One verdict for a claim about several cases."""
    if not verdicts:
        return "not-checkable"
    if len(set(verdicts)) == 1:
        return verdicts[0]
    checked = [v for v in verdicts if v != "not-checkable"]
    if checked and all(v == "consistent" for v in checked):
        return "consistent"
    return "partly"
