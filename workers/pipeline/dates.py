"""Date expressions: find them in the text and resolve them against the publication date."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

from workers.pipeline.english import (
    AMBIGUOUS_MONTHS,
    COUNT_WORDS,
    IRREGULAR_VERBS,
    MONTHS,
    TENS,
    UNIT_DAYS,
    UNITS,
    WEEKDAYS,
)
from workers.pipeline.model import DateMention, DateWindow
from workers.pipeline.money import words_to_number

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_NUMWORD = "|".join(sorted((w for w in COUNT_WORDS if " " not in w), key=len, reverse=True))
_DIGITS = "|".join(w for w, n in UNITS.items() if 0 < n < 10)
_NUMWORD = rf"(?:{'|'.join(TENS)})[-\s](?:{_DIGITS})|{_NUMWORD}"  # "thirty-four" too
_PREP = "(?:" + "|".join(sorted((
    "in", "on", "since", "by", "until", "till", "through", "during", "from", "of", "before", "after", "last",
    "this", "next", "early", "late", "mid", "mid-", "earlier in", "later in", "in early", "in late", "in mid",
    "in mid-", "since early", "since late"), key=len, reverse=True)).replace(" ", r"\s+") + ")"
_START = r"(?:(?:on|since|by|until|from|before|after)\s+)?"
_ABBREVIATED = "jan|feb|mar|apr|jun|jul|aug|sep|ept|oct|nov|dec"  # how a month's abbreviation ends, three letters
# each for a lookbehind ("Sept." too): "as of Feb. 20" is a day, not "of Feb" then a number
_YEAR = r"(?:19|20)\d\d"

_UNITS = ("day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months", "year", "years")

# Every alternative below starts with one of these words (or a digit): checking that first lets the
# engine skip most positions at once instead of trying each alternative at every word.
_FIRST_WORDS = sorted({w.split()[0].rstrip("-") for w in (
    *MONTHS, *WEEKDAYS, *COUNT_WORDS, "a", "an", "several", "the", "in", "on", "since", "by", "until", "till",
    "through", "during", "from", "of", "before", "after", "last", "this", "past", "next", "early", "late",
    "mid", "earlier", "later", "recently", "yesterday", "today", "tomorrow", "tonight", "that", *_UNITS)},
    key=len, reverse=True)
_FIRST = r"(?=\d|(?:" + "|".join(_FIRST_WORDS) + r")\b|mid-)"

_PATTERN = re.compile(
    rf"""
    \b{_FIRST}(?:
    (?P<iso>\b{_START}(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)
  | (?P<num>\b{_START}(?P<na>[01]?\d|[23]\d)/(?P<nb>[0-3]?\d)/(?P<ny>(?:19|20)\d\d)\b)
  | (?P<mdy>\b{_START}(?P<m1>{_MONTH})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\b
        (?:,?\s+(?P<y1>{_YEAR})\b|\s+(?P<q1>last|this|next)\s+year\b)?)
  | (?P<dmy>\b{_START}(?:the\s+)?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\b\.?
        (?:,?\s+(?P<y2>{_YEAR})\b|\s+(?P<q2>last|this|next)\s+year\b)?)
  | (?P<my>\b(?:{_PREP}\s+)?(?P<m3>{_MONTH})\.?,?\s+(?P<y3>{_YEAR})\b)
  | (?P<ago>\b(?P<n>\d{{1,3}}|{_NUMWORD}|a|an|a\s+few|several|a\s+couple\s+of)
        \s+(?P<unit>day|week|fortnight|month|year)s?\s+ago\b(?P<today>\s+(?:today|this\s+week|this\s+month))?)
  | (?P<later>\b(?:(?P<ln>\d{{1,3}}|{_NUMWORD}|a|an|a\s+few|several|a\s+couple\s+of)\s+)?
        (?P<lu>day|week|fortnight|month|year)s?\s+later\b)
  | (?P<then>\b(?P<tq>later\s+that|that\s+same|the\s+same|the\s+next|the\s+following)\s+
        (?P<tu>day|week|month|year)\b(?!\s+(?:that|as|when)\b))
  | (?P<span>\b(?:the\s+)?(?:past|last)\s+(?P<sn>\d{{1,3}}|{_NUMWORD}|few|couple\s+of)\s+
        (?P<su>day|week|month|year)s\b|\bthe\s+past\s+(?P<su1>week|month|year)\b)
  | (?<!the\s)(?P<rel>\b(?P<rq>last|this|this\s+past|past|next|earlier\s+this|later\s+this|earlier\s+in\s+the
        |late\s+last|early\s+last|early\s+this|late\s+this)\s+(?P<ru>week|weekend|month|year)\b)
  | (?P<recent>\b(?:(?<!most\s)recently|in\s+recent\s+(?:days|weeks|months)|yesterday|today|tomorrow|tonight
        |last\s+night)\b)
  | (?P<wd>\b(?:(?P<wq>on|last|this|this\s+past|past|next|since|by|until)\s+)?(?P<w>{_WEEKDAY})\b)
  | (?P<mo>\b(?:(?P<mq>{_PREP})\s+)?(?P<m4>{_MONTH})\b(?!(?<={_ABBREVIATED})\.\s*[0-3]?\d\b)\.?(?!\s*[0-3]?\d\b)
        (?:\s+(?:of\s+)?(?P<my4>last|this|next|that|the\s+same)\s+year\b)?)
  | (?P<yr>\b(?:(?:{_PREP})\s+)?(?<!/)(?P<y5>(?:19|20)\d\d)\b(?!-[01]\d-|/\d))
    )""",
    re.VERBOSE,
)


def _month_window(year: int, month: int) -> DateWindow:
    last = calendar.monthrange(year, month)[1]
    return DateWindow(dt.date(year, month, 1), dt.date(year, month, last), "month")


def _year_window(year: int) -> DateWindow:
    return DateWindow(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _count(word: str) -> int | None:
    word = " ".join(word.split())
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    if word in ("a few", "several"):
        return 3
    if word == "a couple of":
        return 2
    return COUNT_WORDS.get(word) or words_to_number(word)  # "thirty-four"


FUTURE_DAYS = 45  # how far ahead of publication a month and day without a year may lie ("takes effect Feb. 20")


def _day_without_year(month: int, day: int, pub: dt.date, past: bool = False) -> dt.date | None:
    """The latest occurrence of month/day up to FUTURE_DAYS after publication: news looks back ("On Feb. 20, the
    State Department designated ..." in October is last February's), except for what is shortly to come; `past`
    (a timeline's line, "- Jan. 10: ...") allows nothing after publication."""
    options = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _safe_date(y, month, day))]
    horizon = pub if past else pub + dt.timedelta(days=FUTURE_DAYS)
    return max((d for d in options if d <= horizon), default=None)


def _weekday(target: int, qualifier: str, pub: dt.date) -> dt.date:
    back = (pub.weekday() - target) % 7
    if qualifier == "next":
        return pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)
    if qualifier in ("last", "past", "this past") and back == 0:
        back = 7
    return pub - dt.timedelta(days=back)


