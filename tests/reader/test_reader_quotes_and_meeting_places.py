"""A record's name with quote marks inside it, and a session placed by the sentence that dates it.
Texts written for these tests."""

import pytest

from pactscope.reader import read_text


def _linked(text):
    return sorted(link.id for link in read_text(text).linked)


@pytest.mark.parametrize("text", [
    "تصاعد القلق على الحدود الطاجيكية بعد استيلاء “طالبان” على السلطة في أفغانستان.",
    "Tajikistan worried about its border after the Taliban «seized power» in Afghanistan.",
    "Таджикистан опасается за границу после «захвата власти талибами» в Афганистане.",
])
def test_quote_marks_inside_a_case_name_still_name_it(text):
    assert _linked(text) == ["tjk-afg-2021-taliban-takeover"]


def test_a_quote_mark_does_not_join_two_sentences_words():
    # "Taliban" ends one quoted phrase; the name's next word is far away in another sentence
    text = "Эксперты говорят о «Талибане». Власти Таджикистана молчат."
    assert "tjk-afg-2021-taliban-takeover" not in _linked(text)


# Minsk hosted the summit of 23 November 2023, Yerevan that of 23 November 2022.
@pytest.mark.parametrize("text, expected", [
    ("لن يشارك رئيس الوزراء الأرميني في قمة منظمة معاهدة الأمن الجماعي في مينسك في 23 نوفمبر. "
     "وأعربت سلطات يريفان عن أملها في أن يتفهم الشركاء قرارها.", ["csc-2023-11-23"]),
    ("The Armenian prime minister will not attend the CSTO summit in Minsk on 23 November. "
     "Officials in Yerevan hoped the partners would understand.", ["csc-2023-11-23"]),
])
def test_a_dated_session_named_in_one_capital_is_not_the_one_in_another(text, expected):
    assert _linked(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وأعلنت تالين رفضها للنفي الروسي بعد الانتهاك الروسي للمجال الجوي الإستوني.", ["nato-2025-estonia-article-4-airspace"]),
    ("Таллин заявил, что российские самолеты нарушили воздушное пространство Эстонии.", ["nato-2025-estonia-article-4-airspace"]),
    ("В 2022 году Пашинян отказался подписывать проект декларации Совета коллективной безопасности ОДКБ.",
     ["csc-2022-11-23"]),
])
def test_names_of_the_estonian_incursion_and_the_yerevan_declaration(text, expected):
    assert _linked(text) == expected


@pytest.mark.parametrize("text", [
    "Генсек ОДКБ выступил на внеочередной сессии Совета коллективной безопасности 23 августа 2021 года, "
    "посвященной ситуации в Афганистане.",
    "انعقدت الدورة الاستثنائية لمجلس الأمن الجماعي لمنظمة معاهدة الأمن الجماعي في 23 أغسطس 2021 حول الوضع في أفغانستان.",
])
def test_a_session_recorded_in_a_cases_response_links_the_case(text):
    # tjk-afg-2021-taliban-takeover lists the Collective Security Council session of 23 August 2021
    # among its consultations; the text names Afghanistan, one of the case's sides
    assert _linked(text) == ["csc-2021-08-23", "tjk-afg-2021-taliban-takeover"]


def test_a_sentence_naming_two_dated_conflicts_links_both():
    import datetime as dt

    text = ("Азербайджан и Кыргызстан начали военные действия против Армении и Таджикистана в сентябре "
            "этого года почти одновременно.")
    linked = sorted(link.id for link in read_text(text, date=dt.date(2022, 10, 13)).linked)
    assert linked == ["arm-aze-2022-09", "kgz-tjk-2022-09"]


@pytest.mark.parametrize("text, value", [
    ("They clashed in September this year.", "2022-09"),
    ("Бои начались в сентябре этого года.", "2022-09"),
    ("اندلعت الاشتباكات في سبتمبر من العام الجاري.", "2022-09"),
])
def test_a_month_of_this_year_is_read_with_the_articles_date(text, value):
    import datetime as dt

    from pactscope.reader.dates import find_dates
    from pactscope.reader.normalize import fold

    assert value in [h.value for h in find_dates(fold(text), dt.date(2022, 10, 13))]
