"""Claims: atomic reward, designation, count and event-date claims built from a document's mentions."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from workers.pipeline.english import (
    ACTOR_ADVERBS,
    ARTICLES,
    ATTRIBUTION_OBJECTS,
    ATTRIBUTION_VERBS,
    CONTINUATION_WORDS,
    COPULAS,
    COUNT_WORDS,
    DETERMINERS,
    END_WORDS,
    EVENT_PREPOSITIONS,
    FUNCTION_WORDS,
    GOVERNMENT_NOUNS,
    HELD_NOUNS,
    HYPOTHETICAL_WORDS,
    INTRANSITIVE_REMOVALS,
    IRREGULAR_VERBS,
    LINKING_WORDS,
    MONTHS,
    NAME_ENDERS,
    NAME_PARTICLES,
    NEGATIONS,
    OFFER_VERBS,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    PHRASE_PREPOSITIONS,
    RELATION_NOUNS,
    RELATIVE_PRONOUNS,
    REMOVAL_PARTICLES,
    REMOVALS,
    ROLE_NOUNS,
    SEQUEL_AFTER,
    SEQUEL_BEFORE,
    SEQUEL_TAILS,
    START_WORDS,
    STATE_WORDS,
    STRONG_REMOVALS,
    SUBORDINATORS,
    WEEKDAYS,
)
from workers.pipeline.lexicon import words as phrase_words
from workers.pipeline.mentions import CountMention, Mentions
from workers.pipeline.model import Claim, DateMention, MoneyMention, PhraseMatch, Sentence
from workers.pipeline.normalize import Document
from workers.pipeline.reference import (
    Entity,
    ReferenceTable,
    derived,
    designable,
    name_heads,
    rewarded_by,
    subject_types,
)

_CLAIM_WORDS = frozenset({"designation_cue", "weak_cue", "kind", "reward_cue", "trigger"})  # phrases a claim needs
_BY_START = operator.attrgetter("start")  # mentions sorted by where they start (in C, not a lambda per item)
_FIRST_TWO = operator.itemgetter(0, 1)  # (distance, order) of a candidate pair: the nearest, then the first
_PEOPLE = frozenset({"person"})
CONTEXT_SENTENCES = 4  # how far back a designation context carries
LINK_DISTANCE = 5  # words that may separate a kind term from the name it describes
REWARD_DISTANCE = 14  # words that may separate an amount from its reward cue
REWARD_DISTANCE_LINKED = 24  # ... when a verb links the two ("a reward for ... still stands at 25,000 pounds")
_AMOUNT_LINKS = {"stands at", "stood at", "is", "was", "remains", "remained", "totals", "totalled", "totaled",
                 "of", "worth", "to", "reached", "now"}
_MULTIPLIERS = {"doubled": 2.0, "doubling": 2.0, "doubles": 2.0, "tripled": 3.0, "tripling": 3.0,
                "triples": 3.0, "quadrupled": 4.0, "halved": 0.5}
_FROM_VERBS = {"up", "down", "raised", "increased", "rising", "rose", "doubled", "tripled", "lifted"}
_PREVIOUS_WORDS = {"previous", "earlier", "former", "prior", "original", "initial", "old"}  # "the previous $25m"
_NOT_REWARD_AFTER = {"of", "in", "worth", "per", "annually"}


@dataclass(slots=True)
class _Context:
    """What earlier sentences said about designations, carried forward."""

    kind: str | None = None
    kind_sentence: int = -99
    kind_paragraph: int = -1
    designation_sentence: int = -99
    list_intro: dict | None = None
    opens_list: bool = False  # the sentence has a colon and a bullet list follows, in a designation context
    last: dict | None = None  # the last designation asserted: kind, authority, date and cue
    laureates: Counter = field(default_factory=Counter)  # whom designations were about (a reward may be for)
    laureate_sentence: int = -99
    answer: int = -99  # the sentence that answers a question about designations ("Who was added to the list?")
    line_date: DateMention | None = None  # the date the sentence's timeline line opens with, if it is not the first
    seen: set = field(default_factory=set)
    lists_at: list[int] | None = None  # where the document says "on the list", found once
    kinds_told: dict[str, None] = field(default_factory=dict)  # every kind named so far, the last named last

    def on_list(self, doc: Document, start: int, end: int) -> bool:
        """Does "on the list" (or "on its ... list") stand between two positions?"""
        if self.lists_at is None:
            self.lists_at = [m.start() for m in _ON_THE_LIST.finditer(doc.view)] if " list" in doc.view else []
        k = bisect.bisect_left(self.lists_at, start)
        return k < len(self.lists_at) and self.lists_at[k] < end


class _Index:
    """Mentions sorted by start, sliced by character range with bisect."""

    def __init__(self, m: Mentions) -> None:
        self._items = {name: sorted(getattr(m, name), key=_BY_START)
                       for name in ("phrases", "dates", "money", "counts")}
        self._starts = {name: [x.start for x in items] for name, items in self._items.items()}

    def slice(self, name: str, start: int, end: int) -> list:
        """Mentions of one sort starting in [start, end)."""
        starts = self._starts[name]
        return self._items[name][bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


class _Sentence:
    """A sentence with the mentions inside it."""

    def __init__(self, s: Sentence, doc: Document, m: Mentions, index: _Index) -> None:
        self.s = s
        self.phrases = index.slice("phrases", s.start, s.end)
        self.dates = index.slice("dates", s.start, s.end)
        self.money = index.slice("money", s.start, s.end)
        self.counts = index.slice("counts", s.start, s.end)
        self.first_token = bisect.bisect_left(doc.starts, s.start)
        self.last_token = bisect.bisect_left(doc.starts, s.end)
        self.ends_with_colon = doc.text[s.start:s.end].rstrip().endswith(":")
        self.title_case: bool | None = None  # worked out on first use (see _headline)
        self.for_whom: list[int] | None = None  # token indices of "whom" in "for whom" (see _for_whom)


def _inside(items: Iterable, start: int, end: int) -> list:
    return [x for x in items if start <= x.start < end]


def _near(items: Iterable, pos: int):
    return min(items, key=lambda x: abs(x.start - pos), default=None)


class _Nearest:
    """Mentions near a position, by bisection over mentions sorted by start."""

    def __init__(self, items: Sequence) -> None:
        self._items = sorted(items, key=_BY_START)
        self._starts = [x.start for x in self._items]

    def around(self, pos: int) -> list:
        """The mentions just before and just after `pos`."""
        k = bisect.bisect_left(self._starts, pos)
        return self._items[max(0, k - 1):k + 1]

    def after(self, pos: int) -> list:
        """The mentions that start at or after `pos`, in order."""
        return self._items[bisect.bisect_left(self._starts, pos):]

    def at(self, pos: int):
        """The nearest mention to `pos`, or None."""
        return min(self.around(pos), key=lambda x: abs(x.start - pos), default=None)

    def covers(self, pos: int) -> bool:
        """Does a mention span `pos`? (mentions of one sort do not nest)"""
        return any(x.start <= pos < x.end for x in self.around(pos + 1))


def _entity_type(table: ReferenceTable, match: PhraseMatch) -> str:
    return table.entities[match.ref].type


def _words_between(doc: Document, a_end: int, b_start: int) -> list[str]:
    lo = bisect.bisect_left(doc.starts, a_end)
    hi = bisect.bisect_left(doc.starts, b_start)
    return list(doc.norms[lo:hi])


def _linked(doc: Document, a: PhraseMatch | CountMention, b: PhraseMatch, cue_words: frozenset[str]) -> bool:
    """True when only linking words stand between two mentions ("X, a foreign terrorist organization", "X, a
    designated FTO"): English function words, or the table's own designation cue words."""
    first, second = (a, b) if a.start < b.start else (b, a)
    aside = _LINKED_APPOSITION.match(doc.view, first.end, second.start) if first is a else None
    between = _words_between(doc, aside.end() if aside else first.end, second.start)  # "X, the former champion,
    if len(between) > LINK_DISTANCE:
        return False
    k = 1 if between[:1] and between[0] in _RELATIVE_LINKS and first is a else 0  # "X, which is a ..."
    while k < len(between):
        if between[k] in LINKING_WORDS or between[k] in cue_words:
            k += 1
        elif between[k:k + 2] == ["no", "longer"]:  # "Mpox is no longer a ...": a removal (see _ended_state)
            k += 2
        elif between[k] in _HAVE and between[k + 1:k + 2] == ["been"] and between[k + 2:k + 3] in _AFTER_BEEN:
            k += 2  # "has been a foreign terrorist organization since February"
        else:
            return False
    return True


_LINKED_APPOSITION = re.compile(  # has been a foreign agent"; an age: "Khoroshev, 31, was sanctioned", "X (31)"
    r"\s*(?:,\s*(?:(?:the|a|an|its|their)\s+[^,;:.()\n]{1,60}|\d{1,3}),|\(\d{1,3}\))")
_RELATIVE_LINKS = frozenset({"which", "that", "who"})  # "Tren de Aragua, which is a foreign terrorist organization"
_HAVE = frozenset({"has", "have", "had"})
_AFTER_BEEN = (["a"], ["an"], ["the"], ["on"])  # (not "Maduro has been sanctioned": the verb's own rules)


DATELINE_REACH = 40  # characters of place names that may come before a dateline's date
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z .,/'-]*,\s*")  # "WASHINGTON, ", "ISLAMABAD/WASHINGTON, "
_DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-\u2013\u2014]")  # " (Reuters) -", " —"


_DASH_LINE = re.compile(  # "Feb. 26, 2023 - ", "26 February 2023 – " at the start of a line
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?:\d{1,2} )?([a-z]+)\.? (?:\d{1,2}, )?\d{1,4}[ \t]*[-\u2013\u2014][ \t]", re.M)


def _in_dateline(doc: Document, sentence_start: int, d: DateMention) -> bool:
    """Is the date the dateline's ("July 8 (Reuters) - ", "WASHINGTON, March 4 — "): when the story was filed,
    not when anything in it happened? Not a line of a timeline whose lines open on a date and a dash ("Feb. 26,
    2023 - Settlers rampage through Huwara")."""
    before = doc.text[sentence_start:d.start]
    if not (not before or _DATELINE_PLACE.fullmatch(before)) or not (end := _DATELINE_END.match(doc.text, d.end)):
        return False
    return bool(before) or "(" in end.group() or not _dash_timeline(doc)


def _dash_timeline(doc: Document) -> bool:
    """Do two or more lines open on a date and a dash: a timeline, not a dateline?"""
    return sum(m.group(1) in MONTHS for m in _DASH_LINE.finditer(doc.view)) >= 2


ATTRIBUTION_OBJECT_WORDS = 4  # words between an attribution verb and its date ("told Fox News Digital on Sunday")


_UNTIL_ASIDE = re.compile(r", (?:until|till) ")


def _usable_dates(doc: Document, dates: Iterable[DateMention], sentence_start: int) -> list[DateMention]:
    """Dates that date an event, not a report of it ("said Thursday", "reported Friday"), nor a noun they qualify
    ("With Thursday's action, ...")."""
    out = []
    for d in dates:
        if d.start - sentence_start <= DATELINE_REACH and _in_dateline(doc, sentence_start, d):
            continue
        lo = bisect.bisect_left(doc.starts, max(sentence_start, d.start - 40))
        hi = bisect.bisect_left(doc.starts, d.start)
        verb = next((k for k in range(hi - 1, lo - 1, -1)
                     if doc.norms[k] not in ("on", "late", "early", "this", "last", "morning")), None)
        said = (verb is not None and doc.norms[verb] in ATTRIBUTION_VERBS and not doc.text[doc.starts[verb]].isupper()
                and not (verb and doc.norms[verb] in _ACTS_TOO and doc.norms[verb - 1] in _PASSIVE))
        # "Huawei was added in May 2019": the act, not a report of it ("he added on Monday")
        if verb is not None and not said:  # "told Fox News Digital on Sunday", "said in an interview on Monday"
            k = verb
            while k > lo and verb - k < ATTRIBUTION_OBJECT_WORDS and (
                    doc.norms[k] in ATTRIBUTION_OBJECTS or doc.text[doc.starts[k]].isupper()):
                k -= 1
            said = k < verb and doc.norms[k] in ATTRIBUTION_VERBS and not doc.text[doc.starts[k]].isupper()
        if said or doc.view[d.end:d.end + 2] == "'s":  # "said Friday", not "the United States on Friday"
            continue
        k = bisect.bisect_left(doc.starts, d.end)
        if k < len(doc.norms) and doc.norms[k] in _SPEECH_VERBS and not doc.view[d.end:doc.starts[k]].strip():
            continue  # "Rubio on Thursday said ...", "a distinction Bullrich on Thursday called 'artificial'"
        if k < len(doc.norms) and doc.norms[k] in ARTICLES and _UNTIL_ASIDE.search(
                doc.view, max(sentence_start, d.start - 9), d.start + 6):
            continue  # "X, until last month a senior adviser to ...": when a role the aside tells ended
        out.append(d)
    return out


_ACTS_TOO = {"added"}  # a verb of speech that, in the passive, is the act itself
_SPEECH_VERBS = {"said", "says", "told", "tells", "wrote", "writes", "stated", "noted", "tweeted", "explained",
                 "called", "described", "dismissed", "hailed", "welcomed", "criticised", "criticized", "condemned"}


def _names_another_event(doc: Document, d: DateMention, own_words: frozenset[str], names: bool = False) -> bool:
    """Is the date a year that names an event by its noun ("for his role in the 1983 bombing"; with `names`, also
    by a name: "the 2019 Wimbledon champion"), a word that is not one of the claim's own ("the 2020 reward")?"""
    k = _after_attributive(doc, d)
    if k is None:
        return False
    if not names:  # "wanted for the 1993 Mumbai blasts": the noun after the name ("the 2020 FBI reward": its own)
        k = next((j for j in range(k, min(k + 4, len(doc.norms))) if doc.text[doc.starts[j]].islower()), len(doc.norms))
    return k < len(doc.norms) and doc.norms[k] not in own_words


def _edition_year(doc: Document, d: DateMention, kinds: Sequence[PhraseMatch]) -> bool:
    """Is the date a year before a kind's name ("the 2024 Turing Award")? It names an edition, often awarded the
    year after, not when the designation was made."""
    k = _after_attributive(doc, d) if d.text.isdigit() else None
    return k is not None and any(p.first == k for p in kinds)


def _after_attributive(doc: Document, d: DateMention) -> int | None:
    """The word after a date that qualifies a noun ("the 1983 bombing", "Iran's 2019 ..."), else None."""
    if not _ATTRIBUTIVE_YEAR.fullmatch(doc.view, max(0, d.start - 4), d.end):
        return None
    return bisect.bisect_left(doc.starts, d.end)


def _lexicon_words(table: ReferenceTable, *kinds: str) -> frozenset[str]:
    """Every word of the table's phrases of these kinds (cached per table)."""
    cache = derived(table)
    key = ("words", kinds)
    if key not in cache:
        cache[key] = frozenset().union(*(table.lexicon.words_of(k) for k in kinds))
    return cache[key]


def _designation_words(table: ReferenceTable) -> frozenset[str]:
    """Every word of the table's designation cues, kind terms and category nouns."""
    return _lexicon_words(table, "designation_cue", "weak_cue", "kind", "category")


_ATTRIBUTIVE_YEAR = re.compile(  # "the 1983 bombing", "Iran's 2019 ...", "the December order"
    r".*\b(?:the|a|an|s) (?:\d{4}|" + "|".join(m for m in MONTHS if len(m) > 3) + ")")


def extract_claims(doc: Document, sentences: Sequence[Sentence], mentions: Mentions,
                   table: ReferenceTable) -> list[Claim]:
    """Every checkable claim of the document, in text order."""
    index = _Index(mentions)
    ctx = _Context()
    sought = rewardable(table)
    claims: list[Claim] = []
    sentence_starts = [s.start for s in sentences]
    relevant = {bisect.bisect_right(sentence_starts, p.start) - 1 for p in mentions.phrases if p.kind in _CLAIM_WORDS}
    for s in sentences:
        ctx.opens_list = (not s.bullet and s.index + 1 < len(sentences) and sentences[s.index + 1].bullet
                          and s.index - ctx.designation_sentence <= CONTEXT_SENTENCES
                          and ":" in doc.text[s.start:s.end]
                          and not any(p.kind == "reward_cue" for p in index.slice(  # "ARE THERE REWARDS? ...:"
                              "phrases", sentences[max(0, ctx.designation_sentence + 1)].start, s.end)))
        money = index.slice("money", s.start, s.end)
        reward_item = s.bullet and bool(money) and _in_reward_list(s, sentences, index)
        offered = bool(money) and s.index not in relevant and bool(_offers_for_whom(doc, s, money))
        if s.index not in relevant and not ctx.list_intro and not ctx.opens_list and s.index != ctx.answer:
            if ctx.last and ctx.designation_sentence == s.index - 1 and _short_intro(doc, s):
                ctx.list_intro = ctx.last  # "... sanctioned 12 companies. Among them:" then a list
            parts = any(c.whole for c in index.slice("counts", s.start, s.end))  # "Eight of the 15 are cartels"
            if not (s.index - ctx.designation_sentence <= 2 and _rest_of_list(doc, s)) and not (
                    reward_item or offered or parts) and not (
                    s.index - ctx.designation_sentence <= CONTEXT_SENTENCES
                    and ctx.on_list(doc, s.start, s.end)) and not (
                    s.index - ctx.designation_sentence == 1 and not _SEQUEL_WORDS.isdisjoint(
                        _words_between(doc, s.start, s.end))) and not (
                    s.index - ctx.designation_sentence <= CONTEXT_SENTENCES
                    and _tells_removal(_words_between(doc, s.start, s.end))):
                continue  # no cue, kind term or trigger, nor "X followed in May": nothing here can make a claim
        sent = _Sentence(s, doc, mentions, index)
        ctx.line_date = _line_date(doc, s, sentences, index)
        made = len(claims)
        claims += _designations(doc, sent, table, ctx)
        for p in sent.phrases:
            if p.kind == "kind":
                ctx.kinds_told.pop(p.ref, None)
                ctx.kinds_told[p.ref] = None
        for c in claims[made:]:  # whom the designations are about, for "The prize, worth ..."
            if c.subject and table.entities[c.subject].type in sought:
                ctx.laureates[c.subject] += 1
                ctx.laureate_sentence = s.index
        claims += _rewards(doc, sent, sentences, index, table, reward_item, ctx)
        designated = {(c.subject, c.date.start) for c in claims[made:] if c.type == "designation" and c.date}
        claims += [c for c in _events(doc, sent) if (c.subject, c.start) not in designated]
        # ("Interpol put the Van Gogh Museum robbery on its list in 2005": the date of the listing, not the robbery)
        claims += _parts(sent, claims)
        if "?" in doc.text[s.end - 3:s.end] and _QUESTION.search(doc.text, s.start, s.end):
            # "Are gray wolves endangered right now?" asks; but "does anyone believe that a $25 million bounty will
            # pry Maduro out?" still says what the bounty is
            if ctx.designation_sentence == s.index and _WH_WORDS.intersection(_words_between(doc, s.start, s.end)[:3]):
                ctx.answer = s.index + 1  # "Who was added to the partial list? Fifteen countries, including X"
            claims[made:] = [c for c in claims[made:] if c.type in ("reward", "event_date")]
    claims = _with_aliases(claims, doc, index)
    return _with_namesakes(_dedupe(sorted(claims, key=lambda c: (c.start, c.type)), doc.text), doc, index, table)


# "X, better known as Y", "X (also known as Y)", "X, alias Y": one name and another of the same one
# (or "tracked as"); a bare comma or bracket between two names of it ("the PAN-OS flaw, CVE-2024-3400, was added")
_ALIAS_LINK = re.compile(r"\s*[,(]?\s*(?:(?:(?:better|also|more commonly|popularly|widely) )?"
                         r"(?:known|tracked) as|alias)?\s*[\"']?")


def _with_aliases(claims: list[Claim], doc: Document, index: _Index) -> list[Claim]:
    """A designation of one named twice in a row ("Satinderjit Singh, better known as Goldy Brar, had been
    designated", "the Log4j flaw, CVE-2021-44228") spans both names, so that it covers whichever the reader
    quotes."""
    out = []
    for c in claims:
        if c.type == "designation" and c.subject is not None:
            after = index.slice("phrases", c.end, c.end + ALIAS_REACH)
            alias = next((p for p in after if p.kind == "entity" and p.ref == c.subject
                          and _ALIAS_LINK.fullmatch(doc.view, c.end, p.start)), None)
            if alias is not None:  # "Tren de Aragua (TdA)": through the closing bracket
                closed = "(" in doc.view[c.end:alias.start] and doc.view.startswith(")", alias.end)
                c = replace(c, end=alias.end + closed)
        out.append(c)
    return out


ALIAS_REACH = 30  # characters from a name to another of its names joined by "better known as"


def _with_namesakes(claims: list[Claim], doc: Document, index: _Index, table: ReferenceTable) -> list[Claim]:
    """Claims about a name several entities share ("mpox" for the 2022 and the 2024 emergency) list the others as
    `alternatives`: the verifier reads the claim about whichever of them it fits."""
    for c in claims:
        if c.subject is None:
            continue
        for p in index.slice("phrases", c.sentence.start, c.sentence.end):
            if p.kind == "entity" and p.ref == c.subject and not p.fuzzy and (c.type != "designation"
                                                                              or p.start == c.start):
                others = [e.ref for e in table.lexicon.entries_of(doc.norms[p.first:p.last])
                          if e.kind == "entity" and e.ref != c.subject]
                if others:
                    c.value["alternatives"] = tuple(dict.fromkeys(others))
                    break
    return claims


_WH_WORDS = frozenset({"who", "which", "what", "how"})  # a question a designation answers, not a yes-or-no one
_QUESTION = re.compile(r"\?[\"'\u201d\u2019)\]]*\s*$")  # a sentence that ends with a question mark


def _dedupe(claims: list[Claim], text: str) -> list[Claim]:
    """One claim per subject, value and date; a title line's claims apart from the story's."""
    seen, out = set(), []
    title_ends = {c.sentence.end for c in claims if c.sentence.index == 0 and text[c.sentence.end - 1] not in ".!?\"'"}
    for c in claims:
        window = c.date.window if c.date else None
        if c.type == "designation":
            key: tuple = (c.type, c.subject or c.subject_name, c.value.get("kind"), window, c.value.get("negated"),
                          c.value.get("authority"))
        else:
            key = (c.type, c.subject or c.subject_name,
                   repr(sorted((k, str(v)) for k, v in c.value.items() if k != "named")), window)
            if c.type == "event_date" and c.date is not None:
                key += (c.date.text.lower(),)  # "on Friday" and, in the timeline below, "Aug. 23": told twice
        headline = c.sentence.index == 0 and c.sentence.end in title_ends  # the story says it again: a claim each
        if (key, headline) in seen:
            continue
        seen.add((key, headline))
        out.append(c)
    return out


