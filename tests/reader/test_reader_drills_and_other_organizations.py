"""Drills name no crisis; troops or a request under one organization detail no case of another.
Texts written for these tests."""

import pytest

from pactscope.reader import read_text


def _linked(text):
    return sorted(link.id for link in read_text(text).linked)


# Kyrgyzstan's Batken crisis of August-October 1999 fits "October"; Poland's Article 4 request of
# March 2014 fits "2014": without the drill words each sentence links that case.
@pytest.mark.parametrize("text", [
    "The CSTO held drills against terrorists in Kyrgyzstan and Tajikistan in October.",
    "В октябре ОДКБ провела в Киргизии и Таджикистане учения по борьбе с террористами.",
    "أجرت منظمة معاهدة الأمن الجماعي في أكتوبر تدريبات لمكافحة الإرهابيين في قرغيزستان وطاجيكستان.",
    "In 2014 Russia said Poland was holding unprecedented exercises on its border with NATO troops.",
    "В 2014 году Россия заявила, что Польша проводит беспрецедентные учения у ее границы с войсками НАТО.",
    "في عام 2014 قالت روسيا إن بولندا تجري تدريبات غير مسبوقة على حدودها بمشاركة قوات الناتو.",
])
def test_a_sentence_about_drills_is_no_reference_to_a_crisis(text):
    assert _linked(text) == []


def test_drills_with_a_word_of_attack_still_refer_to_the_crisis():
    text = "The CSTO held drills in Kyrgyzstan and Tajikistan in October, weeks after the attack of the militants."
    assert _linked(text) == ["kgz-1999-08-batken"]


# Poland is the threatened party of NATO's Article 4 case of 10 September 2025 (Russian drones,
# Belarus a third party); these texts name only the CSTO.
@pytest.mark.parametrize("text", [
    "Putin warned Poland that any attack on Belarus would be an attack on Russia. "
    "The CSTO alliance deployed troops in Belarus near the border with Poland.",
    "Путин предупредил Польшу, что любое нападение на Белоруссию будет нападением на Россию. "
    "ОДКБ направила войска в Белоруссию к польской границе.",
    "حذر بوتين بولندا من أن أي اعتداء على بيلاروس هجوم على روسيا. "
    "ونشرت منظمة معاهدة الأمن الجماعي قوات في بيلاروس قرب الحدود البولندية.",
])
def test_troops_of_another_organization_detail_no_case_of_this_one(text):
    assert _linked(text) == []


# The summit word (0.25), the SCO named nearby (0.05), the article's date on the
# summit's second day, 16 September 2022 (0.15) and the host named (0.05) make exactly the threshold.
@pytest.mark.parametrize("text", [
    "Президент Узбекистана принимает лидеров ШОС. В саммите приняли участие представители приглашенных организаций.",
    "Uzbekistan's president hosts the SCO leaders. Representatives of invited organizations attended the summit.",
    "يستضيف رئيس أوزبكستان قادة منظمة شنغهاي للتعاون. وحضر القمة ممثلو المنظمات المدعوة.",
])
def test_points_that_add_up_to_the_threshold_reach_it(text):
    assert [link.id for link in read_text(text, date="2022-09-16").linked] == ["sco-summit-2022-samarkand"]


def test_an_arabic_sitting_called_jalsa_is_a_session():
    text = "وقال لوكاشينكو هذا في الجلسة الافتتاحية لمجلس الأمن الجماعي لمنظمة معاهدة الأمن الجماعي في مينسك."
    assert _linked(text) == ["csc-2023-11-23"]  # the session of 23 November 2023 in Minsk


# Three Russian MiG-31s over Vaindloo on 19 September 2025; Estonia asked for Article 4 consultations.
@pytest.mark.parametrize("text", [
    "نفت وزارة الدفاع الروسية دخول ثلاث مقاتلات المجال الجوي الاستوني بعد اعتراضها من قبل طائرات تابعة لحلف شمال الأطلسي.",
    "Russia's defence ministry denied that three of its fighters entered Estonian airspace after NATO jets intercepted them.",
    "Минобороны России отрицает, что три истребителя вошли в воздушное пространство Эстонии, после перехвата самолетами НАТО.",
])
def test_the_estonian_airspace_names_the_incursion(text):
    assert [link.id for link in read_text(text, date="2025-09-21").linked] == ["nato-2025-estonia-article-4-airspace"]


# Kabul fell on 15 August 2021; "15 August" alone also fits the 1993 border-post case (July-September 1993).
@pytest.mark.parametrize("text", [
    "Напомним, 15 августа боевики движения «Талибан» захватили почти всю территорию Афганистана, Таджикистан усилил границу.",
    "On 15 August the Taliban seized almost all of Afghanistan; Tajikistan reinforced its border.",
    "في 15 أغسطس استولت طالبان على أفغانستان، وعززت طاجيكستان حدودها.",
])
def test_the_taliban_seizing_afghanistan_names_the_2021_takeover(text):
    assert _linked(text) == ["tjk-afg-2021-taliban-takeover"]
