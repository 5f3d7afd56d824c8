"""Cue matching: inflection and clitics, cue syntax, and the scope rules of the claim check.

Texts written for these tests; the word forms were checked by hand (Arabic clitics و ف ب ل ك,
the article, pronoun suffixes and ة before them; Russian case endings).
"""

from __future__ import annotations

import datetime as dt

import pytest

from pactscope.reader import read_text
from pactscope.reader.claims.match import CueIndex, arabic_forms
from pactscope.reader.claims.vocab import _split


def _found(cues: list[str], text: str) -> list[str]:
    index = CueIndex({"x": cues}, _split)
    return [m.group() for m in index.matches(text).get("x", [])]


@pytest.mark.parametrize(("word", "form"), [
    ("والحلف", "الحلف"), ("بالمنظمه", "منظمه"), ("للمنظمه", "المنظمه"), ("مادتها", "ماده"),
    ("وقواتها", "قوات"), ("فمساعداتهم", "مساعدات"),
])
def test_arabic_forms_take_off_clitics_article_and_suffix(word, form):
    assert form in arabic_forms(word)


def test_arabic_short_words_keep_their_letters():
    assert "لم" not in arabic_forms("لما")  # "when", not the negator
    assert _found(["إلا"], "لا يمكن") == []  # "except" is not "not"


def test_arabic_cue_with_the_article_needs_it():
    assert _found(["الحلف"], "وقال الحلف") == ["الحلف"]
    assert _found(["الحلف"], "حلف جديد") == []
    assert _found(["حلف"], "والحلف") == ["والحلف"]


def test_russian_cues_reach_other_case_endings():
    assert _found(["наблюдатели"], "направить наблюдателями") == ["наблюдателями"]
    assert _found(["=наблюдатели"], "направить наблюдателями") == []
    assert _found(["обратил*"], "армения обратилась") == ["обратилась"]


def test_english_is_matched_as_written_with_stars_and_suffixes():
    assert _found(["troops"], "no troop was sent") == []
    assert _found(["deploy*"], "it deployed them") == ["deployed"]
    assert _found(["*n't"], "it didn't act") == ["didn't"]
    assert _found(["fact-finding mission*"], "a fact finding missions") == ["fact finding missions"]


def test_gap_and_longest_cue():
    assert _found(["adopted ~ decisions"], "adopted a number of decisions") == ["adopted a number of decisions"]
    assert _found(["adopted ~ decisions"], "adopted one two three four decisions") == []
    assert _found(["call*", "called for help"], "it called for help") == ["called for help"]


def _responses(text: str):
    return [c for c in read_text(text, claims=True).claims or [] if c.field == "response"]


def test_a_modal_in_a_later_clause_leaves_the_claim():
    said = "In September 2022 the CSTO did nothing for Armenia, and no one could rely on it."
    assert [c.asserted["max"] for c in _responses(said)] == ["none"]
    assert _responses("In September 2022 the CSTO could send troops to Armenia.") == []


def test_a_state_named_as_agent_is_not_the_organization():
    said = "In September 2022 the CSTO heard aggressive statements by Azerbaijan about Armenia."
    assert _responses(said) == []


def test_observer_status_is_not_a_mission():
    said = "В сентябре 2022 года ОДКБ обсуждала статус наблюдателя для Сербии после нападения на Армению."
    assert all(c.asserted["min"] != "fact-finding-mission" for c in _responses(said))


@pytest.mark.parametrize("text", [
    "В сентябре 2022 года Армения может обратиться в ОДКБ за помощью.",
    "In September 2022 Armenia could ask the CSTO for help.",
    "من المستبعد أن تطلب أرمينيا المساعدة من منظمة معاهدة الأمن الجماعي في سبتمبر 2022.",
])
def test_a_modal_before_a_request_verb_is_no_request(text):
    assert [c for c in read_text(text, claims=True).claims or [] if c.field == "request"] == []


def test_a_request_in_the_past_is_still_read():
    said = "В сентябре 2022 года Армения обратилась в ОДКБ за помощью."
    claims = [c for c in read_text(said, claims=True).claims or [] if c.field == "request"]
    assert [c.asserted["made"] for c in claims] == ["yes"]