# --- designations and counts ------------------------------------------------------------

def _designations(doc: Document, sent: _Sentence, table: ReferenceTable, ctx: _Context) -> list[Claim]:
    s = sent.s
    out: list[Claim] = []
    heading = _heading(doc, sent) and (not s.bullet or _NUMBERED_TITLE.fullmatch(doc.text, s.start, s.end) is not None)
    if heading and not any(p.kind in ("designation_cue", "kind") for p in sent.phrases):
        ctx.list_intro = None
        return out  # "THE MUSLIM BROTHERHOOD": a section's heading names its subject, it asserts nothing
    if ctx.list_intro and (ctx.opens_list or not (s.bullet or sent.last_token - sent.first_token <= 10)):
        ctx.list_intro = None  # the list ended, or another one starts ("Since then:")
    if ctx.list_intro and not any(p.kind == "designation_cue" for p in sent.phrases):  # else: a claim of its own
        intro = ctx.list_intro
        own = _usable_dates(doc, sent.dates, s.start)  # "- May: Haiti's Viv Ansanm": the item's own date first
        for g in _leading_groups(doc, s, _groups(sent.phrases, table, doc)):
            if _entity_type(table, g) == "person" and not _designated(table, g.ref):
                continue  # "- Cartel de los Soles, which is led by Nicolás Maduro"
            date = _near([d for d in own if d.start < g.start], g.start) or next(
                (d for d in own if d.start >= g.end and _ITEM_DATE_GAP.fullmatch(doc.view, g.end, d.start)),
                intro["date"])  # "- Tornado Cash, in August 2022.": the date right after the name
            out.append(_designation_claim(g, s, intro["kind"], intro["authority"], date, intro["cue"]))
        if sent.counts:  # "- Feb. 20: eight groups at once, ... six Mexican cartels": the item's own date
            lead = _near(own, s.start) or intro["date"]
            out += _counts(doc, sent, s.start, s.end, intro["kind"], _DateAfter(own, lead, doc), intro["authority"],
                           [], True)
        return out
    on_list = s.index - ctx.designation_sentence <= CONTEXT_SENTENCES and ctx.on_list(doc, s.start, s.end)
    if not any(p.kind in ("designation_cue", "weak_cue", "kind") for p in sent.phrases) and not (
            _rest_of_list(doc, s) or ctx.opens_list or s.index - ctx.designation_sentence == 1 or on_list):
        return out  # nothing here asserts or describes a designation, nor goes on from one just told
    end_told = _tells_an_end(_words_between(doc, s.start, s.end))  # "X would lose the star it had held since 1988":
    # a designation told is one the sentence knows has ended
    for cs, ce in _conjuncts_with_cues(doc, s.clauses, sent.phrases):
        phrases = _inside(sent.phrases, cs, ce)
        cues = [p for p in phrases if p.kind == "designation_cue" and not _attributive(doc, p, phrases)]
        weak = [p for p in phrases if p.kind == "weak_cue" and p.ref == "designation"]
        kinds = [p for p in phrases if p.kind == "kind"]
        words = set(doc.norms[bisect.bisect_left(doc.starts, cs):bisect.bisect_left(doc.starts, ce)])
        recent = s.index - ctx.designation_sentence <= CONTEXT_SENTENCES
        groups = _groups(phrases, table, doc)
        sequel = (not cues and s.index - ctx.designation_sentence == 1 and not _SEQUEL_WORDS.isdisjoint(words)
                  and _sequel(doc, cs, ce, groups))
        answers = s.index == ctx.answer and not cues and bool(groups or _inside(sent.counts, cs, ce))
        continuation = ((bool(weak) and not cues) or bool(words & CONTINUATION_WORDS) or ctx.opens_list or sequel
                        or answers)
        removing = not cues and (recent or bool(kinds)) and (
            _tells_removal(_words_between(doc, cs, ce))  # "were removed in October", "Sudan was dropped"
            or any(_removal_at(_words_between(doc, max(cs, k.start - 30), k.start)[-3:]) is not None for k in kinds))
        on_list = not cues and recent and ctx.on_list(doc, cs, ce)  # "appear on the list"
        asserted = bool(cues) or removing or ((bool(weak) or _rest_of_list(doc, s) or ctx.opens_list or sequel
                                               or on_list or answers) and recent) or (
            bool(weak) and s.index - ctx.kind_sentence <= CONTEXT_SENTENCES and bool(groups))
        # (a list named just before, "WHAT IS THE ENTITY LIST? ... Huawei was added in May 2019": added to it)
        anchor = (cues or weak or kinds or [None])[0]
        near_kinds, near_cues = _Nearest(kinds), _Nearest(cues + weak)
        cue_words = table.lexicon.words_of("designation_cue")
        described = [g for g in groups if any(_linked(doc, g, k, cue_words) for k in near_kinds.around(g.start))]
        linked_groups = _conjoined(doc, groups, described)
        if not asserted and not linked_groups and not (kinds and _inside(sent.counts, cs, ce)):
            continue
        if asserted and not (ctx.opens_list and not cues and not weak and not kinds and not sequel):
            # a person is designated only next to the cue, unless the table designates that person
            groups = [g for g in groups if _entity_type(table, g) != "person" or _designated(table, g.ref)
                      or any(_linked(doc, g, c, cue_words) for c in near_cues.around(g.start))]
        else:  # (and a list's introduction with no cue of its own lists, it does not designate: "X has been hit
            groups = linked_groups  # by several Western measures:")
        pre = _words_between(doc, max(cs, anchor.start - REMOVAL_REACH), anchor.start) if anchor else []
        if cues and (HYPOTHETICAL_WORDS.intersection(pre[-5:]) or not _OPEN_QUESTION.isdisjoint(
                _words_between(doc, max(cs, anchor.start - QUESTION_REACH), anchor.start)[-14:])
                or _urged_to(pre[-14:])):
            continue  # "would decide whether to place X ...", "urged the FATF to blacklist X": not a fact
        relatives = _Relatives(doc, cues[0].end if cues else cs, ce, phrases, groups) if cues or asserted else None
        groups = [g for g in groups if not _possessor(doc, g, groups) and not _owns_a_thing(doc, g, table)
                  and not (relatives and relatives.holds(g.start))
                  and not _in_condition(doc, s.start, g.start) and not _actor(doc, g, phrases)
                  and not _speaks(doc, g, phrases)]
        kind = _nearest_kind(kinds, anchor)
        named_as = _kind_named_as(doc, kinds, anchor)  # what the names after the cue are designated as
        if kind is None and ctx.kind and s.index - ctx.kind_sentence <= CONTEXT_SENTENCES and (
                s.paragraph == ctx.kind_paragraph or continuation and not answers
                or answers and ctx.kind_sentence == s.index - 1  # an answer takes only its question's kind
                or _refers_back(doc, cues)):  # "received the label": the kind told before
            kind = ctx.kind
            told = [k for k in reversed(ctx.kinds_told) if k != kind]  # the others the article has named
        else:
            told = []
        dates = _usable_dates(doc, _inside(sent.dates, cs, ce), s.start)
        if not dates and not (cs > s.start and doc.text[cs - 1] == ","):  # none after ", while", ", but"...
            dates = _usable_dates(doc, sent.dates, s.start)
        own_words = _designation_words(table)
        relatives_of = _OtherRelatives(doc, groups, phrases)
        subclause = [d for d in dates if _in_subclause(doc, anchor, d)]  # "..., after X had been designated in May"
        dates = [d for d in dates if not _in_subclause(doc, anchor, d) and not _in_relative(doc, s.start, anchor, d)
                 and not (anchor and d.start > anchor.end and relatives_of.other_noun(d))
                 and not _names_another_event(doc, d, own_words, names=True)  # "Halep, the 2019 Wimbledon champion"
                 and not _edition_year(doc, d, kinds)  # "the recipients of the 2024 Turing Award", named in 2025
                 and not (_dates_an_event_phrase(doc, s.start, d)  # (but "after X yesterday designated Y":
                          and not (anchor and 0 <= anchor.start - d.end <= 2))  # the cue's own, right after it)
                 and not (relatives and relatives.holds(d.start, date=True))  # ", which was signed ... in 2023"
                 and not (anchor and d.start > anchor.end and _CONTACT_RELATIVE.search(
                     doc.text, max(anchor.end, d.start - CONTACT_CHARS), d.start) is not None)  # "under a law Putin
                 # signed on Nov. 25": the law's date
                 and not (anchor and d.end <= anchor.start and _new_clause_between(doc, d.end, anchor.start)
                          and not _opens_when(doc, d, anchor.start))  # "last week, when it blacklisted X"
                 and not (anchor and d.end <= anchor.start and _about_a_group_before(doc, groups, d.end, anchor.start))
                 # "in 2008 a jury convicted them of funneling money to Hamas, which the U.S. has designated ...'
                 and not (anchor and d.start >= anchor.end and _SAME_AGAIN.search(
                     doc.view, max(anchor.end, d.start - SAME_AGAIN_CHARS), d.start))]
        if anchor is not None and (len(dates) > 1 or dates and ctx.line_date is not None):  # "In May, it designated
            # X, the group blamed for the ambush on Oct. 4": May's; "- Jan. 30: WHO declares X a PHEIC, the sixth such
            # declaration since 2009": the line's
            uncounted = [p for p in phrases if not any(c.start <= p.start and p.end <= c.end for c in sent.counts)]
            asides = [d for d in dates if d.start > anchor.end and _in_apposition(doc, groups + kinds, uncounted, d)]
            # (a cue that heads a count, "the sixth such declaration", tells no designation)
            dates = [d for d in dates if d not in asides] if len(asides) < len(dates) or ctx.line_date else dates
        if anchor is not None and len(dates) > 1:  # "FBK, a foreign agent since 2019, was outlawed as extremist in
            opens = [_aside_before(doc, groups, d, anchor.start) for d in dates]
            aside_spans = [(a, d.end) for a, d in zip(opens, dates, strict=True) if a is not None]
            if len(aside_spans) < len(dates):  # June 2021": June's date, and not the aside's kind
                dates = [d for d in dates if not any(a < d.start < b for a, b in aside_spans)]
                kept_kinds = [k for k in kinds if not any(a < k.start < b for a, b in aside_spans)]
                if kind is not None and len(kept_kinds) < len(kinds):
                    kind = _nearest_kind(kept_kinds, anchor)
        if anchor is not None and STATE_WORDS.intersection(pre[-6:]):
            dates = [d for d in dates if d.start > anchor.start]  # "toppled Assad in December and remains designated"
        dates = [d for d in dates if d.text.lower() not in _TODAY]  # "Two remain in force today": as of publication
        date = _near(dates, anchor.start if anchor else cs)
        if date is None and not dates and ctx.line_date is not None:
            date = ctx.line_date  # "- Sept. 13: ... . The Treasury also sanctions X": the line's date
            dates = [date]
        makers = [p for p in phrases if p.kind == "entity" and _entity_type(table, p) == "authority"
                  and not _owns_the_group(doc, p, phrases, sent.counts, table) and not _addressee(doc, p)
                  and not (anchor and p.start > anchor.end and (_new_clause_between(doc, anchor.end, p.start)
                                                                or _subject_of_its_own(doc, p)))
                  and not (anchor and p.end <= anchor.start and _speaker(doc, p.end, anchor.start))
                  and not (anchor and _in_an_aside_before(doc, p, phrases, anchor.start))
                  and not (kind and _says(doc, p) and not _makes(table, p.ref, kind))
                  and not any(q.kind == "place" and q.start <= p.start and p.end < q.end for q in phrases)]
        # (not a name inside a place's adjective: "the U.S.-funded broadcasters")
        authority = _agent(doc, makers, anchor) or _near(makers, anchor.start if anchor else cs)
        auth_id = authority.ref if authority else None
        if kind is not None and not kinds and auth_id and not _makes(table, auth_id, kind):
            kind = _only_kind_made_by(table, auth_id)  # "added to the FBI's list" after a paragraph on the DEA's
        foreign = None if auth_id or not cues else _foreign_actor(doc, phrases, anchor, table)
        stranger = None if auth_id or foreign or not cues else _unknown_actor(doc, phrases, anchor, sent)
        negation = _negated(doc, cues[0], pre) if cues else "removed" if removing else None
        past = _past_perfect(pre[-6:])
        date_after = _DateAfter(dates, date, doc, groups)
        clause_start = len(out)
        quotes = [q.span() for q in _QUOTED.finditer(doc.view, s.start, s.end)] if '"' in doc.view[cs:ce] else []
        whens = _Nearest(dates) if " when " in doc.view[cs:ce] else None
        for g in groups:
            date_of = date_after.of(g)
            if subclause and _in_subclause(doc, anchor, g):  # "added X in September, after its rival Y had been
                date_of = next((d for d in subclause if d.start > g.end and not _relative_opens_between(
                    doc, g.end, d.start)), None)  # designated in February": Y's (not "Y, whose novel won in 2016")
            if whens is not None and (when := _when_date(doc, whens, g.start)) is not None:
                date_of = when  # "since last June ..., the latest of them last week, when it blacklisted X"
            if date_of is not None and any(a <= g.start < b and not a <= date_of.start < b for a, b in quotes):
                date_of = None  # 'announced the move eight days ago, saying "... FTOs such as Tren de Aragua"
            if date_of is not None and date_of.start < g.start and STATE_WORDS.intersection(
                    _words_between(doc, max(date_of.end, g.start - 60), g.start)[-8:]):
                date_of = None  # "placed A on the list last October, which still includes B": B is listed now
            if date_of is not None and date_of.end <= g.start and _perfect_after_comma(doc, date_of.end, g.start):
                date_of = None  # "In July they declared X undesirable, the same label they have pinned on Y": not
                # Y's date
            if date_of is not None and date_of.end <= g.start and not _JOIN_VERBS.isdisjoint(
                    _words_between(doc, date_of.end, g.start)):
                date_of = None  # "Today they join the Sinaloa Cartel and X on our list": the joiners' date
            if date_of is not None and date_of.open_ended and date_of.end <= g.start and any(
                    c.end <= date_of.start and cs <= c.start for c in sent.counts) and not _MEMBER_WORDS.isdisjoint(
                    _words_between(doc, date_of.end, g.start)[-4:]):
                date_of = None  # "listed eight groups since 2019, among them X": the count's period, not X's date
            was = _past_state(doc, g, sent.s.end) or _past_act(doc, anchor, cs, g) or end_told
            ended = ("removed" if _ended_state(doc, g, kinds) else negation
                     or ("removed" if _removed_by_verb(doc, g) or _one_of_those_removed(doc, g)
                                          or cues and _removed_before(doc, g, cues[0]) else None))
            if ended == "removed" and _left_on(doc, cs, g):
                ended = date_of = None  # "took Barbados off its grey list, leaving 21 jurisdictions on it, including
                # Jamaica": Jamaica stays on it, which is not dated by the removal
            own_kind = named_as if named_as is not None and anchor is not None and g.start >= anchor.end else kind
            if told and kind is not None and own_kind == kind and g.ref and not _holds_kind(table, g.ref, kind):
                own_kind = next((k for k in told if _holds_kind(table, g.ref, k)
                                 and (auth_id is None or _makes(table, auth_id, k))), kind)  # "listed as a terrorist
                # organisation; in February sanctions were imposed on it ... Sonnenkrieg Division became the first
                # listed": of the kinds just told, the one the table holds for it
            out.append(_designation_claim(g, s, own_kind, auth_id, date_of, anchor, ended, past or was))
        if cues and negation is None:  # names the table does not know: claims it cannot check
            for a, b in _unknown_names(doc, sent, cues, phrases, cs, ce, {m.last for m in makers}):
                out.append(Claim("designation", a, b, s, None, {
                    "kind": kind, "authority": auth_id, "negated": False, "removed": False, "past": past,
                    "fuzzy": False}, date, doc.text[a:b]))
        if negation is None:  # "only one group has been removed from the list", "23 swimmers were never suspended"
            out += _counts(doc, sent, cs, ce, named_as or kind, date_after, auth_id, groups, asserted or bool(kinds),
                           people=asserted)  # "killed 13 ... and about 170 Afghans" near "terrorist": no count
        # "Canada on the same day listed X", "Texas Gov. Greg Abbott designated ...": a maker the table knows nothing of
        unknown_maker = {"authority_place": foreign} if foreign else {"authority_unknown": stranger} if stranger else {}
        for c in out[clause_start:]:
            c.value.update(unknown_maker)
        ctx.designation_sentence = s.index
        if kind:
            ctx.kind, ctx.kind_sentence, ctx.kind_paragraph = kind, s.index, s.paragraph
        ctx.last = {"kind": kind, "authority": auth_id, "date": date, "cue": anchor}
        if (sent.ends_with_colon or ctx.opens_list) and ce >= s.end - 1:
            ctx.list_intro = ctx.last  # "The first wave came on Feb. 20: eight groups." then the eight
    if not out:  # the kind a sentence without a claim names is what "was inscribed in 1990" next refers to
        kinds = [p for p in sent.phrases if p.kind == "kind"]
        if kinds:
            ctx.kind, ctx.kind_sentence, ctx.kind_paragraph = kinds[0].ref, s.index, s.paragraph
        if kinds and any(p.kind == "designation_cue" for p in sent.phrases):
            ctx.designation_sentence = s.index
    return out


_ITEM_DATE_GAP = re.compile(r"\s*,?\s*(?:in|on)?\s*")  # between a list item's name and its own date
_CONJUNCTIONS = {"and", "or", "plus"}
# a conjunct that repeats the act for others: its date is theirs ("Paraguay blacklisted Hezbollah within weeks, and
# Colombia and Honduras did the same in January 2020")
SAME_AGAIN_CHARS = 120  # characters before a date within which ", and X did the same" claims it
_SAME_AGAIN = re.compile(r",\s+and\s+[^,;]{1,60}?\b(?:did|does|do|have|has)\s+(?:the\s+same|likewise|so)\b"
                         r"|,\s+and\s+[^,;]{1,60}?\bfollowed\s+suit\b")
# "on the list", "on its sanctions list", "on Washington's list"; "the Treasury's list already includes X"
_ON_THE_LIST = re.compile(r"\bon (?:the|its|their|that|this|[a-z.-]+'s)(?: [a-z.'-]+){0,3} list\b"
                          r"|\b(?:the|its|their|that|this|[a-z.-]+'s)(?: [a-z.'-]+){0,3} list(?: (?:now|still|already|"
                          r"also))? (?:includes|included|carries|carried|contains|contained|holds|held)\b")
# A quotation of some words (the view has straight quotes): a date outside it dates no name in it. Not a name in
# quotes ('Maduro's "Cartel de Los Soles"').
_QUOTED = re.compile(r'"(?:[^"\s]+\s+){5,}[^"]*"')
def _simple_past_offer(doc: Document, sent: _Sentence, m: MoneyMention) -> bool:
    """Is the amount offered in the simple past ("the State Department offered $20 million for him"), not the
    present perfect ("has offered") nor the present: a past act, true of its time."""
    before = _words_between(doc, max(sent.s.start, m.start - 40), m.start)[-4:]
    k = next((i for i in range(len(before) - 1, -1, -1) if before[i] not in _OFFER_FILLER), None)
    return k is not None and before[k] in _PAST_OFFERS and (k == 0 or before[k - 1] not in ("has", "have", "had"))


_PAST_OFFERS = {"offered", "carried", "had", "faced"}  # "who carried a $10 million US bounty": true of its time


SINCE_REACH = 40  # characters after a name where "since" makes a present perfect a state ("has banned X since 2006")


def _past_act(doc: Document, cue: PhraseMatch | None, cs: int, g: PhraseMatch) -> bool:
    """Is the name the object of a cue in the active simple past ("it added Venezuela and North Korea") or present
    perfect ("the WHO has declared seven emergencies, from H1N1 to mpox"), an act of its time, with no word of a state
    around it ("still lists", "has banned X since 2006")?"""
    if cue is None or g.start < cue.end or not doc.norms[cue.first].endswith("ed") or (
            cue.first and doc.norms[cue.first - 1] in _BEFORE_A_PARTICIPLE):
        return False
    tense = _act_before(doc, cs, doc.ends[cue.first])
    return (tense == "past" or tense == "perfect" and "since" not in _words_between(doc, g.end, g.end + SINCE_REACH)) \
        and STATE_WORDS.isdisjoint(_words_between(doc, cs, g.start))


def _past_perfect(words: Sequence[str]) -> bool:
    """Is "had" among the words, as the past perfect ("had offered"), not the present perfect of "have" ("has had
    a $25 million bounty on his head since January")?"""
    return any(w == "had" and (not k or words[k - 1] not in ("has", "have")) for k, w in enumerate(words))


_PAST_COPULAS = {"was", "were"}
_JOIN_VERBS = {"join", "joins", "joined", "joining"}  # what is joined was there before: the date is the joiner's
_MEMBER_WORDS = {"among", "including", "such"}  # "eight groups since 2019, among them X": one of those counted
_STATE_AFTER = {"one", "on", "among", "a", "an", "the", "part", "still", "already"}


def _past_state(doc: Document, g: PhraseMatch, end: int) -> bool:
    """Is the name said to have been in a state, in the simple past ("X, 40, was one of the FBI's Ten Most Wanted
    fugitives", "X was on the list")? That is true of its time, like the past perfect; "was designated" is an act."""
    after = _words_between(doc, g.end, min(end, g.end + 40))[:5]
    k = next((i for i, w in enumerate(after) if w in _PAST_COPULAS), None)
    return k is not None and k + 1 < len(after) and after[k + 1] in _STATE_AFTER and all(
        w.isdigit() for w in after[:k])


_OPEN_QUESTION = {"whether"}  # "waits to learn whether his novel "Flesh" will be named the winner": a question
QUESTION_REACH = 120  # characters before a cue within which "whether" makes it a question
OWNED_REACH = 40  # characters after "X's" within which the group it owns is named ("Ecuador's two largest gangs")


_ADDRESSED = frozenset({"to", "toward", "towards"})


def _addressee(doc: Document, authority: PhraseMatch) -> bool:
    """Is the authority whom something is addressed to ("its report to Congress", "appealed to the Supreme Court"),
    not one that acts? Not the owner of a list ("added X to the State Department's list")."""
    k = authority.first - 1
    if k >= 0 and doc.norms[k] == "the":
        k -= 1
    return k >= 0 and doc.norms[k] in _ADDRESSED and not _possessive(doc, authority)


