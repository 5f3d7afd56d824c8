"""Every ledger case has names in English, Russian and Arabic in `case_names.yaml`."""

from pactscope.reader import read_text
from pactscope.reader.evidence import load_evidence
from pactscope.reader.gazetteer import record_names


def test_every_case_has_names_in_three_languages_or_is_pending():
    names = record_names()
    pending = set(names.get("pending") or [])
    cases = set(load_evidence().cases)
    lacking = sorted(
        cid for cid in cases - pending
        if any(not (names["cases"].get(cid) or {}).get(lang) for lang in ("en", "ru", "ar"))
    )
    assert lacking == [], f"cases without names in all of en, ru, ar: {lacking}"


def test_names_point_at_ledger_records():
    names = record_names()
    ev = load_evidence()
    known = set(ev.cases) | {m.id for ms in ev.meetings.values() for m in ms}
    assert sorted(set(names["cases"]) - known) == []
    assert sorted(set(names["meetings"]) - known) == []


def test_colloquial_names_link_in_three_languages():
    assert [link.id for link in read_text("Bloody January changed Kazakhstan.").linked] == ["kaz-2022-01-unrest"]
    assert [link.id for link in read_text("«Кровавый январь» изменил Казахстан.").linked] == ["kaz-2022-01-unrest"]
    assert [link.id for link in read_text("غيّر يناير الدموي كازاخستان.").linked] == ["kaz-2022-01-unrest"]
    # a name alone settles the case; the Second Karabakh war has no date in the sentence
    r = read_text("Armenia lost the Second Karabakh War.")
    assert [link.id for link in r.linked] == ["arm-aze-2020-09-karabakh-war"]


def test_every_term_of_office_has_a_source_and_runs_forward():
    from pactscope.reader.gazetteer import _lexicon

    for person in _lexicon()["persons"]:
        for start, end in person.get("office") or []:
            assert person.get("source", "").startswith("https://"), person["id"]
            assert end is None or start < end, person["id"]
