"""Claim check on texts written for these tests: each verdict in English, Russian and Arabic.

Expected values were read off the ledger records by hand: arm-aze-2022-09 (request yes,
Art. 4; strongest response a fact-finding mission; obligation disputed), kaz-2022-01-unrest
(request yes, Art. 4; military deployment; triggered yes), arm-aze-2020-07 and
arm-aze-2020-09 (no request; statements only), and the CSTO Charter's Art. 19 (withdrawal
on six months' notice).
"""

from __future__ import annotations

import json

import pytest

from pactscope.reader import read_text

VERDICT_TEXTS = [
    # (language, verdict, text, field, case)
    ("en", "consistent", "On 13 September 2022 Azerbaijani forces attacked Armenia. "
     "The CSTO only sent a fact-finding mission to Armenia.", "response", "arm-aze-2022-09"),
    ("en", "inconsistent", "In January 2022 the CSTO did not send troops to Kazakhstan.", "response", "kaz-2022-01-unrest"),
    ("en", "partly", "When Azerbaijan attacked Armenia in September 2022, the CSTO did nothing.", "response",
     "arm-aze-2022-09"),
    ("en", "not-checkable", "When Azerbaijan attacked Armenia in September 2022, the CSTO did not give a proper "
     "response.", "response", "arm-aze-2022-09"),
    ("ru", "consistent", "В январе 2022 года ОДКБ направила миротворцев в Казахстан.", "response", "kaz-2022-01-unrest"),
    ("ru", "inconsistent", "В сентябре 2022 года ОДКБ ввела войска в Армению после нападения Азербайджана.",
     "response", "arm-aze-2022-09"),
    ("ru", "partly", "Когда Азербайджан атаковал Армению в сентябре 2022 года, ОДКБ ничего не сделала.", "response",
     "arm-aze-2022-09"),
    # (Georgia 2008 now links to the ledger's Russia-Georgia case, so a year without a case is used)
    ("ru", "not-checkable", "В 2014 году ОДКБ ничего не сделала для Украины.", "response", None),
    ("ar", "consistent", "في يناير 2022 أرسلت منظمة معاهدة الأمن الجماعي قوات حفظ السلام إلى كازاخستان.", "response",
     "kaz-2022-01-unrest"),
    ("ar", "inconsistent", "في سبتمبر 2022 لم تطلب أرمينيا المساعدة من منظمة معاهدة الأمن الجماعي بعد هجوم أذربيجان.",
     "request", "arm-aze-2022-09"),
    ("ar", "partly", "عندما هاجمت أذربيجان أرمينيا في سبتمبر 2022، تجاهلت منظمة معاهدة الأمن الجماعي الأمر.",
     "response", "arm-aze-2022-09"),
    ("ar", "not-checkable", "في عام 2014 تجاهلت منظمة معاهدة الأمن الجماعي الحرب في أوكرانيا.", "response", None),
]


def _claims(text: str, field: str | None = None):
    result = read_text(text, claims=True)
    assert result.claims is not None
    return [c for c in result.claims if field is None or c.field == field]


@pytest.mark.parametrize(("lang", "verdict", "text", "field", "case"), VERDICT_TEXTS,
                         ids=[f"{v[0]}-{v[1]}" for v in VERDICT_TEXTS])
def test_each_verdict_in_each_language(lang, verdict, text, field, case):
    claims = _claims(text, field)
    assert len(claims) == 1, [c.model_dump() for c in claims]
    claim = claims[0]
    assert claim.verdict == verdict, claim.rule
    assert claim.ids == ([case] if case else [])
    assert claim.rule and "\n" not in claim.rule


def test_response_record_and_sources_come_from_the_ledger():
    claim = _claims("When Azerbaijan attacked Armenia in September 2022, the CSTO did nothing.", "response")[0]
    assert claim.asserted["max"] == "none"
    assert claim.record[0]["level"] == "fact-finding-mission"
    assert set(claim.record[0]["actions"]) == {"statement", "consultation", "fact-finding-mission"}
    assert claim.sources and all(s.get("url", "").startswith("http") for s in claim.sources)


