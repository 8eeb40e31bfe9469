"""Amounts of money: "$50 million", "US$50m", "50 million dollars", "fifty million dollars"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from workers.pipeline.english import (
    BOUNDS,
    CURRENCY_ABBREVIATIONS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    HEDGES,
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS,
    UNITS,
)
from workers.pipeline.model import MoneyMention

_NUM = r"\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d+)?"
# (Indian grouping first: "5,00,000" is five lakh)
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")  # "500.000 euro", "1.000.000": dots that group thousands
_SCALE = r"million|billion|thousand|trillion|lakhs?|crores?|millones|mill[oó]n|mln|bln|mil|mn|bn|m|b|k"
_WORD = "|".join(sorted([*UNITS, *TENS, "hundred", "a"], key=len, reverse=True))
_WORDS = rf"(?:(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*)"
_CURWORD = "|".join(sorted((w.replace(" ", r"\s+") for w in CURRENCY_WORDS), key=len, reverse=True))
_CODES = "|".join(CURRENCY_CODES)
_CODES_BEFORE = "|".join([*CURRENCY_CODES, *(rf"{a}\.?" for a in CURRENCY_ABBREVIATIONS)])  # "Rs 15 lakh" too
_SYMBOLS = "".join(s for s in CURRENCY_SYMBOLS if len(s) == 1)
_HEDGE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))

# Symbol-led amounts ("$50 million", "€3.5bn"): a leading character class lets the regex engine skip to them.
_SYMBOL_PATTERN = re.compile(
    rf"(?P<sym>[{_SYMBOLS}])\s?(?P<n1>{_NUM})(?:[\s-]?(?P<s1>{_SCALE})\b)?(?:\s+(?:{_CURWORD})\b)?")
# Code- or word-led amounts ("USD 5 million", "50 million dollars"): run only when such a word is present.
_CODE_PATTERN = re.compile(
    rf"""\b(?P<sym>{_CODES_BEFORE})\s?(?P<n1>{_NUM})(?:[\s-]?(?P<s1>{_SCALE})\b)?
      | \b(?P<n2>{_NUM})[\s-]?(?P<s2>million|billion|thousand|trillion|lakhs?|crores?|millones|mill[oó]n|mn|bn|m)?
        (?:(?<=millones)\s+de|(?<=mill[oó]n)\s+de)?(?:\s+|-(?=[a-z]))
        (?:us\s+|u\.s\.\s+)?(?P<w2>{_CURWORD}|{_CODES})\b""",
    re.VERBOSE,
)
_US_PREFIX = re.compile(r"(?:\bus|\bu\.s\.)\s?$")
_DOLLAR_PREFIX = re.compile(r"\b(" + "|".join(sorted(DOLLAR_PREFIXES, key=len, reverse=True)) + r")$")
# Amounts in words ("fifty million dollars") are rare: this pattern runs only when a currency word is present.
_WORDS_PATTERN = re.compile(
    rf"\b(?P<words>{_WORDS})[\s-]+(?P<s3>million|billion|thousand|trillion)(?:\s+|-)(?:us\s+|u\.s\.\s+)?"
    rf"(?P<w3>{_CURWORD})\b"  # ("a million-yuan bounty")
)
_CURRENCY_WORD = re.compile(rf"\b(?:{_CURWORD}|{_CODES_BEFORE})\b")
# The last word of every currency word and code (its noun: "dollars" of "Canadian dollars"): a text whose words hold
# none of them needs only the symbol pattern
# (most articles have no currency word or code at all, and the word patterns try every word boundary).
_CURRENCY_TOKENS = frozenset(phrase.split()[-1] for phrase in (*CURRENCY_WORDS, *CURRENCY_CODES,
                                                                *CURRENCY_ABBREVIATIONS))  # the nouns
_HEDGE_BEFORE = re.compile(rf"\b(?P<hedge>{_HEDGE}|up\s+to)\s+$")
# What stands between an amount and its conversion into another currency: "11 million Swedish crowns (about $1.2
# million)", "£50,000 ($64,000)", "11 million crowns, or about $1.2 million"
_CONVERSION_GAP = re.compile(rf"\s*(?:\(|,|\u2014|-)?\s*(?:or\s+)?(?:(?:{_HEDGE}|the\s+equivalent\s+of)\s+)?")


def words_to_number(words: str) -> int | None:
    """Read "twenty-five", "one hundred and fifty", "a" as a whole number."""
    total = 0
    parts = [w for w in re.split(r"[\s-]+", words.strip()) if w not in ("and", "")]
    for k, word in enumerate(parts):
        if word == "a":  # "a million", "a hundred"; but "a ten million dollar bounty" is ten
            total += 1 if k + 1 == len(parts) or parts[k + 1] == "hundred" else 0
        elif word in UNITS:
            total += UNITS[word]
        elif word in TENS:
            total += TENS[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        else:
            return None
    return total


def _value(number: str, scale: str | None) -> float:
    """A number's value, its commas grouping thousands ("1,000,000"), or its dots when no scale follows ("500.000
    euro", "1.000.000"; "1.500 million" is a decimal)."""
    if not scale and _DOT_THOUSANDS.fullmatch(number):
        return float(number.replace(".", ""))
    return float(number.replace(",", ""))