def _relative(q: str, unit: str, pub: dt.date) -> DateWindow:
    q = " ".join(q.split())
    if unit in ("week", "weekend"):
        monday = pub - dt.timedelta(days=pub.weekday())
        if q in ("last", "past", "this past", "late last", "early last"):
            monday -= dt.timedelta(days=7)
        elif q == "next":
            monday += dt.timedelta(days=7)
        start = monday + dt.timedelta(days=5) if unit == "weekend" else monday
        end = monday + dt.timedelta(days=6)
        if q.startswith("earlier"):  # "earlier this week": the days before publication, whatever the weekday
            start, end = min(start, pub - dt.timedelta(days=6)), pub
        return DateWindow(start, end, "week")
    if unit == "month":
        year, month = pub.year, pub.month
        if "last" in q or q == "past":
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        elif q == "next":
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        win = _month_window(year, month)
        if q.startswith("earlier"):
            return DateWindow(win.start, pub, "range")
        if q.startswith("later"):
            return DateWindow(pub, win.end, "range")
        return win
    year = pub.year - 1 if ("last" in q or q == "past") else pub.year + 1 if q == "next" else pub.year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if q.startswith("earlier"):
        return DateWindow(start, pub, "range")
    if q.startswith("later"):
        return DateWindow(pub, end, "range")
    if q.startswith("early"):
        return DateWindow(start, dt.date(year, 4, 30), "range")
    if q.startswith("late"):
        return DateWindow(dt.date(year, 9, 1), end, "range")
    return DateWindow(start, end, "year")


