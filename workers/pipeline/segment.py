"""Paragraphs, sentences and clauses, as character spans of the text."""

from __future__ import annotations

import bisect
import itertools
import re

from workers.pipeline.english import ABBREVIATIONS, CLAUSE_OPENERS
from workers.pipeline.model import Sentence

_BULLET = re.compile(r"\s*(?:[-*\u2022\u00b7\u25aa\u25cf]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
# A run of end marks, then closing quotes, then space and a capital: the leading character class lets the regex
# engine skip straight to candidates; the lookbehind keeps it from restarting inside a run ("....").
_END = re.compile("[.!?](?<![.!?][.!?])[.!?]*+[\"'\u201d\u2019)\\]]*+(?=\\s+[\"'\u201c\u2018(\\[]?[A-Z0-9])")
# Clause breaks: a semicolon, a comma before a connective, or a bare "while"/"whereas". Two searches: one
# pattern with a whitespace branch would stop at every space; these stop only at ";", "," and "wh".
_CLAUSE = re.compile(r";|,\s+(?:" + "|".join(CLAUSE_OPENERS) + r")\b")
_BARE_CLAUSE = re.compile(r"wh(?:ile|ereas)\s")
_WORD_BEFORE = re.compile(r"(?<![0-9])([A-Za-z.]+)\.$")  # not the "s" of "1990s."
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "a.m"
_LIST_NUMBER = re.compile(r"\s*\(?\d{1,2}")  # "1." or "(2." opening a paragraph


def _is_abbreviation(text: str, dot: int, para_start: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or a list marker, not a sentence."""
    m = _WORD_BEFORE.search(text, max(para_start, dot - 12), dot + 1)
    if m:
        word = m.group(1).lower()
        if word in ABBREVIATIONS or len(word) == 1 or _INITIALS.fullmatch(word):
            return True
    return dot - para_start <= 16 and bool(_LIST_NUMBER.fullmatch(text, para_start, dot))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of the text."""
    spans, pos = [], 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
    return spans


def clause_breaks(view: str, start: int = 0, end: int | None = None) -> list[int]:
    """Positions where a clause ends: the semicolon, the comma before a connective, the space before "while"."""
    end = len(view) if end is None else end
    spans = [m.span() for m in _CLAUSE.finditer(view, start, end)]
    bare = [m.start() - 1 for m in _BARE_CLAUSE.finditer(view, start + 1, end) if view[m.start() - 1].isspace()]
    if not bare:
        return [a for a, _ in spans]
    return sorted({a for a, _ in spans}.union(x for x in bare if not any(a <= x < b for a, b in spans)))


def clauses(view: str, start: int, end: int, breaks: list[int] | None = None) -> tuple[tuple[int, int], ...]:
    """Split a sentence at semicolons and contrastive connectives ("..., while ..."); `breaks` are the
    positions of every such split in the text, when already found."""
    if breaks is None:
        breaks = clause_breaks(view, start, end)
    cuts = breaks[bisect.bisect_left(breaks, start):bisect.bisect_left(breaks, end)]
    if len(cuts) > 1 and _semicolon_list(view, [c for c in cuts if view[c] == ";"], end, start):
        cuts = [c for c in cuts if view[c] != ";"]
    out, pos = [], start
    for cut in cuts:
        if cut > pos:
            out.append((pos, cut))
        pos = cut + 1
    out.append((pos, end))
    return tuple(out)


LIST_ITEM_WORDS = 16  # at most this many words in each item of a list set off by semicolons
COLON_LIST_ITEM_WORDS = 32  # the same, after a colon that introduces the list ("Four more were added: A, ...; B")


def _semicolon_list(view: str, semicolons: list[int], end: int, start: int = 0) -> bool:
    """Do the semicolons set off the items of a list ("Also sanctioned were A, a co-founder ...; B; C; and D")?
    Two or more, the last item opened by "and"/"or", and every item after the first short (longer after a colon
    that introduces them) and not opened by a preposition."""
    if len(semicolons) < 2:
        return False
    last = semicolons[-1] + 1
    if not view.startswith(("and ", "or "), last + (view[last:last + 1] == " ")):
        return False
    bounds = [*semicolons, end]
    longest = COLON_LIST_ITEM_WORDS if ": " in view[start:semicolons[0]] else LIST_ITEM_WORDS
    return all(view.count(" ", a + 2, b) < longest and not _PREPOSITION_ITEM.match(view, a + 1, b)
               for a, b in itertools.pairwise(bounds))


# An item opened by a preposition is a clause of a list of places or times ("in Congress, where ...; and in North
# Carolina, where ..."), not of names
_PREPOSITION_ITEM = re.compile(r"\s*(?:and\s+|or\s+)?(?:in|on|at|from|for|with|by|to|under|over|after|before)\b")


def sentences(text: str, view: str) -> tuple[Sentence, ...]:
    """Every sentence with its paragraph number and clauses."""
    out: list[Sentence] = []
    breaks = clause_breaks(view)
    for p_index, (p_start, p_end) in enumerate(paragraphs(text)):
        bullet = bool(_BULLET.match(text, p_start, p_end))
        cursor = p_start
        for m in _END.finditer(text, p_start, p_end):
            dot = m.start()
            if text[dot] == "." and _is_abbreviation(text, dot, cursor):
                continue
            _add(out, view, breaks, cursor, m.end(), p_index, bullet)
            cursor = m.end()
        _add(out, view, breaks, cursor, p_end, p_index, bullet)
    return tuple(out)


def _add(out: list[Sentence], view: str, breaks: list[int], start: int, end: int, paragraph: int,
         bullet: bool) -> None:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(tuple.__new__(Sentence, (start, end, paragraph, len(out), clauses(view, start, end, breaks),
                                            bullet)))  # a NamedTuple without its generated __new__: faster
