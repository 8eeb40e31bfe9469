"""The phrase index: every name, alias, cue, term and trigger of the table, matched on word tokens."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from workers.pipeline.english import IRREGULAR_PLURALS, PLURALS_AS_WRITTEN, inflections, stem

_WORD = re.compile(r"[a-z0-9]+")
GAP = "..."
MAX_GAP = 12  # words a "..." in a phrase may stand for
FUZZY_MIN_CHARS = 12  # shorter names are matched exactly only
FUZZY_MAX_POSTINGS = 200  # a word in more names than this is too common to find candidates by
FUZZY_MAX_POSITION = 6  # words of a name indexed for fuzzy candidates: the first few
MAX_ASIDE = 14  # words an aside set off by commas may hold inside a trigger ("Otoniel, the Clan's leader, was")
_STOPS = frozenset(".;:?!()[]\n")  # punctuation no trigger reads across
LOOSE_SLACK = 5  # words a loosely told trigger may hold beyond its own: "kills al-Qaeda leader Ayman al-Zawahiri"
LOOSE_MIN_CHARS = 3  # shorter words of a trigger are left out of its loose form, as are function words
_NAMING = frozenset({"entity", "trigger", "segment"})  # phrases whose words may be people's names (a gapped
# phrase's segments count as the phrase's own kind)


def fold(text: str) -> str:
    """Lower case without accents: the form every phrase and token is compared in."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> tuple[str, ...]:
    """The folded word tokens of a phrase."""
    return tuple(_WORD.findall(fold(text)))


def is_acronym(phrase: str) -> bool:
    """Short all-capital names (TdA, CDN, FTO) must be written with capitals to match."""
    if len(phrase) > 12:
        return False
    letters = [c for c in phrase if c.isalnum()]
    return len(letters) <= 5 and sum(c.isupper() for c in letters) >= 2


_ES_PLURALS = ("ss", "sh", "x", "z", "us")
SINGULAR_S = ("ss", "us", "is")  # endings of singulars in -s ("business", "virus", "crisis")


def _head(tokens: tuple[str, ...]) -> int:
    """Where a phrase's head is: its last word, or the word before an "of" that follows it."""
    return tokens.index("of", 1) - 1 if "of" in tokens[1:-1] else len(tokens) - 1


def written_plural(tokens: tuple[str, ...]) -> bool:
    """Is the phrase plural as written: "women", "people", or a head in -s that is no singular's ending ("species",
    "armed forces"; not "business", "virus", "crisis")?"""
    head = tokens[_head(tokens)]
    return head in PLURALS_AS_WRITTEN or head.endswith("s") and not head.endswith(SINGULAR_S)


