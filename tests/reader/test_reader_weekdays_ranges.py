"""Weekdays read against the article's date, day ranges without a year, "the events of May",
and the linking rules that use them.  Texts written for these tests."""

import datetime as dt

import pytest

from pactscope.reader import read_text
from pactscope.reader.dates import find_dates
from pactscope.reader.normalize import fold


def values(text, anchor=None):
    return [h.value for h in find_dates(fold(text), anchor)]


# 2023-11-24 is a Friday; 2023-11-20 a Monday.
@pytest.mark.parametrize("text, anchor, expected", [
    ("The leaders met in Minsk on Thursday.", dt.date(2023, 11, 24), ["2023-11-23"]),
    ("The leaders met in Minsk on Friday.", dt.date(2023, 11, 24), ["2023-11-24"]),
    ("They met last Friday in Minsk.", dt.date(2023, 11, 24), ["2023-11-17"]),
    ("The leaders will meet in Minsk on Thursday.", dt.date(2023, 11, 20), ["2023-11-23"]),
    ("They meet next Monday.", dt.date(2023, 11, 20), ["2023-11-27"]),
    ("Лидеры встретились в Минске в четверг.", dt.date(2023, 11, 24), ["2023-11-23"]),
    ("Лидеры соберутся в Минске в четверг.", dt.date(2023, 11, 20), ["2023-11-23"]),
    ("Во вторник министры обсудили ситуацию.", dt.date(2023, 11, 24), ["2023-11-21"]),
    ("وعقد القادة قمة في مينسك يوم الخميس.", dt.date(2023, 11, 24), ["2023-11-23"]),
    ("وأعلن الوزير، الأربعاء، أن الاجتماع انتهى.", dt.date(2023, 11, 24), ["2023-11-22"]),
    ("وصل الوفد الخميس الماضي.", dt.date(2023, 11, 24), ["2023-11-23"]),
])
def test_weekdays_against_the_article_date(text, anchor, expected):
    assert values(text, anchor) == expected


def test_weekdays_need_the_pages_own_date():
    assert values("The leaders met in Minsk on Thursday.") == []
    # a full date at the top is not taken as the page's date for a weekday
    assert values("On 13 September 2022 it began. The leaders met on Thursday.") == ["2022-09-13"]


def test_a_weekday_beside_a_date_is_part_of_it():
    assert values("On Friday, 28 February the ministers met.", dt.date(2025, 3, 2)) == ["2025-02-28"]
    assert values("الجمعة 28 فبراير", dt.date(2025, 3, 2)) == ["2025-02-28"]


def test_the_two_in_arabic_is_not_monday():
    assert values("واتفق الاثنان على وقف إطلاق النار بين الاثنين.", dt.date(2023, 11, 24)) == []
    assert values("وقال يوم الاثنين إن", dt.date(2023, 11, 24)) == ["2023-11-20"]


@pytest.mark.parametrize("text, anchor, expected", [
    ("Fighting went on from September 14 to 17.", None, ["--09-14/--09-17"]),
    ("Fighting went on from September 14 to 17.", dt.date(2022, 9, 30), ["2022-09-14/2022-09-17"]),
    ("the night of September 9-10", None, ["--09-09/--09-10"]),
    ("Бои шли с 14 по 17 сентября.", None, ["--09-14/--09-17"]),
    ("في الفترة من 14 وحتى 16 سبتمبر", None, ["--09-14/--09-16"]),
    ("Fighting on 14-17 September 2022 killed dozens.", None, ["2022-09-14/2022-09-17"]),
    ("September 13-14, 2022", None, ["2022-09-13/2022-09-14"]),
    ("14–17 сентября 2022 года", None, ["2022-09-14/2022-09-17"]),
])
def test_day_ranges(text, anchor, expected):
    assert values(text, anchor) == expected


def test_a_day_range_is_not_a_month_long():
    # two days more than a fortnight apart are not one range: only the first is read as a day
    assert values("from September 2 to 28 the talks", dt.date(2022, 10, 1)) == ["2022-09-02"]