def _ago(n: int, unit: str, pub: dt.date) -> DateWindow:
    days = UNIT_DAYS[unit] * n
    slack = {"day": 1, "week": 3, "fortnight": 3, "month": 10, "year": 183}[unit] * max(1, n // 3 or 1)  # "five
    # years ago" of something five and a half years back: a year is rounded to the nearest
    center = pub - dt.timedelta(days=days)
    return DateWindow(center - dt.timedelta(days=slack), min(pub, center + dt.timedelta(days=slack)), "range")


def _resolve(m: re.Match[str], pub: dt.date | None, future: bool = False,
             timeline: bool = False) -> tuple[DateWindow | None, bool]:
    """Resolve one match; the bool says whether it is relative to the publication date. `future`: the clause
    looks ahead ("will receive their awards on Tuesday"), so a bare weekday is the next one."""
    g = m.group
    if g("iso"):
        d = _safe_date(int(g("iy")), int(g("im")), int(g("id")))
        return (DateWindow(d, d, "day") if d else None), False
    if g("num"):  # 08/07/2025: month first unless that cannot be (US usage), 25/07/2025 day first
        a, b, year = int(g("na")), int(g("nb")), int(g("ny"))
        d = _safe_date(year, a, b) or _safe_date(year, b, a)
        return (DateWindow(d, d, "day") if d else None), False
    if g("mdy") or g("dmy"):
        month = MONTHS[g("m1") or g("m2")]
        day = int(g("d1") or g("d2"))
        if year_text := g("y1") or g("y2"):
            d = _safe_date(int(year_text), month, day)
            return (DateWindow(d, d, "day") if d else None), False
        if pub is None:
            return None, True
        if q := g("q1") or g("q2"):  # "on 18 July last year"
            d = _safe_date(pub.year + {"last": -1, "this": 0, "next": 1}[q], month, day)
        else:
            d = _day_without_year(month, day, pub, past=timeline)
        return (DateWindow(d, d, "day") if d else None), True
    if g("my"):
        return _month_window(int(g("y3")), MONTHS[g("m3")]), False
    if g("yr"):
        year = int(g("y5"))
        return _year_window(year), False
    if g("later") or g("then"):
        return None, True  # resolved against the date before it (see `_after_previous`)
    if pub is None:
        return None, True
    if g("ago"):
        n = _count(g("n").lower())
        if n and g("today") and g("unit") == "year":  # "Thirty-four years ago today": that day, to the day
            then = _safe_date(pub.year - n, pub.month, pub.day) or _safe_date(pub.year - n, pub.month, pub.day - 1)
            if then is None:  # before year 1
                return None, True
            within = g("today").split()[-1]
            return (DateWindow(then, then, "day") if within == "today" else _relative("this", within, then)), True
        return (_ago(n, g("unit"), pub) if n else None), True
    if g("span"):  # "in the past three months", "over the past year": up to publication
        n = ({"few": 3, "couple of": 2}.get(" ".join(g("sn").split())) or _count(g("sn"))) if g("sn") else 1
        if n is None:
            return None, False
        unit = g("su") or g("su1")
        return DateWindow(pub - dt.timedelta(days=UNIT_DAYS[unit] * n), pub, "range"), True
    if g("rel"):
        return _relative(g("rq"), g("ru"), pub), True
    if g("recent"):
        word = " ".join(g("recent").split())
        if word in ("yesterday", "last night"):
            d = pub - dt.timedelta(days=1)
            return DateWindow(d, d, "day"), True
        if word in ("today", "tonight"):
            return DateWindow(pub, pub, "day"), True
        if word == "tomorrow":
            d = pub + dt.timedelta(days=1)
            return DateWindow(d, d, "day"), True
        days = {"in recent days": 14, "in recent weeks": 42, "in recent months": 180}.get(word, 90)
        return DateWindow(pub - dt.timedelta(days=days), pub, "range"), True
    if g("wd"):
        qualifier = " ".join((g("wq") or "").split())
        if future and qualifier in ("", "on"):
            d = pub + dt.timedelta(days=(WEEKDAYS[g("w")] - pub.weekday()) % 7)
            return DateWindow(d, d, "day"), True
        d = _weekday(WEEKDAYS[g("w")], qualifier, pub)
        return DateWindow(d, d, "day"), True
    month = MONTHS[g("m4")]
    if g("my4") in ("last", "this", "next"):  # "in April last year"
        return _month_window(pub.year + {"last": -1, "this": 0, "next": 1}[g("my4")], month), True
    qualifier = " ".join((g("mq") or "").split())
    if qualifier == "next":  # "next July": the first one after publication
        return _month_window(pub.year if month > pub.month else pub.year + 1, month), True
    if qualifier == "this":
        return _month_window(pub.year, month), True
    year = pub.year if month < pub.month or (month == pub.month and qualifier != "last") else pub.year - 1
    win = _month_window(year, month)
    if win.start <= pub <= win.end:
        win = DateWindow(win.start, pub, "month")
    return win, True


# A clause that looks ahead, up to the date after it ("will receive their awards ... on Tuesday")
_FUTURE_BEFORE = re.compile(r"\b(?:will|(?:is|are)\s+(?:due|scheduled|set|expected)\s+to)\b[^.;,]{0,60}$")


def _told_as_past(view: str, start: int, end: int) -> bool:
    """Does the stretch of the sentence a month and day stand in tell it in the past ("Biden declared a major
    disaster for Idalia on Aug. 31", "On Aug. 10, Biden declared ..."), with nothing ahead of the publication in it
    ("will", "is due to", "takes effect")? Then it is not one shortly to come."""
    floor, ceiling = max(0, start - STRETCH_REACH), min(len(view), end + STRETCH_REACH)
    stop = view.rfind(". ", floor, start)
    lo = max(floor, *(view.rfind(c, floor, start) + 1 for c in _STRETCH_ENDS), stop + 2 if stop >= 0 else floor)
    hi = _stretch_end(view, end, ceiling)
    if not view[lo:start].strip() and view[hi:hi + 1] == ",":  # "On Aug. 10, Biden declared ...": the next stretch
        hi = _stretch_end(view, hi + 1, ceiling)
    words = _WORD.findall(view, lo, hi)
    if not _AHEAD.isdisjoint(words):
        return False
    return any(w in _PAST_WORDS or (w in IRREGULAR_VERBS or w.endswith("ed") and len(w) > 3) and w not in _NOT_PAST
               and (k == 0 or words[k - 1] not in _BEFORE_PARTICIPLE) for k, w in enumerate(words))


def _stretch_end(view: str, pos: int, ceiling: int) -> int:
    """Where the stretch going on at `pos` ends: its next comma, semicolon, colon... or `ceiling`."""
    found = [k for k in (view.find(c, pos, ceiling) for c in _STRETCH_ENDS) if k >= 0]
    return min(found) if found else ceiling


STRETCH_REACH = 200  # characters either side of a date searched for the stretch it stands in
_STRETCH_ENDS = ",;:!?\n"  # (and ". " before the date only: after it, "Aug." and "U.S." hold one)
_WORD = re.compile(r"[a-z]+")
_AHEAD = frozenset({"will", "would", "shall", "due", "expected", "scheduled", "effective", "until", "upcoming",
                    "next", "plans", "planned", "intends", "takes", "take", "taking", "begins", "starts", "opens",
                    "closes", "comes", "goes", "is", "are", "tomorrow"})
_PAST_WORDS = frozenset({"was", "were", "had", "did"})
_NOT_PAST = frozenset({"needed", "proposed", "based", "armed", "united", "seed", "speed"})  # "-ed", no past
_BEFORE_PARTICIPLE = frozenset({"is", "are", "be", "been", "being", "will", "to", "get", "gets", "has", "have"})
_THAT_MONTH = re.compile(r"\b(?:that|(the\s+following|the\s+next))\s+$")  # "that December": the year told before
PREVIOUS_REACH = 600  # characters back within which "five days later" finds the date it counts from
_SLACK = {"day": 0, "week": 3, "fortnight": 3, "month": 10, "year": 120}  # around "five months later"
_FEW = {"a few": 6, "several": 9}  # the most units each may mean, from two
_VAGUE_LATER = {"day": (1, 10), "week": (7, 60), "fortnight": (14, 60), "month": (30, 365), "year": (365, 3650)}


def _after_previous(m: re.Match[str], prev: DateWindow) -> DateWindow | None:
    """A date counted from the one before it: "five days later", "weeks later", "later that month", "the next
    day", "the same day"."""
    g = m.group
    if g("later"):
        unit = g("lu")
        if g("ln") is None:  # "days later": some days
            lo, hi = _VAGUE_LATER[unit]
            return DateWindow(prev.start + dt.timedelta(days=lo), prev.end + dt.timedelta(days=hi), "range")
        said = " ".join(g("ln").lower().split())
        if said in _FEW:  # "a few months later", "several weeks later": two to six of them
            days = UNIT_DAYS[unit]
            return DateWindow(prev.start + dt.timedelta(days=2 * days - _SLACK[unit]),
                              prev.end + dt.timedelta(days=_FEW[said] * days + _SLACK[unit]), "range")
        n = _count(said)
        if not n:
            return None
        delta = dt.timedelta(days=UNIT_DAYS[unit] * n)
        slack = dt.timedelta(days=_SLACK[unit])
        return DateWindow(prev.start + delta - slack, prev.end + delta + slack, "range")
    unit, q = g("tu"), " ".join(g("tq").split())
    if q in ("the next", "the following"):
        if unit == "month":
            year, month = divmod(prev.start.month, 12)
            return _month_window(prev.start.year + year, month + 1)
        if unit == "year":
            return _year_window(prev.start.year + 1)
        days = UNIT_DAYS[unit]
        return DateWindow(prev.start + dt.timedelta(days=1), prev.end + dt.timedelta(days=days),
                          "day" if unit == "day" and prev.granularity == "day" else "range")
    if unit == "day":  # "that same day", "later that day"
        return prev
    if unit == "month":
        return _month_window(prev.start.year, prev.start.month)
    if unit == "year":
        return _year_window(prev.start.year)
    return DateWindow(prev.start, prev.end + dt.timedelta(days=7), "range")


def _line_heading(m: re.Match[str], text: str, start: int, groups: Sequence[str] = ()) -> bool:
    """Is the date the heading of its own line ("- May: Haiti's Viv Ansanm", "- Jan. 10: ..."), where even "May"
    is a month and a timeline looks back? `groups`: the match's groups that may open it (its start otherwise)."""
    start = next((m.start(g) for g in groups if m.group(g)), start)
    prefix = text[max(0, start - 4):start]
    line = prefix.rsplit("\n", 1)[-1]
    return text.startswith(":", m.end()) and (start <= 3 or "\n" in prefix) and line.strip() in ("", "-", "*", "\u2022")


def _plausible(m: re.Match[str], text: str) -> bool:
    """Reject month and weekday names that are ordinary words here ("march", "may")."""
    word_group = next((k for k in ("m1", "m2", "m3", "m4", "w") if m.group(k)), None)
    if word_group is None:
        return True
    start = m.start(word_group)
    if not text[start].isupper():
        return False
    name = m.group(word_group)
    if word_group == "m4" and name in AMBIGUOUS_MONTHS and not m.group("mq") and not _line_heading(m, text, start) and (
            not _THAT_MONTH.search(text[max(0, start - 16):start].lower())):  # "that March": a month after all
        return False
    return not (word_group == "m4" and len(name) <= 4 and name not in ("may", "june", "july"))


# Every date expression holds one of these: the full pattern runs only near them.
_ANCHOR = re.compile(r"\b(?:\d|(?:" + "|".join([*(m for m in MONTHS if len(m) == 3), *WEEKDAYS]) +
                     r")|(?:ago|recent|recently|yesterday|today|tomorrow|tonight|night|days?|weeks?|weekend"
                     r"|fortnights?|months?|years?)\b)")
_ABBREVIATED_MONTHS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
_LOOKBACK = 28  # characters of qualifiers that may precede an anchor ("earlier in the", "since late")
_LOOKAHEAD = 32  # characters a date expression may run past its anchor ("ruary 20th, 2025")


ANCHOR_WORDS = frozenset([*MONTHS, *WEEKDAYS, "ago", "recent", "recently", "yesterday", "today", "tomorrow", "tonight",
                          "night", "weekend", *_UNITS])


def anchors_of(words: Sequence[str], starts: Sequence[int]) -> list[tuple[int, int]]:
    """Anchor spans from a text's words: those starting with a digit (they sort before ":") or in ANCHOR_WORDS."""
    wanted = ANCHOR_WORDS.union(w for w in set(words) if w < ":")  # each distinct word tested once
    return [(starts[k], starts[k] + len(words[k]))
            for k in itertools.compress(range(len(words)), map(wanted.__contains__, words))]


def _after_thousands_comma(view: str, pos: int) -> bool:
    """Do the digits at `pos` follow a digit and a comma ("1,000")? No date starts inside a number."""
    return pos >= 2 and view[pos - 1] == "," and view[pos - 2].isdigit()


def _matches(view: str, anchors: Iterable[tuple[int, int]] | None = None) -> Iterator[re.Match[str]]:
    """What `_PATTERN.finditer(view)` finds, searching only around anchors (dates are sparse in a text); the digits
    after a thousands comma ("1,000") start no date, so they are not searched (a long number would cost a search
    per group)."""
    done = 0
    if anchors is None:
        anchors = (m.span() for m in _ANCHOR.finditer(view))
    for anchor_start, anchor_end in anchors:
        if anchor_start < done or _after_thousands_comma(view, anchor_start):
            continue
        pos, window_end = max(done, anchor_start - _LOOKBACK), anchor_end + _LOOKAHEAD
        while (m := _PATTERN.search(view, pos, window_end)) is not None:
            if m.end() + 12 >= window_end and window_end < len(view):
                # the cut may have shortened this match, made it, or kept an earlier one from matching ("late
                # march" fails before a cut "1" that "1st" would not): search again in a wider window
                window_end = min(len(view), window_end + _LOOKAHEAD)
                continue
            done = pos = m.end()
            yield m
            if m.end() > anchor_start:
                break


_YEAR_HEADING = re.compile(r"(?m)^[ \t]*((?:19|20)\d\d)[ \t]*:?[ \t]*$")


def _under_heading(m: re.Match[str], year: int) -> DateWindow | None:
    """A month and day, or a month, without a year of its own, read in a year told elsewhere: the heading's above
    it (and, for a month and day, a paragraph's; see `_in_year_of`)."""
    g = m.group
    if (g("mdy") or g("dmy")) and not (g("y1") or g("y2") or g("q1") or g("q2")):
        d = _safe_date(year, MONTHS[g("m1") or g("m2")], int(g("d1") or g("d2")))
        return DateWindow(d, d, "day") if d else None
    if g("mo") and not g("my4") and not (g("mq") or "").strip().startswith(("last", "this", "next")):
        return _month_window(year, MONTHS[g("m4")])
    return None


def _in_year_of(m: re.Match[str], before: DateWindow) -> DateWindow | None:
    """A month and day without a year or a qualifier of its own, read in the year of a day with its own year told
    just before it in the paragraph (or the next year, when it would otherwise come before that day)."""
    if not (m.group("mdy") or m.group("dmy")):
        return None  # (a month alone is looser: "on Jan. 30, 2024 ... In September, a court sentenced": this year's)
    window = _under_heading(m, before.start.year)
    if window is not None and window.start < before.start:
        window = _under_heading(m, before.start.year + 1)
    return window


def find_dates(view: str, text: str, published: dt.date | None,
               anchors: Iterable[tuple[int, int]] | None = None) -> Iterator[DateMention]:
    """Yield every date expression of `view` (the normalised text), resolved against `published`.
    `anchors` (see `anchors_of`) saves a scan when the text's words are already known."""
    previous: tuple[DateWindow, int, bool] | None = None  # the last resolved date, where it ends, and whether
    # it was read from the publication date
    previous_day = None  # the last one that names a day (or a few): what "five days later" counts from
    headings = [(h.start(), int(h.group(1))) for h in _YEAR_HEADING.finditer(text)]  # a timeline's "2016" lines
    heading_starts = [p for p, _ in headings]
    for m in _matches(view, anchors):
        if not _plausible(m, text):
            continue
        start, end = m.span()
        if view[end - 1] == "." and view[start:end - 1].rsplit(None, 1)[-1] not in _ABBREVIATED_MONTHS:
            end -= 1  # a full stop after "September" ends the sentence; after "Sept" it abbreviates
        if start > 0 and view[start - 1] in "$£€" or (end < len(view) and view[end:end + 1].isdigit()):
            continue
        if m.group("later") or m.group("then"):  # "five days later", "later that month": after the date before
            unit = m.group("lu") or m.group("tu")
            base = previous if unit in ("month", "year") else previous_day  # days count from a day, or from a
            if unit not in ("month", "year") and previous and previous[0].granularity == "month" and (
                    base is None or base[1] < previous[1]):  # month told since ("that December ..., six days later")
                base = previous
            if base is None or start - base[1] > PREVIOUS_REACH:
                continue
            window, relative = _after_previous(m, base[0]), True
        else:
            future = bool(m.group("wd")) and _FUTURE_BEFORE.search(view, max(0, start - 80), start) is not None
            timeline = bool(m.group("mdy") or m.group("dmy")) and _line_heading(m, text, start, ("m1", "d2"))
            window, relative = _resolve(m, published, future, timeline)
            if (window is not None and published is not None and window.start > published and relative
                    and (m.group("mdy") or m.group("dmy")) and _told_as_past(view, start, end)):
                window, relative = _resolve(m, published, future, True)  # "declared ... on Aug. 31": last one
            if (relative and window is not None and previous is not None and not previous[2]
                    and previous[0].granularity == "day" and "\n" not in view[previous[1]:start]
                    and (narrated := _in_year_of(m, previous[0]))):
                window = narrated  # "on Jan. 27, 2017 ... blocked it on Feb. 3": the year the paragraph tells
            if headings and (k := bisect.bisect_right(heading_starts, start)) and (
                    under := _under_heading(m, headings[k - 1][1])):
                window, relative = under, False  # "2016" then "- Sept. 26: ...": the heading's year
            if m.group("my4") not in (None, "last", "this", "next") and previous is not None and (
                    start - previous[1] <= PREVIOUS_REACH):  # "in June of the same year", "in May that year"
                window = _month_window(previous[0].start.year, MONTHS[m.group("m4").lower().rstrip(".")])
            if (m.group("mo") and not m.group("mq") and not m.group("my4") and previous is not None
                    and start - previous[1] <= PREVIOUS_REACH and (that := _THAT_MONTH.search(view, max(0, start - 16),
                                                                                              start))):
                month = MONTHS[m.group("m4").lower().rstrip(".")]  # "in June 2021 ... added X that December"
                year = previous[0].start.year + (bool(that.group(1)) and month <= previous[0].start.month)
                window, relative, start = _month_window(year, month), True, that.start()
        if window is not None:
            previous = (window, end, relative)
            if window.granularity in ("day", "range") and (window.end - window.start).days <= 7:
                previous_day = previous
        yield DateMention(start, end, text[start:end], window, relative, view.startswith("since", start))
