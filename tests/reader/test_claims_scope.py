"""Scope of negation and of "never" in the claim check, and sessions named without a response.
Texts written for these tests; values read off arm-aze-2020-09-karabakh-war (no request to the
CSTO), kaz-2022-01-unrest (military deployment) and csc-2023-11-23 (the Minsk summit)."""

from __future__ import annotations

import pytest

from pactscope.reader import read_text


def _claims(text: str, field: str | None = None):
    result = read_text(text, claims=True)
    return [c for c in result.claims or [] if field is None or c.field == field]


@pytest.mark.parametrize("text", [
    "During the 2020 Karabakh war Armenia never formally demanded or asked the CSTO for troops.",
    "Во время войны в Карабахе в 2020 году Армения не требовала и не просила ОДКБ о войсках.",
])
def test_a_verb_joined_to_a_negated_one_is_negated_too(text):
    requests = _claims(text, "request")
    assert [c.asserted["made"] for c in requests] == ["no"]
    assert requests[0].verdict == "consistent" and requests[0].ids == ["arm-aze-2020-09-karabakh-war"]


def test_never_far_from_the_response_words_does_not_cover_every_case():
    text = ("On 6 January 2022 an alliance that most people in Europe had never heard of came out of nowhere as "
            "CSTO troops landed in Kazakhstan.")
    responses = _claims(text, "response")
    assert responses and all(c.ids == ["kaz-2022-01-unrest"] for c in responses)
    assert not any(c.asserted.get("every_case") for c in responses)


def test_never_before_the_response_words_covers_every_case():
    responses = _claims("The CSTO has never sent troops to defend a member against an outside attack.", "response")
    assert len(responses) == 1 and responses[0].asserted.get("every_case")
    assert len(responses[0].ids) > 1


@pytest.mark.parametrize("text", [
    "Pashinyan told Lukashenko he would not attend the summit of the CSTO in Minsk on 23 November 2023.",
    "Пашинян сообщил Лукашенко, что не примет участия в саммите ОДКБ в Минске 23 ноября 2023 года.",
    "أبلغ باشينيان لوكاشينكو أنه لن يتمكن من المشاركة في قمة منظمة معاهدة الأمن الجماعي في مينسك في 23 نوفمبر 2023.",
])
def test_skipping_a_session_is_no_response_claim(text):
    assert _claims(text, "response") == []


def test_no_such_requests_yet_is_a_request_claim_of_none():
    text = "В августе 2020 года в Белоруссии начались протесты. Генсек ОДКБ сказал, что запросов таких от Белоруссии пока нет."
    requests = _claims(text, "request")
    assert [c.asserted["made"] for c in requests] == ["no"]
    assert requests[0].ids == ["blr-2020-08-post-election-protests"] and requests[0].verdict == "consistent"


@pytest.mark.parametrize("text", [
    "Любая помощь ОДКБ оказывается только на основе запроса государства-члена.",
    "Any CSTO help is given only at the request of a member state.",
])
def test_help_on_the_basis_of_a_request_is_a_rule_of_the_organization(text):
    claims = _claims(text)
    assert [(c.about, c.field) for c in claims] == [("organization", "structure")]
    assert claims[0].asserted["topic"] == "clauses"


def test_no_answer_to_a_question_is_no_response():
    assert _claims("Пашинян сказал об ОДКБ: у нас нет ответа на вопрос, почему мы должны участвовать.", "response") == []


@pytest.mark.parametrize("text", [
    "On 10 September 2025 Poland called the meeting of the allies under Article 4 of the NATO treaty.",
    "After the drone incursion of 10 September 2025 Poland is initiating consultations under NATO's Article 4.",
])
def test_a_member_calling_consultations_under_article_4_is_a_request(text):
    requests = _claims(text, "request")
    assert [(c.asserted["made"], c.asserted.get("article"), c.verdict) for c in requests] == [("yes", "4", "consistent")]
    assert requests[0].ids == ["nato-2025-poland-article-4-drones"]


@pytest.mark.parametrize("text, case", [
    ("In January 2022 CSTO troops arrived in Kazakhstan in response to President Tokayev's call for the CSTO to help.",
     "kaz-2022-01-unrest"),  # a call for the organization
    ("في 13 سبتمبر 2022 هاجمت أذربيجان أرمينيا، وأرمينيا تتوجه إلى منظمة معاهدة الأمن الجماعي طلبا للمساعدة.",
     "arm-aze-2022-09"),  # Arabic present tense: "turns to"
])
def test_a_call_for_or_a_turn_to_the_organization_is_a_request(text, case):
    requests = _claims(text, "request")
    assert [(c.asserted["made"], c.ids, c.verdict) for c in requests] == [("yes", [case], "consistent")]


def test_a_request_that_went_unanswered_says_no_response():
    text = "In September 2022 Armenia asked the CSTO for help against Azerbaijan, but its request went unanswered."
    responses = _claims(text, "response")
    assert [(c.asserted["max"], c.verdict) for c in responses] == [("none", "partly")]  # the record: a fact-finding mission


@pytest.mark.parametrize("text, topic", [
    ("Critics call the CSTO a meaningless organization.", "effectiveness"),
    ("ОДКБ не имеет механизмов урегулирования территориальных споров между своими членами.", "effectiveness"),
    ("Armenia boycotted the CSTO summit in Astana.", "alignment"),
    ("Пашинян сказал, что отношения Армении с ОДКБ приостановлены де-факто.", "exit"),
    ("The CSTO is supposed to defend its member states against external aggression.", "clauses"),
])
def test_words_about_the_organization_name_their_topic(text, topic):
    claims = _claims(text, "structure")
    assert [c.asserted["topic"] for c in claims] == [topic]