def test_month_after_events_takes_the_year_of_the_month_joined_to_it():
    text = "بعد أحداث مايو وأحداث نوفمبر 2021"
    assert values(text, dt.date(2024, 2, 28)) == ["2021-05", "2021-11"]
    assert values("after the events of May and November 2021") == ["2021-05", "2021-11"]


def _links(text, date=None):
    return [l.id for l in read_text(text, date=date).linked]


def test_a_year_less_range_picks_the_case_that_covers_its_days():
    # the 2019 incident lasted one day within the range, the 1999 Batken case is a long one
    text = "Clashes on the border of Kyrgyzstan and Tajikistan lasted from September 14 to 17."
    assert _links(text) == ["kgz-tjk-2022-09"]


def test_the_weekday_places_the_summit():
    text = "The CSTO summit in Minsk on Thursday was skipped by Armenia."
    assert _links(text, date="2023-11-24") == ["csc-2023-11-23"]
    # a week later the same weekday is another day, and no session of that council was held then
    assert "csc-2023-11-23" not in _links(text, date="2023-12-01")


def test_events_word_makes_a_reference_only_with_a_date():
    dated = "Armenia and Azerbaijan: the events of November 2021 on the border."
    assert _links(dated) == ["arm-aze-2021-11"]
    assert _links("Armenia and Azerbaijan discussed the events.") == []


def test_a_year_alone_competes_with_the_months_inside_it():
    text = "The question was raised in 2021, after the events of May and November 2021 on the border of Armenia with Azerbaijan."
    links = _links(text, date="2024-02-28")
    assert set(links) == {"arm-aze-2021-05-syunik-gegharkunik", "arm-aze-2021-11"}  # not the July 2021 case


def test_a_named_case_is_not_penalised_by_another_events_date():
    text = "In 2025 the alliance recalled that it had invoked Article 5 only once, post-9/11, for the United States."
    assert "nato-2001-article-5-september-11" in _links(text)


def test_a_third_party_named_beside_the_sides_singles_out_the_war():
    text = ("وقال البرلمان الأرميني إن أفغانستان أيدت العدوان التركي الأذربيجاني على أرمينيا. "
            "وتتواصل الاشتباكات العسكرية بين أرمينيا وأذربيجان في إقليم قره باغ.")
    assert _links(text) == ["arm-aze-2020-09-karabakh-war"]


def test_cow_codes_come_with_the_gazetteer(small_gazetteer):
    # Armenia 371, Kyrgyzstan 703 (COW state list); looked up when the gazetteer is built
    assert small_gazetteer.ccodes["ARM"] == 371 and small_gazetteer.ccodes["KGZ"] == 703


def test_names_added_to_a_gazetteer_are_found_after_a_first_read(small_evidence):
    from pactscope.reader.gazetteer import build_gazetteer
    from pactscope.reader.normalize import fold
    from pactscope.reader.recognise import find_names

    gaz = build_gazetteer(small_evidence)  # its own copy: the shared one stays as it is
    text = fold("The Zorbian Pact met.")
    assert [h.entry.target for h in find_names(text, gaz) if h.entry.kind == "organization"] == []
    gaz.add("organization", "ZP", "Zorbian Pact")
    assert [h.entry.target for h in find_names(text, gaz) if h.entry.kind == "organization"] == ["ZP"]


def test_a_named_record_is_linked_beside_a_stronger_one_named_elsewhere():
    text = ("Poland asked for Article 4 consultations after the annexation of Crimea in 2014. "
            "Article 5 was invoked only once, post-9/11.")
    links = _links(text)
    assert "nato-2014-poland-article-4-crimea" in links and "nato-2001-article-5-september-11" in links


def test_every_fitting_date_counts_when_rivals_are_weighed():
    # the 2022 war covers both the report's day and the fighting; the long 2000 Batken case fits only the
    # range well, and must not be linked through it
    text = ("Kyrgyzstan said on September 19 that after clashes with Tajikistan at the border in Batken "
            "region from September 14 to 17 the death toll had reached 59.")
    assert _links(text) == ["kgz-tjk-2022-09"]


