import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactscope.errors import BadArgument
from pactscope.reader import MAX_CHARS, read_text
from pactscope.reader.source import html_to_text, prepare


def test_empty_and_blank_text(small_evidence, small_gazetteer):
    for text in ("", "   \n\t "):
        r = read_text(text, evidence=small_evidence, gazetteer=small_gazetteer)
        assert r.language.primary == "none"
        assert r.mentions == [] and r.linked == [] and r.unlinked == []
        assert "the text has no letters to read" in r.notes


def test_size_limit_names_the_limit():
    with pytest.raises(BadArgument, match="200,000"):
        read_text("a" * (MAX_CHARS + 1))


def test_random_bytes_are_refused_clearly():
    with pytest.raises(BadArgument, match="not UTF-8"):
        read_text(bytes(range(128, 256)))
    with pytest.raises(BadArgument, match="binary"):
        read_text(bytes(range(32)) * 4)


def test_utf8_bytes_with_bom_and_utf16_are_read(small_evidence, small_gazetteer):
    text = "Армения и ОДКБ"
    for data in ("\ufeff" + text).encode("utf-8"), text.encode("utf-16"):
        r = read_text(data, evidence=small_evidence, gazetteer=small_gazetteer)
        assert r.text == text
        assert r.states == ["ARM"]


def test_html_is_stripped_and_offsets_refer_to_plain_text(small_evidence, small_gazetteer):
    html = ("<html><head><style>p{color:red}</style><script>var CSTO = 1;</script></head><body>"
            "<p>Armenia &amp; the <b>CSTO</b>&nbsp;met.</p><p>Second &lt;para&gt;</p></body></html>")
    r = read_text(html, evidence=small_evidence, gazetteer=small_gazetteer)
    assert r.text == "Armenia & the CSTO\u00a0met.\n\nSecond <para>"
    assert [(m.text, m.target) for m in r.mentions if m.type != "event"] == [("Armenia", "ARM"), ("CSTO", "CSTO")]
    assert all(r.text[m.start:m.end] == m.text for m in r.mentions)
    assert any("HTML" in n for n in r.notes)


def test_text_mentioning_tags_is_not_treated_as_html():
    text, notes = prepare("Use <b> for bold.")
    assert text == "Use <b> for bold." and notes == []


def test_html_to_text_unclosed_tags():
    assert html_to_text("<div><p>one<p>two &copy;") == "one\n\ntwo ©"


def test_other_language_gets_a_note(small_evidence, small_gazetteer):
    r = read_text("这是一篇关于安全的文章。", evidence=small_evidence, gazetteer=small_gazetteer)
    assert r.language.primary == "other"
    assert r.states == []


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_result_or_bad_argument(data):
    try:
        r = read_text(data)
    except BadArgument:
        return
    assert all(0 <= m.start < m.end <= len(r.text) for m in r.mentions)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_result_or_bad_argument(text):
    try:
        r = read_text(text)
    except BadArgument:
        return
    assert all(r.text[m.start:m.end] == m.text for m in r.mentions)


def test_long_text_within_the_limit_is_read():
    sentence = "Azerbaijani forces attacked Armenia on 13 September 2022 and Armenia asked the CSTO for help. "
    text = sentence * (MAX_CHARS // len(sentence))
    r = read_text(text)
    assert len(r.text) <= MAX_CHARS
    assert r.states == ["AZE", "ARM"]
