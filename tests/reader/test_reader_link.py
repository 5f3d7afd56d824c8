import pytest

from pactscope.reader import read_text


def read(text, small_evidence, small_gazetteer):
    return read_text(text, evidence=small_evidence, gazetteer=small_gazetteer)


def test_attack_sentence_links_to_the_case_of_its_date(small_evidence, small_gazetteer):
    r = read("Azerbaijani troops attacked Armenia near Jermuk on 13 September 2022.", small_evidence, small_gazetteer)
    assert [(l.id, l.kind) for l in r.linked] == [("arm-2022", "case")]
    link = r.linked[0]
    # parties 0.35, date 0.30, both sides and no one else with that date 0.05, place 0.15, attack fits 0.10,
    # troops 0.05: 1.00
    assert link.score == 1.0
    assert any("both sides named" in reason for reason in link.reasons)
    assert any("Jermuk" in reason for reason in link.reasons)
    assert link.record["trigger"] == {"triggered": "no", "reason": "test reason"}
    assert link.record["sources"][0]["publisher"] == "Test Wire"
    assert r.unlinked == []


def test_same_parties_other_year_do_not_link(small_evidence, small_gazetteer):
    r = read("Azerbaijani troops attacked Armenia on 13 September 2022.", small_evidence, small_gazetteer)
    assert "arm-2021" not in [l.id for l in r.linked]


def test_date_in_an_earlier_sentence_still_counts(small_evidence, small_gazetteer):
    text = "On 13 September 2022 fighting broke out. Yerevan asked the CSTO for help after the Azerbaijani attack."
    r = read(text, small_evidence, small_gazetteer)
    assert [l.id for l in r.linked] == ["arm-2022"]


def test_russian_and_arabic(small_evidence, small_gazetteer):
    ru = read("В январе 2022 года ОДКБ ввела миротворцев в Казахстан после беспорядков в Алматы.", small_evidence,
              small_gazetteer)
    assert [l.id for l in ru.linked] == ["kaz-2022"]
    ar = read("اندلعت اشتباكات على الحدود بين قيرغيزستان وطاجيكستان في أيلول/سبتمبر 2022 قرب باتكن.", small_evidence,
              small_gazetteer)
    assert [l.id for l in ar.linked] == ["kgz-tjk-2022"]


def test_meeting_by_organ_date_and_place(small_evidence, small_gazetteer):
    r = read("Совет министров обороны ОДКБ собрался в Бишкеке 28 мая 2025 года.", small_evidence, small_gazetteer)
    assert [(l.id, l.kind) for l in r.linked] == [("m-bishkek-2025", "meeting")]
    summit = read("At the CSTO summit in Yerevan in November 2022 Pashinyan refused to sign.", small_evidence,
                  small_gazetteer)
    assert [l.id for l in summit.linked] == ["m-yerevan-2022"]
    # a summit word with no organization named near it is not the CSTO's summit
    other = read("At the summit in Yerevan in November 2022 Pashinyan refused to sign.", small_evidence,
                 small_gazetteer)
    assert other.linked == []
    sco = read("At the SCO summit in Yerevan in November 2022 the leaders met.", small_evidence, small_gazetteer)
    assert sco.linked == []


def test_event_without_a_matching_record_is_reported_unlinked(small_evidence, small_gazetteer):
    r = read("Georgia was attacked in August 2008.", small_evidence, small_gazetteer)
    assert r.linked == []
    assert len(r.unlinked) == 1
    assert r.unlinked[0].words == ["attacked"]
    assert r.unlinked[0].best is None


def test_threshold_parameter(small_evidence, small_gazetteer):
    text = "Armenia complained about the attack."
    assert read_text(text, evidence=small_evidence, gazetteer=small_gazetteer).linked == []
    loose = read_text(text, evidence=small_evidence, gazetteer=small_gazetteer, threshold=0.25)  # each scores 0.175 (one of two parties) + 0.10 (attack)
    # both reach the lower threshold and nothing tells them apart: ambiguous, not linked
    assert loose.linked == []
    assert [{c.id for c in a.candidates} for a in loose.ambiguous] == [{"arm-2022", "arm-2021"}]


def test_a_term_of_office_separates_two_close_cases():
    """1993 and 2020 both fit "the Karabakh war" on 7 October; Pashinyan, prime minister since
    2018 (lexicon.yaml, `office`), was in office only in the second, so a date without a year is
    of his time."""
    for text in ("Armenia asked Russia to intervene in the Karabakh war on 7 October, Pashinyan said.",
                 "رفضت روسيا طلب أرمينيا بالتدخل العسكري في حرب قره باغ في 7 أكتوبر، بحسب باشينيان."):
        result = read_text(text)
        assert [link.id for link in result.linked] == ["arm-aze-2020-09-karabakh-war"]