def test_a_day_just_after_a_one_day_case_counts_less_than_a_day_inside_a_case():
    # 19 September falls in the 2022 war, three days after the one-day incident of 16 September 2019
    text = "Kyrgyzstan and Tajikistan clashed again at the border, officials said on September 19."
    assert _links(text) == ["kgz-tjk-2022-09"]


def test_close_cases_between_the_same_parties_stay_ambiguous():
    text = "The CSTO mission visited the border regions of Armenia after the clashes with Azerbaijan."
    assert _links(text, dt.date(2022, 12, 20)) == []  # nine cases between the two: reported, not guessed
    assert len(read_text(text, date=dt.date(2022, 12, 20)).ambiguous[0].candidates) >= 9


def test_an_undated_summit_is_a_recent_one():
    text = "The CSTO summit in Yerevan ended without a joint declaration."
    assert _links(text, dt.date(2022, 11, 24)) == ["csc-2022-11-23"]  # the day after: the news of it
    assert _links(text, dt.date(2025, 3, 1)) == []  # years later an undated mention names no recorded summit


def test_the_articles_own_date_counts_as_a_date_of_the_text():
    # an incursion recorded from 6 August 2024; a report of 29 August that also names 2014 is not
    # "far from every date of the text"
    from pactscope.reader.link import Context, Fact

    y2014 = Fact(0, "date", "2014", first=dt.date(2014, 1, 1), last=dt.date(2014, 12, 31), precision="year")
    start = dt.date(2024, 8, 6)
    assert Context((y2014,), None).far_from_all(start, start)
    assert not Context((y2014,), dt.date(2024, 8, 29)).far_from_all(start, start)
    text = ("Атаки Вооруженных сил Украины в Курской области России способствуют росту напряженности, "
            "заявили в ОДКБ. В 2014 году такого не было.")
    assert _links(text, dt.date(2024, 8, 29)) == ["rus-ukr-2024-08-kursk"]


def test_a_case_place_named_in_arabic_singles_out_the_case():
    text = "قتل 33 جنديا تركيا في غارة جوية سورية بمنطقة إدلب، وطلبت تركيا مشاورات مع حلف الناتو بموجب المادة 4."
    assert _links(text) == ["nato-2020-turkey-article-4-idlib"]


def test_a_historical_date_in_the_sentence_does_not_hide_the_recent_event():
    text = "The CSTO, created in 1992, has not responded to the border clashes between Kyrgyzstan and Tajikistan."
    assert _links(text, dt.date(2022, 9, 20)) == ["kgz-tjk-2022-09"]  # 1992 is history; the article is of 20 September 2022
    assert "kgz-tjk-2022-09" not in _links(text)  # without the article's date nothing says which clash


def test_parties_and_an_event_word_alone_link_no_case():
    # the ledger's one Russia-Ukraine case is the Kursk incursion of August 2024
    vague = read_text("Russia has waged war on Ukraine, and the CSTO stayed out of it.")
    assert vague.linked == [] and [[c.id for c in a.candidates] for a in vague.ambiguous] == [["rus-ukr-2024-08-kursk"]]
    placed = "Ukraine's forces attacked Russia in the Kursk region, and the CSTO stayed out of it."
    assert _links(placed) == ["rus-ukr-2024-08-kursk"]
    assert _links("Ukraine attacked Russia in August 2024, and the CSTO stayed out of it.") == ["rus-ukr-2024-08-kursk"]


def test_deployment_words_single_out_a_case_that_saw_troops():
    # of the ledger's cases in Kazakhstan only the January 2022 unrest saw a CSTO deployment
    assert _links("The CSTO peacekeepers completed their mission in Kazakhstan, Zas said.") == ["kaz-2022-01-unrest"]
    assert _links("The CSTO discussed the situation in Kazakhstan, Zas said.") == []