def _fields(text: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in read_text(text, claims=True).claims or []:
        out.setdefault(c.field, []).append(c)
    return out


def test_a_call_on_the_organization_is_a_request_and_its_object_no_response():
    found = _fields("In January 2022 Tokayev called on the CSTO to send troops to Kazakhstan.")
    assert [c.asserted["made"] for c in found["request"]] == ["yes"]
    assert "response" not in found


def test_what_a_statement_welcomed_is_not_done():
    found = _fields("В сентябре 2022 года ОДКБ поприветствовала переговоры между Киргизией и Таджикистаном.")
    assert [(c.asserted["min"], c.verdict) for c in found["response"]] == [("statement", "consistent")]


def test_a_word_that_denies_a_level():
    found = _fields("В сентябре 2022 года ОДКБ подтвердила невмешательство в конфликт Армении и Азербайджана.")
    response = found["response"][0]
    assert response.asserted["max"] == "material-or-logistical-aid"
    assert response.verdict == "consistent"  # the record: a fact-finding mission, no troops


def test_a_negator_after_the_cue():
    found = _fields("В сентябре 2022 года Армения обратилась в ОДКБ, но вводить миротворцев в Армению никто не собирается.")
    assert [c.asserted["max"] for c in found["response"]] == ["material-or-logistical-aid"]


@pytest.mark.parametrize("text", [
    "It is unclear whether Armenia asked the CSTO for help in September 2020.",
    "В сентябре 2020 года его спросили, планирует ли Армения обращаться за помощью в ОДКБ.",
])
def test_an_indirect_question_asserts_no_request(text):
    assert "request" not in _fields(text)


def test_help_denied_in_its_own_clause_is_a_response():
    found = _fields("In June 2010 Kyrgyzstan requested assistance, but the CSTO did not send help to Kyrgyzstan.")
    assert [c.asserted["made"] for c in found["request"]] == ["yes"]
    assert [(c.asserted["max"], c.verdict) for c in found["response"]] == [("fact-finding-mission", "consistent")]


def test_a_title_of_office_belongs_to_the_organization_named():
    said = ("On 28 February 2020 NATO met at Turkey's request. "
            "The Secretary General of NATO said the alliance invoked Article 4 at the request of Turkey.")
    assert "trigger" not in _fields(said)  # Art. 4 is NATO's consultation article, not collective defence


def test_vocabulary_cache_is_written_reused_and_survives_damage(tmp_path, monkeypatch):
    from pactscope.reader.claims import vocab

    monkeypatch.setenv("PACTSCOPE_CACHE_DIR", str(tmp_path))
    vocab.vocabulary.cache_clear()
    try:
        built = vocab.vocabulary()
        (cached,) = tmp_path.glob("claims-vocab-*.pickle")
        vocab.vocabulary.cache_clear()
        with monkeypatch.context() as m:
            m.setattr(vocab, "_build", lambda: pytest.fail("the vocabulary was rebuilt, not read back"))
            assert vocab.vocabulary().lists["request"].search("armenia asked the csto") is not None
        cached.write_bytes(b"not a pickle")  # a damaged file is rebuilt, not an error
        vocab.vocabulary.cache_clear()
        assert vocab.vocabulary().scale == built.scale
        monkeypatch.setenv("PACTSCOPE_CACHE_DIR", "/proc/no-such-dir")  # unwritable: built in memory
        vocab.vocabulary.cache_clear()
        assert vocab.vocabulary().levels.keys() == built.levels.keys()
    finally:
        vocab.vocabulary.cache_clear()


def test_a_negator_at_the_end_of_a_long_clause():
    said = ("В августе 2024 года Украина вторглась в Курскую область России, сообщили в ОДКБ. "
            "Такого обращения со стороны России в связи с ситуацией в Курской области к настоящему моменту не было.")
    found = _fields(said)
    assert [(c.asserted["made"], c.verdict) for c in found["request"]] == [("no", "consistent")]


def test_declared_readiness_is_a_statement():
    found = _fields("In June 2021 the CSTO declared its readiness to help Tajikistan on the Afghan border.")
    assert [c.asserted["min"] for c in found["response"]] == ["statement"]


def test_a_capability_is_not_an_action():
    found = _fields("In June 2010 the CSTO had a peacekeeping contingent, Bordyuzha said of Kyrgyzstan.")
    assert all(c.asserted.get("min") != "military-deployment" for c in found.get("response", []))


def test_a_frozen_membership_is_an_exit_claim():
    found = _fields("В феврале 2024 года Армения заморозила своё участие в ОДКБ.")
    assert [c.asserted["topic"] for c in found["structure"]] == ["exit"]


def test_a_phone_call_is_not_a_consultation_and_readiness_is_a_statement():
    said = ("В январе 2022 года генсек ОДКБ переговорил по телефону с секретарями Совбезов Киргизии и "
            "Таджикистана. ОДКБ готова оказать Киргизии и Таджикистану помощь в решении конфликта.")
    levels = [c.asserted["min"] for c in _fields(said).get("response", [])]
    assert "consultation" not in levels and "statement" in levels


def test_denied_assistance_caps_the_response():
    found = _fields("In June 2010, Kyrgyzstan was denied military assistance by the CSTO.")
    assert [(c.asserted["max"], c.verdict) for c in found["response"]] == [("fact-finding-mission", "consistent")]


@pytest.mark.parametrize(("text", "topic"), [
    ("The CSTO has long served Moscow's interests in its sphere of influence.", "dominance"),
    ("ОДКБ остается зонтиком, под которым Москва держит свою сферу влияния.", "dominance"),
    ("تبقى منظمة معاهدة الأمن الجماعي أداة بيد موسكو لحماية مناطق نفوذها.", "dominance"),
    ("After 2022 the CSTO looked like an empty shell that exists only on paper.", "effectiveness"),
    ("Многие эксперты называют ОДКБ организацией, которая существует лишь на бумаге.", "effectiveness"),
    ("يرى كثيرون أن منظمة معاهدة الأمن الجماعي موجودة على الورق فقط.", "effectiveness"),
    ("Kazakhstan keeps a multi-vector policy while it stays in the CSTO.", "alignment"),
    ("Казахстан сохраняет многовекторную политику, оставаясь в ОДКБ.", "alignment"),
    ("تنتهج كازاخستان سياسة متعددة الاتجاهات داخل منظمة معاهدة الأمن الجماعي.", "alignment"),
    ("Critics in Washington see the CSTO as an amorphous and cumbersome body with no tangible results.", "effectiveness"),
    ("В США привыкли считать ОДКБ аморфной и громоздкой организацией.", "effectiveness"),
    ("يرى مؤيدوها أن منظمة معاهدة الأمن الجماعي أثبتت جدواها.", "effectiveness"),
    ("وصف المعارضون منظمة معاهدة الأمن الجماعي بأنها الحلف الذي تسيطر عليها روسيا.", "dominance"),
    ("Pashinyan said Armenia had frozen our participation in the CSTO, in his words.", "exit"),
    ("Leaders of the Russia-led Collective Security Treaty Organization met on Monday.", "dominance"),
    ("Лидеры возглавляемой Россией ОДКБ встретились в понедельник.", "dominance"),
    ("اجتمع قادة منظمة معاهدة الأمن الجماعي التي تقودها روسيا يوم الاثنين.", "dominance"),
    ("Article 4 of the CSTO charter stipulates that members are obliged to help each other.", "clauses"),
    ("Azerbaijan, Georgia and Uzbekistan declined the treaty extension of the CSTO in 1999.", "membership"),
    ("В 1999 году ряды ОДКБ покинули Азербайджан, Грузия и Узбекистан.", "exit"),
    ("Armenia remains a full member of the CSTO.", "membership"),
    ("جمدت أرمينيا مشاركتها في منظمة معاهدة الأمن الجماعي. وهي تكتل أمني تقوده روسيا.", "dominance"),  # a bloc
    ("ما زالت أرمينيا عضوا في منظمة معاهدة الأمن الجماعي.", "membership"),
    ("Армянская сторона фактически считает себя вне ОДКБ.", "exit"),
    ("The CSTO's failure to honour its commitments to Armenia was plain.", "effectiveness"),
    # who chairs: evidence of the decision rule (the chairs of the latest meetings)
    ("Kazakhstan is the current chairman of the CSTO.", "decision_rule"),
    ("В этом году в ОДКБ председательствует Армения.", "decision_rule"),
    ("تنتقل الرئاسة الدورية لمنظمة معاهدة الأمن الجماعي إلى بيلاروس.", "decision_rule"),
])
def test_commentary_on_the_organization_is_a_structure_claim(text, topic):
    topics = [c.asserted["topic"] for c in _fields(text).get("structure", [])]
    assert topic in topics, topics


@pytest.mark.parametrize(("text", "field"), [
    ("The CSTO's headquarters are in Moscow.", "structure"),  # a plain fact about the organization
    ("ОДКБ является единственным военно-политическим союзником Армении.", "structure"),
    ("Any member state can request consultations under Article 4 of the North Atlantic Treaty.", "request"),  # what a member may ask
    ("Любое государство-член может обратиться за помощью к ОДКБ.", "request"),
])
def test_no_claim_of_that_field(text, field):
    assert field not in _fields(text)


@pytest.mark.parametrize("text", [
    "In September 2022 Yerevan invoked Article 4 of the Collective Security Treaty, which treats an attack on one member as an attack on all.",
    "В сентябре 2022 года Ереван задействовал статью 4 Договора о коллективной безопасности, согласно которой нападение на одного является нападением на всех.",
])
def test_a_member_invoking_the_article_is_a_request_even_beside_the_clause(text):
    assert [(c.asserted["made"], c.verdict) for c in _fields(text)["request"]] == [("yes", "consistent")]


@pytest.mark.parametrize("text", [
    "In June 2010 the CSTO did not intend to send peacekeepers to Kyrgyzstan.",
    "В июне 2010 года ОДКБ не планировала направлять миротворцев в Киргизию.",
    "في يونيو 2010 لم تكن المنظمة تنوي إرسال قوات حفظ سلام إلى قرغيزستان.",
])
def test_a_plan_denied_caps_the_response(text):
    response = _fields(text)["response"][0]
    assert response.asserted["max"] != "military-deployment"


def test_a_claim_resolves_to_the_only_linked_case_or_the_latest_of_a_tie(monkeypatch):
    from collections import Counter

    from pactscope.reader.claims.resolve import SentenceFacts, TextFacts, choose
    from pactscope.reader.evidence import load_evidence

    cases = load_evidence().cases
    quiet = TextFacts([SentenceFacts()], Counter(), Counter(), {"arm-aze-2022-09"}, {"CSTO"})
    assert choose(cases, 0, quiet)[0] == ["arm-aze-2022-09"]  # nothing in the sentence: the text's one case
    elsewhere = TextFacts([SentenceFacts(states={"KGZ"})], Counter(), Counter(), {"arm-aze-2022-09"}, {"CSTO"})
    assert choose(cases, 0, elsewhere)[0] != ["arm-aze-2022-09"]  # another state named: not that case
    both = SentenceFacts(states={"ARM", "AZE"})
    # published 2022-12-20: the November 2021 and September 2022 clashes score alike (both within 400 days)
    tie = TextFacts([both], Counter({"ARM": 1, "AZE": 1}), Counter(), set(), {"CSTO"}, published=dt.date(2022, 12, 20))
    ids, why = choose(cases, 0, tie)
    assert ids == ["arm-aze-2022-09"] and "latest" in why
    tie.linked = {"arm-aze-2021-11"}  # ... unless the text is linked to one of them
    assert choose(cases, 0, tie)[0] == ["arm-aze-2021-11"]
    from pactscope.reader.claims import resolve

    fixed = {"arm-aze-2021-11": 5.0, "arm-aze-2022-09": 5.2}  # within the margin, one of them linked
    monkeypatch.setattr(resolve, "score", lambda c, i, f, places=frozenset(): fixed.get(c.id, 0.0))
    ids, why = choose(cases, 0, tie)
    assert ids == ["arm-aze-2021-11"] and "linked to" in why


@pytest.mark.parametrize("text", [
    "On 1 October 2020 the Kremlin said the CSTO's obligations do not apply to Nagorno-Karabakh.",
    "1 октября 2020 года в Кремле заявили, что обязательства ОДКБ не распространяются на Нагорный Карабах.",
    "في 1 أكتوبر 2020 قال الكرملين إن التزامات منظمة معاهدة الأمن الجماعي غير سارية بخصوص إقليم ناغورني قره باغ.",
])
def test_obligations_said_not_to_apply_are_a_trigger_claim(text):
    found = _fields(text)["trigger"]
    assert [(c.asserted["triggered"], c.ids, c.verdict) for c in found] == [("no", ["arm-aze-2020-09-karabakh-war"], "consistent")]


@pytest.mark.parametrize("text", [
    "On 10 September 2025 NATO activated Article 4 at the request of Poland after Russian drones entered its airspace.",
    "10 сентября 2025 года НАТО активировал статью 4 по запросу Польши после вторжения российских дронов.",
])
def test_a_consultation_article_activated_is_a_request(text):
    assert [c.asserted["made"] for c in _fields(text)["request"]] == ["yes"]


@pytest.mark.parametrize(("text", "level"), [
    ("On 28 February 2020 the NATO allies condemn the continued air strikes by the Syrian regime in Idlib.", "statement"),
    ("On 28 February 2020 NATO's North Atlantic Council has met at Turkey's request over Idlib.", "consultation"),
])
def test_present_tense_reports_of_a_response(text, level):
    assert [c.asserted["min"] for c in _fields(text)["response"]] == [level]


def test_one_claim_about_the_organization_per_sentence():
    found = _fields("The CSTO is a paper tiger, and Armenia froze its participation in the CSTO.")["structure"]
    assert len(found) == 1
    assert found[0].asserted["topics"] == ["effectiveness", "exit"] and found[0].asserted["topic"] == "effectiveness"
    kinds = {item["kind"] for item in found[0].record}
    assert {"case-record", "exit"} <= kinds  # the evidence of both topics


@pytest.mark.parametrize("text", [
    "On 12 September 2001 NATO invoked Article 5 for the first time, after the attacks on the United States.",
    "12 сентября 2001 года НАТО впервые задействовало статью 5 после нападения на США.",
    "في 12 سبتمبر 2001 أعلن حلف الناتو تفعيل المادة 5 لأول مرة بعد الهجمات على الولايات المتحدة.",
])
def test_the_organization_invoking_its_defence_article_is_a_trigger(text):
    found = _fields(text)
    assert [(c.asserted["triggered"], c.ids, c.verdict) for c in found["trigger"]] == [
        ("yes", ["nato-2001-article-5-september-11"], "consistent")]
    assert "request" not in found


@pytest.mark.parametrize("text", [
    "In October 2022 Kyrgyz politicians urge the CSTO to intervene on the border with Tajikistan.",
    "In October 2022 Bishkek was calling for the deployment of CSTO contingents on the border with Tajikistan.",
])
def test_a_call_for_troops_is_a_request(text):
    assert [c.asserted["made"] for c in _fields(text)["request"]] == ["yes"]


def test_troops_leaving_a_country_is_no_exit_from_the_organization():
    found = _fields("13 января 2022 года контингент ОДКБ начал выход из Казахстана.")
    assert "structure" not in found
    assert [c.asserted["min"] for c in found["response"]] == ["military-deployment"]


_CONSULTED = [("response", "consultation", ["arm-aze-2022-09"])]


@pytest.mark.parametrize(("text", "date", "expected"), [
    # routine: the second sentence names no crisis (no event word, no date) and no emergency
    ("Azerbaijan attacked Armenia on 13 September 2022. The CSTO Collective Security Council then met in Yerevan.",
     "2022-11-30", []),
    ("Азербайджан атаковал Армению 13 сентября 2022 года. В Ереване состоялось очередное заседание Совета коллективной безопасности ОДКБ.",
     "2022-11-30", []),
    ("هاجمت أذربيجان أرمينيا في 13 سبتمبر 2022. وعقدت جلسة عادية لمجلس الأمن الجماعي لمنظمة معاهدة الأمن الجماعي في يريفان.",
     "2022-11-30", []),
    # an emergency session is a consultation
    ("The CSTO Collective Security Council held an emergency session on Armenia.", "2022-09-14", _CONSULTED),
    ("Совет коллективной безопасности ОДКБ провел внеочередную сессию по Армении.", "2022-09-14", _CONSULTED),
    ("عقد مجلس الأمن الجماعي لمنظمة معاهدة الأمن الجماعي جلسة طارئة بشأن أرمينيا.", "2022-09-14", _CONSULTED),
])
def test_a_meeting_is_a_response_only_with_a_crisis_or_an_emergency(text, date, expected):
    claims = read_text(text, claims=True, date=date).claims or []
    assert [(c.field, c.asserted["min"], c.ids) for c in claims] == expected


@pytest.mark.parametrize("text", [
    "أعلنت منظمة معاهدة الأمن الجماعي أن قواتها ستبدأ الانسحاب من كازاخستان غدا.",  # future: not done yet
    "أرمينيا تقاطع اجتماع الجمعية البرلمانية لمنظمة معاهدة الأمن الجماعي.",  # a member skips a session
    "Armenia will not attend the meeting of the CSTO Collective Security Council.",
])
def test_an_announcement_or_a_boycott_is_no_response(text):
    assert "response" not in _fields(text)



@pytest.mark.parametrize(("text", "date"), [
    ("بدأت قوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي، اليوم الخميس، انسحابها من كازاخستان.", "2022-01-13"),
    ("CSTO peacekeepers, on Thursday, began their withdrawal from Kazakhstan.", "2022-01-13"),
])
def test_troops_withdrawing_across_a_comma_are_the_deployment_not_an_exit(text, date):
    claims = read_text(text, claims=True, date=date).claims or []
    assert [(c.field, c.ids) for c in claims] == [("response", ["kaz-2022-01-unrest"])]


@pytest.mark.parametrize("text", [
    "The CSTO sees no need to use the mechanisms of the organization on the Tajik-Afghan border.",
    "ОДКБ следит за ситуацией на таджикско-афганской границе, необходимости в задействовании механизмов организации пока нет.",
    "ليس هناك حاجة لاستخدام آليات منظمة معاهدة الأمن الجماعي على الحدود الطاجيكية الأفغانية.",
])
def test_no_need_for_the_mechanisms_is_no_trigger(text):
    claims = [c for c in read_text(text, claims=True, date="2021-08-20").claims or [] if c.field == "trigger"]
    assert [(c.asserted["triggered"], c.ids, c.verdict) for c in claims] == [("no", ["tjk-afg-2021-taliban-takeover"], "consistent")]


def test_a_call_for_an_immediate_ceasefire_and_help_at_a_presidents_request():
    (claim,) = read_text("CSTO Secretary General Stanislav Zas called for an immediate ceasefire on the border "
                         "between Kyrgyzstan and Tajikistan.", claims=True, date="2022-09-16").claims
    assert (claim.field, claim.asserted["min"], claim.ids) == ("response", "statement", ["kgz-tjk-2022-09"])
    fields = {c.field: c for c in read_text("The CSTO deployed troops to Kazakhstan at the request of the country's "
                                            "president.", claims=True, date="2022-01-20").claims}
    assert fields["request"].asserted["made"] == "yes" and fields["request"].verdict == "consistent"


@pytest.mark.parametrize(("text", "date"), [
    ("CSTO forces withdraw from Kazakhstan, the Russian defence minister said.", "2022-01-13"),
    ("Силы ОДКБ начали вывод из Казахстана.", "2022-01-13"),
])
def test_forces_leaving_a_state_are_the_deployment(text, date):
    claims = read_text(text, claims=True, date=date).claims or []
    assert [(c.field, c.asserted["min"], c.ids) for c in claims] == [("response", "military-deployment", ["kaz-2022-01-unrest"])]


@pytest.mark.parametrize("text", [
    "На встрече лидеров государств-членов ОДКБ в Москве обсудили безопасность.",  # member states, not who they are
    "The CSTO is a military-political bloc created after the collapse of the USSR.",  # the Soviet collapse
    "تأسست منظمة معاهدة الأمن الجماعي بعد تفكك الاتحاد السوفيتي.",
])
def test_words_about_other_things_are_no_organization_claim(text):
    assert "structure" not in _fields(text)


def test_leaving_the_organization_is_still_an_exit():
    for text in ("Armenia may withdraw from the CSTO.", "Армения может выйти из ОДКБ.", "قد تنسحب أرمينيا من منظمة معاهدة الأمن الجماعي."):
        assert [c.asserted["topic"] for c in _fields(text)["structure"]] == ["exit"]


@pytest.mark.parametrize("text", [
    "The Collective Security Treaty has not fulfilled its objectives as far as Armenia is concerned, especially in 2021 and 2022.",
    "Пашинян заявил, что ОДКБ не выполняла свои обязательства в отношении Армении в 2021 и 2022 годах.",
    "وقال باشينيان إن معاهدة الأمن الجماعي لم تحقق أهدافها فيما يتعلق بأرمينيا، خاصة في عامي 2021 و2022.",
])
def test_obligations_not_fulfilled_are_a_judgement_of_the_response(text):
    (claim,) = [c for c in read_text(text, claims=True, date="2024-02-23").claims if c.field == "response"]
    assert claim.verdict == "not-checkable" and "judgement" in claim.asserted
    assert claim.ids == ["arm-aze-2021-11", "arm-aze-2022-09"]


def test_an_arabic_state_after_a_preposition_is_the_object_not_the_actor():
    claims = read_text("أُرسلت بعثة رصد إلى أرمينيا بقيادة الأمين العام لمنظمة معاهدة الأمن الجماعي.",
                       claims=True, date="2022-12-05").claims
    assert [(c.field, c.asserted["min"], c.ids) for c in claims] == [("response", "fact-finding-mission", ["arm-aze-2022-09"])]


@pytest.mark.parametrize("text", [
    "In September 2022 Armenia asked the CSTO for help and got a promise of observers. "
    "Pashinyan contrasted this with the CSTO's quick decision to send troops to Kazakhstan.",
    "В сентябре 2022 года Армения попросила ОДКБ о помощи и получила лишь обещание наблюдателей. "
    "Пашинян сравнил это с быстрым решением блока ввести войска в Казахстан.",
])
def test_a_speaker_names_no_party_when_the_sentence_names_a_state(text):
    # Pashinyan speaks for Armenia, but the troops went to Kazakhstan: that case, not Armenia's
    result = read_text(text, claims=True, date=dt.date(2022, 11, 23))
    claims = [c for c in result.claims if c.field == "response" and ("Kazakh" in c.sentence or "Казах" in c.sentence)]
    assert [c.ids for c in claims] == [["kaz-2022-01-unrest"]]


@pytest.mark.parametrize("text", [
    "In October 2021 CSTO troops held exercises in Tajikistan near the Afghan border after the Taliban takeover.",
    "В октябре 2021 года войска ОДКБ провели учения в Таджикистане у границы с Афганистаном после прихода талибов к власти.",
    "أجرت قوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي في أكتوبر 2021 مناورات في طاجيكستان قرب الحدود الأفغانية بعد سيطرة طالبان.",
])
def test_exercises_are_no_response(text):
    assert "response" not in _fields(text)


@pytest.mark.parametrize("text", [
    "In 2021, Armenia requested help from the CSTO against Azerbaijan, but the organization refused.",
    "В 2021 году Армения запросила помощь ОДКБ против Азербайджана, но организация отказала.",
])
def test_a_year_is_the_case_of_that_year_and_the_state_that_asked_picks_it(text):
    # the 2020 war ended in November 2020: "in 2021" is none of its days; of the 2021 cases,
    # Armenia asked in the May one
    result = read_text(text, claims=True, date=dt.date(2024, 6, 1))
    requests = [(c.ids, c.verdict) for c in result.claims if c.field == "request"]
    assert requests == [(["arm-aze-2021-05-syunik-gegharkunik"], "consistent")]


def test_a_request_noun_three_words_after_the_negator_is_denied():
    text = "Зась отметил, что организация не получала официальных обращений от Армении."
    result = read_text(text, claims=True, date=dt.date(2020, 10, 15))
    assert [c.asserted["made"] for c in result.claims if c.field == "request"] == ["no"]


@pytest.mark.parametrize("text", [
    "Если агрессия будет, мы сначала обратимся в ООН. Обратимся и в ОДКБ.",  # will appeal
    "Чтобы обратиться в ОДКБ, Армения должна подвергнуться агрессии.",  # what it takes to appeal
])
def test_a_request_to_come_is_none_made(text):
    assert "request" not in _fields(text)


def test_declining_to_intervene_denies_the_deployment():
    text = "After declining to intervene in southern Kyrgyzstan's turmoil in June 2010, the CSTO met again."
    response = _fields(text)["response"][0]
    assert (response.asserted["max"], response.verdict) == ("material-or-logistical-aid", "consistent")


def test_the_state_inside_an_organizations_description_is_no_party_of_the_claim():
    from pactscope.reader.claims.check import _facts
    from pactscope.reader.evidence import load_evidence

    text = "In January 2022 Tokayev asked a Russia-led military alliance for help."
    result = read_text(text)
    facts = _facts(result, [(0, len(text))], load_evidence(), None)
    assert facts.sentences[0].states == {"KAZ"}  # Tokayev's state; Russia only describes the alliance
