"""The article's own date anchors year-less and relative dates (texts written for the tests)."""

import datetime as dt

import pytest

from pactscope.errors import BadArgument
from pactscope.reader import read_text


def _dates(text, **kw):
    return [m.target for m in read_text(text, **kw).mentions if m.type == "date"]


def test_given_date_gives_the_year_not_a_historical_date():
    text = "The treaty was signed in 2012. On Friday 28 February the ministers met in Minsk."
    assert _dates(text, date="2025-03-02") == ["2012", "2025-02-28"]
    # without the article's date the day stays month-day evidence
    assert _dates(text) == ["2012", "--02-28"]


def test_a_day_after_the_article_date_is_last_year():
    assert _dates("On 7 December the talks ended.", date=dt.date(2023, 1, 10)) == ["2022-12-07"]


def test_date_line_and_html_metadata():
    r = read_text("Date: 2022-09-14\nArmenia asked the CSTO for help on 13 September.")
    assert (r.article_date, r.article_date_source) == (dt.date(2022, 9, 14), "date line")
    assert "2022-09-13" in r.dates
    html = ('<html><head><meta property="article:published_time" content="2021-08-23T10:00:00Z"></head>'
            "<body><p>Last year the border was calm.</p><p>Today it is not.</p></body></html>")
    r = read_text(html)
    assert (r.article_date, r.article_date_source) == (dt.date(2021, 8, 23), "html metadata")
    assert r.dates == ["2020", "2021-08-23"]


def test_month_joined_to_a_dated_month_shares_its_year():
    assert _dates("Incidents happened in January and May 2014.", date="2022-09-16") == ["2014-01", "2014-05"]


def test_bad_date_is_one_clear_error():
    with pytest.raises(BadArgument, match="YYYY-MM-DD"):
        read_text("text", date="2022-13-01")


def test_meeting_needs_its_organization_and_two_days():
    ok = read_text("The CSTO Collective Security Council met in Yerevan on 23 November 2022.")
    assert [link.id for link in ok.linked] == ["csc-2022-11-23"]
    off = read_text("The CSTO Collective Security Council met in Yerevan on 10 December 2022.")
    assert "csc-2022-11-23" not in [link.id for link in off.linked]
    sco = read_text("The SCO summit met in Samarkand on 15 September 2022.")
    assert [link.id for link in sco.linked] == ["sco-summit-2022-samarkand"]


def test_a_date_deep_in_a_long_first_line_is_not_the_dateline():
    from pactscope.reader import read_text

    lead = ("موسكو | استضافت روسيا، يوم الإثنين الماضي، القمة السنوية لقادة منظمة معاهدة الأمن الجماعي، والتي صادفت "
            "هذا العام الذكرى الثلاثين لإبرام معاهدة الأمن الجماعي في 15 أيار 1992، بعيد سقوط الاتحاد السوفياتي.")
    assert read_text(lead).article_date is None  # the treaty's signing, not the article's day
    assert read_text("Moscow, 14 September 2022 (TASS) - The CSTO met.").article_date.isoformat() == "2022-09-14"


def test_meeting_places_have_their_arabic_and_russian_names():
    from pactscope.reader import read_text

    for text in ("ودان البيان الختامي لقمة منظمة شنغهاي للتعاون التي انعقدت في تيانجين الحرب على غزة.",
                 "Итоговая декларация саммита ШОС в Тяньцзине осудила войну в Газе."):
        assert [link.id for link in read_text(text, date="2025-09-02").linked] == ["sco-summit-2025-tianjin"], text
