import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactscope.reader.dates import find_dates, parse_date
from pactscope.reader.normalize import fold

EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December"]
RU_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря"]
RU_PREP = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
           "ноябре", "декабре"]
AR_LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
             "تشرين الثاني", "كانون الأول"]
AR_EGYPT = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
            "ديسمبر"]
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def values(text):
    return [h.value for h in find_dates(fold(text))]


@pytest.mark.parametrize("text, expected", [
    ("Azerbaijan attacked on 13 September 2022.", ["2022-09-13"]),
    ("On September 13, 2022 the shelling began", ["2022-09-13"]),
    ("in Sept. 2022 and in Jan 2021", ["2022-09", "2021-01"]),
    ("13 сентября 2022 г. ОДКБ", ["2022-09-13"]),
    ("в январе 2022 года", ["2022-01"]),
    ("10 ноября 2020г.", ["2020-11-10"]),
    ("с 2020 по 2022 год", ["2020/2022"]),
    ("in 2020-2022 the border", ["2020/2022"]),
    ("between 2010 and 2012", ["2010/2012"]),
    ("بين عامي 2020 و2022", ["2020/2022"]),
    ("في كانون الثاني/يناير ٢٠٢٢", ["2022-01"]),
    ("في 28 أيار (مايو) 2025", ["2025-05-28"]),
    ("13 سبتمبر من عام 2022", ["2022-09-13"]),
    ("إبريل 2021 ويونيه 2021", ["2021-04", "2021-06"]),
    ("28.05.2025 и 2022-01-05", ["2025-05-28", "2022-01-05"]),
    ("в 2010 году в Оше", ["2010"]),
    ("في عام ٢٠١٠ في أوش", ["2010"]),
    ("On 28 May the ministers met in Bishkek in 2025.", ["2025-05-28", "2025"]),
    # a part of a month, no year: the month alone
    ("clashes broke out in early June", ["--06"]),
    ("at the end of September the talks", ["--09"]),
    ("в начале июня разразились столкновения", ["--06"]),
    ("к концу сентября бои стихли", ["--09"]),
    ("في أوائل يونيو اندلعت اشتباكات", ["--06"]),
    ("منذ منتصف أيلول", ["--09"]),
])
def test_forms(text, expected):
    assert values(text) == expected


def test_not_dates():
    assert values("he may 5 times") == []
    assert values("31 February 2022") == ["2022-02"]  # no such day: only the month is read
    assert values("2000 troops and 1500 vehicles") == []  # counted things are not years
    assert values("2000 военнослужащих, 2000 جندي") == []
    assert values("by 2000 the treaty") == ["2000"]
    # the two names of a double form must agree; otherwise only the year is read
    assert values("كانون الثاني/شباط 2022") == ["2022"]


def test_spans_cover_the_expression():
    text = fold("Armenia asked for help on 13 September 2022 after the attack.")
    (hit,) = find_dates(text)
    assert text[hit.start:hit.end] == "13 September 2022"
    assert (hit.first, hit.last, hit.precision) == (dt.date(2022, 9, 13), dt.date(2022, 9, 13), "day")


def forms(d: dt.date) -> list[str]:
    m = d.month - 1
    out = [
        f"{d.day} {EN[m]} {d.year}",
        f"{EN[m]} {d.day}, {d.year}",
        f"{d.day} {RU_GEN[m]} {d.year} г.",
        f"{d.day} {RU_GEN[m]} {d.year} года",
        f"{d.day} {AR_LEVANT[m]} {d.year}",
        f"{d.day} {AR_EGYPT[m]} {d.year}",
        f"{d.day} {AR_LEVANT[m]}/{AR_EGYPT[m]} {d.year}",
        f"{d.day} {AR_EGYPT[m]} {d.year}".translate(ARABIC_INDIC),
        d.isoformat(),
        f"{d.day:02d}.{d.month:02d}.{d.year}",
    ]
    return out


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_any_day_in_every_form_parses_back(day):
    for text in forms(day):
        hit = parse_date(text)
        assert hit is not None, text
        assert (hit.value, hit.precision) == (day.isoformat(), "day"), text


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2099), st.integers(1, 12))
def test_any_month_in_every_form_parses_back(year, month):
    m = month - 1
    for text in (f"{EN[m]} {year}", f"в {RU_PREP[m]} {year} года", f"{AR_LEVANT[m]}/{AR_EGYPT[m]} {year}",
                 f"{AR_EGYPT[m]} {year}"):
        hits = find_dates(fold(text))
        assert [h.value for h in hits] == [f"{year:04d}-{month:02d}"], text


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2098), st.integers(1, 40))
def test_any_year_range_in_every_form_parses_back(first, span):
    last = min(first + span, 2099)
    for text in (f"{first}-{last}", f"{first}–{last}", f"between {first} and {last}", f"from {first} to {last}",
                 f"с {first} по {last} год", f"в {first}-{last} годах", f"بين عامي {first} و{last}",
                 f"من عام {first} إلى {last}".translate(ARABIC_INDIC)):
        hits = find_dates(fold(text))
        assert [(h.value, h.precision) for h in hits] == [(f"{first}/{last}", "range")], text


def test_arabic_patterns_are_written_folded():
    from pactscope.reader import dates

    for words in (dates._AR_LEVANT, dates._AR_EGYPT):
        for word in words:
            assert fold(word) == word