def _possessive(doc: Document, p: PhraseMatch) -> bool:
    """Is the name followed by "'s" ("the State Department's list", "Iran's designation")?"""
    return doc.norms[p.last:p.last + 1] == ("s",) and doc.view[p.end:p.end + 1] in "'\u2019"


def _owns_the_group(doc: Document, authority: PhraseMatch, phrases: list[PhraseMatch], counts: list[CountMention],
                    table: ReferenceTable) -> bool:
    """Is the authority only the owner of what is designated ("designated Ecuador's Los Choneros", "Ecuador's two
    largest criminal gangs"), not its maker ("added X to Canada's list")?"""
    if doc.view[authority.end:authority.end + 2] != "'s":
        return False
    reach = authority.end + OWNED_REACH
    near = phrases[bisect.bisect_right(phrases, authority.end, key=_BY_START):
                   bisect.bisect_left(phrases, reach, key=_BY_START)]  # phrases are sorted by start
    owned = [p for p in near if p.kind in ("entity", "category")
             and (p.kind == "category" or _entity_type(table, p) != "authority")]
    counted = any(authority.end < c.start < reach for c in counts[bisect.bisect_right(counts, authority.end,
                                                                                        key=_BY_START):][:1])
    first = min([reach, *(o.start for o in owned)])
    return bool(owned or counted) and not any(p.kind in ("designation_cue", "kind") and p.start < first for p in near)


_NOT_ACTOR_BEFORE = {"in", "at", "from", "of", "for", "to", "across", "throughout", "against", "with", "by", "on",
                     "into", "inside", "outside", "near"}
_PASSIVE = {"is", "are", "was", "were", "been", "be", "being", "by"}
ACTOR_REACH = 6  # words between a country and the designation verb it is the subject of


def _foreign_actor(doc: Document, phrases: list[PhraseMatch], anchor: PhraseMatch | None,
                   table: ReferenceTable) -> str | None:
    """The place id of a country that made the designation when the table knows no authority of it ("Canada on
    the same day listed Samidoun as a terrorist entity", "Ecuador's government declared ..."): the country is the
    subject of the cue, not a place something happened in, nor the home of the group designated."""
    if anchor is None:
        return None
    places = [p for p in phrases if p.kind == "place" and p.end <= anchor.start]
    if not places:
        return None
    place = places[-1]
    if any(q.kind in ("entity", "category") and q.start < anchor.start and place.start < q.end for q in phrases):
        return None  # an authority or a group named with or after the country: it is not the cue's subject
    if place.ref in _countries_with_authorities(table):
        return None
    if place.first and doc.norms[place.first - 1] in _NOT_ACTOR_BEFORE:
        return None  # "in Canada", "groups from Mexico"
    between = _words_between(doc, place.end, anchor.start)
    if len(between) > ACTOR_REACH or not _PASSIVE.isdisjoint(between):
        return None
    rest = between[1:] if between[:1] == ["s"] else between  # "Ecuador's government"
    if rest and rest[0] in GOVERNMENT_NOUNS:
        return place.ref
    if rest[:1] == ["which"] and "," in doc.view[place.end:anchor.start]:
        rest = rest[1:]  # "Canada, which listed Tren de Aragua ..."
    if between[:1] == ["s"] or rest and rest[0] not in ACTOR_ADVERBS:
        return None  # "Venezuela's Cartel de los Soles", "Mexican cartels"
    return place.ref


def _unknown_actor(doc: Document, phrases: list[PhraseMatch], cue: PhraseMatch, sent: _Sentence) -> str | None:
    """The name, as written, of whoever made the designation when the table does not know them: a run of
    capitalised words right before the cue's verb ("Texas Gov. Greg Abbott designated", "Argentina on Tuesday
    added"), not opening the sentence alone (where any word is capitalised), not a name or place the table knows,
    and not before a passive ("was designated")."""
    k = bisect.bisect_left(doc.starts, cue.start) - 1
    while k >= sent.first_token and doc.norms[k] in ACTOR_ADVERBS and not _capitalised(doc, k):
        k -= 1
    last = k
    while k >= sent.first_token and _capitalised(doc, k) and last - k < ACTOR_WORDS and not any(
            c in doc.view[doc.ends[k]:doc.starts[k + 1]] for c in ",;:()\"") and not doc.norms[k].isdigit():
        k -= 1
    first = k + 1
    if first > last or (first == last == sent.first_token) or doc.norms[last] in _PASSIVE:
        return None
    start, end = doc.starts[first], doc.ends[last]
    if any(p.start < end and start < p.end for p in phrases if p.kind != "designation_cue"):
        return None  # a name, place or kind the table knows
    if first > sent.first_token and doc.norms[first - 1] in _NOT_ACTOR_BEFORE | _DETERMINERS | NAME_PARTICLES:
        return None  # "in Mexico City designated", "the Sinaloa Cartel", "its al Qaeda sanctions": not an actor
    return doc.text[start:end]


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "your", "this", "that", "these", "those"}
ACTOR_WORDS = 5  # capitalised words an unknown designator's name may have ("Texas Gov. Greg Abbott")


def _without_article(name: str) -> tuple[str, ...]:
    """A name's words without a leading article ("the United States": "united", "states")."""
    w = phrase_words(name)
    return w[1:] if w[:1] == ("the",) else w


def _countries_with_authorities(table: ReferenceTable) -> frozenset[str]:
    """The places the table's authorities belong to (worked out once per table)."""
    cache = derived(table)
    if "authority_countries" not in cache:
        authorities = [e for e in table.entities.values() if e.type == "authority"]
        called = {n for e in authorities for n in map(_without_article, (e.name, *e.aliases))}
        cache["authority_countries"] = frozenset(  # an authority of its own, or one called by the country's name
            {e.country for e in authorities if e.country}
            | {pid for pid, place in table.places.items() if _without_article(place.name) in called})
    return cache["authority_countries"]


_SEQUEL_WORDS = frozenset(SEQUEL_AFTER | SEQUEL_BEFORE)


def _sequel(doc: Document, cs: int, ce: int, groups: list[PhraseMatch]) -> bool:
    """Does the clause tell the next step of the designations just told: "X followed in May" (a group before
    "followed", nothing after it but when) or "In September came X" (a group within three words after "came")?"""
    lo, hi = bisect.bisect_left(doc.starts, cs), bisect.bisect_left(doc.starts, ce)
    norms = doc.norms
    for k in range(lo, hi):
        if norms[k] in SEQUEL_AFTER and any(g.end <= doc.starts[k] for g in groups):
            return k + 1 >= hi or norms[k + 1] in SEQUEL_TAILS
        if norms[k] in SEQUEL_BEFORE and any(k < bisect.bisect_left(doc.starts, g.start) <= k + 3 for g in groups):
            return True
    return False


def _conjoined(doc: Document, groups: list[PhraseMatch], linked: list[PhraseMatch]) -> list[PhraseMatch]:
    """The linked groups and those listed with them ("Tren de Aragua and MS-13 became foreign terrorist
    organizations": the kind term is next to MS-13 only). Only commas and "and", "or", "plus" may join them."""
    if not linked or len(linked) == len(groups):
        return linked
    keep = {id(g) for g in linked}
    for g, h in reversed(list(zip(groups, groups[1:], strict=False))):
        if id(h) in keep and id(g) not in keep:
            between = doc.view[g.end:h.start]
            words = _words_between(doc, g.end, h.start)
            if set(words) <= _CONJUNCTIONS and len(words) <= 1 and not any(c in between for c in ";:.()"):
                keep.add(id(g))
    return [g for g in groups if id(g) in keep]


def rewardable(table: ReferenceTable) -> frozenset[str]:
    """Entity types a reward may be offered for: people, and whatever the table's rewards are about."""
    return _PEOPLE | subject_types(table, "reward")


LIST_HEAD_REACH = 7  # words before "are" in a sentence that gives the members of a list just told
_LIST_VERBS = frozenset({"are", "were", "include", "included"})


def _rest_of_list(doc: Document, s: Sentence) -> bool:
    """Does the sentence open on the rest of a list just given, or on its members ("The others were ...", "The rest
    include ...", "The four are ...")?"""
    opening = bisect.bisect_left(doc.starts, s.start)
    first = doc.norms[opening:bisect.bisect_left(doc.starts, s.end)][:LIST_HEAD_REACH]
    if "others" in first[:3] or tuple(first[:2]) == ("the", "rest"):
        return True
    verb = next((k for k, w in enumerate(first) if w in _LIST_VERBS), 0)
    head = doc.text[s.start:doc.starts[opening + verb]]
    return tuple(first[:1]) == ("the",) and verb >= 2 and not any(c in head for c in ",;:()\"") and all(
        w.islower() or not w.isalpha() for w in head.split()[1:])
    # "The four are X; Y; Z; and W.", "The associates named in the notification are A, B and C."


def _short_intro(doc: Document, s: Sentence) -> bool:
    """A sentence of a few words ending with a colon ("Among them:", "They include:") that opens a list."""
    return doc.text[s.end - 1] == ":" and bisect.bisect_left(doc.starts, s.end) - bisect.bisect_left(
        doc.starts, s.start) <= 4


def _groups(phrases: Iterable[PhraseMatch], table: ReferenceTable, doc: Document) -> list[PhraseMatch]:
    types = designable(table)
    phrases = list(phrases)
    kinds = [k for k in phrases if k.kind == "kind"]
    people = {p.last for p in phrases if p.kind == "entity" and _entity_type(table, p) == "person"}
    return [p for p in phrases if (p.kind == "entity" or p.kind == "trigger" and not p.fuzzy)
            and _entity_type(table, p) in types  # (an event the table designates is named by its triggers too)
            and not _modifies_relation(doc, p, phrases) and not (_place_or_modifier(doc, p) and not _kind_in_place(
                doc, p, kinds, table))
            and not (_entity_type(table, p) == "place" and _a_place_said_in_passing(doc, p, table, phrases))
            and not any(k.start <= p.start and p.end <= k.end and k.end - k.start > p.end - p.start for k in kinds)
            and not _a_persons_own(doc, p, people) and not _object_of_a_deed(doc, p, table)]
    # (nor a name inside a kind's: "its Islamic State and al-Qaida sanctions list" lists, it does not designate)


def _object_of_a_deed(doc: Document, p: PhraseMatch, table: ReferenceTable) -> bool:
    """Is the name the object of a deed a designation is for ("sanctioned for helping Hezbollah", "accused of
    trafficking pangolin scales"), not designated itself? Not when the deed is a designation ("for designating
    Hamas") or a comma lets the sentence say it of the name ("of leading the Cartel de los Soles, a network the
    Treasury designated")."""
    k = p.first - 1
    if k > 0 and doc.norms[k] in DETERMINERS:
        k -= 1
    return (k > 0 and doc.norms[k].endswith("ing") and len(doc.norms[k]) > 5 and doc.norms[k - 1] in ("for", "of")
            and doc.norms[k] not in table.lexicon.words_of("designation_cue")
            and not any(c in doc.view[doc.ends[k - 1]:p.start] for c in _BREAKS)
            and doc.view[p.end:p.end + 1] != ",")


def _a_persons_own(doc: Document, p: PhraseMatch, people: set[int]) -> bool:
    """Is the name the group a person just named belongs to ("Vitel'Homme Innocent of Kraze Baryè")? `people`:
    where the names of people end (the token after each)."""
    k = p.first - 1
    if k > 0 and doc.norms[k] == "the":
        k -= 1
    return k > 0 and doc.norms[k] == "of" and k in people and not doc.view[doc.ends[k - 1]:doc.starts[k]].strip()


_TOWARDS = {"to", "from", "over", "between", "with", "into", "toward", "towards", "against", "via", "out"}


def _a_place_said_in_passing(doc: Document, p: PhraseMatch, table: ReferenceTable,
                             phrases: Sequence[PhraseMatch]) -> bool:
    """Is a country named as a place or an owner, not as what is designated: after a preposition of movement or
    relation ("a channel to Tehran", "over Tehran", "between Canberra and Tehran"), or owning a noun that is not a
    designation's ("after Iran's crackdown", "Iran's ambassador"; not "Iran's designation")?"""
    k = p.first - 1
    if k > 0 and doc.norms[k] == "and" and doc.norms[k - 1] not in _TOWARDS:
        k -= 1  # "between Canberra and Tehran": the word before the first of the two
        while k > 0 and _capitalised(doc, k) and p.first - k <= 4:
            k -= 1
    if k >= 0 and doc.norms[k] in _TOWARDS:  # (not "restricted travel from Chad": a cue's own object)
        return not (doc.norms[k] == "from" and table.lexicon.words_of("designation_cue").intersection(
            doc.norms[max(0, k - 3):k]))
    if _possessive(doc, p) and p.last + 1 < len(doc.norms):
        owned = doc.norms[p.last + 1]  # a cue, kind or category phrase must begin there ("Iran's designation"),
        return owned not in _designation_words(table) or not any(  # not "North Korea's financial networks"
            q.first == p.last + 1 for q in phrases if q.kind in _DESIGNATION_WORDS or q.kind == "category")
    return False


_LOCATIVE = {"in", "at", "near", "across", "throughout", "inside"}


_OBJECT_PRONOUNS = {"him", "her", "them", "it", "us"}
_OBJECT_OPENERS = {"the", "a", "an", "its", "their", "his", "her", "for", "against", "on"}


def _actor(doc: Document, g: PhraseMatch, phrases: Sequence[PhraseMatch]) -> bool:
    """Is the name the subject of an active verb with an object: a verb that is no cue ("The court's prosecutor,
    Karim Khan, requested the warrants"), or a cue right after it with a pronoun or a name for object ("RUSADA
    provisionally suspended her")? The one who acts, not the one designated ("The Houthis, designated a foreign
    terrorist organisation in March, ...", "Hinton shared the prize")."""
    k, norms = g.last, doc.norms
    gap = doc.view[doc.ends[k - 1]:doc.starts[k]].strip() if k < len(norms) else "."
    if gap == "," and k < len(norms) and norms[k] in ARTICLES:  # "Rusada, the Russian anti-doping agency, ..."
        close = _past_aside(doc, k)
        if close is None:
            return False
        k, gap = close, ""  # the verb after the apposition, as if right after the name
    if k + 1 >= len(norms) or gap not in ("", ","):
        return False  # ", requested": the apposition closes before the verb
    while (norms[k].endswith("ly") or norms[k] in _REFLEXIVES) and k + 2 < len(norms):
        k += 1  # "RUSADA provisionally suspended her", "Rusada itself argued for a sanction"
    if not doc.norms[k].endswith("ed") or doc.norms[k] in _RECEIVING or doc.view[doc.ends[k]:doc.starts[k + 1]].strip():
        return False  # (one who "received" or "accepted" a prize or ban is the one it is about)
    if not any(p.first <= k < p.last for p in phrases if p.kind in ("designation_cue", "weak_cue", "kind")):
        return doc.norms[k + 1] in _OBJECT_OPENERS
    # a cue verb right after the name, with an object: the name made the designation ("RUSADA suspended her")
    return doc.norms[k + 1] in _OBJECT_PRONOUNS or not gap and doc.text[doc.starts[k + 1]].isupper()


def _past_aside(doc: Document, k: int) -> int | None:
    """The token after an aside that opens at token `k` after a comma and closes with one within a few words
    ("Rusada, the Russian anti-doping agency, argued", "Uhlenbeck, 76, said"), or None."""
    norms = doc.norms
    close = next((j for j in range(k + 1, min(k + APPOSITION_WORDS, len(norms)))
                  if doc.view[doc.ends[j - 1]:doc.starts[j]].strip() not in ("", "-", "'")), None)
    if close is None or doc.view[doc.ends[close - 1]:doc.starts[close]].strip() != ",":
        return None
    return close


def _speaks(doc: Document, g: PhraseMatch, phrases: Sequence[PhraseMatch]) -> bool:
    """Is the name the subject of a verb of saying, after an aside at most, with nothing of a designation before
    the verb ("Petro, a former guerrilla, said on social media ...", "Maduro, speaking on state television, called
    the sanctions 'criminal'")? The one who speaks of it, not the one designated."""
    norms, k = doc.norms, g.last
    gap = doc.view[doc.ends[k - 1]:doc.starts[k]].strip() if k < len(norms) else "."
    if gap == ",":
        close = _past_aside(doc, k)
        if close is None:
            return False
        k = close  # the verb after the aside ("Uhlenbeck, 76, said")
    elif gap:
        return False
    k += k < len(norms) and norms[k] in _HAVE  # "has called"
    if k >= len(norms) or norms[k] not in _SPEECH_VERBS:
        return False
    return not any(g.end <= p.start < doc.starts[k] for p in phrases if p.kind in _DESIGNATION_WORDS)


_REFLEXIVES = {"itself", "himself", "herself", "themselves"}
_RECEIVING = {"received", "accepted", "shared", "collected", "earned", "obtained", "claimed", "secured"}
APPOSITION_WORDS = 12  # words of an apposition between a name and its verb ("Rusada, the Russian anti-doping agency,")
_CONDITION = re.compile(r"[^a-z]*(?:(?:and|but|so|yet) )?(?:if|unless) [^,;]*")


def _in_condition(doc: Document, start: int, at: int) -> bool:
    """Is the name or amount at `at` inside an "if" clause that opens the sentence ("If the Houthis cease their
    attacks, ... will re-evaluate this designation"; "But if banks conclude that the label is for show, the Houthis
    will have won"; "If the State Department raised the reward to $10 million, somebody would talk")?"""
    return _CONDITION.fullmatch(doc.view, start, at) is not None


_ITEM_VERBS = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "that"}


HEADING_WORDS = 8  # words at most in a heading
_NUMBERED_TITLE = re.compile(r"\d{1,2}\.\s+[^a-z\s]+(?:\s+[^a-z\s]+){2,}")  # "3. THE MUSLIM BROTHERHOOD", not "- CJNG"


def _heading(doc: Document, sent: _Sentence) -> bool:
    """Is the sentence a heading: a short line of its own with no closing punctuation?"""
    s = sent.s
    if sent.last_token - sent.first_token > HEADING_WORDS or doc.text[s.end - 1] in ".!?:;,\"'\u201d\u2019)":
        return False
    line_start = doc.text.rfind("\n", 0, s.start) + 1
    line_end = doc.text.find("\n", s.end)
    return not doc.text[line_start:s.start].strip() and not doc.text[s.end:None if line_end < 0 else line_end].strip()


def _attributive(doc: Document, cue: PhraseMatch, phrases: Sequence[PhraseMatch]) -> bool:
    """Is a one-word cue a participle after "a" that qualifies some other noun ("tested positive for a banned heart
    drug"), not a kind or group noun ("a designated terrorist group")?"""
    k = cue.first
    if cue.last - k != 1 or not k or doc.norms[k - 1] not in ("a", "an") or k + 1 >= len(doc.norms) or not (
            doc.norms[k].endswith("ed")):
        return False  # "a banned": a participle after an indefinite article
    if doc.view[doc.ends[k]:doc.starts[k + 1]].strip() or not doc.text[doc.starts[k + 1]].islower():
        return False
    return not any(p.first in (k + 1, k + 2) for p in phrases if p.kind in ("kind", "category"))


_URGING = {"urged", "urging", "urge", "urges", "called", "calling", "calls", "pressed", "pressing", "asked",
           "asking", "wants", "want", "wanted"}


def _urged_to(words: Sequence[str]) -> bool:
    """Is the cue the end of an urged act, however far ("urged Washington to follow Ottawa's lead and sanction
    Martelly too"): an urging verb, then "to", and no relative clause between?"""
    k = next((i for i in range(len(words) - 1, -1, -1) if words[i] in _URGING), None)
    # not a cue in a relative clause after it: "urged Ottawa to follow Washington, which designated ..."
    return k is not None and "to" in words[k + 1:] and RELATIVE_PRONOUNS.isdisjoint(words[k + 1:])


def _conjuncts_with_cues(doc: Document, clauses: Sequence[tuple[int, int]],
                         phrases: Sequence[PhraseMatch]) -> list[tuple[int, int]]:
    """Clauses, each split at ", and" where both sides have a designation cue of their own ("FIFA and UEFA have
    banned Russian teams, and the IOC suspended the Russian Olympic Committee"): each conjunct keeps its own maker,
    kind and date. A conjunct without a cue ("A in February, and B in May") stays with the clause before."""
    cue_starts = [p.start for p in phrases if p.kind == "designation_cue"]
    if len(cue_starts) < 2:
        return list(clauses)
    out = []
    for cs, ce in clauses:
        start = cs
        for m in _AND_SPLIT.finditer(doc.view, cs, ce):
            if any(start <= c < m.start() for c in cue_starts) and any(m.end() <= c < ce for c in cue_starts):
                out.append((start, m.start()))
                start = m.start() + 1
        out.append((start, ce))
    return out


def _leading_groups(doc: Document, s: Sentence, groups: list[PhraseMatch]) -> list[PhraseMatch]:
    """The names an item of a list of designations lists ("- May: Haiti's Viv Ansanm", "- July 2025: Taliban supreme
    leader Haibatullah Akhundzada and ..."): not a name counted ("- March 2025: The survey counts 286 Mexican
    wolves"), described ("Anubis, a Mexican wolf known for ...") or after a verb of the item's own sentence."""
    out = []
    first = bisect.bisect_left(doc.starts, s.start)
    for g in groups:
        before = doc.norms[max(first, g.first - 1):g.first]
        if before and not doc.view[doc.ends[g.first - 1]:g.start].strip() and (
                before[0] in ("a", "an") or before[0][0].isdigit() or before[0] in COUNT_WORDS):
            continue  # "286 Mexican wolves", "a Mexican wolf"; not "- May 1: César Morfín Morfín"
        if not _ITEM_VERBS.isdisjoint(doc.norms[first:g.first]):
            break
        out.append(g)
    return out


def _place_or_modifier(doc: Document, p: PhraseMatch) -> bool:
    """Is the name a place ("militias in Iraq and Syria", "his role in Syria") or the first part of a compound
    adjective ("the Iran-backed Houthis", "an Iran-based financier"), not something designated?"""
    if doc.view[p.end:p.end + 1] == "-" and doc.view[p.end + 1:p.end + 2].isalpha() and doc.text[p.end + 1].islower():
        return True
    return _locative_before(doc, p) is not None