def test_the_term_of_an_official_named_dates_a_month_without_a_year():
    """Kyrgyz-Tajik clashes "in January" fit January 2014 and January 2022; the secretary general
    named (ledger officials: Bordyuzha to 2016, Zas 2020-2022) says which."""
    base = "Kyrgyz and Tajik border guards clashed in January, and the CSTO's {} called for calm."
    assert [link.id for link in read_text(base.format("Stanislav Zas")).linked] == ["kgz-tjk-2022-01"]
    assert [link.id for link in read_text(base.format("Nikolai Bordyuzha")).linked] == ["kgz-tjk-2014-01"]
    unnamed = read_text("Kyrgyz and Tajik border guards clashed in January, and the CSTO called for calm.")
    assert unnamed.linked == [] and {"kgz-tjk-2014-01", "kgz-tjk-2022-01"} <= {
        c.id for a in unnamed.ambiguous for c in a.candidates}


def test_a_third_party_in_the_sentence_is_no_other_state():
    """Afghanistan is a third party of the 2021 Tajik-Afghan case: a sentence naming it, with
    Tajikistan named elsewhere, is about this case, not about other states (0.35 x 0.7 for the
    party named elsewhere, not a further 0.3 of that)."""
    text = "Tajikistan reinforced the border on 5 July 2021. The CSTO discussed the fighting in Afghanistan."
    (link,) = read_text(text).linked
    assert link.id == "tjk-afg-2021-taliban-takeover" and link.references == [(49, 96)]
    (parties,) = [r for r in link.reasons if r.startswith("parties TJK named")]
    assert float(parties.rsplit("(+", 1)[1].rstrip(")")) > 0.2


def test_a_case_years_before_the_article_needs_a_date_or_its_name():
    """Parties, a third party and request words alone do not bring back a 2014 case in a 2025
    article ("since the Ukrainian crisis" is background); with a 2014 date they would."""
    text = ("Poland accused Russia of violating its airspace with drones. The request came after the most "
            "serious incident since the Ukrainian crisis broke out.")
    assert "nato-2014-poland-article-4-crimea" not in [link.id for link in read_text(text, date="2025-09-10").linked]
    assert "nato-2014-poland-article-4-crimea" in [link.id for link in read_text(text, date="2014-03-05").linked]


def test_a_session_of_the_organization_dated_and_placed_is_its_meeting():
    """No organ named ("a CSTO session"): the date and the place say which meeting."""
    text = "23 ноября в Ереване ожидается заседание ОДКБ, на котором обсудят помощь Армении."
    assert [link.id for link in read_text(text, date="2022-11-03").linked] == ["csc-2022-11-23"]
    # a date alone is not enough without the organ
    assert read_text("23 ноября ожидается заседание ОДКБ.", date="2022-11-03").linked == []


def test_the_summit_held_in_the_city_the_sentence_names_leads_one_named_elsewhere():
    """Minsk 2023 (named with the summit) over Yerevan 2022 (named in another sentence); the short
    Arabic name «منظمة الأمن الجماعي» stands for the organization."""
    text = ("وقع قادة دول منظمة الأمن الجماعي حزمة من الوثائق خلال القمة التي انعقدت في مينسك. "
            "وقاطعت أرمينيا القمة، وقالت يريفان إنها لن تشارك.")
    result = read_text(text)
    assert result.organizations == ["CSTO"]
    assert [link.id for link in result.linked] == ["csc-2023-11-23"]


def test_the_one_crisis_of_a_state_needs_no_date():
    """Kazakhstan has one case in the ledger: protests there with the CSTO's help are it. Kyrgyzstan
    has several, so the same words stay ambiguous; a war between two states is no such case."""
    assert [link.id for link in read_text("The CSTO decided to help Kazakhstan restore order amid the protests.").linked] == [
        "kaz-2022-01-unrest"]
    assert [link.id for link in read_text("Протесты в Казахстане: ОДКБ решила помочь властям навести порядок.").linked] == [
        "kaz-2022-01-unrest"]
    assert read_text("Kyrgyzstan faced protests, and the CSTO stayed out.").linked == []
    assert read_text("Russia has waged war on Ukraine, and the CSTO stayed out of it.").linked == []


def test_the_state_that_asked_singles_out_the_case_of_its_request():
    """Of the Armenian cases that fit September, the ledger records Armenia's request only in 2022."""
    assert [link.id for link in read_text("Армения попросила ОДКБ о помощи в сентябре.").linked] == ["arm-aze-2022-09"]
    (link,) = read_text("Армения попросила ОДКБ о помощи в сентябре.").linked
    assert any(r.startswith("the state the ledger says asked, ARM") for r in link.reasons)


@pytest.mark.parametrize(("text", "meeting"), [
    ("The leaders of the member states of the CSTO met in Yerevan on 23 November 2022.", "csc-2022-11-23"),
    ("Лидеры государств-членов ОДКБ собрались 23 ноября 2023 года в Минске.", "csc-2023-11-23"),
    ("انعقدت قمة لزعماء دول منظمة الأمن الجماعي في دوشنبه يوم 16 سبتمبر 2021.", "csc-2021-09-16"),
])
def test_the_leaders_of_the_member_states_are_the_summit(text, meeting):
    result = read_text(text)
    assert [link.id for link in result.linked] == [meeting]
    assert result.organizations == ["CSTO"]


def test_leaders_of_other_states_are_no_summit():
    text = "وأثناء انعقاد قمة في يريفان عام 2016، اتفق قادة الدول المجتمعة على استراتيجية حتى عام 2025."
    assert "csc-2025-11-27" not in [link.id for link in read_text(text).linked]
