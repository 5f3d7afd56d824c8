"""Seasons and dates written relative to the text's own date.

"last September", "this month", "в сентябре прошлого года", "в прошлом году",
"أيلول الماضي", "العام الماضي" are resolved against an anchor: the first full date
(day, month and year) near the top of the text, where a dateline or "Published ..."
line puts it.  Without such a date nothing relative is read.
Seasons ("летом 2021 года", "autumn 2020", "خريف 2020") keep the year as their value but
cover only the season's months.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

ANCHOR_WINDOW = 400  # characters from the top of the text in which a dateline date is looked for
DATELINE_COLUMN = 80  # ... early in its line, or on a short line: not a date deep in the first paragraph
DATELINE_WORDS = 15


def at_dateline(text: str, start: int) -> bool:
    """A date at ``start`` stands where a dateline would: near the top, early in a line or on a short one
    ("Moscow, 14 September (TASS) -" but not "... the treaty signed on 15 May 1992" in the lead)."""
    if start >= ANCHOR_WINDOW:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return start - line_start <= DATELINE_COLUMN or len(line.split()) <= DATELINE_WORDS

_SEASONS = {
    "spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12,
    "весн": 3, "лет": 6, "осен": 9, "зим": 12,
    "ربيع": 3, "صيف": 6, "خريف": 9, "شتاء": 12, "شتا": 12,
}
SEASON = (
    r"(?<![\w])(?P<season>spring|summer|autumn|fall|winter|"
    r"(?:весн|лет|осен|зим)(?:ой|ом|ою|ью|а|о|ь|е|у)?|"
    r"(?:[وف]?[بل]?(?:ال)?)(?:ربيع|صيف|خريف|شتاء|شتا))"
    r"(?:\s+of)?\s+(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?"
)


def season_span(word: str, year: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of a season word in a year (winter: December before to February)."""
    w = word.lower()
    start = next((m for stem, m in _SEASONS.items() if stem in w), None)
    if start is None:
        return None
    if start == 12:
        return dt.date(year - 1, 12, 1), dt.date(year, 2, calendar.monthrange(year, 2)[1])
    end = start + 2
    return dt.date(year, start, 1), dt.date(year, end, calendar.monthrange(year, end)[1])


# Words that mark the past or present in the relative expressions below, folded and lower-cased.
_LAST_AR = ("الماضي", "المنصرم", "الفائت")
_THIS = ("this", "этом", "هذا", "الجاري")


# Relative expressions: (what it names, pattern, words one of which it needs). Month words come from the caller.
def relative_patterns(en_month: str, ru_month: str, ar_month: str) -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    """Compiled patterns for relative expressions in lower-cased text, each tagged last-month-name,
    month-last-year, ..., with the words one of which a text must hold for the pattern to match."""
    ar_one = rf"(?:[وف]?[بل]?)(?:{ar_month})"
    return [
        ("named-last-year", re.compile(
            rf"(?<![\w])(?P<month>{ru_month})\s+(?:прошлого|прошедшего)\s+года"), ("прош",)),
        ("named-last-year", re.compile(
            rf"(?<![\w])(?P<month>{en_month})\s+(?:of\s+)?last\s+year"), ("last",)),
        ("named-last-year", re.compile(
            rf"(?<![\w])(?:شهر\s+)?(?P<month>{ar_one}(?:\s*[/(]\s*{ar_one}\s*\)?)?)\s+من\s+(?:العام|السنه)\s+"
            r"(?:الماضي|المنصرم|الفائت)"), _LAST_AR),
        ("named-last", re.compile(rf"(?<![\w])(?:last|past)\s+(?P<month>{en_month})(?![\w])"), ("last", "past")),
        ("named-last", re.compile(
            rf"(?<![\w])(?:شهر\s+)?(?P<month>{ar_one}(?:\s*[/(]\s*{ar_one}\s*\)?)?)\s+(?:الماضي|المنصرم|الفائت)"),
         _LAST_AR),
        ("named-this", re.compile(rf"(?<![\w])this\s+(?P<month>{en_month})(?![\w])"), ("this",)),
        ("named-this", re.compile(  # "in September this year", «в сентябре этого года», «في سبتمبر من هذا العام»
            rf"(?<![\w])(?P<month>{en_month})\s+(?:of\s+)?(?:this|the\s+current)\s+year(?![\w])"), ("this", "current")),
        ("named-this", re.compile(
            rf"(?<![\w])(?P<month>{ru_month})\s+(?:этого|текущего|нынешнего|сего)\s+года(?![\w])"),
         ("этого", "текущего", "нынешнего", "сего")),
        ("named-this", re.compile(
            rf"(?<![\w])(?:شهر\s+)?(?P<month>{ar_one}(?:\s*[/(]\s*{ar_one}\s*\)?)?)\s+من\s+"
            r"(?:هذا\s+العام|العام\s+(?:الجاري|الحالي)|السنه\s+(?:الجاريه|الحاليه))(?![\w])"), ("الجاري", "هذا", "الحالي", "الجاريه", "الحاليه")),
        ("year-last", re.compile(
            r"(?<![\w])(?:last\s+year|в\s+прошлом\s+году|прошлого\s+года|[وف]?(?:في\s+)?(?:العام|السنه)\s+"
            r"(?:الماضي|المنصرم|الفائت)|(?:في\s+)?عام\s+مضي)(?![\w])"), ("last", "прошл", "مضي", *_LAST_AR)),
        ("year-this", re.compile(
            r"(?<![\w])(?:this\s+year|в\s+этом\s+году|[وف]?(?:في\s+)?(?:هذا\s+العام|العام\s+الجاري|السنه\s+الجاريه))"
            r"(?![\w])"), _THIS),
        ("month-last", re.compile(
            r"(?<![\w])(?:last\s+month|в\s+прошлом\s+месяце|[وف]?(?:في\s+)?الشهر\s+(?:الماضي|المنصرم|الفائت))(?![\w])",
            ), ("last", "прошлом", *_LAST_AR)),
        ("day-this", re.compile(
            r"(?<![\w])(?:today|сегодня|(?<!روسيا )(?<!روسيا)[وف]?اليوم)(?![\w])"), ("today", "сегодня", "اليوم")),
        ("day-last", re.compile(r"(?<![\w])(?:yesterday|вчера|[وف]?(?:امس|البارحه))(?![\w])"),
         ("yesterday", "вчера", "امس", "البارحه")),
        ("month-this", re.compile(
            r"(?<![\w])(?:this\s+month|earlier\s+this\s+month|в\s+этом\s+месяце|(?:في\s+)?(?:هذا\s+الشهر|الشهر\s+الجاري))"
            r"(?![\w])"), _THIS),
    ]