def _kind_in_place(doc: Document, p: PhraseMatch, kinds: Sequence[PhraseMatch], table: ReferenceTable) -> bool:
    """Is the place the one a kind just before it was declared in ("declared a major disaster in Hawaii", "a state
    of emergency in Florida and Georgia"), the table holding that kind for it? ("a World Heritage site in Italy":
    Italy holds none, it is where the site is)."""
    k = _locative_before(doc, p)
    return k is not None and doc.norms[k] == "in" and any(
        q.last == k and not doc.view[q.end:doc.starts[k]].strip() and _holds_kind(table, p.ref, q.ref) for q in kinds)


def _locative_before(doc: Document, p: PhraseMatch) -> int | None:
    """The word of place before a name ("in" of "in Iraq and Syria"), if one is there."""
    k = p.first - 1
    if k > 0 and doc.norms[k] in ("and", "or") and not doc.view[doc.ends[k - 1]:doc.starts[k]].strip():
        k -= 1  # "in Iraq and Syria": the place before the conjunction; not "in February, and Costa Rica"
        while k > 0 and p.first - k <= 4 and _capitalised(doc, k) and doc.norms[k] not in MONTHS:
            k -= 1
        if k > 0 and doc.norms[k] in _LOCATIVE and _capitalised(doc, k - 1) and doc.norms[p.last:p.last + 1] and (
                doc.norms[p.last] in _LOCATIVE or doc.norms[p.last] == "outside"):
            return None  # "Bears Ears in Utah and Gold Butte in Nevada": a name and its place, twice
    return k if k >= 0 and doc.norms[k] in _LOCATIVE else None


def _modifies_relation(doc: Document, p: PhraseMatch, phrases: Sequence[PhraseMatch]) -> bool:
    """Is the name the "of X" of a relation noun ("a faction of the Sinaloa Cartel", "members of MS-13", "the
    leader of Venezuela's Tren de Aragua gang") or the name before one ("CJNG leader Nemesio Oseguera", "a Jalisco
    cartel boss")? Not when a relative or an apposition after it tells its designation (`phrases`: the clause's)."""
    before = list(doc.norms[max(0, p.first - 5):p.first])
    if before[-1:] == ["the"]:
        before = before[:-1]
    if before[-1:] == ["s"] and len(before) >= 4 and "'" in doc.view[doc.ends[p.first - 2]:doc.starts[p.first - 1]]:
        before = before[:-2]  # "of Venezuela's Tren de Aragua"
    if len(before) >= 2 and before[-1] == "of" and before[-2] in RELATION_NOUNS or _owner_by(doc, p):
        # "the trading arm of Lukoil", "part-owned by Rosneft", "a network led by Maduro"; but "members of MS-13,
        # which was designated ..." says it of the name
        return not _said_of_it(doc, p, phrases)
    if _possessive(doc, p):  # "Hamas's military arm"
        own = doc.norms[p.last + 1:p.last + 3]
        k = 1 if len(own) == 2 and own[1] in RELATION_NOUNS and not _RELATION_HEAD.fullmatch(own[0]) else 0
        if own and own[k] in RELATION_NOUNS and not any(
                c in doc.view[doc.ends[p.last]:doc.starts[p.last + 1 + k]] for c in ",;:.()\""):
            return True  # the arm is what the sentence is about, whatever is said of it next
        if own[:1] and own[0] in _WHAT_BEFELL:
            return True  # "four days after Alexei Navalny's death": an event of the name's, not a designation
    after = doc.norms[p.last:p.last + 2]
    k = 1 if len(after) == 2 and after[1] in RELATION_NOUNS and not _RELATION_HEAD.fullmatch(after[0]) else 0
    return bool(after) and after[k] in RELATION_NOUNS and not any(
        c in doc.view[p.end:doc.starts[p.last + k]] for c in ",;:.()\"'")


def _said_of_it(doc: Document, p: PhraseMatch, phrases: Sequence[PhraseMatch]) -> bool:
    """Does a relative clause or an apposition right after the name, set off by a comma, say something of it
    (", which was designated ...") or tell its designation ("members of Tren de Aragua, which the State Department
    listed as ...", "run by Sovcomflot, the tanker company that the Treasury blacklisted")? A cue must lie within
    it, before the next break, and not be the relative's own verb ("editor of Novaya Gazeta, which suspended
    publication": the paper acts)."""
    if _SAID_OF_IT.match(doc.view, p.end):
        return True
    k = p.last
    if k >= len(doc.norms) or doc.view[p.end:doc.starts[k]].strip() != "," or (
            doc.norms[k] not in RELATIVE_PRONOUNS and doc.norms[k] not in ARTICLES):
        return False
    stop = min(k + ASIDE_CUE_WORDS, len(doc.norms))
    end = next((j for j in range(k + 1, stop) if any(c in doc.view[doc.ends[j - 1]:doc.starts[j]] for c in _BREAKS)),
               stop)
    return any(q.kind == "designation_cue" and k + 1 < q.first and q.last <= end for q in phrases)


ASIDE_CUE_WORDS = 12  # words from a name's comma to the designation cue of its relative or apposition


def _owner_by(doc: Document, p: PhraseMatch) -> bool:
    """Is the name the "by X" of a verb of owning or leading ("a network led by Maduro", "the newspaper run by
    Nobel laureate Dmitry Muratov", "run from the United States by Pannun"), in one stretch without punctuation?"""
    norms, view = doc.norms, doc.view
    for k in range(p.first - 1, max(-1, p.first - 1 - OWNER_REACH), -1):
        if any(c in view[doc.ends[k]:doc.starts[k + 1]] for c in _BREAKS):
            return False
        if norms[k] != "by":
            continue
        for j in range(k - 1, max(-1, k - 1 - OWNER_REACH), -1):
            if norms[j] in _OWNER_VERBS:
                return True
            if any(c in view[doc.ends[j]:doc.starts[j + 1]] for c in _BREAKS):
                return False
        return False
    return False


OWNER_REACH = 5  # words from "by" back to its verb, and from the name back to "by"
_BREAKS = ",;:.()\"“”"


_WHAT_BEFELL = frozenset({"death", "killing", "murder", "assassination", "poisoning", "funeral", "arrest", "capture",
                          "detention", "imprisonment", "trial", "conviction", "sentencing", "release", "extradition",
                          "escape", "disappearance", "resignation"})
_SAID_OF_IT = re.compile(r"\s*,\s*(?:which|who)\s+(?:was|were|is|are|has|have|had)\b")
_OWNER_VERBS = {"owned", "controlled", "run", "operated", "backed", "led", "founded", "headed", "financed"}
_RELATION_HEAD = re.compile(r"of|and|or|the|a|an|is|was|are|were")  # not a noun between a name and "leader"


def _speaker(doc: Document, end: int, cue_start: int) -> bool:
    """Is the name that ends at `end` the one who reports the designation after it ("Bondi ... noted that the
    Sinaloa Cartel is now a designated FTO"), not the one who made it?"""
    between = _words_between(doc, end, cue_start)
    return any(w in ATTRIBUTION_VERBS and between[k + 1:k + 2] == ["that"] for k, w in enumerate(between))


def _says(doc: Document, p: PhraseMatch) -> bool:
    """Is the name the subject of a verb of saying ("Memorial, the prosecutors said, had failed to ...")?"""
    k = bisect.bisect_left(doc.starts, p.end)
    return k < len(doc.norms) and doc.norms[k] in ATTRIBUTION_VERBS and doc.view[doc.ends[k]:doc.ends[k] + 1] in ",."


def _makes(table: ReferenceTable, authority: str, kind: str) -> bool:
    """Can the authority (or one it is part of, or one part of it) make designations of the kind?"""
    k = table.kinds.get(kind)
    return k is None or not k.authorities or any(
        authority in table.ancestors(a) or a in table.ancestors(authority) for a in k.authorities)


def _only_kind_made_by(table: ReferenceTable, authority: str) -> str | None:
    """The one kind the authority makes, if it makes exactly one."""
    made = [k for k, v in table.kinds.items() if v.authorities and _makes(table, authority, k)]
    return made[0] if len(made) == 1 else None


def _agent(doc: Document, makers: Sequence[PhraseMatch], anchor: PhraseMatch | None) -> PhraseMatch | None:
    """The maker a passive cue names with "by" ("five ICC officials sanctioned by Washington"), nearer or not."""
    if anchor is None:
        return None
    for p in makers:
        if p.start >= anchor.end:
            words = _words_between(doc, anchor.end, p.start)
            if words[:1] == ["by"] and len(words) <= 2 and set(words[1:]) <= ARTICLES:
                return p
    return None


def _nearest_kind(kinds: list[PhraseMatch], anchor: PhraseMatch | None) -> str | None:
    if not kinds:
        return None
    best = _near(kinds, anchor.start) if anchor else kinds[0]
    return best.ref


def _kind_named_as(doc: Document, kinds: list[PhraseMatch], anchor: PhraseMatch | None) -> str | None:
    """The first kind after the cue when "as" introduces it ("declared X an FTO in 2010 and designated two
    commanders, A and B, as global terrorists": A and B are global terrorists), else None."""
    if anchor is None:
        return None
    first_after = min((k for k in kinds if k.start >= anchor.end), key=_BY_START, default=None)
    if first_after is None:
        return None
    return first_after.ref if _after_as(_words_between(doc, max(anchor.end, first_after.start - 7),
                                                       first_after.start)) else None


def _after_as(lead: list[str]) -> bool:
    """Do the words before a term end with "as", "as a" or "as an"?"""
    return lead[-1:] == ["as"] or lead[-2:] in (["as", "a"], ["as", "an"])


def _designation_claim(g: PhraseMatch, s: Sentence, kind: str | None, authority: str | None,
                       date: DateMention | None, cue: PhraseMatch | None, negation: str | None = None,
                       past: bool = False) -> Claim:
    return Claim("designation", g.start, g.end, s, g.ref,
                 {"kind": kind, "authority": authority, "negated": negation is not None,
                  "removed": negation == "removed", "past": past, "fuzzy": g.fuzzy}, date)


class _DateAfter:
    """With several dates in a clause, a listed item takes the first date after it ("A and B in February,
    and C in September"), else the one nearest the cue; never a date of a later conjunct that its own list was
    closed before ("A and B in the first days of the war, and C in March 2022": March is C's alone)."""

    def __init__(self, dates: list[DateMention], default: DateMention | None, doc: Document | None = None,
                 groups: Sequence[PhraseMatch] = ()) -> None:
        self._dates = sorted(dates, key=_BY_START) if len(dates) > 1 else []
        self._starts = [d.start for d in self._dates]
        self.default = default
        self._conjuncts = _conjunct_starts(doc, groups) if doc is not None and len(groups) > 1 else []
        # ", and in May it targeted ...": a conjunct that opens on its own date
        self._opening = {d.start: d for d in dates if doc is not None and _after_and(doc, d.start)}  # (the only
        # date too: "added Burhan, the army chief, and in August two allies": not Burhan's)
        verbs = {v for d in dates if doc is not None and (v := _verb_conjunct(doc, d, groups)) is not None}
        if self._opening or verbs:  # (", and added 11 more in June": a verb's conjunct and its date)
            self._conjuncts = sorted({*self._conjuncts, *self._opening, *verbs})
        self._first = min((g.start for g in groups), default=0) if self._conjuncts else 0
        self._doc = doc
        # "..., as well as Iran's IRGC, designated in 2019": a date in a participle phrase after one name is its own
        self._owner: dict[int, int] = {}
        if doc is not None and groups:
            by_end = sorted(groups, key=lambda g: g.end)
            ends = [g.end for g in by_end]
            for d in (*dates, default):
                k = bisect.bisect_right(ends, d.start) - 1 if d is not None else -1
                if k >= 0 and _participle_between(doc, by_end[k].end, d.start):  # type: ignore[union-attr]
                    self._owner[d.start] = by_end[k].start  # type: ignore[union-attr]
                elif k >= 0 and _ITEM_PARTICIPLE.fullmatch(doc.view, by_end[k].end, d.start):  # type: ignore
                    self._owner[d.start] = -by_end[k].end  # type: ignore[union-attr]
                    # "A, B, the three Haitian gangs listed in May, C": the item it ends is its owner, no name

    def of(self, mention: PhraseMatch | CountMention) -> DateMention | None:
        """The date for one listed item."""
        k = bisect.bisect_right(self._conjuncts, mention.start)
        own_from = self._conjuncts[k - 1] if k else None  # the item's conjunct: [own_from, own_to)
        own_to = self._conjuncts[k] if k < len(self._conjuncts) else None

        def its_own(d: DateMention) -> bool:  # not a date inside another conjunct
            return (own_to is None or d.start < own_to) and (own_from is None or not self._first <= d.start < own_from)

        def of_a_part(d: DateMention) -> bool:  # "a dozen groups, starting with eight in February"
            return (self._doc is not None and d.start > mention.end
                    and _opens_a_part(self._doc, mention.end, d.start))

        def anothers(d: DateMention) -> bool:  # "A, B and C, ..., as well as D, designated in 2019": D's alone
            owner = self._owner.get(d.start, mention.start)
            if owner < 0:  # an item with no name of its own: what it holds ("the three Haitian gangs") takes it
                return not -owner <= mention.start < d.start
            return owner != mention.start

        if own_from in self._opening:  # "..., and in 2021 it went to Navalny": that date is Navalny's
            return self._opening[own_from]
        k = bisect.bisect_left(self._starts, mention.end)
        if k < len(self._dates) and its_own(self._dates[k]) and not of_a_part(self._dates[k]) and not anothers(
                self._dates[k]):
            return self._dates[k]
        return self.default if self.default is None or (its_own(self.default) and not of_a_part(self.default)
                                                        and not anothers(self.default)) else None


_PARTICIPLE_PHRASE = re.compile(r"\s*,\s*(?:[a-z]+ly\s+)?[a-z]+ed(?:\s+(?:in|on|since|as of))?\s*")


_ITEM_PARTICIPLE = re.compile(  # ", the three Haitian gangs listed in": a noun phrase, then its participle
    r"\s*,\s*(?:the|a|an|its|their)\s+(?!(?:[a-z'-]+\s+){0,4}(?:was|were|is|are|had|has|have|been|be)\s)"
    r"(?:[a-z'-]+\s+){1,4}[a-z]+ed\s+(?:(?:in|on)\s+)?")


def _participle_between(doc: Document, a: int, b: int) -> bool:
    """Is the text between a name and a date a participle phrase that the date ends (", designated in 2019",
    ", first listed on")?"""
    return 0 < b - a <= 40 and _PARTICIPLE_PHRASE.fullmatch(doc.view, a, b) is not None


_AND_SPLIT = re.compile(r",\s+and,?\s+")  # (", and, last month, X": a comma after "and" too)
_CLAUSE_SPLIT = re.compile(r",\s+and,?\s+|;\s+")
_AUXILIARIES = {"have", "has", "had", "were", "are", "was", "is", "will", "would"}
_NEW_SUBJECT = {"the", "a", "an", "it", "he", "she", "they", "we", "its", "their", "his", "her"}


_OWN_VERBS = {"was", "is", "has", "had", "will", "were", "are", "would", "could", "plans", "wants"}


def _subject_of_its_own(doc: Document, p: PhraseMatch) -> bool:
    """Is the name, after the cue, the subject of a verb of its own ("... and diplomats said Washington was drafting
    a resolution"), not the maker of the designation ("..., the State Department said")?"""
    return p.last < len(doc.norms) and doc.norms[p.last] in _OWN_VERBS


def _new_clause_between(doc: Document, a: int, b: int) -> bool:
    """Does a clause with a subject of its own start between two positions (", and the State Department offers";
    "; each has")?"""
    for m in _CLAUSE_SPLIT.finditer(doc.view, a, b):
        k = bisect.bisect_left(doc.starts, m.end())
        if k < len(doc.norms) and doc.starts[k] < b and (
                doc.norms[k] in _NEW_SUBJECT or doc.text[doc.starts[k]].isupper()
                or k + 1 < len(doc.norms) and doc.norms[k + 1] in _AUXILIARIES):  # ", and judges have since ..."
            return True
    return False


def _conjunct_authority(doc: Document, after: int, before: int, authorities: _Nearest) -> PhraseMatch | None:
    """The authority of an amount's own conjunct, when one starts after the cue (", and the State Department up
    to $5 million")."""
    splits = list(_AND_SPLIT.finditer(doc.view, after, before))
    if not splits:
        return None
    return next((p for p in authorities.around(before) if splits[-1].end() <= p.start < before), None)


VERB_CONJUNCT_WORDS = 6  # words between ", and" and a date in the conjunct its past verb opens


def _verb_conjunct(doc: Document, d: DateMention, groups: Sequence[PhraseMatch]) -> int | None:
    """Where a conjunct that opens with a past verb and holds the date starts, after a name ("with seven officials,
    Cabello among them, and added 11 more in June": June is not Cabello's)."""
    split = max(_AND_SPLIT.finditer(doc.view, max(0, d.start - VERB_CONJUNCT_CHARS), d.start),
                key=lambda m: m.start(), default=None)  # the last ", and" before the date
    if split is None or not any(g.end <= split.start() for g in groups):
        return None
    words = _words_between(doc, split.end(), d.start)
    if not words or len(words) > VERB_CONJUNCT_WORDS or not (words[0].endswith("ed") or words[0] in IRREGULAR_VERBS):
        return None
    return split.end()


VERB_CONJUNCT_CHARS = 80  # characters before a date searched for the ", and" of its conjunct


def _after_and(doc: Document, pos: int) -> bool:
    """Does ", and" stand right before `pos` (a date that opens a conjunct of its own: ", and in May ...")?"""
    return any(m.end() == pos for m in _AND_SPLIT.finditer(doc.view, max(0, pos - 8), pos))


_PART_OPENERS = {"starting", "beginning", "including", "among", "led"}  # ", starting with eight groups in February"


def _opens_a_part(doc: Document, start: int, end: int) -> bool:
    """Does a phrase about part of what was just counted or named open between two positions (a comma, then
    "starting with", "including", "among them")? A date after it is that part's."""
    comma = doc.text.find(",", start, end)
    words = _words_between(doc, comma, end) if comma >= 0 else []
    return bool(words) and words[0] in _PART_OPENERS


def _conjunct_starts(doc: Document, groups: Sequence[PhraseMatch]) -> list[int]:
    """Where a later conjunct of names starts after a list closed by a phrase or clause of its own: the name after
    "A and B in the first days of the war, and (of) ..." or "A and B, which were designated in 2022, and ..." (a
    preposition or a relative pronoun right after a name, then "and")."""
    ordered = sorted(groups, key=_BY_START)
    starts = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = _words_between(doc, a.end, b.start)
        opener = between[0] if between else ""
        gap = doc.text[a.end:b.start]
        if len(between) >= 3 and (opener in PHRASE_PREPOSITIONS or opener in RELATIVE_PRONOUNS) and (
                "and" in between[1:] and ("," in gap or ";" in gap)):
            starts.append(b.start)
    return starts


CLAUSE_REACH = 400  # characters between a cue and a date within which clause structure is looked at


def _in_subclause(doc: Document, cue: PhraseMatch | None, d: DateMention | PhraseMatch) -> bool:
    """Does the date belong to a clause of its own after the cue ("designated in 2025 after Greece nominated them
    in 2014")? A subordinating word, then at least two words, then the date."""
    if cue is None or d.start < cue.end or d.start - cue.end > CLAUSE_REACH:
        return False
    between = _words_between(doc, cue.end, d.start)
    return any(w in SUBORDINATORS and len(between) - k > 2 for k, w in enumerate(between))


def _dates_an_event_phrase(doc: Document, sentence_start: int, d: DateMention) -> bool:
    """Does the date close a phrase about another event ("since Russia's full-scale invasion of Ukraine two years
    ago", "after the attack on the consulate in May")? An event preposition, at least two words, then the date,
    with no comma between."""
    reach = max(sentence_start, d.start - 80)
    lo = max(reach, *(doc.text.rfind(c, reach, d.start) + 1 for c in ",:;"))
    before = _words_between(doc, lo, d.start)[-10:]
    return any(w in EVENT_PREPOSITIONS and len(before) - k > 2 and not (k and before[k - 1] in _AUXILIARIES)
               for k, w in enumerate(before))  # (not the adverb of "have since come off")


RELATIVE_REACH = 6  # words after a comma within which a relative pronoun opens a clause of its own


class _Relatives:
    """Relative clauses opened after a cue, within one clause: is a position inside one that has not closed
    ("sanctioned Los Chapitos, the faction ..., which has been at war with Los Mayos": Los Mayos is not
    sanctioned)? Not when the clause is about the list ("on the bloc's list, which also still includes Costa
    Rica") or has a cue of its own. Built once per clause: each question is a few bisections."""

    def __init__(self, doc: Document, cue_end: int, clause_end: int, phrases: list[PhraseMatch],
                 groups: list[PhraseMatch]) -> None:
        self.doc, self.cue_end = doc, cue_end
        lo, hi = bisect.bisect_left(doc.starts, cue_end), bisect.bisect_left(doc.starts, clause_end)
        norms = doc.norms
        self.openers = [j for j in itertools.compress(range(lo, hi), map(_RELATIVE_OPENERS.__contains__,
                                                                         norms[lo:hi]))]
        self.commas = [m.start() for m in _CLOSERS.finditer(doc.text, cue_end, clause_end)] if self.openers else []
        if not self.openers:
            return
        listing = [p for p in phrases if p.kind in ("kind", "designation_cue", "weak_cue")]
        self.list_ends = {p.last - 1 for p in listing}
        self.cue_starts = sorted(p.start for p in listing)
        self.name_ends = {g.last - 1 for g in groups}

    def holds(self, pos: int, date: bool = False) -> bool:
        """Is `pos` inside such a relative clause? A `date` there still dates the name the clause is about
        ("Iran, North Korea and Myanmar, the last of which has been on it since 2020")."""
        doc = self.doc
        n = bisect.bisect_left(self.openers, bisect.bisect_left(doc.starts, pos))
        if not n:
            return False
        k = self.openers[n - 1]
        c = bisect.bisect_left(self.commas, doc.ends[k])
        if c < len(self.commas) and self.commas[c] < pos:
            return False  # the clause closed before `pos`
        if not c or len(_words_between(doc, self.commas[c - 1], doc.starts[k])) >= RELATIVE_REACH:
            return False  # no comma just before the pronoun
        close = self.commas[c] if c < len(self.commas) else len(doc.text)
        if not _INCLUDES.isdisjoint(_words_between(doc, doc.ends[k], close)):
            return False  # "the list of Washington, which since February includes eight cartels": about the list
        antecedent = bisect.bisect_left(doc.starts, self.commas[c - 1]) - 1  # the last word before that comma
        if date and antecedent in self.name_ends and not _STATE_VERBS.isdisjoint(
                _words_between(doc, doc.ends[k], pos)):
            return False  # "Myanmar, the last of which has been on it since 2020": the name's own listing
        q = bisect.bisect_right(self.cue_starts, doc.starts[k])
        return antecedent not in self.list_ends and not (q < len(self.cue_starts) and self.cue_starts[q] < pos)


