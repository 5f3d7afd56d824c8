import pytest

from pactscope.reader.normalize import fold
from pactscope.reader.recognise import find_names
from pactscope.reader.tokens import word_keys


def found(text, gaz):
    folded = fold(text)
    return [(folded[h.start:h.end], h.entry.kind, h.entry.target) for h in find_names(folded, gaz)]


def test_arabic_clitics_and_article():
    keys = word_keys(fold("وللناتو"))
    assert "ناتو" in keys
    assert "لبنان" in word_keys("للبنان")
    assert "كازاخستاني" in word_keys(fold("الكازاخستانية"))


def test_russian_case_endings():
    assert word_keys("Ереване") & word_keys("Ереван")
    assert word_keys("Токаева") & word_keys("Токаев")
    assert word_keys("Карабахе") & word_keys("Карабах")


def test_english(small_gazetteer):
    got = found("Armenians asked the CSTO for help under Article 4.", small_gazetteer)
    assert got == [("Armenians", "state", "ARM"), ("asked", "event", "request"), ("CSTO", "organization", "CSTO"),
                   ("Article 4", "event", "request")]


def test_russian_names_inflected(small_gazetteer):
    got = found("Совета коллективной безопасности ОДКБ в Ереване и Станислава Зася", small_gazetteer)
    assert ("Совета коллективной безопасности", "organ", "summit-council") in got
    assert ("ОДКБ", "organization", "CSTO") in got
    assert ("Ереване", "place", "Yerevan") in got
    assert ("Станислава Зася", "person", "Stanislav Zas") in got


def test_arabic_names_with_clitics(small_gazetteer):
    got = found("وطلبت أرمينيا من منظمة معاهدة الأمن الجماعي بعد الهجوم الأذربيجاني على جيرموك", small_gazetteer)
    kinds = {(t, k) for _, k, t in got}
    assert {("ARM", "state"), ("CSTO", "organization"), ("AZE", "state"), ("Jermuk", "place"),
            ("attack", "event")} <= kinds


def test_ledger_organ_id_wins_over_lexicon(small_gazetteer):
    got = found("the Council of Defence Ministers and the defence ministers", small_gazetteer)
    assert [t for _, k, t in got if k == "organ"] == ["defence-council", "defence-council"]


def test_capital_letters_required(small_gazetteer):
    assert not [g for g in found("the turkey was roasted; csto", small_gazetteer) if g[1] != "event"]
    assert ("Turkey", "state", "TUR") in found("Turkey objected.", small_gazetteer)


def test_longest_name_wins(small_gazetteer):
    got = found("the Collective Security Council met", small_gazetteer)
    assert got[0] == ("Collective Security Council", "organ", "summit-council")


def test_common_arabic_words_are_not_states(small_gazetteer):
    assert [t for _, k, t in found("قال فارس إن البنين في عمان", small_gazetteer) if k == "state"] == ["OMN"]


def test_fallback_states_without_the_crosswalk(monkeypatch, small_evidence):
    import sys

    from pactscope.reader.gazetteer import build_gazetteer

    monkeypatch.setitem(sys.modules, "pactscope.codes", None)  # import now fails
    gaz = build_gazetteer(small_evidence)
    assert ("Армении", "state", "ARM") in found("в Армении", gaz)
    assert ("Kazakhstan", "state", "KAZ") in found("Kazakhstan", gaz)


def test_a_record_name_may_hold_a_lower_case_word():
    from pactscope.reader.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    def records(text):
        return [h.entry.target for h in find_names(fold(text), gaz.names)]
    assert records("On 15 August Taliban militants swept into Kabul.") == ["tjk-afg-2021-taliban-takeover"]
    assert records("Taliban swept into Kabul.") == ["tjk-afg-2021-taliban-takeover"]
    assert records("Taliban militants and their allies swept into Kabul.") == []  # four words inside: too far
    assert records("Taliban Kandahar swept into Kabul.") == []  # a name inside is not skipped


@pytest.mark.parametrize("text", [
    "Leaders of the CSTO gathered in the Tajik capital.",
    "Лидеры ОДКБ собрались в столице Таджикистана.",
    "اجتمع قادة منظمة معاهدة الأمن الجماعي في العاصمة الطاجيكية.",
])
def test_a_capital_named_by_its_state(text):
    from pactscope.reader import read_text

    assert read_text(text).places == ["Dushanbe"]


@pytest.mark.parametrize("word", ["атаковал", "напал", "вторглась", "обстреляла"])
def test_a_shorter_russian_form_of_an_event_verb_is_the_event(word):
    """The rule that a shorter Russian word is another word ("Само" is not "Самоа") holds for
    names, not for event verbs matched by stem ("атаковал" is a form of "атаковали")."""
    from pactscope.reader import read_text

    result = read_text(f"Азербайджан {word} Армению в сентябре 2022 года.")
    assert [(m.text, m.target) for m in result.mentions if m.type == "event"] == [(word, "attack")]
    assert [link.id for link in result.linked] == ["arm-aze-2022-09"]


@pytest.mark.parametrize(("text", "states"), [
    ("Бои на кыргызско-таджикской границе.", ["KGZ", "TJK"]),
    ("Обстановка на таджикско-афганской границе.", ["TJK", "AFG"]),
    ("Бои на армяно-азербайджанской границе.", ["ARM", "AZE"]),  # an irregular first part
    ("Кыргызско-таджикская граница закрыта.", ["KGZ", "TJK"]),
])
def test_both_states_of_a_russian_compound_adjective(text, states):
    from pactscope.reader import read_text

    assert read_text(text).states == states


@pytest.mark.parametrize("text", [
    "Совет коллективной безопасности ОДКБ обсудил ситуацию в Афганистане и на таджикско-афганской границе.",
    "The CSTO discussed the situation in Afghanistan and on the Tajik-Afghan border.",
    "ناقش مجلس الأمن الجماعي لمنظمة معاهدة الأمن الجماعي الوضع في أفغانستان وعلى الحدود الطاجيكية الأفغانية.",
])
def test_the_situation_in_a_state_on_the_articles_date_is_a_reference(text):
    from pactscope.reader import read_text

    assert [link.id for link in read_text(text, date="2021-08-23").linked] == ["tjk-afg-2021-taliban-takeover"]
    assert read_text(text).linked == []  # without a date the situation could be any