def _scale(word: str | None) -> int:
    if not word:
        return 1
    return SCALES.get(word) or SCALE_ABBREVIATIONS.get(word, 1)


def find_money(view: str, text: str, words: Iterable[str] | None = None) -> Iterator[MoneyMention]:
    """Yield every amount of money in `view` (the normalised text), in text order; `words`, the view's word
    tokens when already known, spare a scan for currency words."""
    found = list(_SYMBOL_PATTERN.finditer(view))
    if (not _CURRENCY_TOKENS.isdisjoint(words)) if words is not None else _CURRENCY_WORD.search(view):
        taken = {m.start() for m in found}
        found += [m for m in _CODE_PATTERN.finditer(view) if m.start() not in taken]
        found += _WORDS_PATTERN.finditer(view)
        found.sort(key=lambda m: m.start())
    previous: tuple[int, str] | None = None  # the end and currency of the last amount
    for m in found:
        g: dict[str, str] = m.groupdict("")  # each pattern's own groups; "" where one took no part
        if number := g.get("n1"):
            scale = g["s1"]
            sym = re.sub(r"[\s.]", "", g["sym"])
            currency = CURRENCY_SYMBOLS.get(sym) or CURRENCY_ABBREVIATIONS.get(sym) or sym.upper()
            value = _value(number, scale)
        elif number := g.get("n2"):
            scale = g["s2"]
            word = " ".join(g["w2"].split())
            currency = CURRENCY_WORDS.get(word) or word.upper()
            value = _value(number, scale)
        else:
            n = words_to_number(g["words"])
            if n is None:
                continue
            scale, currency, value = g["s3"], CURRENCY_WORDS[" ".join(g["w3"].split())], float(n)
        if value > 1e15:
            continue
        start, end = m.start(), m.end()
        if g.get("sym") == "$" and (us := _US_PREFIX.search(view, max(0, start - 5), start)):
            start = us.start()  # "US$50m", "U.S. $50 million"
        elif g.get("sym") == "$" and (other := _DOLLAR_PREFIX.search(view, max(0, start - 3), start)):
            start, currency = other.start(), DOLLAR_PREFIXES[other.group(1)]  # "A$3.15 million", "C$1 million"
        while end > start and not view[end - 1].isalnum():
            end -= 1
        if previous and previous[1] != currency and _CONVERSION_GAP.fullmatch(view, previous[0], start):
            continue  # the amount before it, converted: not an amount of its own
        previous = (end, currency)
        hedge = _HEDGE_BEFORE.search(view, max(0, start - 25), start)
        bound = BOUNDS.get(" ".join(hedge.group("hedge").split())) if hedge else None
        yield MoneyMention(start, end, text[start:end], value * _scale(scale), currency, bound)