def test_request_claim_reads_the_article():
    claim = _claims("On 13 September 2022 Armenia asked the CSTO for help under Article 4 after Azerbaijan "
                    "attacked.", "request")[0]
    assert claim.asserted == {"made": "yes", "article": "4", "words": ["asked"]}
    assert claim.verdict == "consistent"
    assert claim.record[0]["article"] == "4"


def test_request_under_the_wrong_article_is_partly_right():
    claim = _claims("On 13 September 2022 Armenia asked the CSTO for help under Article 2 after Azerbaijan "
                    "attacked.", "request")[0]
    assert claim.verdict == "partly"
    assert "Art. 4" in claim.rule


def test_trigger_claim():
    claim = _claims("In January 2022 the CSTO Collective Security Council, in accordance with Article 4, decided "
                    "to send peacekeepers to Kazakhstan.", "trigger")[0]
    assert claim.ids == ["kaz-2022-01-unrest"]
    assert claim.asserted["triggered"] == "yes" and claim.verdict == "consistent"


def test_negation_caps_and_only_fixes_the_level():
    capped = _claims("In September 2022 the CSTO did not send troops to Armenia after Azerbaijan attacked.",
                     "response")[0]
    assert (capped.asserted["min"], capped.asserted["max"]) == ("none", "material-or-logistical-aid")
    assert capped.verdict == "consistent"
    only = _claims("In January 2022 the CSTO only issued statements on Kazakhstan.", "response")[0]
    assert (only.asserted["min"], only.asserted["max"]) == ("statement", "statement")
    assert only.verdict == "inconsistent"


def test_russian_and_arabic_negators():
    ru = _claims("В январе 2022 года ОДКБ лишь выступила с заявлением по Казахстану.", "response")[0]
    assert (ru.asserted["min"], ru.asserted["max"]) == ("statement", "statement")
    ar = _claims("في يناير 2022 لم ترسل منظمة معاهدة الأمن الجماعي قوات حفظ السلام إلى كازاخستان.", "response")[0]
    assert ar.asserted["max"] == "material-or-logistical-aid" and ar.verdict == "inconsistent"


def test_a_request_noun_two_words_after_its_negator_and_at_the_request_of():
    # rus-ukr-2024-08-kursk: no request recorded; nato-2012-06-turkey-article-4-jet: Turkey's Article 4 request
    none = _claims("В августе 2024 года в ОДКБ заявили, что не поступало обращений от России после вторжения ВСУ "
                   "в Курскую область.", "request")[0]
    assert none.asserted["made"] == "no" and none.verdict == "consistent"
    asked = _claims("В июне 2012 года совет НАТО собрался по запросу Турции после того, как Сирия сбила турецкий "
                    "истребитель.", "request")[0]
    assert asked.ids == ["nato-2012-06-turkey-article-4-jet"] and asked.asserted["made"] == "yes"
    assert asked.verdict == "consistent"


def test_no_request_under_another_article_agrees_with_a_request_under_its_own():
    # nato-2015-turkey-article-4-suruc: Turkey's request was under Article 4; "Article V" is article 5
    claim = _claims("In July 2015, after the Suruc bombing, Turkey did not invoke Article V of the treaty.", "request")[0]
    assert claim.asserted["made"] == "no" and claim.asserted["article"] == "5"
    assert claim.verdict == "consistent" and "Art. 4" in claim.rule


def test_arabic_units_not_sent_and_the_clause_word_for_article():
    # kgz-2010-06-osh: no military deployment recorded
    sent = _claims("في يونيو 2010 قالت منظمة معاهدة الأمن الجماعي إنها لا تنوي إرسال أي وحدات إلى قيرغيزستان بعد "
                   "الاشتباكات في أوش.", "response")[0]
    assert sent.asserted["max"] == "material-or-logistical-aid" and sent.verdict == "consistent"
    asked = _claims("في يونيو 2012 طلبت تركيا اجتماعا لحلف شمال الأطلسي بموجب البند الرابع بعد إسقاط الطائرة التركية.",
                    "request")[0]
    assert asked.asserted["article"] == "4" and asked.verdict == "consistent"


