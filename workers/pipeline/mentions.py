"""Mentions: table phrases (names, cues, kinds, triggers), dates, money and counts in a document."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from workers.pipeline.dates import find_dates
from workers.pipeline.english import COUNT_WORDS
from workers.pipeline.lexicon import Hit
from workers.pipeline.model import DateMention, MoneyMention, PhraseMatch, Sentence
from workers.pipeline.money import find_money
from workers.pipeline.normalize import Document
from workers.pipeline.reference import ReferenceTable

_OTHER = {"other", "more", "additional", "further", "new"}
_MAX_MODIFIERS = 3


@dataclass(frozen=True, slots=True)
class CountMention:
    """A number of groups: "seven drug cartels", "six other criminal groups"."""

    start: int
    end: int
    text: str
    number: int
    categories: tuple[str, ...]  # category ids; "*" stands for any group
    kind: str | None  # when the noun is itself a kind term ("eight FTOs")
    other: bool
    places: tuple[str, ...]
    regions: tuple[str, ...]
    hedged: bool


@dataclass(frozen=True, slots=True)
class Mentions:
    """Everything found in one document, sorted by position."""

    phrases: tuple[PhraseMatch, ...]
    dates: tuple[DateMention, ...]
    money: tuple[MoneyMention, ...]
    counts: tuple[CountMention, ...]


def _surface_ok(doc: Document, hit: Hit, acronym: bool) -> bool:
    if not acronym:
        return True
    surface = doc.text[doc.tokens[hit.first].start:doc.tokens[hit.last - 1].end]
    return sum(c.isupper() for c in surface) >= 2


def _to_match(doc: Document, hit: Hit, kind: str, ref: str, plural: bool) -> PhraseMatch:
    return PhraseMatch(doc.tokens[hit.first].start, doc.tokens[hit.last - 1].end, hit.first, hit.last,
                       kind, ref, plural, hit.fuzzy)


def _longest(matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """Per kind, drop matches inside a longer match of the same kind (and entities overlapping a longer one)."""
    by_kind: dict[str, list[PhraseMatch]] = defaultdict(list)
    for m in matches:
        by_kind["entity" if m.kind == "entity" else m.kind + m.ref if m.kind == "trigger" else m.kind].append(m)
    out: list[PhraseMatch] = []
    for group in by_kind.values():
        group.sort(key=lambda m: (m.fuzzy, -(m.last - m.first), m.first))
        taken: list[tuple[int, int]] = []
        for m in group:
            if all(m.last <= a or m.first >= b for a, b in taken):
                taken.append((m.first, m.last))
                out.append(m)
    return out


def find_phrases(doc: Document, table: ReferenceTable, sentences: tuple[Sentence, ...]) -> list[PhraseMatch]:
    """Every table phrase in the document, overlaps resolved."""
    lexicon = table.lexicon
    norms = [t.norm for t in doc.tokens]
    hits = lexicon.scan(norms)
    matches: list[PhraseMatch] = []
    segments: list[Hit] = []
    for hit in hits:
        for e in hit.entries:
            if e.kind == "segment":
                segments.append(hit)
            elif _surface_ok(doc, hit, e.acronym):
                matches.append(_to_match(doc, hit, e.kind, e.ref, e.plural))
    taken = [False] * len(norms)
    for m in matches:
        if m.kind == "entity":
            taken[m.first:m.last] = [True] * (m.last - m.first)
    for hit in lexicon.fuzzy(norms, taken):
        if doc.text[doc.tokens[hit.first].start].isupper():
            e = hit.entries[0]
            matches.append(_to_match(doc, hit, e.kind, e.ref, False))
    if segments:
        starts = [t.start for t in doc.tokens]
        for s in sentences:
            bounds = (bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end))
            for hit in lexicon.gapped(segments, bounds):
                e = hit.entries[0]
                matches.append(_to_match(doc, hit, e.kind, e.ref, False))
    resolved = _longest(matches)
    resolved.sort(key=lambda m: (m.start, -m.end))
    return resolved


def _number(doc: Document, i: int) -> tuple[int, int] | None:
    """The count a token (or "a dozen") starts, and how many tokens it takes."""
    word = doc.tokens[i].norm
    if word.isdigit() and len(word) <= 3:
        return int(word), 1
    if word == "a" and i + 1 < len(doc.tokens) and doc.tokens[i + 1].norm == "dozen":
        return 12, 2
    value = COUNT_WORDS.get(word)
    return (value, 1) if value is not None else None


def find_counts(doc: Document, phrases: list[PhraseMatch], busy: list[tuple[int, int]]) -> list[CountMention]:
    """Numbers of groups: a number, optional "other" and modifiers, then a category or kind noun."""
    nouns: dict[int, PhraseMatch] = {}
    quals: dict[int, PhraseMatch] = {}
    entity_tokens: set[int] = set()
    for p in phrases:
        if p.kind in ("category", "kind"):
            if p.first not in nouns or nouns[p.first].last < p.last:
                nouns[p.first] = p
        elif p.kind in ("place", "region"):
            quals[p.first] = p
        elif p.kind == "entity":
            entity_tokens.update(range(p.first, p.last))
    out: list[CountMention] = []
    tokens = doc.tokens
    for i, tok in enumerate(tokens):
        if i in entity_tokens or any(a <= tok.start < b for a, b in busy):
            continue
        num = _number(doc, i)
        if num is None:
            continue
        value, width = num
        k, other, places, regions = i + width, False, [], []
        noun = None
        while k < len(tokens) and k - (i + width) <= _MAX_MODIFIERS + 2:
            if k in nouns:
                noun = nouns[k]
                break
            word = tokens[k].norm
            if k in quals:
                q = quals[k]
                (places if q.kind == "place" else regions).append(q.ref)
                k = q.last
                continue
            if word in _OTHER:
                other = True
            elif word.isdigit() or word in COUNT_WORDS or _gap_has_break(doc, tokens[k - 1].end, tokens[k].start):
                break
            k += 1
        if noun is None or (value != 1 and not noun.plural) or _gap_has_break(doc, tok.end, noun.start):
            continue
        cats = [noun.ref if noun.kind == "category" else "*"]
        last = noun
        while (last.last + 1 < len(tokens) and tokens[last.last].norm in ("and", "or")
               and (nxt := nouns.get(last.last + 1)) and nxt.kind == "category" and nxt.plural):
            cats.append(nxt.ref)
            last = nxt
        prev = tokens[i - 1].norm if i else ""
        hedged = prev in ("about", "around", "nearly", "almost", "roughly", "some", "over", "least")
        out.append(CountMention(tok.start, last.end, doc.text[tok.start:last.end], value,
                                ("*",) if "*" in cats else tuple(dict.fromkeys(cats)),
                                noun.ref if noun.kind == "kind" else None, other, tuple(places),
                                tuple(regions), hedged))
    return out


def _gap_has_break(doc: Document, start: int, end: int) -> bool:
    return any(c in ",;:.()\"" for c in doc.view[start:end])


def find_mentions(doc: Document, table: ReferenceTable, sentences: tuple[Sentence, ...],
                  published: dt.date | None) -> Mentions:
    """All mentions of one document."""
    phrases = find_phrases(doc, table, sentences)
    dates = tuple(find_dates(doc.view, doc.text, published))
    money = tuple(find_money(doc.view, doc.text))
    busy = [(d.start, d.end) for d in dates] + [(m.start, m.end) for m in money]
    counts = tuple(find_counts(doc, phrases, busy))
    return Mentions(tuple(phrases), dates, money, counts)
