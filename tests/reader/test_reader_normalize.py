from hypothesis import given, settings
from hypothesis import strategies as st

from pactscope.reader.normalize import fold, fold_with_offsets

ARABIC_WITH_MARKS = "وَالأَمْنِ الجَمـــاعيّ"


def test_arabic_marks_tatweel_and_alef_variants():
    assert fold(ARABIC_WITH_MARKS) == "والامن الجماعي"
    assert fold("إيران آذار ٱلله أرمينيا") == "ايران اذار الله ارمينيا"
    assert fold("مصطفى منظمة") == "مصطفي منظمه"


def test_digits_quotes_dashes_spaces_yo():
    assert fold("٢٠٢٢ و۱۳") == "2022 و13"
    assert fold("«ОДКБ» „x“ “y”") == '"ОДКБ" "x" "y"'
    assert fold("2020–2022 — a‑b") == "2020-2022 - a-b"
    assert fold("a\u00a0b\u202fc") == "a b c"
    assert fold("Объединённый ЁЖ") == "Объединенный ЕЖ"


def test_decomposed_cyrillic_short_i_is_composed():
    assert fold("и\u0306") == "й"


def test_span_maps_back_over_dropped_marks():
    n = fold_with_offsets(ARABIC_WITH_MARKS)
    start, end = n.span(0, 6)  # "والامن"
    assert ARABIC_WITH_MARKS[start:end] == "وَالأَمْنِ"


def test_presentation_forms_become_letters():
    assert fold("\ufefb") == "لا"


text_strategy = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("أإآٱىةـًٌٍَُِّْٰ٠١٢٣۴۵«»“”–—\u00a0ёЁйи\u0306\u0301\u200d\ufefb")),
    ),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(text_strategy)
def test_fold_is_idempotent(text):
    once = fold(text)
    assert fold(once) == once


@settings(max_examples=400, deadline=None)
@given(text_strategy)
def test_offsets_are_monotone_and_in_bounds(text):
    n = fold_with_offsets(text)
    assert len(n.starts) == len(n.ends) == len(n.text)
    assert all(0 <= s < e <= len(text) for s, e in zip(n.starts, n.ends))
    assert list(n.starts) == sorted(n.starts)
    for i in range(len(n.text)):  # each folded character comes from the original span it names
        assert n.text[i] in fold(text[n.starts[i]:n.ends[i]])
