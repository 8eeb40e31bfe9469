"""Mentions: table phrases (names, cues, kinds, triggers), dates, money and counts in a document."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from workers.pipeline.dates import anchors_of, find_dates
from workers.pipeline.english import (
    ARTICLES,
    BOUNDS,
    CLAUSE_OPENERS,
    COPULAS,
    COUNT_WORDS,
    DETERMINERS,
    ORDINALS,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    TENS,
    UNITS,
)
from workers.pipeline.lexicon import Entry, Hit
from workers.pipeline.model import DateMention, MoneyMention, PhraseMatch, Sentence
from workers.pipeline.money import find_money
from workers.pipeline.normalize import Document
from workers.pipeline.reference import ReferenceTable, designable

_OTHER = {"other", "more", "additional", "further", "new"}
# Words that end the run of modifiers between a number and its noun ("one of the largest cartels").
_NOT_MODIFIERS = {"of", "the", "a", "an", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "that",
                  "which", "who", "where", "when", "whose", "is", "are", "was", "were", "be", "been", "has", "have",
                  "had", "their", "its",
                  "his", "her", "them", "they", "it", "as", "than"}
_MAX_MODIFIERS = 4  # words between a number and its noun: "12 Latin American and Caribbean groups"


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
    bound: str | None  # None, "approx", "min", "max", "above" or "below", as in english.BOUNDS
    whole: int | None = None  # the total it is part of: "Eight of the 15 are cartels" (and "seven are gangs")
    ordinal: bool = False  # "the 15th group to be named an FTO": the count so far, as of its date
    people: bool = False  # a count of people ("17 Saudis", "six nationals"), not of groups
    with_people: bool = False  # of groups and people both ("more than 500 people and organizations")


@dataclass(frozen=True, slots=True)
class Mentions:
    """Everything found in one document, sorted by position."""

    phrases: tuple[PhraseMatch, ...]
    dates: tuple[DateMention, ...]
    money: tuple[MoneyMention, ...]
    counts: tuple[CountMention, ...]


def _to_match(doc: Document, hit: Hit, kind: str, ref: str, plural: bool) -> PhraseMatch:
    return PhraseMatch(doc.starts[hit.first], doc.ends[hit.last - 1], hit.first, hit.last,
                       kind, ref, plural, hit.fuzzy)


_TRUE = [True]
_new = tuple.__new__  # builds a NamedTuple without its generated __new__ (all fields given, in order)
_START, _END, _FIRST = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)  # PhraseMatch fields


_MID_WORD_HYPHEN = re.compile(r"-(?=\w)")
_ASIDE_RELATIVES = frozenset({"who", "which"})  # ", who was killed": a trigger read on past the pronoun


_PER_EVENT = ("trigger", "misdescription")  # phrases of one event that do not hide another event's


def _longest(matches: list[PhraseMatch], cut: frozenset[int] = frozenset()) -> list[PhraseMatch]:
    """Per kind, drop matches inside a longer match of the same kind (and entities overlapping a longer one);
    of two as long, the one not cut off inside a hyphenated word (ending at a hyphen in `cut`) wins."""
    by_kind: dict[str, list[PhraseMatch]] = defaultdict(list)
    for m in matches:
        by_kind["entity" if m.kind == "entity" else f"{m.kind} {m.ref} {m.fuzzy}" if m.kind in _PER_EVENT
                else m.kind].append(m)  # an event's triggers read across an aside overlap its others: all kept
    out: list[PhraseMatch] = []
    for group in by_kind.values():
        if len(group) == 1:
            out += group
            continue
        group.sort(key=_FIRST)
        cluster: list[PhraseMatch] = []  # matches that overlap one another, directly or through others
        reach = -1
        for m in group:
            if m.first >= reach and cluster:
                out += cluster if len(cluster) == 1 else _longest_first(cluster, cut)
                cluster = []
            cluster.append(m)
            reach = max(reach, m.last) if len(cluster) > 1 else m.last
        out += cluster if len(cluster) == 1 else _longest_first(cluster, cut)
    return out


def _longest_first(cluster: list[PhraseMatch], cut: frozenset[int] = frozenset()) -> list[PhraseMatch]:
    """Of overlapping matches, the longest (exact before fuzzy; whole words before one cut off inside a hyphenated
    word: "FARC-EP" over "the FARC"), then whatever overlaps none kept so far."""
    cluster.sort(key=lambda m: (m.fuzzy, m.first - m.last, m.end in cut, m.first))
    kept: list[PhraseMatch] = []
    for m in cluster:
        if all(m.last <= k.first or k.last <= m.first for k in kept):
            kept.append(m)
    return kept


def _holds_its_own_kind(gapped: PhraseMatch, same_kind: Sequence[PhraseMatch], norms: Sequence[str]) -> bool:
    """Does a phrase with a gap hold a whole phrase of its own kind inside ("offered in May, ..., and the $3 million
    bounty for": the bounty is the cue of what follows, not the end of "offered ... for")? Not one that modifies the
    noun closing it ("added it to its sanctions list"). `same_kind` is sorted by first token."""
    k = bisect.bisect_right(same_kind, gapped.first, key=_FIRST)
    while k < len(same_kind) and same_kind[k].first < gapped.last:
        inner = same_kind[k].last
        if inner < gapped.last and not (inner == gapped.last - 1 and norms[inner] not in _NOT_MODIFIERS):
            return True
        k += 1
    return False


def find_phrases(doc: Document, table: ReferenceTable, sentences: tuple[Sentence, ...]) -> list[PhraseMatch]:
    """Every table phrase in the document, overlaps resolved."""
    lexicon = table.lexicon
    norms = doc.norms
    hits = lexicon.scan(norms)
    matches: list[PhraseMatch] = []
    segments: list[Hit] = []
    text, starts, ends = doc.text, doc.starts, doc.ends
    taken = [False] * len(norms)  # tokens inside an exact name: no fuzzy match starts there
    for first, last, entries, fuzzy in hits:
        start, end = starts[first], ends[last - 1]
        for e in entries:
            if e.kind == "segment":
                segments.append(Hit(first, last, entries, fuzzy))
            elif (not e.acronym or sum(c.isupper() for c in text[start:end]) >= 2) and not (
                    e.capital and text[start].islower()):
                matches.append(_new(PhraseMatch, (start, end, first, last, e.kind, e.ref, e.plural, fuzzy)))
                if e.kind == "entity":
                    taken[first:last] = _TRUE * (last - first)
    for first, last, entries, _ in lexicon.scan_asides(norms, lambda i: text[ends[i - 1]:starts[i]], DETERMINERS,
                                                        _ASIDE_RELATIVES):
        matches += [_new(PhraseMatch, (starts[first], ends[last - 1], first, last, e.kind, e.ref, e.plural, True))
                    for e in entries]  # a trigger read across an aside: `fuzzy`, not word for word
    for hit in lexicon.fuzzy(norms, taken, lambda: list(map(str.isupper, map(text.__getitem__, starts)))):
        e = hit.entries[0]
        matches.append(_to_match(doc, hit, e.kind, e.ref, False))
    if segments:
        sentence_starts = [s.start for s in sentences]
        by_sentence: dict[int, list[Hit]] = defaultdict(list)
        for hit in segments:
            by_sentence[bisect.bisect_right(sentence_starts, starts[hit.first]) - 1].append(hit)
        spanned = []
        for k, hits_k in by_sentence.items():
            if k < 0:
                continue
            s = sentences[k]
            bounds = (bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end))
            for hit in lexicon.gapped(hits_k, bounds):
                e = hit.entries[0]
                spanned.append(_to_match(doc, hit, e.kind, e.ref, False))
        if spanned:
            by_kind: dict[str, list[PhraseMatch]] = {g.kind: [] for g in spanned}  # only the kinds with a gap
            for m in matches:
                if m.kind in by_kind:
                    by_kind[m.kind].append(m)
            for same in by_kind.values():
                same.sort(key=_FIRST)
            matches += [g for g in spanned if not _holds_its_own_kind(g, by_kind.get(g.kind, ()), norms)]
    matches += _loosely_told(doc, table, sentences, matches)
    if "$" in text:  # "US$128,000", "HK$1 million": a currency's mark, not the country or its government
        matches = [m for m in matches if m.kind != "entity" or text[m.end:m.end + 1] != "$"]
    resolved = _longest(matches, frozenset(h.start() for h in _MID_WORD_HYPHEN.finditer(text)))
    resolved.sort(key=_END, reverse=True)  # by start, then longest first: two stable sorts on plain fields
    resolved.sort(key=_START)
    if surnames := _surnames(doc, lexicon.surnames(), resolved):
        resolved = sorted(resolved + surnames, key=_START)
    if designated := _designated_by_pronoun(doc, table, sentences, resolved):
        resolved = sorted(resolved + designated, key=_START)
    if (leading := lexicon.leading_people()) and (told := _told_of_by_pronoun(doc, table, sentences, resolved,
                                                                               leading) + _told_of_by_another_name(
                                                                                   doc, table, resolved, leading)):
        resolved = _longest(resolved + told)
        resolved.sort(key=_END, reverse=True)
        resolved.sort(key=_START)
    return resolved


def _loosely_told(doc: Document, table: ReferenceTable, sentences: tuple[Sentence, ...],
                  matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """Events told in other words than their triggers' ("A US drone strike kills al-Qaeda leader Ayman al-Zawahiri"
    for "killed zawahiri"; see lexicon.PhraseIndex.loose), in sentences where no trigger of theirs is found word
    for word and not over any other trigger."""
    text, starts, ends = doc.text, doc.starts, doc.ends
    hits = table.lexicon.loose(doc.norms, lambda i: text[ends[i - 1]:starts[i]] if i else "",
                               lambda i: text[starts[i]].isupper())
    if not hits:
        return []
    triggers = [m for m in matches if m.kind == "trigger"]
    sentence_starts = [s.start for s in sentences]
    told = {(bisect.bisect_right(sentence_starts, m.start) - 1, m.ref) for m in triggers}
    out = []
    for first, last, entries, _ in hits:
        e = entries[0]
        start, end = starts[first], ends[last - 1]
        if (bisect.bisect_right(sentence_starts, start) - 1, e.ref) in told or any(
                m.first < last and first < m.last for m in triggers):
            continue
        out.append(_new(PhraseMatch, (start, end, first, last, e.kind, e.ref, False, True)))
    return out


def _told_of_by_another_name(doc: Document, table: ReferenceTable, resolved: list[PhraseMatch],
                             leading: frozenset[str]) -> list[PhraseMatch]:
    """Phrases that begin or end with a person's name, told with another of the person's names ("Ismael Zambada
    García was arrested" for the table's "zambada was arrested", "captured El Mayo" for "captured zambada")."""
    lexicon, norms, out = table.lexicon, doc.norms, []
    for m in resolved:
        if m.kind != "entity" or m.ref not in leading:
            continue
        hits = lexicon.after_pronoun(m.ref, norms, m.last - 1, False)[-1:]  # the longest
        hits += [h._replace(last=m.last) for h in lexicon.before_pronoun(m.ref, norms, m.first)[-1:]]
        for hit in hits:
            first = min(hit.first, m.first)
            out += [_to_match(doc, hit._replace(first=first), e.kind, e.ref, False)
                    for e in hit.entries if e.kind == "trigger"]
    return out


_PRONOUNS = {"he": False, "she": False, "his": True, "her": True, "him": False}  # pronoun -> possessive
_OBJECTS = {"him", "her"}  # pronouns that may stand for a name ending a phrase ("captured him")
PRONOUN_SENTENCES = 2  # sentences before a pronoun within which the person it stands for is named
_STANDS_FOR_PERSON = {"it": False, "him": True, "her": True, "he": True, "she": True}  # pronoun -> a person's?
_STATE_OPENERS = {"was", "is", "remains", "remained", "went", "stays", "stayed"}  # "He went on the list"
_PERFECT = {"has", "had", "have"}  # "It had been on the list since 1997"
_NEGATIONS = {"not", "no", "never", "without", "nor", "t"}  # ("hasn't": "hasn", "t")
_OBJECT_PRONOUNS, _SUBJECT_PRONOUNS = frozenset({"it", "him", "her"}), frozenset({"it", "he", "she"})
_DESIGNATING = ("designation_cue", "kind")
_VERBS_AFTER_SUBJECT = frozenset({"has", "have", "had", "was", "is", "were", "are", "will", "would", "can", "could",
                                  "may", "might", "must", "should", "does", "did", "faces", "still"})  # "the
# restrictions it has had": a relative clause's subject, not a cue's object
_TOWARDS_OBJECT = frozenset({"on", "in", "to", "from", "of", "off", "onto", "into", "with", "for", "about", "at"})


def _designated_by_pronoun(doc: Document, table: ReferenceTable, sentences: tuple[Sentence, ...],
                           resolved: list[PhraseMatch]) -> list[PhraseMatch]:
    """Pronouns that stand for what a designation is about, as names of it: the object of a cue ("Treasury
    sanctioned him", "put him on its list", "proscribed it"; not "kept on it") or a clause's subject before a
    state verb and a cue or kind ("It had been on the list since 1997", "He went on the list in February"); not in
    a negated clause. The pronoun stands for the first thing the table may designate named before it in its
    sentence, else in the nearest of the two sentences before that names one (its subject, as a rule), a pronoun
    read so included: a person for "he", "him", "she", "her"; anything else for "it". A group noun of the table
    after "the" stands for a group as "it" does ("Pakistan outlawed the group in 2008", "The network itself is
    already on the list"), one of its own categories."""
    norms, starts, text = doc.norms, doc.starts, doc.text
    cues = [m for m in resolved if m.kind in _DESIGNATING]
    if not cues:
        return []
    # (first token, token after, the word as a pronoun, the category a noun names): "it", or "the group"
    pronouns = itertools.compress(range(len(norms)), map(_STANDS_FOR_PERSON.__contains__, norms))
    at: list[tuple[int, int, str, str | None]] = [
        (i, i + 1, norms[i], None) for i in pronouns if not text[starts[i]:starts[i] + 2].isupper()]  # not "IT"
    at += [(m.first - 1, m.last + ("itself" in norms[m.last:m.last + 1]), "it", m.ref) for m in resolved
           if m.kind == "category" and not m.plural and m.first and norms[m.first - 1] in _THE_NOUN
           and text[m.start].islower() and not _named_or_owned(doc, m.last)]  # (not "the Cartel de los Soles")
    if not at:
        return []
    at.sort()
    types = designable(table)
    named = [m for m in resolved if m.kind == "entity" and table.entities[m.ref].type in types]
    sentence_starts = [s.start for s in sentences]
    out = []
    for i, after, word, category in at:
        here = bisect.bisect_right(sentence_starts, starts[i]) - 1
        if here < 0:
            continue
        s = sentences[here]
        lo = bisect.bisect_left(starts, s.start)
        if not _NEGATIONS.isdisjoint(norms[max(lo, i - 10):i]):
            continue  # "no government has tried to ban it", "without having banned it"
        if word in _OBJECT_PRONOUNS and norms[i - 1] not in _TOWARDS_OBJECT and (
                after >= len(norms) or norms[after] not in _VERBS_AFTER_SUBJECT) and any(
                c.kind == "designation_cue" and c.first < i <= c.last for c in cues if s.start <= c.start < s.end):
            pass  # the object of a cue
        elif word in _SUBJECT_PRONOUNS and after + 1 < len(norms) and (
                norms[after] in _STATE_OPENERS or norms[after] in _PERFECT and norms[after + 1] == "been") and (
                starts[i] == s.start or text[starts[i] - 2:starts[i]].strip() in (";", ",")
                or norms[i - 1] in CLAUSE_OPENERS):  # "..., although the group remains under UN sanctions"
            cue = next((c for c in cues if i < c.first <= after + 7 and c.start < s.end), None)
            if cue is None or norms[after + 1] in ("the", "a", "an") and word == "it" and category is None or any(
                    starts[i] < m.start < cue.start for m in named):
                continue  # no cue; "it was the CDC that declared"; "It is X that ..." names its own subject
            if not _NEGATIONS.isdisjoint(norms[i:cue.first]) or not _SUBORDINATE_OPENERS.isdisjoint(norms[i:cue.first]):
                continue  # "It is proof that blacklists alone ...": the cue is another clause's
        else:
            continue
        person = _STANDS_FOR_PERSON[word]
        fits = [m for m in named if (table.entities[m.ref].type == "person") == person and m.end <= starts[i]
                and (category is None or category == "*" or category in table.entities[m.ref].categories)]
        before = next(([m for m in fits if sentences[k].start <= m.start < sentences[k].end]
                       for k in range(here, max(-1, here - 1 - PRONOUN_SENTENCES), -1)
                       if any(sentences[k].start <= m.start < sentences[k].end for m in fits)), [])
        if before:
            out.append(_new(PhraseMatch, (starts[i], doc.ends[after - 1], i, after, "entity", before[0].ref, False,
                                          False)))
            bisect.insort(named, out[-1], key=_START)  # "- Treasury designated it ... - Britain proscribed it"
    return out


_SUBORDINATE_OPENERS = frozenset(RELATIVE_PRONOUNS | {"that"})  # "It is proof that ...": another clause's cue
_THE_NOUN = frozenset({"the", "this"})  # "the group", "this network": a group named before


def _named_or_owned(doc: Document, k: int) -> bool:
    """Does a name or a possessive follow the noun that ends at token `k` ("the group Hamas", "the group's
    leader"): then the noun does not stand alone for one named before?"""
    if k >= len(doc.norms):
        return False
    return doc.text[doc.starts[k]].isupper() or doc.text[doc.ends[k - 1]:doc.ends[k - 1] + 1] in ("'", "\u2019")


def _has_pronoun(doc: Document, s: Sentence) -> bool:
    """Does the sentence refer to a person by a pronoun?"""
    lo, hi = bisect.bisect_left(doc.starts, s.start), bisect.bisect_left(doc.starts, s.end)
    return not PERSONAL_PRONOUNS.isdisjoint(doc.norms[lo:hi])


def _told_of_by_pronoun(doc: Document, table: ReferenceTable, sentences: tuple[Sentence, ...],
                        resolved: list[PhraseMatch], leading: frozenset[str]) -> list[PhraseMatch]:
    """Phrases that begin with a person's name, told with a pronoun for the name ("He was captured in July 2022",
    "his arrest"): the pronoun stands for the person named last, in its sentence or the two before, or further
    back through sentences that all refer to someone by a pronoun."""
    norms, starts = doc.norms, doc.starts
    at = list(itertools.compress(range(len(norms)), map(_PRONOUNS.__contains__, norms)))
    if not at:
        return []
    lexicon = table.lexicon
    people = [m for m in resolved if m.kind == "entity" and table.entities[m.ref].type == "person"]
    if not people:
        return []
    sentence_starts = [s.start for s in sentences]
    people_ends = [m.end for m in people]
    out = []
    for i in at:
        k = bisect.bisect_right(people_ends, starts[i]) - 1
        if k < 0 or people[k].ref not in leading:
            continue
        here = bisect.bisect_right(sentence_starts, starts[i]) - 1
        named = bisect.bisect_right(sentence_starts, people[k].start) - 1
        if here - named > PRONOUN_SENTENCES and not all(
                _has_pronoun(doc, sentences[j]) for j in range(named + 1, here)):
            continue  # far, unless every sentence between refers to someone by a pronoun ("... him ... He was")
        hits = [] if norms[i] == "him" else lexicon.after_pronoun(people[k].ref, norms, i, _PRONOUNS[norms[i]])
        if norms[i] in _OBJECTS:
            hits += lexicon.before_pronoun(people[k].ref, norms, i)
        for hit in hits[-1:]:  # the longest
            for e in hit.entries:
                if e.kind == "trigger":
                    out.append(_to_match(doc, hit, e.kind, e.ref, False))
    return out


def _surnames(doc: Document, index: dict[str, frozenset[str]], resolved: list[PhraseMatch]) -> list[PhraseMatch]:
    """People named again by a surname alone ("Yohan José Romero ... up to $4 million for Romero"): a capitalised
    word outside every match that is the surname of exactly one person named before it."""
    norms, starts, text = doc.norms, doc.starts, doc.text
    at = [i for i in itertools.compress(range(len(norms)), map(index.__contains__, norms)) if text[starts[i]].isupper()]
    if not at:
        return []
    people = [m for m in resolved if m.kind == "entity" and m.ref in _people_of(index, norms, at)]
    if not people:
        return []
    firsts = [m.first for m in resolved]

    def covered_before(i: int) -> bool:  # is the word before `i` part of a match (a title, a place)?
        k = bisect.bisect_right(firsts, i - 1)
        return any(m.first <= i - 1 < m.last for m in resolved[max(0, k - 8):k])

    out = []
    for i in at:
        k = bisect.bisect_right(firsts, i + 1)
        near = [m for m in resolved[max(0, k - 8):k] if m.kind in _NAMES_AND_NOUNS]  # not a cue's "..." gap
        if any(m.first <= i < m.last or m.first == i + 1 and m.kind in ("category", "kind") for m in near):
            continue  # inside another name, or a family name before a group noun ("the Kinahan cartel")
        if _after_article(doc, i):
            continue  # "a senior Kinahan figure": a family name that modifies a noun
        if i and text[starts[i - 1]].isupper() and not covered_before(i) and doc.ends[i - 1] + 1 == starts[i]:
            continue  # "his father Viktor Yakubets": another of the family, named in full
        if i + 1 < len(norms) and text[starts[i + 1]].isupper() and doc.ends[i] + 1 == starts[i + 1] and not any(
                m.first == i + 1 for m in near):
            continue  # "Park Sung-min, a researcher": another of the name, named in full
        named = {m.ref for m in people if m.last <= i} & index[norms[i]]
        if len(named) > 1:  # "Hakimullah Mehsud and Wali ur Rehman ... on Mehsud's head": the one named with it
            named = {m.ref for m in people if m.last <= i and m.ref in named and norms[i] in norms[m.first:m.last]}
        if len(named) == 1:
            out.append(_new(PhraseMatch, (starts[i], doc.ends[i], i, i + 1, "entity", named.pop(), False, False)))
    return out


_NAMES_AND_NOUNS = {"entity", "place", "region", "category", "kind"}


def _after_article(doc: Document, i: int) -> bool:
    """Is token i an article's noun or its modifier ("the Kinahan", "a senior Kinahan"), not a name on its own?"""
    for k in (i - 1, i - 2):
        if k < 0 or doc.ends[k] + 1 != doc.starts[k + 1]:
            return False
        if doc.norms[k] in ARTICLES:
            return True
        if not doc.text[doc.starts[k]].islower():
            return False
    return False


def _people_of(index: dict[str, frozenset[str]], norms: Sequence[str], at: list[int]) -> set[str]:
    """Everyone the surnames at `at` may stand for."""
    return set().union(*(index[norms[i]] for i in at))


_NUMBER_WORDS = frozenset(w for w in COUNT_WORDS if " " not in w) | {"a"} | frozenset(ORDINALS)
_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")


def _number(doc: Document, i: int) -> tuple[int, int] | None:
    """The count a token (or "a dozen") starts, and how many tokens it takes."""
    word = doc.norms[i]
    if not word[0].isdigit() and word not in _NUMBER_WORDS:
        return None
    if word.isdigit() and len(word) <= 3:
        if i and _thousands(doc, i - 1):
            return None  # "000" in "1,000": its number began before it
        width = 1
        while _thousands(doc, i + width - 1):
            width += 1  # "1,000", "12,500": groups of three digits after commas
        return int("".join(doc.norms[i:i + width])), width
    if i and doc.norms[i - 1] in ("the", "s") and ((m := _ORDINAL.fullmatch(word)) or word in ORDINALS):
        return (int(m.group(1)) if m else ORDINALS[word]), 1  # "the 10th group", "the country's fifth cartel"
    if word == "a" and i + 1 < len(doc.norms) and doc.norms[i + 1] == "dozen":
        return 12, 2
    if word in UNITS and i and doc.norms[i - 1] in TENS and doc.view[doc.ends[i - 1]:doc.starts[i]] in ("-", " "):
        return None  # the "one" of "twenty-one": its number began before it
    if word in TENS and i + 1 < len(doc.norms) and doc.view[doc.ends[i]:doc.starts[i + 1]] in ("-", " ") and (
            1 <= UNITS.get(doc.norms[i + 1], 0) <= 9):
        return TENS[word] + UNITS[doc.norms[i + 1]], 2  # "Twenty-one jurisdictions", "twenty one"
    value = COUNT_WORDS.get(word)
    return (value, 1) if value is not None else None


def _bound(norms: Sequence[str], i: int) -> str | None:
    """The bound the words before a number set ("more than", "about", "at least"), if any."""
    for size in (3, 2, 1):
        if i >= size and (b := BOUNDS.get(" ".join(norms[i - size:i]))):
            return b
    return None


def _demonym(word: str, scan: Callable[[Sequence[str]], list[Hit]]) -> Entry | None:
    """The place or region whose people a plural adjective names ("saudis", "russians", "europeans")."""
    if len(word) < 5 or not word.endswith("s"):
        return None
    return next((e for hit in scan((word[:-1],)) for e in hit.entries if e.kind in ("place", "region")), None)


TITLE_REACH = 200  # characters either side of a word within which its line is read for title case


def _title_case(doc: Document, i: int) -> bool:
    """Is the line of token `i` a headline in title case (most of its words capitalised)?"""
    at = doc.starts[i]
    line_start = doc.view.rfind("\n", max(0, at - TITLE_REACH), at) + 1 or max(0, at - TITLE_REACH)
    line_end = doc.view.find("\n", at, at + TITLE_REACH)
    words = re.findall(r"[A-Za-z]+", doc.text[line_start:line_end if line_end >= 0 else at + TITLE_REACH])
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.75 * len(long)


def _thousands(doc: Document, i: int) -> bool:
    """Is token `i` followed by a comma and three digits, as in "1,000"?"""
    nxt = i + 1
    return (nxt < len(doc.norms) and len(doc.norms[nxt]) == 3 and doc.norms[nxt].isdigit()
            and doc.view[doc.ends[i]:doc.starts[nxt]] == "," and doc.norms[i].isdigit())


def find_counts(doc: Document, phrases: list[PhraseMatch], busy: list[tuple[int, int]],
                scan: Callable[[Sequence[str]], list[Hit]] | None = None) -> list[CountMention]:
    """Numbers of groups: a number, optional "other" and modifiers, then a category or kind noun (`scan` finds
    the table's phrases in words: a category named by modifiers before "or")."""
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
    norms, starts, ends = doc.norms, doc.starts, doc.ends
    merged: list[list[int]] = []
    for a, b in sorted(busy):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    busy_starts, busy_ends = [a for a, _ in merged], [b for _, b in merged]
    quals_end = {q.last: q for q in quals.values()}  # places and regions by the token after them
    consumed = -1
    # a word that starts with a digit sorts before ":"; number words are few: one pass over the words
    wanted = _NUMBER_WORDS.union(w for w in set(norms) if w < ":")  # each distinct word tested once
    for i in list(itertools.compress(range(len(norms)), map(wanted.__contains__, norms))):
        num = _number(doc, i)
        if num is None or i <= consumed or i in entity_tokens or _inside_any(busy_starts, busy_ends, starts[i]):
            continue
        value, width = num
        if i in nouns and nouns[i].kind == "kind" and nouns[i].last > i + width:
            continue  # "three-star", "three Michelin stars": the number is the kind's own word, not a count
        if doc.view[ends[i + width - 1]:ends[i + width - 1] + 2] in _HYPHEN_UNITS:
            continue  # "a one-month suspension", "a 12-year ban": a length, not a number of groups
        if (i and i + width < len(norms) and not norms[i][0].isdigit() and doc.text[starts[i]].isupper()
                and doc.text[starts[i + width]].isupper() and (norms[i - 1] in _NAME_DETERMINERS or (
                    doc.text[starts[i - 1]].isupper() and not _gap_has_break(doc, ends[i - 1], starts[i])
                    and not _title_case(doc, i)))):
            continue  # a number word in a capitalised name ("the FBI's Ten Most Wanted Fugitives list", "its Top Ten
            # Art Crimes"), not in a headline's capitals ("U.S. Designates Six Cartels")
        consumed = i + width - 1
        k, other = i + width, False
        places: list[str] = []
        regions: list[str] = []
        if norms[k:k + 3] == ("the", "number", "of") and i and norms[i - 1] == "to":
            k += 3  # "brings to 12 the number of Latin American groups"
        noun = None
        partitive = (value != 1 and k + 1 < len(norms) and norms[k] == "of" and norms[k + 1] in
                     _PARTITIVE_DETERMINERS and norms[i] not in ORDINALS)  # "eight of its leaders"
        k += 2 * partitive
        first_modifier, modifiers, coordinated = k, 0, 0
        while k < len(norms) and modifiers <= _MAX_MODIFIERS:
            if k in nouns:
                noun = nouns[k]
                if (noun.kind == "kind" and not noun.plural and value != 1 and noun.last in nouns
                        and nouns[noun.last].kind == "category" and not _gap_has_break(doc, noun.end,
                                                                                       starts[noun.last])):
                    k, noun = noun.last, None  # "nine three-star restaurants": a kind that modifies the noun
                    modifiers += 1
                    continue
                break
            word = norms[k]
            if partitive and _number(doc, k) is not None:
                break  # "two of the six cartels": a part of a count, not a count of its own
            modifiers += k == first_modifier or doc.view[ends[k - 1]:starts[k]] != "-"  # "neo-Nazi": one word
            if k in quals:
                q = quals[k]
                (places if q.kind == "place" else regions).append(q.ref)
                k = q.last
                continue
            if word in _OTHER:
                other = True
            elif word in ("and", "or") and (places or regions) and k + 1 in quals:
                pass  # "12 Latin American and Caribbean groups": either qualifier
            elif word in ("and", "or") and k > first_modifier and k + 1 < len(norms) and not _ends_modifiers(
                    doc, k + 1):
                coordinated = k  # "seven far-right or anarchist groups"
            elif _ends_modifiers(doc, k) and not (k == first_modifier and word.endswith("ing") and word.isalpha()
                                                  and not _gap_has_break(doc, ends[k - 1], starts[k])):
                break  # (an -ing word right after the number is its adjective: "two sitting Hezbollah lawmakers")
            k += 1
        ordinal = norms[i] in ORDINALS or _ORDINAL.fullmatch(norms[i]) is not None
        if not ordinal and i and norms[i - 1] in ("the", "these", "those", "both") and noun is not None and not (
                i > 1 and norms[i - 2] == "to") and _told_before(doc, noun):
            continue  # "members of the two organisations had ...", "the two gangs are now treated the same"
        head = first_modifier + (first_modifier < len(norms) and norms[first_modifier] in _OTHER)  # "five other
        # Russians": the word after the number and "other"
        if (noun is None and not ordinal and value != 1 and scan is not None and head < len(norms)
                and not (i and norms[i - 1] in ("the", "these", "those")) and not _gap_has_break(
                doc, ends[head - 1], starts[head]) and (demonym := _demonym(norms[head], scan))):
            places, regions = ([demonym.ref], []) if demonym.kind == "place" else ([], [demonym.ref])
            out.append(CountMention(starts[i], ends[head], doc.text[starts[i]:ends[head]], value, ("*",), None, other,
                                    tuple(places), tuple(regions), _bound(norms, i), people=True))
            consumed = head  # "17 Saudis", "ten Europeans": people of a place
            continue
        if noun is None and (part := _part_of(doc, i, value, width, nouns, out)):
            out.append(part)  # "Eight of the 15 are cartels and seven are gangs"
            consumed = bisect.bisect_left(starts, part.end) - 1
            continue
        if noun is None and i and norms[i - 1] == "to" and (total := _total_to(doc, i, value, nouns, quals, out)):
            out.append(total)  # "bringing the number of vessels the bloc has listed to 342", "the total to 557"
            continue
        if (noun is None or norms[i + width] in _ELIDED_AFTER_AND) and not ordinal and value > 1 and (
                elided := _elided(doc, i, width, value, out, nouns)) is not None:
            out.append(elided)  # "... and five more in 2011", "12 countries and partially restricting seven"
            consumed = bisect.bisect_left(starts, elided.end) - 1
            continue
        if noun is None or (ordinal == noun.plural if ordinal else value != 1 and not noun.plural) or _gap_has_break(
                doc, ends[i + width - 1], noun.start) or ordinal and _SUPERLATIVE.search(doc.view, ends[i], noun.start):
            continue  # "the 10th group", but not "the fifth-largest cartel"
        cats = [noun.ref if noun.kind == "category" else "*"]
        if coordinated and noun.kind == "category" and scan is not None:  # "far-right or anarchist groups": the
            words = (*norms[first_modifier:coordinated], norms[noun.last - 1])  # first modifiers with the noun too
            cats += [e.ref for hit in scan(words) if hit.last == len(words) > hit.first + 1 for e in hit.entries
                     if e.kind == "category"]
        last = noun
        while last.last + 1 < len(norms) and norms[last.last] in ("and", "or"):
            nxt = nouns.get(last.last + 1)
            if nxt is None or nxt.kind != "category" or not nxt.plural:
                break
            cats.append(nxt.ref)
            last = nxt
        after = last.last + (2 if norms[last.last:last.last + 2] in (("in", "the"), ("from", "the")) else 1)
        if (after <= len(norms) and last.last < len(norms) and norms[last.last] in ("in", "from")
                and (qual := quals.get(after)) is not None and not _gap_has_break(doc, last.end, qual.start)):
            # "two sites in Africa", "groups from Mexico"
            (places if qual.kind == "place" else regions).append(qual.ref)
            listed = 1
            while qual.last < len(norms) and (comma := doc.view[qual.end:starts[qual.last]].strip()) in ("", ","):
                joined = norms[qual.last] in ("and", "or")  # "in Germany, Italy and Greece": any of them; ", and
                if (nxt := quals.get(qual.last + joined)) is None or comma == "" and not joined or (
                        comma and joined and listed < 2):  # Greece named two": a clause of its own
                    break
                qual, listed = nxt, listed + 1
                (places if qual.kind == "place" else regions).append(qual.ref)
        if not places and not regions and (owner := _owner(doc, i, quals_end)):
            (places if owner.kind == "place" else regions).append(owner.ref)  # "Ukraine now has three sites"
        categories = ("*",) if "*" in cats else tuple(dict.fromkeys(cats))
        kind = noun.ref if noun.kind == "kind" else None
        of_any = categories == ("*",) and noun.kind == "category"
        persons = (of_any and norms[noun.last - 1] in PERSON_NOUNS) + (of_any and norms[last.last - 1] in PERSON_NOUNS)
        people = persons == 2
        out.append(CountMention(starts[i], last.end, doc.text[starts[i]:last.end], value, categories, kind, other,
                                tuple(places), tuple(regions), _bound(norms, i), ordinal=ordinal, people=people,
                                with_people=persons == 1))
        if part := _partitive(doc, last.last, quals, categories, kind):  # "five sites, two of them African"
            out.append(part)
            consumed = max(consumed, bisect.bisect_left(starts, part.end) - 1)
    return out


_BEING = COPULAS | {"became", "becomes", "become", "remains", "remained", "as"}  # "X is one of the four men"
_PARTITIVE_DETERMINERS = frozenset({"its", "their", "the", "these", "those"})
_HYPHEN_UNITS = {"-d", "-w", "-m", "-y", "-h"}  # "-day", "-week", "-month", "-year", "-hour": a length
_NAME_DETERMINERS = {"s", "the", "its", "their", "his", "her"}  # "the FBI's Ten Most Wanted", not "Six Cartels ..."


_AUXILIARY_AFTER = {"is", "are", "was", "were", "had", "have", "has", "will", "would", "could", "can", "may",
                    "must", "should", "remain", "remained", "continue", "continued"}


def _told_before(doc: Document, noun: PhraseMatch) -> bool:
    """Does a definite count ("the two gangs") refer back to groups told before: its noun ends a clause or is the
    subject of a verb ("the two gangs are now treated the same")? Not when a clause restricts it ("among the eight
    cartels the State Department designated")."""
    if noun.last >= len(doc.norms) or any(c in doc.view[noun.end:doc.starts[noun.last]] for c in ",.;:)"):
        return True
    return doc.norms[noun.last] in _AUXILIARY_AFTER


def _part_of(doc: Document, i: int, value: int, width: int, nouns: dict[int, PhraseMatch],
             earlier: list[CountMention]) -> CountMention | None:
    """A part of a total said before: "Eight of the 15 are cartels", then "and seven are gangs" (the same total)."""
    norms, starts = doc.norms, doc.starts
    k = i + width
    whole = None
    if value == 1 and i and norms[i - 1] in _BEING:
        return None  # "Hafiz Saeed is one of the four men ...": one of a count of four, counted from "four"
    if norms[k:k + 2] == ("of", "the") and k + 2 < len(norms) and (
            norms[k + 2].isdigit() or norms[k + 2] in COUNT_WORDS):
        whole, k = int(norms[k + 2]) if norms[k + 2].isdigit() else COUNT_WORDS[norms[k + 2]], k + 3
        noun = None if k < len(norms) and norms[k] in COPULAS else next(
            (nouns[j] for j in range(k, min(k + _MAX_MODIFIERS + 1, len(norms))) if j in nouns), None)
        if noun is not None and noun.plural and noun.first <= k + _MAX_MODIFIERS and not _gap_has_break(
                doc, doc.ends[i], noun.start):  # "seven of the eight groups": seven groups
            return CountMention(starts[i], noun.end, doc.text[starts[i]:noun.end], value,
                                (noun.ref if noun.kind == "category" else "*",), noun.ref if noun.kind == "kind"
                                else None, False, (), (), None)
    elif i and norms[i - 1] == "and" and earlier and earlier[-1].whole and starts[i] - earlier[-1].end < 40:
        whole = earlier[-1].whole  # "... and seven are gangs"
    if whole is None or k >= len(norms) or norms[k] not in COPULAS or k + 1 not in nouns:
        return None
    noun = nouns[k + 1]
    if noun.kind != "category" or not noun.plural or _gap_has_break(doc, doc.ends[i], noun.start):
        return None
    return CountMention(starts[i], noun.end, doc.text[starts[i]:noun.end], value, (noun.ref,), None, False, (), (),
                        None, whole)


TOTAL_REACH = 14  # words between "the number of <groups>" and the "to N" it is brought to


def _total_to(doc: Document, i: int, value: int, nouns: dict[int, PhraseMatch], quals: dict[int, PhraseMatch],
              earlier: list[CountMention]) -> CountMention | None:
    """A count brought to a number: "bringing the number of vessels the bloc has listed to 342" (the noun after
    "the number of"), or "bringing the total to 557" (the noun of the count just before, in the same sentence)."""
    norms, starts, ends = doc.norms, doc.starts, doc.ends
    lo = max(0, i - 1 - TOTAL_REACH)
    j = next((j for j in range(i - 4, lo - 1, -1) if norms[j:j + 3] == ("the", "number", "of")), None)
    if j is not None:
        k = j + 3
        places, regions = [], []  # type: list[str], list[str]
        while k < i - 1 and k not in nouns and k - (j + 3) <= _MAX_MODIFIERS:
            if k in quals:
                (places if quals[k].kind == "place" else regions).append(quals[k].ref)
            k += 1
        noun = nouns.get(k)
        if noun is None or not noun.plural or _gap_has_break(doc, ends[j + 2], noun.start):
            return None
        return CountMention(starts[i], ends[i], doc.text[starts[i]:ends[i]], value,
                            (noun.ref if noun.kind == "category" else "*",),
                            noun.ref if noun.kind == "kind" else None, False, tuple(places), tuple(regions), None)
    if norms[i - 3:i - 1] == ("the", "total") and earlier and starts[i] - earlier[-1].end < TOTAL_CHARS and not any(
            c in doc.view[earlier[-1].end:starts[i]] for c in ".;"):
        before = earlier[-1]
        return CountMention(starts[i], ends[i], doc.text[starts[i]:ends[i]], value, before.categories, before.kind,
                            False, before.places, before.regions, None)
    return None


TOTAL_CHARS = 160  # characters from a count to "the total to N" that continues it
ELIDED_CHARS = 250  # characters from a count to a number that leaves its noun out ("... and five more")
ELIDED_KIND_WORDS = 4  # words after such a number within which a kind names what it counts ("three on the black list")
_ELIDED_AFTER = frozenset({"more", "others"})  # "five more in 2011", "seven others"
# what may follow "and N" whose noun is the count's before it: a verb or a preposition ("and 20 face partial
# restrictions", "and three on the black list"), or the clause's end ("and partially restricting seven.")
_ELIDED_AFTER_AND = frozenset({"are", "were", "face", "faced", "remain", "remained", "on", "in", "under", "from"})
# (and so may a sentence's first word, the count before it in the sentence before: "Four were declared by ...")


def _elided(doc: Document, i: int, width: int, value: int, earlier: list[CountMention],
            nouns: dict[int, PhraseMatch]) -> CountMention | None:
    """A number that leaves out the noun of the count just before it: "five more in 2011", "seven others",
    "Nineteen countries face a full ban, and 20 face partial restrictions". It counts what that count counts, as
    the kind named right after it, if any ("and three on the black list")."""
    norms, starts, ends = doc.norms, doc.starts, doc.ends
    if not earlier or norms[i] == "a":
        return None
    before = earlier[-1]
    k = i + width
    gap = doc.view[before.end:starts[i]]
    if before.end > starts[i] or len(gap) > ELIDED_CHARS or "\n\n" in gap or before.whole is not None:
        return None
    sentence_ends = len(re.findall(r"[.!?]\s", gap))  # between the count before and this number
    nxt = norms[k] if k < len(norms) else ""
    closes = k >= len(norms) or doc.view[ends[k - 1]:starts[k]].strip()[:1] in (".", ";", ",", ":")
    if nxt in _ELIDED_AFTER and (k + 1 >= len(norms) or not _noun_or_verb(norms[k + 1]) or _gap_has_break(
            doc, ends[k], starts[k + 1])):
        end = ends[k]  # "five more", "seven others"
    elif i and norms[i - 1] == "and" and not sentence_ends and (
            closes or nxt in _ELIDED_AFTER_AND and not _gap_has_break(doc, ends[k - 1], starts[k])):
        end = ends[k - 1]  # "and 20 face ...", "and three on the black list"
    elif nxt in _ELIDED_AFTER_AND and doc.view[:starts[i]].rstrip()[-1:] in (".", "?", "!", ":") and (
            sentence_ends <= 1) and not _gap_has_break(doc, ends[k - 1], starts[k]):
        end = ends[k - 1]  # "... has declared eight emergencies. Four were declared by ...", "Two remain in force"
    elif closes and norms[i - 2:i] == ("the", "other"):
        end = ends[k - 1]  # "Four were declared by A. B has declared the other four."
    elif closes and "and" in norms[max(0, i - 3):i - 1] and not _gap_has_break(doc, ends[i - 3], starts[i]) and (
            not sentence_ends) and not any(doc.text[starts[j]].isupper() for j in range(i - 2, i)):
        end = ends[k - 1]  # "fully restricting 12 countries and partially restricting seven." (not "..., and
        # Greece named two": a clause with a subject of its own)
    else:
        return None
    kind = before.kind
    after = range(k, min(k + ELIDED_KIND_WORDS, len(norms)))
    for j in [*after, *range(i - 1, bisect.bisect_left(starts, before.end) - 1, -1)]:
        n = nouns.get(j)
        if n is not None and n.kind == "kind" and (n.start < starts[i] or not _gap_has_break(doc, ends[i], n.start)):
            kind = n.ref  # the kind right after it, or else between the count before and it ("fully restricting 12
            break  # countries and partially restricting seven")
    return CountMention(starts[i], end, doc.text[starts[i]:end], value, before.categories, kind,
                        False, before.places, before.regions, _bound(norms, i), people=before.people,
                        with_people=before.with_people)


_SUPERLATIVE = re.compile(r"est\b|\bmost\b|\bleast\b")
_HAVE = {"has", "have", "had"}
_ADVERBS = {"now", "already", "still", "so", "far", "currently"}


def _owner(doc: Document, i: int, quals_end: dict[int, PhraseMatch]) -> PhraseMatch | None:
    """The place or region that has the counted groups: "Ukraine now has three sites", "Mexico has had six"."""
    k = i
    while k > 0 and doc.norms[k - 1] in _HAVE | _ADVERBS and i - k < 4:
        k -= 1
    if k == i or not any(w in _HAVE for w in doc.norms[k:i]):
        return None
    return quals_end.get(k)


def _partitive(doc: Document, k: int, quals: dict[int, PhraseMatch], categories: tuple[str, ...],
               kind: str | None) -> CountMention | None:
    """A count of part of the groups just counted, told by a place or region: "two of them African", "three of
    them in Asia". It keeps the categories and kind of the count before it."""
    norms, starts = doc.norms, doc.starts
    # the part follows a comma, a few words at most after the count ("five sites this week, three of them Asian")
    k = next((j for j in range(k, min(k + 4, len(norms) - 3)) if norms[j + 1:j + 3] == ("of", "them")
              and "," in doc.view[doc.ends[j - 1]:starts[j]]), -1)
    if k < 0:
        return None
    num = _number(doc, k)
    if num is None or num[1] != 1:
        return None
    q_at = k + 3 + (norms[k + 3] == "in") + (k + 4 < len(norms) and norms[k + 3:k + 5] == ("in", "the"))
    q = quals.get(q_at)
    if q is None:
        return None
    return CountMention(starts[k], q.end, doc.text[starts[k]:q.end], num[0], categories, kind, False,
                        (q.ref,) if q.kind == "place" else (), (q.ref,) if q.kind == "region" else (), None)


def _inside_any(starts: list[int], ends: list[int], pos: int) -> bool:
    """Is `pos` inside one of the sorted, disjoint spans?"""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < ends[k]


def _ends_modifiers(doc: Document, k: int) -> bool:
    """Does token `k` end the run of modifiers between a number and its noun (a number, a function word, a noun or
    verb, punctuation before it)?"""
    word = doc.norms[k]
    return (word.isdigit() or word in COUNT_WORDS or word in _NOT_MODIFIERS or _noun_or_verb(word)
            or _gap_has_break(doc, doc.ends[k - 1], doc.starts[k]))


def _noun_or_verb(word: str) -> bool:
    """English adjectives do not take a plural -s or an -ing: such a word heads its own phrase
    ("a dozen harbours sheltering crews") and ends the run of modifiers."""
    if word.endswith(("ous", "ss", "us", "is")):
        return False
    return word.endswith("s") or (word.endswith("ing") and len(word) > 5)


def _gap_has_break(doc: Document, start: int, end: int) -> bool:
    return any(c in ",;:.()\"" for c in doc.view[start:end])


def _outside_names(dates: Iterable[DateMention], phrases: Sequence[PhraseMatch]) -> tuple[DateMention, ...]:
    """The dates that are not part of a name ("June Huh", "Theresa May"): a month inside an entity's name is a
    name."""
    names = [(p.start, p.end) for p in phrases if p.kind == "entity"]
    starts = [a for a, _ in names]
    out = []
    for d in dates:
        k = bisect.bisect_right(starts, d.start) - 1
        if k >= 0 and names[k][1] >= d.end:
            continue
        out.append(d)
    return tuple(out)


def find_mentions(doc: Document, table: ReferenceTable, sentences: tuple[Sentence, ...],
                  published: dt.date | None) -> Mentions:
    """All mentions of one document."""
    phrases = find_phrases(doc, table, sentences)
    dates = _outside_names(find_dates(doc.view, doc.text, published, anchors_of(doc.norms, doc.starts)), phrases)
    money = tuple(find_money(doc.view, doc.text, doc.norms))
    busy = [(d.start, d.end) for d in dates] + [(m.start, m.end) for m in money]
    counts = tuple(find_counts(doc, phrases, busy, table.lexicon.scan))
    return Mentions(tuple(phrases), dates, money, counts)
