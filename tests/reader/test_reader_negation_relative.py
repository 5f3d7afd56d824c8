"""Negated event words, stems of event words, seasons and dates relative to the text's date."""

import datetime as dt

import pytest

from pactscope.reader.dates import find_dates
from pactscope.reader.negation import is_negated
from pactscope.reader.normalize import fold
from pactscope.reader.tokens import word_keys


def _values(text):
    return [h.value for h in find_dates(fold(text))]


@pytest.mark.parametrize("text, word, category, negated", [
    ("the CSTO did not send troops to Armenia", "troops", "deployment", True),
    ("ОДКБ не направила туда миротворцев", "миротворцев", "deployment", True),
    ("ولم تطلب أرمينيا أي مساعدة", "تطلب", "request", True),
    ("it did not condemn the aggression", "aggression", "attack", False),
    ("troops were sent, but not quickly", "troops", "deployment", False),
    ("there was no attack", "attack", "attack", True),
])
def test_negation(text, word, category, negated):
    folded = fold(text)
    assert is_negated(folded, folded.index(fold(word)), category) is negated


def test_event_stems_reach_inflected_forms():
    assert word_keys("attacked") & word_keys("attack") & {"~attack"}
    assert word_keys("воевали") & word_keys("воевать")
    assert word_keys(fold("وطلبت")) & word_keys(fold("طلب"))
    assert not {k for k in word_keys("Armenia") if k.startswith("~")} & {"armenia"}


@pytest.mark.parametrize("text, expected", [
    ("Published 14 October 2022. Last January and last September.", ["2022-10-14", "2022-01", "2022-09"]),
    ("Опубликовано 20 марта 2023 года. В сентябре прошлого года; в прошлом году.", ["2023-03-20", "2022-09", "2022"]),
    ("يريفان، 10 تشرين الأول 2022 — في أيلول الماضي والعام الماضي", ["2022-10-10", "2022-09", "2021"]),
    ("last September, with no date of its own", ["--09"]),  # the month is known, the year is not
    ("Published 13 October 2022. Fighting began in September this year.", ["2022-10-13", "2022-09"]),
    ("Опубликовано 13 октября 2022 года. Бои начались в сентябре этого года, в январе текущего года — протесты.",
     ["2022-10-13", "2022-09", "2022-01"]),
    ("يريفان، 13 تشرين الأول 2022 — في سبتمبر من هذا العام وفي يناير من العام الجاري", ["2022-10-13", "2022-09", "2022-01"]),
])
def test_relative_dates(text, expected):
    assert _values(text) == expected


def test_seasons_keep_the_year_but_cover_the_season():
    (hit,) = find_dates(fold("весной 2021 года"))
    assert (hit.value, hit.first, hit.last) == ("2021", dt.date(2021, 3, 1), dt.date(2021, 5, 31))
    (hit,) = find_dates(fold("في خريف 2020"))
    assert (hit.first, hit.last) == (dt.date(2020, 9, 1), dt.date(2020, 11, 30))