_RELATIVE_OPENERS = {"which", "who", "whose"}
_INCLUDES = frozenset({"include", "includes", "included", "contain", "contains", "contained"})
_CLOSERS = re.compile("[,;]")
_STATE_VERBS = {"been", "is", "was", "are", "were", "remains", "remained", "listed", "designated", "sanctioned"}


def _in_relative(doc: Document, sentence_start: int, cue: PhraseMatch | None, d: DateMention) -> bool:
    """Is the date inside a relative clause set off by commas before the cue ("The committee, which opened its
    session on July 7, inscribed ...")?"""
    if cue is None or d.end > cue.start or cue.start - d.end > CLAUSE_REACH or "," not in doc.text[d.end:cue.start]:
        return False
    comma = doc.text.rfind(",", max(sentence_start, d.start - CLAUSE_REACH), d.start)
    opener = _words_between(doc, comma + 1, d.start)[:RELATIVE_REACH] if comma >= 0 else []
    return not RELATIVE_PRONOUNS.isdisjoint(opener)  # ", which opened", ", the OneCoin founder who disappeared"


_APPOSITION = re.compile(r"\s*,\s*(?:the|a|an)\s+[^,;:()]*")  # ", the group blamed for the ambush ... on"


def _in_apposition(doc: Document, groups: Sequence[PhraseMatch], phrases: Sequence[PhraseMatch],
                   d: DateMention) -> bool:
    """Is the date inside an apposition after a name or kind that tells no designation ("X, the group blamed for the
    ambush on Oct. 4 last year", "declares X a PHEIC, the sixth such declaration since 2009")?"""
    g = _last_group_before(groups, d.start)
    return g is not None and _APPOSITION.fullmatch(doc.view, g.end, d.start) is not None and not any(
        g.end <= p.start < d.start for p in phrases if p.kind in ("designation_cue", "weak_cue", "kind"))


def _perfect_after_comma(doc: Document, a: int, b: int) -> bool:
    """Does a clause in the present perfect open after the last comma between two places ("..., the same label
    they have pinned on")?"""
    comma = doc.view.rfind(",", a, b)
    after = _words_between(doc, comma, b) if comma >= 0 else []
    return any(w in ("has", "have") and (n.endswith("ed") or n in IRREGULAR_VERBS)
               for w, n in zip(after, after[1:], strict=False))


CONTACT_CHARS = 60  # characters of a relative clause with no "that" before its date
_CONTACT_RELATIVE = re.compile(  # "a law Putin signed on", "the decree the president issued in": a name, a past verb
    r"\b(?:a|an|the|its|their)\s+[a-z-]+\s+(?:[A-Z][\w.'-]*\s+){1,3}[a-z]+ed\s+(?:on\s+|in\s+)?$")


def _last_group_before(groups: Sequence[PhraseMatch], pos: int) -> PhraseMatch | None:
    """The group that ends last at or before `pos`."""
    return max((g for g in groups if g.end <= pos), key=lambda g: g.end, default=None)


def _aside_before(doc: Document, groups: Sequence[PhraseMatch], d: DateMention | PhraseMatch,
                  cue_start: int) -> int | None:
    """Where an aside that holds the date (or a name) opens, between a name and the cue it is the subject of ("FBK, a
    foreign agent since 2019, was outlawed"); None when the date is in no such aside."""
    g = _last_group_before(groups, d.start)
    if g is None or d.end > cue_start or _OPENS_ASIDE.fullmatch(doc.view, g.end, d.start) is None or (
            _CLOSES_ASIDE.fullmatch(doc.view, d.end, cue_start) is None):
        return None
    return g.end


def _in_an_aside_before(doc: Document, p: PhraseMatch, phrases: Sequence[PhraseMatch], cue_start: int) -> bool:
    """Is the name inside an apposition set off by commas right after another name, before the cue that name is the
    subject of ("Margaret Chan, Tedros's predecessor, declared", "Biden, no friend of Ron DeSantis, approved")? Not
    in a relative clause ("Russia, whose membership the FATF suspended, is not on either list": the FATF's)."""
    opens = _aside_before(doc, [q for q in phrases if q.kind == "entity"], p, cue_start)
    return opens is not None and RELATIVE_PRONOUNS.isdisjoint(_words_between(doc, opens, p.start)[:1])


_OPENS_ASIDE = re.compile(r"\s*,[^,;.]*")
_CLOSES_ASIDE = re.compile(r"[^,;.]*,\s*(?:[a-z]+\s+){0,3}")  # ", was", ", has since been"


class _OtherRelatives:
    """Is a date in a relative clause about some other noun or act than the designation ("sanctioned A, B and C
    under the Regulations, which came into force on Nov. 3"; "Dimitri Hérard, the former head of the palace guard
    who escaped from prison last year")? Not one right after the names ("A and B, which were designated on Feb.
    20"), nor one that tells the listing ("Patel, wanted in a 2015 killing, who has been on the list since 2019").
    Built once per clause: each question is a few bisections and one bounded search."""

    def __init__(self, doc: Document, groups: Sequence[PhraseMatch], phrases: Sequence[PhraseMatch]) -> None:
        self.doc, self.groups, self.phrases = doc, groups, phrases
        self.ends: list[int] | None = None  # worked out at the first question: most clauses ask none

    def other_noun(self, d: DateMention) -> bool:
        """The question, for one date."""
        if self.ends is None:
            self.ends = sorted(g.end for g in self.groups)
            self.cues = sorted(p.start for p in self.phrases if p.kind in ("designation_cue", "weak_cue", "kind"))
        k = bisect.bisect_right(self.ends, d.start)
        if not k:
            return False
        view, last_end = self.doc.view, self.ends[k - 1]
        m = None
        for found in _RELATIVE_OPENER.finditer(view, max(last_end, d.start - RELATIVE_CHARS), d.start):
            m = found  # the last opener before the date
        if m is None or not view[last_end:m.start()].strip(" ,"):
            return False
        q = bisect.bisect_left(self.cues, m.end())
        return not (_LISTED_STATE.search(view, m.end(), d.start) or q < len(self.cues) and self.cues[q] < d.start)


RELATIVE_CHARS = 200  # characters before a date searched for the relative pronoun that opens its clause
_LISTED_STATE = re.compile(r"\bon (?:it|them|the list|its list|their list)\b")


_RELATIVE_OPENER = re.compile(r",?\s+(?:" + "|".join(sorted(RELATIVE_PRONOUNS - {"where"})) + r")\b")


def _about_a_group_before(doc: Document, groups: Sequence[PhraseMatch], a: int, b: int) -> bool:
    """Does a relative clause about a name open between two positions ("... money to Hamas, which the U.S. has
    designated"), not about something else ("approve the order, which also outlaws X")?"""
    comma = doc.text.rfind(",", a, b)
    return _relative_opens_between(doc, a, b) and any(0 <= comma - g.end <= 1 for g in groups)


def _relative_opens_between(doc: Document, a: int, b: int) -> bool:
    """Does a relative clause set off by a comma open between two positions (", the last of which has been ...")?"""
    comma = doc.text.rfind(",", a, b)
    return comma >= 0 and not RELATIVE_PRONOUNS.isdisjoint(_words_between(doc, comma + 1, b)[:RELATIVE_REACH])


_INNER_MARKS = {"'", "\u2019", "-"}  # marks inside a name, not between words
_SUBJECT_VERBS = frozenset(_RECEIVING | _JOIN_VERBS | SEQUEL_AFTER)  # whoever "received" a prize or "joined" a list
# is the subject of the verb: it designates no object, and its passive is no designation
UNKNOWN_OBJECT_WORDS = 8  # words a name the table does not know may have, after the verb that designates it


def _unknown_names(doc: Document, sent: _Sentence, cues: Sequence[PhraseMatch], phrases: Sequence[PhraseMatch],
                   start: int, end: int, makers: set[int]) -> list[tuple[int, int]]:
    """The character spans of names the table does not know that the clause's designating verbs designate, as their
    objects or, in the passive, their subjects; none that a phrase of the table or a date takes part of (`makers`:
    the token right after each authority's name)."""
    cues = [c for c in cues if not _capitalised(doc, c.first)]  # not "US Sanctions Grinex, Offers Up to $5M"
    if not cues or _headline(doc, sent):
        return []
    runs = _unknown_objects(doc, sent, cues, end, makers) + _unknown_subjects(doc, sent, cues, start)
    if not runs:
        return []
    taken = {t for p in phrases if p.kind in _NAMED_KINDS or p.kind == "kind" for t in range(p.first, p.last)}
    for d in _inside(sent.dates, start, end):
        taken.update(range(bisect.bisect_left(doc.starts, d.start), bisect.bisect_left(doc.starts, d.end)))
    return [(doc.starts[a], doc.ends[b - 1]) for a, b in runs if taken.isdisjoint(range(a, b))]


def _unknown_objects(doc: Document, sent: _Sentence, cues: Sequence[PhraseMatch], end: int,
                     makers: set[int]) -> list[tuple[int, int]]:
    """The token runs of names the table does not know that a designating verb takes as its objects: "It also
    designated Alexander Mishin and Aleksandr Bolshakov", "Treasury sanctions Nguyen Mau Chien", "sanctioned
    several figures of the former regime, among them Salah Gosh"."""
    norms, out = doc.norms, []
    last = min(sent.last_token, bisect.bisect_left(doc.starts, end))
    for cue in cues:
        verb = norms[cue.last - 1]
        if verb in _SUBJECT_VERBS or not (
                verb.endswith("ed") or verb.endswith("s") and cue.first in makers):
            continue  # ("sanctions" is a verb right after its maker: "Treasury sanctions X")
        among = next((j for j in range(cue.last, min(last, cue.last + AMONG_WORDS)) if norms[j] in _AMONG_WORDS
                      and doc.text[doc.ends[j - 1]:doc.starts[j]].strip() == ","), None)
        out += _name_runs(doc, cue.last, last)
        if among is not None:
            out += _name_runs(doc, among + 1 + (norms[among] in _AMONG_TWO), last)
    return out


AMONG_WORDS = 8  # words from a designating verb to the "among them" that lists its objects
_AMONG_WORDS = {"among", "including", "notably"}
_AMONG_TWO = {"among"}  # "among them", "among those"


def _name_runs(doc: Document, i: int, last: int) -> list[tuple[int, int]]:
    """The names, as token runs, that open at token `i` and go on with commas and "and", up to token `last`."""
    norms, runs = doc.norms, []
    if i < last and doc.text[doc.ends[i - 1]:doc.starts[i]].strip():
        return []  # "sanctions 'El Chapo' sons'": a name in quotes modifies what follows
    while i < last:
        j = i
        while j < last and j - i < UNKNOWN_OBJECT_WORDS and (
                _capitalised(doc, j) or j > i and (norms[j].isdigit() or norms[j] in NAME_PARTICLES
                                                   and j + 1 < last and _capitalised(doc, j + 1))):
            if j > i and any(c in doc.text[doc.ends[j - 1]:doc.starts[j]] for c in ",;:()\u2014\u2013\""):
                break
            if j + 1 < last and doc.text[doc.ends[j]:doc.starts[j + 1]] in _INNER_MARKS:
                j += 1  # "Sa'id", "al-Jamal"
            j += 1
        if j == i:
            break
        runs.append((i, j))
        if j >= last:
            break
        gap = doc.text[doc.ends[j - 1]:doc.starts[j]].strip()
        if gap == "," and j + 1 < last and norms[j] == "and":
            i = j + 1
        elif gap == "," and _capitalised(doc, j):
            i = j
        elif not gap and norms[j] == "and" and j + 1 < last and _capitalised(doc, j + 1):
            i = j + 1
        elif gap or norms[j] in NAME_ENDERS or norms[j] == "for":
            break
        else:
            return []  # a capitalised word before a lower-case noun modifies it: "sanctioned Russian banks"
    return runs


_OBJECT_PREPOSITIONS = {"of", "for", "to", "with", "into", "about", "against"}
_QUOTES = {'"', "\u201c", "\u201d"}
_PASSIVE_AUX = {"was", "were", "is", "are", "been"}
_PASSIVE_ADVERBS = {"also", "first", "later", "then", "itself", "himself", "herself", "themselves", "formally",
                    "officially", "already", "since", "subsequently", "once"}


def _unknown_subjects(doc: Document, sent: _Sentence, cues: Sequence[PhraseMatch],
                      start: int) -> list[tuple[int, int]]:
    """The token runs of names the table does not know that a designating verb in the passive is said of:
    "Inspur, the server maker, was blacklisted in March", "Mauritius, which was grey-listed in February 2020"."""
    norms, out = doc.norms, []
    first = max(sent.first_token, bisect.bisect_left(doc.starts, start))
    for cue in cues:
        if norms[cue.first] in _SUBJECT_VERBS or not any(
                norms[t].endswith("ed") for t in range(cue.first, cue.last)):  # ("was grey-listed")
            continue
        k = cue.first - 1
        while k > first and (norms[k].endswith("ly") or norms[k] in _PASSIVE_ADVERBS):
            k -= 1
        if k <= first or norms[k] not in _PASSIVE_AUX or doc.text[doc.ends[k]:doc.starts[k + 1]].strip():
            continue
        k -= 2 if norms[k] == "been" and norms[k - 1] in _HAVE else 1  # the last word before "was", "has been"
        if k < first:
            continue
        gap = doc.text[doc.ends[k]:doc.starts[k + 1]].strip()
        if norms[k] in ("which", "who") and k > first and doc.text[doc.ends[k - 1]:doc.starts[k]].strip() == ",":
            k -= 1  # "Mauritius, which was grey-listed"
        elif gap == ",":  # "Inspur, the server maker, was blacklisted"; "Soleimani's successor, Esmail Qaani, was"
            opening = next((j for j in range(k, max(first, k - APPOSITION_WORDS), -1)
                            if doc.text[doc.ends[j - 1]:doc.starts[j]].strip() == ","), first)
            if opening <= first or not all(_capitalised(doc, j) or norms[j] in NAME_PARTICLES
                                           for j in range(opening, k + 1)) or _capitalised(doc, opening - 1):
                k = opening - 1
        elif gap:
            continue
        if k < first or not _capitalised(doc, k):
            continue
        a = k
        while a > first and (not doc.text[doc.ends[a - 1]:doc.starts[a]].strip()
                             or doc.text[doc.ends[a - 1]:doc.starts[a]] in _INNER_MARKS) and (
                _capitalised(doc, a - 1) or norms[a - 1] in NAME_PARTICLES or norms[a - 1].isdigit()):
            a -= 1
        while a < k and norms[a] in FUNCTION_WORDS:
            a += 1  # "The Bahamas"
        if norms[a] in FUNCTION_WORDS or norms[a] in DETERMINERS or norms[a] in COUNT_WORDS:
            continue  # "It was designated", "Four were declared"
        b = a
        while b > first and norms[b - 1] in ARTICLES:
            b -= 1
        if b > first and (norms[b - 1] in PHRASE_PREPOSITIONS or norms[b - 1] in _OBJECT_PREPOSITIONS
                          or any(q in doc.text[doc.ends[b - 1]:doc.starts[b]] for q in _QUOTES)):
            continue  # "at the Institute for Advanced Study in Princeton, New Jersey, has been named": a place
        out.append((a, k + 1))
    return out


def _holds_kind(table: ReferenceTable, entity_id: str, kind: str | None) -> bool:
    """Does the table record a designation of this entity of the kind (or of one that implies it)?"""
    return any(f.predicate == "designation" and any(table.kind_covers(k, kind) for k in f.kinds)
               for f in table.facts_by_subject.get(entity_id, ())) if kind else False


def _refers_back(doc: Document, cues: list[PhraseMatch]) -> bool:
    """Is a cue a one-word noun after "the", "that" or "its" ("have received the label since 2016"), which names the
    kind told before?"""
    return any(c.last - c.first == 1 and c.first and doc.norms[c.first - 1] in _DEFINITE for c in cues)


def _designated(table: ReferenceTable, entity_id: str) -> bool:
    """Does the table record a designation of this entity?"""
    return any(f.predicate == "designation" for f in table.facts_by_subject.get(entity_id, ()))


def _possessor(doc: Document, g: PhraseMatch, groups: list[PhraseMatch]) -> bool:
    """Is the name only the owner of the next one ("Sovcomflot's tanker NS Captain") or of someone's role
    ("Hemedti's brother and deputy, Abdelrahim Dagalo", "the RSF's main purchasing agent")?"""
    owned = _owned_words(doc, g)
    return owned is not None and (any(0 < o.first - g.last <= 3 for o in groups)
                                  or not _SOMEONES_NOUNS.isdisjoint(owned))


def _owns_a_thing(doc: Document, g: PhraseMatch, table: ReferenceTable) -> bool:
    """Is the name only the owner of a thing the clause is about ("Lukoil's crude", "seized LockBit's servers"), not of
    its designation or of what a designation acts on ("Cuba's designation", "froze Amana's assets")?"""
    owned = _owned_words(doc, g)
    return owned is not None and len(owned) > 0 and _lexicon_words(table, "designation_cue", "weak_cue").isdisjoint(
        owned) and HELD_NOUNS.isdisjoint(owned)


_SOMEONES_NOUNS = ROLE_NOUNS | PERSON_NOUNS  # "Hemedti's brother", "the group's members", "Iran's nationals"


def _owned_words(doc: Document, p: PhraseMatch) -> Sequence[str] | None:
    """The three words after a possessive name ("Hemedti's brother and deputy"), or None when it owns nothing."""
    mark = doc.view[p.end:p.end + 2]
    if mark not in ("'s", "' "):
        return None
    return doc.norms[p.last + (mark == "'s"):p.last + 4]


def _negated(doc: Document, cue: PhraseMatch, before: list[str]) -> str | None:
    """"denied" for a negation among the three words before the cue ("has not been designated", "was never
    listed"; a "t" counts only as what is left of "n't", not as a letter: "T-Bank"), "removed" for a word that ends
    the designation ("has revoked the designation of", "left the grey list", "removed X from its list"), else
    None. `before` is the clause's words in the REMOVAL_REACH characters before the cue."""
    last = before[-3:]
    if any(w in NEGATIONS and (w != "t" or k and last[k - 1].endswith("n")) for k, w in enumerate(last)):
        return "denied"
    if last[-2:] == ["yet", "to"]:  # "has yet to add the IRGC to its terrorist list"
        return "denied"
    if _removal_at(last) is not None or doc.view[max(0, cue.start - 3):cue.start] in UNDOING_PREFIXES:
        return "removed"  # "de-proscribed", "de-listed"
    opener = max((k for k, w in enumerate(before) if w in SUBORDINATORS), default=-1)  # "Sales never took off
    own = _words_between(doc, cue.start, cue.end)  # a gapped cue may hold the verb: "on Friday removed"
    around = before[opener + 1:] + own  # after X added Y": the clause's own
    if REMOVALS.isdisjoint(around) and REMOVAL_PARTICLES.keys().isdisjoint(around) and _SUSPENDING.isdisjoint(around):
        return None
    k = _removal_at(around)
    if k is not None and ("from" in around[k + 1:] or "off" in around[k + 1:]):
        return "removed"
    j = next((i for i, w in enumerate(own) if w in REMOVALS or w in _SUSPENDING), None)  # "suspended ... ban"
    return "removed" if j is not None and _a_ban_next(own[j + 1:]) else None


def _a_ban_next(words: Sequence[str]) -> bool:
    """Do the words after a verb of ending open with the measure it ends ("lifted the ban", "suspended its
    designation"; not "revokes the FARC's designation and designates X": the measure is another's)?"""
    k = 0
    while k < len(words) and words[k] in DETERMINERS:
        k += 1
    return k < len(words) and words[k] in _MEASURES


_SUSPENDING = frozenset({"suspended", "suspends", "suspend", "suspending"})  # (alone, "suspended" is a ban itself)
_MEASURES = frozenset({"ban", "bans", "designation", "designations", "label", "listing", "listings", "sanctions",
                       "proscription", "prohibition"})


def _tells_removal(words: Sequence[str]) -> bool:
    """Do the words say something was taken off a list: a word that says so alone ("removed", "delisted"), or any
    word that ends a designation in the passive ("Sudan was dropped", "X and Y are dropped", "was in fact dropped"),
    or a verb and its particle around its object ("took Japan off the list", "was taken off"; not "sales never took
    off")?"""
    if not STRONG_REMOVALS.isdisjoint(words):
        return True
    for k, w in enumerate(words):
        particle = REMOVAL_PARTICLES.get(w)
        if w not in REMOVALS and particle is None:
            continue
        passive = not _PAST_PASSIVE.isdisjoint(words[max(0, k - 3):k]) or w in INTRANSITIVE_REMOVALS
        if w in REMOVALS and passive or particle is not None and (
                particle in words[k + 2:k + 5] or words[k + 1:k + 2] == [particle] and passive):
            return True
    return False


_PAST_PASSIVE = _PAST_COPULAS | {"been", "is", "are"}  # (and a timeline's present: "India and Switzerland are
# dropped")


_ENDING_VERBS = frozenset({"expires", "expired", "ended", "ends", "lapsed", "lapses"})  # "the X emergency expired"
_LOSING = frozenset({"lose", "loses", "lost", "losing"})  # "would lose the third star it had held since 1988"


def _tells_an_end(words: Sequence[str]) -> bool:
    """Do the words tell that a designation ended: taken off a list, expired, lost?"""
    return not _ENDING_VERBS.isdisjoint(words) or not _LOSING.isdisjoint(words) or _tells_removal(words)


_OWNERS = frozenset({"the", "its", "their", "his", "her"})


def _ended_state(doc: Document, g: PhraseMatch, kinds: Sequence[PhraseMatch]) -> bool:
    """Does the sentence say the name's designation ended: "X is no longer a <kind>", or, with the kind right after
    the name, "ending the X national emergency", "the X public health emergency expired"?"""
    norms = doc.norms
    kind = next((k for k in kinds if k.start >= g.end and len(_words_between(doc, g.end, k.start)) <= 4), None)
    if kind is None:
        return False
    between = _words_between(doc, g.end, kind.start)
    if any(w == "no" and between[k + 1:k + 2] == ["longer"] for k, w in enumerate(between)):
        return True  # "Mpox is no longer a global health emergency"
    if between:
        return False
    k = g.first - 1
    while k >= 0 and norms[k] in _OWNERS:
        k -= 1
    after = norms[kind.last:kind.last + 2]
    return (k >= 0 and norms[k] in REMOVALS) or (len(after) > 0 and after[0] in _ENDING_VERBS) or (
        len(after) == 2 and after[0] in _PAST_COPULAS and after[1] in REMOVALS)  # "was lifted"