def test_material_and_technical_aid_is_material_aid():
    # kgz-2010-06-osh: the strongest recorded response is a fact-finding mission
    claim = _claims("В июне 2010 года ОДКБ направила в Киргизию материально-техническую помощь после "
                    "столкновений в Оше.", "response")[0]
    assert claim.asserted["min"] == "material-or-logistical-aid" and claim.verdict == "inconsistent"


def test_claim_about_several_cases_is_checked_against_each():
    claim = _claims("In 2020 and 2022 the CSTO only issued statements when Azerbaijan attacked Armenia.",
                    "response")[0]
    assert claim.about == "group"
    years = {cid.split("-")[2] for cid in claim.ids}
    assert years == {"2020", "2022"}
    by_case = {r["id"]: r["verdict"] for r in claim.record}
    assert by_case["arm-aze-2022-09"] == "partly"  # statements and a mission
    assert all(v == "consistent" for cid, v in by_case.items() if "2020" in cid)
    assert claim.verdict == "partly"


def test_never_covers_every_case_of_the_organization():
    claim = _claims("The CSTO has never sent troops to help a member.", "response")[0]
    assert claim.about == "group" and len(claim.ids) >= 18
    assert claim.verdict == "partly"  # Kazakhstan, January 2022
    assert {r["id"] for r in claim.record if r["verdict"] == "inconsistent"} == {"kaz-2022-01-unrest"}


def test_claim_about_the_organization_gets_evidence_not_a_verdict():
    claim = _claims("The CSTO Charter lets a member leave the organization with six months' notice.")[0]
    assert claim.about == "organization" and claim.field == "structure" and claim.verdict is None
    notices = {r["id"]: r["notice_months"] for r in claim.record if r.get("kind") == "clause"}
    assert notices["charter-art19-withdrawal"] == 6
    assert any(r.get("kind") == "exit" and r["state"] == "UZB" for r in claim.record)


def test_questions_and_predictions_are_not_claims():
    assert _claims("Will the CSTO send troops to Armenia?") == []
    assert _claims("The CSTO will not send troops to Armenia, an expert predicted.", "response") == []


def test_json_schema_of_a_claim():
    result = read_text("In January 2022 the CSTO sent troops to Kazakhstan.", claims=True)
    data = json.loads(result.to_json())
    claim = data["claims"][0]
    assert list(claim) == ["span", "sentence", "about", "ids", "field", "asserted", "record", "verdict", "rule",
                           "sources"]
    start, end = claim["span"]
    assert data["text"][start:end].strip() == claim["sentence"]


def test_without_claims_flag_there_are_none():
    assert read_text("In January 2022 the CSTO sent troops to Kazakhstan.").claims is None


def test_cli_read_claims_json_text_and_html(tmp_path):
    from typer.testing import CliRunner

    from pactscope.cli import app

    article = tmp_path / "a.txt"
    article.write_text("In January 2022 the CSTO did not send troops to Kazakhstan. "
                       "عندما هاجمت أذربيجان أرمينيا في سبتمبر 2022، تجاهلت منظمة معاهدة الأمن الجماعي <الأمر>.",
                       encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["read", str(article), "--claims", "--format", "json"])
    assert out.exit_code == 0, out.output
    verdicts = [c["verdict"] for c in json.loads(out.output)["claims"]]
    assert verdicts == ["inconsistent", "partly"]
    html = runner.invoke(app, ["read", str(article), "--claims", "--format", "html"]).output
    assert '<bdi dir="auto">عندما' in html and "&lt;الأمر&gt;" in html and "<الأمر>" not in html
    text = runner.invoke(app, ["read", str(article), "--claims"]).output
    assert "[inconsistent]" in text and "rule: the claim says" in text


