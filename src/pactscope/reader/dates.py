"""Find dates, months, years and year ranges written in English, Russian or Arabic.

Works on folded text (see `normalize`): digits are ASCII, dashes are "-", Arabic
alef/ya/ta-marbuta variants are unified, ё is е.  Each hit keeps its span in the
folded text; the recogniser maps spans back to the original.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pactscope.reader.normalize import fold, lower_keeping_offsets
from pactscope.reader.relative import (
    SEASON,
    WEEKDAY,
    at_dateline,
    relative_patterns,
    resolve,
    season_span,
    weekday_date,
)

# Month name patterns per language, on folded lower-case text; group per month.
_EN_MONTHS = [
    r"january|jan\.?", r"february|feb\.?", r"march|mar\.?", r"april|apr\.?", r"may",
    r"june|jun\.?", r"july|jul\.?", r"august|aug\.?", r"september|sept\.?|sep\.?",
    r"october|oct\.?", r"november|nov\.?", r"december|dec\.?",
]
_RU_MONTHS = [
    r"январ[ьяе]", r"феврал[ьяе]", r"март[ае]?", r"апрел[ьяе]", r"ма[йяе]", r"июн[ьяе]",
    r"июл[ьяе]", r"август[ае]?", r"сентябр[ьяе]", r"октябр[ьяе]", r"ноябр[ьяе]", r"декабр[ьяе]",
]
# Levantine/Iraqi names first, then Egyptian/Gulf ones (folded spellings).
_AR_LEVANT = [
    r"كانون الثاني", r"شباط", r"اذار", r"نيسان", r"ايار", r"حزيران",
    r"تموز", r"اب", r"ايلول", r"تشرين الاول", r"تشرين الثاني", r"كانون الاول",
]
_AR_EGYPT = [
    r"يناير", r"فبراير", r"مارس", r"ابريل", r"مايو", r"يونيو|يونيه",
    r"يوليو|يوليه", r"اغسطس", r"سبتمبر", r"اكتوبر", r"نوفمبر", r"ديسمبر",
]

_MONTH_NAMES: list[tuple[re.Pattern[str], int]] = []
for _pats in (_EN_MONTHS, _RU_MONTHS, _AR_LEVANT, _AR_EGYPT):
    for _i, _p in enumerate(_pats):
        _MONTH_NAMES.append((re.compile(rf"(?:{_p})$"), _i + 1))

_AR_MONTH = "|".join(sorted({p for pats in (_AR_LEVANT, _AR_EGYPT) for q in pats for p in q.split("|")}, key=len, reverse=True))
_EN_MONTH = "|".join(sorted({p for q in _EN_MONTHS for p in q.split("|")}, key=len, reverse=True))
_RU_MONTH = "|".join(_RU_MONTHS)

# A month as written: English or Russian word, or Arabic (optionally "شهر", an attached
# و/ب/ل, and a second name after "/" or in brackets: "كانون الثاني/يناير").
_AR_ONE = rf"(?:[وف]?[بل]?)(?:{_AR_MONTH})(?![\w])"
_MONTH = (
    rf"(?P<month>(?<![\w])(?:{_EN_MONTH}|{_RU_MONTH})(?![\w])"
    rf"|(?<![\w])(?:شهر\s+)?{_AR_ONE}(?:\s*[/(]\s*{_AR_ONE}\s*\)?)?)"
)
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
_DAY = r"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?го|-?е)?"
_YEAR_WORD = r"(?:\s*(?:гг\.|г\.|годах|году|года|годы|год|г)(?![\w]))?"
_AR_YEAR_WORD = r"(?:(?:من\s+)?(?:عام|العام|سنه|لعام)\s+)?"

# A number followed by what it counts is not a year: "2000 troops", "2000 военнослужащих".
_NOT_COUNTED = (
    r"(?!\s+(?:troops|soldiers|servicemen|personnel|people|men|peacekeepers|военнослужащих|военных|"
    r"человек|солдат|миротворцев|جندي|عسكري|شخص|عنصر))"
)

# "14-17 September", "September 14 to 17", «с 14 по 17 сентября», «من 14 وحتى 16 سبتمبر»: days of one month.
_TO_DAY = r"\s*(?:-|to|through|until|and|по|до|и|[وف]?(?:حتي|الي)|و)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th|-?го|-?е)?"
_DM_RANGE = rf"{_DAY}{_TO_DAY}\s+{_MONTH}"
_MD_RANGE = rf"(?<![\w])(?P<month>{_EN_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?{_TO_DAY}(?![\d\w])"

def _source(pattern: str, flags: int = 0) -> tuple[str, int]:
    return pattern, flags


_PATTERNS: list[tuple[str, tuple[str, int]]] = [  # (kind, (pattern, flags)), compiled in _SCAN
    ("dmy-range", _source(rf"{_DM_RANGE}[\s,]+(?:of\s+)?{_AR_YEAR_WORD}{_YEAR}{_YEAR_WORD}", re.I)),
    ("mdy-range", _source(rf"{_MD_RANGE},?\s+{_YEAR}", re.I)),
    ("iso", _source(r"(?<!\d)(?P<year>(?:1[89]|20)\d\d)-(?P<mon>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)")),
    ("dotted", _source(rf"(?<![\d.])(?P<day>[0-3]?\d)[./](?P<mon>[01]?\d)[./]{_YEAR}{_YEAR_WORD}")),
    ("dmy", _source(rf"{_DAY}\s+{_MONTH}[\s,]+(?:of\s+)?{_AR_YEAR_WORD}{_YEAR}{_YEAR_WORD}", re.I)),
    ("mdy", _source(rf"(?<![\w])(?P<month>{_EN_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d),?\s+{_YEAR}", re.I)),
    ("my", _source(rf"{_MONTH}[\s,]+(?:of\s+)?{_AR_YEAR_WORD}{_YEAR}{_YEAR_WORD}", re.I)),
    ("season", _source(rf"{SEASON}{_YEAR}{_YEAR_WORD}", re.I)),
    ("range", _source(
        r"(?<![\w])(?:between|между|بين)\s+(?:(?:عامي|العامين|سنتي)\s+)?"
        rf"(?P<y1>(?:1[89]|20)\d\d){_YEAR_WORD}\s*(?:and|и|و)\s*(?:(?:عام|سنه)\s+)?"
        rf"(?P<y2>(?:1[89]|20)\d\d)(?!\d){_YEAR_WORD}", re.I)),
    ("range", _source(
        r"(?:(?<![\w])(?:from|с|со|من)\s+(?:(?:عام|سنه)\s+)?)?"
        rf"(?<![\d.,/-])(?P<y1>(?:1[89]|20)\d\d){_YEAR_WORD}"
        r"\s*(?:-|to|по|до|الي|حتي)\s*(?:(?:عام|سنه)\s+)?"
        rf"(?P<y2>(?:1[89]|20)\d\d)(?!\d){_YEAR_WORD}", re.I)),
    ("decade", _source(r"(?<![\d\w])(?P<year>(?:19|20)\d0)(?:-?(?:х|е|ых|ые|ми|м)|'?s)(?![\w])", re.I)),
    ("dm-range", _source(_DM_RANGE, re.I)),
    ("md-range", _source(_MD_RANGE, re.I)),
    ("dm", _source(rf"{_DAY}\s+{_MONTH}", re.I)),
    ("md", _source(rf"(?<![\w])(?P<month>{_EN_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d\w])", re.I)),
    ("mo", _source(rf"(?<![\w])(?:in|since|until|by|early|late|mid-?|events\s+of|(?:the\s+)?(?:end|beginning|start|middle)\s+of|"
                      rf"в|во|с|к|до|событи[яй]|(?:в|с|до|к)\s+(?:начал[еау]|конц[еау]|середин[еыу])|"
                      rf"[وف]?(?:في|منذ|خلال|حتي|[بل]?احداث)|[وف]?(?:في\s+|منذ\s+)?(?:اوائل|اواخر|منتصف|مطلع|بدايه|نهايه))"
                      rf"\s+(?:شهر\s+)?{_MONTH}"
                      r"(?!\s+(?:прошлого|прошедшего|этого|текущего|следующего|of\s+last|last|next|this|من|الماضي|المنصرم|الفائت|المقبل))", re.I)),
    ("year", _source(rf"(?<![\d\w.,/-]){_YEAR}{_YEAR_WORD}(?![\w]){_NOT_COUNTED}", re.I)),
    ("year", _source(rf"(?<![\d.,/-])(?<=[وب]){_YEAR}(?![\w])")),  # Arabic "و2022", "ب2022"
]


_YEARLESS_KINDS = ("dm-range", "md-range", "dm", "md", "mo")  # need a year from elsewhere
_RELATIVE = relative_patterns(_EN_MONTH, _RU_MONTH, _AR_MONTH)


# Case-insensitive patterns run, much faster, as case-sensitive ones on lower-cased text; a few
# run only when the lower-cased text holds one of the words they need.
_NEEDS = {
    "season": ("spring", "summer", "autumn", "fall", "winter", "весн", "лет", "осен", "зим", "ربيع", "صيف", "خريف", "شتا"),
    "between": ("between", "между", "بين"),
}
_SCAN = [(kind, re.compile(pattern, flags & ~re.I), bool(flags & re.I),
          _NEEDS["between"] if pattern.startswith(r"(?<![\w])(?:between") else _NEEDS.get(kind, ()))
         for kind, (pattern, flags) in _PATTERNS]


def _written(m: re.Match[str], source: str, group: str) -> str:
    """A group of a match on the lower-cased text, as written in `source`."""
    return source[m.start(group):m.end(group)]


@dataclass(frozen=True)
class DateHit:
    """A date in the text: `value` is ISO (YYYY-MM-DD, YYYY-MM, YYYY or YYYY/YYYY)."""

    start: int
    end: int
    value: str
    precision: str  # day | month | year | range | monthday | monthonly (no year known)
    first: dt.date  # earliest day the expression covers
    last: dt.date  # latest day it covers


@lru_cache(maxsize=4096)
def month_number(word: str) -> int | None:
    """The month a (folded) month word names, in any of the three languages."""
    w = word.strip().lower().rstrip(".")
    w = re.sub(r"^شهر\s+", "", w)
    if "/" in w or "(" in w:  # double Arabic form: both names must agree; take the first
        w = re.split(r"\s*[/(]\s*", w)[0]
    for pat, num in _MONTH_NAMES:
        if pat.match(w) or pat.match(w + "."):
            return num
    stripped = re.sub(r"^[وف]?[بل]?", "", w)
    for pat, num in _MONTH_NAMES:
        if pat.match(stripped):
            return num
    return None


def _month_from(m: re.Match[str]) -> int | None:
    text = m.group("month")
    parts = [p for p in re.split(r"\s*[/()]\s*", text.strip()) if p]
    nums = {month_number(p) for p in parts}
    if None in nums or len(nums) != 1:
        return None
    return nums.pop()


def _build(kind: str, m: re.Match[str], default_year: int | None, source: str | None = None) -> DateHit | None:
    """The date of a match (`source`: the text as written, when `m` ran on its lower-cased copy)."""
    g = m.groupdict()
    try:
        if kind == "range":
            y1, y2 = int(g["y1"]), int(g["y2"])
            if not y1 < y2 <= y1 + 50:
                return None
            return DateHit(m.start(), m.end(), f"{y1}/{y2}", "range", dt.date(y1, 1, 1), dt.date(y2, 12, 31))
        if kind == "decade":  # "the 1990s", "в начале 1990-х": ten years
            y = int(g["year"])
            return DateHit(m.start(), m.end(), f"{y}/{y + 9}", "range", dt.date(y, 1, 1), dt.date(y + 9, 12, 31))
        if kind == "season":
            y = int(g["year"])
            span = season_span(g["season"], y)
            if span is None:
                return None
            return DateHit(m.start(), m.end(), str(y), "year", *span)
        if kind == "year":
            y = int(g["year"])
            return DateHit(m.start(), m.end(), str(y), "year", dt.date(y, 1, 1), dt.date(y, 12, 31))
        if g.get("mon"):
            month, day_text = int(g["mon"]), g["day"]
            if kind == "dotted" and month > 12 and int(day_text) <= 12:  # month/day/year
                month, day_text = int(day_text), g["mon"]
            g = {**g, "day": day_text}
        else:
            month = _month_from(m)
            written = _written(m, source, "month") if source is not None else g["month"]
            if month is None or (written[:1].isascii() and written[:1].islower() and kind in _YEARLESS_KINDS):
                return None
        year = int(g["year"]) if g.get("year") else default_year
        if year is None:
            return None
        if g.get("day2"):  # days of one month: at most a fortnight
            first, last = dt.date(year, month, int(g["day"])), dt.date(year, month, int(g["day2"]))
            if not first < last <= first + dt.timedelta(days=14):
                return None
            return DateHit(m.start(), m.end(), f"{first.isoformat()}/{last.isoformat()}", "day", first, last)
        if g.get("day"):
            day = dt.date(year, month, int(g["day"]))
            return DateHit(m.start(), m.end(), day.isoformat(), "day", day, day)
        last = calendar.monthrange(year, month)[1]
        return DateHit(m.start(), m.end(), f"{year:04d}-{month:02d}", "month",
                       dt.date(year, month, 1), dt.date(year, month, last))
    except ValueError:  # 31 February and the like
        return None


def find_dates(folded: str, anchor: dt.date | None = None) -> list[DateHit]:
    """All date expressions in folded text, longest first where they overlap, in order.

    `anchor` is the article's own date.  A day and month without a year take the year of a
    full date written shortly before them (the same passage), else the anchor's year (the
    year before, when the day would fall more than a month after the anchor); with neither
    they stay month-day evidence (`--MM-DD`, precision `monthday`).
    """
    given = anchor  # weekdays are read only against a date the page itself gives
    taken = [False] * len(folded)
    hits: list[DateHit] = []
    pending: list[tuple[str, re.Match[str]]] = []
    low = lower_keeping_offsets(folded)
    for kind, pat, lower, needs in _SCAN:
        if needs and not any(word in low for word in needs):
            continue
        for m in pat.finditer(low if lower else folded):
            if any(taken[m.start():m.end()]):
                continue
            if "day2" in m.re.groupindex and not 0 < int(m.group("day2")) - int(m.group("day")) <= 14:
                continue  # not days of one event: the single dates are read instead
            if kind in _YEARLESS_KINDS:  # needs a year from elsewhere
                pending.append((kind, m))
                for i in range(m.start(), m.end()):
                    taken[i] = True
                continue
            hit = _build(kind, m, None, folded)
            if hit is None:
                continue
            hits.append(hit)
            for i in range(m.start(), m.end()):
                taken[i] = True
    if anchor is None:
        anchor = next((h.first for h in sorted(hits, key=lambda h: h.start)
                       if h.precision == "day" and at_dateline(folded, h.start)), None)
    full = sorted((h for h in hits if h.precision in ("day", "month")), key=lambda h: h.start)
    years = sorted((h for h in hits if h.precision != "range"), key=lambda h: h.start)
    pending.sort(key=lambda t: -t[1].start())  # last first: "January and May 2014" reads May's year first
    for kind, m in pending:
        hit = _yearless(kind, m, full, anchor, folded, years)
        if hit is not None:
            hits.append(hit)
            if hit.precision in ("day", "month"):
                bisect.insort(full, hit, key=lambda h: h.start)
    hits.extend(_relative(low, hits, taken, anchor))
    if given is not None:
        hits.extend(_weekdays(low, taken, given))
    return sorted(hits, key=lambda h: h.start)


PASSAGE = 300  # characters before a year-less date in which a full date lends its year


_JOINED = re.compile(r"\s*(?:,|and|or|и|или|و|او)\s*(?:(?:the\s+)?events\s+of|событи[яй]|[بل]?احداث)?\s*", re.I)


def _yearless(kind: str, m: re.Match[str], full: list[DateHit], anchor: dt.date | None,
              folded: str = "", years: list[DateHit] = ()) -> DateHit | None:
    """A day and month, or a month, without a year: see `find_dates` for where the year comes from."""
    month_text = _written(m, folded, "month") if "month" in m.groupdict() else ""
    if month_text[:1].isascii() and month_text[:1].islower():
        return None  # "may", "march": English month names are capitalised
    built = "dm" if kind == "mo" else kind

    def make(year: int) -> DateHit | None:
        return _month_only(m, year) if kind == "mo" else _build(built, m, year, folded)

    probe = make(2000)  # 2000: a leap year
    if probe is None:
        return None
    # "in January and May 2014": a month joined to a dated one shares its year
    lo = bisect.bisect_left(full, m.start() - PASSAGE - 200, key=lambda h: h.start)
    hi = bisect.bisect_right(full, m.end() + 20, key=lambda h: h.start)
    window = full[lo:hi]  # the dates near this one (cost stays linear in the text)
    joined = next((h for h in window if 0 <= h.start - m.end() <= 12 and _JOINED.fullmatch(folded[m.end():h.start])), None)
    # a full date of the same month just before ("in January 2022 ... on 5 January")
    near = [h for h in window if h.end <= m.start() and m.start() - h.end <= PASSAGE]
    same = [h for h in near if h.first.month == probe.first.month]
    if joined is not None:
        return make(joined.first.year)
    if same:
        return make(same[-1].first.year)
    if anchor is not None:
        this = make(anchor.year)
        if this is None:
            return None
        return make(anchor.year - 1) if this.first > anchor + dt.timedelta(days=31) else this
    if near:
        return make(near[-1].first.year)
    at = bisect.bisect_left(years, m.end(), key=lambda h: h.start)
    later = next((h for h in years[at:at + 3] if 0 <= h.start - m.end() <= 120
                  and not re.search(r"[.!?\n]", folded[m.end():h.start])), None)
    if later is not None:  # "On 28 May the ministers met in Bishkek in 2025"
        return make(later.first.year)
    if probe.precision == "day":
        value = f"--{probe.first:%m-%d}" + (f"/--{probe.last:%m-%d}" if probe.last != probe.first else "")
        return DateHit(probe.start, probe.end, value, "monthday", probe.first, probe.last)
    return DateHit(probe.start, probe.end, f"--{probe.first:%m}", "monthonly", probe.first, probe.last)


def _month_only(m: re.Match[str], year: int) -> DateHit | None:
    month = _month_from(m)
    if month is None:
        return None
    start = m.start("month")
    last = calendar.monthrange(year, month)[1]
    return DateHit(start, m.end(), f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1),
                   dt.date(year, month, last))


def _relative(low: str, hits: list[DateHit], taken: list[bool], anchor: dt.date | None) -> list[DateHit]:
    """Relative expressions ("last year", "أيلول الماضي", "сегодня") in the lower-cased text,
    resolved against the anchor."""
    out = []
    for kind, pat, needs in _RELATIVE:  # written for lower-cased text
        if anchor is None and kind not in ("named-last", "named-this", "named-last-year"):
            continue  # without the article's date only the month of "last September" is known
        if not any(word in low for word in needs):
            continue
        for m in pat.finditer(low):
            if any(taken[m.start():m.end()]):
                continue
            month = _month_from(m) if "month" in pat.groupindex else None
            if "month" in pat.groupindex and month is None:
                continue
            if anchor is None:
                first, last = dt.date(2000, month, 1), dt.date(2000, month, calendar.monthrange(2000, month)[1])
                value, precision = f"--{month:02d}", "monthonly"
            else:
                found = resolve(kind, month, anchor)
                if found is None:
                    continue
                value, first, last = found
                precision = {10: "day", 7: "month"}.get(len(value), "year")
            out.append(DateHit(m.start(), m.end(), value, precision, first, last))
            for i in range(m.start(), m.end()):
                taken[i] = True
    return out


def _weekdays(low: str, taken: list[bool], anchor: dt.date) -> list[DateHit]:
    """Weekdays ("on Thursday", «в четверг», «يوم الخميس») as days near the article's date."""
    out = []
    for m in WEEKDAY.finditer(low):
        if any(taken[m.start():m.end()]) or _beside_a_date(low, taken, m.start(), m.end()):
            continue  # "Friday 28 February", "28 فبراير، الجمعة": the weekday belongs to that date
        day = weekday_date(m, low, anchor)
        out.append(DateHit(m.start(), m.end(), day.isoformat(), "day", day, day))
    return out


def _beside_a_date(low: str, taken: list[bool], start: int, end: int) -> bool:
    after = end
    while after < len(low) and low[after] in " ,،\u00a0":
        after += 1
    before = start - 1
    while before >= 0 and low[before] in " ,،\u00a0":
        before -= 1
    return (after < len(low) and after - end <= 3 and taken[after]) or (before >= 0 and start - before <= 4 and taken[before])


def parse_date(text: str) -> DateHit | None:
    """Parse a single date expression (any language); None if it is not one whole date."""
    folded = fold(text).strip()
    hits = find_dates(folded)
    if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(folded):
        return hits[0]
    return None