def _removed_by_verb(doc: Document, g: PhraseMatch) -> bool:
    """Is the name the object of a verb that ends a designation: "delisted Ansarallah", "revoked the Houthis",
    "had lifted from Ansarallah", "take Cuba off the list"?"""
    before = doc.norms[max(0, g.first - 3):g.first]
    if before[-1:] == ("the",):
        before = before[:-1]
    if before[-1:] and before[-1] in STRONG_REMOVALS:
        return True
    if before[-2:-1] and before[-1] == "from" and before[-2] in REMOVALS:
        return True
    return bool(before[-1:]) and before[-1] in REMOVAL_PARTICLES and doc.norms[g.last:g.last + 1] == (
        REMOVAL_PARTICLES[before[-1]],)


def _one_of_those_removed(doc: Document, g: PhraseMatch) -> bool:
    """Is the name one of those a removal just counted ("removing four others, among them the UAE", "delisted three
    groups, including X and Y")?"""
    start = max(0, g.start - REMOVED_REACH)
    member = max(doc.view.rfind(", among them ", start, g.start), doc.view.rfind(", including ", start, g.start))
    return member >= 0 and not any(c in doc.view[member:g.start] for c in ".;:()") and (
        _REMOVAL_BEFORE.search(doc.view, max(0, member - REMOVED_REACH), member) is not None)


def _left_on(doc: Document, cs: int, g: PhraseMatch) -> bool:
    """Is the name among those a removal leaves on the list ("took Barbados off, leaving 21 jurisdictions on it,
    including Jamaica"; not "leaving the list")?"""
    words = _words_between(doc, max(cs, g.start - REMOVED_REACH), g.start)
    k = max((i for i, w in enumerate(words) if w in _LEAVING or w in _REMAINING), default=-1)
    rest = words[k + 1:]
    return k >= 0 and not _ON_OR_UNDER.isdisjoint(rest) and _removal_at(rest) is None and rest[:1] not in (
        ["the"], ["its"], ["their"])


_REMAINING = frozenset({"remaining", "remain", "remains"})
_ON_OR_UNDER = frozenset({"on", "under"})
REMOVED_REACH = 80  # characters from a removal verb to "among them", and from there to a name
_LEAVING = frozenset({"left", "leaves", "leaving"})  # "leaving 21 jurisdictions on it, including X": X stays on
_REMOVAL_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(REMOVALS - _LEAVING)) + r")\b[^.;:,]{0,60}$")


def _removed_before(doc: Document, g: PhraseMatch, cue: PhraseMatch) -> bool:
    """Is the name the subject of a removal told before a later cue of the sentence, in the same clause ("Barbados
    and Jamaica were removed last year, Jamaica after four years on the list"; not "X, which was removed in 2021,
    ...", nor "X was removed after Y was put on the list"), or right after an aside the cue is in ("The UAE,
    grey-listed two years earlier, comes off after ...")?"""
    if g.end > cue.start:
        return False
    if doc.view[g.end:g.end + 1] == "," and (close := doc.view.find(",", cue.end)) >= 0 and "," not in doc.view[
            g.end + 1:cue.start] and _words_between(doc, g.end, cue.start)[:1] not in (["which"], ["who"]):
        # "The UAE, grey-listed two years earlier, comes off": the verb after the aside (not a relative clause's)
        end = next((k for k in (doc.view.find(",", close + 1), doc.view.find(".", close + 1)) if k >= 0), len(doc.view))
        return _tells_removal(_before_subordinator(_words_between(doc, close, end)))
    stop = min((k for k in (doc.view.find(",", g.end, cue.start), doc.view.find(";", g.end, cue.start)) if k >= 0),
               default=cue.start)
    return _tells_removal(_before_subordinator(_words_between(doc, g.end, stop)))


def _before_subordinator(words: list[str]) -> list[str]:
    """The words before the first that opens a subordinate clause ("removed last year" of "removed last year after
    ...")."""
    return words[:next((k for k, w in enumerate(words) if w in SUBORDINATORS), len(words))]


def _removal_at(words: Sequence[str]) -> int | None:
    """Where a word that ends a designation is ("removed", "left", "taken off"), or None."""
    for k, w in enumerate(words):
        if w in REMOVALS or (w in REMOVAL_PARTICLES and words[k + 1:k + 2] == [REMOVAL_PARTICLES[w]]):
            return k
    return None


UNDOING_PREFIXES = ("de-", "un-")
REMOVAL_REACH = 90  # characters before a cue searched for "removed X from"


def _counts(doc: Document, sent: _Sentence, cs: int, ce: int, kind: str | None, date_after: _DateAfter,
            authority: str | None, groups: list[PhraseMatch], asserted: bool, people: bool = True) -> list[Claim]:
    out: list[Claim] = []
    if not asserted:
        return out
    for c in _inside(sent.counts, cs, ce):
        if _victims(doc, c):
            continue  # "a massacre in which at least 71 people were killed": not the ones designated
        if c.people and not people and not any(
                p.kind in _DESIGNATION_WORDS and p.end <= c.start and _counted_on(_words_between(doc, p.end, c.start))
                for p in sent.phrases):
            continue  # people are counted where a designation is asserted or named just before ("sanctions on 11
            # Americans"), not where a kind is named elsewhere ("killed ... 170 Afghans", "the top terrorist")
        other = c.other or _BESIDES.search(doc.view, max(cs, c.start - BESIDES_REACH), c.start) is not None
        named = list(dict.fromkeys(g.ref for g in groups if g.start < c.start and not any(
            ch in doc.view[g.end:c.start] for ch in ":;"))) if other else []  # "X, Y and six other groups": X and Y
        # too; not a name before a colon ("X is the 14th group: eight in February, ..., three more groups in May")
        date = date_after.of(c)
        if date is not None and date.start > c.end and _relative_opens_between(doc, c.end, date.start):
            date = None  # "three countries: Iran, North Korea and Myanmar, the last of which has been on it since 2020"
        if date is not None and date.start > c.end and _LATEST.search(doc.view, c.end, date.start) is not None:
            date = None  # "has declared eight emergencies, most recently for mpox in August 2024": the last one's
        if date is not None and date.start > c.end and ":" in doc.view[c.end:date.start] and sum(
                d.start > date.start for d in sent.dates if d.end <= ce) >= 1:
            date = None  # "eight of its leaders: A, B and C in 2009, and five more in 2011": the items' dates
        if date is not None and date.open_ended and date.end <= c.start and _opens_when(doc, date, c.start):
            date = replace(date, open_ended=False)  # "on the list since September 2010, when the State Department
            # also designated two of its leaders": what that act did then, not all since
        tense = _act_before(doc, cs, c.start)
        as_of = date is not None and (doc.view[max(0, date.start - 6):date.start] == "as of "  # "As of this week"
                                      or doc.view[date.start:date.end] in _TODAY)  # "one of seven on it today"
        out.append(Claim("designation_count", c.start, c.end, sent.s, None, {
            "count": c.number + len(named), "stated": c.number, "other": other, "named": named,
            "categories": list(c.categories), "kind": c.kind or kind, "authority": authority,
            "places": list(c.places), "regions": list(c.regions), "bound": c.bound, "ordinal": c.ordinal,
            "as_of": as_of, "people": c.people, "with_people": c.with_people,
            "past_act": date is None and (tense == "past" or _passive_past_after(doc, c.end)),
            "made_by_now": date is None and tense == "perfect",
            "state": _told_as_state(doc, cs, c),
        }, date))
    return out


def _told_as_state(doc: Document, cs: int, c: CountMention) -> bool:
    """Is the count told as what stands, not as what one act did: a verb of holding or being before it ("covers
    only one county", "remains one of the 12 countries", "now has three"), a perfect ("has so far sanctioned
    exactly one"), or a place on a list after it ("the two producers on the SDN list", "six of the seven are ...")?"""
    if not _STANDING_BEFORE.isdisjoint(_words_between(doc, max(cs, c.start - 50), c.start)[-6:]):
        return True
    after = [w for w in _words_between(doc, c.end, min(len(doc.view), c.end + 40))[:3] if w not in STATE_WORDS]
    return bool(after) and after[0] in _STANDING_AFTER  # ("on the SDN list", "under a full ban", "are ...")


_BEING = frozenset(STATE_WORDS | {"is", "are", "stays", "stay", "stands", "leaves", "now", "has", "have"})
# ("has" alone, "the blacklist now has three countries", or a perfect's)


_LATEST = re.compile(r"\b(?:most recently|the latest|the most recent|the last)\b")


def _victims(doc: Document, c: CountMention) -> bool:
    """Does the count tell the victims of violence ("massacred at least 115 people", "71 people were killed")?"""
    after, before = _CLAUSE_END.split(doc.view[c.end:c.end + 30], 1)[0], _CLAUSE_END.split(
        doc.view[max(0, c.start - 40):c.start])[-1]
    return not _HARMED.isdisjoint(phrase_words(after)[:3]) or not _HARMING.isdisjoint(phrase_words(before)[-3:])


_CLAUSE_END = re.compile(r"[.;:!?]")

_HARMED = frozenset({"killed", "dead", "died", "wounded", "injured", "murdered", "massacred", "slain", "displaced",
                     "kidnapped", "abducted", "hurt"})
_HARMING = frozenset({"killed", "killing", "kill", "kills", "massacre", "massacred", "massacring", "murdered",
                      "murdering", "slaughtered", "kidnapped", "kidnapping", "abducted", "wounded", "injuring"})


def _counted_on(between: Sequence[str]) -> bool:
    """Do the words from a designation's word to a count of people make them the ones designated: a few words
    ("sanctions on 11 Americans"), or a verb of holding ("the register now holds more than 500 people")?"""
    return len(between) <= 3 or len(between) <= HOLDING_REACH and not _HOLDING.isdisjoint(between)


HOLDING_REACH = 6  # words from a list to the count a verb of holding gives it
_HOLDING = frozenset({"holds", "held", "includes", "included", "lists", "contains", "contained", "numbers",
                      "numbered", "passed", "runs", "ran", "reached", "tops", "topped", "exceeds", "exceeded",
                      "covers", "covered", "comprises", "comprised"})
_STANDING_BEFORE = _HOLDING | _BEING  # words before a count that tell it as what stands
_STANDING_AFTER = _BEING | _ON_OR_UNDER  # and the first word after it


_NOT_SIMPLE_PAST = {"has", "have", "had", "be", "been", "being", "is", "are", "was", "were", "to"}


def _act_before(doc: Document, cs: int, pos: int) -> str | None:
    """The tense of an act that leads up to the count: "past" for the simple past ("The first ban barred citizens
    of seven countries"), an act of its time; "perfect" for the present perfect ("the WHO has declared eight
    emergencies"), all the acts made by now; None for a state ("are barred", "has been barred")."""
    before = _words_between(doc, max(cs, pos - 50), pos)[-6:]
    k = next((i for i in range(len(before) - 1, -1, -1) if before[i].endswith("ed")), None)
    if k is None:
        return None
    tense = "past"
    if k and before[k - 1] in _PRESENT_PERFECT:
        tense, k = "perfect", k - 1
    if (k == 0 or before[k - 1] not in _NOT_SIMPLE_PAST) and not _NOT_SIMPLE_PAST & set(before[:k]):
        return tense
    return None


_PRESENT_PERFECT = {"has", "have"}
# words before an -ed word that make it an adjective, not a verb ("a long list of sanctioned crypto services")
_BEFORE_A_PARTICIPLE = DETERMINERS | {"of", "for", "with", "from", "on", "in", "by", "newly", "other", "recently"}


def _passive_past_after(doc: Document, pos: int) -> bool:
    """Does a passive in the simple past follow the count ("Four were declared by Dr Chan"): acts of their time?"""
    after = _words_between(doc, pos, min(len(doc.view), pos + 40))[:2]
    return len(after) == 2 and after[0] in _PAST_COPULAS and (after[1].endswith("ed") or after[1] in IRREGULAR_VERBS)


_DESIGNATION_WORDS = ("designation_cue", "weak_cue", "kind")
# the present: what stands that day ("seven on it today", "hold three stars going into tonight"), not what was made
_TODAY = {"today", "tonight", "now", "currently"}
BESIDES_REACH = 120  # characters before a count that "besides X" may open ("Besides Cuba, only three countries")
_BESIDES = re.compile(r"\b(?:besides|apart from|aside from|other than|in addition to)\b")
PART_SENTENCES = 3  # sentences back within which a part ("Eight of the 15 are cartels") finds its total


def _parts(sent: _Sentence, claims: list[Claim]) -> list[Claim]:
    """Counts of a part of a total counted just before ("... has named 15 groups ... Eight of the 15 are cartels
    and seven are gangs"): the total's scope (kind, authority, date, qualifiers) with the part's own category."""
    out = []
    for c in sent.counts:
        if c.whole is None:
            continue
        total = None
        for t in reversed(claims):  # claims come sentence by sentence: stop at the first one too far back
            if sent.s.index - t.sentence.index > PART_SENTENCES:
                break
            if t.type == "designation_count" and t.value["count"] == c.whole and t.start < c.start:
                total = t
                break
        if total is not None:
            out.append(Claim("designation_count", c.start, c.end, sent.s, None, {
                **total.value, "count": c.number, "stated": c.number, "other": False, "named": [],
                "categories": list(c.categories), "bound": None}, total.date))  # an ordinal total's "as of" too
    return out


# --- rewards ----------------------------------------------------------------------------

def _rewards(doc: Document, sent: _Sentence, sentences: Sequence[Sentence], index: _Index,
             table: ReferenceTable, reward_item: bool = False, ctx: _Context | None = None) -> list[Claim]:
    """Reward claims of one sentence; `reward_item`: it is an item of a list a reward cue introduces."""
    cues = [p for p in sent.phrases if p.kind == "reward_cue"]
    listed = not cues and reward_item
    if listed:  # "- $25 million for Diosdado Cabello" under "Rewards:": each amount is its own cue
        cues = [PhraseMatch(m.start, m.end, 0, 0, "reward_cue", "reward") for m in sent.money]
    elif not cues and sent.money:  # "El Mayo, for whom Washington offered 15 million dollars"
        cues = _offers_for_whom(doc, sent.s, sent.money)
    if not cues or not sent.money:
        return []
    out: list[Claim] = []
    money = sorted(sent.money, key=_BY_START)
    nearest_cue = _Nearest(cues)
    reward_words = table.lexicon.words_of("reward_cue")
    nearest_date = _Nearest([d for d in _usable_dates(doc, sent.dates, sent.s.start)
                             if not _dates_an_event_phrase(doc, sent.s.start, d)
                             and not _names_another_event(doc, d, reward_words)])
    nearest_authority = _Nearest([p for p in sent.phrases
                                  if p.kind == "entity" and _entity_type(table, p) == "authority"])
    sought = rewardable(table)
    people = _Nearest([p for p in sent.phrases  # an event the table's rewards are for is named by its triggers
                       if p.kind in ("entity", "trigger") and _entity_type(table, p) in sought
                       and not _owns_another_thing(doc, p, reward_words, money, _entity_type(table, p) in _PEOPLE)])
    date_starts = {d.start for d in sent.dates}
    earlier_person: list[str | None] = []
    previous: dict[int, MoneyMention] = {}
    skip: set[int] = set()
    for a, b in zip(money, money[1:], strict=False):
        before = _words_between(doc, max(sent.s.start, a.start - 12), a.start)
        between = _words_between(doc, a.end, b.start)
        while between and between[-1] in ("the", "its", "their", "a", "an"):
            between = between[:-1]  # "$2 million, up from the $1 million"
        if between in (["to"], ["and"]) and (not before or before[-1] in ("from", "of")) or between == ["to"]:
            previous[id(b)] = a  # "from $25 million to $50 million"
            skip.add(id(a))
        elif between and between[-1] == "from" and (len(between) <= 3 or between[-2] in _FROM_VERBS):
            previous[id(a)] = b  # "$50 million, up from $25 million"
            skip.add(id(b))
        elif between and between[-1] in _PREVIOUS_WORDS and len(between) <= REWARD_DISTANCE and id(a) not in previous:
            previous[id(a)] = b  # "$50m, double the previous $25m"
            skip.add(id(b))
    for m in money:
        if id(m) in skip:
            continue
        if id(m) not in previous and _words_between(doc, max(sent.s.start, m.start - 12), m.start)[-1:] == ["from"]:
            continue  # "was raised in August from $25 million": the old amount, the new one unstated
        cue = nearest_cue.at(m.start)
        gap = _words_between(doc, min(cue.end, m.end), max(cue.start, m.start))
        far = REWARD_DISTANCE_LINKED if cue.end <= m.start and gap[-2:][-1:] and (
            gap[-1] in _AMOUNT_LINKS or " ".join(gap[-2:]) in _AMOUNT_LINKS) else REWARD_DISTANCE
        if len(gap) > far and not (out and _another_amount(doc, sent, m)):
            continue  # (but "..., and another $1 million for X": a second offer of the same sort)
        if _other_money(doc, sent, m, date_starts) or _in_condition(doc, sent.s.start, m.start):
            continue
        person, unknown = _named_in_its_phrase(doc, m, people) or people.at(m.start), None
        if (opener := _item_head(doc, sent.s, m, people)) is not None:  # "- X, the leader of Y: up to $7 million"
            person, unknown = (opener, None) if isinstance(opener, PhraseMatch) else (None, opener)
        personal = not PERSONAL_PRONOUNS.isdisjoint(_words_between(doc, m.end, min(sent.s.end, m.end + 80))[:10]) or (
            cue.end <= m.start and _for_him(_words_between(doc, cue.end, m.start)))  # "the reward for him is $5m"
        if personal and person is not None and _entity_type(table, person) not in _PEOPLE and not (
                person.start > m.end and person.start - m.end <= FOR_PHRASE_CHARS):
            # "for information leading to his arrest": a person, not the group named nearby; the last one named
            person = max((p for p in people.after(sent.s.start)  # before it in the sentence
                          if p.end <= m.start and p.kind == "entity" and _entity_type(table, p) in _PEOPLE),
                         key=_BY_START, default=None)
        lead = _words_between(doc, max([cue.end] + [o.end for o in money if o.end <= m.start]), m.start) if (
            cue.end <= m.start) else []
        if person is not None and person.start > m.end and _for_him(lead):
            person, personal = None, True  # "raises the reward for him to $25 million and offers $25 million for X"
        if (whom := _for_whom(doc, sent, m.start)) is not None:  # "El Mayo, for whom ... offered"
            person = min((p for p in people.around(whom[0]) + people.around(whom[1]) if p.start < whom[1]
                          and whom[0] < p.end), key=lambda p: p.kind != "entity", default=None)  # a name first,
            # then an event's trigger that begins with it ("Baitullah Mehsud, for whom ... had offered $5 million")
            unknown = None if person else doc.text[whom[0]:whom[1]]
        elif person is None and unknown is None and cue.end <= m.start and (
                named := _named_target(doc, sent, cue.end, m.start)) is not None:
            unknown = named  # "the State Department's reward for Juan Pérez stands at $15 million"
        elif person is None and unknown is None and listed:
            unknown = _named_target(doc, sent, m.end)  # a list item names its own subject
            if unknown is None:
                continue
        sole = None
        if (person is None and unknown is None and not personal and (by := nearest_authority.at(cue.start)) is not None
                and PERSONAL_PRONOUNS.isdisjoint(_words_between(doc, min(cue.start, m.start), m.start))):
            # "Saxony police offered EUR 500,000 for tips": the only thing the table has that authority rewarding
            sole = next(iter(only)) if len(only := rewarded_by(table, by.ref)) == 1 else None
            if sole is not None and _names_another_target(doc, sent, m, cue, table.entities[sole], back=False):
                sole = None  # "put a $5 million reward on its leader, X"
        if person is None and unknown is None and sole is None and not earlier_person:
            earlier_person.append(_earlier_person(sent, sentences, index, table, personal)
                                  or _described(doc, sent, index, table)
                                  or (ctx.laureates.most_common(1)[0][0] if ctx and ctx.laureates
                                      and _no_name_follows(doc, sent, m)
                                      and sent.s.index - ctx.laureate_sentence <= LAUREATE_SENTENCES else None))
        subject = person.ref if person else None if unknown else sole or earlier_person[0]
        if person is None and unknown is None and (
                subject is None or _names_another_target(doc, sent, m, cue, table.entities[subject])):
            unknown = _named_target(doc, sent, m.end)  # "for ... an eighth suspect, Yorbis Alejandro Perez"
            target = None if unknown else _target_group(doc, sent, m, table)  # "... the Houthis' financial networks"
            if unknown is None and target is None:
                continue
            subject = target.ref if target else None
        prev = previous.get(id(m))
        multiplier = None
        head = _words_between(doc, max(sent.s.start, m.start - 80), m.start)[-10:]
        for w in head:
            multiplier = _MULTIPLIERS.get(w, multiplier)
        line_date = ctx.line_date if ctx is not None else None
        date = _when_date(doc, nearest_date, m.start) or nearest_date.at(cue.start) or line_date
        if date is not None and (date.start > max(cue.end, m.end) and _after_and(doc, date.start)
                                 or date.end <= min(cue.start, m.start)
                and _new_clause_between(doc, date.end, min(cue.start, m.start))):
            date = None  # "offers a $10 million reward for X, and in May the Treasury sanctioned ...": May's
        if date is not None and date.end <= m.start and not STATE_WORDS.isdisjoint(
                _words_between(doc, date.end, m.start)):
            date = None  # "a reward for the toilet stolen in 2019 still stands at 25,000 pounds": as of now
        if date is not None and date.start > m.end and "will" in _words_between(doc, m.end, date.start):
            date = None  # "The prize, worth 11 million crowns, will be presented in Oslo in December": not the offer
        if date is not None and date.end <= min(cue.start, m.start) and _in_an_aside(doc, sent.s.start, date,
                                                                                       min(cue.start, m.start)):
            date = None  # "X, the former minister whom police arrested last year, has a $10 million bounty"
        if date is not None and subject is not None and date.start > m.end and any(
                t.ref == subject and t.end <= date.start for t in sent.phrases if t.kind == "trigger"):
            date = None  # "$10 million for information on the attack at Abbey Gate, which killed 13 ... on 26 August
            # 2021": the date of the event the reward is for, not of the offer
        if date is not None and _in_a_relative_aside(doc, sent.s.start, m, date):
            date = None  # "- Sept. 7: X, who carried a $10 million US bounty, becomes interior minister"
        had = _past_perfect(_words_between(doc, max(sent.s.start, min(cue.start, m.start) - 40),
                                           min(cue.start, m.start))[-4:] + _words_between(doc, cue.end, m.start))
        if had and date is not None and (date.end <= min(cue.start, m.start) or date is line_date):
            date = None  # "- Sept. 20: ... kills Aqil. Washington had offered a $7 million reward for him": before then
        if date is not None and date.text.lower() in _TODAY:
            date = None  # "a reward it still offers today": in force on the publication date, not offered that day
        if date is not None and prev is not None and m.end <= prev.start and prev.end <= date.start:
            date = None  # "raised it to $2 million, up from the $1 million it had offered since November 2022"
        if date is not None and date.start > m.end and any(
                m.end < o.start and o.end <= date.start and "," in doc.view[m.end:o.start] for o in money):
            date = None  # "a $50 million reward on his head, a reward the State Department first set at $10 million in
            # 2020": the date of the amount after the comma
        if date is not None and person is not None and person.end <= date.start and _RELATIVE_OPENER.match(
                doc.view, person.end):
            date = None  # "a $20 million reward for Caro Quintero, who was captured in July 2022": his capture's
        authority = nearest_authority.at(cue.start)
        if authority is not None and ";" in doc.view[min(authority.end, cue.start):max(authority.start, cue.end)]:
            authority = None  # "X has been on the Treasury's list since 2019; the reward for him is $5 million"
        if (own := _conjunct_authority(doc, cue.end, m.start, nearest_authority)) is not None:
            authority = own  # "The FBI offers $250,000 for X, and the State Department up to $5 million"
        if whom is not None:  # "X, for whom ... had offered $5 million, was captured in January": its own clause
            inside = doc.view.find(",", m.end, sent.s.end)
            inside = sent.s.end if inside < 0 else inside
            date = date if date is not None and whom[1] < date.start < inside else None
            authority = authority if authority is not None and whom[1] < authority.start < inside else None
        out.append(Claim("reward", m.start, m.end, sent.s, subject, {
            "amount": m.amount, "currency": m.currency, "bound": m.bound,
            "previous_amount": prev.amount if prev else (m.amount / multiplier if multiplier else None),
            "previous_stated": bool(prev), "authority": authority.ref if authority else None,
            "past": had or date is None and _simple_past_offer(doc, sent, m) and _STILL.isdisjoint(
                _words_between(doc, m.end, min(sent.s.end, m.end + 80))[:12]),  # not "a reward it still offers"
        }, date, unknown))
        if person is not None and person.start > m.end and _each(doc, m):  # "$10 million each for A and B"
            out += [replace(out[-1], subject=other.ref, value=dict(out[-1].value))
                    for other in _joined(doc, person, people)]
        elif person is not None and person.end <= m.start and (
                _each(doc, m) or _each_subject(doc, person.end, m.start)):
            out += [replace(out[-1], subject=other.ref, value=dict(out[-1].value))  # "A and B carry $5 million each"
                    for other in _joined_before(doc, person, people)]
        elif (person is None and unknown is None and sole is None and subject is not None
              and _each_of_them(doc, sent, m)):
            out += [replace(out[-1], subject=other, value=dict(out[-1].value))  # "A, B and three others. Each ..."
                    for other in _also_named(sent, sentences, index, table, subject)]
    if "respectively" in doc.view[sent.s.start:sent.s.end]:
        out = _respectively(doc, sent, money, people, out)
    return out