def test_a_tie_between_linked_cases_goes_to_the_one_linked_last_before_the_sentence():
    from collections import Counter

    from pactscope.reader.claims.resolve import SentenceFacts, TextFacts, choose
    from pactscope.reader.evidence import load_evidence

    ids = ["nato-2012-06-turkey-article-4-jet", "nato-2012-10-turkey-article-4-akcakale"]  # Turkey and Syria, 2012
    cases = {cid: load_evidence().cases[cid] for cid in ids}
    for first, second in (ids, ids[::-1]):
        sentences = [SentenceFacts(states={"TUR", "SYR"}, linked={first}), SentenceFacts(states={"TUR", "SYR"}, linked={second}),
                     SentenceFacts(states={"TUR"})]
        facts = TextFacts(sentences, Counter({"TUR": 3, "SYR": 2}), Counter(), set(ids), {"NATO"})
        chosen, why = choose(cases, 2, facts)
        assert chosen == [second] and "linked last" in why


def test_a_response_by_someone_else_is_no_claim_about_the_organization():
    # the Arabic verb comes first and its subject after it; another organization's statement is not the CSTO's
    assert _claims("في سبتمبر 2022 أدانت أرمينيا هجوم أذربيجان أمام منظمة معاهدة الأمن الجماعي.") == []
    assert [c.ids for c in _claims("في سبتمبر 2022 أدانت منظمة معاهدة الأمن الجماعي هجوم أذربيجان على أرمينيا.")] == [
        ["arm-aze-2022-09"]]
    assert _claims("In September 2022 the SCO condemned the fighting between Kyrgyzstan and Tajikistan.") == []
    assert [c.ids for c in _claims("In September 2022 the CSTO condemned the fighting between Kyrgyzstan and Tajikistan.")] == [
        ["kgz-tjk-2022-09"]]


def test_enlisting_help_calling_an_attack_and_a_clause_that_permits_asking():
    # kaz-2022-01-unrest: request made; rus-ukr-2024-08-kursk: statements recorded
    enlisted = _claims("In January 2022 President Tokayev enlisted the help of the CSTO during the unrest in Kazakhstan.")
    assert [(c.field, c.asserted["made"], c.verdict) for c in enlisted] == [("request", "yes", "consistent")]
    called = _claims("В августе 2024 года в ОДКБ назвали атаку ВСУ на Курскую область эскалацией.")
    assert [(c.field, c.asserted["min"], c.verdict) for c in called] == [("response", "statement", "consistent")]
    assert _claims("Article 4 of the Washington Treaty permits a member to ask for consultations when Turkey feels "
                   "threatened.", "request") == []


def test_a_response_to_no_recorded_case_is_a_claim_only_when_it_denies_or_judges():
    assert _claims("In 2009 the CSTO adopted a declaration on cooperation with the United Nations.") == []
    assert [(c.field, c.verdict) for c in _claims("В 2014 году ОДКБ ничего не сделала для Украины.")] == [
        ("response", "not-checkable")]


@pytest.mark.parametrize(("text", "org", "topic"), [
    ("Article 4 of the NATO treaty triggers consultations among NATO members.", "NATO", "clauses"),
    ("Армения отказалась платить взносы в бюджет ОДКБ.", "CSTO", "alignment"),
    ("В ОДКБ мы просто не применяем вето к документам.", "CSTO", "decision_rule"),
    ("رفضت أرمينيا دفع مساهماتها في ميزانية منظمة معاهدة الأمن الجماعي.", "CSTO", "alignment"),
])
def test_clauses_vetoes_and_budget_contributions_are_claims_about_the_organization(text, org, topic):
    assert [(c.field, c.ids, c.asserted["topic"]) for c in _claims(text)] == [("structure", [org], topic)]
