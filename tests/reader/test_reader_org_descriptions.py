"""An organization described rather than named ("a Russia-led military alliance") is recognised,
and the state inside the description is not read as a party to the events."""

import pytest

from pactscope.reader import read_text

DESCRIBED = [
    "A Russia-led military alliance of former Soviet states will send peacekeepers to Kazakhstan "
    "after its president appealed for help against violent protests.",
    "Войска возглавляемого Россией военного блока прибыли в Казахстан после обращения его президента "
    "на фоне протестов.",
    "قال مسؤول إن تحالفا أمنيا مؤلفا من دول سوفيتية سابقة تقوده روسيا سيرسل قوات لحفظ السلام إلى "
    "كازاخستان بعد مناشدة رئيسها لإخماد الاحتجاجات.",
]


@pytest.mark.parametrize("text", DESCRIBED, ids=["en", "ru", "ar"])
def test_described_alliance_is_the_organization_and_its_leader_no_party(text):
    result = read_text(text)
    assert result.organizations == ["CSTO"]
    assert "RUS" in result.states  # still a state the text names
    assert [link.id for link in result.linked] == ["kaz-2022-01-unrest"]


def test_a_trade_bloc_is_no_alliance():
    result = read_text("The Russia-led trade bloc met in Minsk to discuss tariffs on Kazakh grain.")
    assert "CSTO" not in result.organizations
