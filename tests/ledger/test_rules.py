"""The coding rules: validate() reports a broken copy of a case at the right file, line, message."""

from __future__ import annotations

from ledger_helpers import edit, line_with

from pactscope.ledger import load_ledger, validate
from pactscope.ledger.rules import expected_trigger
from pactscope.ledger.schema import Ternary

CASE = "csto/cases/test-case.yaml"


def _errors(root):
    return [p for p in validate(root) if p.is_error]


def _one(root):
    [p] = _errors(root)
    assert p.file == CASE
    return p


def test_trigger_coded_against_the_rule(root):
    path = root / CASE
    edit(path, "  triggered: no\n", "  triggered: disputed\n")
    p = _one(root)
    assert (p.field, p.line) == ("obligation.triggered", line_with(path, "triggered: disputed"))
    assert "trigger rule gives 'no'" in p.message and "step 3" in p.message


def test_article_4_request_without_organ_decision_is_disputed(root):
    path = root / CASE
    edit(path, '  article: "2"\n', '  article: "4"\n')
    p = _one(root)
    assert (p.field, p.line) == ("obligation.triggered", line_with(path, "triggered: no"))
    assert "coded 'no' but the trigger rule gives 'disputed' (step 2" in p.message


def test_attack_on_recognised_territory_without_request_is_disputed(root):
    path = root / CASE
    edit(path, "threat_type: domestic-unrest", "threat_type: interstate-attack")
    edit(path, "  made: yes\n", "  made: no\n")
    edit(path, '  article: "2"\n', "")
    p = _one(root)
    assert p.field == "obligation.triggered" and "step 4" in p.message


def test_recorded_exception_silences_the_trigger_rule(root):
    path = root / CASE
    edit(path, "  triggered: no\n", "  triggered: disputed\n  rule_exception: sources disagree on the article.\n")
    assert _errors(root) == []


def test_organ_decision_gives_yes(root):
    path = root / CASE
    edit(path, "  triggered: no\n", "  triggered: no\n  organ_invoked: true\n")
    p = _one(root)
    assert "gives 'yes' (step 1" in p.message


def test_strongest_response_needs_a_dated_action(root):
    path = root / CASE
    edit(path, "  term: consultation\n  actions:", "  term: military-deployment\n  actions:")
    p = _one(root)
    assert (p.field, p.line) == ("response.term", line_with(path, "term: military-deployment"))
    assert p.message == ("strongest response 'military-deployment' has no dated action with a source; "
                         "the strongest recorded action is 'consultation'")


def test_action_above_the_coded_response(root):
    path = root / CASE
    edit(path, "  term: consultation\n  actions:", "  term: statement\n  actions:")
    p = _one(root)
    assert p.field == "response.term"
    assert p.message == "strongest response is coded 'statement' but an action of 'consultation' is recorded"


def test_undated_action(root):
    path = root / CASE
    edit(path, "      date: 2010-06-14\n", "")
    problems = _errors(root)
    assert [(p.field, p.line) for p in problems] == [
        ("response.actions[1].date", line_with(path, "- term: consultation", after="actions:"))]
    assert problems[0].message == "consultation action has no date"


def test_response_date_is_the_first_action(root):
    path = root / CASE
    edit(path, "  date: 2010-06-13\n  summary: Consultations", "  date: 2010-06-12\n  summary: Consultations")
    p = _one(root)
    assert (p.field, p.line) == ("response.date", line_with(path, "date: 2010-06-12", after="response:"))
    assert "not the date of the first action (2010-06-13)" in p.message


def test_request_declined_is_not_a_rung(root):
    path = root / CASE
    edit(path, "  term: consultation\n  actions:", "  term: request-declined\n  actions:")
    p = _one(root)
    assert p.field == "response.term" and "not a rung" in p.message


def test_met_without_a_request(root):
    path = root / CASE
    edit(path, "  made: yes\n", "  made: no\n  met: 'no'\n")
    edit(path, '  article: "2"\n', "")
    p = _one(root)
    assert p.field == "request.met"


def test_shipped_codings_follow_the_rule_hand_checked():
    ledger = load_ledger()
    csto, nato = ledger.organizations["CSTO"], ledger.organizations["NATO"]
    expect = {
        "arm-aze-2020-07-tavush-tovuz": Ternary.disputed,  # no request, state attack, mixed territory
        "arm-aze-2021-05-syunik-gegharkunik": Ternary.no,  # Article 2 consultations only
        "arm-aze-2022-09": Ternary.disputed,  # Article 4, no organ decision
        "kaz-2022-01-unrest": Ternary.yes,  # Council decision under Article 4
        "kgz-tjk-2022-09": Ternary.no,  # clash between members
    }
    for cid, value in expect.items():
        assert expected_trigger(ledger.cases[cid], csto).value is value, cid
        assert ledger.cases[cid].obligation.triggered is value, cid
    assert expected_trigger(ledger.cases["nato-2025-poland-article-4-drones"], nato).value is Ternary.no
    assert expected_trigger(ledger.cases["nato-2001-article-5-september-11"], nato).value is Ternary.yes


def test_csto_record_since_1993_in_the_json():
    from pactscope.ledger import cases_json

    rows = {r["id"]: r for r in cases_json("CSTO")}
    tajik = rows["tjk-afg-1993-07-border-post-12"]
    assert tajik["start_date"] == "1993-07-13" and tajik["response"] == "none"  # the deployment was the CIS's
    assert tajik["response_acted_through"].startswith("CIS Council of Heads of State")
    karabakh = rows["arm-aze-1993-09-karabakh-war"]
    assert [p["member"] for p in karabakh["parties"]] == [True, True]  # both were parties then
    kursk = rows["rus-ukr-2024-08-kursk"]
    assert kursk["request"]["made"] == "no" and kursk["obligation_triggered"] == "no"
    assert kursk["obligation_rule_exception"]  # the rule gives disputed; the reason is recorded
    for cid in ("kgz-1999-08-batken", "kgz-2000-08-batken", "kgz-2005-03-tulip-revolution",
                "rus-geo-2008-08-south-ossetia", "arm-aze-2016-12-chinari", "kgz-tjk-2014-07",
                "kgz-tjk-2019-09", "blr-2020-08-post-election-protests"):
        assert rows[cid]["sources"], cid
