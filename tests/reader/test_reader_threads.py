"""Concurrent reads: 8 threads x 50 distinct texts give the same results as one thread."""

from concurrent.futures import ThreadPoolExecutor

from pactscope.reader import read_text

_TEMPLATES = [
    "On {d} September 2022 Azerbaijani forces attacked Armenia near Jermuk; Armenia asked the CSTO for help. Case {n}.",
    "Столкновения на кыргызско-таджикской границе у Баткена начались {d} сентября 2022 года. Заметка {n}.",
    "اندلعت اشتباكات على الحدود بين قيرغيزستان وطاجيكستان في {d} سبتمبر 2022 قرب باتكن. رقم {n}.",
    "Kazakhstan asked the CSTO for peacekeepers on {d} January 2022 during the unrest in Almaty. Item {n}.",
]


def _texts(count: int) -> list[str]:
    return [_TEMPLATES[i % 4].format(d=13 + i % 3, n=i) for i in range(count)]


def _summary(text: str) -> tuple:
    r = read_text(text)
    return tuple(r.states), tuple(link.id for link in r.linked), tuple(r.dates)


def test_eight_threads_fifty_texts_each_match_a_single_thread():
    texts = _texts(400)
    expected = [_summary(t) for t in texts[:8]]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(_summary, texts))
    assert len(set(texts)) == 400
    assert results[:8] == expected
    for i, result in enumerate(results):  # same template and day: same reading
        assert result == results[i % 12], texts[i]
    # the readings are the hand-checked ones, not merely consistent
    assert results[0][1] == ("arm-aze-2022-09",)
    assert results[1][1] == ("kgz-tjk-2022-09",)
    assert results[3][1] == ("kaz-2022-01-unrest",)