def test_sending_experts_is_a_mission():
    text = "في سبتمبر 2022 قررت منظمة معاهدة الأمن الجماعي إرسال خبراء إلى أرمينيا بعد هجوم أذربيجان."
    responses = _claims(text, "response")
    assert [(c.asserted["min"], c.verdict) for c in responses] == [("fact-finding-mission", "consistent")]


@pytest.mark.parametrize("text", [
    "In June 2010 clashes broke out in Osh, where the CSTO met. The interim government has deployed troops to the city.",
    "В июне 2010 года в Оше начались столкновения, ОДКБ провела совещание. Временное правительство направило войска в город.",
])
def test_a_government_deploying_troops_is_not_the_organization_responding(text):
    assert all(c.asserted["min"] != "military-deployment" for c in _claims(text, "response"))


# Membership read off src/pactscope/ledger/records/csto/membership.yaml: Armenia frozen from
# 2024-02-22; Uzbekistan a member 2006-08-16 to 2012-06-28, frozen, then suspended from 2012-12-19.
@pytest.mark.parametrize("text, on, members, other", [
    ("The CSTO comprises six former Soviet states.", "2024-03-01",
     ["BLR", "KAZ", "KGZ", "RUS", "TJK"], {"frozen": ["ARM"], "suspended": ["UZB"]}),
    ("В ОДКБ входят Россия, Армения, Белоруссия, Казахстан, Киргизия, Таджикистан и Узбекистан.", "2010-05-01",
     ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"], {}),
    ("ضمت منظمة معاهدة الأمن الجماعي في عام 2000 روسيا وأرمينيا وبيلاروسيا وكازاخستان وقيرغيزستان وطاجيكستان.",
     "2000-06-01", ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"], {}),
])
def test_a_member_list_gets_the_members_on_the_texts_date(text, on, members, other):
    import datetime as dt

    claims = [c for c in read_text(text, date=dt.date.fromisoformat(on), claims=True).claims or []
              if c.field == "structure"]
    assert [c.asserted["topic"] for c in claims] == ["membership"]
    (record,) = claims[0].record
    assert (record["date"], record["members"], record["other"]) == (on, members, other)
    assert record["sources"] and claims[0].sources


@pytest.mark.parametrize("text", [
    "بدأت قوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي في 13 يناير 2022 انسحابها من كازاخستان.",
    "On 13 January 2022 the CSTO peacekeepers began their withdrawal from Kazakhstan.",
])
def test_troops_withdrawing_is_no_exit_claim_but_a_response(text):
    claims = _claims(text)
    assert not [c for c in claims if c.field == "structure"]
    assert [(c.field, c.ids, c.verdict) for c in claims] == [("response", ["kaz-2022-01-unrest"], "consistent")]


def test_a_russian_present_tense_appeal_is_a_request():
    text = "10 сентября 2025 года Туск подтвердил, что Польша обращается к союзникам по НАТО после вторжения дронов."
    requests = _claims(text, "request")
    assert [(c.asserted["made"], c.ids) for c in requests] == [("yes", ["nato-2025-poland-article-4-drones"])]


def test_no_request_yet_before_the_recorded_request_is_consistent():
    # tjk-afg-2021-taliban-takeover: Tajikistan's request is dated 2021-07-07
    import datetime as dt

    text = "The CSTO said on Wednesday that Tajikistan has not asked the organization for help on the Afghan border."
    early = [c for c in read_text(text, date=dt.date(2021, 6, 30), claims=True).claims if c.field == "request"]
    late = [c for c in read_text(text, date=dt.date(2021, 7, 20), claims=True).claims if c.field == "request"]
    assert [(c.ids, c.verdict) for c in early] == [(["tjk-afg-2021-taliban-takeover"], "consistent")]
    assert "2021-07-07" in early[0].rule
    assert [(c.ids, c.verdict) for c in late] == [(["tjk-afg-2021-taliban-takeover"], "inconsistent")]


@pytest.mark.parametrize("text, field, expected", [
    ("في سبتمبر 2022 ذكرت يريفان أنها اتصلت بمنظمة معاهدة الأمن الجماعي بشأن هجوم أذربيجان.", "request", ("yes", "consistent")),
    ("في 10 سبتمبر 2025 استدعت بولندا رسميا المادة الرابعة من معاهدة الناتو بعد توغل المسيرات.", "request", ("yes", "consistent")),
])
def test_arabic_ways_of_turning_to_the_organization(text, field, expected):
    claims = _claims(text, field)
    assert [(c.asserted["made"], c.verdict) for c in claims] == [expected]


def test_arabic_not_reacting_properly_is_a_judgement():
    text = "في مايو 2021 لم تتفاعل منظمة معاهدة الأمن الجماعي بشكل صحيح مع توغل أذربيجان في أرمينيا."
    responses = _claims(text, "response")
    assert [(c.ids, c.verdict) for c in responses] == [(["arm-aze-2021-05-syunik-gegharkunik"], "not-checkable")]
    assert "judgement" in responses[0].asserted


def test_an_arabic_russia_led_alliance_is_a_dominance_claim():
    claims = _claims("وقالت منظمة معاهدة الأمن الجماعي التي تقودها روسيا إنها تتابع الوضع.", "structure")
    assert [c.asserted["topic"] for c in claims] == ["dominance"]