def test_request_words_single_out_a_case_whose_record_has_a_request():
    # Kazakhstan asked the CSTO for help in January 2022 (request: yes); Russia made no request over Kursk
    assert _links("Tokayev asked the CSTO heads of state for help against a terrorist threat in Kazakhstan.") == ["kaz-2022-01-unrest"]
    assert _links("Russia did not ask the CSTO for help in the war with Ukraine.") == []


def test_a_dated_fragment_after_a_full_stop_belongs_to_the_sentence_before():
    from pactscope.reader.sentences import split_sentences

    text = "Pashinyan said the CSTO failed to respond to the Azerbaijani incursion. In May 2021.\nIt was 2020. Talks began."
    assert [text[a:b].strip() for a, b in split_sentences(text)] == [
        "Pashinyan said the CSTO failed to respond to the Azerbaijani incursion. In May 2021.", "It was 2020.", "Talks began."]
    # with a dated sentence before it, the fragment's date is what places the incursion
    before = "The CSTO was founded in 2002. "
    assert _links(before + "Pashinyan said the CSTO failed to respond to the Azerbaijani incursion. In May 2021.") == [
        "arm-aze-2021-05-syunik-gegharkunik"]


def test_the_only_close_candidate_whose_place_is_named_is_linked_even_when_not_first():
    # Ganja was struck in the 2020 war: the place singles it out from the other Karabakh cases
    assert _links("علق الخبير على القصف المكثف للقوات الأرمينية على ثاني أكبر مدينة في أذربيجان - كنجة.") == [
        "arm-aze-2020-09-karabakh-war"]
    assert _links("Armenian forces shelled Ganja, Azerbaijan's second city.") == ["arm-aze-2020-09-karabakh-war"]


def test_demonstrators_are_unrest_words_in_three_languages():
    for text in ("Demonstrators filled Minsk after the disputed presidential election in August 2020.",
                 "Демонстранты вышли на улицы Минска после выборов в августе 2020 года.",
                 "خرج متظاهرون إلى شوارع مينسك بعد الانتخابات الرئاسية في أغسطس 2020."):
        assert _links(text) == ["blr-2020-08-post-election-protests"], text


def test_no_case_that_began_after_the_article():
    # the Kyrgyz-Tajik clashes recorded: 2014-01, 2014-07, 2019-09, 2021-04, 2022-01, 2022-09
    text = "The border clashes between Kyrgyzstan and Tajikistan worry the CSTO."
    assert _links(text, "2022-01-28") == ["kgz-tjk-2022-01"]
    assert _links(text, "2021-05-01") == ["kgz-tjk-2021-04"]
    from pactscope.reader import read_text

    later = read_text("In September 2022 Kyrgyzstan and Tajikistan fought on the border.", date="2022-01-28")
    assert [link.id for link in later.linked] == []


def test_the_official_in_office_singles_out_the_session():
    # Yerevan (23 Nov 2022) and Astana (28 Nov 2024) sessions; Tasmagambetov was Secretary General 2023-2025
    def text(who):
        return (f"ОДКБ продолжает считать Армению союзником, заявил в Астане {who}. Позиция Армении обсуждалась "
                "на заседании Совета коллективной безопасности, сказал он, и Ереван может вернуться.")
    assert _links(text("генеральный секретарь Тасмагамбетов")) == ["csc-2024-11-28"]
    assert _links(text("генеральный секретарь")) == []  # Yerevan and Astana both fit: ambiguous


def test_a_full_stop_without_a_space_still_ends_a_sentence():
    from pactscope.reader.sentences import split_sentences

    text = "أعلنت المنظمة أن قواتها أنجزت مهامها في كازاخستان.وقال الأمين العام إن القوات ستغادر. The CSTO met.It agreed. Troops stayed."
    assert [text[a:b].strip() for a, b in split_sentences(text)] == [
        "أعلنت المنظمة أن قواتها أنجزت مهامها في كازاخستان.", "وقال الأمين العام إن القوات ستغادر.",
        "The CSTO met.", "It agreed.", "Troops stayed."]