def plural_forms(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """English plurals of a phrase's head: its last word ("organization" -> "organizations"), or the word before an
    "of" that follows it ("public health emergency of international concern" -> "public health emergencies of
    ..."); none for a head in -s that is plural as written ("sanctions"). Both forms, the likelier first, where the
    ending does not tell ("branch" -> "branches", "oligarch" -> "oligarchs"): the wrong one never occurs in a text."""
    at = _head(tokens)
    head = tokens[at]
    if head in IRREGULAR_PLURALS:  # "woman" -> "women"
        many: tuple[str, ...] = (IRREGULAR_PLURALS[head],)
    elif head.endswith("ch"):  # "branches", but "oligarchs", "techs", "epochs": the likelier first
        hard = head.endswith(("ech", "och")) or head.endswith("arch") and not head.endswith("earch") and len(head) > 6
        many = (head + "s", head + "es") if hard else (head + "es", head + "s")
    elif head.endswith("lf"):  # "wolf" -> "wolves"
        many = (head[:-1] + "ves",)
    elif head.endswith("f"):  # "chiefs", "thieves"
        many = (head + "s", head[:-1] + "ves")
    elif head.endswith("ife"):  # "wives", "knives"
        many = (head[:-2] + "ves", head + "s")
    elif head.endswith(_ES_PLURALS):  # "business" -> "businesses", "tax" -> "taxes"
        many = (head + "es",)
    elif head.endswith("is") and len(head) > 3:  # "crisis" -> "crises"
        many = (head[:-2] + "es",)
    elif head.endswith("s"):
        return ()
    elif head.endswith("y") and len(head) > 2 and head[-2] not in "aeiou":
        many = (head[:-1] + "ies",)
    else:
        many = (head + "s",)
    return tuple((*tokens[:at], form, *tokens[at + 1:]) for form in many)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase stands for."""

    kind: str  # entity | kind | cue | weak_cue | reward_cue | category | place | region | trigger | misdescription
    ref: str
    plural: bool = False
    acronym: bool = False
    capital: bool = False  # a one-word name written with a capital: "foreign" or "hive" in lower case is no name


class Hit(NamedTuple):
    """A phrase found in a token sequence: token range [first, last) and its entries (a NamedTuple: made
    hundreds of times per article)."""

    first: int
    last: int
    entries: tuple[Entry, ...]
    fuzzy: bool = False


_Trailing = dict[tuple[str, ...], tuple[Entry, ...]]  # the words of phrases before a person's name -> their entries

# A NamedTuple built with tuple.__new__ skips its generated __new__: a third of the cost, for the hundreds of
# hits every article makes (the fields are given in order, all of them).
_new = tuple.__new__


class PhraseIndex:
    """Exact phrase lookup over word tokens, gap phrases, and bounded-edit-distance names."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Entry]] = defaultdict(list)
        self._prefixes: set[str] = set()
        self._gapped: list[tuple[tuple[str, ...], Entry]] = []
        self._gapped_by_first: dict[str, list[tuple[int, tuple[str, ...], Entry, int]]] = {}  # (order, segments,
        # entry, widest gap) by first segment
        self._fuzzy_names: list[tuple[str, int, Entry]] = []  # (folded name, token count, entry)
        self._fuzzy_postings: dict[str, list[tuple[int, int]]] = defaultdict(list)  # word -> (name, position)
        self._starters: frozenset[str] = frozenset()  # first words of every phrase, sealed
        self._found: dict[str, tuple[Entry, ...]] | None = None  # _entries as tuples, for scan
        self._common_words: dict[int, tuple[str, ...]] | None = None
        self._common_keys: set[str] = set()  # phrases that are not names: cues, terms, triggers, places
        self._kind_words: dict[str, frozenset[str]] = {}  # kind -> words of its phrases
        self._first: dict[tuple[str, str, bool], str] = {}  # (kind, ref, plural) -> the first phrase added for it
        self._surnames: dict[str, set[str]] = defaultdict(set)  # "romero" -> people whose names end so
        self._surname_index: dict[str, frozenset[str]] | None = None  # the same, sealed
        self._person_keys: dict[str, list[str]] = defaultdict(list)  # person -> the folded keys of its names
        self._leading: dict[str, tuple[str, ...]] = {}  # person -> its keys that begin longer phrases, sealed
        self._leading_people: frozenset[str] = frozenset()  # people of either of the two above
        self._trailing: dict[str, _Trailing] = {}  # person -> phrases ending in its name
        self._triggers: dict[str, tuple[Entry, ...]] = {}  # triggers of two words or more, sealed: for scan_asides
        self._trigger_prefixes: frozenset[str] = frozenset()
        self._trigger_starters: frozenset[str] = frozenset()
        self._loose: list[tuple[frozenset[str], Entry]] = []  # a trigger's word stems, any order, and its entry
        self._loose_by_stem: dict[str, list[int]] = defaultdict(list)
        self._loose_forms: dict[str, str] = {}  # every inflection of their words -> its stem
        self._loose_seen: set[tuple[frozenset[str], Entry]] = set()

    def add(self, phrase: str, entry: Entry, *, fuzzy: bool = False, gap: int = MAX_GAP) -> None:
        """Add one phrase; "..." in it marks a gap of up to `gap` words."""
        if GAP in phrase:
            segments = tuple(" ".join(words(s)) for s in phrase.split(GAP) if words(s))
            for seg in segments:
                self._add_tokens(tuple(seg.split()), seg, Entry("segment", seg))
            self._gapped_by_first.setdefault(segments[0], []).append((len(self._gapped), segments, entry, gap))
            self._gapped.append((segments, entry))
            return
        tokens = words(phrase)
        if not tokens:
            return
        key = " ".join(tokens)
        self._add_tokens(tokens, key, entry)
        if fuzzy and len(key) >= FUZZY_MIN_CHARS and len(tokens) >= 2:
            name_id = len(self._fuzzy_names)
            self._fuzzy_names.append((key, len(tokens), entry))
            for pos, tok in enumerate(tokens[:FUZZY_MAX_POSITION + 1]):
                if len(tok) >= 4:
                    self._fuzzy_postings[tok].append((name_id, pos))

    def add_loose(self, phrase: str, entry: Entry, skip: frozenset[str]) -> None:
        """Also find a trigger told loosely: the stems of its words but `skip` ones, two or more, in any order and
        inflection and with a few other words between ("killed zawahiri": "a drone strike kills al-Qaeda leader
        Ayman al-Zawahiri", "the killing of Zawahiri")."""
        if GAP in phrase:
            return
        kept = [w for w in words(phrase) if w not in skip and len(w) >= LOOSE_MIN_CHARS and not w.isdigit()]
        stems = frozenset(map(stem, kept))
        if len(stems) < 2 or (stems, entry) in self._loose_seen:
            return
        self._loose_seen.add((stems, entry))
        for w in kept:
            self._loose_forms.update(dict.fromkeys(inflections(w), stem(w)))
        for s in stems:
            self._loose_by_stem[s].append(len(self._loose))
        self._loose.append((stems, entry))

    def _add_tokens(self, tokens: tuple[str, ...], key: str, entry: Entry) -> None:
        self._common_words = self._found = None  # (_found None: not sealed)
        self._kind_words = {}
        found = self._entries[key]
        if entry not in found:
            found.append(entry)
        self._first.setdefault((entry.kind, entry.ref, entry.plural), key)
        if entry.kind != "entity":
            self._common_keys.add(key)
        prefix = tokens[0]
        for token in tokens[1:]:
            self._prefixes.add(prefix)
            prefix = f"{prefix} {token}"

    def add_person_name(self, name: str, ref: str, particles: frozenset[str] | set[str]) -> None:
        """Record a person's name (for pronouns that stand for it) and index its last two words of three or more
        letters ("Yohan José Romero": "romero", "jose"; "Héctor Guerrero Flores": "flores", "guerrero"), and a
        three-word name's first ("Tran Minh Duc": "tran"): what the person is called after the first mention."""
        tokens = words(name)
        self._person_keys[ref].append(" ".join(tokens))
        for token in tokens[1:][-2:] + tokens[:1] * (len(tokens) >= 3):  # and a three-word name's first: "Tran
            # Minh Duc" is "Tran", "Kim Jong Un" "Kim" (a family name told first)
            if len(token) >= 3 and token.isalpha() and token not in particles:
                self._surnames[token].add(ref)
                self._surname_index = None

    def surnames(self) -> dict[str, frozenset[str]]:
        """Surname word -> the people it may stand for (see `add_person_name`); words that are phrases themselves, or
        words of phrases other than names, left out."""
        if self._surname_index is None:
            self.seal()
        return self._surname_index or {}

    def _names_in_phrases(self) -> tuple[dict[str, tuple[str, ...]], dict[str, _Trailing]]:
        """Person -> its names that begin a phrase other than a name ("fito was extradited", "duterte's arrest"),
        and person -> the phrases that end with one of its names, by their words before it ("captured maduro":
        ("captured",)): one walk over the phrases."""
        people: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for ref, keys in self._person_keys.items():
            for key in keys:
                people[tuple(key.split())].add(ref)
        leading: dict[str, set[str]] = defaultdict(set)
        trailing: dict[str, _Trailing] = defaultdict(dict)
        for phrase in self._common_keys:
            tokens = tuple(phrase.split())
            for n in range(1, len(tokens)):
                head = tokens[:n]
                if head not in people and head[-1] == "s":
                    head = head[:-1]  # "duterte s arrest": the name before the possessive
                for ref in people.get(head, ()):
                    leading[ref].add(" ".join(head))
                for ref in people.get(tokens[n:], ()):
                    trailing[ref][tokens[:n]] = tuple(self._entries[phrase])
        return {ref: tuple(sorted(keys)) for ref, keys in leading.items()}, dict(trailing)

    def before_pronoun(self, person: str, tokens: Sequence[str], at: int) -> list[Hit]:
        """Phrases that end with a person's name, found with the object pronoun at `at` standing for the name:
        "captured him" for "captured maduro"."""
        self._sealed()
        return [_new(Hit, (at - len(words), at + 1, entries, False))
                for words, entries in self._trailing.get(person, {}).items()
                if at >= len(words) and tuple(tokens[at - len(words):at]) == words]

    def after_pronoun(self, person: str, tokens: Sequence[str], at: int, possessive: bool) -> list[Hit]:
        """Phrases that begin with a person's name, found with the pronoun at `at` standing for the name: "He was
        captured" for "caro quintero was captured", "his arrest" for "duterte's arrest" (`possessive`)."""
        hits: list[Hit] = []
        prefixes, found_for, n = self._prefixes, self._sealed().get, len(tokens)
        for name in self._leading.get(person, ()):
            key, j = f"{name} s" if possessive else name, at + 1
            if possessive and key not in prefixes:
                continue
            while j < n and key in prefixes:
                key = f"{key} {tokens[j]}"
                j += 1
                if found := found_for(key):
                    hits.append(_new(Hit, (at, j, found, False)))
        return hits

    def entries_of(self, tokens: Sequence[str]) -> tuple[Entry, ...]:
        """The entries of exactly the phrase `tokens` (none when it is no phrase of the table)."""
        return self._sealed().get(" ".join(tokens), ())

    def leading_people(self) -> frozenset[str]:
        """People one of whose names begins or ends a longer phrase (triggers such as "fito was extradited",
        "captured maduro")."""
        self._sealed()
        return self._leading_people

    def _sealed(self) -> dict[str, tuple[Entry, ...]]:
        """The phrase index (`_entries` as tuples), sealing the lexicon first when a phrase was added since."""
        if self._found is None:
            self.seal()
        assert self._found is not None  # set by seal()
        return self._found

    def seal(self) -> None:
        """Finish building: drop fuzzy postings too common to ever be read; index first words, people's surnames
        and the names that begin other phrases."""
        for word in [w for w, p in self._fuzzy_postings.items() if len(p) > FUZZY_MAX_POSTINGS]:
            del self._fuzzy_postings[word]
        self._fuzzy_postings = dict(self._fuzzy_postings)
        self._starters = frozenset(k.split(" ", 1)[0] for k in self._entries)
        self._found = {k: tuple(v) for k, v in self._entries.items()}
        self._leading, self._trailing = self._names_in_phrases()
        self._leading_people = frozenset(self._leading) | frozenset(self._trailing)
        self._triggers = {k: t for k, v in self._entries.items() if " " in k
                          and (t := tuple(e for e in v if e.kind == "trigger"))}
        self._trigger_prefixes = frozenset(k.rsplit(" ", n)[0] for k in self._triggers
                                           for n in range(1, k.count(" ") + 1))
        self._trigger_starters = frozenset(k.split(" ", 1)[0] for k in self._triggers)
        self._loose_by_stem = dict(self._loose_by_stem)
        common = {w for key in self._common_keys if any(e.kind not in _NAMING for e in self._entries[key])
                  for w in key.split()}.union(*(seg.split() for segments, entry in self._gapped
                                                if entry.kind not in _NAMING for seg in segments))
        # (an event's trigger names its people: "saab was freed", "saab ... was released" leave "Saab" a surname)
        self._surname_index = {w: frozenset(refs) for w, refs in self._surnames.items()
                               if w not in common and all(e.kind == "segment" for e in self._entries.get(w, ()))}
        # (a phrase of its own is matched; a part of a gapped one is not)

    def first_phrase(self, kind: str, ref: str, plural: bool = False) -> str | None:
        """The first phrase the table gave for an entry (folded): how explanations name a category."""
        return self._first.get((kind, ref, plural))

    def words_of(self, kind: str) -> frozenset[str]:
        """Every word of the phrases of one kind ("designation_cue"), gapped ones' too ("placed ... on ... list"):
        vocabulary the claim rules may rely on."""
        if kind not in self._kind_words:
            gapped = (seg for segments, entry in self._gapped if entry.kind == kind for seg in segments)
            self._kind_words[kind] = frozenset(
                w for key in self._common_keys if any(e.kind == kind for e in self._entries[key]) for w in key.split()
            ).union(*map(str.split, gapped))
        return self._kind_words[kind]

    def common_words(self) -> dict[int, tuple[str, ...]]:
        """Words of every phrase but names, by length: what a censored word ("te**orist") may stand for."""
        if self._common_words is None:
            by_length: dict[int, set[str]] = defaultdict(set)
            for key in self._common_keys:
                for w in key.split():
                    by_length[len(w)].add(w)
            self._common_words = {n: tuple(sorted(ws)) for n, ws in by_length.items()}
        return self._common_words

    def scan(self, tokens: Sequence[str]) -> list[Hit]:
        """Every exact phrase occurrence in `tokens`, overlapping ones included."""
        found_for = self._sealed().get
        starters = self._starters
        hits: list[Hit] = []
        append, prefixes = hits.append, self._prefixes
        n = len(tokens)
        for i in itertools.compress(range(n), map(starters.__contains__, tokens)):
            key = tokens[i]
            if found := found_for(key):
                append(_new(Hit, (i, i + 1, found, False)))
            j = i + 1
            while j < n and key in prefixes:
                key = f"{key} {tokens[j]}"
                j += 1
                if found := found_for(key):
                    append(_new(Hit, (i, j, found, False)))
        return hits

    def scan_asides(self, tokens: Sequence[str], between: Callable[[int], str], skippable: frozenset[str],
                    relatives: frozenset[str]) -> list[Hit]:
        """Triggers read across what a writer puts inside them: an aside set off by commas ("Anubis, a young male
        wolf, was shot"; "Santrich, a former negotiator, who was killed"), a relative pronoun after a comma
        ("Santrich, who was killed") or a `skippable` word ("restored those protections" for "restored
        protections"). Only such hits, marked `fuzzy` (not word for word); `between(i)` is the text before token i."""
        self._sealed()
        hits: list[Hit] = []
        found_for, prefixes, n = self._triggers.get, self._trigger_prefixes, len(tokens)
        for i in itertools.compress(range(n), map(self._trigger_starters.__contains__, tokens)):
            paths = [(tokens[i], i + 1, False)]
            while paths:
                key, j, loose = paths.pop()
                if loose and (found := found_for(key)):
                    hits.append(_new(Hit, (i, j, found, True)))
                if key not in prefixes or j >= n or not _STOPS.isdisjoint(gap := between(j)):
                    continue
                paths.append((f"{key} {tokens[j]}", j + 1, loose))
                if "," in gap:
                    nexts = [j + 1] if tokens[j] in relatives else []
                    for c in range(j + 1, min(n, j + MAX_ASIDE + 1)):
                        if not _STOPS.isdisjoint(after := between(c)):
                            break
                        if "," in after:
                            nexts.append(c + 1 if tokens[c] in relatives else c)
                            break
                elif tokens[j] in skippable:
                    nexts = [j + 1]
                else:
                    continue
                for k in nexts:
                    if k < n and _STOPS.isdisjoint(between(k)):
                        paths.append((f"{key} {tokens[k]}", k + 1, True))
        return hits

    def loose(self, tokens: Sequence[str], between: Callable[[int], str], capital: Callable[[int], bool]) -> list[Hit]:
        """Triggers told loosely (see `add_loose`), marked `fuzzy`: every stem of one within its own length and
        LOOSE_SLACK words, no stop punctuation between, some of its words written with a capital and some not (a
        name and what happened: two common words near each other are not an event, nor is a name alone, "the
        Global Magnitsky Act" for "magnitsky act"). `between(i)` is the text before token i."""
        self._sealed()
        hits: list[Hit] = []
        if not self._loose:
            return hits
        by_stem, forms = self._loose_by_stem, self._loose_forms
        found = [(i, forms[tokens[i]]) for i in itertools.compress(range(len(tokens)), map(forms.__contains__, tokens))]
        if not found:
            return hits
        present = {s for _, s in found}
        for k in sorted({k for s in present for k in by_stem[s]}):
            stems, entry = self._loose[k]
            if not stems <= present:
                continue
            at = [(i, s) for i, s in found if s in stems]
            end = -1
            for a in range(len(at)):
                first = at[a][0]
                if first < end:
                    continue
                seen: set[str] = set()
                for i, s in at[a:]:
                    if i - first >= len(stems) + LOOSE_SLACK:
                        break
                    seen.add(s)
                    if len(seen) == len(stems):
                        told = [capital(j) for j, _ in at if first <= j <= i]
                        if any(told) and not all(told) and all(
                                _STOPS.isdisjoint(between(j)) for j in range(first + 1, i + 1)):
                            hits.append(_new(Hit, (first, i + 1, (entry,), True)))
                            end = i + 1
                        break
        return hits

    def gapped(self, segment_hits: Iterable[Hit], bounds: tuple[int, int]) -> list[Hit]:
        """Assemble gap phrases from their segments found within the token range `bounds`."""
        by_segment: dict[str, list[Hit]] = defaultdict(list)
        for hit in segment_hits:
            if bounds[0] <= hit.first and hit.last <= bounds[1]:
                for e in hit.entries:
                    if e.kind == "segment":
                        by_segment[e.ref].append(hit)
        firsts = {seg: [h.first for h in hits] for seg, hits in by_segment.items()}  # hits come in text order
        found: list[Hit] = []
        for _, segments, entry, gap in sorted(g for first in by_segment for g in self._gapped_by_first.get(first, ())):
            for start in by_segment[segments[0]]:
                pos, ok = start.last, True
                for seg in segments[1:]:
                    k = bisect.bisect_left(firsts.get(seg, ()), pos)
                    hits = by_segment.get(seg, ())
                    if k >= len(hits) or hits[k].first > pos + gap:
                        ok = False
                        break
                    pos = hits[k].last
                if ok:
                    found.append(Hit(start.first, pos, (entry,)))
        return found

    def fuzzy(self, tokens: Sequence[str], taken: Sequence[bool], capitals: Callable[[], list[bool]]) -> list[Hit]:
        """Names misspelt within a bounded edit distance, at capitalised token windows not already matched.

        `capitals()` gives, for each token, whether it starts with a capital letter; it is only called when
        some token can start a candidate.
        """
        hits: list[Hit] = []
        postings_of = self._fuzzy_postings
        candidates = [i for i in itertools.compress(range(len(tokens)), map(postings_of.__contains__, tokens))
                      if not taken[i]]
        if not candidates:
            return hits
        n = len(tokens)
        capital = capitals()
        taken_before: list[int] = []  # prefix sums, built for the first window worth measuring
        chars_before: list[int] = []
        tried: set[tuple[int, int]] = set()
        for i in candidates:
            if not any(capital[max(0, i - FUZZY_MAX_POSITION - 1):i + 1]):
                continue  # a name with this word starts with a capital at most a few words before it
            for name_id, pos in postings_of[tokens[i]]:
                anchor = i - pos
                if (name_id, anchor) in tried or not any(capital[max(0, anchor - 1):anchor + 2]):
                    continue
                tried.add((name_id, anchor))
                name, size, entry = self._fuzzy_names[name_id]
                limit = 1 if len(name) < 24 else 2
                if not taken_before:
                    taken_before = list(itertools.accumulate(map(int, taken), initial=0))
                    chars_before = list(itertools.accumulate(map(len, tokens), initial=0))
                best: tuple[int, int, int] | None = None
                for first, last in ((anchor, anchor + size), (anchor, anchor + size - 1), (anchor, anchor + size + 1),
                                    (anchor - 1, anchor + size - 1), (anchor + 1, anchor + size + 1)):
                    if first < 0 or last > n or last - first < 2 or not capital[first]:
                        continue
                    if abs(chars_before[last] - chars_before[first] + last - first - 1 - len(name)) > limit:
                        continue
                    if taken_before[last] != taken_before[first]:
                        continue
                    dist = Levenshtein.distance(" ".join(tokens[first:last]), name, score_cutoff=limit)
                    if 0 < dist <= limit and (best is None or dist < best[2]):
                        best = (first, last, dist)
                if best:
                    hits.append(Hit(best[0], best[1], (entry,), fuzzy=True))
        return hits
