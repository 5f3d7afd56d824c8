"""Crosswalk values checked by hand against data/raw/cow_states and gw_states."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import polars as pl
import pytest

from pactscope.codes import (
    capitals,
    name_index,
    normalize,
    resolve,
    states_table,
    to_ccode,
    to_gwcode,
    to_iso3,
)  # fmt: skip
from pactscope.errors import UnknownState

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def _raw(name: str) -> list[dict[str, str]]:
    with gzip.open(RAW / name, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(
    "query", ["Kazakhstan", "KAZ", "kaz", 705, "705", "Казахстан", "كازاخستان", "KZK", " kazakhstan  ", "Kazakh"]
)
def test_kazakhstan_spellings(query):
    state = resolve(query)
    assert (state.ccode, state.gwcode, state.iso3, state.cow_abb) == (705, 705, "KAZ", "KZK")
    assert (state.name, state.name_ru, state.name_ar) == ("Kazakhstan", "Казахстан", "كازاخستان")
    assert (state.start_year, state.end_year) == (1991, None)


@pytest.mark.parametrize("query", ["Kyrgyz Republic", "Киргизия", "Кыргызстан", "KGZ", "KYR", 703])
def test_kyrgyzstan_spellings(query):
    assert resolve(query).iso3 == "KGZ"


@pytest.mark.parametrize("query", ["USA", "United States of America", "U.S.", "America", "США", "أمريكا", 2])
def test_united_states(query):
    state = resolve(query)
    assert (state.ccode, state.iso3, state.name) == (2, "USA", "United States")


def test_script_folding():
    # tatweel, harakat and hamza-on-alef forms; Russian yo; accents and case
    assert resolve("كازاخـــستان").iso3 == "KAZ"
    assert resolve("رُوسيا").iso3 == "RUS"
    assert resolve("ايران").iso3 == resolve("إيران").iso3 == "IRN"
    assert resolve("Соединенные Штаты Америки").iso3 == "USA"
    assert resolve("TÜRKIYE").iso3 == "TUR"
    assert normalize("  Côte  d'Ivoire ") == "cote divoire"


def test_germany():
    # COW 255 1816-01-01..1945-05-08 and 1990-10-03..; 260 1955-05-05..1990-10-02; GW 260 from 1949-09-21 on
    assert (resolve("Germany", year=1980).ccode, resolve("Germany", year=1980).gwcode) == (260, 260)
    assert (resolve("Germany", year=1930).ccode, resolve("Germany", year=1930).gwcode) == (255, 255)
    assert (resolve("Germany", year=2000).ccode, resolve("Germany", year=2000).gwcode) == (255, 260)
    assert (resolve("Germany", year=1952).ccode, resolve("Germany", year=1952).gwcode) == (None, 260)
    assert resolve("Germany", year=1990).ccode == 260  # the FRG covers most of 1990
    assert resolve(260, system="gw", year=2000).ccode == 255
    assert resolve("Germany").iso3 == "DEU"
    east = resolve("East Germany", year=1980)
    assert (east.ccode, east.gwcode, east.iso3) == (265, 265, "DDR")
    with pytest.raises(UnknownState, match="no spell in 1970"):
        resolve(255, year=1970)
    with pytest.raises(UnknownState):
        resolve("Germany", year=1947)


def test_serbia_yugoslavia():
    # COW 345 from 1878; GW 340 1878-1915 and from 2006-06-05, GW 345 1918-12-01..2006-06-04
    assert (resolve(345, year=2010).gwcode, resolve(345, year=2010).iso3) == (340, "SRB")
    assert (resolve(345, year=1990).gwcode, resolve(345, year=1990).iso3) == (345, "YUG")
    assert resolve(345, year=2004).iso3 == "SCG"
    assert (resolve(340, system="gw", year=1900).ccode, resolve(340, system="gw", year=1900).iso3) == (345, "SRB")
    assert resolve(340).ccode == 345  # not a COW code, so read as GW
    assert resolve("Yugoslavia").end_year == 2003
    assert resolve("Serbia", year=1985).name == "Yugoslavia"
    with pytest.raises(UnknownState):
        resolve(340, system="cow")


def test_yemen():
    # COW 678 YAR 1926-09-02..1990-05-21, 679 YEM 1990-05-22.., 680 YPR 1967-11-30..1990-05-21; GW 678 1918-10-30..
    assert (resolve(679).ccode, resolve(679).gwcode, resolve(679).iso3) == (679, 678, "YEM")
    assert resolve(678, system="gw", year=2000).ccode == 679
    assert resolve(678, year=1980).gwcode == 678
    assert resolve(680, year=1980).iso3 == "YMD"
    assert resolve("Yemen", year=1980).ccode == 678
    assert resolve("South Yemen").ccode == 680
    assert resolve(678, system="gw", year=1920).ccode is None
    with pytest.raises(UnknownState):
        resolve(678, year=2000)


def test_russia_ussr():
    assert resolve("Russia", year=1985).iso3 == "SUN"
    assert resolve("Russia", year=1991).iso3 == "SUN"
    assert resolve("Russia", year=1992).iso3 == "RUS"
    assert resolve("Russia", year=1900).iso3 == "RUS"
    assert resolve("Russia").iso3 == "RUS"
    assert resolve("USSR").iso3 == "SUN"
    assert resolve("СССР", year=2000).iso3 == "RUS"
    assert resolve("РФ").name_ru == "Россия"
    assert {resolve(365, year=y).ccode for y in (1850, 1950, 2010)} == {365}
    assert to_gwcode("Soviet Union") == 365


def test_vietnam():
    # COW 816 from 1954-07-21, 817 1954-06-04..1975-04-30; GW 815 1816-01-01..1893-01-01
    assert resolve("South Vietnam").ccode == 817
    assert resolve("South Vietnam").iso3 is None
    assert resolve(816, year=1970).iso3 == "VNM"
    assert resolve(816, year=1970).name == "North Vietnam"
    assert resolve("Vietnam", year=1850).gwcode == 815
    assert resolve(815, system="gw").ccode is None


def test_cow_and_gw_differ_on_start():
    # GW lists the FRG from 1949-09-21, COW only from 1955-05-05
    assert resolve(260, system="gw", year=1952).name == "West Germany"
    with pytest.raises(UnknownState):
        resolve(260, year=1952)
    # GW lists Haiti from 1816-01-01, COW only from 1859-01-01
    assert resolve(41, system="gw", year=1830).ccode is None


def test_iso_first_then_cow_letters():
    assert resolve("AUS").name == "Australia"
    assert resolve("AUS", system="cow").ccode == 305  # COW AUS is Austria
    assert resolve("UAE").iso3 == "ARE"  # not an ISO3, so a COW abbreviation


def test_microstates_and_kosovo():
    monaco = resolve("Monaco")
    assert (monaco.ccode, monaco.gwcode, monaco.iso3) == (221, None, "MCO")
    assert resolve("Kosovo").iso3 == "XKX"
    assert resolve("XKX").ccode == 347


def test_convenience_functions():
    assert to_iso3(365, 1985) == "SUN"
    assert to_iso3("Bavaria") is None
    assert to_ccode("Serbia") == 345
    assert to_gwcode("Serbia") == 340
    assert to_ccode("Kyrgyz Republic") == 703


def test_unknown_has_suggestions():
    with pytest.raises(UnknownState) as err:
        resolve("Kazakstan")
    assert "Kazakhstan" in err.value.suggestions
    assert 1 <= len(err.value.suggestions) <= 3
    assert "Kazakstan" in str(err.value)


def test_ambiguous_lists_candidates():
    with pytest.raises(UnknownState, match="ambiguous") as err:
        resolve("Korean")
    assert len(err.value.suggestions) == 2
    assert any("PRK" in s for s in err.value.suggestions) and any("KOR" in s for s in err.value.suggestions)


@pytest.mark.parametrize("bad", ["", "   ", "Atlantis", 999, 0, -5, 3.5, None, True])
def test_bad_inputs_raise_unknown_state(bad):
    with pytest.raises(UnknownState):
        resolve(bad)


def test_every_cow_spell_resolves_to_itself():
    for r in _raw("cow_states.csv.gz"):
        code, first, last = int(float(r["ccode"])), int(float(r["styear"])), int(float(r["endyear"]))
        assert resolve(code).ccode == code
        assert resolve(str(code), year=(first + last) // 2).ccode == code
        assert resolve(r["stateabb"], system="cow").ccode == code


def test_every_gw_spell_resolves_with_gw_system():
    for r in _raw("gw_states.csv.gz"):
        code, first = int(float(r["gwcode"])), int(r["startdate"][:4])
        last = int(r["enddate"][:4])
        assert resolve(code, system="gw").gwcode == code
        assert resolve(code, system="gw", year=(first + last) // 2).gwcode == code


DEMONYM_ISO3 = (
    "RUS UKR BLR MDA EST LVA LTU ARM AZE GEO KAZ KGZ TJK TKM UZB "  # post-Soviet
    "USA CAN GBR FRA DEU ITA NLD BEL LUX DNK NOR ISL PRT ESP GRC TUR POL CZE HUN SVK SVN ROU BGR "
    "HRV ALB MNE MKD FIN SWE "  # NATO
    "CHN IND PAK IRN "  # SCO
    "AFG ISR SYR IRQ SAU EGY JPN"
).split()


def test_demonyms_present():
    table = states_table().filter(pl.col("end_year").is_null())
    for iso3 in DEMONYM_ISO3:
        row = table.filter(pl.col("iso3") == iso3).row(0, named=True)
        for lang in ("en", "ru", "ar"):
            assert row[f"demonyms_{lang}"], (iso3, lang)
    russia = table.filter(pl.col("iso3") == "RUS").row(0, named=True)
    assert russia["demonyms_ru"] == "российский|русский|россиянин"
    assert russia["demonyms_ar"] == "روسي|الروسية"
    assert "РФ" in russia["variants_ru"].split("|")


def test_name_index():
    ru, en, ar = name_index("ru"), name_index("en"), name_index("ar")
    assert ru["россия"] == ["RUS"]
    assert ru["казахский"] == ["KAZ"]
    assert en["soviet"] == ["SUN"]
    assert en["korean"] == ["KOR", "PRK"]
    assert ar[normalize("الروسية")] == ["RUS"]
    assert en[normalize("Germany")] == ["DEU"]
    en["germany"].append("XXX")  # callers get a copy
    assert name_index("en")["germany"] == ["DEU"]


def test_states_table_shape():
    table = states_table()
    for col in ("ccode", "gwcode", "iso3", "cow_abb", "name_en", "name_ru", "name_ar", "start_year", "end_year",
                "variants_en", "variants_ru", "variants_ar", "demonyms_en", "demonyms_ru", "demonyms_ar"):  # fmt: skip
        assert col in table.columns
    assert table.schema["ccode"] == pl.Int64 and table.schema["start_date"] == pl.Date
    assert table.filter(pl.col("ccode").is_not_null())["ccode"].n_unique() == 217  # distinct COW codes in v2016


def test_capitals():
    caps = capitals()
    kaz = caps.filter(pl.col("ccode") == 705).sort("start")
    assert kaz["capital"].to_list() == ["Almaty", "Astana"]
    assert kaz["capital_ru"].to_list() == ["Алма-Ата", "Астана"]
    moscow = caps.filter((pl.col("ccode") == 365) & (pl.col("capital") == "Moscow")).sort("start")
    assert moscow["iso3"].to_list() == ["RUS", "SUN", "RUS"]
    assert moscow["capital_ar"][0] == "موسكو"


def test_resolve_is_fast_after_first_call():
    import time

    resolve("Kazakhstan")
    start = time.perf_counter()
    for _ in range(2000):
        resolve("Germany", year=1980)
        resolve("Казахстан")
    assert (time.perf_counter() - start) / 4000 < 1e-3