def _respectively(doc: Document, sent: _Sentence, money: list[MoneyMention], people: _Nearest,
                  claims: list[Claim]) -> list[Claim]:
    """ "$4 million and $3 million respectively for A and B": the amounts go to the names after them in order."""
    at = doc.view.find("respectively", sent.s.start, sent.s.end)
    run = [m for m in money if m.end <= at]
    k = len(run)
    while k > 1 and _AMOUNTS_JOINED.fullmatch(doc.view, run[k - 2].end, run[k - 1].start):
        k -= 1
    run = run[k - 1:] if run and _AMOUNTS_JOINED.fullmatch(doc.view, run[-1].end, at) else []
    first = next((p for p in people.after(at) if p.kind == "entity"), None)
    if len(run) < 2 or first is None or len(_words_between(doc, at, first.start)) > RESPECTIVE_REACH:
        return claims
    names = [first, *_joined(doc, first, people)]
    starts = {m.start for m in run}
    own = next((c for c in claims if c.start in starts), None)
    if len(names) != len(run) or own is None:
        return claims
    kept = [c for c in claims if c.start not in starts]
    return kept + [replace(own, start=m.start, end=m.end, subject=p.ref, subject_name=None, value={
        **own.value, "amount": m.amount, "currency": m.currency, "bound": m.bound}) for m, p in zip(run, names,
                                                                                                  strict=True)]


RESPECTIVE_REACH = 6  # words from "respectively" to the first name ("respectively for the veteran leaders A and B")
_AMOUNTS_JOINED = re.compile(r"\s*(?:,\s*)?(?:and\s+|or\s+)?(?:up\s+to\s+)?(?:,\s*)?")


def _item_head(doc: Document, s: Sentence, m: MoneyMention, people: _Nearest) -> PhraseMatch | str | None:
    """Whom a list item's amount is for when the item names them before a colon ("- Maksim Yakubets, the alleged
    leader of Evil Corp: up to $7 million"): the name it opens on, else its words up to the first comma when they
    hold a capitalised name ("- The leaders of the Conti ransomware gang: up to $10 million")."""
    line = doc.view.rfind("\n", 0, s.start) + 1
    head = _ITEM_HEAD.match(doc.view, line, m.start)
    if head is None or not s.start <= head.start(2) or _words_between(doc, head.end(2), m.start)[-3:] not in (
            [], ["up", "to"], ["a"], ["an"]):
        return None
    opening = next((p for p in people.after(head.start(2)) if p.kind == "entity"), None)
    if opening is not None and opening.start == head.start(2):
        return opening
    name = doc.text[head.start(2):head.end(2)].split(",", 1)[0].strip()  # (the view is lower-case)
    return name if any(w[:1].isupper() for w in name.split()[1:]) else None


_ITEM_HEAD = re.compile(r"[ \t]*([-*\u2022])[ \t]+([^:\n]{3,160}):[ \t]*")  # "- X, an alias: up to"


def _for_him(words: Sequence[str]) -> bool:
    """Do the words say whom an offer is for with a personal pronoun ("for him", "on her")?"""
    return any(w in ("him", "her") and k and words[k - 1] in ("for", "on") for k, w in enumerate(words))


def _each_of_them(doc: Document, sent: _Sentence, m: MoneyMention) -> bool:
    """Does the sentence share the amount among those named before it: it opens on "Each" or "Both", or the amount is
    "for each of them" ("for both men", "each")?"""
    k = bisect.bisect_left(doc.starts, sent.s.start)
    if k < len(doc.norms) and doc.norms[k] in ("each", "both") and doc.starts[k] - sent.s.start <= 2:
        return True
    after = _words_between(doc, m.end, sent.s.end)[:3]
    return bool(after) and (after[0] in _EACH or after[0] == "for" and after[1:2] in (["each"], ["both"]))


_EACH_VERBS = _AUXILIARIES | {"carries", "carry", "faces", "face", "faced", "still", "now", "of", "with"}


def _each_subject(doc: Document, a: int, b: int) -> bool:
    """Is "each" (or "both") the subject of a clause between two positions ("A and B were indicted; each has a
    $10 million reward"), not "each year"?"""
    words = _words_between(doc, a, b)
    return any(w in ("each", "both") and nxt in _EACH_VERBS for w, nxt in zip(words, words[1:], strict=False))


def _also_named(sent: _Sentence, sentences: Sequence[Sentence], index: _Index, table: ReferenceTable,
                subject: str) -> list[str]:
    """The others the table may reward named in the sentence before beside `subject`, in order."""
    if sent.s.index == 0:
        return []
    x = sentences[sent.s.index - 1]
    sought = rewardable(table)
    refs = [p.ref for p in index.slice("phrases", x.start, x.end) if p.kind == "entity" and _entity_type(table, p)
            in sought]
    return list(dict.fromkeys(r for r in refs if r != subject)) if subject in refs else []


def _line_date(doc: Document, s: Sentence, sentences: Sequence[Sentence], index: _Index) -> DateMention | None:
    """The date a timeline's line opens with ("- Jan. 10, 2025: Maduro is sworn in. Washington raises the reward
    ..."), for a later sentence of the same line that gives none."""
    k = s.index
    while k > 0 and sentences[k - 1].paragraph == s.paragraph:
        k -= 1
    if k == s.index:
        return None
    first = sentences[k]
    d = next(iter(index.slice("dates", first.start, first.end)), None)
    if d is None or doc.text[first.start:d.start].strip(_LEAD_MARKS) or not doc.text.startswith(":", d.end):
        return None
    return d


def _commas_around(doc: Document, sentence_start: int, start: int, end: int, before: int) -> tuple[int, int] | None:
    """The commas that set off what lies between `start` and `end`, the second before `before`, if any."""
    opening = doc.view.rfind(",", sentence_start, start)
    closing = doc.view.find(",", end, before)
    return (opening, closing) if opening >= 0 and closing >= 0 else None


def _in_a_relative_aside(doc: Document, sentence_start: int, m: MoneyMention, d: DateMention) -> bool:
    """Is the amount inside a relative clause set off by commas (", who carried a $10 million bounty,") that the
    date is outside of?"""
    commas = _commas_around(doc, sentence_start, m.start, m.end, len(doc.view))
    if commas is None or commas[0] < d.end <= commas[1]:
        return False
    return not RELATIVE_PRONOUNS.isdisjoint(_words_between(doc, commas[0], m.start)[:2]) and not any(
        c in doc.view[commas[0]:commas[1]] for c in ".;")


def _in_an_aside(doc: Document, sentence_start: int, d: DateMention, before: int) -> bool:
    """Is the date inside an aside set off by commas that closes before `before`, an apposition or a relative
    clause ("X, the former oil minister whom police arrested last year, has ...")?"""
    commas = _commas_around(doc, sentence_start, d.start, d.end, before)
    head = _words_between(doc, commas[0], d.start) if commas else []
    return bool(head) and (head[0] in ARTICLES or not RELATIVE_PRONOUNS.isdisjoint(head))


def _owns_another_thing(doc: Document, p: PhraseMatch, reward_words: frozenset[str],
                        money: Sequence[MoneyMention], person: bool = True) -> bool:
    """Is the name only the owner of something that is not the reward ("whom Maduro's own police arrested"), not
    of the reward itself ("Maduro's $50 million bounty", "Maduro's reward"), nor, for a group (not a `person`), of
    the leaders a reward for it is for ("information on DarkSide's leaders")?"""
    owned = _owned_words(doc, p)
    return owned is not None and reward_words.isdisjoint(owned) and _SOUGHT_NOUNS.isdisjoint(owned) and not any(
        0 <= m.start - p.end <= 25 for m in money) and (person or _LEADERS.isdisjoint(owned[:2]) or _apposition_follows(
            doc, p.last + 1, len(doc.norms)))  # (not "leading to Guerrero's arrest", "on Maduro's head"; but
    # "Evil Corp's alleged leader, Maksim Yakubets": the leader named)


_LEADERS = frozenset({"leader", "leaders", "leadership", "boss", "bosses", "chief", "chiefs", "heads", "ringleaders"})
_SOUGHT_NOUNS = {"arrest", "capture", "conviction", "head", "whereabouts", "location", "identification", "identity",
                 "recovery", "return", "extradition", "prosecution", "killers", "killer"}


def _named_in_its_phrase(doc: Document, m: MoneyMention, people: _Nearest) -> PhraseMatch | None:
    """Whom the amount's own "for" phrase names ("..., and up to $10 million for information on the leaders of
    Hive"), before a name nearer it in the clause before ("for Dmitry Khoroshev, ..., and up to $10 million")."""
    after = _words_between(doc, m.end, m.end + 12)[:3]
    if "for" not in after and "on" not in after:
        return None
    p = next(iter(people.after(m.end)), None)
    if p is None or p.start - m.end > FOR_PHRASE_CHARS or any(c in doc.view[m.end:p.start] for c in ";.()"):
        return None
    if "," in doc.view[m.end:p.start]:  # "each for two other Chinese men, Yin Kecheng and Zhou Shuai": the people
        head = _words_between(doc, m.end, doc.view.find(",", m.end, p.start))  # counted, then named
        if doc.view.count(",", m.end, p.start) > 1 or not (any(w.isdigit() or w in COUNT_WORDS for w in head)
                                                           or bool(head) and head[-1] in ROLE_NOUNS):
            return None  # (or "for his interior minister, X": a role, then its holder)
    return p


FOR_PHRASE_CHARS = 90  # characters after an amount within which its "for" phrase names whom it is for


_EACH = frozenset({"each", "apiece"})  # "$5 million apiece"


def _each(doc: Document, m: MoneyMention) -> bool:
    """Is the amount offered for each of several ("$10 million each", "$5 million apiece")? One amount for several
    otherwise is one award they share ("worth 50,000 euros, went to A and B")."""
    k = bisect.bisect_left(doc.starts, m.end)
    return k < len(doc.norms) and doc.norms[k] in _EACH


_STILL = STATE_WORDS | {"today", "now"}  # "a reward it still offers today"
_JOINERS = {"and", "for", "or", "each", "of", "the", "arrest", "capture"}
_KIN_WORDS = ROLE_NOUNS | {"his", "her", "their"}  # "each for Iván Archivaldo and his brother Jesús Alfredo"
JOINED_WORDS = 4  # words between one person a reward is for and the next one joined to it
ASIDE_WORDS = 14  # words of an aside set off by commas after one of them, the joining words after it included


def _joins(doc: Document, a: int, b: int) -> bool:
    """Is one person joined to the next between positions `a` and `b`: commas and "and" with only joining words
    ("and for", "and his brother"), after an aside set off by commas ("A, known as "El Gordo," the head of the Los
    Viagras, and B": the aside is left out)?"""
    between, gap = _words_between(doc, a, b), doc.view[a:b]
    if gap.startswith(",") and (cut := gap.rfind(",")) > 0 and len(between) <= ASIDE_WORDS:
        between = _words_between(doc, a + cut, b)
    return len(between) <= JOINED_WORDS and all(w in _JOINERS or w in _KIN_WORDS for w in between) and (
        "and" in between or "," in gap) and not any(c in gap for c in ".;:()")


def _joined(doc: Document, first: PhraseMatch, people: _Nearest) -> list[PhraseMatch]:
    """The people joined to the one a reward is for ("for Márquez and Santrich", "each for Joseph and for
    Stephenson", "for A, B and C"): each with only joining words and commas between it and the one before."""
    out: list[PhraseMatch] = []
    last = first
    for p in people.after(first.end):
        if p.start < last.end or p.ref == first.ref or any(o.ref == p.ref for o in out):
            continue
        if not _joins(doc, last.end, p.start):
            break
        out.append(p)
        last = p
    return out


def _joined_before(doc: Document, last: PhraseMatch, people: _Nearest) -> list[PhraseMatch]:
    """The people joined to the one a reward is for from before it ("A, B and C carry rewards of $5 million each"),
    nearest first: as `_joined`, read backwards."""
    out: list[PhraseMatch] = []
    before: list[PhraseMatch] = [p for p in people.after(0) if p.end <= last.start]
    for p in before[::-1]:
        if p.ref == last.ref or any(o.ref == p.ref for o in out):
            continue
        if not _joins(doc, p.end, last.start):
            break
        out.append(p)
        last = p
    return out


_PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "across", "into", "from", "around", "throughout"}
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts"}


def _another_amount(doc: Document, sent: _Sentence, m: MoneyMention) -> bool:
    """Is the amount a further one of a list of offers ("and another $1 million for X", ", and up to $4 million for
    Y", "$4 million for Y and $3 million for Z", "$4 million for Y, $3 million for Z")?"""
    before = _words_between(doc, max(sent.s.start, m.start - 30), m.start)[-4:]
    while before and before[-1] in ("up", "to"):
        before = before[:-1]
    lead = doc.view[max(sent.s.start, m.start - 12):m.start]
    joined = before[-1:] == ["and"]
    earlier = [o.end for o in sent.money if o.end <= m.start] if joined or lead.rstrip().endswith(",") else []
    if earlier:
        between = _words_between(doc, earlier[-1], m.start)  # the one before it said whom it is for
        if between[:1] and between[0] in _TARGET_MARKERS and len(between) <= LISTED_OFFER_WORDS:
            return True
    return before[-1:] == ["another"] or joined and "," in lead


LISTED_OFFER_WORDS = 10  # words from one amount of a list of offers to the next ("for Cemil Bayık and")


def _offers_for_whom(doc: Document, s: Sentence, money: Sequence[MoneyMention]) -> list[PhraseMatch]:
    """Cues made of an offer verb before an amount and "for whom" before it ("for whom Washington had offered $5
    million") or "for" someone after it ("the State Department offered $20 million for him"), in a sentence whose
    table cues say nothing of a reward."""
    lo, hi = bisect.bisect_left(doc.starts, s.start), bisect.bisect_left(doc.starts, s.end)
    norms = doc.norms
    cues = [c for m in money if (c := _offered_for(doc, m, lo, hi) or _offer_is(doc, m, lo))]
    for k in range(lo + 1, hi):
        if norms[k] == "whom" and norms[k - 1] == "for":
            first_money = next((m for m in money if m.start > doc.starts[k]), None)
            if first_money is None:
                break
            words = _words_between(doc, doc.ends[k], first_money.start)
            if len(words) <= OFFER_REACH and not OFFER_VERBS.isdisjoint(words):
                cues.append(PhraseMatch(doc.starts[k - 1], doc.ends[k], k - 1, k + 1, "reward_cue", "reward"))
    return cues


OFFER_REACH = 10  # words between "for whom" and the amount offered
_OFFER_FILLER = {"up", "to", "a", "an", "another", "of", "as", "much", "more", "than", "nearly", "about"}
_OFFERED_FOR = {"him", "her", "them", "his", "its", "their", "each", "information", "info", "tips", "the"}
# ("offered $5m for him", "offered up to $5 million for its co-founder X")
OFFERER_WORDS = 5  # words between an amount and the verb of whoever offers it ("the $10 million the FBI offers for")
_OFFERERS = {"the", "it", "he", "she", "they", "that", "which", "still", "now", "also"}


_PRICE = "price"  # "put a price of up to $5 million on X": an offer whose target follows "on"
_OFFER_NOUN_HEADS = ARTICLES | {"its", "his", "her", "their", "largest", "biggest", "separate", "own", "first", "new"}
_OFFERED_PRONOUNS = {"him", "her", "them", "himself", "herself", "themselves"}
OFFER_IS_WORDS = 6  # words between "the offer for X" and the copula before its amount ("The offer for Tran himself is")


def _word_before_amount(doc: Document, m: MoneyMention, lo: int) -> int | None:
    """The first word before an amount that is not "up to", "a", "of"... (token lo: the sentence's first)."""
    first = bisect.bisect_left(doc.starts, m.start)
    return next((j for j in range(first - 1, max(lo, first - 4) - 1, -1) if doc.norms[j] not in _OFFER_FILLER), None)


def _offer_is(doc: Document, m: MoneyMention, lo: int) -> PhraseMatch | None:
    """The cue of an amount an offer noun is said to be, after whom it is for: "The offer for Tran himself is up to
    $1 million" (token lo: the sentence's first)."""
    norms = doc.norms
    j = _word_before_amount(doc, m, lo)
    if j is None or norms[j] not in COPULAS:
        return None
    offer = next((i for i in range(j - 2, max(lo, j - 3 - OFFER_IS_WORDS), -1) if norms[i] == "offer"
                  and norms[i + 1] == "for" and i > lo and norms[i - 1] in _OFFER_NOUN_HEADS), None)
    if offer is None or not all(norms[i] in _OFFERED_PRONOUNS or _capitalised(doc, i) for i in range(offer + 2, j)):
        return None  # not "the offer for X's lime business was $2 million"
    return PhraseMatch(doc.starts[offer], doc.ends[offer], offer, offer + 1, "reward_cue", "reward")


def _offered_for(doc: Document, m: MoneyMention, lo: int, hi: int) -> PhraseMatch | None:
    """The cue of an amount an offer verb gives for someone: "offered $20 million for him", "offers up to $5
    million for information", "offered $5 million apiece for Ovidio and Joaquín", "The largest offer, up to $10
    million, is for X", "put a price of $5 million on X" (tokens lo..hi: the sentence)."""
    norms = doc.norms
    k = bisect.bisect_left(doc.starts, m.end)
    verb = _word_before_amount(doc, m, lo)
    target = "for"  # the word before whom it is for
    if verb is not None and norms[verb] == _PRICE and verb > lo and norms[verb - 1] in ARTICLES:
        target = "on"  # "put a price of $5 million on X"
    elif verb is not None and norms[verb] == "offer" and k + 1 < hi and norms[k] in COPULAS:
        k += 1  # "The largest offer, up to $10 million, is for X"
    elif verb is None or norms[verb] not in OFFER_VERBS:
        # "the $10 million Washington offers for X": the amount first, then who offers it
        verb = next((j for j in range(k, min(hi, k + OFFERER_WORDS + 1)) if norms[j] in OFFER_VERBS), None)
        if verb is None or not all(_capitalised(doc, j) or norms[j] in _OFFERERS for j in range(k, verb)):
            return None
        k = verb + 1
    k += k < hi and norms[k] in _EACH
    if k + 1 >= hi or norms[k] != target or not (norms[k + 1] in _OFFERED_FOR or _capitalised(doc, k + 1)):
        return None
    return PhraseMatch(doc.starts[verb], doc.ends[k], verb, k + 1, "reward_cue", "reward")


NAME_REACH = 14  # words after "for" within which a reward names whom it is for
_NAMED_KINDS = {"entity", "place", "region", "trigger"}  # phrases that name what the table knows
MODIFIED_WORDS = 3  # lower-case words after a name that may still name the target ("Hamas financial networks")


def _capitalised(doc: Document, k: int) -> bool:
    """Does word k start with a capital letter?"""
    return doc.text[doc.starts[k]].isupper()