# Weekdays, folded and lower-cased: English, Russian (accusative, after в/во/на), Arabic (with the
# article; the two that are also common words, "the one" and "the two", only after يوم).
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5, "воскресенье": 6,
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
}
WEEKDAY = re.compile(
    r"(?<![\w])(?:(?P<last>last|past)\s+|(?P<next>next|this\s+coming)\s+)?"
    r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\w])"
    r"|(?<![\w])(?:в|во|на)\s+(?:(?P<last_ru>прошл[а-я]*)\s+|(?P<next_ru>следующ[а-я]*|ближайш[а-я]*)\s+)?"
    r"(?P<wd_ru>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?![\w])"
    r"|(?<![\w])(?:(?:[وف]?(?:يوم|ليوم|في)\s+)(?P<wd_ar2>الاثنين|الاحد)|[وف]?(?:يوم\s+|ليوم\s+)?"
    r"(?P<wd_ar>الثلاثاء|الاربعاء|الخميس|الجمعه|السبت))(?![\w])"
    r"(?:\s+(?P<last_ar>الماضي|المنصرم|الفائت)|\s+(?P<next_ar>المقبل|القادم))?"
)
# A weekday in a sentence with one of these is ahead of the article's date.
_FUTURE = re.compile(
    r"(?<![\w])(?:will|shall|to be held|is due|are due|scheduled|upcoming|is to|are to|is set to|are set to|"
    r"будет|будут|состоится|состоятся|пройдет|пройдут|соберутся|встретятся|проведут|проведет|обсудят|"
    r"посетит|прибудет|предстоящ[а-я]*|планиру[а-я]*|намерен[а-я]*|"
    r"سوف|سيعقد|ستعقد|سيجري|ستجري|سيلتقي|سيجتمع|سيزور|سيشارك|ستشارك|سيصل|المقرر|المرتقب)(?![\w])"
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def weekday_date(m: re.Match[str], low: str, anchor: dt.date) -> dt.date:
    """The day a weekday names, seen from the article's date: the latest such day up to it, the
    one before it after "last", the next one after "next" or in a sentence about the future."""
    g = m.groupdict()
    wd = _WEEKDAYS[g["wd"] or g["wd_ru"] or g["wd_ar"] or g["wd_ar2"]]
    back = (anchor.weekday() - wd) % 7
    if g["last"] or g["last_ru"] or g["last_ar"]:
        return anchor - dt.timedelta(days=back or 7)
    start = max((e.end() for e in _SENTENCE_END.finditer(low, max(0, m.start() - 300), m.start())), default=0)
    end_m = _SENTENCE_END.search(low, m.end())
    sentence = low[start:end_m.start() if end_m else len(low)]
    if g["next"] or g["next_ru"] or g["next_ar"] or _FUTURE.search(sentence):
        return anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7 or (7 if (g["next"] or g["next_ru"] or g["next_ar"]) else 0))
    return anchor - dt.timedelta(days=back)


def _month(year: int, month: int) -> tuple[str, dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}", dt.date(year, month, 1), dt.date(year, month, last)


def _year(year: int) -> tuple[str, dt.date, dt.date]:
    return str(year), dt.date(year, 1, 1), dt.date(year, 12, 31)


def resolve(kind: str, month: int | None, anchor: dt.date) -> tuple[str, dt.date, dt.date] | None:
    """Value, first and last day of a relative expression seen from `anchor`."""
    if kind == "named-last-year" and month:
        return _month(anchor.year - 1, month)
    if kind == "named-last" and month:  # the latest such month before the anchor's month
        return _month(anchor.year if month < anchor.month else anchor.year - 1, month)
    if kind == "named-this" and month:
        return _month(anchor.year, month)
    if kind == "year-last":
        return _year(anchor.year - 1)
    if kind == "year-this":
        return _year(anchor.year)
    if kind == "month-last":
        return _month(anchor.year - (anchor.month == 1), (anchor.month - 2) % 12 + 1)
    if kind == "day-this":
        return anchor.isoformat(), anchor, anchor
    if kind == "day-last":
        day = anchor - dt.timedelta(days=1)
        return day.isoformat(), day, day
    if kind == "month-this":
        return _month(anchor.year, anchor.month)
    return None