def _named_target(doc: Document, sent: _Sentence, after: int, before: int | None = None) -> str | None:
    """The name, as written, of someone a reward is offered for whom the table does not know: the last run of
    capitalised words before the phrase ends ("up to $5,000 for information leading to the arrest of an eighth
    suspect, Yorbis Alejandro Perez, 24"), the phrase opening at character `after` and ending by `before` if given
    ("the reward for Juan Pérez stands at $15 million"). A run followed by a lower-case noun modifies the name after
    it ("for CJNG leader Nemesio Oseguera"), or with its nouns is the name when none follows ("for information on
    Hamas financial networks"); a headline's capitals say nothing."""
    words = doc.norms
    end = sent.last_token if before is None else min(sent.last_token, bisect.bisect_left(doc.starts, before))
    k = bisect.bisect_left(doc.starts, after)
    first = next((i for i in range(k, min(k + 3, end)) if words[i] in _TARGET_MARKERS), None)
    if first is None or _headline(doc, sent):
        return None
    runs: list[tuple[int, int]] = []  # token ranges of names ended by punctuation, a function word or the phrase end
    run_start: int | None = None
    modified: list[int] = []  # a run and the lower-case words after it: "Hamas financial networks"
    i = first + 1
    while i < min(end, first + 1 + NAME_REACH):
        gap = doc.text[doc.ends[i - 1]:doc.starts[i]]
        initial = len(words[i - 1]) == 1 and _capitalised(doc, i - 1)  # "Joaquin A. Guzman"
        stop = any(c in gap for c in ";:()\u2014\u2013") or ("." in gap and not initial)
        if run_start is not None and (stop or "," in gap):
            runs.append((run_start, i))
            run_start = None
        if stop or "," in gap and runs:
            break
        word = words[i]
        if word == "s" and run_start is not None and "'" in gap:  # "leading to Fito's recapture": Fito
            if (i + 2 < end and doc.text[doc.starts[i + 1]].islower() and _capitalised(doc, i + 2)
                    and doc.text[doc.ends[i + 1]:doc.starts[i + 2]].strip() == ","):
                run_start, modified = None, []  # "on the CJNG's leader, Nemesio Oseguera": the name in apposition
                i += 2
                continue
            runs.append((run_start, i))
            break
        if _capitalised(doc, i) and not word.isdigit():
            if run_start is None and (words[i - 1] in _PLACE_PREPOSITIONS or words[i - 1] == "of" and i > 1
                                      and words[i - 2] in _DIRECTIONS):
                break  # "for information about the attack in Houston", "found northwest of Flagstaff": a place
            run_start = i if run_start is None else run_start
            modified = []
        elif (run_start is not None and word in NAME_PARTICLES and i + 1 < end and _capitalised(doc, i + 1)
              and not any(c in doc.text[doc.ends[i]:doc.starts[i + 1]] for c in ",.;:")):
            pass  # "Rafael Caro Quintero", "Abu Bakr al-Baghdadi"
        elif word in _BACK_REFERENCES and not runs and run_start is None:
            if not _apposition_follows(doc, i + 1, end):
                return None  # "for his capture": the subject is named before
            i += 1  # "on its leader, Chiquito Malo": the name follows
            continue
        elif word in NAME_ENDERS or word.isdigit():
            if run_start is not None:
                runs.append((run_start, i))
            run_start = None
            if runs or modified:
                break
        elif before is not None and run_start is not None and not (i + 1 < end and _capitalised(doc, i + 1)):
            runs.append((run_start, i))  # "the reward for Juan Pérez stands at": the verb ends the name
            break
        else:  # a run before a lower-case noun ("CJNG leader") modifies what follows, if anything follows
            modified = [run_start, 1] if run_start is not None else [modified[0], modified[1] + 1] if modified else []
            run_start = None
        i += 1
    else:
        if run_start is not None:
            runs.append((run_start, i))
    if not runs and modified and modified[1] <= MODIFIED_WORDS:
        runs.append((modified[0], i))  # "for information on Hamas financial networks"
    if not runs:
        return None
    a, b = runs[-1]
    if all(words[j] in MONTHS or words[j] in WEEKDAYS for j in range(a, b)):
        return None
    start, stop_at = doc.starts[a], doc.ends[b - 1]
    if any(p.start < stop_at and start < p.end for p in sent.phrases if p.kind in _NAMED_KINDS):
        return None  # a name the table knows, or a place: not someone it does not know
    return doc.text[start:stop_at]


def _apposition_follows(doc: Document, k: int, end: int) -> bool:
    """Do one or two lower-case words from token `k` end on a comma before a capitalised word ("leader, Chiquito
    Malo"): a name in apposition to them, not a source ("on his head, Reuters said")?"""
    for j in (k, k + 1):
        if j + 1 >= end or not doc.text[doc.starts[j]].islower():
            return False
        if doc.text[doc.ends[j]:doc.starts[j + 1]].strip() == "," and _capitalised(doc, j + 1):
            stop = min(j + 2 + NAME_REACH, len(doc.norms))
            after = next((n for n in range(j + 2, stop) if not _capitalised(doc, n)), stop)
            return after >= len(doc.norms) or doc.norms[after] not in _SPEECH_VERBS
    return False


_TITLE_WORDS = {"for", "of", "in", "on", "to", "the", "and", "a", "an", "with", "after", "over", "from", "at", "by"}


def _headline(doc: Document, sent: _Sentence) -> bool:
    """Is the sentence in title case ("Reward Offered For Information On Missing Man"), where capitals mark no
    names? Most of its small words after the first are capitalised."""
    if sent.title_case is None:
        small = [k for k in range(sent.first_token + 1, sent.last_token) if doc.norms[k] in _TITLE_WORDS]
        sent.title_case = bool(small) and sum(_capitalised(doc, k) for k in small) * 2 > len(small)
    return sent.title_case


def _for_whom(doc: Document, sent: _Sentence, before: int) -> tuple[int, int] | None:
    """The character span of the name a reward's "for whom" refers back to ("El Mayo, for whom Washington offered
    15 million dollars"), when the sentence has one before the cue."""
    words = doc.norms
    if sent.for_whom is None:
        sent.for_whom = [j for j in range(sent.first_token + 1, sent.last_token)
                         if words[j] == "whom" and words[j - 1] == "for"]
    hi = bisect.bisect_left(doc.starts, before)
    n = bisect.bisect_left(sent.for_whom, hi)
    if not n or _headline(doc, sent):
        return None
    k = sent.for_whom[n - 1]
    j = k - 2  # the word before "for"
    if j < sent.first_token or "," not in doc.text[doc.ends[j]:doc.starts[k - 1]]:
        return None
    if not _capitalised(doc, j):  # "Fuad Shukr, Hezbollah's most senior military commander, for whom": the name
        i = j  # before the apposition
        while i > sent.first_token and j - i < 8 and "," not in doc.text[doc.ends[i - 1]:doc.starts[i]]:
            i -= 1
        if i <= sent.first_token or "," not in doc.text[doc.ends[i - 1]:doc.starts[i]] or not _capitalised(doc, i - 1):
            return None
        j = i - 1
    last = j
    while j > sent.first_token and (_capitalised(doc, j) or words[j] in NAME_PARTICLES) and not any(
            c in doc.text[doc.ends[j - 1]:doc.starts[j]] for c in ",.;:()"):
        j -= 1
    if not _capitalised(doc, j):
        j += 1
    if j > last or not _capitalised(doc, j) or j == last == sent.first_token:
        return None  # one capitalised word opening the sentence may be any word
    i = j - 1  # "Diosdado Cabello, the president of the National Constituent Assembly, for whom": the apposition's
    while i > sent.first_token and not _capitalised(doc, i) and j - i <= 5 and "," not in doc.text[  # head
            doc.ends[i - 1]:doc.starts[i]]:
        i -= 1
    if (i < j - 1 and words[i] in ARTICLES and i - 1 >= sent.first_token and _capitalised(doc, i - 1)
            and "," in doc.text[doc.ends[i - 1]:doc.starts[i]]):
        head_last = head = i - 1
        while head > sent.first_token and _capitalised(doc, head - 1) and not any(
                c in doc.text[doc.ends[head - 1]:doc.starts[head]] for c in ",.;:()"):
            head -= 1
        return doc.starts[head], doc.ends[head_last]
    return doc.starts[j], doc.ends[last]


LAUREATE_SENTENCES = 6  # sentences after a designation within which "The prize, worth ..." is its subject's


def _no_name_follows(doc: Document, sent: _Sentence, m: MoneyMention) -> bool:
    """Does the amount name no one it is for ("The prize, worth 11 million Swedish crowns, will be presented")?"""
    after = _words_between(doc, m.end, min(sent.s.end, m.end + 40))[:4]
    return _TARGET_MARKERS.isdisjoint(after)


_TARGET_MARKERS = {"for", "on"}  # "$5 million for X", "a $25 million bounty on Diosdado Cabello"
_TARGET_FILLER = {"information", "info", "on", "about", "leading", "that", "leads", "to", "the", "arrest", "capture",
                  "conviction", "location", "whereabouts", "identification", "identity", "recovery", "return", "of",
                  "and", "or", "a", "an"}
_BACK_REFERENCES = {"his", "her", "their", "its", "him", "them", "this", "that", "these", "those"}


_WHEN = re.compile(r",?\s+when\s")


def _when_date(doc: Document, dates: _Nearest, pos: int) -> DateMention | None:
    """ "The reward was $25 million until Aug. 7, when Bondi doubled it to $50 million": the date a "when" clause
    refers back to is the date of what that clause tells, when no other date comes between."""
    before = [d for d in dates.around(pos) if d.end <= pos]
    return before[-1] if before and _opens_when(doc, before[-1], pos) else None


def _opens_when(doc: Document, d: DateMention, pos: int) -> bool:
    """Is the date followed by a "when" clause that reaches `pos` ("last week, when it blacklisted Zadna")?"""
    when = _WHEN.match(doc.view, d.end)
    return when is not None and when.end() <= pos


def _names_another_target(doc: Document, sent: _Sentence, m: MoneyMention, cue: PhraseMatch,
                          earlier: Entity, back: bool = True) -> bool:
    """Does the reward say whom it is for, with no name the table knows ("$5 million for information on LockBit
    affiliates")? Then the one named earlier is not its subject; "for his capture" and "for the toilet" (the head
    noun of one of its names) still refer back (`back`: a pronoun may refer back to it)."""
    after = _words_between(doc, m.end, min(sent.s.end, m.end + 160))[:14]  # "for" may sit inside the cue
    marker = next((w for w in after[:4] if w in _TARGET_MARKERS), None)
    if marker is None:
        return False
    rest = [w for w in after[after.index(marker) + 1:] if w not in _TARGET_FILLER]
    named = next((p for p in sent.phrases if p.kind == "entity" and m.end < p.start <= m.end + FOR_PHRASE_CHARS), None)
    if named is not None and named.ref != earlier.id and all(
            w in _TARGET_FILLER or w in _TARGET_MARKERS for w in _words_between(doc, m.end, named.start)):
        return True  # "for the Hive gang's leaders" after LockBit: another one the table knows, whatever its head noun
    heads = name_heads(earlier)
    return bool(rest) and not (_BACK_REFERENCES | heads if back else heads).intersection(rest[:5])


def _in_reward_list(s: Sentence, sentences: Sequence[Sentence], index: _Index) -> bool:
    """Is the bullet one of a list that a sentence with a reward cue introduces, at most LIST_INTRO_SENTENCES
    sentences before the list ("ARE THERE REWARDS? Yes. The main ones:")?"""
    told = 0
    for k in range(s.index - 1, -1, -1):
        before = sentences[k]
        if any(p.kind == "reward_cue" for p in index.slice("phrases", before.start, before.end)):
            return True
        if not before.bullet:
            told += 1
            if told >= LIST_INTRO_SENTENCES:
                return False
    return False


LIST_INTRO_SENTENCES = 3  # sentences between a reward cue and the list it introduces


def _target_group(doc: Document, sent: _Sentence, m: MoneyMention, table: ReferenceTable) -> PhraseMatch | None:
    """The group a reward names as its target when it names no person ("for information that disrupts the Houthis'
    financial networks"): the table has no reward for it, so the claim is unverifiable rather than dropped."""
    after = m.end
    if _TARGET_MARKERS.isdisjoint(_words_between(doc, after, min(sent.s.end, after + 40))[:3]):
        return None
    groups = designable(table) - _PEOPLE
    phrases = sent.phrases
    lo = bisect.bisect_right(phrases, after, key=_BY_START)
    hi = bisect.bisect_right(phrases, after + TARGET_REACH, key=_BY_START)
    return next((p for p in phrases[lo:hi] if p.kind == "entity" and _entity_type(table, p) in groups), None)


TARGET_REACH = 80  # characters after an amount within which the group it is offered against is named


def _other_money(doc: Document, sent: _Sentence, m: MoneyMention, date_starts: set[int]) -> bool:
    """An amount followed by "of", "in" or "worth" (not a date) is assets, budgets, seizures: not a reward, unless
    what follows "in" is the reward itself ("$325,000 in prize money", "ten million dollars in bounties")."""
    after = _words_between(doc, m.end, min(sent.s.end, m.end + 30))[:1]
    if not after or after[0] not in _NOT_REWARD_AFTER:
        return False
    nxt = bisect.bisect_left(doc.starts, m.end)
    word_start = doc.starts[nxt] if nxt < len(doc.starts) else m.end
    if after[0] == "in" and any(p.kind == "reward_cue" and p.first <= nxt + 1 + IN_CUE_WORDS for p in sent.phrases
                                if p.first > nxt):
        return False
    if after[0] == "in" and doc.norms[nxt + 1:nxt + 2] and doc.norms[nxt + 1] in _SCOPE_DETERMINERS:
        return False  # "worth $1 million in each field": where the amount applies, not what the money is
    return word_start not in date_starts


_SCOPE_DETERMINERS = {"each", "every", "all", "both"}  # (not "its": "$5 million in its accounts" is other money)
IN_CUE_WORDS = 1  # words between "in" after an amount and a reward cue that names it ("in bug bounties")


_DEFINITE = {"the", "this", "that", "its", "their"}
DESCRIBED_REACH = 3000  # characters back a thing named in full may be called by its head noun


def _described(doc: Document, sent: _Sentence, index: _Index, table: ReferenceTable) -> str | None:
    """A thing named earlier in the article and now called by its head noun ("the gold toilet ... the toilet"):
    "the", then at most one word, then the last word of one of its names. The latest such mention wins."""
    tokens = doc.norms[sent.first_token:sent.last_token]
    heads = {w for k, w in enumerate(tokens) if k and (tokens[k - 1] in _DEFINITE or
                                                       k > 1 and tokens[k - 2] in _DEFINITE)}
    if not heads:
        return None
    sought = rewardable(table)
    reach = max(0, sent.s.start - DESCRIBED_REACH)
    earlier: list[PhraseMatch] = [p for p in index.slice("phrases", reach, sent.s.start)
               if p.kind == "entity" and _entity_type(table, p) in sought]
    for p in reversed(earlier):
        entity = table.entities[p.ref]
        if heads & name_heads(entity):
            return p.ref
    return None


def _earlier_person(sent: _Sentence, sentences: Sequence[Sentence], index: _Index,
                    table: ReferenceTable, person: bool = False) -> str | None:
    """The last person named in the two sentences before ("Maduro ... The bounty"), the paragraph before included:
    news paragraphs are often one sentence long. With `person` ("for his arrest"), a person, not a group."""
    sought = _PEOPLE if person else rewardable(table)
    for x in reversed(sentences[max(0, sent.s.index - 2):sent.s.index]):
        if x.paragraph < sent.s.paragraph - 1:
            break
        people = [p for p in index.slice("phrases", x.start, x.end)
                  if p.kind == "entity" and _entity_type(table, p) in sought]
        if people:
            return people[-1].ref
    return None


# --- event dates ------------------------------------------------------------------------

_DENIALS = NEGATIONS | {"rather", "instead", "than"}  # "described as a transfer rather than an extradition"
_TIME_UNITS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "ago", "later"}


_OPENS_CLAUSE = re.compile(r"(?:[,;:\u2013\u2014]\s*(?:and|but|then|while)?|\b(?:and|but|then|while))\s*$")


def _cue_between(cues: Sequence[PhraseMatch], trigger: PhraseMatch, d: DateMention) -> bool:
    """Does a designation or reward cue stand between a trigger and a date (not inside the trigger, which may read
    across an aside: "Haniyeh, who was designated a global terrorist in 2019, was killed in July 2024")?"""
    lo, hi = (trigger.end, d.start) if d.start >= trigger.end else (d.end, trigger.start)
    return any(lo <= c.start < hi for c in cues)


def _introduces(doc: Document, d: DateMention, trigger: PhraseMatch) -> bool:
    """Does "after" or "before" come between a date and the trigger after it, opening the trigger's own phrase
    ("declared X a terrorist group in December 2013, months after the army removed Morsi")? Then the date is the
    main clause's. Not when a comma closes the phrase first ("In July 2013, after weeks of protest, the army ...")."""
    if d.end > trigger.start:
        return False
    between = doc.view[d.end:trigger.start]
    words = _words_between(doc, d.end, trigger.start)
    k = next((i for i, w in enumerate(words) if w in EVENT_PREPOSITIONS), None)
    return k is not None and "," not in between[between.find(words[k]) + len(words[k]):]


_LEAD_MARKS = " -*\u2022\"'("  # what may come before a sentence's first word: a bullet, a quote


def _distance(doc: Document, sentence_start: int, trigger: PhraseMatch, d: DateMention, across: bool = False) -> int:
    """How far a date is from an event's trigger, in characters. A date that opens a clause ("In October 2020 a
    gunman ...", ", and on 19 February a gunman ...") is the next verb's; any other is the verb's before it ("He
    was arrested on March 11 and flown to The Hague"): the other way counts double (and some)."""
    lead = doc.view[max(sentence_start, d.start - 12):d.start]
    forward = (not lead.strip(_LEAD_MARKS) and d.start - sentence_start <= 12) or _OPENS_CLAUSE.search(lead) is not None
    if d.start >= trigger.end:
        gap, along = d.start - trigger.end, not forward
    elif d.end <= trigger.start:
        gap, along = trigger.start - d.end, forward
    elif across:  # inside a trigger that reads across another event's: as far as the trigger's end
        gap, along = trigger.end - d.end, forward
    else:
        return 0
    return gap if along else 2 * gap + 10


def _around_trigger(dates: _Nearest, trigger: PhraseMatch) -> list[DateMention]:
    """The dates just before and after a trigger's start and its end, each once."""
    return list({id(d): d for d in dates.around(trigger.start) + dates.around(trigger.end)}.values())


def _events(doc: Document, sent: _Sentence) -> list[Claim]:
    triggers = [p for p in sent.phrases if p.kind == "trigger"]
    if not triggers:
        return []
    # "Leqembi won accelerated approval on Jan. 6 and was converted to full approval last July": a gapped trigger
    # ("leqembi ... full approval") that reads across another event's whole trigger holds no date of its own
    across = {t for t in triggers if any(o.ref != t.ref and t.start <= o.start and o.end <= t.end for o in triggers)}
    spans = _Nearest([t for t in triggers if t not in across])
    usable = [d for d in _usable_dates(doc, sent.dates, sent.s.start) if not d.open_ended]  # "since 2009": a period
    dates = _Nearest([d for d in usable if not (spans.covers(d.start) and spans.covers(d.end - 1))])  # (a trigger's
    # last word may be the date's first: "awards ceremony on" + "on June 19")
    out = []
    cues = [p for p in sent.phrases if p.kind in ("designation_cue", "reward_cue")]
    events = list(dict.fromkeys(t.ref for t in triggers))
    chosen: dict[str, tuple[PhraseMatch, DateMention]] = {}
    pairs: list[tuple[int, int, str, PhraseMatch, DateMention]] = []  # (distance, order, event, trigger, date)
    for event in events:
        trig = next(t for t in triggers if t.ref == event)
        within = [d for d in usable if trig.start <= d.start and d.end <= trig.end and not trig.fuzzy
                  and trig not in across and _TIME_UNITS.isdisjoint(_words_between(doc, d.start, d.end))
                  and "," not in doc.view[trig.start:d.start]]  # (not "Garantex, the exchange sanctioned in 2022,")
        # "the Oct. 7, 2023, attack": a trigger that holds its date (not one inside an aside the trigger reads across)
        owner = [d for d in sent.dates if doc.view[d.end:d.end + 2] == "'s" and trig.start > d.end and len(
            _words_between(doc, d.end, trig.start)) <= 2]  # "last Sunday's daylight theft": an adjective between
        if within or owner:  # "Last year's kidnapping"
            chosen[event] = (trig, (within or owner)[0])
        elif len(events) == 1:  # the date nearest any of its triggers ("After X attack in Catatumbo, Petro
            near = [(_distance(doc, sent.s.start, t, d, t in across), k, t, d)  # suspends the talks": the second's)
                    for k, t in enumerate(triggers) for d in _around_trigger(dates, t)
                    if not _introduces(doc, d, t) and not (t.fuzzy and t.start <= d.start < t.end)]
            if near:
                _, _, best, date = min(near, key=_FIRST_TWO)
                chosen[event] = (best, date)
        else:  # two events or more: each date goes to the nearest trigger, and each event takes one date
            pairs += [(_distance(doc, sent.s.start, t, d, t in across), len(pairs), event, t, d)
                      for t in triggers if t.ref == event
                      for d in _around_trigger(dates, t)
                      if not _cue_between(cues, t, d) and not _introduces(doc, d, t)
                      and not (t.fuzzy and t.start <= d.start < t.end)]  # (an aside's date is the aside's)
    taken = {id(d) for _, d in chosen.values()}
    for _, _, event, trig, date in sorted(pairs):
        if event not in chosen and id(date) not in taken:
            chosen[event] = (trig, date)
            taken.add(id(date))
    for event in events:
        if event not in chosen:
            continue
        trig, date = chosen[event]
        if _cue_between(cues, trig, date):
            continue  # a cue between them takes the date ("on Thursday sanctioned ... over the invasion")
        misdescribed = [p for p in sent.phrases if p.kind == "misdescription" and p.ref == event
                        and _DENIALS.isdisjoint(_words_between(doc, max(sent.s.start, p.start - 20), p.start)[-3:])
                        and min(triggers, key=lambda t: abs(t.start - p.start)).ref == event]  # the nearest event's
        # "in transfers it insists are not extraditions", "a transfer rather than an extradition": denied
        before = set(_words_between(doc, max(sent.s.start, min(trig.start, date.start) - 60), date.start)[-6:])
        phase = "start" if before & START_WORDS else "end" if before & END_WORDS else None
        out.append(Claim("event_date", date.start, date.end, sent.s, event, {
            "misdescribed_as": doc.text[misdescribed[0].start:misdescribed[0].end] if misdescribed else None,
            "phase": phase,
        }, date))
    return out
